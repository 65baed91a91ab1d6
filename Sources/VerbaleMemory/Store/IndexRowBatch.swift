import GRDBSQLite

/// One index's rows for a chunk of units, in flat storage: every text and blob value's bytes
/// one after another in one buffer, the rows and their values in two arrays of plain numbers.
///
/// Why: the import used to hand each unit's rows over as `[[IndexRow]]` — per unit, an outer
/// array, one array per index, one `values` array per row and a `String` or `[UInt8]` per value:
/// about eleven allocations (and as many frees, plus retains and releases on the writer) for a
/// two-language unit, only to carry bytes from an analysis thread to the writer. Here a chunk of
/// 256 units costs a few buffer growths per index, the analysers write their output in place
/// (`ConcordanceWords.appendIndexText`, `MatchEntryEncoder.encode(_:tokenizer:scratch:into:)`),
/// and the writer binds the bytes where they lie (`SQLITE_STATIC`, no copy). The stored bytes are
/// those of `IndexAnalyser.rows(for:)` (`StoredBytesPinningTests` checks both paths on real text).
///
/// Written by one analysis worker, then read by the writer once the pipeline has handed the
/// chunk over (under its lock): never by two threads at once, hence `@unchecked Sendable`.
/// Cost: O(bytes of the chunk's values); memory about the chunk's texts' size, freed with it.
public final class IndexRowBatch: @unchecked Sendable {
    /// A value of a row: an integer, where its bytes lie in the buffer, or SQL NULL (only the
    /// variant table's rows hold NULLs: `UnitWriter.appendVariantRows`).
    enum Value: Equatable {
        case integer(Int64)
        case text(start: Int, count: Int)
        case blob(start: Int, count: Int)
        case null
    }

    struct Row {
        var ordinal: Int
        /// Index of the row's first value in `values`; its last is before the next row's first.
        var firstValue: Int
    }

    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written to the buffer.
    private(set) var byteCount = 0
    private(set) var values: [Value] = []
    private(set) var rows: [Row] = []
    /// Where each unit's rows begin in `rows`, in the order `beginUnit` was called.
    private var unitStarts: [Int] = []

    public init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Starts the rows of the next unit (call it for every unit, stored or skipped, in order).
    public func beginUnit() {
        unitStarts.append(rows.count)
    }

    /// The unit started `unit`-th: its rows' indexes in `rows`.
    func rowRange(ofUnit unit: Int) -> Range<Int> {
        guard unit < unitStarts.count else { return rows.count..<rows.count }
        let end = unit + 1 < unitStarts.count ? unitStarts[unit + 1] : rows.count
        return unitStarts[unit]..<end
    }

    /// Starts a row of the current unit for the variant at `ordinal`; its values follow.
    public func beginRow(ordinal: Int) {
        rows.append(Row(ordinal: ordinal, firstValue: values.count))
    }

    public func appendInteger(_ value: Int64) {
        values.append(.integer(value))
    }

    /// Appends a text value written in place by `write`, which gets room for `capacity` bytes
    /// and returns how many it wrote, or nil to write nothing (then false is returned and no
    /// value is added: the caller takes another path).
    public func appendText(capacity needed: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int?) -> Bool {
        reserve(needed)
        guard let written = write(UnsafeMutableBufferPointer(start: base + byteCount, count: needed)) else { return false }
        values.append(.text(start: byteCount, count: written))
        byteCount += written
        return true
    }

