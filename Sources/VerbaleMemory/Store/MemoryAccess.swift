import Foundation
import GRDB
import VerbaleCore

extension SQLiteMemory {
    /// How a memory is opened.
    public enum Access: Sendable {
        /// Read-write when this process can write the file and its folder (SQLite's journal
        /// files live beside it), else read-only. A file that does not exist yet is created.
        case automatic
        /// Read-only whatever the permissions (tests; a memory on a shared, read-only share).
        case readOnly

        /// Decides, for the memory at `path`. Cost: two `access(2)` calls.
        func isReadOnly(_ path: URL) -> Bool {
            switch self {
            case .readOnly:
                return true
            case .automatic:
                guard FileManager.default.fileExists(atPath: path.path) else { return false }
                return access(path.path, W_OK) != 0 || access(path.deletingLastPathComponent().path, W_OK) != 0
            }
        }
    }

    /// What the caller may want to tell the user once, on standard error (the library prints
    /// nothing): the memory could not be brought up to date, and searches use it as it is.
    public enum Note: Equatable, Sendable, CustomStringConvertible {
        /// The stored fuzzy-match tokens and Khmer concordance words were made by another text
        /// analysis (`stored`; nil or empty: unknown, a memory from before the analysis was
        /// recorded) and could not be re-analysed (read-only, or another process held the
        /// write lock): scores and Khmer concordance hits may differ slightly from a freshly
        /// imported memory.
        case analysisOutdated(path: String, stored: String?, reason: String? = nil)
        /// The rows were made by a newer Verbale's analysis (`stored`): searched as they are,
        /// never rewritten by this older one; imports are refused (`MemoryError.madeByNewerVerbale`).
        case analysisNewer(path: String, stored: String)
        /// The stored words were re-analysed on this open (`AnalysisUpgrade`), once, taking
        /// `seconds`: said so that the time a command took is accounted for.
        case reanalysed(path: String, previous: String, seconds: Double)
        /// The memory predates `concordance.v2-khmer-runs` and is read-only: its concordance is
        /// searched as it is, where a number, abbreviation or address inside a Khmer text
        /// (`1,000`, `U.N.`, an e-mail address) may not be found.
        case concordanceNotUpgraded(path: String)
        /// The memory was opened `immutable` (a read-only folder where SQLite cannot create the
        /// `-shm` it shares locks through; `ReadOnlyMemory.open`): it is read as the file holds
        /// it, and what its owner commits while this command runs is not seen.
        case openedAsSnapshot(path: String)

        public var description: String {
            switch self {
            case let .analysisOutdated(path, stored, reason):
                let made = (stored ?? "").isEmpty ? "an earlier Verbale" : "another Verbale (\(stored ?? ""))"
                let why = reason.map { "the upgrade failed: \($0)" } ?? "read-only or busy"
                return "\(path): its words were analysed by \(made) and the memory cannot be upgraded now (\(why)); searches use them as they are, so match scores and Khmer concordance hits may differ slightly from a fresh import until `verbale` opens it with write access"
            case let .reanalysed(path, previous, seconds):
                let made = previous.isEmpty ? "an earlier Verbale" : previous
                return "\(path): its stored words (made by \(made)) were re-analysed once for this Verbale's text analysis, in \(String(format: "%.1f", seconds)) s"
            case let .analysisNewer(path, stored):
                return "\(path): its words were \(AnalysisUpgrade.newerExplanation(stored: stored, current: Tokenizer.analysisIdentity)); until then this Verbale searches them as they are (scores may differ slightly) and will not import into it"
            case let .concordanceNotUpgraded(path):
                return "\(path): the concordance index was made by an earlier Verbale and the memory is read-only; it is searched as it is, where a number, abbreviation or address inside a Khmer text (1,000, U.N., an e-mail address) may not be found until `verbale` opens it with write access"
            case let .openedAsSnapshot(path):
                return "\(path): opened as a snapshot (its folder is read-only here, so SQLite cannot share its owner's locks); units its owner adds while this command runs are not seen"
            }
        }
    }
}

