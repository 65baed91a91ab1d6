/// SRX rules compiled once for one language, in the form the segmenter evaluates fast.
///
/// SRX semantics: at a position, the first rule (in cascade order) whose `beforebreak` matches
/// the text ending there and whose `afterbreak` matches the text starting there decides break or
/// no break. Scanning the whole text once per rule with a regex engine (as Okapi does) costs
/// O(rules × n) matcher calls; here each rule becomes a *check* that ICU is asked about only
/// where the text can possibly match it:
///
/// - **Anchored** (no-break rules whose `beforebreak` has a bounded length, so ICU takes it as a
///   look-behind): `(?<=before)after`, tried only at candidate breaks (ICU's, and those break
///   rules add). A no-break rule can only matter where a break is proposed, so this is exact.
/// - **Scanned by position** (break rules with a bounded `beforebreak`): the
///   same pattern, tried at the positions where a one-pass filter over the text finds units the
///   rule requires (e.g. "." before and a capital after); break positions become candidates.
/// - **Scanned by ICU** (an unbounded `beforebreak`): `before(?=after)` found by ICU over the
///   text; consecutive such rules with the same `break` are merged into one alternation.
///
/// Every check carries necessary conditions on the units around a position (`PatternShape`:
/// the last units of `beforebreak`, the first of `afterbreak`), tested in Swift before ICU is
/// called. Cost: compiling is O(rules); per text, one filter pass plus ICU calls at the few
/// positions that pass — O(n).
public struct SegmentationRules: Sendable {
    /// One compiled check, in SRX order.
    struct Check: Sendable {
        enum Mode: Sendable {
            case anchored
            case scannedByPosition
            case scannedByICU
        }
        var mode: Mode
        var isBreak: Bool
        /// The ICU pattern: `(?<=before)after` (anchored, by position) or `before(?=after)`.
        var pattern: String
        /// "language rule #n" for every rule in this check.
        var sources: [String]
        /// Necessary units: `before[j]` must hold the unit at p-1-j, `after[j]` the unit at p+j.
        var before: [TriggerSet]
        var after: [TriggerSet]
        /// Scanned by position: the most selective of those tests (offset from p, set), which
        /// drives the filter pass.
        var primaryOffset: Int
        var primary: TriggerSet
        /// Scanned by ICU: units a match can start with (`isAll`: ICU scans every position).
        var trigger: TriggerSet
        /// Whether the unit tests are the whole rule (plain character sequences on both sides),
        /// so ICU need not be asked.
        var exact = false
        /// Anchored and by position: the sequences `beforebreak` can end with and `afterbreak`
        /// can start with, tested before ICU is asked (nil when a pattern has too many or is empty).
        var beforeFilter: SequenceFilter?
        var afterFilter: SequenceFilter?
        /// A shipped rule the segmenter answers in Swift instead of asking ICU (same answers;
        /// see `NativeRule`), nil for every other rule.
        var native: NativeRule?

        /// Whether the units around `p` allow a match (p in 1..<n).
        @inline(__always)
        func admits(_ text: UnsafeBufferPointer<UInt16>, at p: Int) -> Bool {
            var j = 0
            while j < before.count {
                let i = p - 1 - j
                if i < 0 || !before[j].contains(text[i]) { return false }
                j += 1
            }
            j = 0
            while j < after.count {
                let i = p + j
                if i >= text.count || !after[j].contains(text[i]) { return false }
                j += 1
            }
            return true
        }
    }

    /// The language code the rules were selected for (e.g. "fr-FR").
    public let languageCode: String
    /// How many SRX rules apply to this language.
    public let ruleCount: Int
    let checks: [Check]

    /// How the rules will be evaluated, one line per check, e.g.
    /// "anchored no-break: English #1" or "scanned break (by position): Common #11".
    /// Shows whether custom rules hit the fast paths or cost an ICU scan of the text.
    public var plan: [String] {
        checks.map { check in
            let how: String
            switch check.mode {
            case .anchored: how = "anchored"
            case .scannedByPosition: how = "scanned by position"
            case .scannedByICU: how = check.trigger.isAll ? "scanned by ICU at every position" : "scanned by ICU"
            }
            let native = check.native == nil ? "" : " (native Swift check)"
            return "\(how) \(check.isBreak ? "break" : "no-break"): \(check.sources.joined(separator: ", "))\(native)"
        }
    }

