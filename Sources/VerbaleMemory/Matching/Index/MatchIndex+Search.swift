import VerbaleCore

/// Reusable working memory for `MatchIndex.search`: per-entry stamps and shared counts, a
/// per-class slot table and alignment buffers, so a search deduplicates and counts candidates
/// in O(1) per posting and verifies them without allocating or clearing anything.
/// One per thread (not thread-safe); `FuzzyMatcher` keeps one. Memory: 8 bytes per entry plus
/// 8 bytes per token class.
public final class SearchScratch {
    var stamp: [UInt32] = []
    var shared: [UInt32] = []
    var touched: [UInt32] = []
    var classStamp: [UInt32] = []
    var classSlot: [UInt32] = []
    var used: [Int] = []
    var entryTokens: [TokenIDs] = []
    var rows = TokenAlignment.Rows()
    private var generation: UInt32 = 0
    private var classGeneration: UInt32 = 0

    public init() {}

    func prepare(entries: Int, classes: Int) {
        if stamp.count < entries {
            stamp = [UInt32](repeating: 0, count: entries)
            shared = [UInt32](repeating: 0, count: entries)
            generation = 0
        }
        if classStamp.count < classes {
            classStamp = [UInt32](repeating: 0, count: classes)
            classSlot = [UInt32](repeating: 0, count: classes)
            classGeneration = 0
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

    /// Marks the query's classes (slot per class) for the shared-class count. O(classes).
    func markClasses(_ classes: [UInt32]) -> UInt32 {
        if classGeneration == UInt32.max {
            for i in classStamp.indices { classStamp[i] = 0 }
            classGeneration = 0
        }
        classGeneration += 1
        for (slot, cls) in classes.enumerated() where Int(cls) < classStamp.count {
            classStamp[Int(cls)] = classGeneration
            classSlot[Int(cls)] = UInt32(slot)
        }
        return classGeneration
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

/// A query reduced to what the count filter needs: its distinct content classes, how often
/// each occurs, and `n`, the number of content tokens.
struct QueryClasses {
    var classes: [UInt32] = []
    var weights: [Int] = []
    var n = 0

    init(_ query: [TokenIDs]) {
        var slot: [UInt32: Int] = [:]
        for token in query where !token.isPunctuation {
            n += 1
            if let existing = slot[token.cls] { weights[existing] += 1 } else {
                slot[token.cls] = classes.count
                classes.append(token.cls)
                weights.append(1)
            }
        }
    }
}

extension MatchIndex {
    /// Every entry of `language` scoring at least `threshold` (clamped to 1…100) against
    /// `query`, best first (score, then cost, then entry order).
    ///
    /// Lossless by `FilterBound`: equal to `bruteForce` for every query. Cost: O(n log P) to
    /// size the query's postings over the admissible lengths, then the postings of the rarest
    /// classes only — for each length m, just enough of them to hold `n − need(m) + 1` query
    /// occurrences (plus a few short lists that only tighten the count) — counted in O(1) per
    /// posting, an O(m) shared-class count for candidates whose count can still reach `need`,
    /// and an O(n·m) early-exit alignment for those that pass. A 2-word query only reads
    /// postings of 2-token entries; a 60-word one only of 42…85-token ones (at 70), and only
    /// the lists of its rarest words.
    public func search(_ query: [TokenIDs], language: Language, threshold: Int, model: CostModel = .standard,
                       scratch: SearchScratch? = nil) -> [IndexHit] {
        var statistics = SearchStatistics()
        return search(query, language: language, threshold: threshold, model: model, scratch: scratch, statistics: &statistics)
    }

    /// `search`, counting the work done (for the benchmark and for tuning).
    public func search(_ query: [TokenIDs], language: Language, threshold: Int, model: CostModel = .standard,
                       scratch: SearchScratch? = nil, statistics: inout SearchStatistics) -> [IndexHit] {
        let threshold = min(max(threshold, 1), 100)
        let classes = QueryClasses(query)
        let n = classes.n
        let lengths = FilterBound.admissibleLengths(query: n, threshold: threshold)
        guard let shortest = lengths.first, let longest = lengths.last else { return [] }
        let aligner = TokenAlignment(model: model)
        let scratch = scratch ?? SearchScratch()
        var hits: [IndexHit] = []
        var aligned = 0
        candidates(classes, language: language, lengths: shortest...longest, need: { FilterBound.need(length: max(n, $0), threshold: threshold) },
                   scratch: scratch, statistics: &statistics) { entry, m in
            let length = max(n, m)
            aligned += 1
            tokenIDs(ofEntry: entry, into: &scratch.entryTokens)
            if let cost = aligner.cost(query, scratch.entryTokens, limit: CostModel.maximumCost(threshold: threshold, length: length), rows: &scratch.rows) {
                hits.append(IndexHit(entry: entry, cost: cost, score: CostModel.score(cost: cost, length: length)))
            }
        }
        statistics.aligned += aligned
        return hits.sorted(by: Self.ranking)
    }

    /// The entries with a content length in `lengths` that share at least `need(m)` content-
    /// class occurrences with the query (`m` = the entry's length), each passed once to `body`
    /// with its length. Lossless for any `need` (see `FilterBound`'s prefix filter): with the
    /// classes taken rarest first (by postings in `lengths`), an entry of length m sharing
    /// `need(m)` occurrences appears in at least one list among the first classes holding
    /// `n − need(m) + 1` occurrences, so each class's list is read only over the lengths it is
    /// needed for (one contiguous range: postings are sorted by length). A candidate found in
    /// lists carrying `s` occurrences, with `u` occurrences of its length unread, shares at most
    /// `s + u`; below `need(m)` it is dropped, and survivors get an exact shared-class count
    /// over their tokens. `need(m) ≤ 0` admits every entry: then the lengths are scanned.
    func candidates(_ query: QueryClasses, language: Language, lengths: ClosedRange<Int>, need: (Int) -> Int, scratch: SearchScratch,
                    statistics: inout SearchStatistics, body: (_ entry: Int, _ length: Int) -> Void) {
        let n = query.n
        guard n > 0, lengths.lowerBound <= lengths.upperBound else { return }
        scratch.prepare(entries: entryCount, classes: vocabulary.classCount)
        let lowest = lengths.lowerBound, highest = min(lengths.upperBound, Int(UInt16.max))
        guard lowest <= highest else { return }
        // Classes rarest first within the lengths (unknown words: no postings, first).
        let full = query.classes.map { postings(ofClass: $0, lengths: lowest...highest) }
        let order = query.classes.indices.sorted { full[$0].count != full[$1].count ? full[$0].count < full[$1].count : $0 < $1 }
        if (lowest...highest).contains(where: { need($0) <= 0 }) {
            scanAll(language: language, lengths: lowest...highest, body: body)
            return
        }
        // For each class (in that order), the highest length it must be read at: a class is
        // needed at length m while the occurrences before it are below n − need(m) + 1.
        // Going down from the longest length, O(lengths + classes).
        var prefixEnd = [Int](repeating: 0, count: n + 2)   // classes holding `required` occurrences
        do {
            var taken = 0, rank = 0
            for required in 1...n + 1 {
                while taken < required, rank < order.count { taken += query.weights[order[rank]]; rank += 1 }
                prefixEnd[required] = rank
            }
        }
        var reach = [Int](repeating: lowest - 1, count: order.count)
        var reached = 0
        for m in stride(from: highest, through: lowest, by: -1) {
            let required = min(max(n - need(m) + 1, 0), n + 1)
            while reached < prefixEnd[required] { reach[reached] = m; reached += 1 }
        }
        var ranges: [Range<Int>] = []
        var minimumRead = 0
        for (rank, slot) in order.enumerated() {
            guard reach[rank] >= lowest else { ranges.append(0..<0); continue }
            let range = reach[rank] == highest ? full[slot] : postings(ofClass: query.classes[slot], lengths: lowest...reach[rank])
            ranges.append(range)
            minimumRead += range.count
        }
        // More lists, rarest first, each extended to every length when the postings it adds
        // fit in the budget (as many again as the minimum, plus 64 per length): each raises the
        // count candidates must reach, which rejects most without reading their tokens.
        var budget = minimumRead + 64 * (highest - lowest + 1)
        for (rank, slot) in order.enumerated() where reach[rank] < highest {
            let added = full[slot].count - ranges[rank].count
            guard added <= budget else { continue }
            budget -= added
            ranges[rank] = full[slot]
            reach[rank] = highest
        }
        // covered[m]: the query occurrences whose lists were read at length m.
        var covered = [Int](repeating: 0, count: highest - lowest + 2)
        for (rank, slot) in order.enumerated() where reach[rank] >= lowest { covered[reach[rank] - lowest] += query.weights[slot] }
        for i in stride(from: highest - lowest - 1, through: 0, by: -1) { covered[i] += covered[i + 1] }
        let generation = scratch.nextGeneration()
        scratch.touched.removeAll(keepingCapacity: true)
        var read = 0
        scratch.stamp.withUnsafeMutableBufferPointer { stamp in
            scratch.shared.withUnsafeMutableBufferPointer { shared in
                postingEntry.withUnsafeBufferPointer { postings in
                    for (rank, range) in ranges.enumerated() where !range.isEmpty {
                        let weight = UInt32(query.weights[order[rank]])
                        read += range.count
                        for posting in range {
                            let entry = Int(postings[posting])
                            guard entry < stamp.count else { continue }
                            if stamp[entry] != generation {
                                stamp[entry] = generation
                                shared[entry] = weight
                                scratch.touched.append(UInt32(entry))
                            } else {
                                shared[entry] += weight
                            }
                        }
                    }
                }
            }
        }
        statistics.postingsRead += read
        guard !scratch.touched.isEmpty else { return }
        let classGeneration = scratch.markClasses(query.classes)
        if scratch.used.count < query.classes.count { scratch.used = [Int](repeating: 0, count: query.classes.count) }
        for candidate in scratch.touched {
            let entry = Int(candidate)
            let m = Int(entryContentLength[entry])
            guard m >= lowest, m <= highest else { continue }
            let needed = need(m)
            guard Int(scratch.shared[entry]) + n - covered[m - lowest] >= needed else { continue }
            statistics.candidates += 1
            guard sharedClasses(entry, query: query, generation: classGeneration, scratch: scratch) >= needed else { continue }
            body(entry, m)
        }
    }

    /// The fewest postings the count filter reads for `query` over `lengths` with a constant
    /// `need`: those of the rarest lists holding `n − need + 1` occurrences (prefix filter), to
    /// choose between it and a scan of other candidates. O(classes · log P).
    func minimalPostings(_ query: QueryClasses, lengths: ClosedRange<Int>, need: Int) -> Int {
        let sizes = query.classes.indices.map { (size: postings(ofClass: query.classes[$0], lengths: lengths).count, weight: query.weights[$0]) }
            .sorted { $0.size < $1.size }
        var occurrences = 0, total = 0
        for list in sizes where occurrences < query.n - need + 1 {
            total += list.size
            occurrences += list.weight
        }
        return total
    }

    /// The size of the multiset intersection of the entry's content classes with the query's
    /// (the bound's `common`), the query's classes marked in `scratch` (`markClasses`) under
    /// `generation`. O(m), no hashing.
    @inline(__always)
    func sharedClasses(_ entry: Int, query: QueryClasses, generation: UInt32, scratch: SearchScratch) -> Int {
        for slot in query.classes.indices { scratch.used[slot] = 0 }
        var common = 0
        for position in tokenRange(ofEntry: entry) {
            let form = Int(tokens[position] & 0x7FFF_FFFF)
            guard form < vocabulary.formCount else { continue }
            let cls = Int(vocabulary.formClass[form])
            guard cls < scratch.classStamp.count, scratch.classStamp[cls] == generation else { continue }
            let slot = Int(scratch.classSlot[cls])
            if scratch.used[slot] < query.weights[slot] { scratch.used[slot] += 1; common += 1 }
        }
        return common
    }

    /// Every entry of `language` with a length in `lengths` (for a `need` of zero, which no
    /// count can filter). O(entries).
    private func scanAll(language: Language, lengths: ClosedRange<Int>, body: (_ entry: Int, _ length: Int) -> Void) {
        let languageIndex = MatchVocabulary.languageIndex(language)
        for entry in 0..<entryCount where entryLanguage[entry] == languageIndex {
            let m = Int(entryContentLength[entry])
            if m > 0, lengths.contains(m) { body(entry, m) }
        }
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
