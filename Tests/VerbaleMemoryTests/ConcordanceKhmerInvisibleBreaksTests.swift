import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Concordance words and fuzzy matches of Khmer typed with U+200B between words are those of
/// the same Khmer typed without it (audit finding F15).
@Suite("Concordance and matching: Khmer with and without U+200B")
struct ConcordanceKhmerInvisibleBreaksTests {
    /// khPOS sentences re-joined as a writer would, with U+200B between Khmer words (not
    /// between two numbers) or with nothing.
    static func khposPairs() throws -> [(spaced: String, plain: String)] {
        let url = try #require(SharedData.file("khmer/khpos-train-sample.word"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let words = line.split(separator: " ").map { WordSegmentationScore.text(ofReference: $0) }
            var spaced = "", plain = ""
            for word in words {
                if let last = spaced.unicodeScalars.last, let first = word.unicodeScalars.first,
                   (0x1780...0x17FF).contains(last.value), (0x1780...0x17FF).contains(first.value),
                   !((0x17E0...0x17E9).contains(last.value) && (0x17E0...0x17E9).contains(first.value)) {
                    spaced += "\u{200B}"
                }
                spaced += word
                plain += word
            }
            return (spaced, plain)
        }
    }

    @Test("khPOS sentences give the same concordance words with U+200B as without; the U+200B only adds parts",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func concordanceWords() throws {
        let words = ConcordanceWords()
        var differing = 0, lost = 0, withParts = 0
        for (spaced, plain) in try Self.khposPairs() {
            let a = words.words(spaced), b = words.words(plain)
            // The whole words are the same both ways (audit finding F15)…
            if a.filter({ !$0.isPart }).map(\.key) != b.filter({ !$0.isPart }).map(\.key) { differing += 1 }
            // …and a U+200B inside a word adds its parts (review finding M9), losing none.
            if !Set(b.map(\.key)).isSubset(of: Set(a.map(\.key))) { lost += 1 }
            if a.count > b.count { withParts += 1 }
        }
        #expect(differing == 0)
        #expect(lost == 0)
        #expect(withParts > 0)
        // The audit's case: "honour" whole or cut, but the same both ways.
        #expect(words.indexText("មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាប") == words.indexText("មានកិត្តិយសសូមជម្រាប"))
    }

    @Test("A memory holding unspaced Khmer is found at 100% and in concordance by the same text with U+200B, and the reverse")
    func bothDirections() throws {
        let memory = try temporaryMemory()
        let stored = [("km1", "ស្ថានទូតសូមគោរពជូនចំពោះក្រសួងការបរទេស ហើយមានកិត្តិយសសូមជម្រាបជូនថា"),
                      ("km2", "ក្រសួង\u{200B}មាន\u{200B}កិត្តិយស\u{200B}ជម្រាប\u{200B}ស្ថានទូត\u{200B}។")]
        let units = stored.map { id, text in
            TranslationUnit(id: id, variants: [Variant(language: tag("km"), text: text), Variant(language: tag("en"), text: "English of \(id)")])
        }
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "notes.tmx", units: units)], options: ImportOptions(scrubPersonalData: false))
        let index = try MatchIndexCache.open(memory, entities: nil, folderIsWritable: { _ in true }).index
        let matcher = FuzzyMatcher(index: index, archive: StoredUnits(memory: memory))
        for (_, text) in stored {
            let other = text.contains("\u{200B}") ? text.replacingOccurrences(of: "\u{200B}", with: "")
                : text.replacingOccurrences(of: "ហើយ", with: "ហើយ\u{200B}").replacingOccurrences(of: "កិត្តិយស", with: "\u{200B}កិត្តិយស\u{200B}")
            #expect(try matcher.search(other, language: .khmer).first?.score == 100, "\(other)")
            let hits = try memory.concordance(ConcordanceQuery(text: other, language: tag("km"))).hits
            #expect(hits.contains { $0.text == text }, "\(other)")
        }
    }
}
