import VerbaleCore

/// A concordance search: units whose text contains all `text`'s words.
public struct ConcordanceQuery: Sendable {
    public var text: String
    /// Only variants in this language (`fr` also finds `fr-CA`); all when nil.
    public var language: LanguageTag?
    /// At most this many hits.
    public var limit: Int

    public init(text: String, language: LanguageTag? = nil, limit: Int = 20) {
        self.text = text
        self.language = language
        self.limit = limit
    }
}

/// The hits of a concordance search, best first.
public struct ConcordanceResult: Codable, Sendable {
    public var query: String
    /// The words searched for (index keys).
    public var words: [String]
    public var hits: [ConcordanceHit]
    /// Matching variants examined for ranking (the most recent ones when there are more).
    public var examined: Int
    /// True when more variants matched than were examined.
    public var more: Bool
    /// True when no text held the words as typed and these hits hold them with other accents
    /// (`Ministere` finding `ministère`; `ConcordanceAccents`). JSON `accentsIgnored`, added
    /// beside the other fields.
    public var accentsIgnored: Bool = false
}

/// One variant containing the words, with the rest of its unit.
public struct ConcordanceHit: Codable, Sendable {
    public struct Span: Codable, Sendable, Equatable {
        /// Offsets in Unicode scalars of `text`, end exclusive.
        public var start: Int
        public var end: Int
    }

    public struct Translation: Codable, Sendable {
        public var language: String
        public var text: String
        /// This variant's review status (its own `x-review` property, else the unit's).
        public var review: String
    }

    /// The memory's own number for the unit (its row), for `--json` tools that come back to it.
    public var unit: Int64
    /// The unit's id in the file it came from (TMX `tuid`, XLIFF `id`), nil when the file gave
    /// none: the same field, with the same meaning, as `search --json`'s (review 1130c, m2).
    public var unitID: String?
    public var language: String
    public var text: String
    /// The text with each hit in `[[…]]`.
    public var marked: String
    public var highlights: [Span]
    /// The unit's other variants.
    public var translations: [Translation]
    /// The hit variant's review status (its own `x-review` property, else the unit's):
    /// `unreviewed` renderings are shown as such, since no attested source confirms them.
    public var review: String
    public var origin: String?
    /// Whether the words appear together, in order (ranked first).
    public var phrase: Bool
}
