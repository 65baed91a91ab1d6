import GRDB
import GRDBSQLite

/// A prepared statement driven through the SQLite C API: binding and stepping without GRDB's
/// per-value boxing, for the import and export hot paths (about 3× fewer cycles per row than
/// `Statement.execute(arguments:)` here). The GRDB `Statement` owns the handle's lifetime.
struct RawStatement {
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private let path: String
    /// Where `bindCopy` keeps its texts (see there).
    private let copies: BoundCopies

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        path = db.description
        copies = BoundCopies(parameters: Int(sqlite3_bind_parameter_count(statement.sqliteStatement)))
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        value.withUTF8 { bytes in
            // An empty buffer may have no base address; SQLite wants a non-NULL pointer for ''.
            guard let base = bytes.baseAddress else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), Self.transient)
            }
        }
    }

    /// Binds `value` (or NULL) as `bind(_:_:)` does, but copied into a buffer of this
    /// statement's own, kept for the parameter and reused at its next bind, and bound from there
    /// without SQLite's copy (`SQLITE_STATIC`). Same stored value.
    ///
    /// Why: SQLite copies a `SQLITE_TRANSIENT` text into memory from its own allocator, which
    /// (with memory statistics on, as in Debian's library) takes a mutex and updates counters on
    /// every allocation and free — about 700 instructions per bound text on the import's writer
    /// (callgrind), against a `memcpy` of a few bytes here; a new unit binds six or seven short
    /// texts (tuid, tags, users, origin, review, contexts). For the writer's per-row statements.
    /// Memory: the longest text each parameter has held, until the statement is released.
    ///
    /// A parameter bound with `bindCopy` must only ever be bound with `bindCopy`: a NULL is not
    /// bound again when this statement's last `bindCopy` of the parameter was NULL already
    /// (SQLite keeps bindings across `sqlite3_reset`; the writer's statements bind most list
    /// columns NULL unit after unit), which another kind of bind in between would defeat.
    func bindCopy(_ index: Int32, _ value: String?) {
        guard var value else {
            if copies.markNull(Int(index)) { sqlite3_bind_null(handle, index) }
            return
        }
        value.withUTF8 { bytes in
            guard let copy = copies.copy(bytes, parameter: Int(index)) else {
                bind(index, String(decoding: bytes, as: UTF8.self))
                return
            }
            _ = copy.withMemoryRebound(to: CChar.self, capacity: max(bytes.count, 1)) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), Self.borrowed)
            }
        }
    }

    /// SQLite reads a value bound with this destructor in place, without copying it: the
    /// buffer must stay alive until the statement has stepped (see `withText`).
    private static let borrowed = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    /// Binds `value` without a copy (`SQLITE_STATIC`) and runs `body` — which must step the
    /// statement — while the text's UTF-8 buffer is alive. Saves SQLite's allocation and copy
    /// of every long text on the import's per-row path (variant texts, index words). The
    /// binding points at freed memory afterwards: harmless, as every use of the import's
    /// statements binds every parameter again before stepping.
    func withText<T>(_ index: Int32, _ value: String, _ body: () throws -> T) rethrows -> T {
        var value = value
        return try value.withUTF8 { bytes in
            guard let base = bytes.baseAddress else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return try body()
            }
            _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), Self.borrowed)
            }
            return try body()
        }
    }

    /// `withText` for a blob.
    func withBlob<T>(_ index: Int32, _ bytes: [UInt8], _ body: () throws -> T) rethrows -> T {
        try bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress {
                _ = sqlite3_bind_blob(handle, index, base, Int32(raw.count), Self.borrowed)
            } else {
                _ = sqlite3_bind_zeroblob(handle, index, 0)
            }
            return try body()
        }
    }

    func bind(_ index: Int32, bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress {
                _ = sqlite3_bind_blob(handle, index, base, Int32(raw.count), Self.transient)
            } else {
                _ = sqlite3_bind_zeroblob(handle, index, 0)
            }
        }
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Steps a statement that returns no row (or whose rows are ignored), then resets it.
    func run() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code) }
    }

    /// Steps once: true when a row is available (read it with `column…`), false when done.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw error(code)
    }

    func reset() {
        sqlite3_reset(handle)
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// Rows changed by the connection's last INSERT/UPDATE/DELETE (`sqlite3_changes`), read
    /// straight from SQLite: GRDB's `Database.changesCount` first checks the dispatch queue,
    /// which costs more than the call on the import's per-unit path.
    var changes: Int32 { sqlite3_db_handle(handle).map { sqlite3_changes($0) } ?? 0 }

    /// The connection's last inserted rowid (`sqlite3_last_insert_rowid`), as `changes`.
    var lastInsertedRowID: Int64 { sqlite3_db_handle(handle).map { sqlite3_last_insert_rowid($0) } ?? 0 }

    func double(_ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }

    /// The column's text as SQLite holds it, nil for NULL; valid until the next step or reset
    /// (read it, or copy it, at once). Saves making a `String` of what is only looked at.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    private func error(_ code: Int32) -> DatabaseError {
        let connection = sqlite3_db_handle(handle)
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "SQLite error \(code)"
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}

