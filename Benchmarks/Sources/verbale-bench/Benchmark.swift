import Foundation
import VerbaleCore

/// One benchmark of `verbale-bench`: a name to call it by, and a run that prints JSON lines.
protocol Benchmark {
    /// The name on the command line (`verbale-bench <name>`).
    static var name: String { get }
    /// One line for `verbale-bench --help`.
    static var summary: String { get }
    /// Runs with the arguments after the name; prints results with `Report.emit`.
    static func run(arguments: [String]) throws
}

extension Benchmark {
    /// This benchmark as an entry of the registry in `main.swift`.
    static var entry: BenchmarkEntry { BenchmarkEntry(name: name, summary: summary, run: run(arguments:)) }
}

/// A registered benchmark: its name, summary and run function.
struct BenchmarkEntry {
    var name: String
    var summary: String
    var run: ([String]) throws -> Void
}

/// Dispatches `verbale-bench <name> [args]`; with no name lists the benchmarks.
enum BenchmarkCommand {
    static func run(_ benchmarks: [BenchmarkEntry], arguments: [String]) {
        guard let name = arguments.first, !["-h", "--help", "help", "list"].contains(name) else {
            var usage = "usage: verbale-bench <benchmark> [arguments]\n\nbenchmarks:\n"
            for benchmark in benchmarks { usage += "  \(benchmark.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(benchmark.summary)\n" }
            FileHandle.standardError.write(Data(usage.utf8))
            exit(arguments.isEmpty ? 2 : 0)
        }
        guard let benchmark = benchmarks.first(where: { $0.name == name }) else {
            Report.fail("unknown benchmark \"\(name)\"; known: \(benchmarks.map(\.name).joined(separator: ", "))")
        }
        do { try benchmark.run(Array(arguments.dropFirst())) } catch {
            Report.fail("\(name): \(error)")
        }
    }
}

/// Output: JSON lines on stdout for tools, notes on stderr for people.
enum Report {
    /// Prints one measurement as a JSON object on one line (keys sorted).
    static func emit(_ fields: [String: Any]) {
        let clean = fields.mapValues { value -> Any in
            if let double = value as? Double { return double.isFinite ? (double * 1000).rounded() / 1000 : NSNull() }
            return value
        }
        guard let data = try? JSONSerialization.data(withJSONObject: clean, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("verbale-bench: \(message)\n".utf8))
        exit(1)
    }
}

/// Wall-clock timing on a monotonic clock, and CPU time of the calling thread (steady on a
/// shared machine, where other processes stretch wall-clock time).
enum Clock {
    /// CPU seconds used so far by the calling thread.
    static func threadCPU() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// (wall, CPU) seconds of one run of `body`.
    static func measure(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        let wall = DispatchTime.now().uptimeNanoseconds, cpu = threadCPU()
        body()
        return (Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e9, threadCPU() - cpu)
    }

    /// Seconds taken by the fastest of `repeats` runs of `body` (the least disturbed by the other
    /// processes on a shared machine).
    static func best(of repeats: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<max(repeats, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }
}

/// `--name value` options after the benchmark name.
struct BenchmarkArguments {
    var values: [String: String] = [:]
    init(_ arguments: [String]) {
        var i = 0
        while i < arguments.count {
            let key = arguments[i]
            if key.hasPrefix("--"), i + 1 < arguments.count, !arguments[i + 1].hasPrefix("--") {
                values[String(key.dropFirst(2))] = arguments[i + 1]
                i += 2
            } else {
                if key.hasPrefix("--") { values[String(key.dropFirst(2))] = "" }
                i += 1
            }
        }
    }
    func double(_ name: String, default fallback: Double) -> Double { values[name].flatMap(Double.init) ?? fallback }
    func int(_ name: String, default fallback: Int) -> Int { values[name].flatMap(Int.init) ?? fallback }
    func flag(_ name: String) -> Bool { values[name] != nil }
    /// A comma-separated list (`--languages en,km`); `none` for an empty one.
    func list(_ name: String, default fallback: [String]) -> [String] {
        guard let value = values[name], !value.isEmpty else { return fallback }
        return value == "none" ? [] : value.split(separator: ",").map(String.init)
    }
}

/// A benchmark that cannot run (missing data, ICU failure).
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
