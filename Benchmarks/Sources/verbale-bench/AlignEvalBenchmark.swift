import Foundation
import VerbaleAlign
import VerbaleCore
import VerbaleFormats

/// `verbale-bench align-eval`: bead precision/recall/F1 of the aligner on documents with a known
/// alignment, beside NLTK's plain Gale–Church on the same documents, and alignment speed.
///
/// Corpora: Europarl EN–FR (`../shared/data/parallel`), and EN–KM / FR–KM from the gettext
/// catalogues installed on the machine (`/usr/share/locale/{km,fr}`). Options:
/// `--documents N` (Europarl documents, default 200), `--seed S` (default 2; seed 1 is the
/// development set the weights were set on), `--no-baseline`, `--speed-only`, `--size N`
/// (sentences per side for the speed run, default 5000); ablations `--no-paragraphs`,
/// `--no-anchors`, `--no-split`, `--no-padded-split`, `--no-bootstrap`; `--corpora europarl,line-parallel,en-km,fr-km`
/// runs only the lines named, `--no-speed` skips the speed run. Each corpus is scored per document and as one archive
/// (`Aligner.align(archive:)`, one lexicon learnt from all its documents).
enum AlignEvalBenchmark: Benchmark {
    static let name = "align-eval"
    static let summary = "aligner bead precision/recall/F1 (Europarl EN-FR, gettext EN-KM, FR-KM) and speed, beside NLTK's Gale-Church"

