import Foundation
import Testing

/// Outputs go where the path points and never replace what is there when it is not a plain file
/// (user-acceptance review 30 Nov, M1: `export … /dev/stdout` replaced the machine's
/// `/dev/stdout` link with a file, and `import --report /dev/null` would have replaced
/// `/dev/null` with a file of the names the import removed).
///
/// These tests use a named pipe and links of their own: a regression must never touch the
/// machine's real devices.
@Suite("Output paths: links, pipes and reports")
struct OutputPathCLITests {
    /// A memory of one English/French unit and one English/Khmer unit (the seed note's words).
    static func memory(in folder: URL) throws -> String {
        let table = folder.appendingPathComponent("in.tsv")
        try Data("""
        en\tfr
        The Permanent Mission presents its compliments.\tLa Mission permanente présente ses compliments.

        """.utf8).write(to: table)
        let khmer = folder.appendingPathComponent("km.tsv")
        try Data("""
        en\tkm
        The Ministry of Health.\tក្រសួង​សុខាភិបាល។

        """.utf8).write(to: khmer)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, table.path, khmer.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        return memory
    }

    @Test("export to a symbolic link writes the file it points to; the link stays a link")
    func exportThroughLink() throws {
        let folder = try temporaryFolder()
        let memory = try Self.memory(in: folder)
        let shared = folder.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        let target = shared.appendingPathComponent("team.tsv")
        try Data("old\n".utf8).write(to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        let link = folder.appendingPathComponent("link.tsv")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "shared/team.tsv")
        let result = try CLI.run(["export", "--memory", memory, "--format", "tsv", link.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "shared/team.tsv")
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.contains("ក្រសួង​សុខាភិបាល។") && !written.contains("old"))
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o640, "the replaced file keeps its permissions")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: shared.path).filter { $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty)
    }

    /// Runs `verbale arguments` while `cat` reads the named pipe `pipe`; returns what `cat` read.
    static func readingPipe(_ pipe: URL, while arguments: [String]) throws -> (CLI.Result, String) {
        #expect(mkfifo(pipe.path, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [pipe.path]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        let result = try CLI.run(arguments)
        let read = out.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        return (result, String(decoding: read, as: UTF8.self))
    }

    @Test("export to a named pipe writes through it; the pipe is still a pipe")
    func exportThroughPipe() throws {
        let folder = try temporaryFolder()
        let memory = try Self.memory(in: folder)
        let pipe = folder.appendingPathComponent("fifo")
        let (result, read) = try Self.readingPipe(pipe, while: ["export", "--memory", memory, "--format", "tmx", pipe.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(read.contains("<seg>ក្រសួង​សុខាភិបាល។</seg>"))
        var info = stat()
        #expect(stat(pipe.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("the personal-data report goes through a pipe without replacing it, and a report file is 0600")
    func reportThroughPipe() throws {
        let folder = try temporaryFolder()
        let table = folder.appendingPathComponent("pii.tsv")
        try Data("en\tkm\nMr. Sok Dara will attend.\tលោក សុខ ដារា នឹង​ចូលរួម។\n".utf8).write(to: table)
        let pipe = folder.appendingPathComponent("report-fifo")
        let (result, read) = try Self.readingPipe(pipe, while: ["import", "--memory", folder.appendingPathComponent("a.sqlite").path,
                                                                "--report", pipe.path, table.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(read.contains("Sok Dara"))
        var info = stat()
        #expect(stat(pipe.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)

        let report = folder.appendingPathComponent("report.tsv")
        let second = try CLI.run(["import", "--memory", folder.appendingPathComponent("b.sqlite").path, "--report", report.path, table.path])
        #expect(second.status == 0, "\(second.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: report.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // Each row says in which field the value was: the segment text or, here, the note.
        let noted = folder.appendingPathComponent("noted.tsv")
        try Data("en\tkm\tnote\nThe Ministry of Health.\tក្រសួង​សុខាភិបាល។\tContact: sokha@mfa.gov.kh\n".utf8).write(to: noted)
        let third = try CLI.run(["import", "--memory", folder.appendingPathComponent("c.sqlite").path, "--report", "-", noted.path])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stderr.contains("\toriginal\tfield\n"), "\(third.stderr)")
        #expect(third.stderr.contains("\tsokha@mfa.gov.kh\tnote\n"), "\(third.stderr)")
        let rows = try String(contentsOf: report, encoding: .utf8).split(separator: "\n")
        #expect(rows.dropFirst().allSatisfy { $0.hasSuffix("\ttext") }, "\(rows)")
    }

    @Test("a report whose folder does not exist refuses the import before anything is stored or created")
    func reportInMissingFolder() throws {
        let folder = try temporaryFolder()
        let table = folder.appendingPathComponent("pii.tsv")
        try Data("en\tfr\nMr. Sok Dara will attend.\tM. Sok Dara sera présent.\n".utf8).write(to: table)
        let memory = folder.appendingPathComponent("new.sqlite")
        let result = try CLI.run(["import", "--memory", memory.path, "--report", folder.appendingPathComponent("no/such/r.tsv").path, table.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("does not exist") && result.stderr.contains("nothing was imported"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: memory.path))
    }

    @Test("a table export without --langs has a column for every language of the memory (none dropped)", arguments: ["tsv", "csv"])
    func tableHasEveryLanguage(format: String) throws {
        let folder = try temporaryFolder()
        let memory = try Self.memory(in: folder)
        let result = try CLI.run(["export", "--memory", memory, "--format", format, "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let separator: Character = format == "tsv" ? "\t" : ","
        let header = result.stdout.split(separator: "\n").first.map { $0.split(separator: separator).map(String.init) } ?? []
        #expect(Array(header.prefix(3)) == ["en", "fr", "km"], "\(header)")
        #expect(result.stdout.contains("ក្រសួង​សុខាភិបាល។"))
        #expect(result.stdout.contains("La Mission permanente présente ses compliments."))
    }

    @Test("a dry run into a memory that does not exist creates none, and still counts as if importing (EN/KM)")
    func dryRunCreatesNoMemory() throws {
        let folder = try temporaryFolder()
        let table = folder.appendingPathComponent("in.tsv")
        try Data("en\tkm\nThe Ministry of Health.\tក្រសួង​សុខាភិបាល។\nThe Ministry of Health.\tក្រសួង​សុខាភិបាល។\n".utf8).write(to: table)
        let memory = folder.appendingPathComponent("new/m.sqlite")
        let result = try CLI.run(["import", "--dry-run", "--json", "--memory", memory.path, table.path])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(summary?["added"] as? Int == 1 && summary?["merged"] as? Int == 1, "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: memory.path))
        #expect(!FileManager.default.fileExists(atPath: memory.deletingLastPathComponent().path))
        let text = try CLI.run(["import", "--dry-run", "--memory", memory.path, table.path])
        #expect(text.stdout.contains("into \(memory.path)") && text.stdout.contains("dry run"), "\(text.stdout)")
    }

}
