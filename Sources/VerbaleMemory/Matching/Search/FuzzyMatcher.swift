import VerbaleCore

/// Finds exact and fuzzy matches for a text in a memory, in any language the memory has.
///
/// Usage:
/// ```swift
/// let matcher = FuzzyMatcher(index: index, archive: archive)
/// let matches = try matcher.search("The Embassy presents its compliments", language: .en)
/// ```
/// Cost per search: one tokenization of the query, `MatchIndex.search` (sublinear: only the
/// postings of admissible lengths are read), then for the `limit` shown matches one
/// tokenization of the source and targets plus an O(n·m) alignment for the diff. Not
/// thread-safe (tokenizers are cached).
public final class FuzzyMatcher {
    public let index: MatchIndex
    public let archive: any MatchUnits
    public var model: CostModel
    /// Names glossary entities in target languages (placeable transfer); nil without glossary.
    public var entities: (any EntityNaming)?
    private var tokenizers: [Language: Tokenizer] = [:]
    private let scratch = SearchScratch()

    public init(index: MatchIndex, archive: any MatchUnits, model: CostModel = .standard, entities: (any EntityNaming)? = nil) {
        self.index = index
        self.archive = archive
        self.model = model
        self.entities = entities
    }

    public func tokenizer(for language: Language) throws(MatchError) -> Tokenizer {
        if let tokenizer = tokenizers[language] { return tokenizer }
        do {
            let tokenizer = try Tokenizer(language: language)
            tokenizers[language] = tokenizer
            return tokenizer
        } catch {
            throw .tokenizer(error.description)
        }
    }

    /// The query as the index sees it.
    public func analyse(_ text: String, language: Language) throws(MatchError) -> MatchText {
        MatchText(text: text, language: language, tokenizer: try tokenizer(for: language))
    }

    /// The memory's best matches for `text`, best first.
    ///
    /// - Parameters:
    ///   - targets: languages of the translations to return (nil: all other languages).
    ///   - threshold: lowest score returned (1…100).
    ///   - previousSegment: the segment before `text` in the document; an exact match whose
    ///     unit has the same previous segment scores 101 (context match).
    public func search(_ text: String, language: Language, targets: [LanguageTag]? = nil, threshold: Int = 70, limit: Int = 5,
                       previousSegment: String? = nil) throws(MatchError) -> [FuzzyMatch] {
        guard !text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{200B}" }) else { throw .emptyQuery }
        guard index.languages.contains(language) else {
            throw .languageNotInMemory(language.rawValue, available: index.languages.map(\.rawValue).sorted())
        }
        let query = try analyse(text, language: language)
        guard query.contentLength > 0 else { throw .noWords(text) }
        let languageIndex = MatchVocabulary.languageIndex(language)
        let queryIDs = query.tokens.map { index.vocabulary.ids(of: $0, language: languageIndex) }
        let hits = index.search(queryIDs, language: language, threshold: threshold, model: model, scratch: scratch)
        let context = previousSegment.map(ContextHash.of)
        let exactCount = hits.prefix { $0.score == 100 }.count
        let considered = hits.prefix(max(limit, min(exactCount, 50)))
        var matches: [FuzzyMatch] = []
        for hit in considered {
            if let match = try makeMatch(hit, query: query, queryIDs: queryIDs, targets: targets, context: context) {
                matches.append(match)
            }
        }
        matches.sort { $0.score != $1.score ? $0.score > $1.score : $0.cost < $1.cost }
        return Array(matches.prefix(max(limit, 0)))
    }

