/// Finds the placeables of a text: dates (EN/FR/KM forms, ISO values), note reference
/// numbers, e-mail addresses, URLs, numbers (Latin or Khmer digits) and the personal-data
/// placeholders (`{PERSON}`, `{EMAIL}`…) that import writes, valued by their name.
///
/// Each kind is an ICU regular expression (`PlaceablePatterns`), but none is run over the
/// whole text: one pass over the text finds where a placeable could start (a digit, a word
/// starting with a month's or a prefix's initial, ថ ខ ល in Khmer…) and only the rules that can
/// start there are tried, anchored at that position. E-mail addresses, which start anywhere, are
/// searched only in texts holding `@`. Overlaps are resolved leftmost-longest, so
/// "No. 2021/01/045" is one reference, and "12 January 2021" one date, not a number.
/// Plain digit runs, bare references and the commonest prefixed references are answered in
/// Swift where their units tell (`plainNumberEnd`, `bareReferenceMatch`,
/// `prefixedReferenceMatch`, each proved equal to its regex), the rest by the regex.
/// Cost: O(n) plus a short anchored match per candidate position. Not thread-safe.
final class PlaceableRecognizer {
    let language: Language

    /// Where a rule may start: at a digit (not inside a number), at the start of a Latin word
    /// whose first letter is in `initials` (ASCII), or at a Khmer letter in `khmerInitials`.
    /// `monthAhead` and `monthWord` are cheap checks that spare date rules most attempts: a
    /// day must be followed (after an ordinal suffix and spaces) by a letter, and a month-first
    /// date must start with a month's first three letters.
    struct Trigger {
        var digit = false
        var initials: Set<UInt16> = []
        var khmerInitials: [UInt16] = []
        var monthAhead = false
        var monthWord = false
        /// A cheap test the text must pass for the rule to match there (see `Prefilter`).
        var prefilter = Prefilter.none

        fileprivate var initialMask: (UInt64, UInt64) {
            var mask: (UInt64, UInt64) = (0, 0)
            for u in initials where u < 128 {
                if u < 64 { mask.0 |= 1 << UInt64(u) } else { mask.1 |= 1 << UInt64(u - 64) }
            }
            return mask
        }
    }

    /// Necessary conditions, read off a rule's pattern, that spare most anchored regex attempts
    /// at word starts: a rule is tried only where its prefilter passes. Each rejects a position
    /// only when the pattern provably cannot match there (judged on ASCII units only; anything
    /// else is left to the regex). `Tokenizer.Engine.icu` turns them off, so
    /// `TokenizerEquivalenceTests` proves them on every text it compares.
    enum Prefilter {
        case none
        /// A bare reference (`FCO/WED/1/95`, `2021/01/045`) has a `/` at or after the start, and
        /// its shape: at a capital, two or more capitals then `/`; at a digit, digits, `/`, a
        /// digit, more digits, `/`, a digit (`referenceShapeFollows`).
        case referenceShape
        /// `http`, `https`, `ftp`, `www.` (any case): the next two units, when ASCII, are `tt`,
        /// `tp` or `ww` after `h`, `f`, `w`.
        case url
        /// `No` `NO` `Nos` `N.` `N°` `N °`, `Ref` `REF` `RÉF`, `ref` `réf`, `n.` `n°`: after `N` no
        /// ASCII letter but `o` `O`, after `R` none but `e` `E`, after `r` none but `e`, after `n` none.
        case prefixedReference
        /// A month-first date (`January 12, 2021`, `juillet 1993`): a month name holds no space,
        /// and is followed (after an optional `.`) by spaces and a digit, so the first space
        /// after the start, then the end of that run of spaces, must come before a digit.
        case monthThenDigit
        /// A day-first English or French date (`12 January 2021`, `20th of October`, `1er mars`):
        /// after the digits, at most two letters of an ordinal suffix and spaces (and `of` and
        /// spaces), the next three units are a month stem (`startsWithMonthStem`). Judged only
        /// where every unit read is ASCII or Latin-1 (case-insensitive matching folds `ſ` to `s`,
        /// `ﬆ` to `st`): elsewhere the regex decides (`monthMayFollowDay`).
        case monthAfterDay
        /// A Khmer day-first date at a digit (`១២ ខែកក្កដា`, `12 កក្កដា`): after the digits and
        /// spaces comes a Khmer unit (`ខែ` or a month). At `ថ` (`ថ្ងៃទី…`) it always passes.
        case khmerAfterDigits
    }

    typealias Reader = (Range<Int>) -> String
    struct Rule {
        var regex: ICURegex
        var trigger: Trigger
        var mask: (UInt64, UInt64)
        var value: (Reader, [Range<Int>?]) -> (Placeable.Kind, String)?

        init(regex: ICURegex, trigger: Trigger, value: @escaping (Reader, [Range<Int>?]) -> (Placeable.Kind, String)?) {
            self.regex = regex
            self.trigger = trigger
            self.mask = trigger.initialMask
            self.value = value
        }
    }

