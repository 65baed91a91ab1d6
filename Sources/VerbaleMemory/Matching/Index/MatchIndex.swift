import VerbaleCore

/// The fuzzy-match index of a memory: every variant of every unit (in any language) as a
/// sequence of interned tokens, and for each token class the postings of the variants that
/// contain it, sorted by content length.
///
/// Layout (flat arrays, so the index saves and loads as a few memory copies — see
/// `MatchIndexFile`):
/// - entries (one per unit variant): `entryUnit`, `entryLanguage`, `entryContentLength`,
///   `entryStart` into `tokens` (form id, bit 31 = white space before it);
/// - postings: for class `c`, `postingEntry[classStart[c]..<classStart[c+1]]` lists each entry
///   containing `c` once, sorted by (content length, entry), with `postingLength` beside it, so
///   a length range is two binary searches (the "length buckets").
///
/// Costs: lookup (`search`) is O(n·|lengths|·log P) to plan, plus the probed postings, plus
/// O(n·m) per verified candidate; build is O(T log T) for T tokens; memory ≈ 4 bytes per token
/// plus 6 bytes per posting plus the vocabulary.
public struct MatchIndex: Sendable {
    public internal(set) var vocabulary = MatchVocabulary()
    public internal(set) var entryUnit: IndexArray<UInt32> = []
    public internal(set) var entryLanguage: IndexArray<UInt8> = []
    public internal(set) var entryContentLength: IndexArray<UInt16> = []
    public internal(set) var entryStart: IndexArray<UInt32> = [0]
    public internal(set) var tokens: IndexArray<UInt32> = []
    public internal(set) var classStart: IndexArray<UInt32> = [0]
    public internal(set) var postingEntry: IndexArray<UInt32> = []
    public internal(set) var postingLength: IndexArray<UInt16> = []
    /// Glossary entities per entry, recorded at build/import (see `MatchIndex+Entities`): the
    /// glossary's fingerprint combined with the text analysis (`recordingFingerprint`), and per entry its entity count and merged length; empty when
    /// none was recorded. `entityEntries`: the entries holding entities, sorted for lookup;
    /// their tokens with entities merged (interned like `tokens`) are
    /// `mergedTokens[entryMergedStart[e]..<entryMergedStart[e+1]]` (empty for the others).
    public internal(set) var entityFingerprint: UInt64?
    public internal(set) var entryEntityCount: IndexArray<UInt8> = []
    public internal(set) var entryMergedLength: IndexArray<UInt16> = []
    public internal(set) var entityEntries: IndexArray<UInt32> = []
    public internal(set) var entryMergedStart: IndexArray<UInt32> = []
    public internal(set) var mergedTokens: IndexArray<UInt32> = []

    public init() {}

    public var entryCount: Int { entryUnit.count }
    public var postingCount: Int { postingEntry.count }

    /// The languages that have at least one entry (kept as entries are added; O(1)).
    public internal(set) var languages: Set<Language> = []

    /// Recomputes `languages` from the entries (after loading). O(entries).
    mutating func recomputeLanguages() {
        var seen = [Bool](repeating: false, count: 256)
        for language in entryLanguage { seen[Int(language)] = true }
        languages = Set(Language.allCases.enumerated().compactMap { seen[$0.offset] ? $0.element : nil })
    }

    /// The stored tokens of `entry` as comparable ids. O(m).
    public func tokenIDs(ofEntry entry: Int) -> [TokenIDs] {
        var ids: [TokenIDs] = []
        tokenIDs(ofEntry: entry, into: &ids)
        return ids
    }

    /// The token range of `entry` in `tokens` (empty when a damaged file says otherwise: a
    /// mapped index is checked where it is read, not scanned at load).
    @inline(__always)
    func tokenRange(ofEntry entry: Int) -> Range<Int> {
        guard entry >= 0, entry + 1 < entryStart.count else { return 0..<0 }
        let lower = Int(entryStart[entry]), upper = Int(entryStart[entry + 1])
        return lower <= upper && upper <= tokens.count ? lower..<upper : 0..<0
    }

    /// `tokenIDs(ofEntry:)` into a reused buffer (no allocation once it is large enough).
    func tokenIDs(ofEntry entry: Int, into ids: inout [TokenIDs]) {
        ids.removeAll(keepingCapacity: true)
        for position in tokenRange(ofEntry: entry) { ids.append(vocabulary.ids(ofStored: tokens[position])) }
    }

    /// Appends one analysed variant of unit `unit`. O(m) amortised; postings are built later
    /// by `buildPostings` (entries are searchable only after it).
    mutating func appendEntry(unit: UInt32, text: MatchText, entities: EntryEntities? = nil) {
        let language = MatchVocabulary.languageIndex(text.language)
        appendEntities(entities, language: language)
        var content = 0
        for token in text.tokens {
            let form = vocabulary.intern(token, language: language)
            tokens.append(form | (token.spaced ? 0x8000_0000 : 0))
            if token.isContent { content += 1 }
        }
        entryUnit.append(unit)
        entryLanguage.append(language)
        languages.insert(text.language)
        entryContentLength.append(UInt16(min(content, Int(UInt16.max))))
        entryStart.append(UInt32(tokens.count))
    }

