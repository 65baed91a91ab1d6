import VerbaleCore

/// Builds a `MatchIndex` (and the `UnitArchive` beside it) from translation units.
///
/// Every variant in English, French or Khmer becomes an entry, so a memory answers queries in
/// any of its languages. Variants in other languages are kept in the archive but not indexed.
/// Cost: one tokenizer pass per variant (ICU; the dominant cost, ~tens of µs per sentence)
/// plus O(T log T) for the postings in `finish()`. Not thread-safe (tokenizers are not).
public final class MatchIndexBuilder {
    public private(set) var index: MatchIndex
    public private(set) var archive: UnitArchive
    private var tokenizers: [Language: Tokenizer] = [:]

    /// Starts empty, or from an existing index to add units to (its postings are rebuilt by
    /// `finish()`; O(existing postings)).
    public init(index: MatchIndex = MatchIndex(), archive: UnitArchive = UnitArchive()) {
        self.index = index
        self.archive = archive
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
        let number = archive.count
        archive.append(unit)
        for variant in unit.variants {
            guard let language = variant.language.language else { continue }
            let text = MatchText(text: variant.text, language: language, tokenizer: try tokenizer(for: language))
            index.appendEntry(unit: UInt32(number), text: text)
        }
        return number
    }

    /// Sorts the postings and returns the searchable index and its archive.
    public func finish() -> (index: MatchIndex, archive: UnitArchive) {
        index.buildPostings()
        return (index, archive)
    }
}
