/// A word-level token of a text, as the matcher, glossary and aligner see it.
///
/// `range` is in Unicode scalars of the original text (the unit users' tools count in, and what
/// `--json` prints). `key` is the matching key: NFKC, case-folded, typographic apostrophes made
/// plain. `looseKey` additionally drops Latin diacritics (`réponse` → `reponse`), so scoring
/// can charge a small penalty rather than a full edit for them. Number tokens have ASCII digits
/// in their keys (`២០២១` → `2021`). A `.placeable` token (from
/// `Tokenizer.tokenize(_:mergingPlaceables:)`) has the placeable's value as both keys, so
/// `12 January 2021` and `January 12, 2021` share the key `2021-01-12`; match placeables by
/// `placeable.kind` to charge only a small penalty when values differ.
public struct Token: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable {
        /// Letters (any script), including Khmer words found by ICU's dictionary.
        case word
        /// Digits, Latin or Khmer (០–៩), possibly with separators.
        case number
        /// Punctuation and symbols.
        case punctuation
        /// A recognised placeable (date, reference, e-mail…): see `placeable`.
        case placeable
    }

    public var text: String
    public var key: String
    public var looseKey: String
    public var range: Range<Int>
    public var kind: Kind
    /// Set when `kind == .placeable`.
    public var placeable: Placeable?

    public init(text: String, key: String, looseKey: String, range: Range<Int>, kind: Kind, placeable: Placeable? = nil) {
        self.text = text
        self.key = key
        self.looseKey = looseKey
        self.range = range
        self.kind = kind
        self.placeable = placeable
    }
}

/// A typed span of text that is translated by rule, not by words: numbers, dates, note
/// reference numbers, e-mail addresses, URLs, glossary entities, inline tags and personal-data
/// placeholders. Placeables match by type; a different value costs a small penalty and is
/// carried over into the suggested translation.
public struct Placeable: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case number, date, reference, email, url, entity, tag, placeholder
    }

    public var kind: Kind
    /// The text as it appears.
    public var text: String
    /// A language-neutral value: digits in ASCII for numbers, ISO 8601 for dates, the
    /// reference's identifier, the address for e-mails and URLs, a concept id for entities.
    public var value: String
    /// Where in the text, in Unicode scalars.
    public var range: Range<Int>

    public init(kind: Kind, text: String, value: String, range: Range<Int>) {
        self.kind = kind
        self.text = text
        self.value = value
        self.range = range
    }
}
