import VerbaleCore

/// Reusable working memory for `MatchIndex.search`: per-entry stamps and shared counts, so a
/// search deduplicates and counts candidates in O(1) per posting without clearing anything.
/// One per thread (not thread-safe); `FuzzyMatcher` keeps one. Memory: 8 bytes per entry.
public final class SearchScratch {
    var stamp: [UInt32] = []
    var shared: [UInt32] = []
    var touched: [UInt32] = []
    private var generation: UInt32 = 0

    public init() {}

    func prepare(entries: Int) {
        if stamp.count < entries {
            stamp = [UInt32](repeating: 0, count: entries)
            shared = [UInt32](repeating: 0, count: entries)
            generation = 0
        }
    }

    func nextGeneration() -> UInt32 {
        if generation == UInt32.max {
            for i in stamp.indices { stamp[i] = 0 }
            generation = 0
        }
        generation += 1
        return generation
    }
}

/// The work one search did: postings read, distinct candidates, alignments run.
public struct SearchStatistics: Sendable {
    public var postingsRead = 0
    public var candidates = 0
    public var aligned = 0
    public init() {}
}

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
    /// the `n − need + 1` shortest lists (plus short further lists, at most as many postings
    /// again, which only tighten the bound), counted in O(1) per posting, an O(m) shared-class
    /// count for candidates whose list count can still reach `need`, and an O(n·m) early-exit
    /// alignment for those that pass. A 2-word query only
    /// reads postings of 2-token entries; a 60-word query only of 42…85-token ones (at 70).
    public func search(_ query: [TokenIDs], language: Language, threshold: Int, model: CostModel = .standard,
                       scratch: SearchScratch? = nil) -> [IndexHit] {
        var statistics = SearchStatistics()
        return search(query, language: language, threshold: threshold, model: model, scratch: scratch, statistics: &statistics)
    }

    /// `search`, counting the work done (for the benchmark and for tuning).
    public func search(_ query: [TokenIDs], language: Language, threshold: Int, model: CostModel = .standard,
                       scratch: SearchScratch? = nil, statistics: inout SearchStatistics) -> [IndexHit] {
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
        let scratch = scratch ?? SearchScratch()
        scratch.prepare(entries: entryCount)
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
            // Read the shortest lists until `prefix` occurrences are covered (the lossless
            // minimum), then a few more short lists (at most as many postings again): each
            // extra list raises how many lists a candidate must appear in, which rejects most
            // candidates without touching their tokens. Counting uses a stamped array, O(1) per
            // posting, no sort.
            let generation = scratch.nextGeneration()
            scratch.touched.removeAll(keepingCapacity: true)
            var taken = 0, read = 0, minimumRead = -1
            for probe in probes {
                if minimumRead >= 0, read + probe.range.count > 2 * minimumRead + 64 { break }
                let weight = UInt32(probe.occurrences)
                for posting in probe.range {
                    let entry = Int(postingEntry[posting])
                    if scratch.stamp[entry] != generation {
                        scratch.stamp[entry] = generation
                        scratch.shared[entry] = weight
                        scratch.touched.append(UInt32(entry))
                    } else {
                        scratch.shared[entry] += weight
                    }
                }
                read += probe.range.count
                taken += probe.occurrences
                if minimumRead < 0, taken >= prefix { minimumRead = read }
            }
            statistics.postingsRead += read
            guard !scratch.touched.isEmpty else { continue }
            // Upper bound on shared occurrences: the weights of the lists holding the candidate
            // plus every occurrence not read.
            let unread = n - taken
            let limit = CostModel.maximumCost(threshold: threshold, length: length)
            for candidate in scratch.touched where Int(scratch.shared[Int(candidate)]) + unread >= need {
                statistics.candidates += 1
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
                statistics.aligned += 1
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
