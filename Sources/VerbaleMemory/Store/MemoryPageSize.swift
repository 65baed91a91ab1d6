import GRDB

/// The page size of a memory file created by this Verbale: 16 KiB instead of SQLite's 4 KiB.
///
/// Why: an import writes every byte of the memory twice, on its one writer thread — into the
/// WAL while the transaction runs (pages spilled from the cache, the rest at commit), then into
/// the database file by the checkpoint that follows the commit — and SQLite does that one page
/// at a time (a WAL frame costs two `pwrite`s, a checkpointed page a read and a write). At
/// 1,000,000 units that is about 1 GB each way, and the kernel's part of it was about a third
/// of the writer's CPU time. Four times larger pages are a quarter of the system calls for the
/// same bytes, and a quarter of the B-tree pages to allocate, balance and track in the cache.
/// (Measured with `verbale-bench memory`: see the README's memory section.)
///
/// Only a new file takes it: SQLite fixes a database's page size when its first table is
/// written, and a WAL database never changes it (not even by `VACUUM`), so an existing memory
/// keeps its 4 KiB pages and is read and written exactly as before. Nothing stored differs:
/// rows, indexes and `sqlite3 .dump` are the same; only the file's layout is.
enum MemoryPageSize {
    /// Bytes per page of a new memory file.
    static let bytes = 16_384

    /// Sets the page size of the database `db` opened, if it is still empty (new); a no-op on
    /// an existing file. Run before anything is written (GRDB's `prepareDatabase`, before WAL).
    static func applyIfNew(_ db: Database) throws {
        try db.execute(sql: "PRAGMA page_size = \(bytes)")
    }
}
