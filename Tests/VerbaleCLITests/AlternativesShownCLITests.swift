import Foundation
import Testing

/// Review 1130h, m6 and M1 (search side): alternatives are marked as such, and one pair stored
/// twice (a unit and the same texts with a language more) is offered once.
@Suite("verbale search: alternatives marked, repeats offered once")
struct AlternativesShownCLITests {
    static let english = "The Embassy has the honour to inform the Ministry."

    @Test("Two Khmer translations of one English source: each line says [alternative k of 2], --json has alternatives: 2; a lone match has 0")
    func alternativesMarked() throws {
        let folder = try temporaryFolder()
        let first = folder.appendingPathComponent("a.tsv"), second = folder.appendingPathComponent("b.tsv")
        try Data("en\tkm\n\(Self.english)\tស្ថានទូតមានកិត្តិយសសូមជម្រាបជូនក្រសួង។\nThe Ministry of Foreign Affairs.\tក្រសួងការបរទេស។\n".utf8).write(to: first)
        try Data("en\tkm\n\(Self.english)\tស្ថានទូតមានកិត្តិយសសូមជម្រាបមកក្រសួង។\n".utf8).write(to: second)
        let memory = folder.appendingPathComponent("m.sqlite").path
        for file in [first, second] {
            let imported = try CLI.run(["import", "--memory", memory, file.path])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let text = try CLI.run(["search", "--memory", memory, "--to", "km", Self.english])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("[alternative 1 of 2]") && text.stdout.contains("[alternative 2 of 2]"), "\(text.stdout)")
        let json = try CLI.run(["search", "--memory", memory, "--to", "km", "--json", Self.english])
        let matches = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(matches.count == 2)
        #expect(matches.allSatisfy { $0["alternatives"] as? Int == 2 }, "\(json.stdout)")
        let alone = try CLI.run(["search", "--memory", memory, "--to", "km", "--json", "The Ministry of Foreign Affairs."])
        let lone = try #require(try JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as? [[String: Any]])
        #expect(lone.first?["alternatives"] as? Int == 0, "\(alone.stdout)")
        #expect(!alone.stdout.contains("alternative 1"))
    }

    /// A memory holding an EN/KM pair (`pairKhmer`), then the same English with French and the
    /// Khmer typed without U+200B, each imported by `verbale import`.
    static func pairThenTriple(pairKhmer: String) throws -> String {
        let folder = try temporaryFolder()
        let pair = folder.appendingPathComponent("c.tsv"), triple = folder.appendingPathComponent("a.tsv")
        try Data("en\tkm\n\(english)\t\(pairKhmer)\n".utf8).write(to: pair)
        try Data("en\tfr\tkm\n\(english)\tL'Ambassade a l'honneur d'informer le Ministère.\tស្ថានទូតមានកិត្តិយសសូមជម្រាបជូនក្រសួង។\n".utf8).write(to: triple)
        let memory = folder.appendingPathComponent("m.sqlite").path
        for file in [pair, triple] {
            let imported = try CLI.run(["import", "--memory", memory, file.path])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        return memory
    }

    @Test("The Khmer typed with U+200B between its words in one unit and without in the other is one translation: offered once, no alternative")
    func zeroWidthSpacesAreOneTranslation() throws {
        let memory = try Self.pairThenTriple(pairKhmer: "ស្ថានទូត\u{200B}មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាបជូន\u{200B}ក្រសួង។")
        let json = try CLI.run(["search", "--memory", memory, "--to", "km", "--json", Self.english])
        let matches = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(matches.count == 1, "\(json.stdout)")
        let both = try CLI.run(["search", "--memory", memory, "--to", "fr,km", "--json", Self.english])
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as? [[String: Any]])
        #expect(shown.allSatisfy { $0["alternatives"] as? Int == 0 }, "\(both.stdout)")
    }

    @Test("EN/KM stored, then the same texts with French: search --to km offers the Khmer once, not twice alike")
    func repeatOfferedOnce() throws {
        let memory = try Self.pairThenTriple(pairKhmer: "ស្ថានទូតមានកិត្តិយសសូមជម្រាបជូនក្រសួង។")
        let json = try CLI.run(["search", "--memory", memory, "--to", "km", "--json", Self.english])
        let matches = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(matches.count == 1, "\(json.stdout)")
        let both = try CLI.run(["search", "--memory", memory, "--to", "fr,km", "--json", Self.english])
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as? [[String: Any]])
        #expect(shown.count == 2, "with French asked for, the two units show different translations: \(both.stdout)")
        #expect(shown.allSatisfy { $0["alternatives"] as? Int == 0 }, "no text differs: no alternatives \(both.stdout)")
    }
}
