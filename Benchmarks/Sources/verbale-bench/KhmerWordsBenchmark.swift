import Foundation
import VerbaleCore

/// `verbale-bench khmer-words`: Khmer word segmentation quality and speed on the khPOS sample
/// (1,000 human-segmented sentences, used for measuring only), for Verbale's tokenizer, ICU's
/// dictionary alone and khmer-nltk's CRF (`khmernltk.word_tokenize`, run by the Python in
/// `VERBALE_PYTHON` or /work/venv/bin/python) on the same sentences in the same run.
enum KhmerWordsBenchmark: Benchmark {
    static let name = "khmer-words"
    static let summary = "Khmer word segmentation F1 and speed on khPOS: Verbale vs ICU vs khmer-nltk"

    static func run(arguments: [String]) throws {
        let reference = try String(contentsOf: BenchData.root.appendingPathComponent("khmer/khpos-train-sample.word"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.isEmpty }
        let texts = reference.map { WordSegmentationScore.text(ofReference: $0) }

        for breaking in [Tokenizer.KhmerWordBreaking.learned, .icuAndRules] {
            let tokenizer = try Tokenizer(language: .khmer, khmerWordBreaking: breaking)
            _ = tokenizer.tokenize(texts[0])
            var verbaleWords: [[String]] = []
            let verbaleSeconds = BenchClock.seconds { verbaleWords = texts.map { tokenizer.tokenize($0).map(\.text) } }
            report(breaking == .learned ? "verbale" : "verbale-rules-only", reference, verbaleWords, verbaleSeconds)
        }

        let icu = try BreakIterator(.word, locale: "km")
        var icuWords: [[String]] = []
        let icuSeconds = BenchClock.seconds {
            icuWords = texts.map { text in
                let utf16 = Array(text.utf16)
                var start = 0
                return icu.boundaries(utf16: utf16).map { boundary in
                    defer { start = boundary.utf16Offset }
                    return String(decoding: utf16[start..<boundary.utf16Offset], as: UTF16.self)
                }
            }
        }
        report("icu", reference, icuWords, icuSeconds)

        if let (nltkWords, seconds) = try khmerNLTK(texts) {
            report("khmer-nltk", reference, nltkWords, seconds)
        } else {
            Report.emit(["benchmark": "khmer-words", "segmenter": "khmer-nltk", "skipped": "no Python with khmernltk"])
        }
    }

    static func report(_ name: String, _ reference: [Substring], _ words: [[String]], _ seconds: Double) {
        var score = WordSegmentationScore()
        var mismatched = 0
        for (line, predicted) in zip(reference, words) where !score.add(reference: line, predicted: predicted) { mismatched += 1 }
        Report.emit([
            "benchmark": "khmer-words", "segmenter": name, "sentences": score.sentences, "mismatched_sentences": mismatched,
            "boundary_f1": score.boundaryF1, "word_f1": score.wordF1, "seconds": seconds,
            "sentences_per_s": Double(reference.count) / seconds,
        ])
    }

    /// khmer-nltk's words for each text, and the seconds its segmentation took (model loading
    /// excluded, measured inside Python); nil when no Python with khmernltk is available.
    static func khmerNLTK(_ texts: [String]) throws -> ([[String]], Double)? {
        let environment = ProcessInfo.processInfo.environment
        let python = environment["VERBALE_PYTHON"] ?? "/work/venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
        let script = """
        import sys, time, json, logging
        logging.disable(logging.CRITICAL)
        import khmernltk
        lines = sys.stdin.read().split("\\n")
        khmernltk.word_tokenize(lines[0])
        start = time.perf_counter()
        out = [khmernltk.word_tokenize(l) for l in lines]
        seconds = time.perf_counter() - start
        print(json.dumps({"seconds": seconds, "words": out}, ensure_ascii=False))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(texts.joined(separator: "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let seconds = object["seconds"] as? Double, let words = object["words"] as? [[String]] else { return nil }
        return (words, seconds)
    }
}
