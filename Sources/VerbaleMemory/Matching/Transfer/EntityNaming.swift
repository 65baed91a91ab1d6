import VerbaleCore

/// A glossary entity's name in a target language, with how far it can be trusted.
public struct EntityName: Hashable, Sendable {
    public var text: String
    /// The term's review status (`unreviewed` for Khmer no attested source confirms), or nil.
    public var review: String?

    public init(text: String, review: String? = nil) {
        self.text = text
        self.review = review
    }
}

/// Finds glossary entities in a text and names them in target languages ("Kingdom of
/// Thailand" → concept `iso3166-1:TH` → "Royaume de Thaïlande").
///
/// Why a protocol: the glossary implements it (in VerbaleDraft, which sees both modules); the
/// matcher only asks, so matching does not depend on the glossary module. An entity found by
/// `entities(in:language:)` becomes one `#entity` token valued by its concept id, so two
/// countries differ by a small placeable penalty, not by one full edit per word.
public protocol EntityNaming: Sendable {
    /// The concept's name in `language` (any form), or nil when the glossary has none.
    func name(ofConcept concept: String, in language: Language) -> String?
    /// The concept's name in `language` in the same form (formal/short) as `found`, the name
    /// of another entity the target text had at that place. Default: `name(ofConcept:in:)`.
    func name(ofConcept concept: String, in language: Language, replacing found: String) -> EntityName?
    /// The entities in `text` as `.entity` placeables (value: concept id), left to right,
    /// never overlapping. Default: none. Cost: whatever the glossary's recogniser costs, O(n).
    func entities(in text: String, language: Language) -> [Placeable]
    /// Identifies what `entities(in:language:)` finds: equal fingerprints promise equal answers
    /// for every text. An index records each entry's entities with the fingerprint of the
    /// glossary it used, and a search trusts them only when its own glossary has the same
    /// (`MatchIndex.hasEntities(recordedWith:)`). Default nil: never trusted, entities are then
    /// recognised in the entries at query time (slow, never wrong).
    var fingerprint: UInt64? { get }
}

extension EntityNaming {
    public func name(ofConcept concept: String, in language: Language, replacing found: String) -> EntityName? {
        name(ofConcept: concept, in: language).map { EntityName(text: $0) }
    }

    public func entities(in text: String, language: Language) -> [Placeable] { [] }

    public var fingerprint: UInt64? { nil }
}

/// FNV-1a, 64 bits: a stable hash (unlike `Hasher`, the same in every process) for glossary
/// fingerprints. O(bytes).
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    public mutating func combine(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        // A separator byte no UTF-8 text holds, so ("ab", "c") and ("a", "bc") differ.
        value = (value ^ 0xFF) &* 0x0000_0100_0000_01B3
    }
}
