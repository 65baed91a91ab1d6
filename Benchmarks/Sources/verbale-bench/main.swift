import Foundation

// verbale-bench: release-mode benchmarks printing machine-readable results (one JSON object per
// line). See Benchmarks/README.md. Usage: verbale-bench <benchmark> [options].
let benchmarks: [String: ([String]) throws -> Void] = [
    "align-eval": AlignEvalBenchmark.run,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    FileHandle.standardError.write(Data("usage: verbale-bench <\(benchmarks.keys.sorted().joined(separator: "|"))> [options]\n".utf8))
    exit(2)
}
do {
    try benchmark(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("verbale-bench \(name): \(error)\n".utf8))
    exit(1)
}
