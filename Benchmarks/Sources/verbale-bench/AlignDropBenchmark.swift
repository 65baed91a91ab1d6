import Foundation
import VerbaleAlign
import VerbaleCore
import VerbaleFormats

/// `verbale-bench align-drop`: what the aligner does with a note whose translation lacks one
/// sentence (review 1130c M7), before and after the M7 changes, in one run.
///
/// Every note-length document pair (sentence-parallel real translations) is aligned once as it
/// is and once per target sentence with that sentence deleted, as `verbale align` aligns one
/// pair (shipped glossary concepts, per document). Per configuration it counts: trials whose
/// deleted sentence's source is left as a `1-0` bead (flagged: a sentence without counterpart
/// is always below 0.5); wrong beads at confidence ≥ 0.5 (stored `translated` by
/// `align --import`) and the trials having one; true beads below 0.5 (flagged for nothing); and
/// bead F1. Configurations: `before` turns `Options.assumesCognatesInShortPairs`,
/// `Options.capsUnsupportedBeads` and `Options.splitsPaddedMerges` off (the aligner of main
/// ca1bf3b), `1130c` turns only `splitsPaddedMerges` off (main 7f7eb08), `after` is the default;
/// the summary on stderr compares `1130c` with `after`.
///
/// Documents: `--notes DIR` (default `Tests/Fixtures/align/archive`), every `NAME.en.txt` with
/// its `NAME.fr.txt` / `NAME.km.txt`, segmented by `Segmenter` (pairs whose sentence counts
/// differ are skipped, named on stderr); windows of `--length N` (default 6) consecutive pairs
/// of Europarl's line-parallel stretches and of the gettext EN–KM messages, `--documents N`
/// (default 100) of each, spread evenly over the corpus.
enum AlignDropBenchmark: Benchmark {
    static let name = "align-drop"
    static let summary = "one sentence dropped from a note's translation, each in turn: flagged 1-0 beads and wrong unflagged pairs, before/after the M7 changes"

    static func run(arguments: [String]) throws {
        let length = option("--length", in: arguments) ?? 6
        let count = option("--documents", in: arguments) ?? 100
        let folder = URL(fileURLWithPath: string("--notes", in: arguments) ?? "Tests/Fixtures/align/archive")
        var corpora: [(String, [(AlignmentDocument, AlignmentDocument)])] = []
        for language in [Language.french, .khmer] {
            corpora.append(("notes en-\(language.rawValue) (\(folder.lastPathComponent))", try notes(in: folder, target: language)))
        }
        if let europarl = AlignmentEvaluation.europarlPairs() {
            corpora.append(("europarl en-fr line-parallel, \(length)-sentence windows",
                            windows(AlignmentEvaluation.lineParallelPairs(europarl), length: length, count: count, languages: (.english, .french))))
        }
        let enkm = GettextParallelText.rows(languages: [.english, .khmer]).compactMap { row in row[.khmer].map { (row[.english] ?? "", $0) } }
        if !enkm.isEmpty {
            corpora.append(("gettext en-km, \(length)-message windows", windows(enkm, length: length, count: count, languages: (.english, .khmer))))
        }
        for (corpus, documents) in corpora where !documents.isEmpty {
            let concepts = TermbaseConcepts.shipped?.read(for: [documents[0].0.language, documents[0].1.language]).concepts ?? []
            var tallies: [String: Tally] = [:]
            // `before`: main ca1bf3b's aligner; `1130c`: with review 1130c M7's prior and cap
            // (main 7f7eb08); `after`: also splitting padded merges (review 1130d M7).
            for (configuration, caps, splits) in [("before", false, false), ("1130c", true, false), ("after", true, true)] {
                let aligner = Aligner(options: .init(concepts: concepts, assumesCognatesInShortPairs: caps, capsUnsupportedBeads: caps,
                                                     splitsPaddedMerges: splits))
                var tally = Tally()
                for (source, target) in documents { try tally.add(source, target, aligner: aligner) }
                tallies[configuration] = tally
                Report.emit(["benchmark": "align-drop", "corpus": corpus, "configuration": configuration, "documents": documents.count,
                             "trials": tally.trials, "dropped_flagged_1_0": tally.caught, "wrong_unflagged_beads": tally.wrongUnflagged,
                             "trials_with_wrong_unflagged": tally.trialsWrong, "true_beads_flagged": tally.trueFlagged,
                             "intact_true_beads_flagged": tally.intactTrueFlagged, "intact_beads": tally.intactBeads,
                             "f1": tally.score.f1, "load_average": Timing.loadAverage()])
            }
            if let before = tallies["1130c"], let after = tallies["after"] {
                FileHandle.standardError.write(Data("""
                    \(corpus): \(documents.count) documents, \(after.trials) drops
                      dropped sentence flagged as 1-0:   \(before.caught) → \(after.caught)
                      wrong beads stored unflagged:      \(before.wrongUnflagged) → \(after.wrongUnflagged) (in \(before.trialsWrong) → \(after.trialsWrong) trials)
                      true beads flagged (drops):        \(before.trueFlagged) → \(after.trueFlagged)
                      true beads flagged (intact docs):  \(before.intactTrueFlagged) → \(after.intactTrueFlagged) of \(after.intactBeads)
                      bead F1 (drops):                   \(String(format: "%.4f → %.4f", before.score.f1, after.score.f1))

                    """.utf8))
            }
        }
    }