    /// Appends one entry from tokens stored in the memory (see `StoredToken`). O(m).
    mutating func appendEntry(unit: UInt32, language: Language, tokens stored: [StoredToken], entities: EntryEntities? = nil) {
        let languageIndex = MatchVocabulary.languageIndex(language)
        appendEntities(entities, language: languageIndex)
        var content = 0
        for token in stored {
            let form = vocabulary.intern(token, language: languageIndex)
            tokens.append(form | (token.spaced ? 0x8000_0000 : 0))
            if token.kind != .punctuation { content += 1 }
        }
        entryUnit.append(unit)
        entryLanguage.append(languageIndex)
        entryContentLength.append(UInt16(min(content, Int(UInt16.max))))
        entryStart.append(UInt32(tokens.count))
        languages.insert(language)
    }

    /// Rebuilds every posting list from the entries: a counting sort by class, then a sort of
    /// each list by (length, entry). O(T + P log P); 1M units take seconds, which is why the
    /// result is saved with the memory rather than rebuilt on start.
    mutating func buildPostings() {
        let classCount = vocabulary.classCount
        var counts = [UInt32](repeating: 0, count: classCount + 1)
        var seen = [UInt32](repeating: UInt32.max, count: classCount)
        for entry in 0..<entryCount {
            for position in tokenRange(ofEntry: entry) {
                let form = Int(tokens[position] & 0x7FFF_FFFF)
                guard form < vocabulary.formCount, vocabulary.formKind[form] != MatchVocabulary.Kind.punctuation.rawValue else { continue }
                let cls = Int(vocabulary.formClass[form])
                if seen[cls] != UInt32(entry) { seen[cls] = UInt32(entry); counts[cls + 1] += 1 }
            }
        }
        for c in 0..<classCount { counts[c + 1] += counts[c] }
        var fill = Array(counts.dropLast())
        var keys = [UInt64](repeating: 0, count: Int(counts[classCount]))
        seen = [UInt32](repeating: UInt32.max, count: classCount)
        for entry in 0..<entryCount {
            let key = UInt64(entryContentLength[entry]) << 32 | UInt64(entry)
            for position in tokenRange(ofEntry: entry) {
                let form = Int(tokens[position] & 0x7FFF_FFFF)
                guard form < vocabulary.formCount, vocabulary.formKind[form] != MatchVocabulary.Kind.punctuation.rawValue else { continue }
                let cls = Int(vocabulary.formClass[form])
                if seen[cls] != UInt32(entry) {
                    seen[cls] = UInt32(entry)
                    keys[Int(fill[cls])] = key
                    fill[cls] += 1
                }
            }
        }
        // Entries are appended in order, so each list is already sorted by entry; a stable sort
        // by length alone would do, but lists are short on average and sort() is simpler.
        for c in 0..<classCount {
            let range = Int(counts[c])..<Int(counts[c + 1])
            if range.count > 1 { keys[range].sort() }
        }
        classStart = IndexArray(counts)
        postingEntry = IndexArray(keys.lazy.map { UInt32(truncatingIfNeeded: $0) })
        postingLength = IndexArray(keys.lazy.map { UInt16(truncatingIfNeeded: $0 >> 32) })
        buildEntityList()
    }

    /// The posting range of class `cls` restricted to content length `length`. O(log P).
    @inline(__always)
    func postings(ofClass cls: UInt32, length: Int) -> Range<Int> {
        postings(ofClass: cls, lengths: length...length)
    }

    /// The posting range of class `cls` restricted to content lengths `lengths` (one range:
    /// postings are sorted by length). O(log P).
    @inline(__always)
    func postings(ofClass cls: UInt32, lengths: ClosedRange<Int>) -> Range<Int> {
        let all = postings(ofClass: cls)
        return firstPosting(atLeast: lengths.lowerBound, in: all.lowerBound, all.upperBound)
            ..< firstPosting(atLeast: lengths.upperBound + 1, in: all.lowerBound, all.upperBound)
    }

    /// Every posting of class `cls` (empty for unknown classes or damaged bounds). O(1).
    @inline(__always)
    func postings(ofClass cls: UInt32) -> Range<Int> {
        guard Int(cls) + 1 < classStart.count else { return 0..<0 }
        let lower = Int(classStart[Int(cls)]), upper = Int(classStart[Int(cls) + 1])
        return lower <= upper && upper <= postingEntry.count && upper <= postingLength.count ? lower..<upper : 0..<0
    }

    @inline(__always)
    private func firstPosting(atLeast length: Int, in lower: Int, _ upper: Int) -> Int {
        var low = lower, high = upper
        while low < high {
            let mid = (low + high) / 2
            if Int(postingLength[mid]) < length { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
