import Foundation
import VerbaleCore

/// `verbale-bench tokenize [--mb N]`: tokenizer throughput in MB/s of UTF-8 for en, fr and km,
/// line by line (as the matcher tokenizes units), beside raw ICU word-break iteration over the
/// same lines, printed as a ratio; also with placeables merged, and for Khmer with the rules
/// alone (no learned model).
enum TokenizerBenchmark: Benchmark {
    static let name = "tokenize"
    static let summary = "tokenizer MB/s for en, fr, km vs raw ICU word breaks (--mb N, default 8)"

    static func run(arguments: [String]) throws {
        let megabytes = BenchmarkArguments(arguments).double("mb", default: 8)
        for language in Language.allCases {
            let lines = try BenchData.lines(for: language, megabytes: megabytes)
            let bytes = lines.reduce(0) { $0 + $1.utf8.count + 1 }
            let tokenizer = try Tokenizer(language: language)
            let icu = try BreakIterator(.word, locale: language.rawValue)
            var tokens = 0
            let ours = BenchClock.seconds { for line in lines { tokens += tokenizer.tokenize(line).count } }
            var placeableTokens = 0
            let merged = BenchClock.seconds { for line in lines { placeableTokens += tokenizer.tokenize(line, mergingPlaceables: true).count } }
            var boundaries = 0
            let raw = BenchClock.seconds { for line in lines { boundaries += icu.boundaries(in: line).count } }
            let mb = Double(bytes) / 1_000_000
            var rulesOnly: Double?
            if language == .khmer {
                let rules = try Tokenizer(language: .khmer, khmerWordBreaking: .icuAndRules)
                rulesOnly = mb / BenchClock.seconds { for line in lines { _ = rules.tokenize(line) } }
            }
            Report.emit([
                "benchmark": "tokenize", "language": language.rawValue, "megabytes": mb, "lines": lines.count, "tokens": tokens,
                "verbale_mb_per_s": mb / ours, "verbale_placeables_mb_per_s": mb / merged,
                "icu_word_break_mb_per_s": mb / raw, "ratio_to_icu": raw / ours, "ratio_placeables_to_icu": raw / merged,
            ].merging(rulesOnly.map { ["verbale_khmer_rules_only_mb_per_s": $0] } ?? [:]) { a, _ in a })
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
    static func lines(for language: Language, megabytes: Double) throws -> [String] {
        var source: [String] = []
        switch language {
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
