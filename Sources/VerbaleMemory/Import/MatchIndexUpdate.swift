import Foundation
import GRDB
import VerbaleCore

extension SQLiteMemory {
    /// The highest unit id stored (0 when empty). Unit ids only grow, so the units an import
    /// adds are exactly those above the value read before it.
    public func lastUnitID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM unit") ?? 0 }
    }

    /// Brings the fuzzy-match index file beside the memory (`<memory>.match`, see
    /// `MatchIndexFile`) up to date after a committed import: the units with ids above
    /// `unitID` are added to the existing index (or all units when there is none yet).
    ///
    /// Runs after the commit, not inside the transaction, because the match index is a file
    /// rewritten atomically (temporary file + rename): a kill between the two leaves the index
    /// without the newest units, never with units the memory does not have. Cost: one ICU
    /// tokenizer pass per new EN/FR/KM variant (tens of µs each) plus rewriting the index file.
    /// Returns the number of units added to the index.
    @discardableResult
    public func updateMatchIndex(addedAfter unitID: Int64) throws -> Int {
        let url = MatchIndexFile.location(forMemory: path)
        var since = unitID
        let builder: MatchIndexBuilder
        if FileManager.default.fileExists(atPath: url.path), let existing = try? MatchIndexFile.read(from: url) {
            builder = MatchIndexBuilder(index: existing.index, archive: existing.archive)
        } else {
            builder = MatchIndexBuilder()
            since = 0
        }
        var added = 0
        try read { db in
            _ = try UnitReader.forEach(in: db, languages: nil, after: since) { stored in
                try builder.add(stored.unit)
                added += 1
            }
        }
        guard added > 0 || !FileManager.default.fileExists(atPath: url.path) else { return 0 }
        let (index, archive) = builder.finish()
        try MatchIndexFile.write(index, archive: archive, to: url)
        return added
    }
}
