import Foundation

/// What finding (or missing) a word's learnt translation in a bead is worth, per link and
/// direction, as a log-likelihood ratio in nats: "these sentences translate each other" against
/// "they were paired at random".
///
/// For a link (s, t) and a bead whose source side holds s: if the bead is right, t is there with
/// probability `p₁ = c(s,t) / (c(s) + 1)` (counts from the training pairs, shrunk, at most 0.95);
/// if not, with the chance `p₀(k) = 1 − (1 − f)ᵏ` that any `k` target sentences hold t, `f` being
/// t's share of the target document's sentences. Found: `log(p₁/p₀)`; missing:
/// `log((1 − p₁)/(1 − p₀))`. So a frequent word ("the" ↔ "le") is worth little, a rare one much,
/// and a bigger bead does not buy matches for free; a `1-0` bead scores 0, so deletions compete
/// fairly. Both directions are counted, so `CostModel.lexicalWeight` (0.5) halves the sum. Links
/// where `p₁ ≤ p₀(1)` carry no information and score 0. Tables: O(links), by bead sizes 1…3.
struct LexicalScores: Sendable {
    /// Indexed `link * 3 + (k − 1)`: a source word's link looked for in k target sentences.
    var sourceFound: [Double]
    var sourceMissed: [Double]
    /// A target word's link looked for in k source sentences.
    var targetFound: [Double]
    var targetMissed: [Double]

    init(_ lexicon: TranslationLexicon, sourceSentences: [[Int32]], targetSentences: [[Int32]]) {
        let n = lexicon.links.count
        var sourceHolding = [Int](repeating: 0, count: n), targetHolding = [Int](repeating: 0, count: n)
        for sentence in sourceSentences {
            for word in sentence where lexicon.sourceLink[Int(word)] >= 0 { sourceHolding[Int(lexicon.sourceLink[Int(word)])] += 1 }
        }
        for sentence in targetSentences {
            for word in sentence where lexicon.targetLink[Int(word)] >= 0 { targetHolding[Int(lexicon.targetLink[Int(word)])] += 1 }
        }
        func tables(together: (TranslationLexicon.Link) -> Int, own: (TranslationLexicon.Link) -> Int, otherShare: (Int) -> Double) -> ([Double], [Double]) {
            var found = [Double](repeating: 0, count: 3 * n), missed = [Double](repeating: 0, count: 3 * n)
            for (index, link) in lexicon.links.enumerated() {
                let p1 = min(Double(together(link)) / Double(own(link) + 1), 0.95)
                let f = otherShare(index)
                for k in 1...3 {
                    let p0 = min(max(1 - pow(1 - f, Double(k)), 1e-3), 0.95)
                    guard p1 > p0 else { continue }
                    found[index * 3 + k - 1] = log(p1 / p0)
                    missed[index * 3 + k - 1] = log((1 - p1) / (1 - p0))
                }
            }
            return (found, missed)
        }
        let m = Double(max(targetSentences.count, 1)), s = Double(max(sourceSentences.count, 1))
        (sourceFound, sourceMissed) = tables(together: \.together, own: \.sourceCount, otherShare: { Double(targetHolding[$0]) / m })
        (targetFound, targetMissed) = tables(together: \.together, own: \.targetCount, otherShare: { Double(sourceHolding[$0]) / s })
    }

    /// Of a sentence's `links`, the `limit` worth most when found (`worth`: `sourceFound` or
    /// `targetFound`), uninformative ones dropped; sorted by id for the search's binary search.
    func mostTelling(_ links: [Int32], worth: [Double], limit: Int) -> [Int32] {
        let telling = links.filter { worth[Int($0) * 3] > 0 }
        guard telling.count > limit else { return telling }
        return telling.sorted { (worth[Int($0) * 3], $1) > (worth[Int($1) * 3], $0) }.prefix(limit).sorted()
    }
}
