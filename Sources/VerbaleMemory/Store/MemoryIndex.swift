import GRDB
import VerbaleCore

/// An index kept inside the memory's SQLite file and updated in the import's own transaction,
/// so it can never disagree with the units (a killed import leaves both as they were).
///
/// The concordance index is one; the fuzzy-match index is another. To add an index: register
/// its tables as named migrations in `registerMigrations` (they run after the store's own, in
/// the order of `SQLiteMemory.standardIndexes`), and add its rows in `add`.
///
/// `add` receives batches (about a thousand units) of NEW units only, after personal data was
/// replaced and empty variants dropped, in the order they were stored. Merged duplicates do not
/// come through (their texts are already indexed). The variant at position `i` of a unit has
/// row id `VariantID.make(unit: id, ordinal: i)`, which an index may use as its own key.
public protocol MemoryIndex: Sendable {
    /// A short stable name (`concordance`), used in messages and benchmarks.
    var name: String { get }
    /// Registers this index's schema, as named migrations (never `CREATE … IF NOT EXISTS`).
    func registerMigrations(in migrator: inout DatabaseMigrator)
    /// Indexes newly stored units, inside the import transaction.
    func add(_ units: [(id: Int64, unit: TranslationUnit)], in db: Database) throws
}

/// Variant row ids derive from their unit: `unit × 256 + ordinal`. So a unit's variants are one
/// contiguous rowid range (fetched without a secondary index), and indexes can key postings by
/// variant without a lookup. Hence at most 256 variants per unit (more are skipped on import).
public enum VariantID {
    public static let maximumVariants = 256
    public static func make(unit: Int64, ordinal: Int) -> Int64 { unit << 8 | Int64(ordinal) }
    public static func unit(of variant: Int64) -> Int64 { variant >> 8 }
    public static func ordinal(of variant: Int64) -> Int { Int(variant & 0xFF) }
}
