import VerbaleCore

/// A memory entry (unit variant) that reaches the threshold, with its exact cost and score.
public struct IndexHit: Hashable, Sendable {
    public var entry: Int
    public var cost: Int
    public var score: Int
}

extension MatchIndex {
    /// Every entry of `language` scoring at least `threshold` (clamped to 1…100) against
    /// `query`, best first (score, then cost, then entry order).
    ///
    /// Lossless by `FilterBound`: equal to `bruteForce` for every query. Cost: for each
    /// admissible length m (O(n) of them), O(n log P) to size the query's postings at m, then
    /// the union of the `n − need + 1` shortest lists, an O(m) shared-class count per
    /// candidate and an O(n·m) early-exit alignment for those that pass. A 2-word query only
    /// reads postings of 2-token entries; a 60-word query only of 42…85-token ones (at 70).
    public func search(_ query: [TokenIDs], language: Language, threshold: Int, model: CostModel = .standard) -> [IndexHit] {
        let threshold = min(max(threshold, 1), 100)
        var queryClasses: [UInt32: Int] = [:]
        var n = 0
        for token in query where !token.isPunctuation {
            queryClasses[token.cls, default: 0] += 1
            n += 1
        }
        guard n > 0 else { return [] }
        let classList = Array(queryClasses)
        let slotOfClass = Dictionary(uniqueKeysWithValues: classList.enumerated().map { ($1.key, $0) })
        var used = [Int](repeating: 0, count: classList.count)
        let aligner = TokenAlignment(model: model)
        var hits: [IndexHit] = []
        var candidates: [UInt32] = []
        var probes: [(range: Range<Int>, occurrences: Int)] = []
        probes.reserveCapacity(classList.count)
        for m in FilterBound.admissibleLengths(query: n, threshold: threshold) {
            let length = max(n, m)
            let need = FilterBound.need(length: length, threshold: threshold)
            let prefix = n - need + 1
            probes.removeAll(keepingCapacity: true)
            for (cls, occurrences) in classList {
                probes.append((postings(ofClass: cls, length: m), occurrences))
            }
            probes.sort { $0.range.count < $1.range.count }
            candidates.removeAll(keepingCapacity: true)
            var taken = 0, lists = 0
            for probe in probes where taken < prefix {
                candidates.append(contentsOf: postingEntry[probe.range])
                taken += probe.occurrences
                lists += 1
            }
            guard !candidates.isEmpty else { continue }
            if lists > 1 {
                candidates.sort()
                var unique = 0
                for index in candidates.indices where index == 0 || candidates[index] != candidates[index - 1] {
                    candidates[unique] = candidates[index]
                    unique += 1
                }
                candidates.removeLast(candidates.count - unique)
            }
            let limit = CostModel.maximumCost(threshold: threshold, length: length)
            for candidate in candidates {
                let entry = Int(candidate)
                // Shared-class count (the bound's `common`), before the costlier alignment.
                for slot in used.indices { used[slot] = 0 }
                var common = 0
                for position in Int(entryStart[entry])..<Int(entryStart[entry + 1]) {
                    let form = Int(tokens[position] & 0x7FFF_FFFF)
                    guard let slot = slotOfClass[vocabulary.formClass[form]] else { continue }
                    if used[slot] < classList[slot].value { used[slot] += 1; common += 1 }
                }
                guard common >= need else { continue }
                if let cost = aligner.cost(query, tokenIDs(ofEntry: entry), limit: limit) {
                    hits.append(IndexHit(entry: entry, cost: cost, score: CostModel.score(cost: cost, length: length)))
                }
            }
        }
        return hits.sorted(by: Self.ranking)
    }

    /// The same answer as `search` by aligning the query with every entry of `language`:
    /// the reference the index is tested against. O(N·n·m).
    public func bruteForce(_ query: [TokenIDs], language: Language, threshold: Int, model: CostModel = .standard) -> [IndexHit] {
        let threshold = min(max(threshold, 1), 100)
        let n = query.reduce(0) { $0 + ($1.isPunctuation ? 0 : 1) }
        guard n > 0 else { return [] }
        let languageIndex = MatchVocabulary.languageIndex(language)
        let aligner = TokenAlignment(model: model)
        var hits: [IndexHit] = []
        for entry in 0..<entryCount where entryLanguage[entry] == languageIndex && entryContentLength[entry] > 0 {
            let length = max(n, Int(entryContentLength[entry]))
            let limit = CostModel.maximumCost(threshold: threshold, length: length)
            if let cost = aligner.cost(query, tokenIDs(ofEntry: entry), limit: limit) {
                hits.append(IndexHit(entry: entry, cost: cost, score: CostModel.score(cost: cost, length: length)))
            }
        }
        return hits.sorted(by: Self.ranking)
    }

    static func ranking(_ a: IndexHit, _ b: IndexHit) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.cost != b.cost { return a.cost < b.cost }
        return a.entry < b.entry
    }
}
