import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Concordance words and fuzzy matches of Khmer typed with spaces between words are those of
/// the same Khmer typed glued or with U+200B (review 1130f m1: `ខែ មករា` and `ខែមករា` never met).
@Suite("Concordance and matching: Khmer glued, with U+200B and with spaces")
struct ConcordanceKhmerWordSpacesTests {
    /// khPOS sentences re-joined three ways: glued, U+200B and a space between Khmer words (not
    /// between two numbers; no space beside `។` and the other Khmer punctuation).
    static func khposTriples() throws -> [(plain: String, zwsp: String, spaced: String)] {
        let url = try #require(SharedData.file("khmer/khpos-train-sample.word"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let words = line.split(separator: " ").map { WordSegmentationScore.text(ofReference: $0) }
            var plain = "", zwsp = "", spaced = ""
            for word in words {
                if let last = plain.unicodeScalars.last, let first = word.unicodeScalars.first,
                   (0x1780...0x17FF).contains(last.value), (0x1780...0x17FF).contains(first.value),
                   !((0x17E0...0x17E9).contains(last.value) && (0x17E0...0x17E9).contains(first.value)) {
                    zwsp += "\u{200B}"
                    // A space before or after `។` is a visible difference matching counts (10):
                    // only word gaps get one (`KhmerWordGap`).
                    spaced += KhmerWordGap.between(last.value, first.value) ? " " : ""
                }
                plain += word
                zwsp += word
                spaced += word
            }
            return (plain, zwsp, spaced)
        }
    }

    @Test("khPOS sentences give the same whole concordance words glued, with U+200B and with spaces",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func concordanceWords() throws {
        let words = ConcordanceWords()
        var differing: [String] = [], lost = 0
        for (plain, zwsp, spaced) in try Self.khposTriples() {
            let a = words.words(plain), b = words.words(zwsp), c = words.words(spaced)
            let whole = a.filter { !$0.isPart }.map(\.key)
            if b.filter({ !$0.isPart }).map(\.key) != whole || c.filter({ !$0.isPart }).map(\.key) != whole { differing.append(spaced) }
            // A space, like a U+200B, inside a word adds its parts, losing none; both add the same.
            if !Set(a.map(\.key)).isSubset(of: Set(c.map(\.key))) || Set(b.map(\.key)) != Set(c.map(\.key)) { lost += 1 }
        }
        #expect(differing.isEmpty, "\(differing.prefix(3))")
        #expect(lost == 0)
        #expect(words.indexText("ខែ មករា") == words.indexText("ខែមករា") + " ខែ មករា")
    }

    @Test("A Latin word, a number or ។ between two Khmer runs still keeps them apart in the concordance")
    func latinBetweenKhmer() throws {
        let words = ConcordanceWords()
        #expect(words.words("ខែ ABC មករា").map(\.key) == ["ខែ", "abc", "មករា"])
        #expect(words.words("ខែ 1 មករា").map(\.key) == ["ខែ", "1", "មករា"])
        #expect(words.words("ខែ\nមករា").map(\.key) == ["ខែ", "មករា"])
        #expect(words.words("ស្ថានទូត info@mfa.gov.kh សូម", includingParts: false).map(\.key) == ["ស្ថានទូត", "info", "mfa", "gov", "kh", "សូម"])
        // Khmer digits are keyed as ASCII whichever way they are spaced from the words.
        #expect(words.words("ឆ្នាំ ២០២២").filter { !$0.isPart }.map(\.key) == ["ឆ្នាំ", "2022"])
    }

    @Test("The review's memory: the glued month finds the spaced one at 100% and in concordance, and every way round")
    func reviewMonth() throws {
        let stored = [("glued", "កិច្ចប្រជុំ\u{200B}បាន\u{200B}ប្រព្រឹត្ត\u{200B}ទៅ\u{200B}នៅ\u{200B}ខែមករា។"),
                      ("spaced", "កិច្ចប្រជុំ\u{200B}បាន\u{200B}ប្រព្រឹត្ត\u{200B}ទៅ\u{200B}នៅ\u{200B}ខែ មករា។"),
                      ("zwsp", "កិច្ចប្រជុំ\u{200B}បាន\u{200B}ប្រព្រឹត្ត\u{200B}ទៅ\u{200B}នៅ\u{200B}ខែ\u{200B}មករា។")]
        for (id, text) in stored {
            let memory = try temporaryMemory()
            let unit = TranslationUnit(id: id, variants: [Variant(language: tag("km"), text: text),
                                                          Variant(language: tag("en"), text: "The meeting was held in January.")])
            _ = try memory.importUnits(from: [ArrayUnitSource(name: "month.tsv", units: [unit])], options: ImportOptions(scrubPersonalData: false))
            let index = try MatchIndexCache.open(memory, entities: nil, folderIsWritable: { _ in true }).index
            let matcher = FuzzyMatcher(index: index, archive: StoredUnits(memory: memory))
            for (_, query) in stored {
                // A space between two Khmer words counts as none, as U+200B does (`KhmerWordGap`).
                #expect(try matcher.search(query, language: .khmer).first?.score == 100, "\(query) against \(text)")
                for words in ["ខែមករា", "ខែ មករា", "ខែ\u{200B}មករា"] {
                    let hits = try memory.concordance(ConcordanceQuery(text: words, language: tag("km"))).hits
                    #expect(hits.count == 1, "\(words) in \(text)")
                }
            }
            // The stored text is kept as typed.
            let hit = try memory.concordance(ConcordanceQuery(text: "ខែមករា", language: tag("km"))).hits.first
            #expect(hit?.text == text)
        }
    }

    @Test("khPOS sentences stored with spaces are found at 100% by the glued sentence",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func khposMatches() throws {
        let memory = try temporaryMemory()
        let triples = try Array(Self.khposTriples().filter { $0.plain != $0.spaced && $0.plain.unicodeScalars.count > 30 }.prefix(40))
        let units = triples.enumerated().map { n, triple in
            TranslationUnit(id: "k\(n)", variants: [Variant(language: tag("km"), text: triple.spaced), Variant(language: tag("en"), text: "English \(n)")])
        }
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "khpos.tmx", units: units)], options: ImportOptions(scrubPersonalData: false))
        let index = try MatchIndexCache.open(memory, entities: nil, folderIsWritable: { _ in true }).index
        let matcher = FuzzyMatcher(index: index, archive: StoredUnits(memory: memory))
        var missed: [String] = []
        for triple in triples {
            for query in [triple.plain, triple.zwsp] {
                let best = try matcher.search(query, language: .khmer).first
                if best?.score != 100 || best?.source != triple.spaced { missed.append("\(best?.score ?? 0) \(query)") }
            }
            let hits = try memory.concordance(ConcordanceQuery(text: triple.plain, language: tag("km"))).hits
            if !hits.contains(where: { $0.text == triple.spaced }) { missed.append("concordance: " + triple.plain) }
        }
        #expect(triples.count == 40)
        #expect(missed.isEmpty, "\(missed.count) missed: \(missed.prefix(3))")
    }
}
