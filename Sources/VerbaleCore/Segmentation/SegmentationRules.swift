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
        var mode: Mode
        var isBreak: Bool
        /// The ICU pattern (compiled per `Segmenter`, since an ICU regex holds its text).
        var pattern: String
        /// "language rule #n" for every rule merged into this check, for debugging.
        var sources: [String]
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
        checks.map { "\($0.mode) \($0.isBreak ? "break" : "no-break"): \($0.sources.joined(separator: ", "))" }
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
            let before = "(?:\(rule.beforeBreak))", after = "(?:\(rule.afterBreak))"
            let bounded = rule.isBreak ? false : ((try? ICURegex("(?<=\(before))")) != nil)
            let mode: Check.Mode = bounded ? .anchored : .scanned
            let piece = mode == .anchored
                ? (rule.beforeBreak.isEmpty ? after : "(?<=\(before))\(after)")
                : (rule.afterBreak.isEmpty ? before : "\(before)(?=\(after))")
            let source = "\(languageRule) #\(index)"
            let mergeable = !Self.hasBackReference(rule.beforeBreak) && !Self.hasBackReference(rule.afterBreak)
            if mergeable, let last = checks.last, last.mode == mode, last.isBreak == rule.isBreak, !Self.hasBackReference(last.pattern) {
                checks[checks.count - 1].pattern += "|\(piece)"
                checks[checks.count - 1].sources.append(source)
            } else {
                checks.append(Check(mode: mode, isBreak: rule.isBreak, pattern: piece, sources: [source]))
            }
        }
        // Validate merged patterns once more: a merge can only fail if ICU limits are hit.
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
