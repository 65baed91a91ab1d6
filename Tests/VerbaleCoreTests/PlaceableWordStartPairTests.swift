import Testing
@testable import VerbaleCore

/// `PlaceableRecognizer.nextCandidate` passes over a word start whose first two units rule out
/// every rule there (`wordStartPairs`, from `wordStartPairPasses`). Two proofs: the pair test is
/// never stricter than `recognize`'s own checks (the month stem, the reference shape, `passes`)
/// on every ASCII trigram with a fourth unit; and the placeables found with and without the skip
/// are the same on real text — Europarl, the notes, khPOS — also with the import benchmark's
/// `(ref. 1/975)` ending, which makes the recognizer scan whole sentences.
@Suite("Placeable recognizer: word starts passed over by their first two units")
struct PlaceableWordStartPairTests {
    @Test("Every ASCII letter, then every two ASCII units and a fourth: the pair test passes wherever the rule's own checks pass",
          arguments: [Language.english, .french])
    func pairTestIsNoStricterThanTheChecks(language: Language) {
        let (failures, ruledOut) = Self.pairFailures(language, PlaceableRecognizer.wordStartPairPasses)
        #expect(failures.isEmpty, "the pair test rules out where the checks pass: \(failures)")
        #expect(ruledOut > 3_000, "only \(ruledOut) pairs ruled out: the test no longer exercises the skip")
    }

    /// Trigrams (and what follows) where `pairTest` rules a rule out but the rule's checks pass
    /// (at most five), and how many (initial, second unit, rule) triples it rules out.
    static func pairFailures(_ language: Language, _ pairTest: PlaceableRecognizer.WordStartPairTest) -> (failures: [String], ruledOut: Int) {
        let recognizer = PlaceableRecognizer(language: language)
        let letters = Array(UInt16(0x41)...0x5A) + Array(UInt16(0x61)...0x7A)
        // What may follow the third unit: nothing, a space, a letter, a digit, a slash, a space
        // then a digit (a month-first date's day).
        let suffixes: [[UInt16]] = [[], [0x20], [0x73], [0x31], [0x2F], [0x20, 0x31]]
        var failures: [String] = []
        var ruledOut = 0
        for u0 in letters {
            let rules = recognizer.rules.filter { $0.trigger.initials.contains(u0) }
            guard !rules.isEmpty else { continue }
            for u1 in UInt16(0)..<0x80 {
                for rule in rules {
                    let pair = pairTest(rule.trigger.prefilter, rule.trigger.monthWord, u0, u1)
                    if !pair { ruledOut += 1 } else { continue }
                    for u2 in UInt16(0)..<0x80 {
                        for suffix in suffixes where failures.count < 5 {
                            let units = [u0, u1, u2] + suffix
                            let passes = units.withUnsafeBufferPointer { buffer -> Bool in
                                if rule.trigger.monthWord, !PlaceableRecognizer.startsWithMonthStem(buffer, 0) { return false }
                                if rule.trigger.prefilter == .referenceShape, !PlaceableRecognizer.referenceShapeFollows(buffer, 0) { return false }
                                return recognizer.passes(rule.trigger.prefilter, buffer, 0, lastSlash: Int.max)
                            }
                            if passes { failures.append("\(units.map { String($0, radix: 16) }) \(rule.trigger.prefilter)") }
                        }
                    }
                }
            }
        }
        return (failures, ruledOut)
    }

    /// Lines whose placeables differ with and without the skip (at most five), and how many word
    /// starts the skip passed over.
    static func compare(_ lines: [String], _ language: Language,
                        pairTest: @escaping PlaceableRecognizer.WordStartPairTest = PlaceableRecognizer.wordStartPairPasses)
        -> (mismatches: [String], skipped: Int) {
        let skipping = PlaceableRecognizer(language: language, wordStartPairTest: pairTest)
        let stopping = PlaceableRecognizer(language: language)
        stopping.skipsWordStartPairs = false
        var mismatches: [String] = []
        var skipped = 0
        for line in lines where mismatches.count < 5 {
            let units = Array(line.utf16)
            guard !units.isEmpty else { continue }
            let (fast, general, passed) = units.withUnsafeBufferPointer {
                (skipping.recognize($0), stopping.recognize($0), skipping.wordStartsSkipped($0))
            }
            skipped += passed
            let expected = PlaceableRecognizerReferenceTests.describe(general)
            let found = PlaceableRecognizerReferenceTests.describe(fast)
            if found != expected { mismatches.append("\(language.rawValue) «\(line.prefix(120))»: \(found) without the skip \(expected)") }
        }
        return (mismatches, skipped)
    }

