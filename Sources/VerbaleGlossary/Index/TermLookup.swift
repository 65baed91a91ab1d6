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
            fuzzy(key, options: options, consider: consider)
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

    private func fuzzy(_ key: String, options: LookupOptions, consider: (Int32, Int, LookupMatch) -> Void) {
        let query = Array(key.unicodeScalars)
        let n = query.count
        guard n >= 4 else { return }
        let minimum = Double(options.minimumScore) / 100
        // Largest distances that can still reach the minimum score.
        let fullLimit = Int((1 - minimum) / minimum * Double(n))        // LD ≤ (1−s)·max(n,m), m ≤ n/s
        let partialLimit = max(Int(Double(n) * (1 - Double(options.minimumScore) / 90)), 0)
        let queryGrams = Set(BigramIndex.bigrams(query))
        let threshold = queryGrams.count - 2 * max(fullLimit, partialLimit)
        let candidates: [Int32]
        if threshold >= 1 {
            candidates = Array(grams.candidates(for: queryGrams, threshold: threshold))
        } else {
            // Too short for the bigram bound to exclude anything: check every term.
            candidates = entries.indices.map(Int32.init)
        }
        for candidate in candidates {
            let text = Array(entries[Int(candidate)].key.unicodeScalars)
            let m = text.count
            let limit = Int((1 - minimum) * Double(max(n, m)))
            if let distance = EditDistance.levenshtein(query, text, limit: limit) {
                let score = Int((100 * (1 - Double(distance) / Double(max(n, m)))).rounded(.down))
                if score >= options.minimumScore { consider(candidate, score, .fuzzy); continue }
            }
            if m > n {
                let distance = EditDistance.bestSubstring(query, in: text)
                let score = Int((90 * (1 - Double(distance) / Double(n))).rounded(.down))
                if score >= options.minimumScore { consider(candidate, score, .partial) }
            }
        }
    }
}