    private func makeMatch(_ hit: IndexHit, query: MatchText, queryIDs: [TokenIDs], targets: [LanguageTag]?, context: String?) throws(MatchError) -> FuzzyMatch? {
        guard let unit = archive.unit(at: Int(index.entryUnit[hit.entry])),
              let sourceVariant = unit.variants.first(where: { $0.language.language == query.language }) else { return nil }
        let source = try analyse(sourceVariant.text, language: query.language)
        let languageIndex = MatchVocabulary.languageIndex(query.language)
        let sourceIDs = source.tokens.map { index.vocabulary.ids(of: $0, language: languageIndex) }
        let script = TokenAlignment(model: model).script(queryIDs, sourceIDs)
        let changes = PlaceableTransfer.changes(steps: script.steps, query: query.tokens, source: source.tokens)
        var score = hit.score
        if score == 100, let context, unit.metadata.previousContext == context { score = 101 }
        var targetTexts: [String: String] = [:]
        var review: [String: String] = [:]
        var transferred: [PlaceableTransfer.Replacement] = []
        for variant in unit.variants where variant.language.language != query.language {
            if let targets, !targets.contains(where: { $0.matches(variant.language) || $0.primary == variant.language.primary }) { continue }
            let tag = variant.language.description
            var text = variant.text
            if let changes, let language = variant.language.language {
                let result = PlaceableTransfer.apply(changes, to: text, language: language, tokenizer: try tokenizer(for: language), entities: entities)
                text = result.text
                transferred += result.replacements
            }
            targetTexts[tag] = text
            review[tag] = variant.properties.first { $0.type == "x-review" }?.value ?? unit.metadata.review.rawValue
        }
        return FuzzyMatch(score: score, band: MatchBand(score: score).rawValue, source: sourceVariant.text,
                          sourceLanguage: sourceVariant.language.description,
                          sourceReview: sourceVariant.properties.first { $0.type == "x-review" }?.value ?? unit.metadata.review.rawValue,
                          targets: targetTexts, review: review,
                          origin: unit.metadata.origin, unitID: unit.id, cost: script.cost,
                          diff: Self.diff(script.steps, query: query.tokens, source: source.tokens), transferred: transferred)
    }

    /// The non-equal steps of a script as highlightable diff steps.
    static func diff(_ steps: [TokenAlignment.Step], query: [MatchToken], source: [MatchToken]) -> [DiffStep] {
        func side(_ tokens: [MatchToken], _ index: Int) -> DiffStep.Side {
            let token = tokens[index].token
            return DiffStep.Side(token: index, text: token.text, start: token.range.lowerBound, end: token.range.upperBound)
        }
        return steps.compactMap { step in
            switch step {
            case .equal: return nil
            case let .inserted(q, cost):
                return DiffStep(op: "inserted", reason: query[q].isContent ? "word" : "punctuation", cost: cost, query: side(query, q), source: nil)
            case let .deleted(s, cost):
                return DiffStep(op: "deleted", reason: source[s].isContent ? "word" : "punctuation", cost: cost, query: nil, source: side(source, s))
            case let .substituted(q, s, cost):
                return DiffStep(op: "substituted", reason: reason(query[q], source[s]), cost: cost, query: side(query, q), source: side(source, s))
            }
        }
    }

    static func reason(_ a: MatchToken, _ b: MatchToken) -> String {
        if a.token.text == b.token.text { return "spacing" }
        if a.classKey != b.classKey { return "word" }
        if a.isPunctuation { return "punctuation" }
        if a.value != nil { return a.value == b.value ? "form" : "placeable" }
        return a.token.key == b.token.key ? "case" : "diacritics"
    }
}

/// Why a search could not run.
public enum MatchError: Error, CustomStringConvertible, Equatable, Sendable {
    case emptyQuery
    case noWords(String)
    case languageNotInMemory(String, available: [String])
    case tokenizer(String)

    public var description: String {
        switch self {
        case .emptyQuery:
            "the query is empty: give the text to look up (e.g. verbale search \"has the honour to inform\")"
        case let .noWords(text):
            "the query \"\(text.prefix(40))\" has no words, numbers or placeables to match"
        case let .languageNotInMemory(language, available):
            "the memory has no \(language) segments (it has: \(available.isEmpty ? "none" : available.joined(separator: ", ")))"
        case let .tokenizer(message):
            "cannot tokenize: \(message)"
        }
    }
}
