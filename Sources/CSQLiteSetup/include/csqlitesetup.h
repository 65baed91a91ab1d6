// CSQLiteSetup: process-wide SQLite settings that only C can make.
//
// Why a C target: sqlite3_config() is variadic, and Swift cannot call a variadic C function
// (GRDB wraps the one it needs, SQLITE_CONFIG_LOG, the same way in its own shim). The header
// uses no SQLite type, so nothing but this file's one call depends on <sqlite3.h>.
#ifndef CSQLITESETUP_H
#define CSQLITESETUP_H

#ifdef __cplusplus
extern "C" {
#endif

/// sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0): SQLite stops counting its allocations (the
/// counters behind sqlite3_memory_used() and the soft heap limit, which Verbale never reads or
/// sets). Only takes effect before SQLite initialises, i.e. before the process's first
/// connection; returns SQLite's result code (0 = done, 21 = SQLITE_MISUSE: too late, nothing
/// changed). Not thread-safe: call it while no other thread uses SQLite (at process start).
int csqlite_memory_statistics_off(void);

#ifdef __cplusplus
}
#endif

#endif
