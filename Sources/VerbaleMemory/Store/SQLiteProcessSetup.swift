import CSQLiteSetup

/// Process-wide SQLite settings, made once at process start by the programs that import
/// (`verbale`, `verbale-bench`), before any connection.
///
/// Why: SQLite counts every allocation it makes (`SQLITE_CONFIG_MEMSTATUS`, on by default),
/// taking a global mutex and updating its counters on each `malloc` and `free` — about 1.2 % of
/// an import's instructions (callgrind, 30 Nov), for figures (`sqlite3_memory_used`, the soft
/// heap limit) that neither Verbale nor GRDB reads or sets. What is stored does not change.
///
/// Why not from `SQLiteMemory.init`: `sqlite3_config` must run before SQLite initialises (the
/// first connection of the process; GRDB opens connections on its own queues) and while no
/// other thread is inside SQLite — a library cannot know that, a program's first line can.
/// Called later, it changes nothing and returns SQLITE_MISUSE (21).
public enum SQLiteProcessSetup {
    /// Turns SQLite's memory statistics off; true when it took effect (SQLite not yet
    /// initialised). Call it first thing in `main`, before any thread uses SQLite.
    @discardableResult
    public static func turnOffMemoryStatistics() -> Bool {
        csqlite_memory_statistics_off() == 0
    }
}
