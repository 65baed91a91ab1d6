import VerbaleCore

/// One memory match for a query: what `verbale search` prints and a UI shows.
///
/// `targets` are the unit's other variants (with the query's placeables carried over when the
/// match differs only in placeables); `review` says, per target language, how far each can be
/// trusted (shipped Khmer without an attested source is `unreviewed`). JSON fields `score`,
/// `band`, `source`, `targets`, `origin` and `diff` are a contract (issue 4).
public struct FuzzyMatch: Hashable, Sendable, Encodable {
    public var score: Int
    public var band: String
    public var source: String
    public var sourceLanguage: String
    /// Review status of the memory segment itself (a Khmer source can be unreviewed too).
    public var sourceReview: String
    public var targets: [String: String]
    /// Per target language: the review status (`unreviewed`, `translated`, `reviewed`…).
    public var review: [String: String]
    public var origin: String?
    public var unitID: String?
    public var cost: Int
    public var diff: [DiffStep]
    /// Placeables whose values were carried from the query into `targets`.
    public var transferred: [PlaceableTransfer.Replacement]
    /// Values of the query that differ from the segment's and were not written into a
    /// translation, which therefore still holds the memory's value: the drafter must check it
    /// (`UncarriedPlaceable`; JSON `notCarried`, added beside the contract fields).
    public var notCarried: [UncarriedPlaceable] = []
    /// How many of the listed matches (this one included) have this same source text with
    /// other translations — the memory's alternatives, shown as such; 0 when this source is
    /// listed once (JSON `alternatives`, added beside the contract fields).
    public var alternatives: Int = 0
    /// This match's place among those `alternatives` (1-based, in the list's order; 0 when
    /// none): what the text output prints as `[alternative k of N]`. Not in the JSON, whose
    /// array order says it.
    public var alternativeNumber: Int = 0

    /// True when some target is marked unreviewed (every output must say so).
    public var hasUnreviewedTarget: Bool { review.values.contains(ReviewStatus.unreviewed.rawValue) }

    /// The languages, source included, whose text no reviewer has confirmed.
    public var unreviewedLanguages: [String] {
        var languages = review.filter { $0.value == ReviewStatus.unreviewed.rawValue }.keys.sorted()
        if sourceReview == ReviewStatus.unreviewed.rawValue { languages.insert(sourceLanguage, at: 0) }
        return languages
    }
}

/// One step of a match's diff, for highlighting: `inserted` = in the query only, `deleted` =
/// in the memory segment only, `substituted` = memory token replaced by a query token (with
/// `reason`: word, case, diacritics, placeable, punctuation, spacing). Positions are token
/// indices and Unicode-scalar ranges in the query and in `source`.
public struct DiffStep: Hashable, Sendable, Codable {
    public struct Side: Hashable, Sendable, Codable {
        public var token: Int
        public var text: String
        public var start: Int
        public var end: Int
    }

    public var op: String
    public var reason: String
    public var cost: Int
    public var query: Side?
    public var source: Side?
}

extension FuzzyMatch {
    enum CodingKeys: String, CodingKey {
        case score, band, source, sourceLanguage, sourceReview, targets, review, origin, unitID, cost, diff, transferred, notCarried, unreviewed
        case alternatives
    }

    /// Encodes every contract field, `origin` as null when unknown, plus `unreviewed`: the
    /// languages (source included) whose text no reviewer has confirmed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // Optional fields encode as null (never omitted): the contract keeps every key.
        let fields: [(CodingKeys, any Encodable)] = [
            (.score, score), (.band, band), (.source, source), (.sourceLanguage, sourceLanguage), (.sourceReview, sourceReview),
            (.targets, targets), (.review, review), (.origin, origin), (.unitID, unitID), (.cost, cost), (.diff, diff),
            (.transferred, transferred), (.notCarried, notCarried), (.unreviewed, unreviewedLanguages),
            (.alternatives, alternatives),
        ]
        for (key, value) in fields { try container.encode(value, forKey: key) }
    }
}
