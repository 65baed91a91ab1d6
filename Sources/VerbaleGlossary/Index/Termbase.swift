import VerbaleCore

/// A termbase held in memory and indexed for lookup and recognition.
///
/// Every term is keyed once (`TermKeyer`) when the termbase is built. Indexes:
/// - `exact`: key → terms, for exact lookups and recognition (O(1) per probe);
/// - `sorted`: keys in order, for prefix search (O(log n + results));
/// - `viablePrefixes`: hashes of every key prefix that ends on a token boundary (and, for
///   Khmer, on every character), so recognition stops extending a candidate as soon as no
///   term can start that way;
/// - `grams` (built on first fuzzy lookup): character bigram → terms containing it, for the
///   fuzzy pre-filter.
///
/// Cost: building is O(total term length) plus one tokenizer pass per term (≈ 3 s for the
/// 300,000 terms of a 100,000-concept termbase, in release mode); memory ≈ a few hundred bytes
/// per term. Not thread-safe (it owns ICU tokenizers): use one per task.
public final class Termbase {
    /// One keyed term.
    struct Entry {
        var concept: Int32
        var term: Int32
        var key: String
        var language: String
    }

    public let concepts: [Concept]
    let keyer: TermKeyer
    var entries: [Entry] = []
    var exact: [String: [Int32]] = [:]
    var viablePrefixes: Set<Int> = []
    /// The longest key in tokens: recognition never extends a candidate further.
    var maxTokens = 1
    lazy var sorted: [Int32] = entries.indices.map(Int32.init).sorted { entries[Int($0)].key < entries[Int($1)].key }
    lazy var grams: BigramIndex = BigramIndex(keys: entries.map(\.key))

    /// Builds the index over `concepts`.
    public init(concepts: [Concept], keyer: TermKeyer = TermKeyer()) {
        self.concepts = concepts
        self.keyer = keyer
        entries.reserveCapacity(concepts.count * 3)
        for (c, concept) in concepts.enumerated() {
            for (t, term) in concept.terms.enumerated() {
                let language = TermKeyer.language(for: term.language, text: term.text)
                let keys = keyer.words(term.text, language: language).map(\.looseKey)
                guard !keys.isEmpty else { continue }
                let key = TermKeyer.join(keys)
                let id = Int32(entries.count)
                entries.append(Entry(concept: Int32(c), term: Int32(t), key: key, language: term.language.primary))
                exact[key, default: []].append(id)
                maxTokens = max(maxTokens, keys.count)
                addPrefixes(keys)
            }
        }
    }

    /// Records the prefixes recognition may pass through on its way to a full key.
    private func addPrefixes(_ keys: [String]) {
        var joined = ""
        for key in keys {
            if key.unicodeScalars.contains(where: TermKeyer.isKhmer) {
                // ICU may cut Khmer differently in context: allow every character boundary.
                var partial = joined
                var first = true
                for ch in key {
                    if first { TermKeyer.append(String(ch), to: &partial); first = false } else { partial.append(ch) }
                    viablePrefixes.insert(partial.hashValue)
                }
                joined = partial
            } else {
                TermKeyer.append(key, to: &joined)
                viablePrefixes.insert(joined.hashValue)
            }
        }
    }

    /// Number of indexed terms.
    public var termCount: Int { entries.count }

    /// The concept and term an entry refers to.
    func resolve(_ entry: Int32) -> (concept: Concept, term: Term) {
        let e = entries[Int(entry)]
        let concept = concepts[Int(e.concept)]
        return (concept, concept.terms[Int(e.term)])
    }
}

/// Character-bigram postings over term keys, for the fuzzy pre-filter.
///
/// An edit changes at most two bigrams of a string, so a key within `d` edits of (a part of)
/// the query shares at least `D − 2d` of the query's `D` distinct bigrams; a key that shares
/// fewer is skipped without loss. Candidates come from the rarest `D − T + 1` bigrams (any key
/// sharing `T` bigrams must contain one of them), so common bigrams cost nothing.
/// Cost: O(total key length) to build; per query O(sum of the rare postings + candidates × verification).
struct BigramIndex {
    var postings: [UInt64: [Int32]] = [:]

    init(keys: [String]) {
        for (id, key) in keys.enumerated() {
            for gram in Set(Self.bigrams(Array(key.unicodeScalars))) {
                postings[gram, default: []].append(Int32(id))
            }
        }
    }

    static func bigrams(_ scalars: [Unicode.Scalar]) -> [UInt64] {
        guard scalars.count >= 2 else { return [] }
        return (0..<(scalars.count - 1)).map { UInt64(scalars[$0].value) << 32 | UInt64(scalars[$0 + 1].value) }
    }

    /// Keys sharing at least `threshold` (≥ 1) of `grams` must appear in the returned set.
    func candidates(for grams: Set<UInt64>, threshold: Int) -> Set<Int32> {
        let lists = grams.map { postings[$0] ?? [] }.sorted { $0.count < $1.count }
        let needed = lists.count - threshold + 1
        var result = Set<Int32>()
        for list in lists.prefix(max(needed, 0)) { result.formUnion(list) }
        return result
    }
}
