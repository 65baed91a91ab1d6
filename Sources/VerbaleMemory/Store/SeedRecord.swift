import Foundation
import GRDB

/// The `seed` table: which shipped files were imported, with their content digest, so seeding
/// imports a file again only when it changed.
///
/// Kept in the store layer with the schema; seeding calls these. Cost: one small table scan
/// per seeding run, one row written per seeded file.
enum SeedRecord {
    /// Shipped file name → content digest, for every file seeded so far.
    static func digests(in db: Database) throws -> [String: String] {
        try Row.fetchAll(db, sql: "SELECT name, digest FROM seed").reduce(into: [String: String]()) { $0[$1["name"]] = $1["digest"] }
    }

    /// Records that `name` with `digest` was seeded with `units` units; called inside the
    /// import's transaction so the record and the units commit together.
    static func record(name: String, digest: String, units: Int, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO seed (name, digest, units, seeded_at) VALUES (?, ?, ?, ?)",
                       arguments: [name, digest, units, Date().timeIntervalSince1970])
    }
}
