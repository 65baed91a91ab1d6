import VerbaleCore

/// Builds a `MatchIndex` (and the `UnitArchive` beside it) from translation units.
///
/// Every variant in English, French or Khmer becomes an entry, so a memory answers queries in
/// any of its languages. Variants in other languages are kept in the archive but not indexed.
/// With a glossary (`entities` with a fingerprint), each entry's glossary entities are recorded
/// too (`EntryEntities`), so queries made of entities stay fast.
/// Cost: one tokenizer pass per variant (ICU; the dominant cost, ~tens of µs per sentence),
/// with a glossary one entity recognition more (and a second tokenization for the few variants
/// that hold an entity), plus O(T log T) for the postings in `finish()`. Not thread-safe
/// (tokenizers are not).
public final class MatchIndexBuilder {
    public private(set) var index: MatchIndex
    public private(set) var archive: UnitArchive
    /// The glossary whose entities are recorded per entry; nil records none.
    public let entities: (any EntityNaming)?
    private var tokenizers: [Language: Tokenizer] = [:]

    /// Starts empty, or from an existing index to add units to (its postings are rebuilt by
    /// `finish()`; O(existing postings)). With `entities`, an existing index whose entities were
    /// recorded with another glossary (or none) gets them recorded again on the first `add`
    /// (or by `recordEntities()`): one recognition per existing entry.
    public init(index: MatchIndex = MatchIndex(), archive: UnitArchive = UnitArchive(), entities: (any EntityNaming)? = nil) {
        self.index = index
        self.archive = archive
        self.entities = entities
        if let fingerprint = entities?.fingerprint, index.entryCount == 0 { self.index.startRecordingEntities(fingerprint: fingerprint) }
    }

    /// The tokenizer for `language`, created once.
    public func tokenizer(for language: Language) throws(ICUError) -> Tokenizer {
        if let tokenizer = tokenizers[language] { return tokenizer }
        let tokenizer = try Tokenizer(language: language)
        tokenizers[language] = tokenizer
        return tokenizer
    }

    /// Adds a unit and indexes its EN/FR/KM variants. Returns the unit's number in the archive.
    @discardableResult
    public func add(_ unit: TranslationUnit) throws(ICUError) -> Int {
        if let fingerprint = entities?.fingerprint, !index.hasEntities(recordedWith: fingerprint) { try recordEntities() }
        let number = archive.count
        archive.append(unit)
        var seen: Set<Language> = []
        for variant in unit.variants {
            guard let language = variant.language.language else { continue }
            let tokenizer = try tokenizer(for: language)
            let text = MatchText(text: variant.text, language: language, tokenizer: tokenizer)
            var recorded: EntryEntities?
            if let entities, index.entityFingerprint != nil {
                // A search reads a unit's first variant of a language for all its entries of
                // that language: a second one is left to be recognised at query time.
                recorded = seen.contains(language) ? .unrecorded
                    : EntryEntities.of(variant.text, language: language, plainLength: text.contentLength, tokenizer: tokenizer, entities: entities)
            }
            seen.insert(language)
            index.appendEntry(unit: UInt32(number), text: text, entities: recorded)
        }
        return number
    }

    /// Records the glossary's entities for every entry already in the index, from the archive's
    /// texts (nothing to do without a glossary fingerprint, or when they are already recorded
    /// with it). O(entries) recognitions; the entity list is sorted by `finish()`.
    public func recordEntities() throws(ICUError) {
        guard let entities, let fingerprint = entities.fingerprint, !index.hasEntities(recordedWith: fingerprint) else { return }
        // Recorded entry by entry (not collected first: merged tokens are large); until the
        // last one, `hasEntities` is false and the index is searched without them.
        index.startRecordingEntities(fingerprint: fingerprint)
        var cachedUnit: (number: Int, unit: TranslationUnit?) = (-1, nil)
        for entry in 0..<index.entryCount {
            let number = Int(index.entryUnit[entry])
            if cachedUnit.number != number { cachedUnit = (number, archive.unit(at: number)) }
            let languageIndex = index.entryLanguage[entry]
            let language = Language.allCases[Int(languageIndex) % Language.allCases.count]
            // The first entry of its unit in its language is the first variant of that
            // language (entries follow the variants' order); any later one is unrecorded.
            let first = !Self.earlierEntry(index, before: entry, unit: number, language: languageIndex)
            var recorded = EntryEntities.unrecorded
            if first, let text = cachedUnit.unit?.variants.first(where: { $0.language.language == language })?.text {
                recorded = EntryEntities.of(text, language: language, plainLength: Int(index.entryContentLength[entry]),
                                            tokenizer: try tokenizer(for: language), entities: entities)
            }
            index.recordNextEntry(recorded)
        }
    }

    /// True when an entry of the same unit and language comes before `entry`. O(variants).
    private static func earlierEntry(_ index: MatchIndex, before entry: Int, unit: Int, language: UInt8) -> Bool {
        var previous = entry - 1
        while previous >= 0, Int(index.entryUnit[previous]) == unit {
            if index.entryLanguage[previous] == language { return true }
            previous -= 1
        }
        return false
    }

    /// Sorts the postings and returns the searchable index and its archive.
    public func finish() -> (index: MatchIndex, archive: UnitArchive) {
        index.buildPostings()
        return (index, archive)
    }
}
