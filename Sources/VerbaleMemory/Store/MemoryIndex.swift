import Foundation
import GRDB
import VerbaleCore

/// An index kept inside the memory's SQLite file and updated in the import's own transaction,
/// so it can never disagree with the units (a killed import leaves both as they were).
///
/// The concordance index is one; the fuzzy-match index is another. To add an index: register
/// its tables as named migrations in `registerMigrations` (they run after the store's own, in
/// the order of `SQLiteMemory.standardIndexes`), give the statement that stores one row
/// (`insertSQL`), and derive a unit's rows in an `IndexAnalyser`.
///
/// The work is split in two so that the import can run the costly part — tokenizing — on
/// other cores while one thread writes: `makeAnalyser()` gives each analysis thread its own
/// analyser, which turns a unit into rows (pure: it reads nothing from the database); the
/// import's writer then stores the rows of NEW units only (after personal data was replaced
/// and empty variants dropped, in the order they were stored) with `insertSQL`. Merged
/// duplicates are not indexed again (their texts are already). The variant at position `i` of
/// a unit has row id `VariantID.make(unit: id, ordinal: i)`, bound as `?1`.
public protocol MemoryIndex: Sendable {
    /// A short stable name (`concordance`), used in messages and benchmarks.
    var name: String { get }
    /// Registers this index's schema, as named migrations (never `CREATE … IF NOT EXISTS`).
    func registerMigrations(in migrator: inout DatabaseMigrator)
    /// The statement storing one row: `?1` is the variant's row id, `?2`… the row's values.
    var insertSQL: String { get }
    /// The head of a statement storing several of the import's rows at once —
    /// `INSERT OR FAIL INTO t (…) VALUES `, each row's `(?, ?, …)` following as in `insertSQL` —
    /// or nil to store one row a statement with `insertSQL` (see `MultiRowInsert`: never for
    /// FTS5, and only `OR FAIL`). The rows are all new: their variant ids are at or above
    /// `firstNewVariant`; an index whose `insertSQL` replaces a row must answer nil when it
    /// holds one there, so that nothing it does changes. Default: nil.
    func multiRowInsertHead(_ db: Database, firstNewVariant: Int64) throws -> String?
    /// A new analyser, for one thread (analysers may hold tokenizers, which are not thread-safe).
    func makeAnalyser() throws -> any IndexAnalyser
    /// Called inside the import's transaction before its first row: settings that make many
    /// inserts cheaper (the concordance's larger FTS5 buffer). Default: nothing.
    func beginBulkWrite(_ db: Database) throws
    /// Called after the import's last row, before it commits: puts back what `beginBulkWrite`
    /// changed, so the stored rows are those of an ordinary write. Default: nothing.
    func endBulkWrite(_ db: Database) throws
}

extension MemoryIndex {
    public func multiRowInsertHead(_ db: Database, firstNewVariant: Int64) throws -> String? { nil }
    public func beginBulkWrite(_ db: Database) throws {}
    public func endBulkWrite(_ db: Database) throws {}
}

/// Turns a unit into one index's rows. Not shared between threads; kept for a whole import,
/// so what it loads (ICU break iterators, patterns) is loaded once per thread.
public protocol IndexAnalyser: AnyObject {
    /// The rows for `unit`'s variants, in any order.
    func rows(for unit: TranslationUnit) throws -> [IndexRow]
    /// Appends the rows of `unit` — exactly those of `rows(for:)` — to `batch`, after the
    /// caller's `batch.beginUnit()`: what the import calls. Default: `rows(for:)`, appended.
    /// An analyser writes its bytes into the batch in place where it can (no array or string
    /// per row: see `IndexRowBatch`).
    func appendRows(for unit: TranslationUnit, to batch: IndexRowBatch) throws
}

extension IndexAnalyser {
    public func appendRows(for unit: TranslationUnit, to batch: IndexRowBatch) throws {
        for row in try rows(for: unit) { batch.append(row) }
    }
}

/// One row an index stores for a variant: the variant's position in its unit, then the values
/// bound after its row id.
public struct IndexRow: Sendable, Equatable {
    public var ordinal: Int
    public var values: [IndexValue]
    public init(ordinal: Int, values: [IndexValue]) {
        self.ordinal = ordinal
        self.values = values
    }
}

/// A value of an index row (SQLite's storage classes that indexes use).
public enum IndexValue: Sendable, Equatable {
    case integer(Int64)
    case text(String)
    case blob(Data)
    /// A blob as bytes (no `Data` copy on the import's hot path).
    case bytes([UInt8])
}

extension MemoryIndex {
    /// Indexes `units` (already stored under `id`) in one go, on this thread: what the import
    /// does, without the pipeline (backfills, tests).
    public func add(_ units: [(id: Int64, unit: TranslationUnit)], in db: Database) throws {
        let analyser = try makeAnalyser()
        let insert = try RawStatement(db, sql: insertSQL)
        for (id, unit) in units {
            for row in try analyser.rows(for: unit) { try insert.run(row, variant: VariantID.make(unit: id, ordinal: row.ordinal)) }
        }
    }
}

extension RawStatement {
    /// Binds `variant` as `?1` and the row's values after it, then runs the statement. Texts
    /// and byte blobs are bound without a copy (`withText`), the step running while they live.
    func run(_ row: IndexRow, variant: Int64) throws {
        bind(1, variant)
        try run(row.values, from: 0)
    }

    private func run(_ values: [IndexValue], from offset: Int) throws {
        guard offset < values.count else { return try run() }
        let index = Int32(offset + 2)
        switch values[offset] {
        case let .integer(number):
            bind(index, number)
            try run(values, from: offset + 1)
        case let .text(text):
            try withText(index, text) { try run(values, from: offset + 1) }
        case let .blob(data):
            bind(index, blob: data)
            try run(values, from: offset + 1)
        case let .bytes(bytes):
            try withBlob(index, bytes) { try run(values, from: offset + 1) }
        }
    }
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
