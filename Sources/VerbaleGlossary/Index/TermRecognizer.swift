import VerbaleCore

/// A termbase term found in a text.
public struct TermOccurrence: Sendable {
    /// Where, in Unicode scalars of the text (as `Token.range`).
    public var range: Range<Int>
    /// The text as it appears.
    public var text: String
    /// The concept the term names: its id, and its terms in every language (the equivalents).
    public var concept: Concept
    /// The termbase term that matched (its status says whether it is deprecated).
    public var term: Term

    /// The concept's terms in `language` that a translation should use: not deprecated,
    /// preferred first, and among those the same form as the matched term first (a formal
    /// name, "Kingdom of Thailand", calls for "Royaume de Thaïlande" rather than "Thaïlande").
    public func equivalents(in language: LanguageTag) -> [Term] {
        let terms = concept.terms(in: language).filter { $0.status != .deprecated }
        guard let type = term.termType else { return terms }
        return terms.filter { $0.termType == type } + terms.filter { $0.termType != type }
    }

    /// The occurrence as a glossary-entity placeable (value: the concept id), for the matcher.
    public var placeable: Placeable { Placeable(kind: .entity, text: text, value: concept.id, range: range) }
}

extension Termbase {
    /// Every termbase term in `text`, left to right, longest first, never overlapping.
    ///
    /// Matches start and end on the tokenizer's word boundaries (so Khmer, which has no
    /// spaces, works) and compare loose keys (case, Latin diacritics, ’ vs ', U+200B and
    /// punctuation aside). Only terms in `language` are recognised; `nil` accepts any.
    ///
    /// Cost: one tokenizer pass, then per token at most `maxTokens` hash probes, and usually
    /// one: a candidate stops growing as soon as no term starts with it. O(n) in the text.
    public func recognize(_ text: String, language: LanguageTag?) -> [TermOccurrence] {
        let tokenLanguage = TermKeyer.language(for: language, text: text)
        return recognize(text, tokens: keyer.words(text, language: tokenLanguage), language: language)
    }

    /// Recognition over tokens the caller already has (the matcher and drafting tokenize each
    /// segment once): `tokens` must be `TermKeyer.words(text, …)` of `text` (word and number
    /// tokens, punctuation dropped, elisions split). Cost: O(tokens × tokens tried per start),
    /// integer hashing only; strings are built only to confirm a hit.
    public func recognize(_ text: String, tokens: [Token], language: LanguageTag?) -> [TermOccurrence] {
        var found: [TermOccurrence] = []
        var scalars: [Unicode.Scalar]?
        let wanted = language?.primary
        let keys = tokens.map(\.looseKey)
        var i = 0
        while i < tokens.count {
            var hash = KeyHash()
            var best: (end: Int, entry: Int32)?
            var j = i
            while j < tokens.count, j - i < maxTokens * 4 {
                hash.appendToken(keys[j])
                if let hits = exactHashes[hash.value] {
                    let joined = TermKeyer.join(keys[i...j])
                    if let hit = hits.first(where: { entries[Int($0)].key == joined && (wanted == nil || entries[Int($0)].language == wanted) }) {
                        best = (j, hit)
                    }
                }
                if !viablePrefixes.contains(hash.value) { break }
                j += 1
            }
            guard let match = best else { i += 1; continue }
            let range = tokens[i].range.lowerBound..<tokens[match.end].range.upperBound
            let (concept, term) = resolve(match.entry)
            if scalars == nil { scalars = Array(text.unicodeScalars) }
            let surface = scalars.map { String(String.UnicodeScalarView($0[range])) } ?? ""
            found.append(TermOccurrence(range: range, text: surface, concept: concept, term: term))
            i = match.end + 1
        }
        return found
    }
}
