import Foundation
import VerbaleCore

// verbale-bench: release-mode benchmarks printing machine-readable results (one JSON object per
// line). See Benchmarks/README.md. Usage: verbale-bench <benchmark> [arguments…]

let benchmarks: [String: ([String]) throws -> Void] = [
    GlossaryBenchmark.name: GlossaryBenchmark.run(arguments:),
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    FileHandle.standardError.write(Data("usage: verbale-bench <benchmark> [arguments]; benchmarks: \(benchmarks.keys.sorted().joined(separator: ", "))\n".utf8))
    exit(2)
}
do {
    try benchmark(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("verbale-bench \(name): \(error)\n".utf8))
    exit(1)
}
