import VerbaleCore
import VerbaleGlossary
import VerbaleMemory

/// The matcher's glossary entities, from a termbase: recognises terms ("Kingdom of Thailand",
/// "ព្រះរាជាណាចក្រ​ថៃ") as `.entity` placeables valued by concept id, and names a concept in a
/// target language in the form (formal or short) of the name it replaces.
///
/// Why here: VerbaleMemory must not depend on VerbaleGlossary; drafting sees both. Cost:
/// recognition is O(n) per text (see `Termbase.recognize`), naming one recognition of the
/// replaced name plus a scan of the concept's terms.
public struct GlossaryEntities: EntityNaming, @unchecked Sendable {
    public let glossary: DraftGlossary
    public let fingerprint: UInt64?

    /// Computes the glossary's fingerprint once: O(terms).
    public init(glossary: DraftGlossary) {
        self.glossary = glossary
        self.fingerprint = Self.fingerprint(of: glossary.termbase.concepts)
    }

    /// Bumped whenever recognition (`Termbase.recognize`, the proper-noun filter below) changes
    /// what it finds, so indexes that recorded entities with the old code are not trusted.
    /// entities-3: a one-word name a surname follows is a first name ("Chad Smith"; review 1130d m6).
    static let recognitionVersion = "entities-3"

    /// A stable hash of everything recognition reads, in the termbase's order: every term of
    /// every concept (not only proper nouns — a longer common term can hide a name), with its
    /// concept, language, text, part of speech, status, type and review status. Two glossaries
    /// with equal fingerprints find the same entities in every text (`EntityNaming.fingerprint`).
    static func fingerprint(of concepts: [Concept]) -> UInt64 {
        var hash = StableHash()
        hash.combine(recognitionVersion)
        for concept in concepts {
            hash.combine(concept.id)
            for term in concept.terms {
                hash.combine(term.language.description)
                hash.combine(term.text)
                hash.combine(term.partOfSpeech ?? "")
                hash.combine(term.status.rawValue)
                hash.combine(term.termType ?? "")
                hash.combine(term.review.rawValue)  // a doubted term yields to a sound one (entities-2)
            }
        }
        return hash.value
    }

    /// The shipped termbases (`Glossaries/*.tbx`), as `verbale draft translate` loads them;
    /// nil when none is shipped.
    public static func shipped() throws(DraftError) -> GlossaryEntities? {
        try shipped(adding: [])
    }

    /// The shipped termbases with the user's imported concepts first (`DraftGlossary.shipped(adding:)`),
    /// as `draft translate`, `search` and `suggest` load them for one memory.
    public static func shipped(adding userConcepts: [Concept]) throws(DraftError) -> GlossaryEntities? {
        try DraftGlossary.shipped(adding: userConcepts).map(GlossaryEntities.init)
    }

    /// Proper names only (TBX `partOfSpeech` `properNoun`: countries, institutions): a common
    /// term such as "embassy" or "compliments" must stay a word, or swapping two of them would
    /// cost a small penalty and be "transferred" into the translation.
    public func entities(in text: String, language: Language) -> [Placeable] {
        glossary.recognize(text, language: language).filter { $0.term.partOfSpeech == "properNoun" }.map(\.placeable)
    }

    public func name(ofConcept concept: String, in language: Language) -> String? {
        let terms = terms(of: concept, in: language)
        return (terms.first { !$0.isDoubted } ?? terms.first)?.text
    }

    public func name(ofConcept concept: String, in language: Language, replacing found: String) -> EntityName? {
        let candidates = terms(of: concept, in: language)
        let type = glossary.recognize(found, language: language).first?.term.termType
        // A sound term before a doubted one (`Term.isDoubted`), then the same form first.
        let ordered = candidates.filter { !$0.isDoubted } + candidates.filter(\.isDoubted)
        guard let term = ordered.first(where: { type != nil && $0.termType == type && !$0.isDoubted }) ?? ordered.first else { return nil }
        return EntityName(text: term.text, review: term.review.rawValue)
    }

    /// The concept's usable terms in `language`: not deprecated, preferred first.
    private func terms(of concept: String, in language: Language) -> [Term] {
        guard let entry = glossary.termbase.concepts.first(where: { $0.id == concept }) else { return [] }
        return entry.terms(in: LanguageTag(language)).filter { $0.status != .deprecated }
    }
}
