import Foundation
import GRDB
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

/// A memory imported before imports kept only the file name carries the importer's folders in
/// its origins; opening it with write access rewrites them as an import writes them today.
@Suite("Origins stored with the importer's folders")
struct OriginNamesTests {
    /// Origins as an earlier Verbale (or a file it exported) left them, and what they must become.
    static let origins: [(old: String?, new: String?)] = [
        ("/home/someone/notes.tmx#12", "notes.tmx#12"),
        ("/home/sokha/Documents/notes.tmx#3", "notes.tmx#3"),
        ("~/Desktop/ការទូត.tsv#7", "ការទូត.tsv#7"),
        ("/Users/dara/Notes #2/verbale.tsv#40", "verbale.tsv#40"),
        (#"C:\Users\lina\Documents\notes.tmx#5"#, "notes.tmx#5"),
        ("/srv/shared/mfa/archive.tmx#1", "archive.tmx#1"),
        ("/home/sokha/notes.tmx#draft", "notes.tmx#draft"),
        // A TMX `x-origin` exported from such a memory, re-imported: a bare path.
        ("/home/sokha/exports/memory.tmx", "memory.tmx"),
        // Not paths: what imports write today, the seeds, standard input, origins a file gave
        // itself (a TSV `origin` column, a TMX `x-origin`), align's provenance, and none at all.
        ("notes.tmx#12", "notes.tmx#12"),
        ("Memories/cambodia-protocol.tmx#4", "Memories/cambodia-protocol.tmx#4"),
        ("<stdin>#2", "<stdin>#2"),
        ("Trados project 2019", "Trados project 2019"),
        ("MFA archive #12", "MFA archive #12"),
        ("note 45, §2 (see /home/archive)", "note 45, §2 (see /home/archive)"),
        ("aligned by verbale align: en=notes/en.txt sentence 3; fr=notes/fr.txt sentence 3",
         "aligned by verbale align: en=notes/en.txt sentence 3; fr=notes/fr.txt sentence 3"),
        (nil, nil),
        // Align's provenance as `align --import` stored it before it kept file names (review
        // G3): each part's path loses its folders, a `; ` inside a folder name included.
        ("aligned by verbale align: en=/home/sokha/Private/Dara-case/a.txt sentence 3; fr=/home/sokha/Private/Dara-case/b.txt sentences 3–4",
         "aligned by verbale align: en=a.txt sentence 3; fr=b.txt sentences 3–4"),
        (#"aligned by verbale align: km-KH=C:\Users\lina\Dara; Sokha\ក.txt sentence 1; en=notes/en.txt sentence 1"#,
         "aligned by verbale align: km-KH=ក.txt sentence 1; en=notes/en.txt sentence 1"),
        // Shapes the first rule missed (review G4): drive and forward slash, URLs, lower-case
        // `/users/` on a share.
        ("D:/Clients/Sokha Dara/notes.tmx#4", "notes.tmx#4"),
        ("smb://fileserver/users/sokha/notes.tmx#7", "notes.tmx#7"),
        ("file:///home/sokha/notes.tmx#5", "notes.tmx#5"),
        ("mnt/share/users/sokha/notes.tmx#2", "notes.tmx#2"),
        ("smb://fileserver/users/sokha/exports/memory.tmx", "memory.tmx"),
    ]

    static let texts: [[(String, String)]] = [
        [("en", "The Embassy presents its compliments to the Ministry."), ("fr", "L’Ambassade présente ses compliments au Ministère.")],
        [("en", "The Ministry avails itself of this opportunity."), ("km", "ក្រសួងសូមឆ្លៀតឱកាសនេះ។")],
    ]

    /// A memory holding one unit per entry of `origins`, whose rows are then written as an
    /// earlier Verbale left them: the old origins, and `migrations` not applied (by default
    /// neither `memory.v3-origin-names` nor `memory.v4-align-origin-names`).
    static func oldMemory(notApplied migrations: [String] = [OriginNames.migrationName, OriginNames.alignMigrationName]) throws -> URL {
        let memory = try temporaryMemory()
        let units = origins.indices.map { index in
            unit(texts[index % texts.count].map { ($0.0, "\($0.1) (\(index))") })
        }
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "units.tmx", units: units)], options: ImportOptions(scrubPersonalData: false))
        let path = memory.path
        try memory.close()
        let queue = try DatabaseQueue(path: path.path)
        try queue.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM unit ORDER BY id")
            try #require(ids.count == origins.count)
            for (id, origin) in zip(ids, origins) {
                try db.execute(sql: "UPDATE unit SET origin = ? WHERE id = ?", arguments: [origin.old, id])
            }
            for name in migrations {
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [name])
            }
        }
        try queue.close()
        return path
    }

    @Test("Opening an old memory keeps only the file name of path origins (stats and TMX export show no folders); other origins are unchanged")
    func rewritten() throws {
        let path = try Self.oldMemory()
        let memory = try SQLiteMemory(path: path)
        #expect(try Self.storedOrigins(memory) == Self.origins.map(\.new), "the rows themselves are rewritten")
        #expect(try memory.allUnits().sorted { $0.id < $1.id }.map(\.unit.metadata.origin) == Self.origins.map(\.new))

        let stats = try memory.statistics()
        #expect(stats.origins.contains { $0.name == "notes.tmx" && $0.units == Self.notesUnits }, "\(stats.origins)")
        let sink = ByteSink()
        try MemoryExport.export(memory, format: .tmx, languages: nil, to: sink)
        let export = String(decoding: sink.data, as: UTF8.self)
        #expect(export.contains(#"<prop type="x-origin">notes.tmx#12</prop>"#))
        for folder in Self.folders {
            #expect(!stats.origins.contains { $0.name.contains(folder) }, "\(folder) is in stats")
            #expect(!export.contains(folder), "\(folder) is in the export")
        }
        let applied = try memory.read { db in try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied.contains(OriginNames.migrationName))
        #expect(applied.contains(OriginNames.alignMigrationName))
        try memory.close()
    }

    /// Folder names of `origins` that no stats or export may show.
    static let folders = ["someone", "sokha", "Documents", "Desktop", "dara", #"C:\"#, "/srv/", "Private", "Dara-case",
                          "Clients", "fileserver", "D:/", "smb:", "file:", "share", "lina"]

    /// Units whose origin becomes `notes.tmx#…`.
    static let notesUnits = origins.compactMap(\.new).filter { $0.hasPrefix("notes.tmx#") }.count

    @Test("A memory that ran memory.v3-origin-names before align's provenance was shortened gets it from memory.v4-align-origin-names, with the shapes v3 missed; v3's own rule still leaves align's provenance alone")
    func alignMigration() throws {
        let path = try Self.oldMemory(notApplied: [OriginNames.alignMigrationName])
        let memory = try SQLiteMemory(path: path)
        #expect(try Self.storedOrigins(memory) == Self.origins.map(\.new))
        try memory.close()
        let aligned = "aligned by verbale align: en=/home/sokha/Private/Dara-case/a.txt sentence 3; fr=/home/sokha/Private/Dara-case/b.txt sentence 3"
        #expect(OriginNames.pathShortened(aligned) == nil, "memory.v3-origin-names does what it always did")
        #expect(OriginNames.shortened(aligned) == "aligned by verbale align: en=a.txt sentence 3; fr=b.txt sentence 3")
    }

    @Test("A TMX whose x-origin names someone's folders (exported from an old memory) is imported with the file name only")
    func importedOriginShortened() throws {
        let tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
            <tu><prop type="x-origin">/home/sokha/Documents/notes.tmx#12</prop><tuv xml:lang="en"><seg>The Embassy presents its compliments.</seg></tuv><tuv xml:lang="fr"><seg>L'Ambassade présente ses compliments.</seg></tuv></tu>
            <tu><prop type="x-origin">MFA archive #12</prop><tuv xml:lang="en"><seg>The Ministry thanks the Embassy.</seg></tuv><tuv xml:lang="fr"><seg>Le Ministère remercie l'Ambassade.</seg></tuv></tu>
            </body></tmx>
            """
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [FormatUnitSource(data: Data(tmx.utf8), name: "old-export.tmx")])
        #expect(try Self.storedOrigins(memory) == ["notes.tmx#12", "MFA archive #12"], "stored without folders; free text left alone")
        try memory.close()
    }

    /// x-origins (old, as a file carries them) and what an import stores.
    static let fileOrigins: [(old: String, new: String)] = [
        // What an old `verbale align -o` wrote (review G3).
        ("aligned by verbale align: en=/home/sokha/Private/Dara-case/a.txt sentence 3; fr=/home/sokha/Private/Dara-case/b.txt sentence 3",
         "aligned by verbale align: en=a.txt sentence 3; fr=b.txt sentence 3"),
        ("aligned by verbale align: en=Dara-case/a.txt sentences 4–5; km=../Dara-case/k.txt sentence 4",
         "aligned by verbale align: en=a.txt sentences 4–5; km=k.txt sentence 4"),
        // Review G4's shapes.
        ("D:/Clients/Sokha Dara/notes.tmx#4", "notes.tmx#4"),
        ("smb://fileserver/users/sokha/notes.tmx#7", "notes.tmx#7"),
        ("Documents/sokha/notes.tmx#6", "notes.tmx#6"),
        ("file:///home/sokha/notes.tmx#5", "notes.tmx#5"),
        (#"Clients\Sokha\ការទូត.tsv#9"#, "ការទូត.tsv#9"),
        // A folder called Memories is not the shipped one unless it is the whole path before the file.
        ("Memories/sokha/notes.tmx#2", "notes.tmx#2"),
        ("Documents/Memories/notes.tmx#3", "notes.tmx#3"),
        ("/home/sokha/Memories/notes.tmx#4", "notes.tmx#4"),
        (#"Memories\Sokha Dara.tmx#5"#, "Sokha Dara.tmx#5"),
        // Left as they are: free text, a file name, align's provenance without folders, and a
        // shipped memory's own origin (an export of the default memory carries it, audit F16).
        ("Memories/note-verbale-formulas.tmx#7", "Memories/note-verbale-formulas.tmx#7"),
        ("MFA archive #12", "MFA archive #12"),
        ("Trados project 2019", "Trados project 2019"),
        ("notes.tmx#3", "notes.tmx#3"),
        ("aligned by verbale align: en=a.txt sentence 1; fr=b.txt sentence 1", "aligned by verbale align: en=a.txt sentence 1; fr=b.txt sentence 1"),
    ]

    /// A TMX with one unit per origin of `origins`.
    static func tmx(_ origins: [String]) -> Data {
        let units = origins.enumerated().map { index, origin in
            let escaped = origin.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            return #"<tu><prop type="x-origin">\#(escaped)</prop><tuv xml:lang="en"><seg>The Embassy thanks the Ministry (\#(index)).</seg></tuv><tuv xml:lang="fr"><seg>L'Ambassade remercie le Ministère (\#(index)).</seg></tuv></tu>"#
        }
        return Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
            \(units.joined(separator: "\n"))
            </body></tmx>
            """.utf8)
    }

    @Test("A TMX an old align -o wrote, or whose x-origins name folders as D:/, smb://, file:// or relative paths, is imported with file names only; free text stays")
    func importedShapesShortened() throws {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [FormatUnitSource(data: Self.tmx(Self.fileOrigins.map(\.old)), name: "/home/sokha/old-align.tmx")])
        #expect(try Self.storedOrigins(memory) == Self.fileOrigins.map(\.new))
        try memory.close()
    }

    @Test("Shipped memories keep their own relative origins (Memories/…); only the stored-origin rule applies to them")
    func shippedOriginsKept() throws {
        let memory = try temporaryMemory()
        let origins = ["Memories/cambodia-protocol.tmx#4", "/home/build/Memories/x.tmx#2"]
        _ = try memory.importUnits(from: [FormatUnitSource(data: Self.tmx(origins), name: "Memories/formulas.tmx", format: .tmx, shipped: true)],
                                   options: ImportOptions(scrubPersonalData: false))
        #expect(try Self.storedOrigins(memory) == ["Memories/cambodia-protocol.tmx#4", "x.tmx#2"])
        try memory.close()
    }

    /// The stored origins, as rows (not through the reader, which shortens them).
    static func storedOrigins(_ memory: SQLiteMemory) throws -> [String?] {
        try memory.read { db in try String?.fetchAll(db, sql: "SELECT origin FROM unit ORDER BY id") }
    }

    @Test("A read-only memory cannot be rewritten, yet search, export and stats show its origins without folders; the next writable open rewrites the rows")
    func readOnly() throws {
        let path = try Self.oldMemory()
        let readOnly = try SQLiteMemory(path: path, access: .readOnly)
        #expect(try Self.storedOrigins(readOnly) == Self.origins.map(\.old), "nothing was written")
        #expect(try readOnly.allUnits().sorted { $0.id < $1.id }.map(\.unit.metadata.origin) == Self.origins.map(\.new))
        let sink = ByteSink()
        try MemoryExport.export(readOnly, format: .tmx, languages: nil, to: sink)
        let export = String(decoding: sink.data, as: UTF8.self)
        let stats = try readOnly.statistics()
        #expect(stats.origins.contains { $0.name == "notes.tmx" && $0.units == Self.notesUnits }, "\(stats.origins)")
        for folder in Self.folders {
            #expect(!stats.origins.contains { $0.name.contains(folder) }, "\(folder) is in stats")
            #expect(!export.contains(folder), "\(folder) is in the export")
        }
        try readOnly.close()
        let writable = try SQLiteMemory(path: path)
        #expect(try Self.storedOrigins(writable) == Self.origins.map(\.new))
        try writable.close()
    }

    @Test("The rewrite is the import's own rule: a path origin becomes what an import of that file writes")
    func sameRuleAsImport() {
        for origin in Self.origins {
            guard let old = origin.old, let new = OriginNames.shortened(old) else { continue }
            if old.hasPrefix(FileOrigin.alignProvenancePrefix) {
                #expect(new == FileOrigin.shortenedAlignProvenance(old), "align's provenance: the CLI's rule")
                continue
            }
            if let hash = old.lastIndex(of: "#") {
                let name = String(old[..<hash]), position = old[old.index(after: hash)...]
                #expect(new == "\(SQLiteMemory.originName(name))#\(position)")
            } else {
                #expect(new == SQLiteMemory.originName(old))
            }
        }
        #expect(OriginNames.shortened("notes.tmx#12") == nil)
        #expect(OriginNames.shortened("/home/sokha/notes.tmx#") == "notes.tmx#")
        #expect(OriginNames.shortened("/") == nil)
    }
}