    /// Selects the rules of `document` for `languageCode` (following `cascade`), checks every
    /// pattern with ICU and compiles them into checks. Throws `SRXError.invalidRule` naming the
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
            if check.mode == .scannedByICU, let last = checks.last, last.mode == .scannedByICU, last.isBreak == check.isBreak,
               !Self.hasBackReference(last.pattern), !Self.hasBackReference(check.pattern) {
                checks[checks.count - 1].pattern += "|" + check.pattern
                checks[checks.count - 1].sources += check.sources
                checks[checks.count - 1].trigger.formUnion(check.trigger)
            } else {
                checks.append(check)
            }
        }
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

    /// How one rule is evaluated (see the type's documentation).
    static func check(for rule: SRXDocument.Rule, source: String) -> Check {
        let before = "(?:\(rule.beforeBreak))", after = "(?:\(rule.afterBreak))"
        let bounded = (try? ICURegex("(?<=\(before))")) != nil
        let beforeShape = PatternShape.of(rule.beforeBreak), afterShape = PatternShape.of(rule.afterBreak)
        let beforeUnits = (beforeShape.exactTail(6) ?? beforeShape.tail(3)).map { $0.isAll ? nil : $0 }
        let afterUnits = afterShape.head(2).map { $0.isAll ? nil : $0 }
        // Keep only the leading informative tests (a gap would misalign offsets).
        let beforeTests = Array(beforeUnits.prefix { $0 != nil }.compactMap { $0 })
        let afterTests = Array(afterUnits.prefix { $0 != nil }.compactMap { $0 })
        guard bounded else {
            var trigger = beforeShape.first.set
            if beforeShape.first.canBeEmpty {
                trigger.formUnion(afterShape.first.set)
                if afterShape.first.canBeEmpty { trigger = .all }
            }
            return Check(mode: .scannedByICU, isBreak: rule.isBreak,
                         pattern: rule.afterBreak.isEmpty ? before : "\(before)(?=\(after))", sources: [source],
                         before: [], after: [], primaryOffset: 0, primary: .all, trigger: trigger)
        }
        var primaryOffset = 0, primary = TriggerSet.all
        // The filter pass visits units of the text, so a test that also passes "before the
        // start of the text" cannot drive it.
        for (j, set) in beforeTests.enumerated() where set.cost < primary.cost && !set.passesTextStart { primary = set; primaryOffset = -1 - j }
        for (j, set) in afterTests.enumerated() where set.cost < primary.cost && !set.passesTextStart { primary = set; primaryOffset = j }
        var check = Check(mode: rule.isBreak ? .scannedByPosition : .anchored, isBreak: rule.isBreak,
                          pattern: rule.beforeBreak.isEmpty ? after : "(?<=\(before))\(after)", sources: [source],
                          before: beforeTests, after: afterTests, primaryOffset: primaryOffset, primary: primary, trigger: .all)
        check.native = NativeRule(recognising: rule)
        if !rule.beforeBreak.isEmpty { check.beforeFilter = SequenceFilter(before: beforeShape) }
        if !rule.afterBreak.isEmpty { check.afterFilter = SequenceFilter(after: afterShape) }
        if let plainBefore = rule.beforeBreak.isEmpty ? [] : beforeShape.plainSequence,
           let plainAfter = rule.afterBreak.isEmpty ? [] : afterShape.plainSequence,
           plainBefore.count <= 4, plainAfter.count <= 2, !(plainBefore + plainAfter).isEmpty,
           !(plainBefore + plainAfter).contains(where: \.isAll) {
            check.before = plainBefore.reversed()
            check.after = plainAfter
            check.exact = true
        }
        return check
    }

    /// Shipped rules whose test is also written in Swift, because ICU made them the segmenter's
    /// main cost. A rule is one only when its text is exactly the shipped rule's; an edited copy
    /// in a custom file is a different rule and goes through ICU.
    enum NativeRule: Sendable {
        /// Khmer: a line break inside a sentence is no break (`KhmerWrappedLineCheck`).
        case khmerWrappedLine

        init?(recognising rule: SRXDocument.Rule) {
            guard KhmerWrappedLineCheck.recognises(rule) else { return nil }
            self = .khmerWrappedLine
        }

        /// What ICU's `(?<=before)after` answers at `p`.
        @inline(__always)
        func matches(_ text: UnsafeBufferPointer<UInt16>, at p: Int) -> Bool {
            switch self {
            case .khmerWrappedLine: KhmerWrappedLineCheck.matches(text, at: p)
            }
        }
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
