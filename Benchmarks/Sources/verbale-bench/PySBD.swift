import Foundation

/// pySBD, the Python baseline, run as a subprocess on the same documents in the same run.
///
/// Python comes from `$VERBALE_PYTHON`, else `/work/venv/bin/python`; the script is
/// `Benchmarks/baselines/pysbd_segment.py`. Returns nil (and says why on stderr) when either is
/// missing or pySBD does not support the language (it has no Khmer).
enum PySBD {
    struct Result {
        var megabytes: Double
        var seconds: Double
        var megabytesPerSecond: Double { megabytes / seconds }
    }

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("baselines/pysbd_segment.py")
    }

    static func measure(documents: [String], language: String, megabytes: Double) -> Result? {
        guard language != "km" else {
            Report.note("pySBD: no Khmer support; no baseline for km")
            return nil
        }
        let python = ProcessInfo.processInfo.environment["VERBALE_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "/work/venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python), FileManager.default.fileExists(atPath: script.path) else {
            Report.note("pySBD: \(python) or \(script.path) missing; baseline skipped")
            return nil
        }
        // Documents separated by form feeds; the script segments them one by one, as a user would.
        var sample: [String] = []
        var size = 0
        while size < Int(megabytes * 1e6) {
            for document in documents where size < Int(megabytes * 1e6) {
                sample.append(document)
                size += document.utf8.count
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("verbale-bench-pysbd-\(ProcessInfo.processInfo.processIdentifier).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        do { try Data(sample.joined(separator: "\u{0C}").utf8).write(to: file) } catch { return nil }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, file.path, language]
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch {
            Report.note("pySBD: cannot run \(python): \(error)")
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let bytes = json["bytes"] as? Double, let seconds = json["seconds"] as? Double, seconds > 0 else {
            Report.note("pySBD: the baseline script failed (status \(process.terminationStatus))")
            return nil
        }
        return Result(megabytes: bytes / 1e6, seconds: seconds)
    }
}
