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
/// version): rebuilt from the table, O(total tokens). The database
/// stays the truth; the file is a cache that is checked, never trusted blindly.
public enum MatchIndexCache {
    /// How the index was obtained (for messages and tests).
    public enum Origin: String, Sendable { case file, updated, rebuilt }

    public static func open(_ memory: SQLiteMemory) throws -> (index: MatchIndex, origin: Origin) {
        let url = MatchIndexFile.location(forMemory: memory.path)
        let stamp: [Int64] = try memory.read { db in try FuzzyMatchIndex.stamp(db) }
        let cached = try? MatchIndexFile.readStamped(from: url)
        if let cached, cached.stamp == stamp { return (cached.index, .file) }
        var index = MatchIndex()
        var origin = Origin.rebuilt
        var after: Int64 = 0
        if let cached, cached.stamp.count == 2, cached.stamp[0] == stamp[0], cached.stamp[1] < stamp[1] {
            index = cached.index
            after = cached.stamp[1]
            origin = .updated
        }
        try memory.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT variant, language, tokens FROM match_entry WHERE variant > ? ORDER BY variant", arguments: [after])
            while let row = try rows.next() {
                let variant: Int64 = row[0]
                let languageIndex: Int = row[1]
                let blob: Data = row[2]
                guard languageIndex < Language.allCases.count, let tokens = StoredToken.decode(blob) else {
                    throw MemoryError.sqlite(path: memory.path.path, operation: "read the fuzzy-match index", message: "damaged row for variant \(variant)")
                }
                index.appendEntry(unit: UInt32(truncatingIfNeeded: VariantID.unit(of: variant)), language: Language.allCases[languageIndex], tokens: tokens)
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
