import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory
import VerbaleTestSupport

/// Review finding M9: a Khmer word is found inside the compounds it forms, as "Affairs" finds
/// "Foreign Affairs", and phrase queries still work.
@Suite("Concordance: Khmer words inside compounds")
struct ConcordanceKhmerPartsTests {
    /// Khmer as the review's big.tmx (khPOS, U+200B between words) and the shipped formulas
    /// hold it: `ជន​បរទេស` "foreigner" (a U+200B inside the dictionary's compound),
    /// `ក្រសួង​ការបរទេស` "Ministry of Foreign Affairs", `ស្ថានទូត` "embassy".
    static let units: [TranslationUnit] = [
        unit([("en", "Foreigners must hold a visa."), ("km", "ជន\u{200B}បរទេស\u{200B}ត្រូវ\u{200B}មាន\u{200B}ទិដ្ឋាការ។")]),
        unit([("en", "The Embassy presents its compliments to the Ministry of Foreign Affairs."),
              ("km", "ស្ថានទូត\u{200B}សូម\u{200B}គោរព\u{200B}ជូន\u{200B}ក្រសួង\u{200B}ការបរទេស។")]),
        unit([("en", "The envoy arrived."), ("km", "ទូត\u{200B}បាន\u{200B}មក\u{200B}ដល់។")]),
    ]

    static func memory() throws -> (SQLiteMemory, URL) {
        let folder = try Scratch.folder("verbale-khmer-parts")
        let memory = try SQLiteMemory(path: folder.appendingPathComponent("memory.sqlite"))
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "parts.tmx", units: units)])
        return (memory, folder)
    }

    static func hits(_ memory: SQLiteMemory, _ query: String) throws -> [ConcordanceHit] {
        try memory.concordance(ConcordanceQuery(text: query, language: tag("km"))).hits
    }

    @Test("បរទេស (foreign) finds ជន​បរទេស and ក្រសួង​ការបរទេស, marked inside the compound")
    func foreign() throws {
        let (memory, folder) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hits = try Self.hits(memory, "បរទេស")
        #expect(hits.count == 2)
        let marked = Set(hits.map(\.marked))
        #expect(marked.contains { $0.hasPrefix("ជន\u{200B}[[បរទេស]]") }, "\(marked)")
        #expect(marked.contains { $0.contains("ក្រសួង\u{200B}ការ[[បរទេស]]។") }, "\(marked)")
    }

    @Test("ទូត (envoy) is found alone and inside ស្ថានទូត; the whole words and phrases still find their units")
    func envoyAndPhrases() throws {
        let (memory, folder) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.hits(memory, "ទូត").count == 2)
        // Both are one-word phrase hits; the denser text (fewer whole words) ranks first.
        #expect(try Self.hits(memory, "ទូត").first?.marked.hasPrefix("[[ទូត]]") == true)
        #expect(try Self.hits(memory, "ជនបរទេស").count == 1)
        #expect(try Self.hits(memory, "ជន\u{200B}បរទេស").count == 1)
        let ministry = try Self.hits(memory, "ក្រសួងការបរទេស")
        #expect(ministry.count == 1)
        #expect(ministry.first?.phrase == true)
        #expect(ministry.first?.marked.contains("[[ក្រសួង\u{200B}ការបរទេស]]") == true, "\(ministry.first?.marked ?? "no hit")")
        // A phrase through a part: ក្រសួង then ការ (the first part of ការបរទេស).
        #expect(try Self.hits(memory, "ក្រសួង ការ").first?.phrase == true)
        // A phrase that is not in the text is not one: បរទេស ក្រសួង (reversed).
        #expect(try Self.hits(memory, "បរទេស ក្រសួង").first?.phrase == false)
    }

    @Test("Phrase detection over the words' lattice: a word follows the whole compound or its last part")
    func phraseLattice() {
        typealias Word = ConcordanceWords.Word
        // ក្រសួង ការបរទេស(ការ បរទេស) នៃ
        let words = [Word(key: "a", range: 0..<6), Word(key: "bc", range: 6..<14), Word(key: "b", range: 6..<9, isPart: true),
                     Word(key: "c", range: 9..<14, isPart: true), Word(key: "d", range: 15..<17)]
        #expect(SQLiteMemory.containsPhrase(["a", "bc", "d"], in: words))
        #expect(SQLiteMemory.containsPhrase(["a", "b", "c", "d"], in: words))
        #expect(SQLiteMemory.containsPhrase(["c", "d"], in: words))
        #expect(!SQLiteMemory.containsPhrase(["a", "c"], in: words))
        #expect(!SQLiteMemory.containsPhrase(["bc", "c"], in: words))
        #expect(SQLiteMemory.merge([6..<14, 9..<14, 0..<6], in: String(repeating: "ក", count: 17)) == [0..<14])
    }
}