    let rules: [Rule]
    /// How many rules the masks must hold (at most 64: one bit each).
    var ruleCount: Int { rules.count }
    private let email: ICURegex?
    /// `{PERSON}`, `{EMAIL2}`…: the placeholders `verbale import` leaves in place of personal data.
    private let personalPlaceholder: ICURegex?
    /// Whether `Trigger.prefilter`s are applied (off only for the reference engine).
    let usesPrefilters: Bool
    /// The rules' tables below are constants (`let`), set once in `init`: reading one costs
    /// neither an exclusivity check nor a retain per text (they were `var`s copied into locals
    /// per `recognize`, nine retains and releases per text).
    /// The union of the rules' initial masks: a word start outside it tries no rule.
    private let anyInitial: (UInt64, UInt64)
    /// The rules' triggers as plain values, read per candidate position without copying a
    /// `Trigger` (whose set and array would be retained and released each time).
    private let ruleDigit: [Bool]
    private let ruleMask0: [UInt64], ruleMask1: [UInt64]
    private let ruleKhmerInitials: [[UInt16]], rulePrefilter: [Prefilter]
    /// The rules' regexes alone: reading one from `rules` copied the whole `Rule` (its trigger's
    /// set and array retained and released) at every attempt.
    private let ruleRegex: [ICURegex]
    /// Bit n set when rule n may start at a digit / at a word starting with that ASCII unit / at
    /// a Khmer letter: a candidate position visits only those rules, in order. The masks hold
    /// 64 rules (there are 11); `PlaceableRecognizerReferenceTests` fails if `ruleCount` ever
    /// passes 64.
    private let digitRules: UInt64, khmerRules: UInt64
    /// Bit n set when rule n needs a month stem at a word start (`Trigger.monthWord`) / a letter
    /// after a day's digits (`Trigger.monthAhead`): one check per candidate drops them all.
    private let monthWordRules: UInt64, monthAheadRules: UInt64
    private let initialRules: [UInt64]
    /// Bit n set for the URL rule: past the text's last digit (`DigitTail`) it is the only rule
    /// that can still give a placeable.
    private let urlRules: UInt64
    /// The index of the number rule, which `plainNumberEnd` answers without ICU where it can.
    private let numberRule: Int
    /// The index of the bare-reference rule, which `bareReferenceMatch` answers without ICU
    /// where it can.
    private let bareReferenceRule: Int
    /// The index of the prefixed-reference rule, which `prefixedReferenceMatch` answers
    /// without ICU for its commonest shape (`ref. 3/123`, `No.: 1999`).
    private let prefixedReferenceRule: Int
    /// `nextCandidate`'s table, at `u << 2 | previous` for an ASCII unit `u` after a unit of
    /// kind `previous` (bit 0 a Latin letter, bit 1 a digit): bit 0 set where the scan stops
    /// (`@`, `{`, a digit after a non-digit, a unit in `anyInitial` — some rule may start a word
    /// there — that is no digit, after a non-letter), bits 1–2 the kind of `u` itself.
    private let scanTable: [UInt8]
    /// For a word starting with ASCII letter `u0` then ASCII `u1`: bit `u1 & 63` of element
    /// `u0 << 1 | u1 >> 6` is clear when no rule `recognize` would try there can pass its checks
    /// (`wordStartPairPasses`, given an ASCII unit after `u1`): `nextCandidate` then scans on
    /// instead of stopping. All set when prefilters are off.
    private let wordStartPairs: [UInt64]
    /// Whether `nextCandidate` skips the word starts `wordStartPairs` rules out: off only in
    /// `PlaceableWordStartPairTests`, which compare the placeables with and without it.
    var skipsWordStartPairs = true
    /// `recognize`'s candidates, kept from text to text (no allocation per text once grown).
    private var candidateBuffer: [Placeable.Found] = []
    /// Each rule's valuation, read without copying its `Rule`.
    private let ruleValue: [(Reader, [Range<Int>?]) -> (Placeable.Kind, String)?]

    /// `wordStartPairPasses` unless a test hands in another (`PlaceableWordStartPairTests` breaks
    /// it on purpose to see its comparison fail).
    typealias WordStartPairTest = (Prefilter, _ monthWord: Bool, UInt16, UInt16) -> Bool

