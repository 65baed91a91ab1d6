import GRDB
import VerbaleCore

/// Removes the importer's folders from origins stored before imports kept only the file name
/// (`memory.v3-origin-names`) and from `verbale align`'s provenance stored before it did
/// (`memory.v4-align-origin-names`).
///
/// Why: an import records `file#position` as a unit's origin; until `SQLiteMemory.originName`
/// existed the file was stored as given — `/home/sokha/Documents/notes.tmx#12` — which names the
/// user and their folders in a memory meant to be shared, and `stats` and TMX `export` show it.
/// `verbale align` stored `aligned by verbale align: en=/home/sokha/Dara-case/a.txt sentence 3; …`
/// the same way (folder names there are often case or people's names). The migrations rewrite
/// such origins to what an import or `align` writes today (`notes.tmx#12`, `en=a.txt`), through
/// the same functions (`FileOrigin`), so old and new units read alike.
///
/// Only paths are touched — `PATH#FRAGMENT` and bare paths that `originName` shortens, and the
/// `LANG=PATH` parts of align's provenance (`shortened`). Everything else is left as it is:
/// relative names (`notes.tsv#3`, the seeds' `Memories/…#4`, `<stdin>#2`) and free-text origins
/// a file gave itself (a TSV `origin` column, `MFA archive #12`). An origin read from a file
/// being imported is shortened a little further (`shortened(_:fromFile:)`).
enum OriginNames {
    /// The folder the shipped memories are seeded from, as their origins name it
    /// (`Memories/note-verbale-formulas.tmx#7`; `ShippedMemorySeeding`).
    static let shippedFolder = "Memories"

    /// Whether `path` is how a shipped memory's units name their file: `Memories/FILE`, our one
    /// folder and nothing before it. It names nobody (the file name is kept anyway), so an
    /// `x-origin` of that shape read from a file is left as it is; `Documents/Memories/x.tmx`,
    /// `Memories/sokha/x.tmx` or `/home/sokha/Memories/x.tmx` are not it and lose their folders.
    static func isShippedName(_ path: Substring) -> Bool {
        guard path.hasPrefix(shippedFolder + "/") else { return false }
        let file = path.dropFirst(shippedFolder.count + 1)
        return !file.isEmpty && !file.contains { $0 == "/" || $0 == "\\" }
    }

    static let migrationName = "memory.v3-origin-names"
    static let alignMigrationName = "memory.v4-align-origin-names"

    /// Registered after every shipped migration (GRDB runs them in registration order; an
    /// existing memory runs only the ones it lacks, a new memory runs them on an empty table).
    /// `memory.v3-origin-names` rewrites path origins and leaves align's provenance alone, as
    /// it always did; `memory.v4-align-origin-names` (`registerAlignMigration`) then rewrites
    /// align's provenance and, with the same rule, path origins of shapes v3's rule did not
    /// know yet (`D:/…`, `smb://…`, `…/users/…`) in memories that had already run v3.
    ///
    /// Cost: one UPDATE statement, inside the migration's transaction (a failure or a kill
    /// leaves every origin as it was and the migration pending): one scan of `unit`, and for
    /// each origin holding `/`, `\` or starting with `~`, a call of the rule; only changed
    /// rows are written.
    /// The statement calls the Swift function through a connection-local SQL function, so the
    /// rule is the import's own, not a copy in SQL.
    static func registerMigration(in migrator: inout DatabaseMigrator) {
        register(migrationName, rule: pathShortened, in: &migrator)
    }

    /// `memory.v4-align-origin-names`: registered after `memory.v3-origin-names`.
    static func registerAlignMigration(in migrator: inout DatabaseMigrator) {
        register(alignMigrationName, rule: { shortened($0) }, in: &migrator)
    }

    private static func register(_ name: String, rule: @escaping @Sendable (String) -> String?, in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(name) { db in
            let function = DatabaseFunction("verbale_origin_name", argumentCount: 1, pure: true) { values in
                guard let origin = String.fromDatabaseValue(values[0]) else { return nil }
                return rule(origin)
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
    /// still names the importer's folders — a read-only memory, which the migrations could not
    /// rewrite. A no-op on a migrated memory. Cost: one byte scan of the origin per unit read
    /// (more only for an origin holding a path separator).
    static func forReading(_ origin: String?) -> String? {
        guard let origin else { return nil }
        return shortened(origin) ?? origin
    }

    /// `origin` as an import or `align` writes it today when it names folders that reveal the
    /// user, else nil (left as it is): align's provenance with each part's path through
    /// `FileOrigin.name` (`en=/home/sokha/a.txt sentence 3` → `en=a.txt sentence 3`), or a
    /// path origin (`pathShortened`).
    ///
    /// `fromFile`: `origin` comes from a file being imported (a TMX `x-origin`, a TSV `origin`
    /// column), not from our own store or seeds. Then any folders go, relative ones too: a
    /// `PATH#FRAGMENT` whose PATH holds a separator keeps its last component
    /// (`Documents/sokha/notes.tmx#6` → `notes.tmx#6`), and so does each path of align's
    /// provenance. Free text without a separator (`MFA archive #12`) stays, and so does a
    /// shipped memory's own origin (`Memories/note-verbale-formulas.tmx#7`, `isShippedName`),
    /// so exporting the default memory and importing the file gives its provenance back.
    static func shortened(_ origin: String, fromFile: Bool = false) -> String? {
        // What imports write today (`notes.tmx#12`) holds no separator: one byte scan.
        guard origin.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") })
                || origin.utf8.first == UInt8(ascii: "~") else { return nil }
        if origin.hasPrefix(FileOrigin.alignProvenancePrefix) {
            return FileOrigin.shortenedAlignProvenance(origin, rule: fromFile ? FileOrigin.lastComponent : FileOrigin.name)
        }
        return pathShortened(origin, fromFile: fromFile)
    }

    /// A path origin shortened, else nil; align's provenance is left alone (the rule of
    /// `memory.v3-origin-names`). Two shapes are rewritten, through `SQLiteMemory.originName`:
    /// `PATH#FRAGMENT` (what imports wrote: `/home/sokha/notes.tmx#12`; FRAGMENT holds no
    /// `/` or `\`, so a `#` inside a folder name is not taken for it), and a bare path that
    /// starts like one (`FileOrigin.startsLikePath`: a TMX `x-origin` exported from such a
    /// memory, `/home/sokha/notes.tmx`). Free text that merely mentions a path is left alone.
    static func pathShortened(_ origin: String) -> String? {
        pathShortened(origin, fromFile: false)
    }

    private static func pathShortened(_ origin: String, fromFile: Bool) -> String? {
        guard origin.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") })
                || origin.utf8.first == UInt8(ascii: "~") else { return nil }
        guard !origin.hasPrefix(FileOrigin.alignProvenancePrefix) else { return nil }
        var name = Substring(origin)
        var fragment: Substring?
        if let hash = origin.lastIndex(of: "#") {
            let after = origin[origin.index(after: hash)...]
            if !after.contains(where: { $0 == "/" || $0 == "\\" }) {
                name = origin[..<hash]
                fragment = after
            }
        }
        if fragment == nil, !FileOrigin.startsLikePath(name) { return nil }
        if fromFile, fragment != nil, isShippedName(name) { return nil }
        let short = fromFile && fragment != nil
            ? FileOrigin.lastComponent(String(name))
            : SQLiteMemory.originName(String(name))
        guard short != name, !short.isEmpty else { return nil }
        return fragment.map { "\(short)#\($0)" } ?? short
    }
}
