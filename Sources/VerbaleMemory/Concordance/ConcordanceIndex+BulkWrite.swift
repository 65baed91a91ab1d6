import GRDB

extension ConcordanceIndex {
    /// FTS5 buffers new postings in memory and writes them out as a segment each time the
    /// buffer passes `hashsize` (1 MB by default); every 4 segments of a level are then merged
    /// into one of the next. A bulk import with the default writes many small segments and
    /// merges them again and again. With an 8 MB buffer for the import's length, segments are 8×
    /// larger and fewer merges run: measured on 200,000 Europarl variants (SQLite 3.40), the
    /// FTS5 inserts cost 0.28 instead of 0.47 CPU-s, on 1,000,000 variants 1.7 instead of 2.9,
    /// with the same query times. `verbale-bench fts-buffer` re-measures it in a whole import
    /// (the buffer is `ConcordanceIndex(bulkHashSize:)`, this default unless a benchmark asks).
    ///
    /// Cost: up to 8 MB more memory while importing (freed at commit); the merges that still
    /// run at commit free larger segments at once, so a fresh memory's file can hold more free
    /// pages (reused by the next import) — about a fifth of the index's size at a million variants.
    public static let defaultBulkHashSize = 8 << 20
    /// FTS5's own default, put back after the import.
    public static let defaultHashSize = 1 << 20

    /// Raises the buffer inside the import's transaction (rolled back with it).
    ///
    /// Best effort: an SQLite whose FTS5 does not know `hashsize` fails the statement alone
    /// (the transaction goes on), and the import runs with the default buffer.
    public func beginBulkWrite(_ db: Database) throws {
        try? db.execute(sql: "INSERT INTO concordance (concordance, rank) VALUES ('hashsize', \(bulkHashSize))")
    }

    /// Puts the default buffer back, then removes the setting's row, so `concordance_config`
    /// holds exactly what an ordinary write leaves (a memory without the row uses the default).
    /// The postings still buffered are written by FTS5 when the transaction commits.
    public func endBulkWrite(_ db: Database) throws {
        guard (try? db.execute(sql: "INSERT INTO concordance (concordance, rank) VALUES ('hashsize', \(Self.defaultHashSize))")) != nil else { return }
        try db.execute(sql: "DELETE FROM concordance_config WHERE k = 'hashsize'")
    }
}
