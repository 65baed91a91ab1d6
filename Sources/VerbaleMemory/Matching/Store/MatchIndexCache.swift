import Foundation
import GRDB
import VerbaleCore

/// Opens the fuzzy-match index of a memory: the file `<memory>.match` when it reflects the
/// memory's `match_entry` rows, else brought up to date from them — without tokenizing
/// anything again — and saved.
///
/// The file carries a stamp (rows deleted so far — `match_stamp`, kept by a delete trigger —,
/// highest variant id), read in O(log n): the import only adds rows for new units, above the
/// highest id. Equal stamp: the file is mapped (the usual case; nothing is copied or rebuilt).
/// A higher id only (a later import): the newer rows are appended and the postings re-sorted,
/// O(total postings). Anything else (rows removed, file missing, damaged or of an older
/// version): rebuilt from the table, O(total tokens). The database stays the truth; the file
/// is a cache that is checked, never trusted blindly.
///
/// Glossary entities (`entities` with a fingerprint) are recorded per entry — one recognition
/// per variant, a second tokenization for those holding one — only when the result can be
/// saved (the folder is writable and the file is not of a newer format): a file with the right
/// stamp whose entities are missing or were recorded with another glossary or analysis is used
/// as it is in a read-only folder (entity queries then recognise entities at query time:
/// slower, exact), never rebuilt on every process, and the caller is told (`Note`). A file
/// written by a newer Verbale is never overwritten: the index is built in memory.
public enum MatchIndexCache {
    /// How the index was obtained (for messages and tests).
    public enum Origin: String, Sendable { case file, updated, rebuilt }

    /// What the caller may want to tell the user (the library prints nothing).
    public enum Note: Equatable, Sendable, CustomStringConvertible {
        /// The index holds no glossary entities for this glossary and the folder cannot be
        /// written: entity queries recognise entities in the entries they read (exact, slower).
        case entitiesNotRecorded(path: String)
        /// The file was written by a newer Verbale (format `version`): used neither read nor
        /// overwritten; the index was built in memory for this process.
        case newerFile(path: String, version: UInt32)

        public var description: String {
            switch self {
            case let .entitiesNotRecorded(path):
                "\(path): the match index holds no glossary entities and its folder is read-only; searches stay exact, and queries naming a country or institution will be faster once `verbale` can write the index there"
            case let .newerFile(path, version):
                "\(path): match index format \(version) was written by a newer Verbale; left as it is, and this search builds the index in memory (slower start)"
            }
        }
    }

    public static func open(_ memory: SQLiteMemory, entities: (any EntityNaming)? = nil) throws -> (index: MatchIndex, origin: Origin, notes: [Note]) {
        try open(memory, entities: entities, folderIsWritable: isWritable)
    }

    /// True when a file can be created in `folder` (what `MatchIndexFile.write`'s rename needs).
    static func isWritable(_ folder: URL) -> Bool { access(folder.path, W_OK) == 0 }

