import CICU
import Foundation
import VerbaleCore

/// `verbale-bench segment`: segmentation throughput (MB/s of UTF-8 input) for en, fr and km on a
/// ≥ 10 MB corpus built from `../shared/data`, beside raw ICU sentence iteration (same process,
/// same text) and pySBD (a Python subprocess, same documents, same run); then linearity on one
/// single-line input of 2, 5, 10 and 20 MB.
///
/// Options: `--mb N` corpus size (default 10), `--repeats N` (best of, interleaved, default 5),
/// `--pysbd-mb N` how much of the corpus pySBD gets (default 1; its rate is what counts),
/// `--no-pysbd`, `--no-linearity`, `--languages en,fr,km`.
enum SegmentBenchmark: Benchmark {
    static let name = "segment"
    static let summary = "segmentation MB/s (en, fr, km) vs raw ICU sentence breaks and pySBD; linearity"

    static func run(arguments: [String]) throws {
        let options = BenchmarkArguments(arguments)
        let megabytes = options.double("mb", default: 10)
        let repeats = options.int("repeats", default: 5)
        let languages = (options.values["languages"] ?? "en,fr,km").split(separator: ",").map(String.init)
        guard let root = SharedData.root else { Report.fail("../shared/data not found (set VERBALE_SHARED_DATA)") }

        for code in languages {
            guard let language = Language(rawValue: code) else { Report.fail("unknown language \(code)") }
            let documents = try SegmentCorpus.documents(language, root: root)
            guard !documents.isEmpty else { Report.fail("no \(code) text found under \(root.path)") }
            let corpus = SegmentCorpus.repeated(documents, toMegabytes: megabytes)
            let bytes = Double(corpus.utf8.count)
            let segmenter = try Segmenter(language: language)
            let icu = try RawICUSentences(locale: code)

            // Interleaved, best of `repeats` each: the machine is shared, so both sides should
            // see the same load. Ratios use thread CPU time, which other processes do not
            // stretch; wall-clock figures are printed beside them.
            var segmentCount = 0, icuCount = 0
            var icuWall = Double.infinity, icuCPU = Double.infinity, ourWall = Double.infinity, ourCPU = Double.infinity
            for _ in 0..<repeats {
                let i = Clock.measure { icuCount = icu.count(corpus) }
                let o = Clock.measure { segmentCount = segmenter.segments(of: corpus).count }
                icuWall = min(icuWall, i.wall); icuCPU = min(icuCPU, i.cpu)
                ourWall = min(ourWall, o.wall); ourCPU = min(ourCPU, o.cpu)
            }
            let mb = bytes / 1e6
            var fields: [String: Any] = [
                "benchmark": "segment", "language": code, "corpus_mb": mb,
                "verbale_mb_s": mb / ourWall, "verbale_mb_cpu_s": mb / ourCPU, "verbale_segments": segmentCount,
                "icu_mb_s": mb / icuWall, "icu_mb_cpu_s": mb / icuCPU, "icu_sentences": icuCount,
                "ratio_vs_icu": icuCPU / ourCPU, "ratio_vs_icu_wall": icuWall / ourWall,
                "load_average": loadAverage(),
            ]
            if !options.flag("no-pysbd"), let pysbd = PySBD.measure(documents: documents, language: code,
                                                                    megabytes: options.double("pysbd-mb", default: 1)) {
                fields["pysbd_mb_cpu_s"] = pysbd.megabytesPerSecond
                fields["pysbd_sample_mb"] = pysbd.megabytes
                fields["ratio_vs_pysbd"] = (mb / ourCPU) / pysbd.megabytesPerSecond
            } else {
                fields["pysbd_mb_cpu_s"] = NSNull()
                fields["ratio_vs_pysbd"] = NSNull()
            }
            Report.emit(fields)
        }
        if !options.flag("no-linearity") { try linearity(root: root, repeats: max(1, repeats - 2)) }
    }

    /// The 1-minute load average (how busy the shared machine was).
    static func loadAverage() -> Double {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) > 0 ? loads[0] : -1
    }

    /// One English line (every line break of the notes replaced by a space) cut to 2, 5, 10 and
    /// 20 MB; prints each time and the least-squares slope in CPU seconds per MB.
    static func linearity(root: URL, repeats: Int) throws {
        let english = try SegmentCorpus.documents(.english, root: root)
        let line = SegmentCorpus.repeated(english, toMegabytes: 20.5)
            .map { $0.isNewline ? " " : $0 }.reduce(into: "") { $0.append($1) }
        let segmenter = try Segmenter(language: .english)
        var points: [(mb: Double, seconds: Double)] = []
        for size in [2.0, 5.0, 10.0, 20.0] {
            let text = SegmentCorpus.prefix(line, megabytes: size)
            let mb = Double(text.utf8.count) / 1e6
            var cpu = Double.infinity, wall = Double.infinity
            for _ in 0..<repeats {
                let run = Clock.measure { _ = segmenter.segments(of: text) }
                cpu = min(cpu, run.cpu); wall = min(wall, run.wall)
            }
            points.append((mb, cpu))
            Report.emit(["benchmark": "segment-linearity", "input_mb": mb, "cpu_seconds": cpu, "wall_seconds": wall, "verbale_mb_cpu_s": mb / cpu])
        }
        let n = Double(points.count)
        let meanX = points.map(\.mb).reduce(0, +) / n, meanY = points.map(\.seconds).reduce(0, +) / n
        let sxy = points.map { ($0.mb - meanX) * ($0.seconds - meanY) }.reduce(0, +)
        let sxx = points.map { ($0.mb - meanX) * ($0.mb - meanX) }.reduce(0, +)
        let syy = points.map { ($0.seconds - meanY) * ($0.seconds - meanY) }.reduce(0, +)
        let slope = sxy / sxx
        let first = points[0], last = points[points.count - 1]
        Report.emit([
            "benchmark": "segment-linearity-fit", "slope_s_per_mb": slope, "intercept_s": meanY - slope * meanX,
            "r2": sxy * sxy / (sxx * syy),
            "rate_20mb_over_rate_2mb": (last.mb / last.seconds) / (first.mb / first.seconds),
        ])
    }
}

/// Raw ICU sentence iteration through CICU: the text to UTF-16, one pass of the sentence break
/// iterator — the floor the segmenter builds on (it does this pass, then the SRX rules).
final class RawICUSentences {
    private let iterator: OpaquePointer
    init(locale: String) throws {
        var status: Int32 = 0
        guard let iterator = cicu_break_open(Int32(CICU_BREAK_SENTENCE), locale, &status) else {
            throw BenchmarkError("ICU could not open a sentence iterator for \(locale) (status \(status))")
        }
        self.iterator = iterator
    }
    deinit { cicu_break_close(iterator) }

    /// Number of sentence boundaries ICU finds in `text`.
    func count(_ text: String) -> Int {
        let utf16 = Array(text.utf16)
        var status: Int32 = 0
        _ = utf16.withUnsafeBufferPointer { cicu_break_set_text(iterator, $0.baseAddress, Int32($0.count), &status) }
        let capacity = utf16.count + 1
        let positions = [Int32](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = Int(max(0, cicu_break_all(iterator, buffer.baseAddress, nil, Int32(capacity))))
        }
        return positions.count
    }
}
