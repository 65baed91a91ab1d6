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
            file = try TMXGenerator.cachedFile(units: count, seed: seed)
            generated = true
        }
        let size = Measuring.fileSize(file)

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
        let outSize = Measuring.fileSize(out)
        Report.emit(["benchmark": "tmx-write", "units": written, "verbale_units_s": Double(written) / writeSeconds,
                     "verbale_seconds": writeSeconds, "verbale_cpu_units_s": Double(written) / writeCPU,
                     "out_mb": Double(outSize) / 1e6, "target_units_s": 200_000, "load_average": Timing.loadAverage()])
        if generated { Report.note("kept \(file.path) for later runs (delete it to regenerate)") }
    }

    static func peakRSSMegabytes() -> Double {
        Timing.peakRSSMegabytes()
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
