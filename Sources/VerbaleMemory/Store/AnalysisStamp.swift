import GRDB
import VerbaleCore

/// Which text analysis (`Tokenizer.analysisIdentity`: the tokenizer's version, the ICU version
/// and the Khmer model's hash) made the rows a memory stores from its texts — the fuzzy-match index's tokens
/// and the concordance's Khmer words.
///
/// Why: those rows are written once, at import, and read by every later search, whose query
/// is analysed by the code running then. When a release changes the tokenizer (or its Khmer
/// model), old rows and new queries disagree (an NFD row never equals the NFC query; a Khmer
/// word split another way is never found), so a search scores differently from a fresh import.
/// The stamp lets `AnalysisUpgrade` see that in O(1) — one row read — and re-analyse.
///
/// One row, in its own table (`memory.v2-analysis`). A memory from before the table existed
/// gets the empty identity: "unknown analysis", always stale, so it is re-analysed once. A new
/// (empty) memory gets this process's identity: it holds no rows to be stale.
enum AnalysisStamp {
    /// The identity a memory from before this table counts as: matches no process.
    static let unknown = ""

    static func registerMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("memory.v2-analysis") { db in
            try db.execute(sql: """
                CREATE TABLE analysis_stamp (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    identity TEXT NOT NULL
                );
                """)
            let empty = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM variant)") ?? false
            try db.execute(sql: "INSERT INTO analysis_stamp (id, identity) VALUES (1, ?)",
                           arguments: [empty ? Tokenizer.analysisIdentity : unknown])
        }
    }

    /// The identity recorded in the memory; nil when the table does not exist yet (a memory
    /// from before it, opened read-only so the migration could not run). O(1).
    static func identity(_ db: Database) throws -> String? {
        guard try db.tableExists("analysis_stamp") else { return nil }
        return try String.fetchOne(db, sql: "SELECT identity FROM analysis_stamp WHERE id = 1") ?? unknown
    }

    /// Records `identity` (inside the transaction that re-analysed the rows).
    static func record(_ identity: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO analysis_stamp (id, identity) VALUES (1, ?)", arguments: [identity])
    }
}
