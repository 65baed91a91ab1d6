import VerbaleCore

/// What one memory entry holds of glossary entities, recorded when it is indexed so that a
/// query with entities never has to recognise them in the memory's entries again.
///
/// `count` is the number of `#entity` tokens of the entry's text analysed with its glossary
/// entities (`MatchText(text:language:tokenizer:entities:)`), `mergedLength` that analysis's
/// content length (`m′`; equal to the stored length `m` when `count` is 0), and `tokens` that
/// analysis itself when `count` is above 0 (the index interns and keeps it, so such an entry
/// is scored without its text being read, recognised or tokenized again). `count` is
/// `unknown` when it could not be recorded faithfully (255 or more entities, or a unit with two
/// variants of one language, whose search text is the first of them): the search then treats
/// the entry as the unrecorded path would.
public struct EntryEntities: Hashable, Sendable {
    public var count: UInt8
    public var mergedLength: UInt16
    public var tokens: [MatchToken]

    public static let unknown: UInt8 = .max

    public init(count: UInt8, mergedLength: UInt16, tokens: [MatchToken] = []) {
        self.count = count
        self.mergedLength = mergedLength
        self.tokens = tokens
    }

    /// An entry the search must recognise and score itself (see `unknown`).
    public static let unrecorded = EntryEntities(count: unknown, mergedLength: 0)

    /// The entities of `text`, one of the memory's entries, found by `entities`. `plainLength`
    /// is the entry's stored content length (what the merged length is when nothing merges).
    /// Cost: one recognition; one more tokenization only when recognition finds something.
    public static func of(_ text: String, language: Language, plainLength: Int, tokenizer: Tokenizer,
                          entities: any EntityNaming) -> EntryEntities {
        let found = entities.entities(in: text, language: language)
        let plain = UInt16(min(max(plainLength, 0), Int(UInt16.max)))
        guard !found.isEmpty else { return EntryEntities(count: 0, mergedLength: plain) }
        let merged = MatchText(text: text, language: language, tokenizer: tokenizer, entities: found)
        let count = merged.tokens.reduce(0) { $0 + ($1.token.placeable?.kind == .entity ? 1 : 0) }
        guard count > 0 else { return EntryEntities(count: 0, mergedLength: plain) }
        guard count < Int(unknown) else { return .unrecorded }
        return EntryEntities(count: UInt8(count), mergedLength: UInt16(min(merged.contentLength, Int(UInt16.max))), tokens: merged.tokens)
    }
}

extension MatchIndex {
    /// True when every entry's entities were recorded with the glossary whose fingerprint is
    /// `fingerprint` (`EntityNaming.fingerprint`) *and* this process's text analysis, so a
    /// search may trust them. O(1).
    public func hasEntities(recordedWith fingerprint: UInt64?) -> Bool {
        guard let fingerprint, let entityFingerprint else { return false }
        return entityFingerprint == Self.recordingFingerprint(glossary: fingerprint) && entryEntityCount.count == entryCount
            && entryMergedLength.count == entryCount && entryMergedStart.count == entryCount + 1
    }

    /// What the index stores as `entityFingerprint` for entities recorded with the glossary
    /// `glossary`: the recorded counts, merged lengths and merged tokens come from recognising
    /// *and tokenizing* each entry, so they also depend on the tokenizer and the Khmer model
    /// (`Tokenizer.analysisIdentity`). Another analysis gives another fingerprint, and the
    /// records are then ignored (query-time recognition: slower, exact), never trusted.
    static func recordingFingerprint(glossary: UInt64, analysis: String = Tokenizer.analysisIdentity) -> UInt64 {
        var hash = StableHash()
        hash.combine(String(glossary, radix: 16))
        hash.combine(analysis)
        return hash.value
    }

    /// The recorded entities of `entry` (only meaningful when `hasEntities(recordedWith:)`).
    @inline(__always)
    func entities(ofEntry entry: Int) -> EntryEntities {
        guard entry < entryEntityCount.count, entry < entryMergedLength.count else { return .unrecorded }
        return EntryEntities(count: entryEntityCount[entry], mergedLength: entryMergedLength[entry])
    }

    /// Starts recording entities found with the glossary `fingerprint` (stored combined with the
    /// analysis, `recordingFingerprint`), for the entries appended
    /// from now on; only on an empty index (an index with entries records them all at once,
    /// `MatchIndexBuilder.recordEntities`).
    mutating func startRecordingEntities(fingerprint: UInt64) {
        entityFingerprint = Self.recordingFingerprint(glossary: fingerprint)
        entryEntityCount = []
        entryMergedLength = []
        entityEntries = []
        entryMergedStart = [0]
        mergedTokens = []
    }

