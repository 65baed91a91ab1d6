import Foundation
import GRDB
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory
import VerbaleTestSupport

/// Review 1130h, M1: a unit whose every text is already stored in one unit with more languages
/// (an XLIFF pair of a trilingual memory, brought back from a CAT tool) is merged into it, not
/// stored again as an "alternative" that doubles every match.
@Suite("A unit contained in a stored unit is merged")
struct ContainedUnitMergeTests {
    static let english = "The Embassy has the honour to inform the Ministry."
    static let french = "L'Ambassade a l'honneur d'informer le Ministère."
    static let khmer = "ស្ថានទូតមានកិត្តិយសសូមជម្រាបជូនក្រសួង។"

    static func unitCount(_ memory: SQLiteMemory) throws -> Int {
        try memory.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? -1 }
    }

    @Test("The review's a.tsv (EN/FR/KM) then c.tsv (EN/KM, same texts): merged 1, added 0, no alternative; the note c.tsv carried is kept on the one unit")
    func reviewCase() throws {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "a.tsv", units: [
            unit([("en", Self.english), ("fr", Self.french), ("km", Self.khmer)]),
        ])])
        let summary = try memory.importUnits(from: [ArrayUnitSource(name: "c.tsv", units: [
            unit([("en", Self.english), ("km", Self.khmer)], metadata: UnitMetadata(notes: ["reviewed in the CAT tool"])),
        ])])
        #expect(summary.added == 0)
        #expect(summary.merged == 1)
        #expect(summary.alternatives == 0)
        #expect(try Self.unitCount(memory) == 1)
        let stored = try memory.allUnits()
        #expect(stored.first?.unit.variants.count == 3)
        #expect(stored.first?.unit.metadata.notes == ["reviewed in the CAT tool"])
        let variants = try memory.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM variant") }
        #expect(variants == 3, "the shorter unit's rows are taken back")
    }

    @Test("A reviewed EN/KM pair merged into a translated EN/FR/KM unit does not make the unit — its French — reviewed")
    func reviewNotRaisedByShorterUnit() throws {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "a.tsv", units: [
            unit([("en", Self.english), ("fr", Self.french), ("km", Self.khmer)], metadata: UnitMetadata(review: .translated)),
        ])])
        let summary = try memory.importUnits(from: [ArrayUnitSource(name: "pair.xlf", units: [
            unit([("en", Self.english), ("km", Self.khmer)], metadata: UnitMetadata(review: .reviewed)),
        ])])
        #expect(summary.merged == 1)
        #expect(try memory.allUnits().first?.unit.metadata.review == .translated)
    }

    @Test("Within one import too (an empty memory's fast path), and with the Khmer typed with U+200B between its words")
    func sameImportAndZeroWidth() throws {
        let memory = try temporaryMemory()
        let spaced = "ស្ថានទូត\u{200B}មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាបជូន\u{200B}ក្រសួង។"
        let summary = try memory.importUnits(from: [ArrayUnitSource(name: "a.tmx", units: [
            unit([("en", Self.english), ("fr", Self.french), ("km", Self.khmer)]),
            unit([("en", Self.english), ("km", spaced)]),
            unit([("en", Self.english), ("fr", Self.french)]),
        ])])
        #expect(summary.added == 1)
        #expect(summary.merged == 2)
        #expect(summary.alternatives == 0)
        #expect(try Self.unitCount(memory) == 1)
    }

    @Test("Another Khmer text is still an alternative, kept beside the first; so is a subset with one text that differs")
    func differentTextIsAlternative() throws {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "a.tsv", units: [
            unit([("en", Self.english), ("fr", Self.french), ("km", Self.khmer)]),
        ])])
        let summary = try memory.importUnits(from: [ArrayUnitSource(name: "b.tsv", units: [
            unit([("en", Self.english), ("km", "ស្ថានទូតមានកិត្តិយសសូមជម្រាបមកក្រសួង។")]),
        ])])
        #expect(summary.added == 1)
        #expect(summary.alternatives == 1)
        #expect(try Self.unitCount(memory) == 2)
    }

    @Test("The other order — EN/KM stored, then EN/FR/KM with the same English and Khmer — keeps both (the French is new) and flags no alternative")
    func supersetIsNoAlternative() throws {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "c.tsv", units: [unit([("en", Self.english), ("km", Self.khmer)])])])
        let summary = try memory.importUnits(from: [ArrayUnitSource(name: "a.tsv", units: [
            unit([("en", Self.english), ("fr", Self.french), ("km", Self.khmer)]),
        ])])
        #expect(summary.added == 1)
        #expect(summary.alternatives == 0, "no text differs")
    }

    @Test("A trilingual memory's XLIFF 2.0 and 1.2 pair exports (EN/KM, EN/FR) import back into it as merges: the memory keeps its units, nothing added",
          arguments: [XLIFFVersion.v2_0, .v1_2])
    func xliffPairRoundTrip(version: XLIFFVersion) throws {
        let memory = try temporaryMemory("contained-\(version)")
        let units = [
            unit([("en", Self.english), ("fr", Self.french), ("km", Self.khmer)]),
            unit([("en", "The Ministry of Foreign Affairs and International Cooperation."),
                  ("fr", "Le Ministère des affaires étrangères et de la coopération internationale."),
                  ("km", "ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ។")]),
        ]
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "trilingual.tmx", units: units)])
        for pair in [["en", "km"], ["en", "fr"]] {
            let sink = ByteSink()
            _ = try MemoryExport.run(memory, format: .xliff, languages: pair.map(tag), to: sink, xliffVersion: version)
            let summary = try memory.importUnits(from: [try FormatUnitSource(data: sink.data, name: "pair.xlf", format: .xliff)])
            #expect(summary.added == 0, "\(pair)")
            #expect(summary.merged == 2, "\(pair)")
            #expect(summary.alternatives == 0, "\(pair)")
        }
        #expect(try Self.unitCount(memory) == 2)
    }
}