/// What a read-only open can and cannot use of a memory it may not migrate.
///
/// Tables an older Verbale did not create (the memory itself, an index) cannot be done without:
/// that is an error naming the file. Rows made by an older analysis or an older concordance
/// keying are usable: the memory is searched as it is, with a `Note`. Cost: a few schema reads.
enum ReadOnlyMemory {
    /// Opens a pool on a path or URI. A parameter of `open` so a test can make the first open
    /// fail as a read-only folder makes it fail (a folder cannot be made read-only for root).
    typealias PoolOpener = (_ path: String, _ configuration: Configuration) throws -> DatabasePool

    /// Opens the memory at `path` read-only and says what the caller should be told.
    ///
    /// SQLite reads a WAL database through its `-shm` index file, which a read-only folder may
    /// not let it create (a memory closed cleanly leaves neither `-wal` nor `-shm` behind): the
    /// open then fails with SQLITE_READONLY or SQLITE_CANTOPEN. Only in that case, and only when
    /// no `-wal` file holds frames — so the database file alone holds every committed
    /// transaction — the file is opened again as `immutable` (no locks, no `-shm`). Cost of that
    /// choice: a writer with rights this process lacks, starting while this one reads, is not
    /// seen, and a checkpoint during the read could show a torn page; a shared read-only memory
    /// is not written while it is searched, and the alternative is no search at all; the caller
    /// is told (`Note.openedAsSnapshot`). When a
    /// `-wal` does hold frames, ignoring it would hide commits: the error says so and how the
    /// owner can fold them into the file (`MemoryError.walNeedsCheckpoint`). Other errors are
    /// rethrown as they are.
    static func open(_ path: URL, configuration: Configuration,
                     openPool: PoolOpener = { try DatabasePool(path: $0, configuration: $1) }) throws -> (DatabasePool, [SQLiteMemory.Note]) {
        do {
            let pool = try openPool(path.path, configuration)
            return (pool, try pool.read { db in try notes(db, path: path.path) })
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
            guard !walHoldsFrames(path) else { throw MemoryError.walNeedsCheckpoint(path: path.path) }
            let pool = try openPool(immutableURI(path), configuration)
            return (pool, try [.openedAsSnapshot(path: path.path)] + pool.read { db in try notes(db, path: path.path) })
        }
    }

    /// Whether `PATH-wal` exists and is longer than the WAL header (32 bytes): it may then hold
    /// commits the database file does not. Empty or header-only (what `PRAGMA
    /// wal_checkpoint(TRUNCATE)` leaves), it holds none. Cost: one `stat`.
    static func walHoldsFrames(_ path: URL) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path.path + "-wal")[.size] as? NSNumber)?.int64Value ?? 0
        return size > 32
    }

    /// `file:PATH?immutable=1`, with the characters an SQLite URI gives a meaning escaped.
    static func immutableURI(_ path: URL) -> String {
        var escaped = ""
        for character in path.path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    static let requiredTables = ["unit", "variant", "concordance", "match_entry", "match_stamp"]

    static func notes(_ db: Database, path: String) throws -> [SQLiteMemory.Note] {
        for table in requiredTables where try !db.tableExists(table) {
            throw MemoryError.incompatible(path: path, reason: "it was made by an earlier Verbale (it has no \(table) table yet) and must be upgraded once, which needs write access to the file and its folder; it is read-only here")
        }
        var notes: [SQLiteMemory.Note] = []
        let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
        if !applied.contains("concordance.v2-khmer-runs") { notes.append(.concordanceNotUpgraded(path: path)) }
        let stored = try AnalysisStamp.identity(db)
        if let stored, AnalysisUpgrade.compare(stored: stored, with: Tokenizer.analysisIdentity) == .newer {
            notes.append(.analysisNewer(path: path, stored: stored))
        } else if stored != Tokenizer.analysisIdentity {
            notes.append(.analysisOutdated(path: path, stored: stored))
        }
        return notes
    }
}
