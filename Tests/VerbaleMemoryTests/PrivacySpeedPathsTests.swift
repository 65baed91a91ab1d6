import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The fast paths of session 8's privacy stop equal what they replace: `nameWords` (ASCII names
/// split at their space bytes) the split over characters (`nameWordsByCharacters`), and a
/// lazily compiling scrubber (`Compilation.lazy`, the import's) an eager one, on real lines
/// (notes, Europarl EN/FR, khPOS Khmer) and random strings. (The fused pre-check pass's two new
/// short cuts are held by `PrivacyPreCheckFusedPassTests`, the literal scan's first-scalar skip
/// by `LiteralPatternTests`.)
@Suite("Privacy speed paths: name words by bytes, lazy compilation")
struct PrivacySpeedPathsTests {
    /// The words as text and as UTF-8 offsets in `text` (the same substrings, not only equal ones).
    static func described(_ words: [Substring], in text: String) -> [String] {
        words.map { word in
            let start = text.utf8.distance(from: text.startIndex, to: word.startIndex)
            let end = text.utf8.distance(from: text.startIndex, to: word.endIndex)
            return "\(start)-\(end):\(Array(word.unicodeScalars))"
        }
    }

    /// Texts whose two splits differ.
    static func mismatches(_ texts: [String]) -> [String] {
        texts.compactMap { text in
            let fast = described(PersonalDataScrubber.nameWords(text), in: text)
            let reference = described(PersonalDataScrubber.nameWordsByCharacters(text), in: text)
            return fast == reference ? nil : "\(text.debugDescription): \(fast) vs \(reference)"
        }
    }

    @Test("Name words: every word run of real lines (and the lines whole), ASCII or not",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func nameWordsOnRealLines() throws {
        let lines = try PrivacyFilterEquivalenceTests.realLines()
        var texts = lines
        // Name-sized pieces too: each run of up to four words of every 20th line.
        for line in lines.enumerated().filter({ $0.offset % 20 == 0 }).map(\.element) {
            let words = line.split(separator: " ", omittingEmptySubsequences: false)
            for start in words.indices { texts.append(words[start..<min(start + 4, words.count)].joined(separator: " ")) }
        }
        let differing = Self.mismatches(texts)
        #expect(differing.isEmpty, "\(differing.count) differ:\n\(differing.prefix(10).joined(separator: "\n"))")
        // Not an empty comparison: most lines are ASCII with several words (the byte path).
        let ascii = texts.filter { $0.utf8.allSatisfy { $0 < 0x80 } && PersonalDataScrubber.nameWords($0).count > 1 }
        #expect(ascii.count > 5000)
    }

    @Test("Name words: random strings of spaces, NBSP, U+200B, CR LF, tabs, combining marks and letters")
    func nameWordsOnRandomStrings() {
        let pieces = ["Sok", "Dara", " ", "  ", "\u{A0}", "\u{200B}", "\r\n", "\r", "\n", "\t", " \u{301}", "e\u{301}", "J.", "van", "é",
                      "សុខ", "-", "'", "", "O'Neill", "\u{202F}", "x"]
        var random = SplitMix(state: 0x3008_0001)
        var texts: [String] = []
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<(1 + random.next(8)) { text += pieces[random.next(pieces.count)] }
            texts.append(text)
        }
        let differing = Self.mismatches(texts)
        #expect(differing.isEmpty, "\(differing.count) differ:\n\(differing.prefix(10).joined(separator: "\n"))")
    }

    @Test("Context key lists: the table test equals the column test on real keys, their near misses and random hex strings")
    func contextKeyLists() {
        var random = SplitMix(state: 0x3008_0002)
        let alphabet = Array("0123456789abcdefABCDEFg \u{A0}xz").map(String.init)
        var texts: [String] = []
        for _ in 0..<3000 {
            // Lists of one to four real keys, then each with one byte changed or one key shortened.
            let keys = (0..<(1 + random.next(4))).map { _ in ContextHash.of("text \(random.next(1_000_000))") }
            let list = keys.joined(separator: " ")
            texts.append(list)
            var bytes = Array(list.utf8)
            bytes[random.next(bytes.count)] = Array(alphabet[random.next(alphabet.count)].utf8)[0]
            texts.append(String(decoding: bytes, as: UTF8.self))
            texts.append(String(list.dropLast()))
            texts.append(list + " ")
            texts.append((0..<(16 + random.next(40))).map { _ in alphabet[random.next(alphabet.count)] }.joined())
        }
        let differing = texts.filter { PersonalDataScrubber.isContextKeyList($0) != PersonalDataScrubber.isContextKeyListReference($0) }
        #expect(differing.isEmpty, "\(differing.count) differ:\n\(differing.prefix(10).map(\.debugDescription).joined(separator: "\n"))")
        // Not an empty comparison: every real list is one, many near misses are not.
        #expect(texts.filter { PersonalDataScrubber.isContextKeyListReference($0) }.count >= 3000)
        #expect(texts.filter { !PersonalDataScrubber.isContextKeyListReference($0) }.count > 5000)
    }

    @Test("A lazily compiling scrubber compiles every pattern, finds what an eager one finds on real lines, and reports no failure",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func lazyEqualsEager() throws {
        let lines = try PrivacyFilterEquivalenceTests.realLines()
        let eager = try PersonalDataScrubber()
        let lazy = try PersonalDataScrubber(compiling: .lazy)
        var differing: [String] = []
        var found = 0
        for line in lines {
            let a = eager.spans(in: line).map { "\($0.kind.rawValue)\($0.range)" }
            let b = lazy.spans(in: line).map { "\($0.kind.rawValue)\($0.range)" }
            if a != b { differing.append(line) }
            found += a.count
        }
        #expect(differing.isEmpty, "\(differing.count) differ:\n\(differing.prefix(10).joined(separator: "\n"))")
        #expect(found > 100)
        #expect(lazy.failure == nil)
        try lazy.compileAll()
        #expect(lazy.failure == nil)
    }

    @Test("An expression ICU refuses is reported as the kind's invalid pattern, not compiled")
    func refusedExpression() {
        let expression = PersonalDataScrubber.Expression("(?<=a+)b(", kind: .phone)
        #expect(throws: MemoryError.self) { try expression.compiled() }
    }

    @Test("The same text as a note and as a role property: the property is still read after its label (the free-text memo keys by label)")
    func sameTextAsNoteAndRoleProperty() throws {
        let scrubber = try PersonalDataScrubber(compiling: .lazy)
        let unit = TranslationUnit(variants: [Variant(language: LanguageTag(.english), text: "The note is attached.")],
                                   metadata: UnitMetadata(notes: ["Sokha Chan"], properties: [Property(type: "x-translator", value: "Sokha Chan")]))
        let (scrubbed, findings) = scrubber.scrub(unit, file: "f.tmx", position: 1)
        #expect(scrubbed.metadata.properties.first?.value == "{PERSON}")
        #expect(scrubbed.metadata.notes == ["{PERSON}"])
        #expect(findings.filter { $0.original == "Sokha Chan" }.count == 2)
    }

    @Test("A home folder behind a backslash is found (the separator byte scan)")
    func windowsHomeFolder() {
        let spans = PersonalDataScrubber.homeFolderSpans(in: "Source file: C:\\Users\\sokha.chan\\Documents\\visa.docx")
        #expect(spans.count == 1)
        #expect(PersonalDataScrubber.holdsPathSeparator("a\\b") && PersonalDataScrubber.holdsPathSeparator("a/b") && !PersonalDataScrubber.holdsPathSeparator("a b"))
    }
}
