import VerbaleCore

/// How a lookup found a concept.
public enum LookupMatch: String, Sendable, Codable {
    /// Same key, diacritics included (case, apostrophes, U+200B and spacing aside).
    case exact
    /// Same key once Latin diacritics are dropped (`Thailande` for `Thaïlande`).
    case diacritics
    /// The query starts a term (`--prefix`).
    case prefix
    /// The whole term is within a few edits of the query (typos).
    case fuzzy
    /// The query matches, within a few edits, a part of a longer term.
    case partial
}

/// One lookup result: a concept, the term that matched and the score.
public struct LookupResult: Sendable {
    /// 0–100: 100 exact; 99 exact but for diacritics; prefix: share of the term typed;
    /// fuzzy: `100 × (1 − LD / max(|q|, |t|))`; partial: `90 × (1 − d / |q|)` where `d` is the
    /// edit distance to the closest part of the term. Computed on Unicode scalars of keys.
    public var score: Int
    public var match: LookupMatch
    public var concept: Concept
    public var matchedTerm: Term
}

/// What to look up.
public struct LookupOptions: Sendable {
    /// Only terms in this language match the query (nil: any language).
    public var language: LanguageTag?
    /// Treat the query as the beginning of a term.
    public var prefix: Bool
    /// Fuzzy results below this score are dropped.
    public var minimumScore: Int
    /// At most this many concepts.
    public var limit: Int

    public init(language: LanguageTag? = nil, prefix: Bool = false, minimumScore: Int = 75, limit: Int = 10) {
        self.language = language
        self.prefix = prefix
        self.minimumScore = minimumScore
        self.limit = limit
    }
}

extension Termbase {
    /// Finds the concepts a query names, best first, one result per concept.
    ///
    /// Exact key matches first; with `prefix`, terms starting with the query; otherwise, if
    /// nothing matched exactly, fuzzy matches (whole term or part of a term) scoring at least
    /// `minimumScore`. Cost: exact O(|q|); prefix O(log n + results); fuzzy O(rare bigram
    /// postings + candidates × |q|·|t|) — see `BigramIndex`.
    public func lookup(_ query: String, options: LookupOptions = LookupOptions()) -> [LookupResult] {
        let language = TermKeyer.language(for: options.language, text: query)
        let key = keyer.key(query, language: language)
        guard !key.isEmpty else { return [] }
        var best: [Int32: LookupResult] = [:]
        func consider(_ entry: Int32, score: Int, match: LookupMatch) {
            let e = entries[Int(entry)]
            if let wanted = options.language, e.language != wanted.primary { return }
            if let existing = best[e.concept], existing.score >= score { return }
            let (concept, term) = resolve(entry)
            best[e.concept] = LookupResult(score: score, match: match, concept: concept, matchedTerm: term)
        }
        if let hits = exact[key] {
            let strict = keyer.strictKey(query, language: language)
            for hit in hits {
                let (_, term) = resolve(hit)
                let same = keyer.strictKey(term.text, language: TermKeyer.language(for: term.language, text: term.text)) == strict
                consider(hit, score: same ? 100 : 99, match: same ? .exact : .diacritics)
            }
        }
        if options.prefix {
            let queryLength = key.unicodeScalars.count
            for entry in prefixMatches(key, limit: max(options.limit * 20, 200)) {
                let length = entries[Int(entry)].key.unicodeScalars.count
                consider(entry, score: min(98, 100 * queryLength / max(length, 1)), match: .prefix)
            }
        } else if best.isEmpty {
            /// The score a new result must beat to enter the top `limit` (nil while not full).
            func cutoff() -> Int? {
                guard best.count >= options.limit else { return nil }
                return best.values.map(\.score).sorted(by: >)[options.limit - 1]
            }
            fuzzy(key, options: options, consider: consider, cutoff: cutoff)
        }
        return best.values.sorted {
            ($0.score, -$0.matchedTerm.text.count, $1.concept.id) > ($1.score, -$1.matchedTerm.text.count, $0.concept.id)
        }.prefix(options.limit).map { $0 }
    }

