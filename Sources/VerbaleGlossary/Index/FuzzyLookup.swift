import VerbaleCore

extension Termbase {
    /// Fuzzy matching (typos) with exact top-`limit` results: what a scan scoring every term
    /// would return, found without scoring every term.
    ///
    /// A term of `m` scalars is a whole-term match when its edit distance to the query (`n`
    /// scalars) is at most `L(m) = (100 − minimum) × max(n, m) / 100` (score
    /// `100 × (max − LD) / max`); when longer than the query, a partial match when some part of
    /// it is within `(90 − minimum) × n / 90` edits (score `90 × (n − d) / n`). A term scores the
    /// better of the two (whole term on a tie), so lowering the minimum never lowers a score.
    ///
    /// 1. `BigramIndex` counts, for the keys of the lengths that can reach the minimum, the
    ///    query bigrams each shares, and lets through only keys sharing at least `D − 2L` (an
    ///    edit changes at most two bigrams).
    /// 2. Each candidate gets an upper bound on its score from that count and its length
    ///    (`LD ≥ ⌈(D − shared) / 2⌉` and `LD ≥ |m − n|`), and candidates are verified in
    ///    decreasing order of the bound with bit-parallel edit distances
    ///    (`BitParallelPattern`, O(m) per term).
    /// 3. Verification stops once `limit` concepts score more than any remaining bound: the
    ///    top results equal a full scan's (tested against brute force, Khmer included).
    func fuzzy(_ key: String, options: LookupOptions, consider: (Int32, Int, LookupMatch) -> Void) {
        let query = key.unicodeScalars.map(\.value)
        let n = query.count
        guard n >= 4 else { return }
        // Clamped again: the options' fields are public and `buckets` has 101 slots.
        let minimum = LookupOptions.clampedScore(options.minimumScore)
        let wanted = options.language?.primary
        /// Largest whole-term distance a term of length `m` may have (integer arithmetic, so a
        /// score of exactly the minimum is never lost to rounding).
        func fullLimit(_ m: Int) -> Int { (100 - minimum) * max(n, m) / 100 }
        let partialPossible = minimum <= 90
        let partialLimit = max((90 - minimum) * n / 90, 0)
        let queryGrams = Array(Set(BigramIndex.bigrams(query)))
        let d = queryGrams.count
        /// The fewest shared bigrams a key of length `m` needs, or nil when no key of that
        /// length can reach the minimum score.
        func threshold(_ m: Int) -> Int? {
            let limit = fullLimit(m)
            let full = abs(m - n) <= limit ? d - 2 * limit : nil
            let partial = partialPossible && m > n ? d - 2 * partialLimit : nil
            switch (full, partial) {
            case let (f?, p?): return min(f, p)
            case let (f?, nil): return f
            case let (nil, p?): return p
            default: return nil
            }
        }
        /// The best score a key of length `m` with `distinct` bigrams, sharing `shared`, could
        /// reach: each edit changes at most two bigrams of either string, and at least
        /// |m − n| edits separate two lengths.
        func bound(_ m: Int, distinct: Int, shared: Int) -> Int {
            let lowest = (d - shared + 1) / 2
            var best = -1
            let distance = max(lowest, (distinct - shared + 1) / 2, abs(m - n))
            if distance <= fullLimit(m) { best = Self.fuzzyScore(distance: distance, n, m) }
            if partialPossible, m > n, lowest <= partialLimit { best = max(best, Self.partialScore(distance: lowest, n)) }
            return best
        }

        // The lengths that can reach the minimum: whole terms around n, longer ones for parts.
        let indexLongest = grams.longest
        let shortest = max(0, n - fullLimit(n))
        let longest = partialPossible ? indexLongest : min(indexLongest, n * 100 / max(minimum, 1) + 1)
        guard shortest <= longest else { return }
        let positions = grams.lengthStarts[shortest]..<grams.lengthStarts[longest + 1]
        let gramCounts = grams.gramCounts
        var buckets = [[Int32]](repeating: [], count: 101)
        if d < BigramIndex.countLimit {
            grams.forEachCandidate(queryGrams, positions: positions, threshold: threshold) { position, length, shared in
                let score = bound(length, distinct: Int(gramCounts[position]), shared: shared)
                if score >= minimum { buckets[score].append(Int32(position)) }
            }
        } else {
            // More distinct bigrams than the counting planes hold: bound by length alone.
            for position in positions {
                let score = bound(Int(grams.lengths[position]), distinct: d, shared: d)
                if score >= minimum { buckets[score].append(Int32(position)) }
            }
        }
        let index = grams
        let pattern = BitParallelPattern(query)
        let queryScalars = key.unicodeScalars.map { $0 }
        let (textLengths, languageCodes) = (self.textLengths, self.languageCodes)
        let wantedCode = wanted.flatMap { languageNames.firstIndex(of: $0) }.map(UInt8.init)
        var top = TopResults(limit: LookupOptions.clampedLimit(options.limit), concepts: concepts)
        index.flat.withUnsafeBufferPointer { flat in
            verification: for bound in stride(from: 100, through: minimum, by: -1) where !buckets[bound].isEmpty {
                for position in buckets[bound] {
                    let p = Int(position)
                    let entry = Int(index.order[p])
                    if let wanted {
                        let code = languageCodes[entry]
                        if code == 255 ? entries[entry].language != wanted : code != wantedCode { continue }
                    }
                    // Once `limit` concepts are found, a term can only enter by beating the last.
                    let textLength = textLengths[entry]
                    if let last = top.last {
                        if bound < last.score { break verification }
                        if bound == last.score, textLength > last.length { continue }
                    }
                    let m = Int(index.lengths[p])
                    let start = Int(index.starts[p])
                    let text = UnsafeBufferPointer(rebasing: flat[start..<(start + m)])
                    let limit = fullLimit(m)
                    var found: (score: Int, match: LookupMatch)?
                    if abs(m - n) <= limit, let distance = Self.distance(pattern, queryScalars, text, limit: limit) {
                        let score = Self.fuzzyScore(distance: distance, n, m)
                        if score >= minimum { found = (score, .fuzzy) }
                    }
                    // A part can score at most 90: only worth computing below that.
                    if partialPossible, m > n, (found?.score ?? -1) < 90 {
                        let distance = pattern?.bestSubstringDistance(in: text)
                            ?? EditDistance.bestSubstring(queryScalars, in: text.compactMap(Unicode.Scalar.init))
                        let score = Self.partialScore(distance: distance, n)
                        if score >= minimum, score > (found?.score ?? -1) { found = (score, .partial) }
                    }
                    guard let found else { continue }
                    consider(Int32(entry), found.score, found.match)
                    top.insert(TopResults.Ranked(score: found.score, length: textLength, concept: entries[entry].concept, entry: Int32(entry)))
                }
            }
        }
    }

