import Foundation
import VerbaleMemory

// verbale-bench: release-mode benchmarks, each printing its figures beside a named baseline
// from the same run, as JSON lines on stdout (one object per measurement). Human notes go to
// stderr. See Benchmarks/README.md.
//
//   swift build -c release --product verbale-bench
//   .build/release/verbale-bench segment
//
// To add a benchmark: write `YourBenchmark.swift` in this folder (a type conforming to
// `Benchmark`) and add ONE line `YourBenchmark.entry,` to this list. Keep one entry per line, so merges stay trivial.
let benchmarks: [BenchmarkEntry] = [
    SegmentBenchmark.entry,
    MemoryBenchmark.entry,
    DraftBenchmark.entry,
    AlignEvalBenchmark.entry,
    TMXBenchmark.entry,
    GenerateTMXCommand.entry,
    MatchBenchmark.entry,
    GlossaryBenchmark.entry,
    TokenizerBenchmark.entry,
    KhmerWordsBenchmark.entry,
    UpgradeBenchmark.entry,
    AnalysisBenchmark.entry,
    FTSBufferBenchmark.entry,
    PrivacyBenchmark.entry,
    AlignDropBenchmark.entry,
]

// Before any thread touches SQLite, as `verbale` does: the imports measured are the CLI's.
SQLiteProcessSetup.turnOffMemoryStatistics()
BenchmarkCommand.run(benchmarks, arguments: Array(CommandLine.arguments.dropFirst()))
