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
