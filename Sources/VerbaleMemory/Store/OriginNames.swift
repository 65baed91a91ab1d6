import GRDB

/// Removes the importer's folders from origins stored before imports kept only the file name
/// (`memory.v3-origin-names`).
///
/// Why: an import records `file#position` as a unit's origin; until `SQLiteMemory.originName`
/// existed the file was stored as given — `/home/sokha/Documents/notes.tmx#12` — which names the
/// user and their folders in a memory meant to be shared, and `stats` and TMX `export` show it.
/// The migration rewrites such origins to what an import writes today (`notes.tmx#12`), through
/// the same function, so old and new units read alike.
///
/// Only origins of the import's shape (`NAME#DIGITS`) whose NAME `originName` shortens are
/// touched. Everything else is left as it is: relative names (`notes.tsv#3`, the seeds'
/// `Memories/…#4`, `<stdin>#2`), origins a file gave itself without a position (TMX `x-origin`,
/// a TSV `origin` column) and `verbale align`'s provenance (`aligned by verbale align: …`).
enum OriginNames {
    static let migrationName = "memory.v3-origin-names"

    /// Registered after every shipped migration (GRDB runs them in registration order; an
    /// existing memory runs only this one, a new memory runs it on an empty table).
    ///
    /// Cost: one UPDATE statement, inside the migration's transaction (a failure or a kill
    /// leaves every origin as it was and the migration pending): one scan of `unit`, and for
    /// each origin holding `#`, one call of `originName` on it; only changed rows are written.
    /// The statement calls the Swift function through a connection-local SQL function, so the
    /// rule is the import's own, not a copy in SQL.
    static func registerMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(migrationName) { db in
            let function = DatabaseFunction("verbale_origin_name", argumentCount: 1, pure: true) { values in
                guard let origin = String.fromDatabaseValue(values[0]) else { return nil }
                return shortened(origin)
            }
            db.add(function: function)
            defer { db.remove(function: function) }
            try db.execute(sql: """
                UPDATE unit SET origin = verbale_origin_name(origin)
                WHERE instr(origin, '#') > 0 AND verbale_origin_name(origin) IS NOT NULL
                """)
        }
    }

    /// `origin` as an import writes it today when it has the import's `NAME#DIGITS` shape and
    /// `SQLiteMemory.originName` shortens NAME; nil when it stays as it is.
    static func shortened(_ origin: String) -> String? {
        guard let hash = origin.lastIndex(of: "#") else { return nil }
        let position = origin[origin.index(after: hash)...]
        guard !position.isEmpty, position.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        let name = String(origin[..<hash])
        let short = SQLiteMemory.originName(name)
        guard short != name, !short.isEmpty else { return nil }
        return "\(short)#\(position)"
    }
}
