import Foundation
import VerbaleCore
import VerbaleFormats
import VerbaleMemory

/// `verbale-bench memory`: import of a large TMX into the SQLite memory (units/s in wall-clock
/// and CPU time, the writer thread's own CPU time, peak RSS, load average) beside translate-toolkit parsing the same file; export
/// units/s; concordance p50/p99 beside a full-scan `LIKE` search. All on one file, in one run.
/// Timing, peak RSS and the translate-toolkit timer are shared with `tmx` (`Measuring.swift`).
///
///   verbale-bench memory [--units 200000] [--tmx FILE] [--queries 200] [--keep DIR] [--threads N] [--skip-baseline] [--skip-breakdown]
///                        [--indexes concordance,fuzzy-match|none] [--no-privacy]
enum MemoryBenchmark: Benchmark {
    static let name = "memory"
    static let summary = "import a generated TMX (units/s, peak RSS, vs translate-toolkit), export, concordance p50/p99"

    static func run(arguments: [String]) throws {
        let options = BenchmarkArguments(arguments)
        let units = options.int("units", default: 200_000)
        let folder = URL(fileURLWithPath: options.values["keep"] ?? NSTemporaryDirectory())
            .appendingPathComponent("verbale-bench-memory-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if options.values["keep"] == nil { try? FileManager.default.removeItem(at: folder) } }

        let tmx: URL
        if let given = options.values["tmx"] {
            tmx = URL(fileURLWithPath: given)
        } else {
            tmx = folder.appendingPathComponent("generated-\(units).tmx")
            let generated = try MemoryBenchmarkCorpus.writeTMX(units: units, to: tmx)
            Report.note("generated \(generated) units in \(tmx.path) (\(Measuring.fileSize(tmx) >> 20) MB)")
        }

        // translate-toolkit, same file, same run.
        var baseline: (units: Int, seconds: Double, cpuSeconds: Double, rss: Double)?
        if !options.flag("skip-baseline") {
            if let python = TranslateToolkitTimer.python() {
                Report.note("translate-toolkit parsing the same file…")
                baseline = try TranslateToolkitTimer.parse(python: python, file: tmx)
                if baseline == nil { Report.note("translate-toolkit baseline failed or is not installed") }
            } else {
                Report.note("translate-toolkit baseline skipped: no Python (set VERBALE_PYTHON)")
            }
        }

        // Import: the default pipeline (personal data replaced, concordance and fuzzy-match indexed).
        Timing.resetPeakRSS()
        // `--indexes concordance,fuzzy-match|none` and `--no-privacy`: a partial import, for profiling one stage.
        var indexes = SQLiteMemory.standardIndexes
        if let names = options.values["indexes"] { indexes = indexes.filter { names.split(separator: ",").contains(Substring($0.name)) } }
        let memory = try SQLiteMemory(path: folder.appendingPathComponent("memory.sqlite"), indexes: indexes)
        let load = Timing.loadAverage()
        var summary = ImportSummary()
        var importOptions = ImportOptions(scrubPersonalData: !options.flag("no-privacy"))
        if let threads = options.values["threads"].flatMap(Int.init) { importOptions.analysisThreads = threads }
        let writerStart = threadCPUSeconds()
        let (seconds, cpu) = try timed {
            summary = try memory.importUnits(from: [try FormatUnitSource(path: tmx.path)], options: importOptions)
        }
        // The transaction runs on this thread (GRDB's writer queue executes `sync` blocks on the
        // caller): its CPU time is the writer's, the one part of the pipeline that cannot be
        // spread over cores (with `--threads 0` it is the whole import).
        let writerCPU = threadCPUSeconds() - writerStart
        let rate = Double(summary.read) / seconds
        Report.emit([
            "benchmark": "memory-import", "file_mb": Double(Measuring.fileSize(tmx)) / 1_048_576, "units_read": summary.read,
            "units_added": summary.added, "units_merged": summary.merged, "personal_data": summary.personalData.values.reduce(0, +),
            "seconds": seconds, "units_per_second": rate, "peak_rss_mb": Timing.peakRSSSinceResetMegabytes(),
            "cpu_seconds": cpu, "units_per_cpu_second": Double(summary.read) / cpu,
            "writer_cpu_seconds": writerCPU, "writer_units_per_cpu_second": Double(summary.read) / writerCPU,
            "cores": ProcessInfo.processInfo.activeProcessorCount, "analysis_threads": importOptions.analysisThreads, "load_average_before": load, "load_average_after": Timing.loadAverage(),
            "baseline": "translate-toolkit tmxfile.parsefile", "baseline_units": baseline?.units ?? NSNull(),
            "baseline_seconds": baseline?.seconds ?? NSNull(),
            "baseline_units_per_second": baseline.map { Double($0.units) / $0.seconds } ?? NSNull(),
            "baseline_peak_rss_mb": baseline?.rss ?? NSNull(),
            "ratio": baseline.map { rate / (Double($0.units) / $0.seconds) } ?? NSNull(),
            "baseline_cpu_seconds": baseline?.cpuSeconds ?? NSNull(),
            "baseline_units_per_cpu_second": baseline.map { Double($0.units) / $0.cpuSeconds } ?? NSNull(),
            "cpu_ratio": baseline.map { (Double(summary.read) / cpu) / (Double($0.units) / $0.cpuSeconds) } ?? NSNull(),
        ])

        // Where the time goes: the same import on one thread (no analysis threads), the TMX
        // reader alone, then the store without privacy or indexes.
        if !options.flag("skip-breakdown") {
            let single = try SQLiteMemory(path: folder.appendingPathComponent("single.sqlite"))
            var singleOptions = ImportOptions()
            singleOptions.analysisThreads = 0
            var singleSummary = ImportSummary()
            let (singleSeconds, singleCPU) = try timed {
                singleSummary = try single.importUnits(from: [try FormatUnitSource(path: tmx.path)], options: singleOptions)
            }
            Report.emit(["benchmark": "memory-import-one-thread", "units_read": singleSummary.read, "seconds": singleSeconds,
                         "units_per_second": Double(singleSummary.read) / singleSeconds, "cpu_seconds": singleCPU,
                         "units_per_cpu_second": Double(singleSummary.read) / singleCPU, "load_average": Timing.loadAverage()])
            try single.close()
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("single.sqlite"))

            var read = 0
            let (readSeconds, readCPU) = try timed {
                let source = try FormatUnitSource(path: tmx.path)
                while try source.next() != nil { read += 1 }
            }
            Report.emit(["benchmark": "memory-import-read-only", "units_read": read, "seconds": readSeconds,
                         "units_per_second": Double(read) / readSeconds, "cpu_seconds": readCPU,
                         "units_per_cpu_second": Double(read) / readCPU])

            let bare = try SQLiteMemory(path: folder.appendingPathComponent("bare.sqlite"), indexes: [])
            var bareSummary = ImportSummary()
            let (bareSeconds, bareCPU) = try timed {
                bareSummary = try bare.importUnits(from: [try FormatUnitSource(path: tmx.path)], options: ImportOptions(scrubPersonalData: false))
            }
            Report.emit(["benchmark": "memory-import-store-only", "units_read": bareSummary.read, "seconds": bareSeconds,
                         "units_per_second": Double(bareSummary.read) / bareSeconds, "cpu_seconds": bareCPU,
                         "units_per_cpu_second": Double(bareSummary.read) / bareCPU])
            try bare.close()

            // What each stage adds to the bare store, on one thread (so CPU seconds add up):
            // the privacy pass, the concordance index, the fuzzy-match index.
            let stages: [(String, [any MemoryIndex], Bool)] = [
                ("privacy", [], true), ("concordance", [ConcordanceIndex()], false), ("fuzzy-match", [FuzzyMatchIndex()], false),
            ]
            for (stage, indexes, scrub) in stages {
                let file = folder.appendingPathComponent("stage-\(stage).sqlite")
                let staged = try SQLiteMemory(path: file, indexes: indexes)
                var stageOptions = ImportOptions(scrubPersonalData: scrub)
                stageOptions.analysisThreads = 0
                var stageSummary = ImportSummary()
                let (stageSeconds, stageCPU) = try timed {
                    stageSummary = try staged.importUnits(from: [try FormatUnitSource(path: tmx.path)], options: stageOptions)
                }
                Report.emit(["benchmark": "memory-import-store-plus", "stage": stage, "units_read": stageSummary.read, "seconds": stageSeconds,
                             "cpu_seconds": stageCPU, "units_per_cpu_second": Double(stageSummary.read) / stageCPU,
                             "file_mb": Double(Measuring.fileSize(file)) / 1_048_576])
                try staged.close()
                try? FileManager.default.removeItem(at: file)
            }
        }

        // Export, streaming to a file.
        let out = folder.appendingPathComponent("export.tmx")
        var exported = 0
        let (exportSeconds, exportCPU) = try timed {
            exported = try MemoryExport.export(memory, format: .tmx, languages: nil, to: try ByteSink(url: out))
        }
        Report.emit(["benchmark": "memory-export", "format": "tmx", "units": exported, "seconds": exportSeconds,
                     "cpu_seconds": exportCPU, "units_per_cpu_second": Double(exported) / exportCPU,
                     "units_per_second": Double(exported) / exportSeconds, "file_mb": Double(Measuring.fileSize(out)) / 1_048_576])

        // Concordance latency over queries drawn from the memory's own sentences.
        let queries = MemoryBenchmarkCorpus.queries(count: options.int("queries", default: 200))
        guard !queries.isEmpty else { return }
        var latencies: [Double] = []
        var hits = 0
        for query in queries {
            let queryStart = DispatchTime.now().uptimeNanoseconds
            hits += try memory.concordance(ConcordanceQuery(text: query, limit: 20)).hits.count
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - queryStart) / 1e6)
        }
        latencies.sort()
        var scans: [Double] = []
        for query in queries.prefix(10) {
            let scanStart = DispatchTime.now().uptimeNanoseconds
            _ = try memory.scanCount(containing: query)
            scans.append(Double(DispatchTime.now().uptimeNanoseconds - scanStart) / 1e6)
        }
        scans.sort()
        let p50 = Measuring.percentile(latencies, 0.5), scanP50 = Measuring.percentile(scans, 0.5)
        Report.emit([
            "benchmark": "concordance", "units": summary.added, "queries": queries.count, "hits": hits,
            "p50_ms": p50, "p99_ms": Measuring.percentile(latencies, 0.99), "max_ms": latencies.last ?? 0,
            "baseline": "SQL LIKE full scan (10 queries)", "baseline_p50_ms": scanP50, "ratio": scanP50 / max(p50, 0.001),
        ])
        try memory.close()
    }

    /// CPU seconds (user + system) of the calling thread alone.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// (wall, CPU) seconds of `body`. CPU is the whole process's (user + system, every thread),
    /// so work moved to other threads still counts.
    static func timed(_ body: () throws -> Void) rethrows -> (Double, Double) {
        let start = DispatchTime.now().uptimeNanoseconds, cpu = Timing.cpuSeconds()
        try body()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, Timing.cpuSeconds() - cpu)
    }
}