    /// Counts over trials of one configuration.
    struct Tally {
        var trials = 0, caught = 0, wrongUnflagged = 0, trialsWrong = 0, trueFlagged = 0
        var intactBeads = 0, intactTrueFlagged = 0
        var score = BeadScore()

        mutating func add(_ source: AlignmentDocument, _ target: AlignmentDocument, aligner: Aligner) throws {
            let sentences = target.sentences
            let intact = try aligner.align(source, target)
            intactBeads += intact.beads.count
            intactTrueFlagged += intact.beads.filter { $0.shape == .oneToOne && $0.source.lowerBound == $0.target.lowerBound && $0.confidence < 0.5 }.count
            for dropped in sentences.indices {
                var kept = sentences
                kept.remove(at: dropped)
                let damaged = AlignmentDocument(language: target.language, paragraphs: [kept])
                let result = try aligner.align(source, damaged)
                let gold = sentences.indices.map { i -> (Range<Int>, Range<Int>) in
                    i < dropped ? (i..<(i + 1), i..<(i + 1)) : i == dropped ? (i..<(i + 1), 0..<0) : (i..<(i + 1), (i - 1)..<i)
                }
                score.add(predicted: result.beads.map { ($0.source, $0.target) }, gold: gold)
                trials += 1
                if result.beads.contains(where: { $0.source == dropped..<(dropped + 1) && $0.target.isEmpty }) { caught += 1 }
                let truth = Set(gold.filter { !$0.1.isEmpty }.map { "\($0.0)/\($0.1)" })
                let wrong = result.beads.filter { !$0.shape.isNull && !truth.contains("\($0.source)/\($0.target)") && $0.confidence >= 0.5 }
                wrongUnflagged += wrong.count
                if !wrong.isEmpty { trialsWrong += 1 }
                trueFlagged += result.beads.filter { truth.contains("\($0.source)/\($0.target)") && $0.confidence < 0.5 }.count
            }
        }
    }

    /// `NAME.en.txt` beside `NAME.<target>.txt` in `folder`, each segmented into sentences.
    static func notes(in folder: URL, target: Language) throws -> [(AlignmentDocument, AlignmentDocument)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var pairs: [(AlignmentDocument, AlignmentDocument)] = []
        for name in names.sorted() where name.hasSuffix(".en.txt") {
            let stem = String(name.dropLast(".en.txt".count))
            let other = folder.appendingPathComponent("\(stem).\(target.rawValue).txt")
            guard FileManager.default.fileExists(atPath: other.path) else { continue }
            let english = try sentences(folder.appendingPathComponent(name), .english)
            let translation = try sentences(other, target)
            guard english.count == translation.count else {
                FileHandle.standardError.write(Data("align-drop: \(stem) en/\(target.rawValue): \(english.count) and \(translation.count) sentences, skipped\n".utf8))
                continue
            }
            pairs.append((AlignmentDocument(language: .english, paragraphs: [english]), AlignmentDocument(language: target, paragraphs: [translation])))
        }
        return pairs
    }

    static func sentences(_ file: URL, _ language: Language) throws -> [String] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return try Segmenter(language: language).segments(of: text).map(\.text)
    }

    /// `count` windows of `length` consecutive pairs, spread evenly over `pairs`.
    static func windows(_ pairs: [(String, String)], length: Int, count: Int, languages: (Language, Language)) -> [(AlignmentDocument, AlignmentDocument)] {
        let available = pairs.count / max(length, 1)
        guard available > 0 else { return [] }
        let step = max(available / max(count, 1), 1)
        return stride(from: 0, to: available, by: step).prefix(count).map { index in
            let slice = pairs[(index * length)..<((index + 1) * length)]
            return (AlignmentDocument(language: languages.0, paragraphs: [slice.map(\.0)]),
                    AlignmentDocument(language: languages.1, paragraphs: [slice.map(\.1)]))
        }
    }

    private static func string(_ name: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    private static func option(_ name: String, in arguments: [String]) -> Int? {
        string(name, in: arguments).flatMap { Int($0) }
    }
}
