import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory
import VerbaleTestSupport

/// Review 1130c, m13: a text that holds the query as a phrase is marked where the phrase is,
/// so the elided `l’` of `l’Ambassade` does not mark every `l’` of the text.
@Suite("Concordance marks a phrase where it is")
struct ConcordancePhraseMarkTests {
    static func memory() throws -> (SQLiteMemory, URL) {
        let folder = try Scratch.folder("verbale-phrase-mark")
        let memory = try SQLiteMemory(path: folder.appendingPathComponent("memory.sqlite"))
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "a.tsv", units: [
            unit([("en", "The Embassy has the honour to inform the Ministry."),
                  ("fr", "L’Ambassade a l’honneur d’informer le Ministère que l’Ambassade sera fermée."),
                  ("km", "ស្ថានទូត​មាន​កិត្តិយស​ជម្រាប​ក្រសួង​ការបរទេស​ថា ក្រសួង​នឹង​បិទ។")]),
            unit([("en", "The honour of the Ministry"), ("fr", "L’honneur du Ministère et l’Ambassade")]),
        ])])
        return (memory, folder)
    }

    @Test("`l’Ambassade` marks each L’Ambassade, not the other elided articles")
    func elision() throws {
        let (memory, folder) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hits = try memory.concordance(ConcordanceQuery(text: "l’Ambassade")).hits
        let first = try #require(hits.first { $0.text.hasPrefix("L’Ambassade a") })
        #expect(first.marked == "[[L’Ambassade]] a l’honneur d’informer le Ministère que [[l’Ambassade]] sera fermée.")
    }

    @Test("A Khmer phrase is marked where it is, not each of its words")
    func khmer() throws {
        let (memory, folder) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hits = try memory.concordance(ConcordanceQuery(text: "ក្រសួង​ការបរទេស")).hits
        let hit = try #require(hits.first { $0.language == "km" })
        #expect(hit.phrase)
        #expect(hit.marked == "ស្ថានទូត​មាន​កិត្តិយស​ជម្រាប​[[ក្រសួង​ការបរទេស]]​ថា ក្រសួង​នឹង​បិទ។")
    }

    @Test("A text without the phrase is still marked word by word")
    func noPhrase() throws {
        let (memory, folder) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hits = try memory.concordance(ConcordanceQuery(text: "Ministère l’Ambassade")).hits
        let hit = try #require(hits.first { $0.text.hasPrefix("L’honneur") })
        #expect(!hit.phrase)
        #expect(hit.marked.contains("[[Ministère]]") && hit.marked.contains("[[l’Ambassade]]"))
    }
}

/// Review 1130c, m2: a concordance hit names its unit by the file's id too, as `search` does,
/// so a tool can join the two commands' answers.
@Suite("Concordance hits carry the unit's file id")
struct ConcordanceUnitIDTests {
    @Test("The file's id is `unitID`; a unit the file gave no id has none")
    func unitID() throws {
        let folder = try Scratch.folder("verbale-concordance-id")
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = try SQLiteMemory(path: folder.appendingPathComponent("memory.sqlite"))
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "a.tmx", units: [
            unit([("en", "The Embassy thanks the Ministry."), ("km", "ស្ថានទូត​សូម​អរគុណ​ក្រសួង។")], id: "a3"),
            unit([("en", "The Ministry thanks the Embassy."), ("fr", "Le Ministère remercie l'Ambassade.")]),
        ])])
        let hits = try memory.concordance(ConcordanceQuery(text: "thanks")).hits
        #expect(Set(hits.map(\.unitID)) == ["a3", nil])
        let khmer = try memory.concordance(ConcordanceQuery(text: "អរគុណ")).hits
        #expect(khmer.first?.unitID == "a3")
    }
}
