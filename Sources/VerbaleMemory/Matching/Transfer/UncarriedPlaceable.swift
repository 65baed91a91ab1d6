import VerbaleCore

/// A value of the query that differs from the memory segment's and was NOT written into one
/// translation: that translation still holds the memory's date, number, reference or name
/// (or none at all), and a drafter who pastes it sends a note with the wrong date (review
/// 30 Nov, m3: "The note of 7 March 2022" over a unit whose French reads "du 5 janvier
/// dernier"). `verbale search`/`suggest` print it under the translation
/// (`fr: not carried: 7 March 2022 — check`) and `--json` gives it in `notCarried`, beside
/// `transferred`.
///
/// Why this can happen: a translation words the value in a way the tokenizer does not read as
/// the same placeable ("5 janvier dernier" has no year, so it is no date of 2021), leaves it
/// out, or the match differs in words too, in which case nothing is carried at all (a word
/// that differs may be what the value belongs to). Cost: nothing beyond the transfer itself —
/// the changes are the diff's placeable substitutions, already computed.
public struct UncarriedPlaceable: Hashable, Sendable, Codable {
    /// Why the value was not written.
    public enum Reason: String, Hashable, Sendable, Codable {
        /// The memory's value is not in this translation in a form Verbale recognises.
        case notFound = "not found in the translation"
        /// The match differs in words as well: Verbale carries values only into matches that
        /// differ in nothing else.
        case wordsDiffer = "the match differs in words too"
        /// A numbered or repeated personal-data placeholder: which one is this value is not known.
        case ambiguousPlaceholder = "the placeholder may stand for another person or value"
        /// The glossary has no name for this entity in the translation's language.
        case noName = "no name in this language"
    }

    /// The translation's tag, as it keys `FuzzyMatch.targets` (`fr`, `km-KH`).
    public var language: String
    /// The placeable's type (`date`, `number`, `reference`, `placeholder`, `entity`…).
    public var kind: String
    /// The query's value as typed.
    public var value: String
    /// The memory segment's value it differs from, as the segment writes it.
    public var memoryValue: String
    /// The query's value written as the translation's language writes it (`7 mars 2022`,
    /// `ថ្ងៃទី៧ ខែមីនា ឆ្នាំ២០២២`), for dates, numbers and references; nil otherwise.
    public var suggestion: String?
    public var reason: Reason

    /// One record per change not written into the translation `tag` of `language`.
    static func records(_ changes: [(change: PlaceableTransfer.Change, reason: Reason)], tag: String, language: Language?) -> [UncarriedPlaceable] {
        changes.map { change, reason in
            let kind = change.query.token.placeable?.kind ?? .number
            var suggestion: String?
            if let language {
                switch kind {
                case .date, .reference:
                    suggestion = change.query.token.placeable?.rendered(in: language)
                case .number:
                    suggestion = change.query.token.placeable?.rendered(in: language)
                        ?? PlaceableRendering.number(change.query.value ?? change.query.token.text, in: language)
                default:
                    suggestion = nil
                }
            }
            return UncarriedPlaceable(language: tag, kind: String(change.query.classKey.dropFirst()), value: change.query.token.text,
                                      memoryValue: change.source.token.text, suggestion: suggestion == change.query.token.text ? nil : suggestion,
                                      reason: reason)
        }
    }
}

extension PlaceableTransfer {
    /// Every aligned pair of placeables of one type with different values, whatever else the
    /// match differs in (`changes(steps:query:source:)` gives them only when nothing else
    /// differs, since only then are they carried). O(steps).
    public static func differingPlaceables(steps: [TokenAlignment.Step], query: [MatchToken], source: [MatchToken]) -> [Change] {
        steps.compactMap { step in
            guard case let .substituted(q, s, _) = step else { return nil }
            let a = query[q], b = source[s]
            return a.classKey == b.classKey && a.value != nil && a.value != b.value ? Change(source: b, query: a) : nil
        }
    }
}
