import Foundation
import VerbaleCore

/// Runs the aligner over evaluation documents and scores its beads; the benchmark and the tests
/// share it so that they measure the same thing.
public enum AlignmentEvaluation {
    /// Aligns every document and adds its beads to one score. O(total sentences · band).
    public static func score(_ documents: [EvaluationDocument], aligner: Aligner = Aligner()) throws -> BeadScore {
        var score = BeadScore()
        for document in documents {
            let result = try aligner.align(document.source, document.target)
            score.add(predicted: result.beads.map { ($0.source, $0.target) }, gold: document.gold.map { ($0.source, $0.target) })
        }
        return score
    }

    /// Aligns the documents as one archive (`Aligner.align(archive:)`: one lexicon learnt from
    /// all of them, no gold used) and scores each; the per-document scores, in order.
    public static func archiveScores(_ documents: [EvaluationDocument], aligner: Aligner = Aligner()) throws -> [BeadScore] {
        let results = try aligner.align(archive: documents.map { ($0.source, $0.target) })
        return zip(documents, results).map { document, result in
            var score = BeadScore()
            score.add(predicted: result.beads.map { ($0.source, $0.target) }, gold: document.gold.map { ($0.source, $0.target) })
            return score
        }
    }

    /// Europarl sentence pairs from `../shared/data/parallel/europarl-20k.{en,fr}`, pairs with an
    /// empty side dropped; nil when the shared data is absent.
    public static func europarlPairs() -> [(String, String)]? {
        guard let en = SharedData.file("parallel/europarl-20k.en"), let fr = SharedData.file("parallel/europarl-20k.fr"),
              let english = try? String(contentsOf: en, encoding: .utf8), let french = try? String(contentsOf: fr, encoding: .utf8)
        else { return nil }
        let e = english.split(separator: "\n", omittingEmptySubsequences: false)
        let f = french.split(separator: "\n", omittingEmptySubsequences: false)
        return zip(e, f).compactMap { a, b in
            let x = a.trimmingWhitespace(), y = b.trimmingWhitespace()
            return x.isEmpty || y.isEmpty ? nil : (x, y)
        }
    }

    /// Turns sentence links (i, j), as NLTK's `align_blocks` returns them, into beads: linked
    /// sentences that share a partner form one bead; unlinked sentences are `1-0`/`0-1` beads.
    public static func beads(fromLinks links: [(Int, Int)], sourceCount: Int, targetCount: Int) -> [(Range<Int>, Range<Int>)] {
        var beads: [(Range<Int>, Range<Int>)] = []
        var sourceLinked = [Bool](repeating: false, count: sourceCount)
        var targetLinked = [Bool](repeating: false, count: targetCount)
        var current: (Range<Int>, Range<Int>)?
        for (i, j) in links.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) where i < sourceCount && j < targetCount {
            sourceLinked[i] = true
            targetLinked[j] = true
            if let bead = current, bead.0.contains(i) || bead.1.contains(j) {
                current = (min(bead.0.lowerBound, i)..<max(bead.0.upperBound, i + 1), min(bead.1.lowerBound, j)..<max(bead.1.upperBound, j + 1))
            } else {
                if let bead = current { beads.append(bead) }
                current = (i..<(i + 1), j..<(j + 1))
            }
        }
        if let bead = current { beads.append(bead) }
        for i in 0..<sourceCount where !sourceLinked[i] { beads.append((i..<(i + 1), 0..<0)) }
        for j in 0..<targetCount where !targetLinked[j] { beads.append((0..<0, j..<(j + 1))) }
        return beads
    }
}

extension AlignmentEvaluation {
    /// How parallel a stretch of a line-aligned corpus really is: the share of its lines whose
    /// own partner shares more word beginnings with them (first four letters, accents dropped,
    /// and numbers) than any partner up to `reach` lines away does.
    ///
    /// Why: `europarl-20k` has stretches where the English and French lines are not translations
    /// of each other (a debate out of step by a few lines, or entirely); documents cut from them
    /// have a "true" alignment that is false, and any aligner's F1 there measures the corpus,
    /// not the aligner. The test looks only at the undamaged corpus, before any aligner runs,
    /// with a signal of its own. Aligned prose scores 0.6–0.9; a stretch out of step, below 0.15.
    /// O(lines · reach · words).
    public static func lineParallelShare(_ pairs: ArraySlice<(String, String)>, reach: Int = 3) -> Double {
        let wins = diagonalWins(Array(pairs), reach: reach)
        return wins.isEmpty ? 0 : Double(wins.filter { $0 }.count) / Double(wins.count)
    }

    /// The pairs of `pairs` that lie in line-parallel stretches: a pair is kept when, among the
    /// `window` lines centred on it, at least `minimumWins` pass `lineParallelShare`'s test
    /// (so one loose translation in aligned text stays; a stretch out of step goes).
    public static func lineParallelPairs(_ pairs: [(String, String)], reach: Int = 3, window: Int = 9, minimumWins: Int = 4) -> [(String, String)] {
        let wins = diagonalWins(pairs, reach: reach)
        var prefix = [0]
        for win in wins { prefix.append((prefix.last ?? 0) + (win ? 1 : 0)) }
        return pairs.indices.compactMap { i in
            let low = max(0, i - window / 2), high = min(pairs.count, i + window / 2 + 1)
            return prefix[high] - prefix[low] >= minimumWins ? pairs[i] : nil
        }
    }

    /// Per line: whether its own partner is its best match among the partners `reach` lines around.
    static func diagonalWins(_ pairs: [(String, String)], reach: Int) -> [Bool] {
        func keys(_ text: String) -> Set<String> {
            var result = Set<String>()
            for word in text.split(whereSeparator: \.isWhitespace) {
                let folded = word.lowercased().folding(options: .diacriticInsensitive, locale: nil).filter { $0.isLetter || $0.isNumber }
                if folded.count >= 4 || (!folded.isEmpty && folded.allSatisfy(\.isNumber)) { result.insert(String(folded.prefix(4))) }
            }
            return result
        }
        let source = pairs.map { keys($0.0) }, target = pairs.map { keys($0.1) }
        func similarity(_ i: Int, _ j: Int) -> Double {
            guard target.indices.contains(j) else { return 0 }
            return Double(source[i].intersection(target[j]).count) / Double(max(1, min(source[i].count, target[j].count)))
        }
        return source.indices.map { i in
            let own = similarity(i, i)
            let others = (1...max(reach, 1)).flatMap { [similarity(i, i - $0), similarity(i, i + $0)] }
            return own > (others.max() ?? 0)
        }
    }
}
