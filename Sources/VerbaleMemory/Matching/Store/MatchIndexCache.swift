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
/// version): rebuilt from the table, O(total tokens). With a glossary (`entities` with a
/// fingerprint), each entry's entities are recorded as it is appended (one recognition per new
/// variant, a second tokenization for those holding one), and a file whose entities were
/// recorded with another glossary, or none, is rebuilt. The database stays the truth; the file
/// is a cache that is checked, never trusted blindly.
public enum MatchIndexCache {
    /// How the index was obtained (for messages and tests).
    public enum Origin: String, Sendable { case file, updated, rebuilt }

    public static func open(_ memory: SQLiteMemory, entities: (any EntityNaming)? = nil) throws -> (index: MatchIndex, origin: Origin) {
        let url = MatchIndexFile.location(forMemory: memory.path)
        let stamp: [Int64] = try memory.read { db in try FuzzyMatchIndex.stamp(db) }
        let fingerprint = entities?.fingerprint
        let cached = try? MatchIndexFile.readStamped(from: url)
        let usable = cached.flatMap { fingerprint == nil || $0.index.hasEntities(recordedWith: fingerprint) ? $0 : nil }
        if let usable, usable.stamp == stamp { return (usable.index, .file) }
        var index = MatchIndex()
        var origin = Origin.rebuilt
        var after: Int64 = 0
        if let usable, usable.stamp.count == 2, usable.stamp[0] == stamp[0], usable.stamp[1] < stamp[1] {
            index = usable.index
            after = usable.stamp[1]
            origin = .updated
        } else if let fingerprint {
            index.startRecordingEntities(fingerprint: fingerprint)
        }
        let recording = entities.flatMap { index.entityFingerprint != nil ? $0 : nil }
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
        try? MatchIndexFile.write(index, archive: UnitArchive(), stamp: stamp, to: url)
        return (index, origin)
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