    /// Each line, and each line with the reference the import benchmark's slices end their
    /// sentences with (so that every word start comes before the last digit).
    static func withBenchmarkEnding(_ lines: [String]) -> [String] {
        lines + lines.enumerated().map { "\($1) (ref. 1/\($0 % 997))" }
    }

    @Test("Seeded placeable-like strings, the tricky strings and month names: the same placeables with and without the skip")
    func writtenLines() {
        var random = SeededGenerator(seed: 20_261_201)
        var lines = TokenizerEquivalenceTests.tricky + PlaceableDigitTailTests.lines
        for _ in 0..<5_000 {
            let length = Int.random(in: 1...9, using: &random)
            lines.append((0..<length).map { _ in TokenizerEquivalenceTests.placeableVocabulary.randomElement(using: &random) ?? "" }.joined())
        }
        for name in CalendarNames.english + CalendarNames.french {
            lines += ["\(name) 12, 2021", "le 1er \(name) 2020", "\(name.uppercased())\u{00A0}2019", "12 \(name)"]
        }
        for language in Language.allCases {
            let (mismatches, skipped) = Self.compare(lines, language)
            #expect(mismatches.isEmpty, "\(mismatches)")
            // Measured: 927 word starts skipped per language (most strings are placeable-like words).
            #expect(skipped > 500, "only \(skipped) word starts skipped")
        }
    }

    @Test("Europarl (20,000 English and 20,000 French sentences, with and without a reference at the end): the same placeables with and without the skip",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/parallel"))
    func europarl() throws {
        for language in [Language.english, .french] {
            let lines = try TextLayerData.text("parallel/europarl-20k.\(language.rawValue)").split(separator: "\n").map(String.init)
            let (mismatches, skipped) = Self.compare(Self.withBenchmarkEnding(lines), language)
            #expect(mismatches.isEmpty, "\(mismatches)")
            // Most word starts are rule initials ruled out by their second unit.
            #expect(skipped > 4 * lines.count, "only \(skipped) word starts skipped in \(2 * lines.count) lines")
        }
    }

    /// A pair test broken on purpose: it also rules out `re`, `Re`, `RE` after `r` and `R` (the
    /// start of `ref.`, `Ref.`, `REF`), so prefixed references are lost: the comparisons must fail.
    static func broken(_ prefilter: PlaceableRecognizer.Prefilter, _ monthWord: Bool, _ u0: UInt16, _ u1: UInt16) -> Bool {
        if u0 | 0x20 == 0x72, u1 | 0x20 == 0x65 { return false }
        return PlaceableRecognizer.wordStartPairPasses(prefilter, monthWord: monthWord, u0, u1)
    }

    @Test("A pair test broken on purpose (ruling out `re` after `r` and `R`) makes the notes' and Europarl's comparisons fail",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data"))
    func brokenPairTestIsCaught() throws {
        #expect(!Self.pairFailures(.english, Self.broken).failures.isEmpty, "the trigram check did not catch the broken pair test")
        let notes = try TokenPinningTests.noteLines("en-") + TokenPinningTests.noteLines("fr-")
        #expect(!Self.compare(notes, .english, pairTest: Self.broken).mismatches.isEmpty, "the notes did not catch the broken pair test")
        let europarl = try TextLayerData.text("parallel/europarl-20k.fr").split(separator: "\n").prefix(2_000).map(String.init)
        #expect(!Self.compare(Self.withBenchmarkEnding(europarl), .french, pairTest: Self.broken).mismatches.isEmpty,
                "Europarl with the benchmark's ending did not catch the broken pair test")
    }

    @Test("The notes (English, French) and khPOS Khmer, with and without a reference at the end: the same placeables with and without the skip",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/notes and khmer"))
    func notesAndKhmer() throws {
        let english = try TokenPinningTests.noteLines("en-") + TokenPinningTests.noteLines("seed")
        let french = try TokenPinningTests.noteLines("fr-")
        let khmer = try TokenPinningTests.khposLines()
        for (lines, language) in [(english, Language.english), (french, .french), (khmer, .khmer), (english, .khmer)] {
            #expect(!lines.isEmpty)
            let (mismatches, skipped) = Self.compare(Self.withBenchmarkEnding(lines), language)
            #expect(mismatches.isEmpty, "\(mismatches)")
            if language != .khmer { #expect(skipped > lines.count, "only \(skipped) word starts skipped") }
        }
    }
}
