import Foundation

extension Measuring {
    /// The release `verbale` built beside this benchmark, or nil when it is not built.
    static var verbaleBinary: URL? {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("verbale")
        return FileManager.default.isExecutableFile(atPath: binary.path) ? binary : nil
    }

    /// Wall seconds of one run of `verbale arguments…` in a new process (standard output
    /// discarded): what "first answer after process start" means. Throws when the command
    /// exits non-zero, with its message, so a failing run is never reported as a fast answer.
    static func timeCLI(_ binary: URL, _ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw BenchmarkError("`verbale \(arguments.joined(separator: " "))` failed (status \(process.terminationStatus)): \(text)")
        }
        return seconds
    }
}
