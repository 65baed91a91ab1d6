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
    /// Where the concept was read from, as the store knows it (termbase, file, entry id); nil
    /// for a concept just read from a file. Not part of the concept's content: two imports of
    /// the same entry are the same concept (`==` ignores it), so re-importing a file finds
    /// its concepts unchanged.
    public var origin: ConceptOrigin?

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

    /// Content equality: every field but `origin`.
    public static func == (lhs: Concept, rhs: Concept) -> Bool {
        lhs.id == rhs.id && lhs.domain == rhs.domain && lhs.definition == rhs.definition && lhs.note == rhs.note
            && lhs.terms == rhs.terms && lhs.fields == rhs.fields && lhs.languageFields == rhs.languageFields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(domain)
        hasher.combine(definition)
        hasher.combine(note)
        hasher.combine(terms)
        hasher.combine(fields)
        hasher.combine(languageFields)
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

/// Where a stored concept came from: the termbase it was imported into, the file (its name
/// only, `FileOrigin`) and the entry's id there — what `glossary lookup` shows as
/// `from: ok.tbx#c1`, as memory units show `from: FILE#N` (review 1130b, m8).
public struct ConceptOrigin: Hashable, Sendable, Codable, CustomStringConvertible {
    public var termbase: String
    public var file: String?
    public var entry: String

    public init(termbase: String, file: String?, entry: String) {
        self.termbase = termbase
        self.file = file
        self.entry = entry
    }

    /// `ok.tbx#c1, termbase ok`; the termbase alone when no file is known. An entry whose id
    /// already names its file (a CSV row's made-up `g1.tsv#2`) is not prefixed twice
    /// (review 1130c, m12).
    public var description: String {
        let place = file ?? termbase
        let named = entry.hasPrefix(place + "#") ? entry : "\(place)#\(entry)"
        return "\(named), termbase \(termbase)"
    }
}

/// One term: a word or phrase naming a concept in one language (TBX `tig`/`ntig`/`termSec`).
public struct Term: Hashable, Sendable, Codable {
    public var language: LanguageTag
    public var text: String
    /// Part of speech (TBX `partOfSpeech`): noun, verb, adjective, properNoun…
    public var partOfSpeech: String?
    /// The administrative status the file stated (TBX `administrativeStatus`, a `status`
    /// column); nil when it stated none. Kept apart from `status` so that a missing status
    /// stays missing through import and export, instead of an `admitted` nobody asserted
    /// being written out (review 1130b, m8).
    public var declaredStatus: TermStatus?
    /// Whether translators should use this term, for ranking and checks: the declared
    /// status, else `admitted` (usable, not preferred). Setting it declares it.
    public var status: TermStatus {
        get { declaredStatus ?? .admitted }
        set { declaredStatus = newValue }
    }
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

    public init(language: LanguageTag, text: String, partOfSpeech: String? = nil, status: TermStatus? = nil,
                termType: String? = nil, usageNote: String? = nil, source: String? = nil,
                review: ReviewStatus = .translated, fields: [TermField] = []) {
        self.language = language
        self.text = text
        self.partOfSpeech = partOfSpeech
        self.declaredStatus = status
        self.termType = termType
        self.usageNote = usageNote
        self.source = source
        self.review = review
        self.fields = fields
    }

    enum CodingKeys: String, CodingKey {
        case language, text, partOfSpeech, termType, usageNote, source, review, fields
        case declaredStatus = "status"
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
