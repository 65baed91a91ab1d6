import GRDB

/// The memory's schema, as GRDB named migrations: the one place tables are created or changed.
///
/// Order matters and never changes once shipped: the store's migrations first, then each
/// index's (`MemoryIndex.registerMigrations`), then `memory.v2-analysis` and the store's later
/// ones (`memory.v3-origin-names`, `memory.v4-align-origin-names`). The glossary keeps its termbases in the same
/// file with its own migrator; GRDB records each migrator's applied names in one table, so
/// names are prefixed (`memory.`, `concordance.`, …) to stay apart.
public enum MemorySchema {
    /// The migrator for the store and `indexes`.
    public static func migrator(indexes: [any MemoryIndex]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        registerStore(in: &migrator)
        for index in indexes { index.registerMigrations(in: &migrator) }
        // After the indexes': its table tells `concordance.v2-khmer-runs` whether the memory
        // predates it.
        AnalysisStamp.registerMigration(in: &migrator)
        // Later store migrations are appended here, after every shipped one, never inserted
        // before them: GRDB runs unapplied migrations in registration order, so appending keeps
        // the order every memory — new or upgraded — was migrated in the same.
        OriginNames.registerMigration(in: &migrator)
        OriginNames.registerAlignMigration(in: &migrator)
        return migrator
    }

    /// Units and their variants.
    ///
    /// - `unit.fingerprint`: a 64-bit hash of all (language, text) pairs; UNIQUE, so a
    ///   duplicate is found by one index probe and merged instead of stored twice.
    /// - `unit.source_hash`: hash of the source (first) variant; units sharing it but not the
    ///   fingerprint are alternatives.
    /// - `variant.id = unit.id × 256 + ordinal` (see `VariantID`): no secondary index needed.
    /// - list-valued metadata (notes, properties, inline tags) is JSON, NULL when empty.
    /// - dates are seconds since 1970 (REAL), so they sort and compare in SQL.
    static func registerStore(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("memory.v1") { db in
            try db.execute(sql: """
                CREATE TABLE unit (
                    id INTEGER PRIMARY KEY,
                    tuid TEXT,
                    fingerprint INTEGER NOT NULL,
                    source_hash INTEGER NOT NULL,
                    source_language TEXT NOT NULL,
                    creation_date REAL,
                    creation_user TEXT,
                    change_date REAL,
                    change_user TEXT,
                    origin TEXT,
                    review TEXT NOT NULL,
                    previous_context TEXT,
                    next_context TEXT,
                    notes TEXT,
                    properties TEXT,
                    attributes TEXT
                );
                CREATE UNIQUE INDEX unit_fingerprint ON unit(fingerprint);
                CREATE INDEX unit_source ON unit(source_hash);
                CREATE TABLE variant (
                    id INTEGER PRIMARY KEY,
                    language TEXT NOT NULL,
                    text TEXT NOT NULL,
                    tags TEXT,
                    properties TEXT,
                    notes TEXT,
                    attributes TEXT
                );
                CREATE TABLE seed (
                    name TEXT PRIMARY KEY,
                    digest TEXT NOT NULL,
                    units INTEGER NOT NULL,
                    seeded_at REAL NOT NULL
                );
                """)
        }
    }
}
