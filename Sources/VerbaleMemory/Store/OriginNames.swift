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
/// Only paths are touched — `PATH#FRAGMENT` and bare paths that `originName` shortens
/// (`shortened`). Everything else is left as it is: relative names (`notes.tsv#3`, the seeds'
/// `Memories/…#4`, `<stdin>#2`), free-text origins a file gave itself (a TSV `origin` column,
/// `MFA archive #12`) and `verbale align`'s provenance (`aligned by verbale align: …`).
enum OriginNames {
    static let migrationName = "memory.v3-origin-names"

    /// Registered after every shipped migration (GRDB runs them in registration order; an
    /// existing memory runs only this one, a new memory runs it on an empty table).
    ///
    /// Cost: one UPDATE statement, inside the migration's transaction (a failure or a kill
    /// leaves every origin as it was and the migration pending): one scan of `unit`, and for
    /// each origin holding `/`, `\` or starting with `~`, a call of `shortened`; only changed
    /// rows are written.
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
                WHERE (instr(origin, '/') > 0 OR instr(origin, '\\') > 0 OR substr(origin, 1, 1) = '~')
                  AND verbale_origin_name(origin) IS NOT NULL
                """)
        }
    }

    /// `origin` as it is read (search, concordance, export): `shortened` when the stored one
    /// still names the importer's folders — a read-only memory, which the migration could not
    /// rewrite. A no-op on a migrated memory. Cost: one byte scan of the origin per unit read
    /// (more only for an origin holding a path separator).
    static func forReading(_ origin: String?) -> String? {
        guard let origin else { return nil }
        return shortened(origin) ?? origin
    }

    /// `origin` as an import writes it today when it names folders that reveal the user, else
    /// nil (left as it is). Two shapes are rewritten, through `SQLiteMemory.originName`:
    /// `PATH#FRAGMENT` (what imports wrote: `/home/sokha/notes.tmx#12`; FRAGMENT holds no
    /// `/` or `\`, so a `#` inside a folder name is not taken for it), and a bare path (a TMX
    /// `x-origin` exported from such a memory: `/home/sokha/notes.tmx`). Free text that merely
    /// mentions a path and `verbale align`'s provenance are left alone.
    static func shortened(_ origin: String) -> String? {
        // What imports write today (`notes.tmx#12`) holds no separator: one byte scan.
        guard origin.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") })
                || origin.utf8.first == UInt8(ascii: "~") else { return nil }
        guard !origin.hasPrefix(alignProvenance) else { return nil }
        var name = Substring(origin)
        var fragment: Substring?
        if let hash = origin.lastIndex(of: "#") {
            let after = origin[origin.index(after: hash)...]
            if !after.contains(where: { $0 == "/" || $0 == "\\" }) {
                name = origin[..<hash]
                fragment = after
            }
        }
        if fragment == nil, !startsLikePath(name) { return nil }
        let short = SQLiteMemory.originName(String(name))
        guard short != name, !short.isEmpty else { return nil }
        return fragment.map { "\(short)#\($0)" } ?? short
    }

    /// How `verbale align` begins the provenance it stores (`AlignedUnit.translationUnit`).
    static let alignProvenance = "aligned by verbale align: "

    /// An absolute, home (`~`) or Windows path (`\\server`, `C:\`, `C:/`).
    static func startsLikePath(_ text: Substring) -> Bool {
        if text.hasPrefix("/") || text.hasPrefix("~") || text.hasPrefix("\\") { return true }
        let scalars = Array(text.unicodeScalars.prefix(3))
        guard scalars.count == 3, scalars[0].isASCII, scalars[0].properties.isAlphabetic else { return false }
        return scalars[1] == ":" && (scalars[2] == "\\" || scalars[2] == "/")
    }
}