/// The buffers `RawStatement.bindCopy` binds from: one per parameter, grown as needed and kept,
/// so binding a text costs a `memcpy` and no allocation once the buffer is large enough. A
/// parameter's buffer changes only when that parameter is bound again (which replaces SQLite's
/// pointer to it), so every bound pointer stays valid until the statement's next bind of it.
/// Also remembers which parameters `bindCopy` left NULL, so binding NULL again is skipped
/// (SQLite keeps bindings across `sqlite3_reset`).
///
/// Slots are reached through a plain pointer: Swift arrays in a class property cost an
/// exclusivity check and a uniqueness check per write, several times the `memcpy` itself.
final class BoundCopies {
    private struct Slot {
        var buffer: UnsafeMutablePointer<UInt8>?
        var capacity = 0
        /// Set when `bindCopy` bound NULL here, cleared when it binds a text.
        var isNull = false
    }

    private let slots: UnsafeMutablePointer<Slot>
    private let count: Int

    init(parameters: Int) {
        count = max(parameters, 0) + 1
        slots = .allocate(capacity: count)
        slots.initialize(repeating: Slot(), count: count)
    }

    deinit {
        for index in 0..<count { slots[index].buffer?.deallocate() }
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Copies `bytes` into `parameter`'s buffer (1-based, as SQLite counts) and returns it; nil
    /// for a parameter the statement does not have (the caller binds as usual, and SQLite says
    /// what is wrong). Never a null pointer, even for no bytes (SQLite reads one as SQL NULL).
    func copy(_ bytes: UnsafeBufferPointer<UInt8>, parameter: Int) -> UnsafeMutablePointer<UInt8>? {
        guard parameter > 0, parameter < count else { return nil }
        let slot = slots + parameter
        slot.pointee.isNull = false
        let buffer: UnsafeMutablePointer<UInt8>
        if let existing = slot.pointee.buffer, slot.pointee.capacity >= bytes.count {
            buffer = existing
        } else {
            slot.pointee.buffer?.deallocate()
            let capacity = max(32, bytes.count)
            buffer = .allocate(capacity: capacity)
            slot.pointee.buffer = buffer
            slot.pointee.capacity = capacity
        }
        if let source = bytes.baseAddress, !bytes.isEmpty { buffer.update(from: source, count: bytes.count) }
        return buffer
    }

    /// Records that `parameter` is to be NULL; false when `bindCopy` had already bound it NULL
    /// (then it still is: nothing to bind).
    func markNull(_ parameter: Int) -> Bool {
        guard parameter > 0, parameter < count else { return true }
        if slots[parameter].isNull { return false }
        slots[parameter].isNull = true
        return true
    }
}