/// A reproducible TMX from the Europarl pairs in `../shared/data`: unit i is pair i mod n,
/// with a numbered reference appended after the first pass so that every unit is distinct
/// (Europarl's own repeats are merged as duplicates, as in real memories). Streaming.
enum MemoryBenchmarkCorpus {
    static func pairs() throws -> [(String, String)] {
        guard let english = SharedData.file("parallel/europarl-20k.en"), let french = SharedData.file("parallel/europarl-20k.fr") else {
            throw BenchmarkError("../shared/data/parallel/europarl-20k.{en,fr} not found")
        }
        let en = try String(contentsOf: english, encoding: .utf8).components(separatedBy: "\n")
        let fr = try String(contentsOf: french, encoding: .utf8).components(separatedBy: "\n")
        return zip(en, fr).filter { !$0.0.isEmpty && !$0.1.isEmpty }
    }

    /// The TMX a benchmark reads: `--tmx FILE` when given, else `units` units generated into
    /// `folder` (which the caller removes).
    static func tmx(_ options: BenchmarkArguments, units: Int, in folder: URL) throws -> URL {
        if let given = options.values["tmx"] { return URL(fileURLWithPath: given) }
        let tmx = folder.appendingPathComponent("generated-\(units).tmx")
        try writeTMX(units: units, to: tmx)
        return tmx
    }

