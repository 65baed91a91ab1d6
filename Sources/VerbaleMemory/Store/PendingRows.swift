import GRDB

/// The rows of units the import has stored but not yet written — their variants and their
/// index rows — written many units at a time (`MultiRowInsert`) instead of one statement a row.
///
/// The writer stores each unit's own row at once (its key finds repeats, so a later unit of the
/// same chunk repeating it is merged as before) and hands the unit here; `flush()` writes what
/// is held, in the units' order: before anything reads stored variants (the probe for
/// alternatives and contained units, `UnitWriter.storeUnitRow`) and at the end of every chunk,
/// whose batches hold the bytes bound. FTS5 gets its rows in the same order as before, one
/// statement a row (see `MultiRowInsert`), so every table ends with the same rows and ids.
///
/// Cost: O(rows held) a flush; memory: one small array of the units held.
struct PendingRows {
    private enum Insert {
        case rows(MultiRowInsert)
        case single(RawStatement)
    }

    private let variantInsert: MultiRowInsert
    /// One per index, in the import's index order.
    private let indexInserts: [Insert]
    /// The current chunk's variant rows (nil: its variants are stored by `UnitWriter` itself).
    private var variants: IndexRowBatch?
    /// The current chunk's index rows, one batch per index.
    private var indexes: [IndexRowBatch] = []
    /// The units held: their place in the chunk's batches, their id, and whether their
    /// variants are stored already.
    private var units: [(unit: Int, id: Int64, variantsStored: Bool)] = []
    /// The rows of one table being written (kept to reuse its storage).
    private var scratch: [(row: Int, variant: Int64)] = []

    /// Whether rows are written several to a statement (`ImportOptions.writesRowsTogether`).
    private let together: Bool

    /// Prepares the writes of the variant table and of `indexes` inside the import's
    /// transaction; `together` false: one statement a row, the units' variants left to
    /// `UnitWriter.store` (the reference path).
    init(_ db: Database, indexes: [any MemoryIndex], together: Bool = true) throws {
        self.together = together
        variantInsert = MultiRowInsert(db, head: UnitWriter.variantInsertHead(width:))
        // Every unit this import adds gets an id above the highest stored one.
        let highest = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM unit") ?? 0
        let firstNew = VariantID.make(unit: highest + 1, ordinal: 0)
        indexInserts = try indexes.map { index in
            if together, let head = try index.multiRowInsertHead(db, firstNewVariant: firstNew) {
                return .rows(MultiRowInsert(db, head: { _ in head }))
            }
            return .single(try RawStatement(db, sql: index.insertSQL))
        }
        units.reserveCapacity(256)
        scratch.reserveCapacity(512)
    }

    /// Whether the current chunk's variant rows are here to write (else `UnitWriter.store`
    /// writes each unit's variants itself).
    var holdsVariants: Bool { together && variants != nil }

    /// Takes the rows of a new chunk, the one before written (`finishChunk`).
    mutating func start(variants: IndexRowBatch?, indexes: [IndexRowBatch]) {
        self.variants = variants
        self.indexes = indexes
    }

    /// Holds the rows of the chunk's `unit`-th unit, stored as `id` (writes them at once when
    /// rows are not written together).
    mutating func add(unit: Int, id: Int64, variantsStored: Bool) throws {
        units.append((unit, id, variantsStored))
        if !together { try flush() }
    }

    /// Writes every row held, in the units' order, table by table.
    mutating func flush() throws {
        guard !units.isEmpty else { return }
        if let variants { try write(variants, with: .rows(variantInsert), skippingStoredVariants: true) }
        for (insert, batch) in zip(indexInserts, indexes) { try write(batch, with: insert, skippingStoredVariants: false) }
        units.removeAll(keepingCapacity: true)
    }

    /// Writes what is held, then lets go of the chunk's batches (the pipeline's workers free
    /// them, not this thread).
    mutating func finishChunk() throws {
        try flush()
        variants = nil
        indexes = []
    }

    private mutating func write(_ batch: IndexRowBatch, with insert: Insert, skippingStoredVariants: Bool) throws {
        switch insert {
        case let .single(statement):
            for held in units { try batch.store(unit: held.unit, id: held.id, with: statement) }
        case let .rows(multiRow):
            var rows: [(row: Int, variant: Int64)] = []
            swap(&rows, &scratch)
            rows.removeAll(keepingCapacity: true)
            for held in units where !(skippingStoredVariants && held.variantsStored) {
                for row in batch.rowRange(ofUnit: held.unit) {
                    rows.append((row, VariantID.make(unit: held.id, ordinal: batch.ordinal(ofRow: row))))
                }
            }
            try multiRow.write(rows, from: batch)
            swap(&rows, &scratch)
        }
    }
}
