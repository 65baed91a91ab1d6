import Foundation
import Testing

/// Runs the built `verbale` binary as a user would. The binary sits next to the test bundle in
/// the build folder.
enum CLI {
    static var binary: URL {
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent().appendingPathComponent("verbale") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `verbale` with `arguments`, feeding `stdin`, in `directory` (the test's own when
    /// nil: relative paths as a user types them). Blocks until it exits.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        if let directory { process.currentDirectoryURL = directory }
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // stdin is written and stderr read on other threads while this one reads stdout, so a
        // child that fills one pipe (64 KB) while we wait on another cannot deadlock the test.
        // SIGPIPE is ignored so a child that exits before reading its input fails the test
        // instead of killing the runner.
        signal(SIGPIPE, SIG_IGN)
        let group = DispatchGroup()
        let errBox = DataBox()
        let writer = input.fileHandleForWriting
        let stdinData = stdin.map { Data($0.utf8) }
        DispatchQueue.global().async(group: group) {
            if let stdinData { try? writer.write(contentsOf: stdinData) }
            try? writer.close()
        }
        let errorReader = error.fileHandleForReading
        DispatchQueue.global().async(group: group) {
            errBox.data = errorReader.readDataToEndOfFile()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let err = errBox.data
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}

/// Holds what a background reader read; `DispatchGroup.wait` orders the write before the read.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

@Suite("verbale command line")
struct CLITests {
    @Test("--version prints the version and exits 0")
    func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty)
        // A complete install has every shipped resource: no start-up warning.
        #expect(result.stderr.isEmpty)
    }

    @Test("tokenize prints one line of tokens per input line, without U+200B")
    func tokenize() throws {
        let result = try CLI.run(["tokenize", "--lang", "km", "-"], stdin: "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា\nhello world\n")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 2)
        #expect(!result.stdout.contains("\u{200B}"))
    }

    @Test("An unknown language is a clear error with a non-zero exit")
    func unknownLanguage() throws {
        let result = try CLI.run(["segment", "--lang", "de", "-"], stdin: "Hallo.")
        #expect(result.status != 0)
        #expect(result.stderr.contains("supported"))
    }
}