    static func run(arguments: [String]) throws {
        let documents = option("--documents", in: arguments) ?? 200
        let seed = UInt64(option("--seed", in: arguments) ?? 2)
        let size = option("--size", in: arguments) ?? 5_000
        let baseline = !arguments.contains("--no-baseline")
        guard let europarl = AlignmentEvaluation.europarlPairs() else {
            print(#"{"benchmark": "align-eval", "skipped": "../shared/data is absent"}"#)
            return
        }
        var options = Aligner.Options()
        if arguments.contains("--no-paragraphs") { options.paragraphsFirst = false }
        if arguments.contains("--no-split") { options.splitsSupportedBeads = false }
        if arguments.contains("--no-padded-split") { options.splitsPaddedMerges = false }
        if arguments.contains("--no-bootstrap") { options.bootstrapsSmallLexicons = false }
        if arguments.contains("--no-anchors") {
            options.costModel = CostModel(strongMatch: 0, strongMismatch: 0, nameMatch: 0, markMatch: 0, markMismatch: 0)
        }
        // `--cost name=value` overrides one weight of the default cost model (for ablations).
        for (index, argument) in arguments.enumerated() where argument == "--cost" && index + 1 < arguments.count {
            let parts = arguments[index + 1].split(separator: "=")
            guard parts.count == 2, let value = Double(parts[1]) else { continue }
            var costs = options.costModel ?? CostModel()
            switch parts[0] {
            case "strongMatch": costs.strongMatch = value
            case "strongMismatch": costs.strongMismatch = value
            case "nameMatch": costs.nameMatch = value
            case "markMatch": costs.markMatch = value
            case "markMismatch": costs.markMismatch = value
            case "null": costs.priors[BeadShape(1, 0)] = -log(value); costs.priors[BeadShape(0, 1)] = -log(value)
            case "nullLengthWeight": costs.nullLengthWeight = value
            case "cognateWeight": costs.cognateWeight = value
            case "lexicalWeight": costs.lexicalWeight = value
            case "lexicalFloor": costs.lexicalFloor = value
            default: continue
            }
            options.costModel = costs
        }
        aligner = Aligner(options: options)
        showErrors = option("--show-errors", in: arguments) ?? 0
        archiveErrors = arguments.contains("--archive-errors")
        // `--corpora europarl,line-parallel,en-km,fr-km`: the lines to run (all by default).
        let corpora = Set((string("--corpora", in: arguments) ?? "europarl,line-parallel,en-km,fr-km").split(separator: ",").map(String.init))
        if !arguments.contains("--speed-only") {
            if corpora.contains("europarl") {
                let fr = TestDocuments(documents: documents, length: 100).make(pairs: europarl, languages: (.english, .french), seed: seed)
                try report("europarl en-fr", fr, baseline: baseline)
            }
            // Stretches where europarl-20k's lines are out of step give a false gold alignment:
            // the same recipe on the pairs in line-parallel stretches only (`lineParallelPairs`,
            // decided on the undamaged corpus before any aligner runs).
            if corpora.contains("line-parallel") {
                let verified = AlignmentEvaluation.lineParallelPairs(europarl)
                FileHandle.standardError.write(Data("europarl: \(verified.count) of \(europarl.count) pairs in line-parallel stretches\n".utf8))
                let frVerified = TestDocuments(documents: documents, length: 100).make(pairs: verified, languages: (.english, .french), seed: seed)
                try report("europarl en-fr line-parallel", frVerified, baseline: baseline)
            }
            if corpora.contains("en-km") {
                let enkm = GettextParallelText.rows(languages: [.english, .khmer]).compactMap { row in row[.khmer].map { (row[.english] ?? "", $0) } }
                let km = TestDocuments(documents: 200, length: 40, threeWayMerges: true).make(pairs: enkm, languages: (.english, .khmer), seed: seed)
                try report("gettext en-km", km, baseline: baseline)
            }
            if corpora.contains("fr-km") {
                let frkm = GettextParallelText.rows(languages: [.english, .french, .khmer]).compactMap { row -> (String, String)? in
                    guard let f = row[.french], let k = row[.khmer] else { return nil }
                    return (f, k)
                }
                let fk = TestDocuments(documents: 200, length: 40, threeWayMerges: true).make(pairs: frkm, languages: (.french, .khmer), seed: seed)
                try report("gettext fr-km", fk, baseline: baseline)
            }
        }
        if !arguments.contains("--no-speed") { try speed(europarl, size: size, baseline: baseline) }
    }

    nonisolated(unsafe) static var aligner = Aligner()
    /// `--show-errors N`: print the wrong beads of the first N documents of each corpus on stderr.
    nonisolated(unsafe) static var showErrors = 0
    /// `--archive-errors`: show the errors of the archive alignment rather than the per-document one.
    nonisolated(unsafe) static var archiveErrors = false

    /// Prints one line: both tools' scores on `documents` (scored per document, then summed).
    private static func report(_ corpus: String, _ documents: [EvaluationDocument], baseline: Bool) throws {
        let clock = ContinuousClock()
        var ours: [BeadScore] = []
        var seconds: [Double] = []
        for document in documents {
            var score = BeadScore()
            seconds.append(try clock.measure { score = try AlignmentEvaluation.score([document], aligner: aligner) }.seconds)
            ours.append(score)
        }
        // The same documents aligned as one archive (one lexicon learnt from all of them).
        var archive: [BeadScore] = []
        let archiveSeconds = try clock.measure { archive = try AlignmentEvaluation.archiveScores(documents, aligner: aligner) }.seconds
        if showErrors > 0 {
            let results = archiveErrors ? try aligner.align(archive: documents.map { ($0.source, $0.target) }) : nil
            try printErrors(corpus, Array(documents.prefix(showErrors)), archive: results)
        }
        let theirs = baseline ? nltk(documents) : nil
        func line(_ name: String, _ keep: [Bool]) -> String {
            let chosen = documents.indices.filter { keep[$0] }
            let sentences = chosen.reduce(0) { $0 + documents[$1].source.sentences.count + documents[$1].target.sentences.count }
            let score = chosen.reduce(into: BeadScore()) { $0.add(ours[$1]) }
            var line = "{\"benchmark\": \"align-eval\", \"corpus\": \"\(name)\", \"documents\": \(chosen.count), \"sentences\": \(sentences), \"gold_beads\": \(score.expected), "
            line += "\"verbale\": \(json(score, seconds: chosen.reduce(0) { $0 + seconds[$1] })), "
            line += "\"verbale_archive\": \(json(chosen.reduce(into: BeadScore()) { $0.add(archive[$1]) }, seconds: archiveSeconds))"
            if let (scores, times) = theirs {
                let their = chosen.reduce(into: BeadScore()) { $0.add(scores[$1]) }
                line += ", \"baseline\": {\"name\": \"nltk.translate.gale_church\", \"score\": \(json(their, seconds: chosen.reduce(0) { $0 + times[$1] }))}"
                line += String(format: ", \"f1_difference\": %.4f", score.f1 - their.f1)
            } else if baseline {
                line += ", \"baseline\": \"unavailable (set VERBALE_PYTHON to a Python with nltk)\""
            }
            return line + "}"
        }
        print(line(corpus, documents.map { _ in true }))
    }

    /// The beads the aligner got wrong, beside the true ones, with the sentences' beginnings.
    private static func printErrors(_ corpus: String, _ documents: [EvaluationDocument], archive: [PairAlignment]?) throws {
        func text(_ sentences: [String], _ range: Range<Int>) -> String {
            range.map { "[\($0)] " + String(sentences[$0].prefix(70)) }.joined(separator: " | ")
        }
        func key(_ s: Range<Int>, _ t: Range<Int>) -> String { "\(s.isEmpty ? "-" : "\(s)")/\(t.isEmpty ? "-" : "\(t)")" }
        for (index, document) in documents.enumerated() {
            let result = try archive?[index] ?? aligner.align(document.source, document.target)
            let source = document.source.sentences, target = document.target.sentences
            let gold = Set(document.gold.map { key($0.source, $0.target) })
            let predicted = Set(result.beads.map { key($0.source, $0.target) })
            let wrong = result.beads.filter { !gold.contains(key($0.source, $0.target)) }
            let missed = document.gold.filter { !predicted.contains(key($0.source, $0.target)) }
            guard !wrong.isEmpty || !missed.isEmpty else { continue }
            var lines = "== \(corpus) document \(index)\n"
            for bead in missed { lines += "  gold \(bead.shape) \(key(bead.source, bead.target))\n     S: \(text(source, bead.source))\n     T: \(text(target, bead.target))\n" }
            for bead in wrong { lines += "  ours \(bead.shape) \(key(bead.source, bead.target)) conf \(bead.confidence)\n     S: \(text(source, bead.source))\n     T: \(text(target, bead.target))\n" }
            FileHandle.standardError.write(Data(lines.utf8))
        }
    }

    /// One long document pair (a single paragraph, the worst case for the band): our time for
    /// `size` sentences, and both tools on 1,000 sentences for a like-for-like ratio.
    private static func speed(_ pairs: [(String, String)], size: Int, baseline: Bool) throws {
        let clock = ContinuousClock()
        func oneParagraph(_ n: Int) -> EvaluationDocument? {
            guard var document = TestDocuments(documents: 1, length: n).make(pairs: pairs, languages: (.english, .french), seed: 7).first else { return nil }
            document.source = AlignmentDocument(language: .english, paragraphs: [document.source.sentences])
            document.target = AlignmentDocument(language: .french, paragraphs: [document.target.sentences])
            return document
        }
        guard let big = oneParagraph(min(size, pairs.count)), let small = oneParagraph(1_000) else { return }
        var bigScore = BeadScore(), smallScore = BeadScore()
        let cpuBefore = cpuSeconds()
        let bigTime = try clock.measure { bigScore = try AlignmentEvaluation.score([big], aligner: aligner) }
        let bigCPU = cpuSeconds() - cpuBefore
        let smallTime = try clock.measure { smallScore = try AlignmentEvaluation.score([small], aligner: aligner) }
        var line = "{\"benchmark\": \"align-speed\", \"sentences\": [\(big.source.sentences.count), \(big.target.sentences.count)], "
        line += String(format: "\"verbale_seconds\": %.3f, \"verbale_cpu_seconds\": %.3f, \"verbale_f1\": %.4f, \"max_rss_mb\": %.1f, ",
                       bigTime.seconds, bigCPU, bigScore.f1, maxResidentMegabytes())
        line += String(format: "\"verbale_seconds_1000\": %.3f, \"verbale_f1_1000\": %.4f", smallTime.seconds, smallScore.f1)
        if baseline, let (scores, times) = nltk([small]), let theirs = scores.first, let seconds = times.first {
            line += String(format: ", \"baseline\": \"nltk.translate.gale_church\", \"baseline_seconds_1000\": %.3f, \"baseline_f1_1000\": %.4f, \"speedup_1000\": %.1f",
                           seconds, theirs.f1, seconds / max(smallTime.seconds, 1e-9))
        }
        print(line + "}")
    }

    /// Runs `Benchmarks/Scripts/gale_church_baseline.py`; nil when Python or NLTK is missing.
    private static func nltk(_ documents: [EvaluationDocument]) -> ([BeadScore], [Double])? {
        let environment = ProcessInfo.processInfo.environment
        let python = environment["VERBALE_PYTHON"] ?? "/work/venv/bin/python"
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/gale_church_baseline.py")
        guard FileManager.default.isExecutableFile(atPath: python), FileManager.default.fileExists(atPath: script.path) else { return nil }
        struct Request: Encodable { var documents: [Document]; struct Document: Encodable { var source: [[String]]; var target: [[String]] } }
        struct Response: Decodable { var documents: [Document]; struct Document: Decodable { var links: [[Int]]; var seconds: Double } }
        let request = Request(documents: documents.map { .init(source: $0.source.paragraphs, target: $0.target.paragraphs) })
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("align-eval-\(ProcessInfo.processInfo.processIdentifier).json")
        defer { try? FileManager.default.removeItem(at: input) }
        guard let data = try? JSONEncoder().encode(request), (try? data.write(to: input)) != nil,
              let handle = try? FileHandle(forReadingFrom: input) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path]
        process.standardInput = handle
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        guard (try? process.run()) != nil else { return nil }
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let response = try? JSONDecoder().decode(Response.self, from: result),
              response.documents.count == documents.count else { return nil }
        var scores: [BeadScore] = []
        for (document, answer) in zip(documents, response.documents) {
            let links = answer.links.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
            var score = BeadScore()
            score.add(predicted: AlignmentEvaluation.beads(fromLinks: links, sourceCount: document.source.sentences.count, targetCount: document.target.sentences.count),
                      gold: document.gold.map { ($0.source, $0.target) })
            scores.append(score)
        }
        return (scores, response.documents.map(\.seconds))
    }

    /// CPU time of this process: on a shared machine, wall time also counts the others' work.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    private static func maxResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    private static func json(_ score: BeadScore, seconds: Double) -> String {
        String(format: "{\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f, \"correct\": %d, \"predicted\": %d, \"seconds\": %.3f}",
               score.precision, score.recall, score.f1, score.correct, score.predicted, seconds)
    }

    private static func string(_ name: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    private static func option(_ name: String, in arguments: [String]) -> Int? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return Int(arguments[index + 1])
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
