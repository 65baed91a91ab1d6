import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import VerbaleCore
import VerbaleFormats

/// `verbale-bench tmx`: TMX parse and write throughput (units/s) on a generated file, beside
/// translate-toolkit parsing the same file in the same run (a Python subprocess timing
/// `tmxfile.parsefile` itself, so interpreter start-up is not counted against it).
///
/// Options: `--units N` (default 200,000), `--file F` (use an existing TMX instead of
/// generating one), `--repeats N` (best of, default 3), `--no-python`, `--parse-only`.
/// The parse is measured first, in a process that holds no units, so `peak_rss_mb` is the
/// streaming reader's footprint (plus the generator's, which is also streaming).
enum TMXBenchmark: Benchmark {
    static let name = "tmx"
    static let summary = "TMX parse and write units/s vs translate-toolkit parsing the same file"

    static func run(arguments: [String]) throws {
        let options = BenchmarkArguments(arguments)
        let count = options.int("units", default: 200_000)
        let repeats = options.int("repeats", default: 3)
        let seed = UInt64(options.int("seed", default: 20_210_112))
        let file: URL
        var generated = false
        if let path = options.values["file"], !path.isEmpty {
            file = URL(fileURLWithPath: path)
        } else {
            guard let root = SharedData.root else { throw BenchmarkError("../shared/data not found (set VERBALE_SHARED_DATA)") }
            file = FileManager.default.temporaryDirectory.appendingPathComponent("verbale-bench-\(count)-\(seed).tmx")
            if !FileManager.default.fileExists(atPath: file.path) {
                Report.note("generating \(count) units into \(file.path)…")
                _ = try TMXGenerator(root: root).write(count: count, seed: seed, to: file)
            }
            generated = true
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0

        // Parse.
        var units = 0
        var failure: Error?
        let (parseSeconds, parseCPU) = Timing.best(of: repeats) {
            do {
                var reader = try MemoryFormat.makeReader(url: file)
                units = 0
                while try reader.next() != nil { units += 1 }
            } catch { failure = error }
        }
        if let failure { throw failure }
        let parseRSS = peakRSSMegabytes()
        if options.flag("parse-only") {
            Report.emit(["benchmark": "tmx-parse", "units": units, "verbale_units_s": Double(units) / parseSeconds,
                         "verbale_cpu_units_s": Double(units) / parseCPU, "peak_rss_mb": parseRSS])
            return
        }
        // The floor: FoundationXML's parser with a delegate that only counts <tu> elements.
        var rawUnits = 0
        let (rawSeconds, rawCPU) = Timing.best(of: repeats) {
            guard let stream = InputStream(url: file) else { return }
            let counter = ElementCounter()
            let parser = XMLParser(stream: stream)
            parser.delegate = counter
            _ = parser.parse()
            rawUnits = counter.units
        }
        var parse: [String: Any] = [
            "benchmark": "tmx-parse", "units": units, "file_mb": Double(size) / 1e6,
            "verbale_units_s": Double(units) / parseSeconds, "verbale_seconds": parseSeconds, "peak_rss_mb": parseRSS,
            "verbale_cpu_units_s": Double(units) / parseCPU, "verbale_cpu_seconds": parseCPU,
            "xmlparser_count_only_units_s": Double(rawUnits) / rawSeconds, "xmlparser_count_only_cpu_units_s": Double(rawUnits) / rawCPU,
            "load_average": Timing.loadAverage(),
        ]
        if !options.flag("no-python"), let python = TranslateToolkitTimer.python() {
            Report.note("translate-toolkit parsing the same file…")
            if let tt = try TranslateToolkitTimer.parse(python: python, file: file) {
                parse["translate_toolkit_units_s"] = Double(tt.units) / tt.seconds
                parse["translate_toolkit_cpu_units_s"] = Double(tt.units) / tt.cpuSeconds
                parse["translate_toolkit_units"] = tt.units
                parse["translate_toolkit_seconds"] = tt.seconds
                parse["translate_toolkit_peak_rss_mb"] = tt.rss
                parse["ratio_vs_translate_toolkit"] = tt.seconds / parseSeconds
                parse["cpu_ratio_vs_translate_toolkit"] = tt.cpuSeconds / parseCPU
            }
        } else {
            parse["translate_toolkit_units_s"] = NSNull()
            parse["ratio_vs_translate_toolkit"] = NSNull()
            Report.note("translate-toolkit not found (set VERBALE_PYTHON); baseline skipped")
        }
        Report.emit(parse)

        // Write: the units in memory first, then timed writing to a file.
        var all: [TranslationUnit] = []
        all.reserveCapacity(units)
        var reader = try MemoryFormat.makeReader(url: file)
        while let unit = try reader.next() { all.append(unit) }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("verbale-bench-write.tmx")
        defer { try? FileManager.default.removeItem(at: out) }
        var written = 0
        let (writeSeconds, writeCPU) = Timing.best(of: repeats) {
            do {
                let sink = try ByteSink(url: out)
                var writer = try TMXWriter(sink: sink, header: reader.header)
                for unit in all { try writer.write(unit) }
                try writer.finish()
                try sink.close()
                written = all.count
            } catch { failure = error }
        }
        if let failure { throw failure }
        let outSize = (try? FileManager.default.attributesOfItem(atPath: out.path)[.size] as? NSNumber)?.intValue ?? 0
        Report.emit(["benchmark": "tmx-write", "units": written, "verbale_units_s": Double(written) / writeSeconds,
                     "verbale_seconds": writeSeconds, "verbale_cpu_units_s": Double(written) / writeCPU,
                     "out_mb": Double(outSize) / 1e6, "target_units_s": 200_000, "load_average": Timing.loadAverage()])
        if generated { Report.note("kept \(file.path) for later runs (delete it to regenerate)") }
    }

    static func peakRSSMegabytes() -> Double {
        Timing.peakRSSMegabytes()
    }
}

/// Wall-clock and CPU time together: on a shared 2-core machine the wall clock measures the
/// neighbours as much as the code, so both are printed (and the load average beside them).
enum Timing {
    /// (best wall seconds, best CPU seconds of this process) over `repeats` runs.
    static func best(of repeats: Int, _ body: () -> Void) -> (Double, Double) {
        var wall = Double.infinity, cpu = Double.infinity
        for _ in 0..<max(repeats, 1) {
            let startCPU = cpuSeconds()
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            wall = min(wall, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            cpu = min(cpu, cpuSeconds() - startCPU)
        }
        return (wall, cpu)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    static func loadAverage() -> Double {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) > 0 ? loads[0] : -1
    }

    static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

/// Counts `<tu>` elements and nothing else: what XMLParser costs before any unit is built.
final class ElementCounter: NSObject, XMLParserDelegate {
    var units = 0
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        if elementName == "tu" { units += 1 }
    }
}

/// Times translate-toolkit's TMX parser from Python (`$VERBALE_PYTHON`, else /work/venv).
enum TranslateToolkitTimer {
    static func python() -> URL? {
        let candidates = [ProcessInfo.processInfo.environment["VERBALE_PYTHON"], "/work/venv/bin/python"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }

    /// Units, wall and CPU seconds, peak RSS (MB); nil when translate-toolkit is not importable.
    static func parse(python: URL, file: URL) throws -> (units: Int, seconds: Double, cpuSeconds: Double, rss: Double)? {
        let script = """
        import sys, time, json, resource
        try:
            from translate.storage import tmx
        except ImportError:
            print(json.dumps({"missing": True})); sys.exit(0)
        start, cpu = time.perf_counter(), time.process_time()
        store = tmx.tmxfile.parsefile(sys.argv[1])
        units = sum(1 for u in store.units if not u.isheader())
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(json.dumps({"units": units, "seconds": seconds, "cpu": cpu, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
        """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
              let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let units = json["units"] as? Int, let seconds = json["seconds"] as? Double else { return nil }
        return (units, seconds, json["cpu"] as? Double ?? seconds, json["rss"] as? Double ?? 0)
    }
}