    init(language: Language, usesPrefilters: Bool = true, wordStartPairTest: WordStartPairTest = PlaceableRecognizer.wordStartPairPasses) {
        self.language = language
        self.usesPrefilters = usesPrefilters
        var rules: [Rule] = []
        var numberRule = -1
        let monthInitials = Set("JFMASONDjfmasond".utf16)
        for pattern in PlaceablePatterns.dates {
            guard let regex = try? ICURegex.shared(pattern.pattern, options: pattern.caseInsensitive ? [.caseInsensitive] : []) else { continue }
            let trigger = switch pattern.start {
            case .digit: Trigger(digit: true, monthAhead: true, prefilter: .monthAfterDay)
            case .monthName: Trigger(initials: monthInitials, monthWord: true, prefilter: .monthThenDigit)
            case .khmerDayOrDigit: Trigger(digit: true, khmerInitials: ["ថ".utf16.first ?? 0], prefilter: .khmerAfterDigits)
            case .khmerMonth: Trigger(khmerInitials: ["ខ".utf16.first ?? 0])
            }
            rules.append(Rule(regex: regex, trigger: trigger) { text, groups in
                Self.dateValue(pattern, text, groups).map { (.date, $0) }
            })
        }
        // An ASCII digit answers without a property lookup per scalar (the only ASCII decimals).
        let hasDigit: (String) -> Bool = { text in
            text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } || text.unicodeScalars.contains { $0.value >= 0x80 && $0.properties.numericType == .decimal }
        }
        var prefixedReferenceRule = -1
        if let regex = try? ICURegex.shared(PlaceablePatterns.prefixedReference) {
            prefixedReferenceRule = rules.count
            // `№` (U+2116) is no Khmer letter, but is tried like one: a unit outside ASCII.
            rules.append(Rule(regex: regex, trigger: Trigger(initials: Set("NnRr".utf16), khmerInitials: ["ល".utf16.first ?? 0, 0x2116], prefilter: .prefixedReference)) { text, groups in
                guard let range = groups[1] else { return nil }
                let identifier = text(range)
                return hasDigit(identifier) ? (.reference, Digits.ascii(identifier)) : nil
            })
        }
        var bareReferenceRule = -1
        if let regex = try? ICURegex.shared(PlaceablePatterns.bareReference) {
            bareReferenceRule = rules.count
            rules.append(Rule(regex: regex, trigger: Trigger(digit: true, initials: Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf16), prefilter: .referenceShape)) { text, groups in
                guard let range = groups[1] else { return nil }
                return Self.bareReferenceValue(text(range)).map { (.reference, $0) }
            })
        }
        let groupSpace = language == .french ? "[\\u00A0\\u202F\\u2009 ]" : "[\\u00A0\\u202F\\u2009]"
        if let regex = try? ICURegex.shared(PlaceablePatterns.number(groupSpace: groupSpace)) {
            numberRule = rules.count
            rules.append(Rule(regex: regex, trigger: Trigger(digit: true)) { text, groups in
                groups[1].map { (.number, NumberValue.parse(text($0), language: language)) }
            })
        }
        var urlRules: UInt64 = 0
        if let regex = try? ICURegex.shared(PlaceablePatterns.url, options: [.caseInsensitive]) {
            urlRules = 1 << UInt64(rules.count)
            rules.append(Rule(regex: regex, trigger: Trigger(initials: Set("hHfFwW".utf16), prefilter: .url)) { text, groups in
                guard let range = groups[0] else { return nil }
                let url = Self.trimmingSentencePunctuation(text(range))
                return url.count > 4 ? (.url, url) : nil
            })
        }
        email = try? ICURegex.shared(PlaceablePatterns.email)
        personalPlaceholder = try? ICURegex.shared(PlaceablePatterns.personalDataPlaceholder)
        var anyInitial: (UInt64, UInt64) = (0, 0)
        var digitRules: UInt64 = 0, khmerRules: UInt64 = 0
        var monthWordRules: UInt64 = 0, monthAheadRules: UInt64 = 0
        var initialRules = [UInt64](repeating: 0, count: 128)
        for (n, rule) in rules.enumerated() {
            anyInitial.0 |= rule.mask.0
            anyInitial.1 |= rule.mask.1
            if rule.trigger.digit { digitRules |= 1 << UInt64(n) }
            if !rule.trigger.khmerInitials.isEmpty { khmerRules |= 1 << UInt64(n) }
            if rule.trigger.monthWord { monthWordRules |= 1 << UInt64(n) }
            if rule.trigger.monthAhead { monthAheadRules |= 1 << UInt64(n) }
            for u in rule.trigger.initials where u < 128 { initialRules[Int(u)] |= 1 << UInt64(n) }
        }
        self.rules = rules
        self.numberRule = numberRule
        self.bareReferenceRule = bareReferenceRule
        self.prefixedReferenceRule = prefixedReferenceRule
        self.anyInitial = anyInitial
        self.digitRules = digitRules
        self.khmerRules = khmerRules
        self.monthWordRules = monthWordRules
        self.monthAheadRules = monthAheadRules
        self.initialRules = initialRules
        self.urlRules = urlRules
        ruleDigit = rules.map(\.trigger.digit)
        ruleMask0 = rules.map(\.mask.0)
        ruleMask1 = rules.map(\.mask.1)
        ruleKhmerInitials = rules.map(\.trigger.khmerInitials)
        ruleRegex = rules.map(\.regex)
        rulePrefilter = rules.map(\.trigger.prefilter)
        ruleValue = rules.map(\.value)
        let rulePrefilters = rules.map(\.trigger.prefilter)
        wordStartPairs = (0..<256).map { (index: Int) -> UInt64 in
            let u0 = UInt16(index >> 1)
            var bits: UInt64 = 0
            for low in 0..<64 {
                let u1 = UInt16((index & 1) << 6 | low)
                var visit = initialRules[Int(u0)]
                var passes = !usesPrefilters || visit == 0
                while visit != 0, !passes {
                    let n = visit.trailingZeroBitCount
                    visit &= visit - 1
                    passes = wordStartPairTest(rulePrefilters[n], monthWordRules & (1 << UInt64(n)) != 0, u0, u1)
                }
                if passes { bits |= 1 << UInt64(low) }
            }
            return bits
        }
        scanTable = (0..<512).map { (index: Int) -> UInt8 in
            let u = UInt16(index >> 2), previousLetter = index & 1 != 0, previousDigit = index & 2 != 0
            let letter = Self.isLatinLetter(u), digit = Self.isDigit(u)
            let initial = (u < 64 ? anyInitial.0 : anyInitial.1) & (1 << UInt64(u & 63)) != 0
            let stops = u == 0x40 || u == 0x7B || (digit && !previousDigit) || (!digit && initial && !previousLetter)
            return (stops ? 1 : 0) | (letter ? 2 : 0) | (digit ? 4 : 0)
        }
    }

    /// Whether `prefilter` lets a rule be tried at `i` (true when prefilters are off).
    func passes(_ prefilter: Prefilter, _ units: UnsafeBufferPointer<UInt16>, _ i: Int, lastSlash: Int) -> Bool {
        guard usesPrefilters else { return true }
        let isASCIILetter = { (u: UInt16) in (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) }
        switch prefilter {
        case .none:
            return true
        case .referenceShape:
            return lastSlash >= i && Self.referenceShapeFollows(units, i)
        case .monthThenDigit:
            var j = i + 1
            while j < units.count, !Self.isPatternSpace(units[j]) { j += 1 }
            while j < units.count, Self.isPatternSpace(units[j]) { j += 1 }
            return j < units.count && Self.isDigit(units[j])
        case .url:
            guard i + 2 < units.count else { return false }
            let a = units[i + 1], b = units[i + 2]
            guard a < 0x80, b < 0x80 else { return true }
            let lowerA = a | 0x20, lowerB = b | 0x20
            guard isASCIILetter(a), isASCIILetter(b) else { return false }
            switch units[i] | 0x20 {
            case 0x68: return lowerA == 0x74 && lowerB == 0x74  // h: tt
            case 0x66: return lowerA == 0x74 && lowerB == 0x70  // f: tp
            case 0x77: return lowerA == 0x77 && lowerB == 0x77  // w: ww
            default: return true
            }
        case .prefixedReference:
            guard i + 1 < units.count else { return true }
            let next = units[i + 1]
            // Whether the unit at `j` lets a `No`, `Nos`, `Ref`… end at the pattern's `\b`: the
            // text's end, or anything but an ASCII letter, digit or `_` (word units to ICU).
            let wordEnds = { (j: Int) in j >= units.count || !Self.isASCIIWordUnit(units[j]) }
            switch units[i] {
            case 0x4E:  // N: `N.`, `N°`, `N °`…; or `No`, `NO`, `Nos`, each a whole word
                guard isASCIILetter(next) else { return true }
                if next == 0x6F { return wordEnds(i + 2) || (i + 2 < units.count && units[i + 2] == 0x73 && wordEnds(i + 3)) }
                return next == 0x4F && wordEnds(i + 2)
            case 0x52, 0x72:  // R: `Ref`, `REF`, `Réf`, `RÉF`; r: `ref`, `réf`; each a whole word
                guard i + 2 < units.count else { return false }
                let third = units[i + 2]
                switch next {
                case 0x65, 0xE9: guard third == 0x66 else { return false }  // e é: then f
                case 0x45, 0xC9: guard units[i] == 0x52, third == 0x46 else { return false }  // E É (after R): then F
                default: return false
                }
                return wordEnds(i + 3)
            case 0x6E: return !isASCIILetter(next)  // n: `n.`, `n°`, `n °`
            default: return true
            }
        case .monthAfterDay:
            return Self.monthMayFollowDay(units, i)
        case .khmerAfterDigits:
            guard Self.isDigit(units[i]) else { return true }
            var j = i
            while j < units.count, Self.isDigit(units[j]) { j += 1 }
            while j < units.count, Self.isPatternSpace(units[j]) { j += 1 }
            return j < units.count && units[j] >= 0x1780 && units[j] <= 0x17FF
        }
    }

    /// Whether a rule with `prefilter` (and, with `monthWord`, the month-stem check) may be
    /// tried at a word starting with the ASCII letter `u0` followed by the ASCII unit `u1`, then
    /// by an ASCII unit: false only where `recognize`'s own checks at that position — the month
    /// stem (`startsWithMonthStem`), the reference shape (`referenceShapeFollows`) and `passes` —
    /// answer false whatever the units after `u1` are. Read case by case off those checks:
    /// a month stem starts with one of `monthStems`' first two units (A–Z lowered); a bare
    /// reference at a capital needs a second capital; a URL (its third unit ASCII) needs `t`
    /// after `h` or `f` and `w` after `w`, in any case; a prefixed reference needs, after `N`,
    /// no ASCII letter but `o` `O`, after `R` `e` or `E`, after `r` `e`, after `n` no ASCII letter.
    /// Any other prefilter passes. `PlaceableWordStartPairTests` checks it against those checks
    /// on every ASCII trigram and compares the placeables found with and without it.
    ///
    /// Why: most Europarl word starts are rule initials (`a`, `d`, `r`, `s`, `o`, `m`, `n`, `f`,
    /// `w`, `h`, capitals: 337,640 stops on the 20k slice) and nearly all fail these checks at
    /// their second unit; `nextCandidate` reads that unit and scans on, instead of returning
    /// each one to `recognize` to be turned down there (39,985 still pass).
    static func wordStartPairPasses(_ prefilter: Prefilter, monthWord: Bool, _ u0: UInt16, _ u1: UInt16) -> Bool {
        let lower = { (u: UInt16) -> UInt64 in UInt64((0x41...0x5A).contains(u) ? u + 0x20 : u) }
        let isASCIILetter = { (u: UInt16) in (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) }
        if monthWord {
            return monthStems.contains { $0 >> 32 == lower(u0) && ($0 >> 16) & 0xFFFF == lower(u1) }
        }
        switch prefilter {
        case .referenceShape:
            return (0x41...0x5A).contains(u0) && (0x41...0x5A).contains(u1)
        case .url:
            guard isASCIILetter(u1) else { return false }
            switch u0 | 0x20 {
            case 0x68, 0x66: return u1 | 0x20 == 0x74  // h, f: t
            case 0x77: return u1 | 0x20 == 0x77  // w: w
            default: return true
            }
        case .prefixedReference:
            switch u0 {
            case 0x4E: return !isASCIILetter(u1) || u1 == 0x6F || u1 == 0x4F  // N: o, O, or no letter
            case 0x52: return u1 == 0x65 || u1 == 0x45  // R: e, E
            case 0x72: return u1 == 0x65  // r: e
            case 0x6E: return !isASCIILetter(u1)  // n: no letter
            default: return true
            }
        case .none, .monthThenDigit, .monthAfterDay, .khmerAfterDigits:
            return true
        }
    }

    /// Whether a bare reference can start at `i` (`PlaceablePatterns.bareReference`, which is
    /// case-sensitive): at a capital, the run of ASCII capitals there is two or more long and
    /// followed by `/` (`[A-Z]{2,}(?:/…)+`: no other unit can follow a prefix of the run), or
    /// two to six long and followed by a space (a code before digits, `AL KHM 10/2020`: the
    /// regex decides); at a digit, the run of digits there is followed by `/` and a digit
    /// (`d+(?:/d+)+`, d Latin or Khmer). Cost: a read of the units it checks.
    static func referenceShapeFollows(_ units: UnsafeBufferPointer<UInt16>, _ i: Int) -> Bool {
        let n = units.count
        var j = i
        if (0x41...0x5A).contains(units[i]) {
            while j < n, (0x41...0x5A).contains(units[j]) { j += 1 }
            guard j - i >= 2, j < n else { return false }
            return units[j] == 0x2F || (j - i <= 6 && isPatternSpace(units[j]))
        }
        while j < n, isDigit(units[j]) { j += 1 }
        return j + 1 < n && units[j] == 0x2F && isDigit(units[j + 1])
    }

    /// ASCII letters, digits and `_`: ICU's `\w` units below 0x80.
    @inline(__always)
    static func isASCIIWordUnit(_ u: UInt16) -> Bool {
        (0x30...0x39).contains(u) || (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) || u == 0x5F
    }

    /// `Prefilter.monthAfterDay` at `i`: false only where the day-first date patterns provably
    /// cannot match. After one or two digits they need an optional two-letter suffix (`st` `nd`
    /// `rd` `th`, `er` `re`), white space, an optional `of` and white space, then a month, whose
    /// first three units are a stem. Any unit read that is neither ASCII, Latin-1 nor a pattern
    /// space makes it answer true (case-insensitive folding is left to ICU). Cost: a few unit
    /// reads; spares the three date regexes at most numbers followed by a word ("5 of the").
    static func monthMayFollowDay(_ units: UnsafeBufferPointer<UInt16>, _ i: Int) -> Bool {
        let n = units.count
        var j = i
        while j < n, isDigit(units[j]) { j += 1 }
        var suffix = 0
        while j < n, suffix < 2, !isPatternSpace(units[j]) {
            let u = units[j]
            if u >= 0x80 { return true }
            guard (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) else { return false }
            j += 1
            suffix += 1
        }
        /// Whether the three units at `k` may start a month (a stem, or not Latin-1).
        func stemAt(_ k: Int) -> Bool {
            guard k + 2 < n else { return false }
            if units[k] >= 0x100 || units[k + 1] >= 0x100 || units[k + 2] >= 0x100 { return true }
            return startsWithMonthStem(units, k)
        }
        var k = j
        while k < n, isPatternSpace(units[k]) { k += 1 }
        guard k > j else { return false }
        if stemAt(k) { return true }
        // `of` and spaces before the month (`12th of January`).
        guard k + 1 < n, units[k] | 0x20 == 0x6F, units[k + 1] | 0x20 == 0x66 else { return false }
        var m = k + 2
        while m < n, isPatternSpace(units[m]) { m += 1 }
        return m > k + 2 && stemAt(m)
    }

    /// The placeables of `units`, in order, without overlaps (UTF-16 ranges).
    func recognize(_ units: UnsafeBufferPointer<UInt16>) -> [Placeable.Found] {
        // The rules whose regex reads this text already (bit n: rule n). Each reads `units` in
        // place (`setSharedText`: no copy of the text per rule; `units` outlives every match
        // below, and the next call sets its own text before matching).
        var textSet: UInt64 = 0
        // The buffer of the last call, reused (its storage is unique again once the caller has
        // let go of the last result; else emptying it copies, as a new array would).
        var candidates = candidateBuffer
        candidateBuffer = []
        candidates.removeAll(keepingCapacity: true)
        defer { candidateBuffer = candidates }
        var scan = Scan()
        // The last `/` of the text (-1: none), looked for only when a bare reference's shape
        // starts somewhere (`referenceShape`): most texts never need it, and the backward scan
        // read every unit of a text without a slash (about 10 % of `recognize`).
        var lastSlash = Self.slashNotLookedFor
        // The units after the text's last digit, read once from the end (`DigitTail`): no date,
        // reference or number starts there, so the scan stops at them unless a URL may.
        let tail = usesPrefilters ? Self.digitTail(units) : DigitTail(lastDigit: units.count, mayHoldURL: true, hasAt: false, hasBrace: false)
        // (Read once: a class property's exclusivity check per candidate would cost more than the skip.)
        let skipsPairs = skipsWordStartPairs
        var next = 0
        while true {
            let (i, wasLetter, wasDigit) = scanTable.withUnsafeBufferPointer { table in
                wordStartPairs.withUnsafeBufferPointer { pairs in
                    Self.nextCandidate(units, from: next, table, skipsPairs ? pairs : nil, &scan)
                }
            }
            guard i < units.count else { break }
            if i > tail.lastDigit, !tail.mayHoldURL { break }
            next = i + 1
            let u = units[i]
            let isDigit = Self.isDigit(u)
            let digitStart = isDigit && !wasDigit
            // Digits before a word do not stop it starting: PDF extraction glues "1993No.: 1999".
            let wordStart = !wasLetter
            // A Khmer initial, or `№`: the units `Trigger.khmerInitials` may hold.
            let khmer = (u >= 0x1780 && u <= 0x17A2) || u == 0x2116
            let bit: UInt64 = u < 128 ? 1 << UInt64(u & 63) : 0
            var visit = (digitStart ? digitRules : 0) | (wordStart && u < 128 ? initialRules[Int(u)] : 0) | (khmer ? khmerRules : 0)
            // The month checks, once per candidate for all the rules that need them (each rule
            // skipped here was skipped by its own check, asked of the same position): most
            // candidates are lower-case word starts (`a`, `of`, `de`…) whose only rules are the
            // month-first dates, so they now cost one stem check and no walk over the rules.
            if i > tail.lastDigit { visit &= urlRules }
            if visit & monthAheadRules != 0, digitStart, !Self.letterFollowsNumber(units, i) { visit &= ~monthAheadRules }
            if visit & monthWordRules != 0, !digitStart, !Self.startsWithMonthStem(units, i) { visit &= ~monthWordRules }
            while visit != 0 {
                let n = visit.trailingZeroBitCount
                visit &= visit - 1
                let mask = u < 64 ? ruleMask0[n] : ruleMask1[n]
                guard (digitStart && ruleDigit[n]) || (wordStart && mask & bit != 0) || (khmer && ruleKhmerInitials[n].contains(u)) else { continue }
                let prefilter = rulePrefilter[n]
                if prefilter == .referenceShape, usesPrefilters {
                    // `passes` asks the shape and the slash; the shape first, which needs no scan.
                    guard Self.referenceShapeFollows(units, i) else { continue }
                    if lastSlash == Self.slashNotLookedFor { lastSlash = Self.lastSlash(units) }
                }
                if prefilter != .none, !passes(prefilter, units, i, lastSlash: lastSlash) { continue }
                if n == numberRule, usesPrefilters, let end = plainNumberEnd(units, i) {
                    // The regex's own answer for a bare run of ASCII digits (see `plainNumberEnd`).
                    let digits = UTF16Text.string(units, i..<end)
                    candidates.append(Placeable.Found(kind: .number, range: i..<end, value: digits))
                    continue
                }
                if n == prefixedReferenceRule, usesPrefilters, let (end, identifier) = Self.prefixedReferenceMatch(units, i) {
                    // The regex's own match and group 1 (`prefixedReferenceMatch`); an identifier
                    // starting with a digit always has one, so the rule keeps it.
                    candidates.append(Placeable.Found(kind: .reference, range: i..<end, value: Self.prefixedReferenceValue(units, identifier)))
                    continue
                }
                if n == bareReferenceRule, usesPrefilters {
                    // The regex's own answer where Swift can tell it (`bareReferenceMatch`):
                    // `(ref. 3/123)` at the end of a segment no longer costs an ICU match.
                    switch Self.bareReferenceMatch(units, i) {
                    case .none: continue
                    case .match(let end):
                        if let value = Self.bareReferenceValue(units, i..<end) {
                            candidates.append(Placeable.Found(kind: .reference, range: i..<end, value: value))
                        }
                        continue
                    case .undecided: break
                    }
                }
                let regex = ruleRegex[n]
                if textSet & (1 << UInt64(n)) == 0 {
                    regex.setSharedText(units)
                    textSet |= 1 << UInt64(n)
                }
                guard let end = regex.match(at: i), end > i else { continue }
                let groups = (0...4).map { regex.group($0) }
                // (`UTF16Text.string`: the same string as `String(decoding:as: UTF16.self)`, U+FFFD
                // for unpaired surrogates included, without the standard library's slow generic path.)
                let reader: Reader = { UTF16Text.string(units, $0) }
                guard let (kind, value) = ruleValue[n](reader, groups) else { continue }
                var range = i..<end
                if kind == .url { range = i..<(i + value.utf16.count) }
                candidates.append(Placeable.Found(kind: kind, range: range, value: value))
            }
        }
        // The loop's scan read the units up to where it stopped, the tail's those after the last
        // digit: together, every unit.
        if scan.hasAt || tail.hasAt, let email {
            Self.scan(email, units, kind: .email, into: &candidates) { UTF16Text.string(units, $0) }
        }
        // Like e-mail addresses, placeholders start at a unit no rule triggers on (`{`), so they
        // are searched only in texts holding one; valued by the name between the braces.
        if scan.hasBrace || tail.hasBrace, let personalPlaceholder {
            Self.scan(personalPlaceholder, units, kind: .placeholder, into: &candidates) { UTF16Text.string(units, $0.lowerBound + 1..<$0.upperBound - 1) }
        }
        Self.keepLeftmostLongest(&candidates)
        return candidates
    }

    /// Whether a text (its UTF-8) holds something every placeable needs: a digit
    /// (`PlaceablePatterns.digit`: ASCII, or Khmer — E1 9F A0–A9), `@` (e-mail), `{` (placeholder),
    /// `:` (`http://`, `ftp://`) or `www.` (any case). False means no rule can give a placeable
    /// anywhere in the text: dates, numbers and both kinds of reference need a digit (a date's
    /// day or year; a reference's valuation returns nil without one), URLs `://` or `www.`,
    /// e-mail addresses `@`, placeholders `{`; no other unit matches any of these under the
    /// case-insensitive rules' folding. `Tokenizer.visitTokens` (the import) then skips
    /// `recognize`, which stopped at each capitalised word, month or prefix initial and `h` `f`
    /// `w` word of such a text to try the rules there.
    ///
    /// Eight bytes at a time while they are ASCII without a `w` (one load and a few exact
    /// per-byte tests: adding to a byte below 0x80 never carries into the next), byte by byte
    /// in a window holding a non-ASCII byte or a `w`: a check per unit cost more than the scans
    /// it saved (callgrind). `PlaceablePrefilterTests` holds it to the rules' own regexes run
    /// over whole texts. O(n).
    static func mayHoldPlaceable(utf8 p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress else { return false }
        let n = p.count
        let high: UInt64 = 0x8080_8080_8080_8080
        /// The bytes of `x` (each below 0x80) that are zero: their high bit set, exactly.
        @inline(__always) func zeros(_ x: UInt64) -> UInt64 { ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & high }
        var i = 0
        while i &+ 8 <= n {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            if w & high == 0 {
                // `0`–`9` and `:` (0x30–0x3A): 0x50 added sets the high bit from 0x30 up, 0x45 from 0x3B up.
                let digits = (w &+ 0x5050_5050_5050_5050) & ~(w &+ 0x4545_4545_4545_4545) & high
                if digits | zeros(w ^ 0x4040_4040_4040_4040) | zeros(w ^ 0x7B7B_7B7B_7B7B_7B7B) != 0 { return true }
                if zeros((w | 0x2020_2020_2020_2020) ^ 0x7777_7777_7777_7777) == 0 {
                    i &+= 8
                    continue
                }
            }
            for k in i..<(i &+ 8) where byteMayStartPlaceable(p, k) { return true }
            i &+= 8
        }
        while i < n {
            if byteMayStartPlaceable(p, i) { return true }
            i &+= 1
        }
        return false
    }

    /// `mayHoldPlaceable(utf8:)` at one byte: a digit, `:`, `@`, `{`, the first `w` of `www.`,
    /// or the lead byte of a Khmer digit.
    @inline(__always)
    private static func byteMayStartPlaceable(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = p[i]
        if b < 0x80 {
            if b &- 0x30 < 11 || b == 0x40 || b == 0x7B { return true }
            return b | 0x20 == 0x77 && i &+ 3 < p.count && p[i &+ 1] | 0x20 == 0x77 && p[i &+ 2] | 0x20 == 0x77 && p[i &+ 3] == 0x2E
        }
        return b == 0xE1 && i &+ 2 < p.count && p[i &+ 1] == 0x9F && p[i &+ 2] &- 0xA0 < 10
    }

    /// What `recognize` needs of the units after the text's last digit (ASCII or Khmer, the
    /// patterns' `D`), read backwards from the end up to that digit.
    ///
    /// Why: every date, reference and number the rules give holds a digit at or after the
    /// position it starts at — a number or day-first date starts with one; a month-first or
    /// Khmer date needs its day or year digits after the month (`dateValue` gives nil without
    /// one); a prefixed or bare reference is valued only when its identifier, made of capitals,
    /// `D`, slashes and spaces, holds a decimal digit, which can only be a `D`. So past the last
    /// digit only the URL rule can start (`(https?|ftp)://` or `www.`, the `://` or `www.` after
    /// the start: `mayHoldURL` says whether the tail holds one), plus the e-mail and placeholder
    /// scans, which look at `@` and `{` (`hasAt`, `hasBrace`: the candidate scan, stopped early,
    /// no longer sees the tail). Most candidates of Europarl's texts are capitalised words and
    /// month initials past the text's only number. Off with the prefilters
    /// (`Tokenizer.Engine.icu`): `TokenizerEquivalenceTests` (Europarl, the notes, khPOS) and
    /// `PlaceableRecognizerReferenceTests` compare it with the rules tried everywhere.
    /// Cost: one read of the units after the last digit (the scan reads them no more).
    struct DigitTail {
        /// The last digit's offset (-1: none).
        var lastDigit: Int
        /// `://`, or `www.` in any case, ends after `lastDigit` (a read of units before it may
        /// also say yes: the answer only has to be true wherever a URL can start past it).
        var mayHoldURL: Bool
        var hasAt: Bool, hasBrace: Bool
    }

    static func digitTail(_ units: UnsafeBufferPointer<UInt16>) -> DigitTail {
        var i = units.count &- 1
        var url = false, at = false, brace = false
        while i >= 0 {
            let u = units[i]
            if u < 0x80 {
                if u &- 0x30 < 10 { break }
                switch u {
                case 0x40: at = true
                case 0x7B: brace = true
                case 0x2F: if i >= 2, units[i &- 1] == 0x2F, units[i &- 2] == 0x3A { url = true }  // `://`
                case 0x2E:  // `www.`
                    if i >= 3, units[i &- 1] | 0x20 == 0x77, units[i &- 2] | 0x20 == 0x77, units[i &- 3] | 0x20 == 0x77 { url = true }
                default: break
                }
            } else if u >= 0x17E0, u <= 0x17E9 {
                break
            }
            i &-= 1
        }
        return DigitTail(lastDigit: i, mayHoldURL: url, hasAt: at, hasBrace: brace)
    }

    /// `recognize`'s `lastSlash` before it is looked for.
    private static let slashNotLookedFor = Int.min

    /// The offset of the last `/` in `units`, or -1.
    static func lastSlash(_ units: UnsafeBufferPointer<UInt16>) -> Int {
        var i = units.count - 1
        while i >= 0, units[i] != 0x2F { i -= 1 }
        return i
    }

    /// What `nextCandidate` carries from unit to unit: whether the unit before is a Latin letter
    /// (`isLatinLetter`) / a digit (`isDigit`) — the text starts as after a space — and whether
    /// `@` or `{` was seen (they send the text to the e-mail and placeholder scans).
    struct Scan {
        /// Bit 0: the unit before is a Latin letter; bit 1: a digit.
        var state = 0
        var hasAt = false, hasBrace = false
        /// Word starts passed over by `wordStartPairs` (for tests).
        var skippedWordStarts = 0
    }

    /// The first position at or after `start` where some rule may start (`units.count` if none),
    /// with whether the unit before it is a Latin letter and a digit. A candidate is a digit
    /// after a non-digit, an ASCII unit some rule starts a word with (in `anyInitial`) after a
    /// unit that is not a Latin letter, or a Khmer consonant or independent vowel (U+1780–17A2).
    /// Why a function of its own: the scan runs over every unit, and inside `recognize`'s body
    /// its few variables were kept on the stack; here they stay in registers. An ASCII unit is
    /// judged by one read of `table` (`scanTable`). With `pairs` (`wordStartPairs`), a word
    /// start at an ASCII letter followed by two ASCII units is no candidate when the table rules
    /// out every rule there. Cost: O(units read).
    @inline(never)
    static func nextCandidate(_ units: UnsafeBufferPointer<UInt16>, from start: Int, _ table: UnsafeBufferPointer<UInt8>,
                              _ pairs: UnsafeBufferPointer<UInt64>?, _ scan: inout Scan) -> (Int, wasLetter: Bool, wasDigit: Bool) {
        var state = scan.state
        var hasAt = scan.hasAt, hasBrace = scan.hasBrace
        var skipped = 0
        defer {
            scan.state = state
            scan.hasAt = hasAt
            scan.hasBrace = hasBrace
            scan.skippedWordStarts &+= skipped
        }
        var i = start
        let n = units.count
        while i < n {
            let u = units[i]
            let was = state
            i &+= 1
            if u < 0x80 {
                // One read answers both what the unit is and whether it stops the scan, given
                // the unit before (`scanTable`): no branch on the unit's kind per unit.
                let entry = table[Int(u) &<< 2 | was]
                state = Int(entry &>> 1)
                if entry & 1 == 0 { continue }
                if u == 0x40 { hasAt = true; continue }
                if u == 0x7B { hasBrace = true; continue }
                // A word start at a letter (`i` is already the next unit's offset): its second unit
                // may rule out every rule there (`wordStartPairs`).
                if entry & 2 != 0, let pairs, i &+ 1 < n {
                    let second = units[i]
                    if second < 0x80, units[i &+ 1] < 0x80,
                       pairs[Int(u) &<< 1 | Int(second &>> 6)] &>> UInt64(second & 63) & 1 == 0 {
                        skipped &+= 1
                        continue
                    }
                }
            } else {
                let letter = u >= 0xC0 && u <= 0x24F
                let digit = u >= 0x17E0 && u <= 0x17E9
                state = (letter ? 1 : 0) | (digit ? 2 : 0)
                guard (u >= 0x1780 && u <= 0x17A2) || u == 0x2116 || (digit && was & 2 == 0) else { continue }
            }
            return (i &- 1, was & 1 != 0, was & 2 != 0)
        }
        return (n, state & 1 != 0, state & 2 != 0)
    }

    /// How many word starts of `units` `nextCandidate` passes over (`wordStartPairs`), scanning
    /// the whole text (for tests: `recognize` scans only up to where a rule can still start).
    func wordStartsSkipped(_ units: UnsafeBufferPointer<UInt16>) -> Int {
        var scan = Scan()
        var next = 0
        while next < units.count {
            let (i, _, _) = scanTable.withUnsafeBufferPointer { table in
                wordStartPairs.withUnsafeBufferPointer { Self.nextCandidate(units, from: next, table, $0, &scan) }
            }
            next = i + 1
        }
        return scan.skippedWordStarts
    }

    /// Every match of `regex` in `units`, left to right, as placeables of `kind`: for the kinds
    /// searched over the whole text rather than tried at candidate positions.
    private static func scan(_ regex: ICURegex, _ units: UnsafeBufferPointer<UInt16>, kind: Placeable.Kind,
                             into candidates: inout [Placeable.Found], value: (Range<Int>) -> String) {
        regex.setSharedText(units)
        var from = 0
        while from < units.count, let match = regex.firstMatch(from: from) {
            from = max(match.upperBound, match.lowerBound + 1)
            candidates.append(Placeable.Found(kind: kind, range: match, value: value(match)))
        }
    }

    /// Where the number rule's match starting at `i` ends, when the number is a bare run of
    /// ASCII digits between two ASCII units that are neither letters, digits, `.` nor `,` (the
    /// one after it not, in French, a plain space followed by a digit, which groups thousands
    /// there): `(ref. 3/123)`, `in 1999 the`, `en 1999 le`. There the pattern
    /// (`PlaceablePatterns.number`) provably matches exactly the run: its look-behind sees no
    /// Latin letter, number, `.` or `,` before it; the grouped alternative needs a group space
    /// then a digit after one to three digits, which the run and the units after it are not;
    /// the plain one takes the whole run, no `[.,]` follows, and the look-ahead
    /// sees no Latin letter or number. Its value is the run itself (`NumberValue.parse` of plain
    /// digits). Nil when any condition fails: the regex decides. Spares an ICU match per number
    /// (the most frequent placeable); off with prefilters (`Tokenizer.Engine.icu`), so
    /// `TokenizerEquivalenceTests` and `PlaceableRecognizerReferenceTests` compare it with ICU.
    func plainNumberEnd(_ units: UnsafeBufferPointer<UInt16>, _ i: Int) -> Int? {
        func isBoundary(_ u: UInt16) -> Bool {
            guard u < 0x80, u != 0x2E, u != 0x2C else { return false }
            return !((0x30...0x39).contains(u) || (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u))
        }
        if i > 0, !isBoundary(units[i - 1]) { return nil }
        var end = i
        while end < units.count, (0x30...0x39).contains(units[end]) { end += 1 }
        guard end > i else { return nil }
        guard end < units.count else { return end }
        // French groups thousands with a plain space too: a space then a digit may continue it.
        if units[end] == 0x20, language == .french, end + 1 < units.count, Self.isDigit(units[end + 1]) { return nil }
        return isBoundary(units[end]) ? end : nil
    }

    static func isDigit(_ u: UInt16) -> Bool { (0x30...0x39).contains(u) || (0x17E0...0x17E9).contains(u) }

    /// A superset of the patterns' space class `PlaceablePatterns.space` (ICU's `\s`, read as
    /// White_Space or as `[\t\n\f\r\p{Z}]`, plus NBSP, narrow NBSP, U+200B): a superset keeps
    /// `monthThenDigit` from rejecting a position where the pattern could match.
    /// One list with the tokenizer's separators: `TextSpaces.isSpace`.
    @inline(__always)
    static func isPatternSpace(_ u: UInt16) -> Bool { TextSpaces.isSpace(u) }

    /// Whether the number at `i` is followed, after at most two letters of an ordinal suffix
    /// (st, th, er) and spaces, by a letter: the shape of "12 January", "1er mars", "20th October".
    static func letterFollowsNumber(_ units: UnsafeBufferPointer<UInt16>, _ i: Int) -> Bool {
        var j = i
        while j < units.count, isDigit(units[j]) { j += 1 }
        var suffix = 0
        while j < units.count, suffix < 2, isLatinLetter(units[j]) { j += 1; suffix += 1 }
        var spaces = 0
        while j < units.count, Tokenizer.isSeparator(units[j]) { j += 1; spaces += 1 }
        return spaces > 0 && j < units.count && (isLatinLetter(units[j]) || (0x1780...0x17FF).contains(units[j]))
    }

    /// Whether the word at `i` starts with the first three letters of an English or French
    /// month name (any case).
    static func startsWithMonthStem(_ units: UnsafeBufferPointer<UInt16>, _ i: Int) -> Bool {
        guard i + 2 < units.count else { return false }
        let lower = { (u: UInt16) -> UInt64 in UInt64((0x41...0x5A).contains(u) || (0xC0...0xDE).contains(u) ? u + 0x20 : u) }
        let stem = lower(units[i]) << 32 | lower(units[i + 1]) << 16 | lower(units[i + 2])
        return isMonthStem(stem)
    }

    /// Whether `stem` (three UTF-16 units packed in one integer) is one of `monthStems`: a switch
    /// over the constants, which the compiler makes a few comparisons — a linear search of the
    /// list cost about 100 instructions at each word starting with a month's initial.
    /// `PlaceableRecognizerReferenceTests` checks it against the list and the list against the months.
    @inline(__always)
    static func isMonthStem(_ stem: UInt64) -> Bool {
        switch stem {
        case 0x006A_0061_006E, 0x0066_0065_0062, 0x006D_0061_0072, 0x0061_0070_0072, 0x006D_0061_0079,  // jan feb mar apr may
             0x006A_0075_006E, 0x006A_0075_006C, 0x0061_0075_0067, 0x0073_0065_0070, 0x006F_0063_0074,  // jun jul aug sep oct
             0x006E_006F_0076, 0x0064_0065_0063, 0x0066_00E9_0076, 0x0066_0065_0076, 0x0061_0076_0072,  // nov dec fév fev avr
             0x006D_0061_0069, 0x006A_0075_0069, 0x0061_006F_00FB, 0x0061_006F_0075, 0x0064_00E9_0063:  // mai jui aoû aou déc
            true
        default:
            false
        }
    }

    /// The stems, three UTF-16 units packed in one integer: what `isMonthStem` accepts.
    static let monthStems: [UInt64] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "fév", "fev", "avr", "mai", "jui", "aoû", "aou", "déc"]
            .map { $0.utf16.reduce(0) { $0 << 16 | UInt64($1) } }

    /// Letters of a Latin word (ASCII, Latin-1 and Latin Extended).
    static func isLatinLetter(_ u: UInt16) -> Bool {
        (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) || (0xC0...0x24F).contains(u)
    }

    /// A URL without the punctuation that ends the sentence around it ("see www.un.org.").
    /// A closing bracket stays when its opening one is inside the URL.
    static func trimmingSentencePunctuation(_ url: String) -> String {
        var result = Substring(url)
        while let last = result.last, ".,;:!?)]}'".contains(last) {
            if last == ")", result.contains("(") { break }
            result = result.dropLast()
        }
        return String(result)
    }

    /// Keeps, from left to right, the longest candidate at each start that overlaps nothing kept.
    static func leftmostLongest(_ candidates: [Placeable.Found]) -> [Placeable.Found] {
        var kept = candidates
        keepLeftmostLongest(&kept)
        return kept
    }

    /// `leftmostLongest` in place: candidates already in order of their starts (as the rules'
    /// scan makes them) are compacted where they are — each kept one moved down over those
    /// already read — rather than copied into a new array. Why: the import benchmark's sentences
    /// end in `(ref. 1/975)`, a reference overlapping a bare reference and two numbers, so nearly
    /// every text with a placeable made a second array (a third of `leftmostLongest`'s cost).
    static func keepLeftmostLongest(_ candidates: inout [Placeable.Found]) {
        // Nothing to choose between (most texts): no sort.
        if candidates.count < 2 { return }
        var ordered = true, overlapping = false
        for k in 1..<candidates.count {
            let lower = candidates[k].range.lowerBound
            if lower < candidates[k - 1].range.lowerBound { ordered = false; break }
            if lower < candidates[k - 1].range.upperBound { overlapping = true }
        }
        guard ordered else {
            candidates = sortedLeftmostLongest(candidates)
            return
        }
        if !overlapping { return }
        // `written` ≤ the start of the group read (`k`) ≤ `best`: no candidate is overwritten before it is read.
        var written = 0, keptEnd = Int.min
        var k = 0
        while k < candidates.count {
            let lower = candidates[k].range.lowerBound
            var best = k, m = k + 1
            while m < candidates.count, candidates[m].range.lowerBound == lower {
                if candidates[m].range.count > candidates[best].range.count { best = m }
                m += 1
            }
            if keptEnd <= lower {
                if written != best { candidates[written] = candidates[best] }
                keptEnd = candidates[written].range.upperBound
                written += 1
            }
            k = m
        }
        candidates.removeLast(candidates.count - written)
    }

    /// `leftmostLongest` of candidates out of order (the e-mail and placeholder scans add theirs
    /// after the rules'): a sort by start, longest first, earliest on a tie.
    private static func sortedLeftmostLongest(_ candidates: [Placeable.Found]) -> [Placeable.Found] {
        let sorted = candidates.enumerated().sorted {
            ($0.element.range.lowerBound, -$0.element.range.count, $0.offset) < ($1.element.range.lowerBound, -$1.element.range.count, $1.offset)
        }
        var kept: [Placeable.Found] = []
        for (_, candidate) in sorted where kept.last.map({ $0.range.upperBound <= candidate.range.lowerBound }) ?? true {
            kept.append(candidate)
        }
        return kept
    }

    /// The ISO 8601 value of a date match: `2021-01-12`, `--01-12` without a year, `2021-01`
    /// without a day; nil when the day does not exist in that month.
    static func dateValue(_ pattern: PlaceablePatterns.DatePattern, _ text: (Range<Int>) -> String, _ groups: [Range<Int>?]) -> String? {
        guard let monthRange = groups[pattern.month], let month = CalendarNames.month(named: text(monthRange)) else { return nil }
        let year = pattern.year.flatMap { groups[$0] }.flatMap { Int(Digits.ascii(text($0))) }
        let dayText = pattern.day.flatMap { groups[$0] }.map { text($0).lowercased() }
        let day = dayText.flatMap { $0 == "1er" || $0 == "1re" ? 1 : Int(Digits.ascii($0)) }
        if pattern.day != nil, day == nil { return nil }
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        guard let day else {
            guard let year else { return nil }
            return "\(ISODate.pad(year, 4))-\(monthText)"
        }
        guard day >= 1, day <= ISODate.daysIn(month: month, year: year) else { return nil }
        let dayPart = day < 10 ? "0\(day)" : "\(day)"
        if let year { return "\(ISODate.pad(year, 4))-\(monthText)-\(dayPart)" }
        return "--\(monthText)-\(dayPart)"
    }
}

extension Placeable {
    /// A recognised placeable before its text and scalar range are made (UTF-16 range).
    struct Found {
        var kind: Placeable.Kind
        var range: Range<Int>
        var value: String

        func placeable(_ units: UnsafeBufferPointer<UInt16>, _ offsets: ScalarOffsets) -> Placeable {
            Placeable(kind: kind,
                      text: UTF16Text.string(units, range),
                      value: value,
                      range: offsets.scalarOffset(ofUTF16: range.lowerBound)..<offsets.scalarOffset(ofUTF16: range.upperBound))
        }
    }
}
