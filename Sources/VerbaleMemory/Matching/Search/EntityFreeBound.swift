/// Rules out, from the index alone, the memory entries that cannot reach the threshold against
/// a query with glossary entities *if they hold no entity* — so the entity path recognises
/// entities in them but never tokenizes or aligns them.
///
/// Why: a query that is little more than an entity ("Kingdom of Thailand") leaves the word
/// bound `FilterBound.entityRequirement` at `need − E ≤ 0`, so every short entry is a
/// candidate; most of them hold no entity and share nothing with the query's other words.
///
/// **Claim.** Let the merged query (entities as `#entity` tokens, `MatchText`) have `n′`
/// content tokens, and let a memory entry with `m` content words hold no glossary entity
/// (recognition finds none). If the entry's entity-level score reaches `t`, then the multiset
/// intersection of the content classes of the merged query and of the entry's stored tokens is
/// at least `need(max(n′, m))`.
///
/// **Proof.** With no entity found, `MatchText(…, entities: [])` is the plain analysis of the
/// entry, whose tokens are those the index stored for it (same tokenizer, same text), so its
/// merged form has `m′ = m` content tokens with the stored classes. The entity-level score is
/// the ordinary score of the two merged sequences, and `FilterBound`'s claim holds for any two
/// token sequences: score ≥ t ⇒ shared content classes ≥ need(max(n′, m′)). ∎
///
/// The query's classes are looked up in the index's vocabulary: a query token whose class the
/// vocabulary lacks (an `#entity` token, a word no entry has) cannot be shared with any stored
/// token, so it counts for nothing, as in the claim. An entry the bound rejects is still scored
/// when recognition finds an entity in it — the bound says nothing about those.
///
/// Cost: building O(n′); `admits` O(m) over the entry's stored tokens, no text, no allocation
/// after the first call.
struct EntityFreeBound {
    private var classes: [UInt32] = []
    private var weights: [Int] = []
    private let queryLength: Int
    private let threshold: Int
    private let used: UsedCounts

    init(_ merged: MatchText, index: MatchIndex, threshold: Int) {
        let language = MatchVocabulary.languageIndex(merged.language)
        self.queryLength = merged.contentLength
        self.threshold = min(max(threshold, 1), 100)
        var slot: [UInt32: Int] = [:]
        for token in merged.tokens where token.isContent {
            let cls = index.vocabulary.ids(of: token, language: language).cls
            if let existing = slot[cls] { weights[existing] += 1 } else {
                slot[cls] = classes.count
                classes.append(cls)
                weights.append(1)
            }
        }
        used = UsedCounts(count: classes.count)
    }

    /// False only when `entry`, holding no entity, provably scores below the threshold.
    func admits(_ entry: Int, index: MatchIndex) -> Bool {
        let m = Int(index.entryContentLength[entry])
        let need = FilterBound.need(length: max(queryLength, m), threshold: threshold)
        guard need > 0 else { return true }
        for slot in used.counts.indices { used.counts[slot] = 0 }
        var shared = 0
        for position in index.tokenRange(ofEntry: entry) {
            let ids = index.vocabulary.ids(ofStored: index.tokens[position])
            guard !ids.isPunctuation, let slot = classes.firstIndex(of: ids.cls), used.counts[slot] < weights[slot] else { continue }
            used.counts[slot] += 1
            shared += 1
            if shared >= need { return true }
        }
        return false
    }

    /// Per-class counts reused across entries (the bound is a value; its scratch is not).
    private final class UsedCounts {
        var counts: [Int]
        init(count: Int) { counts = [Int](repeating: 0, count: count) }
    }
}
