import Foundation
import VerbaleCore
import VerbaleMemory

/// `verbale-bench analyse`: the import's per-unit analysis alone, without SQLite — the
/// fuzzy-match and concordance analysers (`MemoryIndex.makeAnalyser`) over the units of the
/// `memory` benchmark's generated TMX, read into memory first — beside, in the same run, the
/// reference paths their output is proved equal to: `MatchText` → `StoredToken.encode` for
/// fuzzy-match, `ConcordanceWords.words` keys joined by spaces for concordance, and
/// `ContextHash.byScalars` for the context keys. Checks the
/// bytes are equal on every variant (`same_bytes`). One thread; best CPU time of `--repeats`.
///
///   verbale-bench analyse [--units 100000] [--tmx FILE] [--repeats 3]
enum AnalysisBenchmark: Benchmark {
    static let name = "analyse"
    static let summary = "import analysis per unit (fuzzy-match, concordance) without SQLite vs the reference paths; byte check"

    static func run(arguments: [String]) throws {
        let options = BenchmarkArguments(arguments)
        let count = options.int("units", default: 100_000)
        let repeats = max(1, options.int("repeats", default: 3))
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("verbale-bench-analyse-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmx = try MemoryBenchmarkCorpus.tmx(options, units: count, in: folder)
        var units: [TranslationUnit] = []
        let source = try FormatUnitSource(path: tmx.path)
        while let unit = try source.next() { units.append(unit) }
        let variants = units.reduce(0) { $0 + $1.variants.count }
        Report.note("analysing \(units.count) units (\(variants) variants), best of \(repeats)")

        // Fuzzy-match: the analyser's blobs as the import makes them (`appendRows` into one
        // `IndexRowBatch` per chunk of 256 units), then the reference path's.
        var fuzzyBatches: [IndexRowBatch] = []
        let fuzzy = try best(repeats) {
            fuzzyBatches = try batches(units, FuzzyMatchIndex().makeAnalyser())
        }
        var fuzzyRows: [[UInt8]] = []
        for (batch, unit) in rowsOf(fuzzyBatches, count: units.count) {
            for row in batch.indexRows(ofUnit: unit) { if case .bytes(let bytes)? = row.values.last { fuzzyRows.append(bytes) } }
        }
        var fuzzyReference: [[UInt8]] = []
        let fuzzyBaseline = try best(repeats) {
            fuzzyReference.removeAll(keepingCapacity: true)
            var tokenizers: [Language: Tokenizer] = [:]
            for unit in units {
                for variant in unit.variants {
                    guard let language = variant.language.language else { continue }
                    let tokenizer = try tokenizers[language] ?? Tokenizer(language: language)
                    tokenizers[language] = tokenizer
                    let tokens = MatchText(text: variant.text, language: language, tokenizer: tokenizer).tokens.map(StoredToken.init)
                    fuzzyReference.append([UInt8](StoredToken.encode(tokens)))
                }
            }
        }
        emit("fuzzy-match", units.count, fuzzy, fuzzyBaseline, "MatchText -> StoredToken.encode", same: fuzzyRows == fuzzyReference)

        // Concordance: the analyser's index texts, then the word splitter's keys.
        var concordanceBatches: [IndexRowBatch] = []
        let concordance = try best(repeats) {
            concordanceBatches = try batches(units, ConcordanceIndex().makeAnalyser())
        }
        var concordanceRows: [String] = []
        for (batch, unit) in rowsOf(concordanceBatches, count: units.count) {
            for row in batch.indexRows(ofUnit: unit) { if case .text(let text)? = row.values.last { concordanceRows.append(text) } }
        }
        var concordanceReference: [String] = []
        let concordanceBaseline = try best(repeats) {
            concordanceReference.removeAll(keepingCapacity: true)
            let words = ConcordanceWords()
            for unit in units {
                for variant in unit.variants { concordanceReference.append(words.words(variant.text).map(\.key).joined(separator: " ")) }
            }
        }
        let sameText = concordanceRows.count == concordanceReference.count
            && zip(concordanceRows, concordanceReference).allSatisfy { Array($0.utf8) == Array($1.utf8) }
        emit("concordance", units.count, concordance, concordanceBaseline, "ConcordanceWords.words keys joined", same: sameText)

        // Context keys (one per variant, what `ContextKeys` hashes on import): the byte pass,
        // then the scalar rule it replaced.
        var contextKeys: [String] = []
        let context = try best(repeats) {
            contextKeys.removeAll(keepingCapacity: true)
            for unit in units { for variant in unit.variants { contextKeys.append(ContextHash.of(variant.text)) } }
        }
        var contextReference: [String] = []
        let contextBaseline = try best(repeats) {
            contextReference.removeAll(keepingCapacity: true)
            for unit in units { for variant in unit.variants { contextReference.append(ContextHash.byScalars(variant.text)) } }
        }
        emit("context", units.count, context, contextBaseline, "ContextHash.byScalars (the scalar rule)", same: contextKeys == contextReference)
    }

    /// `units`' rows by `analyser` as the import makes them: one batch per 256 units.
    static func batches(_ units: [TranslationUnit], _ analyser: any IndexAnalyser) throws -> [IndexRowBatch] {
        var batches: [IndexRowBatch] = []
        for start in stride(from: 0, to: units.count, by: 256) {
            let batch = IndexRowBatch()
            for index in start..<min(units.count, start + 256) {
                batch.beginUnit()
                try analyser.appendRows(for: units[index], to: batch)
            }
            batches.append(batch)
        }
        return batches
    }

    /// Each unit's batch and its place in it, in order.
    static func rowsOf(_ batches: [IndexRowBatch], count: Int) -> [(IndexRowBatch, Int)] {
        (0..<count).map { (batches[$0 / 256], $0 % 256) }
    }

    /// The best (CPU seconds, seconds) of `repeats` runs of `body`.
    static func best(_ repeats: Int, _ body: () throws -> Void) throws -> (cpu: Double, seconds: Double) {
        var result = (cpu: Double.infinity, seconds: Double.infinity)
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds, cpu = Timing.cpuSeconds()
            try body()
            let spent = Timing.cpuSeconds() - cpu, seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if spent < result.cpu { result = (spent, seconds) }
        }
        return result
    }

    static func emit(_ index: String, _ units: Int, _ measured: (cpu: Double, seconds: Double), _ baseline: (cpu: Double, seconds: Double),
                     _ baselineName: String, same: Bool) {
        Report.emit(["benchmark": "analyse", "index": index, "units": units, "cpu_seconds": measured.cpu, "seconds": measured.seconds,
                     "units_per_cpu_second": Double(units) / measured.cpu, "baseline": baselineName, "baseline_cpu_seconds": baseline.cpu,
                     "ratio": baseline.cpu / measured.cpu, "same_bytes": same, "load_average": Timing.loadAverage()])
    }
}
