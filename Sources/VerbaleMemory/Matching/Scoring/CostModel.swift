/// What each difference between two token sequences costs, in hundredths of a full edit.
///
/// The fuzzy score of a memory segment `b` for a query `a` is
///
///     score = 100 × (1 − cost / max(|a|, |b|))      (rounded down; < 100 unless cost = 0)
///
/// where `|a|` counts the *content* tokens of `a` (words, numbers, placeables — not
/// punctuation) and `cost` is the cheapest token edit script (a weighted Levenshtein distance
/// on normalised tokens) under these prices:
///
/// | difference                                                  | cost (of 100) |
/// |-------------------------------------------------------------|---------------|
/// | insert or delete a word, number or placeable                | 100           |
/// | substitute two different words (different loose keys)      | 100           |
/// | same word, differing only in case (`Embassy`/`embassy`)     | `caseDifference` (10) |
/// | same word, differing in Latin diacritics (`Thaïlande`/`Thailande`) | `diacriticDifference` (20) |
/// | placeable of the same type, another value (`1993`/`1994`, two dates, two references, e-mails, entities) | `placeableValue` (30) |
/// | same placeable value written differently (`1,000`/`1000`)   | `caseDifference` (10) |
/// | insert, delete or substitute punctuation                    | `punctuation` (25) |
/// | aligned tokens whose preceding white space differs (space vs none; U+200B, and a space between two Khmer words, count as none) | `whitespace` (10) |
///
/// Why: a drafting officer reading a 95 % match expects to fix only typography, not words,
/// so typographic differences must cost a fraction of a word. Every penalty is below a full
/// edit (100), and only edits between tokens of different *class* (loose key for words, type
/// for numbers and placeables) cost the full 100: that is what makes the index's shared-token
/// bound lossless (see `FilterBound`).
///
/// Costs are integers so that the threshold test `score ≥ t` is exact:
/// `⌊(100·L − cost) / L⌋ ≥ t  ⇔  cost ≤ (100 − t) · L` with `L = max(|a|, |b|)`.
public struct CostModel: Hashable, Sendable, Codable {
    /// The price of a full edit (insertion, deletion, substitution of different words).
    public static let fullEdit = 100

    public var caseDifference: Int
    public var diacriticDifference: Int
    public var placeableValue: Int
    public var punctuation: Int
    public var whitespace: Int

    /// Creates a cost model; penalties are clamped to 0…99 so none reaches a full edit (the
    /// index's lossless bound depends on it).
    public init(caseDifference: Int = 10, diacriticDifference: Int = 20, placeableValue: Int = 30,
                punctuation: Int = 25, whitespace: Int = 10) {
        func clamp(_ value: Int) -> Int { min(max(value, 0), Self.fullEdit - 1) }
        self.caseDifference = clamp(caseDifference)
        self.diacriticDifference = clamp(diacriticDifference)
        self.placeableValue = clamp(placeableValue)
        self.punctuation = clamp(punctuation)
        self.whitespace = clamp(whitespace)
    }

    /// The model Verbale uses.
    public static let standard = CostModel()

    /// Plain word Levenshtein on loose keys with punctuation ignored: every small penalty is 0.
    /// The benchmark uses it to compare result sets with rapidfuzz, which computes exactly that.
    public static let levenshtein = CostModel(caseDifference: 0, diacriticDifference: 0, placeableValue: 0, punctuation: 0, whitespace: 0)

    /// The integer score for `cost` over `length` content tokens: 100 only for cost 0.
    @inlinable
    public static func score(cost: Int, length: Int) -> Int {
        let length = max(length, 1)
        let raw = (fullEdit * length - cost) / length
        return cost > 0 ? min(max(raw, 0), 99) : 100
    }

    /// The largest cost that still scores at least `threshold` over `length` content tokens.
    @inlinable
    public static func maximumCost(threshold: Int, length: Int) -> Int {
        (fullEdit - min(max(threshold, 0), 100)) * max(length, 1)
    }
}

/// How a match is shown: the bands translators know from CAT tools.
public enum MatchBand: String, Sendable, Codable, CaseIterable {
    /// Same source and same previous segment (101 %).
    case context = "101"
    case exact = "100"
    case high = "95-99"
    case good = "85-94"
    case fair = "75-84"
    case low = "50-74"
    case poor = "0-49"

    public init(score: Int) {
        switch score {
        case 101...: self = .context
        case 100: self = .exact
        case 95...99: self = .high
        case 85...94: self = .good
        case 75...84: self = .fair
        case 50...74: self = .low
        default: self = .poor
        }
    }
}
