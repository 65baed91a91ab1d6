import Foundation

/// Word translations learnt from the trusted 1-1 beads of one document pair or a whole archive
/// (`Aligner.align(archive:)`), the way hunalign bootstraps its dictionary:
/// from the sentence pairs a first alignment trusts.
///
/// Method: count, over the training pairs, how often each source word, each target word and each
/// pair of them occur (a sentence counts a word once); score each pair seen together at least
/// `minimumTogether` times by Dice, `2·c(s,t) / (c(s) + c(t))`; then link greedily, best Dice
/// first, each word at most once (Melamed's competitive linking), down to `minimumDice`. One-to-one
/// links keep the bead score a count of shared link ids, as cheap as the cognate test. Requiring
/// two co-occurrences keeps a pair seen in one bead only (every pair of a sentence's rare words)
/// from merely confirming that bead. Cost: O(Σ |s|·|t|) over the training pairs for the counts (in
/// a hash table), O(p log p) for the p candidate pairs.
struct TranslationLexicon: Sendable {
    struct Link: Sendable, Equatable {
        var source: Int32
        var target: Int32
        var together: Int
        var sourceCount: Int
        var targetCount: Int
    }

    var links: [Link]
    /// Link id of each source / target word id, or -1.
    var sourceLink: [Int32]
    var targetLink: [Int32]

    static func learned(from pairs: [([Int32], [Int32])], sourceVocabulary: Int, targetVocabulary: Int,
                        minimumTogether: Int = 2, minimumDice: Double = 0.3) -> TranslationLexicon {
        var sourceCounts = [Int](repeating: 0, count: sourceVocabulary)
        var targetCounts = [Int](repeating: 0, count: targetVocabulary)
        for (s, t) in pairs {
            for word in s { sourceCounts[Int(word)] += 1 }
            for word in t { targetCounts[Int(word)] += 1 }
        }
        var together: [Int64: Int] = [:]
        for (s, t) in pairs {
            let sources = s.filter { sourceCounts[Int($0)] >= minimumTogether }
            let targets = t.filter { targetCounts[Int($0)] >= minimumTogether }
            for a in sources {
                for b in targets { together[Int64(a) << 32 | Int64(b), default: 0] += 1 }
            }
        }
        var candidates: [(dice: Double, link: Link)] = []
        for (key, count) in together where count >= minimumTogether {
            let s = Int32(key >> 32), t = Int32(key & 0xFFFF_FFFF)
            let cs = sourceCounts[Int(s)], ct = targetCounts[Int(t)]
            let dice = 2 * Double(count) / Double(cs + ct)
            if dice >= minimumDice {
                candidates.append((dice, Link(source: s, target: t, together: count, sourceCount: cs, targetCount: ct)))
            }
        }
        candidates.sort { a, b in
            a.dice != b.dice ? a.dice > b.dice : (a.link.together != b.link.together ? a.link.together > b.link.together
                                                  : (a.link.source, a.link.target) < (b.link.source, b.link.target))
        }
        var sourceLink = [Int32](repeating: -1, count: sourceVocabulary)
        var targetLink = [Int32](repeating: -1, count: targetVocabulary)
        var links: [Link] = []
        for (_, link) in candidates where sourceLink[Int(link.source)] < 0 && targetLink[Int(link.target)] < 0 {
            sourceLink[Int(link.source)] = Int32(links.count)
            targetLink[Int(link.target)] = Int32(links.count)
            links.append(link)
        }
        return TranslationLexicon(links: links, sourceLink: sourceLink, targetLink: targetLink)
    }

    /// The link ids of a sentence's words, sorted.
    func sourceLinks(_ words: [Int32]) -> [Int32] {
        words.compactMap { sourceLink[Int($0)] >= 0 ? sourceLink[Int($0)] : nil }.sorted()
    }

    func targetLinks(_ words: [Int32]) -> [Int32] {
        words.compactMap { targetLink[Int($0)] >= 0 ? targetLink[Int($0)] : nil }.sorted()
    }
}
