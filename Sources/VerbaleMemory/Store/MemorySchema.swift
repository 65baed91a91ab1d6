import GRDB

/// The memory's schema, as GRDB named migrations: the one place tables are created or changed.
///
/// Order matters and never changes once shipped: the store's migrations first, then each
/// index's (`MemoryIndex.registerMigrations`), then `memory.v2-analysis` and the store's later
/// ones (`memory.v3-origin-names`, `memory.v4-align-origin-names`, `memory.v5-unit-key`,
/// `memory.v6-scrubbed-context-keys`, `memory.v7-khmer-subscript-fingerprints`). The glossary keeps its termbases in the same
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
        registerUnitKey(in: &migrator)
        ScrubbedContextKeys.registerMigration(in: &migrator)
        KhmerSubscriptFingerprints.registerMigration(in: &migrator)
        CanonicalFingerprints.registerMigration(in: &migrator)
        return migrator
    }

    /// Units and their variants.
    ///
    /// - `unit.fingerprint`: a 64-bit hash of all (language, text) pairs; UNIQUE, so a
    ///   duplicate is found by one index probe and merged instead of stored twice.
    /// - `unit.source_hash`: hash of the source (first) variant; units sharing it but not the
    ///   fingerprint are alternatives.
    /// (`memory.v5-unit-key` later replaces the two indexes by one on both columns.)
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

    /// `memory.v5-unit-key`: one index, UNIQUE on (`source_hash`, `fingerprint`), in place of
    /// `unit_fingerprint` (UNIQUE) and `unit_source`.
    ///
    /// Why: both hashes are random, so each index took one random B-tree insert per new unit —
    /// the most costly part of storing a unit once a memory is large (measured at 1,000,000
    /// units: dropping `unit_source` alone took the writer from 6.2–6.7 to 4.6–5.0 CPU-s with
    /// no other index). One index serves both lookups: a duplicate has the same texts, hence
    /// the same source and the same fingerprint, so the pair is found by one probe; the units
    /// sharing a source (alternatives) are the pair's prefix. Equal pairs are exactly equal
    /// fingerprints, except that two units whose 64-bit fingerprints collide but whose sources
    /// differ are now both kept instead of merged.
    ///
    /// Cost, once per existing memory: one sort of its units' hashes (the index is built
    /// before the old ones are dropped, inside the migration's transaction: a failure or a
    /// kill leaves the old indexes and the migration pending). A memory migrated so cannot be
    /// imported into by an older Verbale: its insert names a UNIQUE index that is gone, and
    /// SQLite refuses the statement before anything is written.
    static func registerUnitKey(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("memory.v5-unit-key") { db in
            try db.execute(sql: """
                CREATE UNIQUE INDEX unit_key ON unit(source_hash, fingerprint);
                DROP INDEX unit_fingerprint;
                DROP INDEX unit_source;
                """)
        }
    }
}
