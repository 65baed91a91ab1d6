import Foundation
import VerbaleCore

/// `verbale-bench tokenize [--mb N] [--repeats N] [--languages en,fr,km] [--corpus notes|europarl]`:
/// tokenizer throughput in MB/s of UTF-8 for en, fr and km, line by line (as the matcher
/// tokenizes units), beside two baselines printed as ratios: the same tokenizer on its pure-ICU
/// engine (`Tokenizer.Engine.icu`, the reference the fast path is proved equal to:
/// `ratio_fast_to_icu_path_cpu`) and raw ICU word-break iteration (`ratio_to_icu_cpu`); also
/// with placeables merged, and for Khmer with the rules alone (no learned model).
///
/// Each figure is the best of `--repeats` interleaved runs (default 3), as wall-clock and as this
/// thread's CPU time (`*_cpu_*`: steady on the shared machine, where other processes stretch
/// wall-clock time). Tokenizers are warmed up (ICU data, the learned model loaded) before timing.
enum TokenizerBenchmark: Benchmark {
    static let name = "tokenize"
    static let summary = "tokenizer MB/s for en, fr, km vs raw ICU word breaks (--mb N, default 8)"

    static func run(arguments: [String]) throws {
        let options = BenchmarkArguments(arguments)
        let megabytes = options.double("mb", default: 8)
        let repeats = max(1, options.int("repeats", default: 3))
        let codes = (options.values["languages"] ?? "en,fr,km").split(separator: ",").map(String.init)
        for code in codes {
            guard let language = Language(rawValue: code) else { throw BenchmarkError("unknown language \(code)") }
            let lines = try BenchData.lines(for: language, megabytes: megabytes, corpus: options.values["corpus"] ?? "notes")
            let bytes = lines.reduce(0) { $0 + $1.utf8.count + 1 }
            let tokenizer = try Tokenizer(language: language)
            let icuPath = try Tokenizer(language: language, engine: .icu)
            let rules = language == .khmer ? try Tokenizer(language: .khmer, khmerWordBreaking: .icuAndRules) : nil
            let icu = try BreakIterator(.word, locale: language.rawValue)
            for line in lines.prefix(50) {
                _ = tokenizer.tokenize(line, mergingPlaceables: true)
                _ = icuPath.tokenize(line, mergingPlaceables: true)
                _ = rules?.tokenize(line)
            }
            if let engine = options.values["profile"].flatMap(Tokenizer.Engine.init(rawValue:)) {
                // For `perf record`: only this engine, placeables merged, as the matcher calls it.
                let profiled = try Tokenizer(language: language, engine: engine)
                let time = Clock.measure { for _ in 0..<repeats { for line in lines { _ = profiled.tokenize(line, mergingPlaceables: true) } } }
                Report.emit(["benchmark": "tokenize-profile", "language": language.rawValue, "engine": engine.rawValue,
                             "cpu_mb_per_s": Double(bytes) * Double(repeats) / 1_000_000 / time.cpu])
                continue
            }
            var tokens = 0, placeableTokens = 0, boundaries = 0
            var ours = Best(), merged = Best(), raw = Best(), rulesOnly = Best(), reference = Best(), referenceMerged = Best()
            for _ in 0..<repeats {
                raw.add(Clock.measure { boundaries = 0; for line in lines { boundaries += icu.boundaries(in: line).count } })
                ours.add(Clock.measure { tokens = 0; for line in lines { tokens += tokenizer.tokenize(line).count } })
                merged.add(Clock.measure { placeableTokens = 0; for line in lines { placeableTokens += tokenizer.tokenize(line, mergingPlaceables: true).count } })
                reference.add(Clock.measure { for line in lines { _ = icuPath.tokenize(line) } })
                referenceMerged.add(Clock.measure { for line in lines { _ = icuPath.tokenize(line, mergingPlaceables: true) } })
                if let rules { rulesOnly.add(Clock.measure { for line in lines { _ = rules.tokenize(line) } }) }
            }
            let mb = Double(bytes) / 1_000_000
            var fields: [String: Any] = [
                "benchmark": "tokenize", "language": language.rawValue, "megabytes": mb, "lines": lines.count, "tokens": tokens,
                "verbale_mb_per_s": mb / ours.wall, "verbale_placeables_mb_per_s": mb / merged.wall,
                "icu_word_break_mb_per_s": mb / raw.wall, "ratio_to_icu": raw.wall / ours.wall, "ratio_placeables_to_icu": raw.wall / merged.wall,
                "verbale_cpu_mb_per_s": mb / ours.cpu, "verbale_placeables_cpu_mb_per_s": mb / merged.cpu,
                "icu_word_break_cpu_mb_per_s": mb / raw.cpu, "ratio_to_icu_cpu": raw.cpu / ours.cpu,
                "ratio_placeables_to_icu_cpu": raw.cpu / merged.cpu,
                "microseconds_per_line_cpu": ours.cpu / Double(lines.count) * 1e6,
                "load_average": SegmentBenchmark.loadAverage(),
                "corpus": language == .khmer ? "khpos" : options.values["corpus"] ?? "notes",
                "tokens_per_s_cpu": Double(tokens) / ours.cpu, "icu_path_tokens_per_s_cpu": Double(tokens) / reference.cpu,
                "icu_path_cpu_mb_per_s": mb / reference.cpu, "icu_path_placeables_cpu_mb_per_s": mb / referenceMerged.cpu,
                "ratio_fast_to_icu_path_cpu": reference.cpu / ours.cpu, "ratio_placeables_fast_to_icu_path_cpu": referenceMerged.cpu / merged.cpu,
                "ratio_fast_to_icu_path": reference.wall / ours.wall,
            ]
            if rules != nil {
                fields["verbale_khmer_rules_only_mb_per_s"] = mb / rulesOnly.wall
                fields["verbale_khmer_rules_only_cpu_mb_per_s"] = mb / rulesOnly.cpu
            }
            Report.emit(fields)
        }
    }

