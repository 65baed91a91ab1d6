import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

@Suite("Concordance")
struct ConcordanceTests {
    func memoryWithNotes() throws -> SQLiteMemory {
        let memory = try temporaryMemory()
        let units = [
            unit([("en", "The Embassy presents its compliments to the Ministry of Foreign Affairs."),
                  ("fr", "L'Ambassade présente ses compliments au Ministère des Affaires étrangères."),
                  ("km", "ស្ថានទូត\u{200B}សូម\u{200B}គោរព\u{200B}ជម្រាប\u{200B}មក\u{200B}ក្រសួងការបរទេស។")]),
            unit([("en", "The Ministry of Foreign Affairs and International Cooperation of the Kingdom of Cambodia presents its compliments."),
                  ("km", "ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ នៃព្រះរាជាណាចក្រកម្ពុជា")]),
            unit([("en", "Compliments of the season, and the Ministry thanks you."), ("fr", "Meilleurs vœux, et le Ministère vous remercie.")]),
        ]
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "notes", units: units)], options: ImportOptions())
        return memory
    }

    @Test("Words together and in order rank first; every hit is marked")
    func ranking() throws {
        let memory = try memoryWithNotes()
        let result = try memory.concordance(ConcordanceQuery(text: "presents its compliments"))
        #expect(result.hits.count == 2)
        #expect(result.hits.allSatisfy { $0.phrase })
        #expect(result.hits[0].marked.contains("[[presents its compliments]]"))
        let loose = try memory.concordance(ConcordanceQuery(text: "ministry compliments"))
        #expect(loose.hits.count == 3)
        // No text has these words together: the shortest (densest) comes first.
        #expect(loose.hits.first?.text.hasPrefix("Compliments of the season") == true)
    }

    @Test("Khmer is found by its words, without spaces in the query")
    func khmer() throws {
        let memory = try memoryWithNotes()
        let result = try memory.concordance(ConcordanceQuery(text: "ព្រះរាជាណាចក្រកម្ពុជា"))
        #expect(result.hits.count == 1)
        let hit = try #require(result.hits.first)
        #expect(hit.language == "km")
        let span = try #require(hit.highlights.first)
        let scalars = Array(hit.text.unicodeScalars)
        let marked = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
        #expect(marked.contains("កម្ពុជា"))
        #expect(hit.translations.first?.language == "en")
        // A Khmer word inside zero-width-space separated text is found too.
        #expect(try memory.concordance(ConcordanceQuery(text: "ស្ថានទូត")).hits.count == 1)
    }

    @Test("--lang limits the search to one language; accents and case are kept apart from word boundaries")
    func languageFilter() throws {
        let memory = try memoryWithNotes()
        let french = try memory.concordance(ConcordanceQuery(text: "ministère", language: tag("fr")))
        #expect(french.hits.count == 2)
        #expect(french.hits.allSatisfy { $0.language == "fr" })
        #expect(try memory.concordance(ConcordanceQuery(text: "ministère", language: tag("en"))).hits.isEmpty)
    }

    @Test("Index words and query words agree on apostrophes and case")
    func words() {
        let words = ConcordanceWords()
        #expect(words.indexText("L'Ambassade PRÉSENTE ses compliments.") == "l ambassade présente ses compliments")
        #expect(words.words("l’honneur").map(\.key) == ["l", "honneur"])
        #expect(!words.indexText("ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា").contains("\u{200B}"))
    }

    @Test("The index text's byte loop keys every non-Khmer scalar as the word splitter does")
    func indexTextAgreesWithWords() {
        let words = ConcordanceWords()
        // Every scalar up to U+2FFF outside Khmer and surrogates (Latin-1's À–ÿ fast path, İ's
        // two-scalar lower case, marks, Greek, Cyrillic, punctuation, spaces), plus a few astral ones.
        let values = Array(0x20...0x2FFF).filter { !(0x1780...0x17FF).contains($0) } + [0x1D400, 0x10400, 0x1F600]
        var wrong: [String] = []
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = "Ab\(Character(scalar))Cd x\(Character(scalar))"
            let expected = words.words(text).map(\.key).joined(separator: " ")
            if Array(words.indexText(text).utf8) != Array(expected.utf8) { wrong.append(String(format: "U+%04X", value)) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test("The byte loop and the scalar loop it replaced give the same bytes on random Latin, accented, Greek and Khmer texts, native or bridged")
    func indexBytesAgreesWithScalarLoop() {
        let pieces = ["The", "MINISTRY", "l'Ambassade", "présente", "ÉTÉ", "×", "÷", "ß", "İstanbul", "Ωμέγα", "Straße", "ǅ", "ﬁn",
                      "ព្រះរាជាណាចក្រ", "កម្ពុជា", "១២៣", "\u{200B}", "\u{A0}", " ", "  ", ",", ".", "-", "1,000", "U.N.", "info@mfa.gov.kh",
                      "e\u{301}", "\u{1D400}", "😀", "0", "9", "_", "Z", "a", "\t"]
        var state: UInt64 = 0xC0_2026
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = ConcordanceWords()
        var wrong: [String] = []
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(1 + next(12)) { text += pieces[next(pieces.count)] }
            let expected = words.indexScalars(text)
            if Array(words.indexText(text).utf8) != Array(expected.utf8) { wrong.append(text) }
            // Through NSString and back. On Apple platforms that string is bridged (no contiguous
            // UTF-8) and `indexText` falls back to the scalar loop; on Linux it comes back native,
            // so this arm checks the byte loop again and the fallback's own reference is
            // `indexScalars` above (review H3).
            let bridged = String(NSString(string: text))
            if Array(words.indexText(bridged).utf8) != Array(expected.utf8) { wrong.append("bridged: " + text) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("On Europarl (20,000 English and 20,000 French lines) and the notes, the index text is the word splitter's keys, byte for byte",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func indexTextAgreesOnRealText() throws {
        var lines: [String] = []
        for name in ["parallel/europarl-20k.en", "parallel/europarl-20k.fr"] {
            let file = try #require(SharedData.file(name))
            lines += try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        }
        let folder = try #require(SharedData.file("notes"))
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".txt") {
            lines += try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).components(separatedBy: .newlines)
        }
        #expect(lines.count > 40_000)
        let words = ConcordanceWords()
        var wrong: [String] = []
        for line in lines where wrong.count < 5 {
            let expected = words.words(line).map(\.key).joined(separator: " ")
            if Array(words.indexText(line).utf8) != Array(expected.utf8) { wrong.append(line) }
        }
        #expect(wrong.isEmpty, "\(wrong)")
    }
}

@Suite("Concordance shows review status")
struct ConcordanceReviewTests {
    @Test("A variant marked x-review=unreviewed is reported unreviewed in hits and translations")
    func unreviewedVariant() throws {
        let memory = try temporaryMemory()
        var input = unit([("en", "has the honour to"), ("km", "មានកិត្តិយស")])
        input.variants[1].properties = [Property(type: "x-review", value: "unreviewed")]
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "formulas", units: [input])], options: ImportOptions())
        let english = try #require(try memory.concordance(ConcordanceQuery(text: "honour")).hits.first)
        #expect(english.review == "translated")
        #expect(english.translations.first?.review == "unreviewed")
        let khmer = try #require(try memory.concordance(ConcordanceQuery(text: "មានកិត្តិយស")).hits.first)
        #expect(khmer.review == "unreviewed")
    }
}
