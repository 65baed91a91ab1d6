import Foundation
import Testing
@testable import VerbaleFormats
import VerbaleTestSupport

/// `OutputFile`: how a user's output path is written (the CLI tests cover links and pipes end to end).
@Suite("Output file")
struct OutputFileTests {
    @Test("standard streams by every name; devices written through; nothing is created by deciding")
    func destinations() throws {
        for name in ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"] {
            #expect(try OutputFile(name).destination == .standardOutput, "\(name)")
        }
        #expect(try OutputFile("/dev/stderr").destination == .standardError)
        // Only classified here, never opened: a regression must not touch the real device.
        #expect(try OutputFile("/dev/null").destination == .throughDevice("/dev/null"))
        let path = Scratch.path("verbale-output", suffix: ".tsv")
        guard case .replacing(let target, _, let mode) = try OutputFile(path.path).destination else {
            Issue.record("a new file is written under a temporary name and renamed")
            return
        }
        #expect(target == path.path && mode == nil)
        #expect(!FileManager.default.fileExists(atPath: path.path))
    }

    @Test("a folder, a missing folder: refused with the path in the message")
    func refused() throws {
        let folder = try Scratch.folder("verbale-output")
        #expect(throws: FormatError.self) { try OutputFile(folder.path) }
        do {
            _ = try OutputFile(folder.appendingPathComponent("missing/out.tmx").path)
            Issue.record("a file in a missing folder was accepted")
        } catch {
            #expect(error.description.contains("missing/out.tmx") && error.description.contains("does not exist"), "\(error)")
        }
    }

    @Test("a write that is abandoned leaves the old file as it was and no temporary file")
    func discardKeepsOldFile() throws {
        let folder = try Scratch.folder("verbale-output")
        let file = folder.appendingPathComponent("phrases.tsv")
        try Data("en\tkm\nold\tចាស់\n".utf8).write(to: file)
        let output = try OutputFile(file.path)
        let sink = try output.open()
        sink.append("en\tkm\nhalf")
        try sink.close()
        output.discard()
        #expect(try String(contentsOf: file, encoding: .utf8) == "en\tkm\nold\tចាស់\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["phrases.tsv"])
        try OutputFile(file.path).write(Data("en\tkm\nnew\tថ្មី\n".utf8))
        #expect(try String(contentsOf: file, encoding: .utf8) == "en\tkm\nnew\tថ្មី\n")
    }

    /// Review 1130h m3: `kill -9` during `export OUT` left `.OUT.PID.partial` beside OUT for ever.
    @Test("a killed run's .NAME.PID.partial is removed by the next write to that path; a running process's is kept")
    func abandonedTemporaryRemoved() throws {
        let folder = try Scratch.folder("verbale-output")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("memory.tmx")
        try Data("<tmx old/>\n".utf8).write(to: file)
        // A process id above Linux's highest (pid_max ≤ 2^22): no process runs under it.
        let gone: pid_t = 2_147_483_000
        let dead = folder.appendingPathComponent(".memory.tmx.\(gone).partial")
        let live = folder.appendingPathComponent(".memory.tmx.\(getppid()).partial")
        let other = folder.appendingPathComponent(".other.tmx.\(gone).partial")
        for leftover in [dead, live, other] { try Data("<tmx half".utf8).write(to: leftover) }
        try OutputFile(file.path).write(Data("<tmx new/>\n".utf8))
        #expect(try String(contentsOf: file, encoding: .utf8) == "<tmx new/>\n")
        #expect(!FileManager.default.fileExists(atPath: dead.path), "the killed run's half file")
        #expect(FileManager.default.fileExists(atPath: live.path), "a running process's file is its own")
        #expect(FileManager.default.fileExists(atPath: other.path), "another file's leftover is not this write's business")
    }

    @Test("a file written with permissions has them from creation; a replaced file keeps its own")
    func permissions() throws {
        let folder = try Scratch.folder("verbale-output")
        let report = folder.appendingPathComponent("report.tsv")
        try OutputFile(report.path, permissions: 0o600).write(Data("x\n".utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: report.path)[.posixPermissions] as? Int == 0o600)
        let shared = folder.appendingPathComponent("shared.tsv")
        try Data("old\n".utf8).write(to: shared)
        try FileManager.default.setAttributes([.posixPermissions: 0o664], ofItemAtPath: shared.path)
        try OutputFile(shared.path).write(Data("new\n".utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: shared.path)[.posixPermissions] as? Int == 0o664)
    }
}