    /// Whole-term distance within `limit`: bit-parallel when the query fits a machine word.
    private static func distance(_ pattern: BitParallelPattern?, _ queryScalars: [Unicode.Scalar],
                                 _ text: UnsafeBufferPointer<UInt32>, limit: Int) -> Int? {
        if let pattern { return pattern.distance(to: text, limit: limit) }
        return EditDistance.levenshtein(queryScalars, text.compactMap(Unicode.Scalar.init), limit: limit)
    }
}

/// The best `limit` concepts found so far, ranked as lookup results are (score, then shorter
/// term, then concept id, then termbase order): what a candidate must beat to matter.
struct TopResults {
    struct Ranked {
        var score: Int
        var length: Int32
        var concept: Int32
        var entry: Int32
    }

    let limit: Int
    let concepts: [Concept]
    /// Best first, one per concept, at most `limit`.
    private(set) var ranked: [Ranked] = []

    init(limit: Int, concepts: [Concept]) {
        self.limit = limit
        self.concepts = concepts
    }

    /// The worst of the best `limit`, once there are `limit`.
    var last: Ranked? { ranked.count >= limit ? ranked.last : nil }

    func isBetter(_ a: Ranked, than b: Ranked) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.length != b.length { return a.length < b.length }
        if a.concept != b.concept { return concepts[Int(a.concept)].id < concepts[Int(b.concept)].id }
        return a.entry < b.entry
    }

    /// Records a result. O(limit).
    mutating func insert(_ result: Ranked) {
        guard limit > 0 else { return }
        if let at = ranked.firstIndex(where: { $0.concept == result.concept }) {
            guard isBetter(result, than: ranked[at]) else { return }
            ranked.remove(at: at)
        } else if ranked.count >= limit {
            guard let worst = ranked.last, isBetter(result, than: worst) else { return }
            ranked.removeLast()
        }
        var at = ranked.count
        while at > 0, isBetter(result, than: ranked[at - 1]) { at -= 1 }
        ranked.insert(result, at: at)
    }
}
