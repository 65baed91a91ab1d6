import VerbaleCore

/// The JSON shape of a concept that the CLI (and any other front end) prints:
/// `{"score", "concept", "terms": {"en": [...], "fr": [...], "km": [...]}}`, each term with its
/// status, source and review. Fields beside those are additions; those named are a contract.
public struct ConceptJSON: Encodable, Sendable {
    public struct TermJSON: Encodable, Sendable {
        public var text: String
        public var status: String
        public var source: String?
        public var review: String
        public var partOfSpeech: String?
        public var termType: String?
        public var usageNote: String?
        /// Whether the termbase stated `status`; false when it stated none and `status` is the
        /// `admitted` the term is ranked as (review 1130b, m8). `status` itself is a contract.
        public var statusStated: Bool

        public init(_ term: Term) {
            text = term.text
            status = term.status.rawValue
            statusStated = term.declaredStatus != nil
            source = term.source
            review = term.review.rawValue
            partOfSpeech = term.partOfSpeech
            termType = term.termType
            usageNote = term.usageNote
        }
    }

    public var score: Int?
    public var concept: String
    public var terms: [String: [TermJSON]]
    public var match: String?
    public var matched: String?
    public var domain: String?
    public var definition: String?
    public var note: String?
    /// Where the concept came from: `{"termbase", "file", "entry"}` (review 1130b, m8);
    /// absent for a concept not read from the store.
    public var origin: ConceptOrigin?

    /// `languages` limits the terms shown (nil: all), in the concept's own order with
    /// preferred terms first.
    public init(_ concept: Concept, score: Int? = nil, match: String? = nil, matched: String? = nil, languages: [LanguageTag]? = nil) {
        self.score = score
        self.concept = concept.id
        self.match = match
        self.matched = matched
        domain = concept.domain
        definition = concept.definition ?? concept.languageFields.first { $0.field.type == "definition" }?.field.value
        note = concept.note
        origin = concept.origin
        var terms: [String: [TermJSON]] = [:]
        for language in concept.languages where languages?.contains(where: { $0.primary == language.primary }) ?? true {
            terms[language.description] = concept.terms(in: language).filter { $0.language == language }.map(TermJSON.init)
        }
        self.terms = terms
    }
}