    /// Appends a text value.
    public func appendText(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            let start = append(bytes)
            values.append(.text(start: start, count: bytes.count))
        }
    }

    /// Appends `text`, or NULL for nil.
    func appendText(_ text: String?) {
        if let text { appendText(text) } else { values.append(.null) }
    }

    /// Appends a blob value (copied).
    public func appendBlob(_ bytes: UnsafeBufferPointer<UInt8>) {
        let start = append(bytes)
        values.append(.blob(start: start, count: bytes.count))
    }

    /// Appends `row` (the general path, for analysers that only give `rows(for:)`).
    public func append(_ row: IndexRow) {
        beginRow(ordinal: row.ordinal)
        for value in row.values {
            switch value {
            case let .integer(number): appendInteger(number)
            case let .text(text): appendText(text)
            case let .blob(data): data.withUnsafeBytes { appendBlob($0.bindMemory(to: UInt8.self)) }
            case let .bytes(bytes): bytes.withUnsafeBufferPointer { appendBlob($0) }
            }
        }
    }

    /// The rows of the unit started `unit`-th, as `IndexRow`s (texts as `.text`, blobs as
    /// `.bytes`): for tests and benchmarks comparing this path with `rows(for:)`. (Index rows
    /// hold no NULL; a NULL of a variant row is left out.)
    public func indexRows(ofUnit unit: Int) -> [IndexRow] {
        rowRange(ofUnit: unit).map { index in
            IndexRow(ordinal: rows[index].ordinal, values: valueRange(ofRow: index).compactMap { value in
                switch values[value] {
                case let .integer(number): .integer(number)
                case let .text(start, count): .text(String(decoding: UnsafeBufferPointer(start: base + start, count: count), as: UTF8.self))
                case let .blob(start, count): .bytes(Array(UnsafeBufferPointer(start: base + start, count: count)))
                case .null: nil
                }
            })
        }
    }

    /// Stores the rows of the unit started `unit`-th, for the unit stored as `id`, with `insert`
    /// (the index's `insertSQL`): one statement per row (see `MultiRowInsert` for several).
    func store(unit: Int, id: Int64, with insert: RawStatement) throws {
        for index in rowRange(ofUnit: unit) {
            bind(row: index, variant: VariantID.make(unit: id, ordinal: rows[index].ordinal), to: insert, from: 1)
            try insert.run()
        }
    }

    /// The ordinal (position in its unit) of the variant `row` (an index into `rows`) is for.
    func ordinal(ofRow row: Int) -> Int { rows[row].ordinal }

    /// How many values `row` has (its variant's row id not counted).
    func width(ofRow row: Int) -> Int { valueRange(ofRow: row).count }

    /// Binds `variant` as parameter `first` of `insert` and the values of `row` after it: texts
    /// and blobs where they lie in this batch (`SQLITE_STATIC`: valid until the batch is freed).
    func bind(row: Int, variant: Int64, to insert: RawStatement, from first: Int32) {
        insert.bind(first, variant)
        var parameter = first + 1
        for value in valueRange(ofRow: row) {
            switch values[value] {
            case let .integer(number): insert.bind(parameter, number)
            case let .text(start, count): insert.bindBorrowedText(parameter, base + start, count: count)
            case let .blob(start, count): insert.bindBorrowedBlob(parameter, base + start, count: count)
            case .null: insert.bindNull(parameter)
            }
            parameter += 1
        }
    }

    private func valueRange(ofRow row: Int) -> Range<Int> {
        rows[row].firstValue..<(row + 1 < rows.count ? rows[row + 1].firstValue : values.count)
    }

    /// Copies `bytes` to the end of the buffer; returns where they start.
    private func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        reserve(bytes.count)
        let start = byteCount
        if let source = bytes.baseAddress, !bytes.isEmpty { (base + start).update(from: source, count: bytes.count) }
        byteCount += bytes.count
        return start
    }

    /// Makes room for `extra` more bytes (doubling: a chunk grows its buffer a few times at most).
    private func reserve(_ extra: Int) {
        guard byteCount + extra > capacity else { return }
        var grown = capacity * 2
        while grown < byteCount + extra { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: base, count: byteCount)
        base.deallocate()
        base = moved
        capacity = grown
    }
}

extension RawStatement {
    /// SQLite reads a value bound with this destructor in place (`SQLITE_STATIC`).
    private static let staticValue = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    /// Binds `count` bytes at `start` as text without a copy: they must stay alive and
    /// unchanged until the statement has stepped.
    func bindBorrowedText(_ index: Int32, _ start: UnsafePointer<UInt8>, count: Int) {
        _ = start.withMemoryRebound(to: CChar.self, capacity: max(count, 1)) {
            sqlite3_bind_text(statement.sqliteStatement, index, $0, Int32(count), Self.staticValue)
        }
    }

    func bindNull(_ index: Int32) {
        sqlite3_bind_null(statement.sqliteStatement, index)
    }

    /// Binds `count` bytes at `start` as a blob without a copy (see `bindBorrowedText`).
    func bindBorrowedBlob(_ index: Int32, _ start: UnsafePointer<UInt8>, count: Int) {
        _ = sqlite3_bind_blob(statement.sqliteStatement, index, start, Int32(count), Self.staticValue)
    }
}