    /// Records the entities of the next entry already in the index (after
    /// `startRecordingEntities`, entry by entry, for an index that has entries). O(m′).
    mutating func recordNextEntry(_ entities: EntryEntities) {
        let entry = entryEntityCount.count
        guard entry < entryCount, entryMergedStart.count == entry + 1 else { return }
        push(entities, language: entryLanguage[entry])
    }

    /// Forgets the recorded entities (an entry was added without them): searches fall back to
    /// recognising entities in the entries, which is slow but never wrong.
    mutating func dropEntities() {
        entityFingerprint = nil
        entryEntityCount = []
        entryMergedLength = []
        entityEntries = []
        entryMergedStart = []
        mergedTokens = []
    }

    /// Keeps the per-entry arrays in step with `appendEntry` (called before it appends).
    mutating func appendEntities(_ entities: EntryEntities?, language: UInt8) {
        guard entityFingerprint != nil else { return }
        guard let entities, entryEntityCount.count == entryCount, entryMergedStart.count == entryCount + 1 else { dropEntities(); return }
        push(entities, language: language)
    }

    /// Appends one entry's record, interning its merged tokens when it holds entities.
    private mutating func push(_ entities: EntryEntities, language: UInt8) {
        entryEntityCount.append(entities.count)
        entryMergedLength.append(entities.mergedLength)
        if entities.count > 0, entities.count != EntryEntities.unknown {
            for token in entities.tokens { mergedTokens.append(vocabulary.intern(token, language: language) | (token.spaced ? 0x8000_0000 : 0)) }
        }
        entryMergedStart.append(UInt32(truncatingIfNeeded: mergedTokens.count))
    }

    /// The merged tokens of `entry` (a recorded entry holding entities) as comparable ids,
    /// into a reused buffer. O(m′).
    func mergedTokenIDs(ofEntry entry: Int, into ids: inout [TokenIDs]) {
        ids.removeAll(keepingCapacity: true)
        guard entry + 1 < entryMergedStart.count else { return }
        let lower = Int(entryMergedStart[entry]), upper = Int(entryMergedStart[entry + 1])
        guard lower <= upper, upper <= mergedTokens.count else { return }
        for position in lower..<upper { ids.append(vocabulary.ids(ofStored: mergedTokens[position])) }
    }

    /// The sort key of the entity list: language, merged length (0 for an unrecorded entry, so
    /// every search reads it), entry.
    @inline(__always)
    func entityKey(_ entry: Int) -> UInt64 {
        let recorded = entities(ofEntry: entry)
        let length = recorded.count == EntryEntities.unknown ? 0 : UInt64(recorded.mergedLength)
        return UInt64(entryLanguage[entry]) << 48 | length << 32 | UInt64(entry)
    }

    /// Lists the entries holding entities (or unrecorded), sorted by `entityKey`. O(N + E log E).
    mutating func buildEntityList() {
        guard entityFingerprint != nil, entryEntityCount.count == entryCount else { entityEntries = []; return }
        var keys: [UInt64] = []
        for entry in 0..<entryCount where entryEntityCount[entry] > 0 { keys.append(entityKey(entry)) }
        keys.sort()
        entityEntries = IndexArray(keys.lazy.map { UInt32(truncatingIfNeeded: $0) })
    }

    /// The positions in `entityEntries` of the entries of `language` holding entities whose
    /// merged length lies in `lengths` (0 selects the unrecorded ones). O(log E).
    func entityEntries(language: UInt8, mergedLengths lengths: ClosedRange<Int>) -> Range<Int> {
        let lower = UInt64(language) << 48 | UInt64(min(max(lengths.lowerBound, 0), Int(UInt16.max))) << 32
        let upper = UInt64(language) << 48 | UInt64(min(max(lengths.upperBound, 0), Int(UInt16.max))) << 32 | 0xFFFF_FFFF
        func first(above key: UInt64, inclusive: Bool) -> Int {
            var low = 0, high = entityEntries.count
            while low < high {
                let mid = (low + high) / 2
                let value = entityKey(Int(entityEntries[mid]))
                if inclusive ? value < key : value <= key { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let start = first(above: lower, inclusive: true)
        return start..<max(start, first(above: upper, inclusive: false))
    }
}