    /// Entries whose key starts with `key`, by binary search over the sorted keys.
    func prefixMatches(_ key: String, limit: Int) -> [Int32] {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if entries[Int(sorted[mid])].key < key { low = mid + 1 } else { high = mid }
        }
        var result: [Int32] = []
        var index = low
        while index < sorted.count, result.count < limit, entries[Int(sorted[index])].key.hasPrefix(key) {
            result.append(sorted[index])
            index += 1
        }
        return result
    }

    /// Fuzzy matching with exact top-`limit` results.
    ///
    /// Counts, for every term sharing a query bigram, how many distinct bigrams it shares; an
    /// edit changes at most two, so `shared` bounds the edit distance from below
    /// (`δ = ⌈(D − shared) / 2⌉`) and the score from above (`100 × (n − δ) / n`). Terms are
    /// verified in decreasing order of that bound, and verification stops once `limit`
    /// concepts score more than any remaining term could: the results equal a full scan's.
    private func fuzzy(_ key: String, options: LookupOptions, consider: (Int32, Int, LookupMatch) -> Void, cutoff: () -> Int?) {
        let query = Array(key.unicodeScalars)
        let n = query.count
        guard n >= 4 else { return }
        let minimum = options.minimumScore
        // Largest distances that can still reach the minimum score (integer arithmetic, so a
        // score of exactly the minimum is never lost to rounding): whole term of length m, and
        // part of a longer term.
        func fullLimit(_ m: Int) -> Int { (100 - minimum) * max(n, m) / 100 }
        let partialLimit = max((90 - minimum) * n / 90, 0)
        let queryGrams = Array(Set(BigramIndex.bigrams(query)))
        let d = queryGrams.count
        let widest = max(minimum > 0 ? (100 - minimum) * n / minimum : n, partialLimit)
        var buckets = [[Int32]](repeating: [], count: d + 1)
        if d - 2 * widest >= 1 {
            let lengths = grams.lengths
            grams.forEachShared(queryGrams) { candidate, shared in
                let m = Int(lengths[Int(candidate)])
                let limit = fullLimit(m)
                let fullPossible = abs(m - n) <= limit && shared >= d - 2 * limit
                let partialPossible = m > n && shared >= d - 2 * partialLimit
                if fullPossible || partialPossible { buckets[min(shared, d)].append(candidate) }
            }
        } else {
            // Too short for the bigram bound to exclude anything: check every term.
            buckets[d] = entries.indices.map(Int32.init)
        }
        for shared in stride(from: d, through: 0, by: -1) where !buckets[shared].isEmpty {
            let lowestDistance = (d - shared + 1) / 2
            let bound = 100 * (n - lowestDistance) / n
            if bound < minimum { break }
            if let cutoff = cutoff(), bound < cutoff { break }
            for candidate in buckets[shared] {
                let m = Int(grams.lengths[Int(candidate)])
                let limit = fullLimit(m)
                let text = grams.scalars(of: candidate)
                if abs(m - n) <= limit, let distance = EditDistance.levenshtein(query, text, limit: limit) {
                    let score = Self.fuzzyScore(distance: distance, n, m)
                    if score >= minimum { consider(candidate, score, .fuzzy); continue }
                }
                if m > n {
                    let distance = EditDistance.bestSubstring(query, in: text)
                    let score = Self.partialScore(distance: distance, n)
                    if score >= minimum { consider(candidate, score, .partial) }
                }
            }
        }
    }

    /// `100 × (1 − d / max(n, m))`, rounded down.
    static func fuzzyScore(distance: Int, _ n: Int, _ m: Int) -> Int { 100 * (max(n, m) - distance) / max(n, m, 1) }

    /// `90 × (1 − d / n)`, rounded down (never below 0).
    static func partialScore(distance: Int, _ n: Int) -> Int { max(0, 90 * (n - distance) / max(n, 1)) }
}
