/// Rules out, from the index alone, the memory entries that cannot reach the threshold against
/// a query with glossary entities, knowing how many entities an entry holds — so the entity
/// path neither recognises entities in them nor tokenizes or aligns them.
///
/// Why: a query that is little more than an entity ("Kingdom of Thailand") leaves the word
/// bound `FilterBound.entityRequirement` at `need − E ≤ 0`, so every short entry is a
/// candidate; most of them hold no entity and share nothing with the query's other words.
/// What an entry holds is known either from recognition at query time (no entity found: the
/// unrecorded path) or from the index (`EntryEntities`, recorded at build with the same
/// glossary: `MatchIndex.hasEntities(recordedWith:)`).
///
/// **Claim.** Let the merged query (entities as `#entity` tokens, `MatchText`) have `n′`
/// content tokens, `E` of them entities, and let a memory entry, analysed with its own glossary
/// entities, have `m′` content tokens, `e` of them entities (`e = 0`, `m′ = m` when none is
/// found or none merges). If the entry's entity-level score reaches `t`, then
/// (1) `need(max(n′, m′)) ≤ min(n′, m′)` — `m′` is an admissible length for `n′`
/// (`FilterBound.admissibleLengths`) — and (2) the multiset intersection of the merged query's
/// content classes with the entry's *stored* content classes (the words the index holds) is at
/// least `need(max(n′, m′)) − min(E, e)`.
///
/// **Proof.** The entity-level score is the ordinary score of the two merged sequences, so
/// `FilterBound`'s claim gives, for their shared class occurrences, `common′ ≥ need(max(n′, m′))`,
/// and `common′ ≤ min(n′, m′)`: that is (1). Split `common′` by class. All entities share the
/// one class `#entity`, which contributes `min(E, e)`. Any other class `c` occurs in the merged
/// entry at most as often as in the stored one (merging replaces runs of tokens by one
/// `#entity` token and leaves every other token as it was; the stored tokens are the plain
/// analysis of the same text — same tokenizer, same text), so `min(q(c), merged(c)) ≤
/// min(q(c), stored(c))`. Summing, `common′ − min(E, e) ≤` the intersection in (2). ∎
///
/// The query's classes are looked up in the index's vocabulary: a query token whose class the
/// vocabulary lacks (a word no entry has) cannot be shared with any stored token, and neither
/// can an `#entity` token (the vocabulary knows that class only when merged tokens were
/// recorded, and the stored tokens never hold it: the tokenizer makes no entities), so such
/// tokens count for nothing, as in the claim. With `e = 0` and `m′ = m` this is the
/// bound that lets the unrecorded path skip entries recognition finds nothing in.
///
/// Cost: building O(n′); `admits` O(1) when (1) or a need ≤ 0 decides, else O(m) over the
/// entry's stored tokens, no text, no allocation after the first call.
struct EntityBound {
    private var classes: [UInt32] = []
    private var weights: [Int] = []
    private let queryLength: Int
    private let queryEntities: Int
    private let threshold: Int
    private let used: UsedCounts

    init(_ merged: MatchText, index: MatchIndex, threshold: Int) {
        let language = MatchVocabulary.languageIndex(merged.language)
        self.queryLength = merged.contentLength
        self.queryEntities = merged.tokens.reduce(0) { $0 + ($1.token.placeable?.kind == .entity ? 1 : 0) }
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

    /// The content classes an entry holding `entities.count` entities and
    /// `entities.mergedLength` content tokens once they are merged must share with the query
    /// (part 2 of the claim; 0 or less: any entry), or nil when part 1 rules it out. O(1).
    func requirement(_ entities: EntryEntities) -> Int? {
        guard entities.count != EntryEntities.unknown else { return 0 }
        let merged = Int(entities.mergedLength)
        let needMerged = FilterBound.need(length: max(queryLength, merged), threshold: threshold)
        guard needMerged <= min(queryLength, merged) else { return nil }
        return needMerged - min(queryEntities, Int(entities.count))
    }

    /// False only when `entry`, holding `entities.count` entities and `entities.mergedLength`
    /// content tokens once they are merged, provably scores below the threshold.
    func admits(_ entry: Int, index: MatchIndex, entities: EntryEntities) -> Bool {
        guard let need = requirement(entities) else { return false }
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

    /// `admits` for an entry recognition found no entity in (`e = 0`, `m′ = m`).
    func admitsWithoutEntities(_ entry: Int, index: MatchIndex) -> Bool {
        admits(entry, index: index, entities: EntryEntities(count: 0, mergedLength: index.entryContentLength[entry]))
    }

    /// Per-class counts reused across entries (the bound is a value; its scratch is not).
    private final class UsedCounts {
        var counts: [Int]
        init(count: Int) { counts = [Int](repeating: 0, count: count) }
    }
}
