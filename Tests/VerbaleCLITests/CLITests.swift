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

    /// Runs `verbale` with `arguments`, feeding `stdin`. Blocks until it exits.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}

@Suite("verbale command line")
struct CLITests {
    @Test("--version prints the version and exits 0")
    func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty)
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
