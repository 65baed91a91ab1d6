import Foundation
import GRDB
import VerbaleCore

/// `memory.v8-canonical-fingerprints`: unit fingerprints and source hashes are now made from
/// the texts in NFC with U+200B and U+FEFF left out (`UnitFingerprint.pair`), so a unit typed
/// decomposed (macOS exports: `e` + U+0301) is a duplicate of the same unit typed composed, and
/// Khmer with U+200B between its words a duplicate of the same Khmer without (review 30 Nov,
/// m15: both used to become "alternatives", shown twice alike). The stored texts stay as typed:
/// only the keys change. A unit stored earlier whose text holds U+200B, U+FEFF or is not in NFC
/// kept the hash of the text as typed, which a new import of the very same file would no
/// longer meet (it would add the unit again as an alternative): this migration re-keys those
/// units, as `memory.v7-khmer-subscript-fingerprints` did for Khmer subscripts.
///
/// Which units: those with a variant the SQL function `verbale_keyed_as_typed` says is not
/// hashed as typed (one scan of `variant`, a byte scan per text: `UnitFingerprint.hashesAsTyped`),
/// re-hashed from all their variants. A unit whose new key another unit already has (both
/// spellings were imported, as two units) keeps its old key — the two stay as they were stored,
/// alternatives of one another; merging stored units is not a migration's business.
///
/// Cost, once per memory: one pass over every variant text (a byte scan each; an ICU NFC
/// check only for a text with a scalar at or above U+0300 outside Khmer and general
/// punctuation); a read and a hash per unit re-keyed (a third of the khPOS sample's lines hold
/// U+200B). Inside the migration's transaction: a failure or a kill leaves the old keys and
/// the migration pending.
enum CanonicalFingerprints {
    static let name = "memory.v8-canonical-fingerprints"

    static func registerMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(name) { db in
            try rekey(db)
        }
    }

    /// Re-keys the units that need it; returns how many were re-keyed.
    @discardableResult
    static func rekey(_ db: Database) throws -> Int {
        let asTyped = DatabaseFunction("verbale_keyed_as_typed", argumentCount: 1, pure: true) { values in
            guard let text = String.fromDatabaseValue(values[0]) else { return true }
            return UnitFingerprint.hashesAsTyped(text)
        }
        db.add(function: asTyped)
        defer { db.remove(function: asTyped) }
        let units = try Int64.fetchAll(db, sql: "SELECT DISTINCT id >> 8 FROM variant WHERE NOT verbale_keyed_as_typed(text) ORDER BY 1")
        return try KhmerSubscriptFingerprints.rekey(db, units: units)
    }
}