    /// `open`, with the folder's writability decided by `folderIsWritable` (tests simulate a
    /// read-only folder, which `chmod` cannot give a root user).
    static func open(_ memory: SQLiteMemory, entities: (any EntityNaming)?, folderIsWritable: (URL) -> Bool) throws
        -> (index: MatchIndex, origin: Origin, notes: [Note]) {
        let url = MatchIndexFile.location(forMemory: memory.path)
        let stamp: [Int64] = try memory.read { db in try FuzzyMatchIndex.stamp(db) }
        let fingerprint = entities?.fingerprint
        var cached: (index: MatchIndex, archive: UnitArchive, stamp: [Int64])?
        var notes: [Note] = []
        do { cached = try MatchIndexFile.readStamped(from: url) } catch {
            if case let .unsupportedVersion(path, version) = error, version > MatchIndexFile.version {
                notes.append(.newerFile(path: path, version: version))
            }
        }
        let saving = notes.isEmpty && folderIsWritable(url.deletingLastPathComponent())
        let recordedHere = fingerprint == nil || (cached?.index.hasEntities(recordedWith: fingerprint) ?? false)
        // Entities are recorded only where the result is kept; elsewhere the file serves as it is.
        let recordingWanted = fingerprint != nil && saving
        func entityNotes(_ index: MatchIndex) -> [Note] {
            fingerprint != nil && !index.hasEntities(recordedWith: fingerprint) && notes.isEmpty && !saving
                ? [.entitiesNotRecorded(path: url.path)] : []
        }
        if let cached, cached.stamp == stamp, recordedHere || !recordingWanted {
            return (cached.index, .file, notes + entityNotes(cached.index))
        }
        let usable = cached.flatMap { recordedHere || !recordingWanted ? $0 : nil }
        var index = MatchIndex()
        var origin = Origin.rebuilt
        var after: Int64 = 0
        if let usable, usable.stamp.count == 2, usable.stamp[0] == stamp[0], usable.stamp[1] < stamp[1] {
            index = usable.index
            after = usable.stamp[1]
            origin = .updated
        } else if let fingerprint, recordingWanted {
            index.startRecordingEntities(fingerprint: fingerprint)
        }
        let recording = entities.flatMap { recordingWanted && index.entityFingerprint != nil ? $0 : nil }
        var tokenizers: [Language: Tokenizer] = [:]
        var unitLanguages: (unit: Int64, seen: Set<Language>) = (-1, [])
        try memory.read { db in
            let sql = recording == nil
                ? "SELECT variant, language, tokens, NULL FROM match_entry WHERE variant > ? ORDER BY variant"
                : "SELECT m.variant, m.language, m.tokens, v.text FROM match_entry m LEFT JOIN variant v ON v.id = m.variant WHERE m.variant > ? ORDER BY m.variant"
            let rows = try Row.fetchCursor(db, sql: sql, arguments: [after])
            while let row = try rows.next() {
                let variant: Int64 = row[0]
                let languageIndex: Int = row[1]
                let blob: Data = row[2]
                guard languageIndex < Language.allCases.count, let tokens = StoredToken.decode(blob) else {
                    throw MemoryError.sqlite(path: memory.path.path, operation: "read the fuzzy-match index", message: "damaged row for variant \(variant)")
                }
                let language = Language.allCases[languageIndex]
                let unit = VariantID.unit(of: variant)
                var recorded: EntryEntities?
                if let recording {
                    if unitLanguages.unit != unit { unitLanguages = (unit, []) }
                    let text: String? = row[3]
                    // A search reads a unit's first variant of a language: a later one stays unrecorded.
                    if let text, !unitLanguages.seen.contains(language) {
                        let tokenizer: Tokenizer
                        if let existing = tokenizers[language] { tokenizer = existing } else {
                            tokenizer = try Tokenizer(language: language)
                            tokenizers[language] = tokenizer
                        }
                        let plain = tokens.reduce(0) { $0 + ($1.kind == .punctuation ? 0 : 1) }
                        recorded = EntryEntities.of(text, language: language, plainLength: plain, tokenizer: tokenizer, entities: recording)
                    } else {
                        recorded = .unrecorded
                    }
                    unitLanguages.seen.insert(language)
                }
                index.appendEntry(unit: UInt32(truncatingIfNeeded: unit), language: language, tokens: tokens, entities: recorded)
            }
        }
        index.buildPostings()
        // Saving is an optimisation: a read-only folder still gets a correct (rebuilt) index.
        if saving { try? MatchIndexFile.write(index, archive: UnitArchive(), stamp: stamp, to: url) }
        return (index, origin, notes + entityNotes(index))
    }
}

/// The units of a memory, for a matcher over its index (`MatchIndex.entryUnit` holds unit ids).
public struct StoredUnits: MatchUnits {
    public let memory: SQLiteMemory

    public init(memory: SQLiteMemory) { self.memory = memory }

    public func unit(at number: Int) -> TranslationUnit? {
        (try? memory.units(ids: [Int64(number)]))?.first?.unit
    }
}
