import Foundation
import GRDB
import VerbaleCore

/// The embedded translation memory: one SQLite file (GRDB `DatabasePool`, WAL journal), so one
/// writer and many readers work at once and readers see a consistent snapshot while an import
/// runs.
///
/// A second writer (another `verbale import`) waits for the lock up to `busyTimeout`, then
/// fails with `MemoryError.busy` having changed nothing. The file is created, with its folder,
/// on first use; its schema comes from `MemorySchema` plus each index's migrations.
///
/// ```swift
/// let memory = try SQLiteMemory(path: URL(fileURLWithPath: "memory.sqlite"))
/// print(try memory.statistics().units)
/// ```
public final class SQLiteMemory: TranslationMemory {
    /// The indexes every memory maintains. The fuzzy-match index registers itself here.
    public static let standardIndexes: [any MemoryIndex] = [ConcordanceIndex(), FuzzyMatchIndex()]

    public let path: URL
    public let indexes: [any MemoryIndex]
    let pool: DatabasePool
    /// True when the memory was opened read-only (`Access`): writes fail with
    /// `MemoryError.readOnly`, and nothing was migrated or re-analysed.
    public let isReadOnly: Bool
    /// What the caller may want to tell the user once (the library prints nothing): the memory
    /// could not be upgraded, so searches use its rows as they are (`Note`).
    public let notes: [Note]
    /// What opening did about the stored analysis (`AnalysisUpgrade`).
    let analysis: AnalysisUpgrade.Outcome

