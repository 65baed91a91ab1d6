/// SRX rules compiled once for one language, in the form the segmenter evaluates fast.
///
/// SRX semantics: at a position, the first rule (in cascade order) whose `beforebreak` matches
/// the text ending there and whose `afterbreak` matches the text starting there decides break or
/// no break. Evaluating every rule at every position, or scanning the text once per rule (as
/// Okapi does), costs O(rules × n). Instead the rules are compiled into few *checks*, each one
/// ICU pattern for a run of consecutive rules with the same `break` value:
///
/// - **Scanned** checks (every run of break rules, and no-break rules whose `beforebreak` has no
///   bounded length): one alternation `(?:b₁)(?=a₁)|(?:b₂)(?=a₂)|…` found over the text once;
///   the end of each match is a position where one of the rules applies. Break positions found
///   this way are added to ICU's candidates.
/// - **Anchored** checks (runs of no-break rules whose `beforebreak` is bounded): one pattern
///   `(?<=b₁)a₁|(?<=b₂)a₂|…` tried only at candidate positions with an anchored match. A
///   no-break rule can only matter where something proposes a break, so this is exact.
///
/// Cost: compiling is O(rules); per text, one ICU find pass per scanned check (the default
/// rules have two) and one anchored match per anchored check per candidate — O(n) overall.
/// Merging runs into alternations differs from rule-by-rule scanning only where two rules of one
/// run would match overlapping text; rules using back-references are never merged.
public struct SegmentationRules: Sendable {
    /// One compiled check, in SRX order.
    struct Check: Sendable {
        enum Mode: Sendable { case anchored, scanned }
        /// For scanned checks: whether the break is where the match ends (`before(?=after)`)
        /// or where it starts (`(?<=before)after`, chosen when the afterbreak starts with rarer
        /// characters than the beforebreak, e.g. a rule breaking at white space before "•").
        enum Position: Sendable { case matchEnd, matchStart }
        var mode: Mode
        var isBreak: Bool
        var position: Position
        /// The ICU pattern (compiled per `Segmenter`, since an ICU regex holds its text).
        var pattern: String
        /// "language rule #n" for every rule merged into this check.
        var sources: [String]
        /// Scanned: the code units a match can start with (`isAll`: let ICU scan).
        var trigger: TriggerSet
        /// Anchored: the unit just before the position, and the one at it, that can match.
        var beforeLast: TriggerSet
        var afterFirst: TriggerSet
    }

    /// The language code the rules were selected for (e.g. "fr-FR").
    public let languageCode: String
    /// How many SRX rules apply to this language.
    public let ruleCount: Int
    let checks: [Check]

    /// How the rules will be evaluated, one line per check, e.g.
    /// "anchored no-break: English #1, English #2" or "scanned break: Common #10, Common #11".
    /// Shows whether custom rules hit the fast path (anchored) or cost a scan each.
    public var plan: [String] {
        checks.map { check in
            let how = check.mode == .anchored ? "anchored" : "scanned\(check.position == .matchStart ? " by afterbreak" : "")\(check.trigger.isAll ? " (every position)" : "")"
            return "\(how) \(check.isBreak ? "break" : "no-break"): \(check.sources.joined(separator: ", "))"
        }
    }

