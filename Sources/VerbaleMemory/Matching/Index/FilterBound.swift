/// The length and shared-token bounds that let the index skip a memory segment only when it
/// provably cannot reach the threshold.
///
/// **Claim.** Let the query have `n` content tokens and a memory segment `m`, `L = max(n, m)`,
/// and let `common` be the size of the multiset intersection of their content-token classes
/// (`MatchToken.classKey`). If the segment scores at least `t`, then
///
///     common ≥ need(L) = L − ⌊(100 − t) · L / 100⌋,   and therefore   need(L) ≤ min(n, m).
///
/// **Proof.** Scoring at least `t` means `cost ≤ (100 − t) · L` (see `CostModel`). Take an
/// optimal edit script. A content token of the query that is not paired with a content token of
/// the same class is deleted (100), or substituted by a token of another class (100: every
/// same-class price is below 100, and a content/punctuation pair is of different classes). Each
/// such step costs a full 100 and touches one query token, so at most `⌊cost / 100⌋` query
/// content tokens are unpaired; the paired ones are distinct same-class pairs, so
/// `common ≥ n − ⌊cost/100⌋`, and symmetrically `common ≥ m − ⌊cost/100⌋`. Hence
/// `common ≥ L − ⌊(100 − t)·L/100⌋`. Punctuation steps cost less than 100 but never pair or
/// unpair content tokens, so they do not weaken the bound. ∎
///
/// **Prefix filter.** If a segment shares at least `k = need(L)` of the query's `n` class
/// occurrences, it shares at least one of *any* `n − k + 1` of them (pigeonhole: the other
/// `k − 1` cannot hold all `k`). So the index probes, for each admissible length `m`, the
/// `n − need(max(n, m)) + 1` query occurrences whose postings *at that length* are shortest,
/// and verifies the union. Unknown words (no postings) are the cheapest to "probe". Reading
/// more lists than that minimum only sharpens the test: a candidate found in lists carrying
/// `s` query occurrences shares at most `s + (occurrences not read)`, so it is dropped when
/// that is below `need`. The result equals a full scan; `MatchIndex.bruteForce` and the tests
/// check it.
public enum FilterBound {
    /// Minimum shared content classes for a segment of `length` L = max(n, m) to reach `threshold`.
    @inlinable
    public static func need(length: Int, threshold: Int) -> Int {
        length - (CostModel.fullEdit - min(max(threshold, 0), 100)) * length / CostModel.fullEdit
    }

    /// What a memory segment must share with a query that has glossary entities, for its
    /// entity-level score (entities merged into one `#entity` token on both sides, see
    /// `MatchText`) to reach `threshold` — stated on the *word* tokens the index holds.
    ///
    /// **Claim.** Let the merged query have `n′` content tokens, `E` of them entities, and let
    /// each entity span at most `G` content tokens (`MatchText.longestEntity`). A segment of
    /// `m` content words whose merged form scores at least `t` shares at least
    /// `need(n′) − E` word-class occurrences with the query, and `m ≤ G · Lmax(n′)`, where
    /// `Lmax(n′)` is the longest length `L` with `need(L) ≤ n′`.
    ///
    /// **Proof.** On the merged sequences the bound above holds as for any tokens: their shared
    /// class occurrences `common′ ≥ need(L′) ≥ need(n′)` (`L′ = max(n′, m′) ≥ n′`, and `need` is
    /// nondecreasing). Merging only replaces runs of tokens by one `#entity` token and leaves every
    /// other token as it was, so each word class occurs at most as often merged as unmerged on
    /// either side, and the multiset intersection on word classes can only grow when unmerged;
    /// the `#entity` class adds at most `E` (the query has `E` entities). Hence the word-level
    /// `common ≥ common′ − E ≥ need(n′) − E`. Also `need(L′) ≤ common′ ≤ n′`, so the merged
    /// segment has `m′ ≤ Lmax(n′)` tokens, each covering at most `G` content words: `m ≤ G·m′`. ∎
    ///
    /// The index's prefix filter applies with that constant `need`; when it is 0 or less (a
    /// query that is mostly entities), every entry of an admitted length is a candidate.
    public static func entityRequirement(queryLength n: Int, entities: Int, threshold: Int, longestEntity: Int)
        -> (need: Int, lengths: ClosedRange<Int>) {
        let needed = need(length: max(n, 1), threshold: threshold) - entities
        let longest = admissibleLengths(query: max(n, 1), threshold: threshold).last ?? 1
        let upper = min(max(longestEntity, 1) * longest, Int(UInt16.max))
        return (needed, max(needed, 1)...max(upper, max(needed, 1)))
    }

    /// The content lengths `m` a segment may have to reach `threshold` against a query of `n`
    /// content tokens. O(n) (the range ends where `need(m) > n`).
    public static func admissibleLengths(query n: Int, threshold: Int) -> [Int] {
        guard n > 0 else { return [] }
        var lengths: [Int] = []
        var m = 1
        while true {
            let needed = need(length: max(n, m), threshold: threshold)
            if m > n, needed > n { break }
            if needed <= min(n, m) { lengths.append(m) }
            m += 1
            if m > UInt16.max { break }
        }
        return lengths
    }
}