    @discardableResult
    static func writeTMX(units: Int, to url: URL) throws -> Int {
        let pairs = try pairs()
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
            throw BenchmarkError("cannot create \(url.path)")
        }
        defer { try? handle.close() }
        var buffer = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="verbale-bench" creationtoolversion="1" segtype="sentence" o-tmf="verbale" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>

            """
        for index in 0..<units {
            let (en, fr) = pairs[index % pairs.count]
            let round = index / pairs.count
            let suffix = round == 0 ? "" : " (ref. \(round)/\(index % 997))"
            buffer += "<tu tuid=\"\(index)\" creationdate=\"20210112T0930\(String(format: "%02d", index % 60))Z\" creationid=\"bench\"><tuv xml:lang=\"en\"><seg>\(escape(en + suffix))</seg></tuv><tuv xml:lang=\"fr\"><seg>\(escape(fr + suffix))</seg></tuv></tu>\n"
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        buffer += "</body>\n</tmx>\n"
        handle.write(Data(buffer.utf8))
        return units
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// `count` queries of one to three consecutive words from the corpus (English and French),
    /// chosen by a fixed-seed generator.
    static func queries(count: Int) -> [String] {
        guard let pairs = try? pairs() else { return [] }
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
        var queries: [String] = []
        while queries.count < count {
            let pair = pairs[next(pairs.count)]
            let sentence: String = next(2) == 0 ? pair.0 : pair.1
            let words: [String] = sentence.split(separator: " ").map { String($0) }.filter { $0.count >= 3 && $0.allSatisfy { $0.isLetter } }
            guard !words.isEmpty else { continue }
            let length = min(words.count, 1 + next(3))
            let start = next(words.count - length + 1)
            let phrase: [String] = Array(words[start..<(start + length)])
            queries.append(phrase.joined(separator: " "))
        }
        return queries
    }
}
