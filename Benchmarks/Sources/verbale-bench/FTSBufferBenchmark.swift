import Foundation
import VerbaleMemory

/// `verbale-bench fts-buffer`: the concordance's FTS5 postings buffer during an import
/// (`ConcordanceIndex(bulkHashSize:)`), FTS5's default 1 MB (the named baseline) beside the
/// import's 8 MB or any other sizes, in one run. Each size imports the same TMX into a fresh
/// memory holding only the concordance index (no personal-data pass, so the analysis threads
/// do little and the writer thread's CPU is mostly SQLite's); runs alternate between sizes and
/// the best of `--repeats` counts. Also checks the sizes give the same hits for the same
/// queries (`same_hits`), and prints the query p50 and the file size each leaves.
///
///   verbale-bench fts-buffer [--units 200000] [--tmx FILE] [--repeats 2] [--sizes 1048576,8388608] [--queries 100]
enum FTSBufferBenchmark: Benchmark {
    static let name = "fts-buffer"
    static let summary = "import's FTS5 buffer: writer CPU with FTS5's default 1 MB vs the import's 8 MB (same file, same run)"

    static func run(arguments: [String]) throws {
        let options = BenchmarkArguments(arguments)
        let repeats = max(1, options.int("repeats", default: 2))
        let sizes = (options.values["sizes"] ?? "\(ConcordanceIndex.defaultHashSize),\(ConcordanceIndex.defaultBulkHashSize)")
            .split(separator: ",").compactMap { Int($0) }
        guard let baselineSize = sizes.first, sizes.count >= 2 else {
            throw BenchmarkError("--sizes needs at least two byte counts, the baseline first")
        }
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("verbale-bench-fts-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmx = try MemoryBenchmarkCorpus.tmx(options, units: options.int("units", default: 200_000), in: folder)
        let queries = MemoryBenchmarkCorpus.queries(count: options.int("queries", default: 100))

        struct Result { var writerCPU = Double.infinity, seconds = Double.infinity, units = 0, fileMB = 0.0, p50 = 0.0, hits: [[Int64]] = [] }
        var results = [Int: Result]()
        let load = Timing.loadAverage()
        for round in 0..<repeats {
            for size in sizes {
                let path = folder.appendingPathComponent("memory-\(size)-\(round).sqlite")
                let memory = try SQLiteMemory(path: path, indexes: [ConcordanceIndex(bulkHashSize: size)])
                var summary = ImportSummary()
                let writerStart = MemoryBenchmark.threadCPUSeconds()
                let (seconds, _) = try MemoryBenchmark.timed {
                    summary = try memory.importUnits(from: [try FormatUnitSource(path: tmx.path)], options: ImportOptions(scrubPersonalData: false))
                }
                let writerCPU = MemoryBenchmark.threadCPUSeconds() - writerStart
                var latencies: [Double] = [], hits: [[Int64]] = []
                for query in queries {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let found = try memory.concordance(ConcordanceQuery(text: query, limit: 20))
                    latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                    hits.append(found.hits.map(\.unit))
                }
                try memory.close()
                var result = results[size] ?? Result()
                result.writerCPU = min(result.writerCPU, writerCPU)
                result.seconds = min(result.seconds, seconds)
                result.units = summary.read
                result.fileMB = Double(Measuring.fileSize(path)) / 1_048_576
                result.p50 = Measuring.percentile(latencies.sorted(), 0.5)
                result.hits = hits
                results[size] = result
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path.path + suffix) }
            }
        }
        guard let baseline = results[baselineSize] else { return }
        for size in sizes {
            guard let result = results[size] else { continue }
            Report.emit([
                "benchmark": "fts-buffer", "hashsize_bytes": size, "units_read": result.units, "repeats": repeats,
                "writer_cpu_seconds": result.writerCPU, "seconds": result.seconds, "file_mb": result.fileMB, "query_p50_ms": result.p50,
                "baseline": "FTS5 hashsize \(baselineSize) bytes", "baseline_writer_cpu_seconds": baseline.writerCPU,
                "writer_cpu_ratio": baseline.writerCPU / result.writerCPU, "same_hits": result.hits == baseline.hits,
                "load_average_before": load, "load_average_after": Timing.loadAverage(),
            ])
        }
    }
}
