// CSQLiteSetup: process-wide SQLite settings that only C can make.
//
// Why C: sqlite3_config() is variadic, and Swift cannot call a variadic C function (GRDB wraps
// the one it needs, SQLITE_CONFIG_LOG, the same way in its own shim).
// Why a header-only system-library module (as GRDB's GRDBSQLite), not a C target with a .c
// file: a second C compile unit adds a second DWARF 5 unit to the binaries, which valgrind
// 3.19 cannot read ("Possibly corrupted debuginfo file"), and import-callgrind.sh, the issue 3
// measuring tool, stopped working; an inline function is compiled into the Swift module that
// calls it, with its debug information.
#ifndef CSQLITESETUP_H
#define CSQLITESETUP_H

#include <sqlite3.h>

/// sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0): SQLite stops counting its allocations (the
/// counters behind sqlite3_memory_used() and the soft heap limit, which Verbale never reads or
/// sets). Only takes effect before SQLite initialises, i.e. before the process's first
/// connection; returns SQLite's result code (0 = done, 21 = SQLITE_MISUSE: too late, nothing
/// changed). Not thread-safe: call it while no other thread uses SQLite (at process start).
static inline int csqlite_memory_statistics_off(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
