import Foundation
import GRDB
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// `memory.v5-unit-key`: one UNIQUE (source hash, fingerprint) index in place of the two
/// indexes a memory had before; duplicates, alternatives and their lookups must behave as they
/// did, in new memories and in memories migrated from the old layout.
@Suite("Unit key index")
struct UnitKeyMigrationTests {
    static let units: [TranslationUnit] = [
        unit([("en", "The Permanent Mission presents its compliments to the Office."),
              ("fr", "La Mission permanente présente ses compliments au Haut-Commissariat."),
              ("km", "បេសកកម្មអចិន្ត្រៃយ៍សូមគោរពជម្រាបមកការិយាល័យ។")]),
        unit([("km", "ក្រសួងសូមឆ្លៀតឱកាសនេះ។"), ("en", "The Ministry avails itself of this opportunity.")]),
        unit([("en", "Note verbale"), ("fr", "Note verbale")]),
    ]

    /// The memory's indexes on `unit`, by name.
    static func unitIndexes(_ memory: SQLiteMemory) throws -> Set<String> {
        try memory.read { db in
            try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'unit' AND sql IS NOT NULL")
        }
    }

    /// A memory holding `units`, with `unit`'s indexes put back as they were before
    /// `memory.v5-unit-key` and the migration marked as not applied.
    static func oldMemory() throws -> URL {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "units.tmx", units: units)], options: ImportOptions(scrubPersonalData: false))
        let path = memory.path
        try memory.close()
        let queue = try DatabaseQueue(path: path.path)
        try queue.write { db in
            try db.execute(sql: """
                DROP INDEX unit_key;
                CREATE UNIQUE INDEX unit_fingerprint ON unit(fingerprint);
                CREATE INDEX unit_source ON unit(source_hash);
                DELETE FROM grdb_migrations WHERE identifier = 'memory.v5-unit-key';
                """)
        }
        try queue.close()
        return path
    }

    @Test("A new memory has the one unit key index; every lookup by hash uses it, none scans the table")
    func newMemory() throws {
        let memory = try temporaryMemory()
        #expect(try Self.unitIndexes(memory) == ["unit_key"])
        let plans = try memory.read { db in
            try [
                "SELECT id FROM unit WHERE source_hash = 1 AND id <> 2 LIMIT 16",
                "SELECT id FROM unit WHERE source_hash = 1 AND fingerprint = 2",
                "SELECT id FROM unit WHERE source_hash = 1 AND id <> 2 ORDER BY id",
            ].map { sql in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String? ?? "" }.joined(separator: "; ") }
        }
        for plan in plans {
            #expect(plan.contains("USING COVERING INDEX unit_key") || plan.contains("USING INDEX unit_key"), "\(plan)")
        }
        try memory.close()
    }

    @Test("An old memory is migrated to the unit key: same units; importing them again merges every one; a new translation of a stored Khmer source is an alternative")
    func migrated() throws {
        let path = try Self.oldMemory()
        let memory = try SQLiteMemory(path: path)
        #expect(try Self.unitIndexes(memory) == ["unit_key"])
        let before = try memory.allUnits().sorted { $0.id < $1.id }
        #expect(before.map(\.unit.variants) == Self.units.map(\.variants))

        let again = try memory.importUnits(from: [ArrayUnitSource(name: "again.tmx", units: Self.units)], options: ImportOptions(scrubPersonalData: false))
        #expect(again.added == 0)
        #expect(again.merged == Self.units.count)

        let other = unit([("km", "ក្រសួងសូមឆ្លៀតឱកាសនេះ។"), ("en", "The Ministry takes this opportunity.")])
        let summary = try memory.importUnits(from: [ArrayUnitSource(name: "other.tmx", units: [other])], options: ImportOptions(scrubPersonalData: false))
        #expect(summary.added == 1)
        #expect(summary.alternatives == 1)
        let khmerSource = try #require(before.first { $0.unit.variants[0].language.language == .khmer })
        let alternatives = try memory.alternatives(of: khmerSource.id)
        #expect(alternatives.map { $0.unit.variants[1].text } == ["The Ministry takes this opportunity."])
        try memory.close()
    }

    @Test("Within one import into an empty memory, a repeated unit is merged and a same-source unit is an alternative, as with the old indexes")
    func oneImport() throws {
        let memory = try temporaryMemory()
        let units = Self.units + [Self.units[1], unit([("km", "ក្រសួងសូមឆ្លៀតឱកាសនេះ។"), ("en", "The Ministry takes this opportunity.")])]
        let summary = try memory.importUnits(from: [ArrayUnitSource(name: "units.tmx", units: units)], options: ImportOptions(scrubPersonalData: false))
        #expect(summary.added == 4)
        #expect(summary.merged == 1)
        #expect(summary.alternatives == 1)
        try memory.close()
    }
}
