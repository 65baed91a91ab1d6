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
    /// Fuzzy results below this score are dropped. Kept within 0…100 (scores are 0…100, and
    /// fuzzy lookup buckets candidates by score: an out-of-range minimum would index outside).
    public var minimumScore: Int { didSet { minimumScore = Self.clampedScore(minimumScore) } }
    /// At most this many concepts; at least 1 (a zero or negative limit would have nothing to
    /// return and cannot take a prefix).
    public var limit: Int { didSet { limit = Self.clampedLimit(limit) } }

    /// Out-of-range values are clamped (minimum score to 0…100, limit to at least 1) so that no
    /// library caller can crash a lookup; the CLI rejects them with a message instead.
    public init(language: LanguageTag? = nil, prefix: Bool = false, minimumScore: Int = 75, limit: Int = 10) {
        self.language = language
        self.prefix = prefix
        self.minimumScore = Self.clampedScore(minimumScore)
        self.limit = Self.clampedLimit(limit)
    }

    static func clampedScore(_ score: Int) -> Int { min(max(score, 0), 100) }
    static func clampedLimit(_ limit: Int) -> Int { max(limit, 1) }
}

extension Termbase {
    /// Finds the concepts a query names, best first, one result per concept.
    ///
    /// Exact key matches first; with `prefix`, terms starting with the query; otherwise, if
    /// nothing matched exactly, fuzzy matches (whole term or part of a term) scoring at least
    /// `minimumScore`. Cost: exact O(|q|); prefix O(log n + results); fuzzy: a bit-sliced bigram
    /// count over the keys of plausible lengths, then O(|t|) per candidate (see `fuzzy`).
    public func lookup(_ query: String, options: LookupOptions = LookupOptions()) -> [LookupResult] {
        let language = TermKeyer.language(for: options.language, text: query)
        let key = keyer.key(query, language: language)
        guard !key.isEmpty else { return [] }
        var best: [Int32: (entry: Int32, result: LookupResult)] = [:]
        /// Keeps a concept's best term, ranked as results are: the highest score, then the
        /// shortest term, then the first in the termbase.
        func consider(_ entry: Int32, score: Int, match: LookupMatch) {
            let e = entries[Int(entry)]
            if let wanted = options.language, e.language != wanted.primary { return }
            if let existing = best[e.concept],
               (existing.result.score, -entries[Int(existing.entry)].textLength, -existing.entry) >= (score, -e.textLength, -entry) { return }
            let (concept, term) = resolve(entry)
            best[e.concept] = (entry, LookupResult(score: score, match: match, concept: concept, matchedTerm: term))
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
        // Among equals, the user's own termbase before a shipped one, as recognition names it
        // (review 1130h M4), then by concept id.
        func own(_ concept: Concept) -> Int { concept.origin?.isShipped == true ? 0 : 1 }
        return best.values.map(\.result).sorted {
            ($0.score, -$0.matchedTerm.text.count, own($0.concept), $1.concept.id) > ($1.score, -$1.matchedTerm.text.count, own($1.concept), $0.concept.id)
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

    /// `100 × (1 − d / max(n, m))`, rounded down.
    static func fuzzyScore(distance: Int, _ n: Int, _ m: Int) -> Int { 100 * (max(n, m) - distance) / max(n, m, 1) }

    /// `90 × (1 − d / n)`, rounded down (never below 0).
    static func partialScore(distance: Int, _ n: Int) -> Int { max(0, 90 * (n - distance) / max(n, 1)) }
}
