import Foundation
import GRDB
import VerbaleCore

/// `memory.v7-khmer-subscript-fingerprints`: unit fingerprints and source hashes are now made
/// from the texts with their Khmer subscripts in Unicode's order (COENG RO last,
/// `UnitFingerprint.pair`), so that `ស្រ្តី` and `ស្ត្រី` make one unit a duplicate of the
/// other. A unit stored earlier whose text holds a COENG RO typed first kept the hash of the
/// text as typed, which a new import of the very same file would no longer meet (it would add
/// the unit again as an alternative): this migration re-keys those units.
///
/// Which units: those with a variant holding COENG RO COENG (`instr`, no index: one scan of
/// `variant`), re-hashed from all their variants. A unit whose new key another unit already has
/// (both spellings were imported, as two units) keeps its old key — the two stay as they were
/// stored, alternatives of one another; merging stored units is not a migration's business.
///
/// Cost, once per memory: one scan of the variant texts; a read and a hash per unit that holds
/// such a text (11 of the khPOS sample's 1,000 sentences). Inside the migration's transaction:
/// a failure or a kill leaves the old keys and the migration pending.
enum KhmerSubscriptFingerprints {
    static let name = "memory.v7-khmer-subscript-fingerprints"

    static func registerMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(name) { db in
            try rekey(db)
        }
    }

    /// Re-keys the units that need it; returns how many were re-keyed.
    @discardableResult
    static func rekey(_ db: Database) throws -> Int {
        let units = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT id >> 8 FROM variant WHERE instr(text, char(0x17D2, 0x179A, 0x17D2)) > 0 ORDER BY 1
            """)
        return try rekey(db, units: units)
    }

    /// Re-keys `units` from all their variants (`UnitFingerprint.unitsAndSource`), leaving a
    /// unit whose new key another unit has as it was (`UPDATE OR IGNORE`); returns how many
    /// changed. Also `memory.v8-canonical-fingerprints`'s. O(variants of `units`).
    static func rekey(_ db: Database, units: [Int64]) throws -> Int {
        guard !units.isEmpty else { return 0 }
        let variants = try db.makeStatement(sql: "SELECT language, text FROM variant WHERE id >= ? AND id < ? ORDER BY id")
        let update = try db.makeStatement(sql: "UPDATE OR IGNORE unit SET fingerprint = ?, source_hash = ? WHERE id = ?")
        var rekeyed = 0
        for unit in units {
            var texts: [Variant] = []
            let rows = try Row.fetchCursor(variants, arguments: [unit << 8, (unit + 1) << 8])
            while let row = try rows.next() {
                // As `UnitReader` reads a stored tag (canonical when written; `und` otherwise).
                let tag = (try? LanguageTag(parsing: row[0] as String)) ?? (try? LanguageTag(parsing: "und")) ?? LanguageTag(.english)
                texts.append(Variant(language: tag, text: row[1]))
            }
            guard !texts.isEmpty else { continue }
            let hashes = UnitFingerprint.unitsAndSource(texts, tags: texts.map { $0.language.description })
            try update.execute(arguments: [hashes.units, Int64(bitPattern: hashes.source), unit])
            rekeyed += db.changesCount
        }
        return rekeyed
    }
}
