import Testing
@testable import VerbaleCore

/// The recognizer's rule masks (`digitRules`, `initialRules`, `anyInitial`), packed month stems
/// and candidate loop run on both tokenizer engines, so `TokenizerEquivalenceTests` cannot
/// catch a mistake in them: here a plain per-rule loop, written from the rules' triggers, is
/// the reference.
@Suite("Placeable recognizer equals a plain per-rule reference")
struct PlaceableRecognizerReferenceTests {
    /// The month stems, spelled out: English and French months' first three letters.
    static let monthStems: [[UInt16]] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                                         "fév", "fev", "avr", "mai", "jui", "aoû", "aou", "déc"].map { Array($0.utf16) }

    /// Whether the word at `i` starts with a month stem, A–Z and À–Þ lowered.
    static func startsWithMonthStem(_ units: [UInt16], _ i: Int) -> Bool {
        guard i + 2 < units.count else { return false }
        let lowered = units[i...i + 2].map { u -> UInt16 in (0x41...0x5A).contains(u) || (0xC0...0xDE).contains(u) ? u + 0x20 : u }
        return monthStems.contains(lowered)
    }

    /// The recognizer's candidates found by trying, at every position, every rule in order,
    /// each on its own trigger; then e-mail addresses and the same leftmost-longest choice.
    static func reference(_ recognizer: PlaceableRecognizer, _ units: [UInt16]) -> [Placeable.Found] {
        var candidates: [Placeable.Found] = []
        let lastSlash = units.lastIndex(of: 0x2F) ?? -1
        units.withUnsafeBufferPointer { buffer in
            for i in units.indices {
                let u = units[i], previous: UInt16 = i > 0 ? units[i - 1] : 0x20
                let digitStart = PlaceableRecognizer.isDigit(u) && !PlaceableRecognizer.isDigit(previous)
                let wordStart = !PlaceableRecognizer.isLatinLetter(previous)
                // A Khmer letter, or `№`, which the prefixed-reference rule's trigger lists with them.
                let khmer = (u >= 0x1780 && u <= 0x17A2) || u == 0x2116
                for rule in recognizer.rules {
                    let trigger = rule.trigger
                    let starts = (digitStart && trigger.digit) || (wordStart && u < 128 && trigger.initials.contains(u))
                        || (khmer && trigger.khmerInitials.contains(u))
                    guard starts else { continue }
                    if trigger.monthAhead, digitStart, !PlaceableRecognizer.letterFollowsNumber(buffer, i) { continue }
                    if trigger.monthWord, !digitStart, !startsWithMonthStem(units, i) { continue }
                    guard recognizer.passes(trigger.prefilter, buffer, i, lastSlash: lastSlash) else { continue }
                    rule.regex.setText(utf16: units)
                    guard let end = rule.regex.match(at: i), end > i else { continue }
                    let groups = (0...4).map { rule.regex.group($0) }
                    guard let (kind, value) = rule.value({ String(decoding: units[$0], as: UTF16.self) }, groups) else { continue }
                    let range = kind == .url ? i..<(i + value.utf16.count) : i..<end
                    candidates.append(Placeable.Found(kind: kind, range: range, value: value))
                }
            }
        }
        if units.contains(0x40), let email = try? ICURegex(PlaceablePatterns.email) {
            email.setText(utf16: units)
            var from = 0
            while from < units.count, let match = email.firstMatch(from: from) {
                from = max(match.upperBound, match.lowerBound + 1)
                candidates.append(Placeable.Found(kind: .email, range: match, value: String(decoding: units[match], as: UTF16.self)))
            }
        }
        // The personal-data placeholders, valued by the name between the braces.
        if units.contains(0x7B), let placeholder = try? ICURegex(PlaceablePatterns.personalDataPlaceholder) {
            placeholder.setText(utf16: units)
            var from = 0
            while from < units.count, let match = placeholder.firstMatch(from: from) {
                from = max(match.upperBound, match.lowerBound + 1)
                let name = String(decoding: units[(match.lowerBound + 1)..<(match.upperBound - 1)], as: UTF16.self)
                candidates.append(Placeable.Found(kind: .placeholder, range: match, value: name))
            }
        }
        return Self.leftmostLongestBySorting(candidates)
    }

    /// The selection the recognizer's `leftmostLongest` must make, written as a sort only: by
    /// start, longest first, earliest candidate on a tie; then each one that does not overlap the
    /// last kept. Kept here apart from the recognizer's, whose fast path for candidates already in
    /// order would otherwise be compared with itself (review H2).
    static func leftmostLongestBySorting(_ candidates: [Placeable.Found]) -> [Placeable.Found] {
        let sorted = candidates.enumerated().sorted {
            ($0.element.range.lowerBound, -$0.element.range.count, $0.offset) < ($1.element.range.lowerBound, -$1.element.range.count, $1.offset)
        }
        var kept: [Placeable.Found] = []
        for (_, candidate) in sorted where kept.last.map({ $0.range.upperBound <= candidate.range.lowerBound }) ?? true {
            kept.append(candidate)
        }
        return kept
    }

    @Test("leftmostLongest keeps what sorting keeps: candidates in order or not, equal starts, ties, nested and touching ranges")
    func leftmostLongestMatchesSorting() {
        func found(_ range: Range<Int>, _ tag: Int) -> Placeable.Found { Placeable.Found(kind: .number, range: range, value: "\(tag)") }
        let lists: [[Placeable.Found]] = [
            [], [found(0..<3, 0)],
            [found(0..<3, 0), found(0..<5, 1), found(2..<4, 2), found(5..<6, 3)],   // ordered, longer second at one start
            [found(0..<5, 0), found(0..<5, 1), found(5..<7, 2)],                     // a tie: the first wins; touching is kept
            [found(4..<6, 0), found(0..<2, 1), found(1..<5, 2)],                     // unordered
            [found(0..<2, 0), found(3..<4, 1), found(6..<9, 2)],                     // ordered, no overlap
            [found(0..<9, 0), found(1..<2, 1), found(2..<3, 2), found(9..<10, 3)],   // nested
        ]
        var random = SeededGenerator(seed: 554)
        var all = lists
        for _ in 0..<2_000 {
            var list: [Placeable.Found] = []
            var start = 0
            for tag in 0..<Int.random(in: 0...8, using: &random) {
                // Mostly in order (as the rules' scan makes them), sometimes going back.
                start = max(0, start + Int.random(in: -2...3, using: &random))
                list.append(found(start..<(start + Int.random(in: 1...5, using: &random)), tag))
            }
            all.append(list)
        }
        for list in all {
            #expect(Self.describe(PlaceableRecognizer.leftmostLongest(list)) == Self.describe(Self.leftmostLongestBySorting(list)), "\(Self.describe(list))")
        }
    }

    static func describe(_ found: [Placeable.Found]) -> [String] {
        found.map { "\($0.kind) \($0.range) \(Array($0.value.utf8))" }
    }

    @Test("20,000 seeded placeable-like strings, the tricky strings and every month name around numbers: the masked recognizer finds what the per-rule loop finds",
          arguments: Language.allCases)
    func masksMatchReference(language: Language) {
        var random = SeededGenerator(seed: 19_930_730)
        var lines = TokenizerEquivalenceTests.tricky
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...9, using: &random)
            lines.append((0..<length).map { _ in TokenizerEquivalenceTests.placeableVocabulary.randomElement(using: &random) ?? "" }.joined())
        }
        // Every month name (and its first three letters, upper-case and with fev/aou unaccented)
        // before and after a day and a year, so each packed stem is exercised.
        let names = CalendarNames.english + CalendarNames.french + CalendarNames.khmer + ["fev", "aout", "dec", "Sept", "Jan."]
        for name in names {
            for form in [name, name.uppercased(), String(name.prefix(3)), String(name.prefix(3)).uppercased() + "."] {
                lines += ["\(form) 12, 2021", "le 1er \(form) 2020", "\(form)\u{00A0}2019", "\(form)\u{202F}3", "\(form)x 5", "12 \(form)"]
            }
        }
        let recognizer = PlaceableRecognizer(language: language)
        var mismatches: [String] = []
        var found = 0
        var kinds: [String: Int] = [:]
        for line in lines where mismatches.count < 5 {
            let units = Array(line.utf16)
            let masked = Self.describe(units.withUnsafeBufferPointer { recognizer.recognize($0) })
            let reference = Self.reference(recognizer, units)
            let expected = Self.describe(reference)
            found += expected.count
            for placeable in reference { kinds["\(placeable.kind)", default: 0] += 1 }
            if masked != expected { mismatches.append("«\(line)»: masked \(masked) reference \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        // Measured: the seeded strings alone give about 1,430 numbers, 220 references, 75
        // dates, 45 URLs and 3 e-mail addresses per language; the month lines add the dates.
        #expect(found > 1_500, "only \(found) placeables: the strings no longer exercise the rules \(kinds)")
        for kind in [Placeable.Kind.date, .reference, .number, .url, .email] {
            #expect(kinds["\(kind)", default: 0] >= 3, "too few \(kind) placeables: \(kinds)")
        }
    }

    @Test("Digit runs between every ASCII unit and a few others: the number fast path finds what the per-rule loop finds",
          arguments: Language.allCases)
    func plainNumbersMatchReference(language: Language) {
        // Every printable ASCII unit, the group spaces (NBSP, narrow NBSP, thin space), a Latin
        // letter with an accent, a Khmer digit and letter, and nothing (text start or end).
        let around: [String] = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) } + ["\u{A0}", "\u{202F}", "\u{2009}", "é", "១", "ក", ""]
        let recognizer = PlaceableRecognizer(language: language)
        var mismatches: [String] = []
        for before in around {
            for after in around where mismatches.count < 5 {
                for digits in ["7", "12", "123", "1999"] {
                    for line in ["\(before)\(digits)\(after)", "\(before)\(digits)\(after)345", "x \(before)\(digits)\(after)5 y",
                                 "\(before)\(digits)\(after)x", "\(before)\(digits)\(after)១២៣"] {
                        let units = Array(line.utf16)
                        let fast = Self.describe(units.withUnsafeBufferPointer { recognizer.recognize($0) })
                        let expected = Self.describe(Self.reference(recognizer, units))
                        if fast != expected { mismatches.append("«\(line)»: \(fast) reference \(expected)") }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test("The month-stem switch accepts exactly the spelled-out stems: every trigram of ASCII letters, Latin-1 letters and a few others")
    func monthStemSwitchIsTheList() {
        var alphabet = Array(0x61...0x7A).map(UInt16.init) + Array(0xE0...0xFF).map(UInt16.init)
        alphabet += [0x41, 0x4A, 0xC9, 0x1780, 0x2019, 0x20]
        #expect(Set(PlaceableRecognizer.monthStems) == Set(Self.monthStems.map { $0.reduce(0) { $0 << 16 | UInt64($1) } }))
        var wrong: [String] = []
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    let stem = UInt64(a) << 32 | UInt64(b) << 16 | UInt64(c)
                    if PlaceableRecognizer.isMonthStem(stem) != Self.monthStems.contains([a, b, c]) {
                        wrong.append(String(decoding: [a, b, c], as: UTF16.self))
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test("Every rule fits the 64-bit rule masks")
    func ruleCountFitsMasks() {
        for language in Language.allCases {
            let count = PlaceableRecognizer(language: language).ruleCount
            #expect(count > 0 && count <= 64, "\(count) rules for \(language)")
        }
    }

    @Test("Every unit PlaceablePatterns.space matches is a TextSpaces space, and the tokenizer drops exactly those and U+FEFF")
    func spacesCoverThePatternClass() throws {
        let space = try ICURegex(PlaceablePatterns.space)
        var missing: [String] = []
        var matched = 0
        for u in (0...0xFFFF).map(UInt16.init) where !UTF16.isLeadSurrogate(u) && !UTF16.isTrailSurrogate(u) {
            space.setText(utf16: [u])
            if space.match(at: 0) == 1 {
                matched += 1
                if !TextSpaces.isSpace(u) { missing.append(String(u, radix: 16)) }
            }
            #expect(Tokenizer.isSeparator(u) == (TextSpaces.isSpace(u) || u == 0xFEFF))
            #expect(PlaceableRecognizer.isPatternSpace(u) == TextSpaces.isSpace(u))
        }
        #expect(missing.isEmpty, "pattern spaces TextSpaces misses: \(missing)")
        #expect(matched >= 25)
    }
}
