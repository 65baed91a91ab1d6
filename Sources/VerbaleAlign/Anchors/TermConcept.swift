import VerbaleCore

/// A glossary entry as the aligner uses it: one concept and its renderings in each language
/// ("Ministry of Foreign Affairs" / "ministère des Affaires étrangères" / "ក្រសួងការបរទេស").
///
/// The aligner takes plain concepts rather than depending on VerbaleGlossary, so any termbase
/// (or none) can feed it; the CLI fills them from the glossary. A sentence that contains a
/// rendering gets the anchor `term:<index>`, and two sentences sharing one are likelier to be
/// translations.
public struct TermConcept: Hashable, Sendable {
    public var renderings: [Language: [String]]

    public init(renderings: [Language: [String]]) {
        self.renderings = renderings
    }
}

/// Anything that can supply term concepts to the aligner (a termbase, a TSV file…).
public protocol TermConceptSource {
    func termConcepts(for languages: [Language]) throws -> [TermConcept]
}
