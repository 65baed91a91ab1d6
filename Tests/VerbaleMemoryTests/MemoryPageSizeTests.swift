import Foundation
import GRDB
import Testing
import VerbaleCore
@testable import VerbaleMemory
import VerbaleTestSupport

/// `MemoryPageSize`: a new memory file gets 16 KiB pages; a memory made with SQLite's 4 KiB pages
/// (every memory made before) keeps them, and both store and find exactly the same things.
@Suite("Memory page size")
struct MemoryPageSizeTests {
    static let units: [TranslationUnit] = UnitKeyMigrationTests.units + [
        unit([("en", "The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs."),
              ("fr", "L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère des Affaires étrangères."),
              ("km", "ស្ថានទូតនៃព្រះរាជាណាចក្រកម្ពុជា សូមគោរពជម្រាបមកក្រសួងការបរទេស។")]),
        unit([("en", "Note verbale"), ("fr", "Note verbale")]),
    ]

    static func pageSize(_ memory: SQLiteMemory) throws -> Int {
        try memory.read { try Int.fetchOne($0, sql: "PRAGMA page_size") ?? 0 }
    }

    /// A memory file laid out as an older Verbale made it: 4 KiB pages, WAL, then opened (and
    /// migrated) by this one.
    static func fourKiBMemory() throws -> SQLiteMemory {
        let path = try Scratch.folder("verbale-page-size").appendingPathComponent("memory.sqlite")
        let queue = try DatabaseQueue(path: path.path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = 4096")
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "CREATE TABLE placeholder (id INTEGER PRIMARY KEY); DROP TABLE placeholder")
        }
        try queue.close()
        return try SQLiteMemory(path: path)
    }

    /// Everything the memory stores, table by table, and what the concordance finds.
    static func contents(_ memory: SQLiteMemory) throws -> [String] {
        var tables: [String] = try memory.read { db in
            try ["unit", "variant", "match_entry", "seed"].map { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").description
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for query in ["compliments", "presents its compliments", "ministère", "ក្រសួង", "note verbale"] {
            let hits = try memory.concordance(ConcordanceQuery(text: query)).hits
            tables.append(String(decoding: try encoder.encode(hits), as: UTF8.self))
        }
        return tables
    }

    @Test("a new memory file has 16 KiB pages")
    func newMemory() throws {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "units.tmx", units: Self.units)], options: ImportOptions())
        #expect(try Self.pageSize(memory) == MemoryPageSize.bytes)
        #expect(MemoryPageSize.bytes == 16_384)
    }

    @Test("a memory with 4 KiB pages keeps them, and stores and finds the same as a new one")
    func existingMemory() throws {
        let old = try Self.fourKiBMemory()
        let new = try temporaryMemory()
        for memory in [old, new] {
            let summary = try memory.importUnits(from: [ArrayUnitSource(name: "units.tmx", units: Self.units)], options: ImportOptions())
            #expect(summary.added == Self.units.count - 1)
            #expect(summary.merged == 1)
        }
        #expect(try Self.pageSize(old) == 4096)
        #expect(try Self.pageSize(new) == 16_384)
        let oldContents = try Self.contents(old)
        #expect(oldContents == (try Self.contents(new)))
        // The concordance found something for each query (the comparison is not of empty lists).
        #expect(oldContents.suffix(5).allSatisfy { $0 != "[]" })
    }
}
