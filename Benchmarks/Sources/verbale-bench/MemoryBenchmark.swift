import Foundation
import VerbaleCore
import VerbaleFormats
import VerbaleMemory

/// `verbale-bench memory`: import of a large TMX into the SQLite memory (units/s, peak RSS)
/// beside translate-toolkit parsing the same file; export units/s; concordance p50/p99 beside
/// a full-scan `LIKE` search. All on one generated file, in one run.
///
///   verbale-bench memory [--units 200000] [--tmx FILE] [--queries 200] [--keep DIR]
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
            Report.note("generated \(generated) units in \(tmx.path) (\(fileSize(tmx) >> 20) MB)")
        }

        // translate-toolkit, same file, same run.
        let baseline = options.flag("skip-baseline") ? nil : try translateToolkitParse(tmx)

        // Import: the default pipeline (personal data replaced, concordance indexed).
        resetPeakRSS()
        let memoryPath = folder.appendingPathComponent("memory.sqlite")
        let memory = try SQLiteMemory(path: memoryPath)
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = cpuSeconds()
        let summary = try memory.importUnits(from: [try FormatUnitSource(path: tmx.path)], options: ImportOptions())
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = cpuSeconds() - cpuStart
        let peak = peakRSSMegabytes()
        let rate = Double(summary.read) / seconds
        Report.emit([
            "benchmark": "memory-import", "file_mb": Double(fileSize(tmx)) / 1_048_576, "units_read": summary.read,
            "units_added": summary.added, "units_merged": summary.merged, "personal_data": summary.personalData.values.reduce(0, +),
            "seconds": seconds, "units_per_second": rate, "peak_rss_mb": peak,
            "cpu_seconds": cpu, "units_per_cpu_second": Double(summary.read) / cpu,
            "baseline": "translate-toolkit tmxfile parse", "baseline_units": baseline?.units ?? NSNull(),
            "baseline_units_per_second": baseline.map { Double($0.units) / $0.seconds } ?? NSNull(),
            "baseline_peak_rss_mb": baseline?.peakMB ?? NSNull(),
            "ratio": baseline.map { rate / (Double($0.units) / $0.seconds) } ?? NSNull(),
            "baseline_cpu_seconds": baseline?.cpu ?? NSNull(),
            "baseline_units_per_cpu_second": baseline.map { Double($0.units) / $0.cpu } ?? NSNull(),
            "cpu_ratio": baseline.map { (Double(summary.read) / cpu) / (Double($0.units) / $0.cpu) } ?? NSNull(),
        ])

        // The same file without personal-data replacement and without the concordance index:
        // the store alone, to show where the time goes.
        if !options.flag("skip-breakdown") {
            // Reading alone (the formats layer's TMX reader), for the breakdown.
            let readStart = DispatchTime.now().uptimeNanoseconds
            let readCPU = cpuSeconds()
            let source = try FormatUnitSource(path: tmx.path)
            var read = 0
            while try source.next() != nil { read += 1 }
            let readSeconds = Double(DispatchTime.now().uptimeNanoseconds - readStart) / 1e9
            let readCPUSeconds = cpuSeconds() - readCPU
            Report.emit(["benchmark": "memory-import-read-only", "units_read": read, "seconds": readSeconds,
                         "units_per_second": Double(read) / readSeconds, "cpu_seconds": readCPUSeconds,
                         "units_per_cpu_second": Double(read) / readCPUSeconds])

            let bare = try SQLiteMemory(path: folder.appendingPathComponent("bare.sqlite"), indexes: [])
            let bareStart = DispatchTime.now().uptimeNanoseconds
            let bareCPU = cpuSeconds()
            let bareSummary = try bare.importUnits(from: [try FormatUnitSource(path: tmx.path)], options: ImportOptions(scrubPersonalData: false))
            let bareSeconds = Double(DispatchTime.now().uptimeNanoseconds - bareStart) / 1e9
            let bareCPUSeconds = cpuSeconds() - bareCPU
            Report.emit(["benchmark": "memory-import-store-only", "units_read": bareSummary.read, "seconds": bareSeconds,
                         "units_per_second": Double(bareSummary.read) / bareSeconds, "cpu_seconds": bareCPUSeconds,
                         "units_per_cpu_second": Double(bareSummary.read) / bareCPUSeconds])
            try bare.close()
        }

        // Export, streaming to a file.
        let out = folder.appendingPathComponent("export.tmx")
        let exportStart = DispatchTime.now().uptimeNanoseconds
        let exportCPU = cpuSeconds()
        let exported = try MemoryExport.export(memory, format: .tmx, languages: nil, to: try ByteSink(url: out))
        let exportSeconds = Double(DispatchTime.now().uptimeNanoseconds - exportStart) / 1e9
        let exportCPUSeconds = cpuSeconds() - exportCPU
        Report.emit(["benchmark": "memory-export", "format": "tmx", "units": exported, "seconds": exportSeconds,
                     "cpu_seconds": exportCPUSeconds, "units_per_cpu_second": Double(exported) / exportCPUSeconds,
                     "units_per_second": Double(exported) / exportSeconds, "file_mb": Double(fileSize(out)) / 1_048_576])

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
        Report.emit([
            "benchmark": "concordance", "units": summary.added, "queries": queries.count, "hits": hits,
            "p50_ms": percentile(latencies, 0.5), "p99_ms": percentile(latencies, 0.99), "max_ms": latencies.last ?? 0,
            "baseline": "SQL LIKE full scan (10 queries)", "baseline_p50_ms": percentile(scans, 0.5),
            "ratio": percentile(scans, 0.5) / max(percentile(latencies, 0.5), 0.001),
        ])
        try memory.close()
    }

    /// User + system CPU seconds of this process: on a shared, loaded machine the wall clock
    /// also counts time spent waiting for a core, so both are reported.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    static func fileSize(_ url: URL) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? NSNumber)?.int64Value ?? 0
    }

    /// Resets VmHWM (Linux: writing 5 to /proc/self/clear_refs), so the peak is the import's.
    static func resetPeakRSS() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// VmHWM from /proc/self/status, in MB.
    static func peakRSSMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
        return kb / 1024
    }

    /// translate-toolkit's TMX parser on the same file, timed inside Python.
    static func translateToolkitParse(_ file: URL) throws -> (units: Int, seconds: Double, cpu: Double, peakMB: Double)? {
        let python = ProcessInfo.processInfo.environment["VERBALE_PYTHON"] ?? "/work/venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Report.note("translate-toolkit baseline skipped: no Python at \(python) (set VERBALE_PYTHON)")
            return nil
        }
        let script = """
            import json, resource, sys, time
            from translate.storage import tmx
            start = time.perf_counter()
            with open(sys.argv[1], 'rb') as f:
                store = tmx.tmxfile(f)
            units = sum(1 for u in store.units if u.source)
            usage = resource.getrusage(resource.RUSAGE_SELF)
            print(json.dumps({"units": units, "seconds": time.perf_counter() - start,
                              "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let units = object["units"] as? Int, let seconds = object["seconds"] as? Double else {
            Report.note("translate-toolkit baseline failed (status \(process.terminationStatus))")
            return nil
        }
        return (units, seconds, object["cpu"] as? Double ?? seconds, object["peak_mb"] as? Double ?? -1)
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