    /// Selects the rules of `document` for `languageCode` (following `cascade`), checks every
    /// pattern with ICU and merges them into checks. Throws `SRXError.invalidRule` naming the
    /// language rule, the rule number and the element whose pattern ICU rejects.
    public init(document: SRXDocument, languageCode: String) throws(SRXError) {
        let selected = try document.rules(forLanguage: languageCode)
        var checks: [Check] = []
        for (languageRule, index, rule) in selected {
            for (element, pattern) in [("beforebreak", rule.beforeBreak), ("afterbreak", rule.afterBreak)] {
                do { _ = try ICURegex("(?:\(pattern))") } catch {
                    throw .invalidRule(languageRule: languageRule, rule: index, line: rule.line, element: element,
                                       pattern: pattern, reason: "\(error.icuError) at offset \(error.offset)")
                }
            }
            let check = Self.check(for: rule, source: "\(languageRule) #\(index)")
            let mergeable = !Self.hasBackReference(rule.beforeBreak) && !Self.hasBackReference(rule.afterBreak)
            if mergeable, let last = checks.last, last.mode == check.mode, last.isBreak == check.isBreak,
               last.position == check.position, !Self.hasBackReference(last.pattern) {
                checks[checks.count - 1].pattern += "|" + check.pattern
                checks[checks.count - 1].sources += check.sources
                checks[checks.count - 1].trigger.formUnion(check.trigger)
                checks[checks.count - 1].beforeLast.formUnion(check.beforeLast)
                checks[checks.count - 1].afterFirst.formUnion(check.afterFirst)
            } else {
                checks.append(check)
            }
        }
        // A merge can only fail if ICU limits are hit; say which rules.
        for check in checks {
            do { _ = try ICURegex(check.pattern) } catch {
                throw .invalidRule(languageRule: check.sources.joined(separator: ", "), rule: 0, line: 0, element: "merged rules",
                                   pattern: check.pattern, reason: error.description)
            }
        }
        self.languageCode = languageCode
        self.ruleCount = selected.count
        self.checks = checks
    }

    /// How one rule is evaluated: anchored when it is a no-break rule whose beforebreak has a
    /// bounded length (ICU accepts it as a look-behind); otherwise scanned, from whichever side
    /// starts with the rarer characters.
    static func check(for rule: SRXDocument.Rule, source: String) -> Check {
        let before = "(?:\(rule.beforeBreak))", after = "(?:\(rule.afterBreak))"
        let bounded = (try? ICURegex("(?<=\(before))")) != nil
        let beforeShape = PatternShape.of(rule.beforeBreak), afterShape = PatternShape.of(rule.afterBreak)
        let beforeLast = beforeShape.last, afterFirst = afterShape.first
        if !rule.isBreak && bounded {
            return Check(mode: .anchored, isBreak: false, position: .matchStart,
                         pattern: rule.beforeBreak.isEmpty ? after : "(?<=\(before))\(after)", sources: [source], trigger: .all,
                         beforeLast: beforeLast.canBeEmpty ? .all : beforeLast.set,
                         afterFirst: afterFirst.canBeEmpty ? .all : afterFirst.set)
        }
        var endTrigger = beforeShape.first.set
        if beforeShape.first.canBeEmpty {
            endTrigger.formUnion(afterFirst.set)
            if afterFirst.canBeEmpty { endTrigger = .all }
        }
        let startTrigger = afterFirst.canBeEmpty ? TriggerSet.all : afterFirst.set
        let byAfter = bounded && cost(startTrigger) < cost(endTrigger)
        return Check(mode: .scanned, isBreak: rule.isBreak, position: byAfter ? .matchStart : .matchEnd,
                     pattern: byAfter ? "(?<=\(before))\(after)" : (rule.afterBreak.isEmpty ? before : "\(before)(?=\(after))"),
                     sources: [source], trigger: byAfter ? startTrigger : endTrigger, beforeLast: .all, afterFirst: .all)
    }

    /// A rough count of how often a set's units occur: each ASCII member counts one, "any
    /// non-ASCII" two hundred.
    static func cost(_ set: TriggerSet) -> Int {
        (0..<128).reduce(0) { $0 + (set.contains(UInt16($1)) ? 1 : 0) } + (set.anyNonASCII ? 200 : set.others.count)
    }

    /// Whether `pattern` uses a numbered or named back-reference (merging would renumber groups).
    static func hasBackReference(_ pattern: String) -> Bool {
        var escaped = false
        for character in pattern {
            if escaped {
                if character.isNumber || character == "k" { return true }
                escaped = false
            } else if character == "\\" {
                escaped = true
            }
        }
        return false
    }
}
