import Foundation

/// What can go wrong with the memory itself (format errors come from `VerbaleFormats`).
public enum MemoryError: Error, CustomStringConvertible, Sendable {
    /// The file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// Another process held the write lock for longer than the busy timeout.
    case busy(path: String, waitedSeconds: Double)
    /// The file is not a Verbale memory, or a newer Verbale made it.
    case incompatible(path: String, reason: String)
    /// A SQLite error during an operation.
    case sqlite(path: String, operation: String, message: String)
    /// An input failed; nothing of this import was kept.
    case importFailed(source: String, underlying: String)
    /// A built-in personal-data pattern did not compile (an ICU without a feature it uses);
    /// import refuses to run unscrubbed rather than leak.
    case invalidPattern(kind: String, reason: String)
    /// A unit reached the store in a shape the import pipeline should have rejected.
    case invalidUnit(id: String?, reason: String)
    /// The memory was opened read-only (this process cannot write it or its folder) and an
    /// operation needed to write it.
    case readOnly(path: String)
    /// A read-only open found a `-wal` beside the memory that may hold commits, and this
    /// process cannot create the `-shm` file SQLite needs to read them (a read-only folder):
    /// reading the file alone would hide them.
    case walNeedsCheckpoint(path: String)
    /// The memory's texts were analysed by a newer Verbale (`AnalysisUpgrade.compare`): this
    /// one can search it as it is but must not add rows of its older analysis.
    case madeByNewerVerbale(path: String, stored: String, current: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            "cannot open the memory \(path): \(reason)"
        case let .busy(path, waited):
            "the memory \(path) is busy: another import (or writer) held it for \(Int(waited)) s; nothing was imported — try again when it has finished"
        case let .incompatible(path, reason):
            "\(path) is not a memory this Verbale can use: \(reason)"
        case let .sqlite(path, operation, message):
            "\(path): \(operation) failed: \(message)"
        case let .importFailed(source, underlying):
            "\(Self.failure(source, underlying)); nothing was imported (the memory is unchanged)"
        case let .invalidPattern(kind, reason):
            "the built-in \(kind) pattern for personal data does not compile with this ICU: \(reason); nothing was imported"
        case let .invalidUnit(id, reason):
            "unit \(id.map { "'\($0)'" } ?? "without id"): \(reason)"
        case let .readOnly(path):
            "cannot write the memory \(path): it is read-only for this process (the file or its folder); nothing was changed"
        case let .walNeedsCheckpoint(path):
            "cannot read the memory \(path) read-only: its -wal file holds commits and this process cannot create \(path)-shm to read them (the folder is read-only for it); ask its owner to checkpoint it: sqlite3 '\(path)' 'PRAGMA wal_checkpoint(TRUNCATE)'"
        case let .madeByNewerVerbale(path, stored, current):
            "the memory \(path) was \(AnalysisUpgrade.newerExplanation(stored: stored, current: current)); nothing was imported"
        }
    }
}

extension MemoryError {
    /// An import failure's cause: a reader's error already names its file
    /// (`notes.tmx:7:1: malformed XML…`), so the file is not named twice.
    static func failure(_ source: String, _ underlying: String) -> String {
        underlying.hasPrefix(source + ":") ? underlying : "\(source): \(underlying)"
    }

    /// `description`, for a failure in a memory the command itself created (the import opens,
    /// hence creates, the memory before it reads its inputs): such a memory is not "unchanged"
    /// — it exists now, holding no unit of this import — so the message says so.
    public func description(forMemoryCreatedAt path: String) -> String {
        guard case let .importFailed(source, underlying) = self else { return description }
        return "\(Self.failure(source, underlying)); nothing was imported (the memory \(path) did not exist: it was created and holds no unit from this import)"
    }
}

extension MemoryError {
    /// `description`, for a failure in a memory the command was creating under a hidden name
    /// and has removed again (`verbale import` into a path with no memory): nothing exists at
    /// `path`, neither a memory nor its journal files, so the message says that.
    public func description(forNewMemoryAt path: String) -> String {
        guard case let .importFailed(source, underlying) = self else { return "\(description) (no memory was created at \(path))" }
        return "\(Self.failure(source, underlying)); nothing was imported (no memory was created at \(path))"
    }
}
