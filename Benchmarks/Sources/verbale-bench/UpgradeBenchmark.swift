import Foundation
import VerbaleCore
import VerbaleMemory

/// `verbale-bench upgrade`: what a memory costs to bring up to a new text analysis
/// (`SQLiteMemory.reanalyseStoredText`, what opening a memory made by an older Verbale runs),
/// beside the baseline a user had before it — importing the same units again into a new
/// memory — in the same run, as a ratio; and the check every writable open pays when the
/// memory is current (open + close, averaged).
///
/// Units: Europarl EN/FR pairs (unit i = pair i mod 20,000, numbered after the first pass) and
/// `--khmer` of them replaced by khPOS Khmer sentences with an English label, so the Khmer
/// concordance is rebuilt too (0: a memory without Khmer, whose concordance is left alone).
///
///   verbale-bench upgrade [--units 100000] [--khmer 20000] [--opens 20]
enum UpgradeBenchmark: Benchmark {
    static let name = "upgrade"
    static let summary = "re-analysis of a memory after a tokenizer change vs importing it again; O(1) check on open"

    static func run(arguments: [String]) throws {
        let options = BenchmarkArguments(arguments)
        let count = options.int("units", default: 100_000)
        let khmerCount = min(options.int("khmer", default: 20_000), count)
        let units = try corpus(units: count, khmer: khmerCount)
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("verbale-bench-upgrade-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("memory.sqlite")
        let load = Timing.loadAverage()

        // Baseline: the units imported into a new memory (defaults of `verbale import`).
        let memory = try SQLiteMemory(path: path)
        var summary = ImportSummary()
        let (importWall, importCPU) = try MemoryBenchmark.timed {
            summary = try memory.importUnits(from: [ArrayUnitSource(name: "bench.tmx", units: units)])
        }
        // Measured: every stored row re-analysed, in one transaction.
        var calls: [String: Int] = [:]
        let (wall, cpu) = try MemoryBenchmark.timed {
            try memory.reanalyseStoredText { index, done, total in if done == total { calls[index] = total } }
        }
        try memory.close()
        // What every writable open of a current memory pays (stamp read, migrations checked).
        let opens = max(options.int("opens", default: 20), 1)
        let (openWall, _) = try MemoryBenchmark.timed {
            for _ in 0..<opens { try SQLiteMemory(path: path).close() }
        }
        Report.emit([
            "benchmark": "upgrade", "units": summary.added, "khmer_units": khmerCount,
            "variants_fuzzy_match": calls["fuzzy-match"] ?? 0, "variants_concordance": calls["concordance"] ?? 0,
            "reanalyse_seconds": wall, "reanalyse_cpu_seconds": cpu,
            "baseline": "import the same units into a new memory",
            "baseline_seconds": importWall, "baseline_cpu_seconds": importCPU,
            "ratio_wall": wall / importWall, "ratio_cpu": cpu / max(importCPU, 1e-9),
            "open_current_ms": openWall * 1000 / Double(opens), "load_average": load,
        ])
    }

    static func corpus(units: Int, khmer: Int) throws -> [TranslationUnit] {
        let pairs = try MemoryBenchmarkCorpus.pairs()
        var sentences: [String] = []
        if khmer > 0 {
            guard let url = SharedData.file("khmer/khpos-train-sample.word") else {
                throw BenchmarkError("../shared/data/khmer/khpos-train-sample.word not found (or pass --khmer 0)")
            }
            // khPOS separates words with spaces and joins compounds with ~ ^ _: removed, as real text.
            sentences = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
                String(String.UnicodeScalarView(line.unicodeScalars.filter { $0 != " " && $0 != "~" && $0 != "^" && $0 != "_" }))
            }.filter { !$0.isEmpty }
        }
        let english = try LanguageTag("en"), french = try LanguageTag("fr"), khmerTag = try LanguageTag("km")
        return (0..<units).map { index in
            if index >= units - khmer, !sentences.isEmpty {
                let k = index - (units - khmer)
                let round = k / sentences.count
                return TranslationUnit(variants: [Variant(language: khmerTag, text: sentences[k % sentences.count] + (round == 0 ? "" : " (\(round))")),
                                                  Variant(language: english, text: "khPOS sentence \(k % sentences.count + 1) (\(round))")])
            }
            let (en, fr) = pairs[index % pairs.count]
            let round = index / pairs.count
            let suffix = round == 0 ? "" : " (ref. \(round)/\(index % 997))"
            return TranslationUnit(variants: [Variant(language: english, text: en + suffix), Variant(language: french, text: fr + suffix)])
        }
    }
}
