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
        /// The term's length in characters (lookup ranks shorter terms first among equals).
        var textLength: Int32
    }

    public let concepts: [Concept]
    let keyer: TermKeyer
    var entries: [Entry] = []
    /// Per entry, what fuzzy verification reads for every candidate, kept apart from `entries`
    /// so the hot loop copies no strings: the term's length in characters, and its language as
    /// an index into `languageNames`.
    var textLengths: [Int32] = []
    var languageCodes: [UInt8] = []
    var languageNames: [String] = []
    var exact: [String: [Int32]] = [:]
    /// `KeyHash` of every full key → its entries (recognition verifies the string on a hit).
    var exactHashes: [UInt64: [Int32]] = [:]
    /// `KeyHash` of every prefix recognition may pass through.
    var viablePrefixes: Set<UInt64> = []
    /// The longest key in tokens.
    var maxTokens = 1
    /// The longest key in Unicode scalars: recognition never extends a candidate further.
    var maxKeyLength = 0
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
                entries.append(Entry(concept: Int32(c), term: Int32(t), key: key, language: term.language.primary, textLength: Int32(term.text.count)))
                textLengths.append(Int32(term.text.count))
                if let code = languageNames.firstIndex(of: term.language.primary), code < 255 {
                    languageCodes.append(UInt8(code))
                } else if languageNames.count < 255 {
                    languageCodes.append(UInt8(languageNames.count))
                    languageNames.append(term.language.primary)
                } else {
                    languageCodes.append(255)  // beyond 255 languages: compared by name
                }
                exact[key, default: []].append(id)
                exactHashes[KeyHash.of(key), default: []].append(id)
                maxTokens = max(maxTokens, keys.count)
                maxKeyLength = max(maxKeyLength, key.unicodeScalars.count)
                addPrefixes(keys)
            }
        }
    }

    /// Records the prefixes recognition may pass through on its way to a full key: at every
    /// token boundary, and for Khmer at every character (ICU may cut Khmer differently in
    /// context, so a text token boundary can fall inside a term token).
    private func addPrefixes(_ keys: [String]) {
        var hash = KeyHash()
        for key in keys {
            hash.appendToken(key)
            if key.unicodeScalars.contains(where: TermKeyer.isKhmer) {
                var partial = hash
                partial.rewindToken(key)
                for scalar in key.unicodeScalars {
                    partial.append(scalar)
                    viablePrefixes.insert(partial.value)
                }
            }
            viablePrefixes.insert(hash.value)
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

/// An incremental 64-bit FNV-1a hash of a joined key, fed token by token exactly as
/// `TermKeyer.append` joins them (a space between tokens unless both sides are Khmer), so
/// recognition hashes each text token once and never builds strings for the prefixes it tries.
struct KeyHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private(set) var last: Unicode.Scalar?
    private var saved: (value: UInt64, last: Unicode.Scalar?)?

    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar) {
        value = (value ^ UInt64(scalar.value)) &* 0x100_0000_01b3
        last = scalar
    }

    /// Appends a token key with the separator `TermKeyer.append` would put before it.
    @inline(__always)
    mutating func appendToken(_ key: String) {
        saved = (value, last)
        if let last, let first = key.unicodeScalars.first, !(TermKeyer.isKhmer(last) && TermKeyer.isKhmer(first)) {
            append(" ")
        }
        for scalar in key.unicodeScalars { append(scalar) }
    }

    /// Undoes the last `appendToken` up to (and including) its separator, keeping the
    /// separator decision: used to enumerate a Khmer token's character prefixes.
    mutating func rewindToken(_ key: String) {
        guard let saved else { return }
        value = saved.value
        last = saved.last
        if let last = saved.last, let first = key.unicodeScalars.first, !(TermKeyer.isKhmer(last) && TermKeyer.isKhmer(first)) {
            append(" ")
        }
    }

    /// `appendToken` for a key given as scalar values (recognition's pieces).
    @inline(__always)
    mutating func appendToken(_ key: ArraySlice<UInt32>) {
        if let last, let first = key.first, !(TermKeyer.isKhmer(last) && Self.isKhmer(first)) {
            append(" ")
        }
        for scalar in key { value = (value ^ UInt64(scalar)) &* 0x100_0000_01b3 }
        if let final = key.last, let scalar = Unicode.Scalar(final) { last = scalar }
    }

    /// `TermKeyer.isKhmer` for a scalar value.
    @inline(__always)
    static func isKhmer(_ value: UInt32) -> Bool { (0x1780...0x17FF).contains(value) || (0x19E0...0x19FF).contains(value) }

    static func of(_ joined: String) -> UInt64 {
        var hash = KeyHash()
        for scalar in joined.unicodeScalars { hash.append(scalar) }
        return hash.value
    }
}
