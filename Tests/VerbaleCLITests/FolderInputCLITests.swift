import Foundation
import Testing
import VerbaleTestSupport

/// A folder where a file is read: `verbale import FOLDER` said it its own way and exited 1,
/// `validate FOLDER` quoted Foundation's "NSCocoaErrorDomain error 256", and `--memory FOLDER`
/// gave SQLite's "unable to open database file" (or "no such file" for a folder named like a
/// TMX); `glossary import`, `segment`, `align` already said "PATH: is a folder, not a file"
/// with exit 64. Every command now says it that way (`InputText.refuseFolder`).
@Suite("A folder given where a file is read: one wording, exit 64, nothing created")
struct FolderInputCLITests {
    static func folder(_ name: String) throws -> (dir: URL, folder: URL) {
        let dir = try Scratch.folder("verbale-folder-input")
        let folder = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (dir, folder)
    }

    static func expectFolderRefused(_ result: CLI.Result, _ path: String, _ command: String) {
        #expect(result.status == 64, "\(command): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains("\(path): is a folder, not a file"), "\(command): \(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("unable to open database"), "\(command): \(result.stderr)")
    }

    @Test("import FOLDER (alone or after a good file): the shared wording, exit 64, and no memory is created")
    func importFolder() throws {
        let (dir, folder) = try Self.folder("ស្ថានទូត notes")
        let good = dir.appendingPathComponent("good.tsv")
        try Data("en\tkm\nThe Embassy.\tស្ថានទូត។\n".utf8).write(to: good)
        let memory = dir.appendingPathComponent("new.sqlite").path
        for arguments in [["import", "--memory", memory, folder.path], ["import", "--memory", memory, good.path, folder.path]] {
            Self.expectFolderRefused(try CLI.run(arguments), folder.path, arguments.joined(separator: " "))
            #expect(!FileManager.default.fileExists(atPath: memory), "a refused import created a memory")
        }
        // The same words and status as `glossary import` gives for the same folder.
        let glossary = try CLI.run(["glossary", "import", "--memory", memory, folder.path])
        let memoryImport = try CLI.run(["import", "--memory", memory, folder.path])
        #expect(glossary.status == memoryImport.status)
        #expect(glossary.stderr.components(separatedBy: "\n").first == memoryImport.stderr.components(separatedBy: "\n").first)
    }

    @Test("validate FOLDER: the shared wording, exit 64, not Foundation's error 256")
    func validateFolder() throws {
        let (_, folder) = try Self.folder("notes.tmx")
        Self.expectFolderRefused(try CLI.run(["validate", folder.path]), folder.path, "validate")
    }

    @Test("--memory FOLDER (search, concordance, stats, export, suggest, import, glossary lookup/export): the shared wording, exit 64")
    func memoryFolder() throws {
        let (dir, folder) = try Self.folder("memories")
        let draft = dir.appendingPathComponent("draft.txt")
        try Data("The Embassy presents its compliments.\n".utf8).write(to: draft)
        let table = dir.appendingPathComponent("t.tsv")
        try Data("en\tfr\nThe Embassy.\tL’Ambassade.\n".utf8).write(to: table)
        let commands: [[String]] = [
            ["search", "--memory", folder.path, "The Embassy"],
            ["concordance", "--memory", folder.path, "Embassy"],
            ["stats", "--memory", folder.path],
            ["export", "--memory", folder.path, "--format", "tsv", "-"],
            ["suggest", "--memory", folder.path, draft.path],
            ["import", "--memory", folder.path, table.path],
            ["glossary", "lookup", "--memory", folder.path, "embassy"],
            ["glossary", "export", "--memory", folder.path, "--format", "tsv", "-"],
        ]
        for arguments in commands {
            Self.expectFolderRefused(try CLI.run(arguments), folder.path, arguments.prefix(2).joined(separator: " "))
        }
        // $VERBALE_MEMORY naming a folder is the same mistake.
        Self.expectFolderRefused(try CLI.run(["stats"], environment: ["VERBALE_MEMORY": folder.path]), folder.path, "stats $VERBALE_MEMORY")
    }

    @Test("search --memory FOLDER.tmx: a folder named like a TMX is a folder, not \"no such file\"")
    func memoryFolderNamedLikeAFile() throws {
        let (_, folder) = try Self.folder("mem1.tmx")
        let result = try CLI.run(["search", "--memory", folder.path, "The Embassy"])
        Self.expectFolderRefused(result, folder.path, "search")
        #expect(!result.stderr.contains("no such file"), "\(result.stderr)")
    }
}
