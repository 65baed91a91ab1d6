import Foundation
import VerbaleCore

// verbale-bench: release-mode benchmarks printing machine-readable results (one JSON object per
// line). See Benchmarks/README.md.
//
//   swift build -c release --product verbale-bench --product verbale
//   nice -n 10 .build/release/verbale-bench match [--units 1000000]
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case MatchBenchmark.name?:
    do { try MatchBenchmark.run(arguments: Array(arguments.dropFirst())) } catch {
        FileHandle.standardError.write(Data("verbale-bench: \(error)\n".utf8))
        exit(1)
    }
default:
    FileHandle.standardError.write(Data("usage: verbale-bench <benchmark>\n  \(MatchBenchmark.name)  \(MatchBenchmark.summary)\n".utf8))
    exit(arguments.isEmpty ? 2 : 0)
}
