/// One entry of a termbase: a concept, and the terms that name it in each language (TBX's
/// `termEntry` / `conceptEntry`).
///
/// A concept is language-neutral, so EN→FR, FR→KM and KM→EN lookups all come from one entry.
/// Data categories Verbale does not model are kept in `fields`, so reading a TBX file and
/// writing it back loses nothing.
///
/// ```swift
/// let concept = Concept(id: "c1", domain: "Diplomacy", terms: [
///     Term(language: LanguageTag(.english), text: "note verbale", status: .preferred),
///     Term(language: LanguageTag(.french), text: "note verbale", status: .preferred),
/// ])
/// ```
public struct Concept: Hashable, Sendable, Codable {
    /// The concept's identifier (TBX `id`), unique within a termbase.
    public var id: String
    /// Subject field (TBX `subjectField`), e.g. "Diplomacy".
    public var domain: String?
    /// A definition of the concept.
    public var definition: String?
    /// A free note on the concept.
    public var note: String?
    /// The terms, in file order.
    public var terms: [Term]
    /// Other concept-level data categories, in file order.
    public var fields: [TermField]
    /// Language-level data categories (TBX `langSet`/`langSec` children other than terms),
    /// keyed by the language section they belong to, e.g. a French definition.
    public var languageFields: [LanguageField]

    public init(id: String, domain: String? = nil, definition: String? = nil, note: String? = nil,
                terms: [Term] = [], fields: [TermField] = [], languageFields: [LanguageField] = []) {
        self.id = id
        self.domain = domain
        self.definition = definition
        self.note = note
        self.terms = terms
        self.fields = fields
        self.languageFields = languageFields
    }

    /// The terms in `language` (`fr` finds `fr-CA`), preferred first, deprecated last.
    public func terms(in language: LanguageTag) -> [Term] {
        terms.enumerated()
            .filter { $0.element.language.primary == language.primary && language.matches($0.element.language) }
            .sorted { ($0.element.status.rank, $0.offset) < ($1.element.status.rank, $1.offset) }
            .map(\.element)
    }

    /// The languages of the terms, in order of first appearance.
    public var languages: [LanguageTag] {
        var seen: [LanguageTag] = []
        for term in terms where !seen.contains(term.language) { seen.append(term.language) }
        return seen
    }
}

/// One term: a word or phrase naming a concept in one language (TBX `tig`/`ntig`/`termSec`).
public struct Term: Hashable, Sendable, Codable {
    public var language: LanguageTag
    public var text: String
    /// Part of speech (TBX `partOfSpeech`): noun, verb, adjective, properNoun…
    public var partOfSpeech: String?
    /// Whether translators should use this term (TBX `administrativeStatus`).
    public var status: TermStatus
    /// Term type (TBX `termType`): fullForm, shortForm, acronym… (country short vs formal names).
    public var termType: String?
    /// How to use the term (TBX `usageNote`).
    public var usageNote: String?
    /// Where the term was attested: a citation or URL (TBX `source`).
    public var source: String?
    /// How far the term can be trusted. Khmer that no attested source confirms is `.unreviewed`.
    public var review: ReviewStatus
    /// Other term-level data categories, in file order.
    public var fields: [TermField]

    public init(language: LanguageTag, text: String, partOfSpeech: String? = nil, status: TermStatus = .admitted,
                termType: String? = nil, usageNote: String? = nil, source: String? = nil,
                review: ReviewStatus = .translated, fields: [TermField] = []) {
        self.language = language
        self.text = text
        self.partOfSpeech = partOfSpeech
        self.status = status
        self.termType = termType
        self.usageNote = usageNote
        self.source = source
        self.review = review
        self.fields = fields
    }
}

/// TBX administrative status of a term, in the order translators should prefer them.
public enum TermStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case preferred, admitted, deprecated, superseded

    /// Sort rank: preferred first.
    public var rank: Int {
        switch self {
        case .preferred: 0
        case .admitted: 1
        case .superseded: 2
        case .deprecated: 3
        }
    }
}

/// A data category Verbale keeps but does not interpret: a TBX `descrip`, `admin`, `termNote`,
/// `note`, `transac`, `date`, `ref` or `xref` element, with its attributes and text.
public struct TermField: Hashable, Sendable, Codable {
    /// The element name (`descrip`, `admin`, `termNote`, `transac`, `date`, `note`, `xref`, `ref`).
    public var element: String
    /// Its `type` attribute, if any (`context`, `responsibility`, `transactionType`…).
    public var type: String?
    public var value: String
    /// Its other attributes (`target`, `id`…), in document order.
    public var attributes: [Property]
    /// Fields read from one `descripGrp`/`adminGrp`/`transacGrp`/`termNoteGrp` share a group
    /// number (and `groupElement` names the group), so writing restores the grouping.
    public var group: Int?
    public var groupElement: String?

    public init(element: String, type: String? = nil, value: String, attributes: [Property] = [], group: Int? = nil, groupElement: String? = nil) {
        self.element = element
        self.type = type
        self.value = value
        self.attributes = attributes
        self.group = group
        self.groupElement = groupElement
    }
}

/// A data category of one language section of a concept (e.g. a definition in French).
public struct LanguageField: Hashable, Sendable, Codable {
    public var language: LanguageTag
    public var field: TermField

    public init(language: LanguageTag, field: TermField) {
        self.language = language
        self.field = field
    }
}