    /// The fastest wall-clock and CPU times seen (each the least disturbed by other processes).
    struct Best {
        var wall = Double.infinity, cpu = Double.infinity
        mutating func add(_ run: (wall: Double, cpu: Double)) {
            wall = min(wall, run.wall)
            cpu = min(cpu, run.cpu)
        }
    }
}

/// Corpora for benchmarks, built by repeating real texts from `../shared/data` (read in place).
enum BenchData {
    static var root: URL {
        if let path = ProcessInfo.processInfo.environment["VERBALE_SHARED_DATA"] { return URL(fileURLWithPath: path) }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let candidates = [here.appendingPathComponent("../shared/data"), here.appendingPathComponent("../../shared/data")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }?.standardizedFileURL ?? candidates[0]
    }

    /// Non-empty lines of the language's real texts, repeated to about `megabytes` of UTF-8.
    static func lines(for language: Language, megabytes: Double, corpus: String = "notes") throws -> [String] {
        var source: [String] = []
        switch language {
        case .english where corpus == "europarl", .french where corpus == "europarl":
            let file = root.appendingPathComponent("parallel/europarl-20k.\(language.rawValue)")
            source = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        case .english, .french:
            let folder = root.appendingPathComponent("notes")
            let prefix = language == .english ? "en-" : "fr-"
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasPrefix(prefix) || (language == .english && file.hasPrefix("seed")) {
                source += try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").map(String.init)
            }
        case .khmer:
            let reference = try String(contentsOf: root.appendingPathComponent("khmer/khpos-train-sample.word"), encoding: .utf8)
            source = reference.split(separator: "\n").map { WordSegmentationScore.text(ofReference: $0) }
        }
        source = source.filter { !$0.allSatisfy(\.isWhitespace) }
        guard !source.isEmpty else { throw BenchmarkError("no \(language.englishName) text under \(root.path)") }
        let target = Int(megabytes * 1_000_000)
        var lines: [String] = []
        var size = 0
        while size < target {
            for line in source where size < target {
                lines.append(line)
                size += line.utf8.count + 1
            }
        }
        return lines
    }
}

enum BenchClock {
    /// Wall-clock seconds `body` takes.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