    /// Opens (creating if needed) the memory at `path`, brings its schema up to date and, when
    /// its stored rows were analysed by another tokenizer (`AnalysisStamp`), re-analyses them
    /// in one transaction (`AnalysisUpgrade`; O(1) when current, about one tokenization per
    /// stored variant otherwise, reported through `progress`).
    /// - Parameter busyTimeout: how long a writer waits for another process's write lock.
    /// - Parameter access: `.automatic` opens read-only a memory this process cannot write
    ///   (the file or its folder); a read-only memory is searched as it is, with `notes`.
    public init(path: URL, indexes: [any MemoryIndex] = SQLiteMemory.standardIndexes, busyTimeout: TimeInterval = 60,
                access: Access = .automatic, progress: AnalysisUpgradeProgress? = nil) throws {
        self.path = path
        self.indexes = indexes
        self.busyTimeout = busyTimeout
        let readOnly = access.isReadOnly(path)
        self.isReadOnly = readOnly
        let folder = path.deletingLastPathComponent()
        if readOnly {
            guard FileManager.default.fileExists(atPath: path.path) else {
                throw MemoryError.cannotOpen(path: path.path, reason: "no such file, and it cannot be created here (read-only)")
            }
        } else {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw MemoryError.cannotOpen(path: path.path, reason: "cannot create the folder \(folder.path) (\(error.localizedDescription))")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "verbale.memory"
        configuration.readonly = readOnly
        if !readOnly {
            configuration.prepareDatabase { db in
                // NORMAL is safe in WAL mode (a commit is atomic; only the last one may roll back on
                // power loss), and avoids an fsync per transaction.
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;")
                // 16 KiB pages for a new file (an existing one keeps its own): see `MemoryPageSize`.
                try MemoryPageSize.applyIfNew(db)
            }
        }
        do {
            if readOnly {
                (pool, notes) = try ReadOnlyMemory.open(path, configuration: configuration)
                analysis = .current
            } else {
                pool = try DatabasePool(path: path.path, configuration: configuration)
                try Self.migrate(pool, indexes: indexes)
                var upgraded = AnalysisUpgrade.Outcome.current
                var notes: [Note] = []
                do {
                    let started = Date()
                    upgraded = try AnalysisUpgrade.runIfStale(pool, indexes: indexes, restoring: busyTimeout, progress: progress)
                    switch upgraded {
                    case let .newer(stored): notes.append(.analysisNewer(path: path.path, stored: stored))
                    case let .reanalysed(previous): notes.append(.reanalysed(path: path.path, previous: previous, seconds: Date().timeIntervalSince(started)))
                    case .current: break
                    }
                } catch let error as DatabaseError {
                    // The upgrade is optional for searching: another process held the write lock
                    // all along (a long import), or the rewrite failed (a full disk: it needs
                    // about the size of the fuzzy-match rows, plus the concordance with Khmer).
                    // Search with the rows as they are rather than fail; the transaction rolled
                    // back, and the next writable open (or an import, which needs current rows
                    // and fails with the error) tries again.
                    let stored = try pool.read { db in try AnalysisStamp.identity(db) }
                    notes.append(.analysisOutdated(path: path.path, stored: stored,
                                                   reason: error.resultCode == .SQLITE_BUSY ? nil : error.message ?? "\(error)"))
                }
                self.notes = notes
                analysis = upgraded
            }
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB {
                throw MemoryError.incompatible(path: path.path, reason: "it is not an SQLite database")
            }
            if error.resultCode == .SQLITE_BUSY {
                throw MemoryError.busy(path: path.path, waitedSeconds: busyTimeout)
            }
            if error.resultCode == .SQLITE_READONLY {
                // Opened read-only, nothing was to be written: "cannot write" would be wrong.
                if readOnly { throw MemoryError.cannotOpen(path: path.path, reason: "cannot read it read-only: \(error.message ?? "\(error)")") }
                throw MemoryError.readOnly(path: path.path)
            }
            throw MemoryError.cannotOpen(path: path.path, reason: error.message ?? "\(error)")
        }
    }

    let busyTimeout: TimeInterval

    /// Brings the schema up to date. Two processes opening a new memory at once (four
    /// `verbale import`s started together) both read "nothing applied yet"; GRDB runs each
    /// migration in its own transaction, so the second waits for the first's lock, then runs the
    /// same migration again and fails ("table match_stamp already exists"; user-acceptance
    /// audit F23). The failed migration rolled back, so reading the applied list again and going
    /// on is safe: retried while the error is that one, at most `attempts` times.
    static func migrate(_ pool: DatabasePool, indexes: [any MemoryIndex], attempts: Int = 20) throws {
        let migrator = MemorySchema.migrator(indexes: indexes)
        for attempt in 1... {
            do {
                try migrator.migrate(pool)
                return
            } catch let error as DatabaseError where attempt < attempts && Self.lostMigrationRace(error) {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// Whether `error` is the other opener having applied the same migration first: its DDL
    /// ("table … already exists") or, when the DDL is idempotent, its row in GRDB's
    /// `grdb_migrations` ("UNIQUE constraint failed: grdb_migrations.identifier").
    static func lostMigrationRace(_ error: DatabaseError) -> Bool {
        let message = error.message ?? ""
        if error.resultCode == .SQLITE_ERROR, message.contains("already exists") { return true }
        return error.resultCode == .SQLITE_CONSTRAINT && message.contains("grdb_migrations")
    }

    /// Runs `body` in one IMMEDIATE transaction on the writer, translating lock timeouts into
    /// `MemoryError.busy`. Rolls back when `commit` is false (dry runs) or `body` throws.
    func writeTransaction<T>(commit: Bool = true, _ body: (Database) throws -> T) throws -> T {
        guard !isReadOnly else { throw MemoryError.readOnly(path: path.path) }
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return commit ? .commit : .rollback
                }
                guard let result else { throw MemoryError.sqlite(path: path.path, operation: "write", message: "no result") }
                return result
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw MemoryError.busy(path: path.path, waitedSeconds: busyTimeout)
        }
    }

    /// Runs `body` on a reader connection (a snapshot; does not wait for writers).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    public func alternatives(of unitID: Int64) throws -> [StoredUnit] {
        try read { db in
            guard let hash = try Int64.fetchOne(db, sql: "SELECT source_hash FROM unit WHERE id = ?", arguments: [unitID]) else { return [] }
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM unit WHERE source_hash = ? AND id <> ? ORDER BY id", arguments: [hash, unitID])
            return try UnitReader.units(ids: ids, in: db)
        }
    }

    /// The units with these ids, in that order (missing ids are left out).
    public func units(ids: [Int64]) throws -> [StoredUnit] {
        try read { db in try UnitReader.units(ids: ids, in: db) }
    }

    /// Closes the database files. Later calls fail.
    public func close() throws {
        try pool.close()
    }

    /// Writes the write-ahead log into the database file, then closes it: the file alone then
    /// holds every commit, so it can be moved (`verbale import` builds a new memory under a
    /// hidden name and links it into place). A plain `close` may leave the log, when a reader
    /// connection closes last. Cost: one checkpoint (the pages written since the last one).
    public func closeCheckpointed() throws {
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try pool.close()
    }
}
