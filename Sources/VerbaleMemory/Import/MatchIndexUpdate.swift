import Foundation
import GRDB
import VerbaleCore

extension SQLiteMemory {
    /// The highest unit id stored (0 when empty). Unit ids only grow, so the units an import
    /// adds are exactly those above the value read before it.
    public func lastUnitID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM unit") ?? 0 }
    }

    /// Brings the fuzzy-match index file beside the memory (`<memory>.match`) up to date after
    /// a committed import.
    ///
    /// The import itself already wrote the new variants' analysed tokens into `match_entry`,
    /// inside its transaction (`FuzzyMatchIndex`); this only folds those rows into the file
    /// (`MatchIndexCache`: new rows appended, postings re-sorted, file renamed into place), so
    /// no text is tokenized twice. A kill before it runs costs nothing: the next search finds
    /// the file's stamp behind the table and catches up the same way. `unitID` is kept for
    /// callers; the stamp, not the caller, decides what is new. Returns the number of index
    /// entries (variants) added to the file.
    @discardableResult
    public func updateMatchIndex(addedAfter unitID: Int64) throws -> Int {
        let url = MatchIndexFile.location(forMemory: path)
        let before = (try? MatchIndexFile.readStamped(from: url))?.index.entryCount ?? 0
        let (index, origin) = try MatchIndexCache.open(self)
        return origin == .file ? 0 : max(index.entryCount - (origin == .updated ? before : 0), 0)
    }
}
