import Foundation

/// The weights of the aligner's cost: bead priors (as −log probability) and what each kind of
/// anchor evidence is worth, in the same units (nats), so length and anchors add up.
///
/// Priors are Gale and Church's (as NLTK ships them) with `1-3`/`3-1` added; the anchor weights
/// were set on development documents (Europarl seed 1, gettext catalogues), not on the
/// documents the evaluation reports (seed 2).
public struct CostModel: Sendable, Equatable {
    /// −log prior per shape.
    public var priors: [BeadShape: Double]
    /// Multiplies the length cost of `1-0`/`0-1` beads (Gale–Church charge the whole sentence
    /// as a length mismatch; a smaller weight lets a long deleted sentence go unmatched).
    public var nullLengthWeight: Double
    /// Bonus per agreeing strong anchor (number, month, e-mail, URL, list number), at most
    /// `anchorCap` of them.
    public var strongMatch: Double
    /// Penalty per strong anchor found on one side only.
    public var strongMismatch: Double
    /// Bonus per distinctive token or glossary concept found on both sides.
    public var nameMatch: Double
    /// Bonus per punctuation mark (? ! final colon, list item) on both sides…
    public var markMatch: Double
    /// …and penalty per mark on one side only.
    public var markMismatch: Double
    public var anchorCap: Int
    /// Multiplies the cognate evidence (`CognateModel`), counted from both sides.
    public var cognateWeight: Double
    /// Multiplies the lexical evidence (`LexicalScores`, counted from both sides, hence ½); 0
    /// turns the lexical pass off. Not tuned: 0.3 and 1.0 were tried on seed 1 (line-parallel
    /// Europarl F1 0.976, 0.977 at 0.5, 0.973) and 0.5 kept.
    public var lexicalWeight: Double
    /// The lowest a bead's lexical evidence (before `lexicalWeight`) may go, in nats. Why: the
    /// score adds one log-ratio per missing translation as if each miss were independent, but a
    /// loose translation misses its words together, and uncapped it loses to a `1-0` + `0-1`
    /// pair (Europarl's paraphrases split apart once an archive's lexicon is strong). Set on
    /// Europarl seed 1 (tried 3, 4, 6, 8, 12, none: 4 kept); ∞ turns the floor off.
    public var lexicalFloor: Double

    public init(priors: [BeadShape: Double] = CostModel.galeChurchPriors(threeWay: 0.002),
                nullLengthWeight: Double = 0, strongMatch: Double = 2.5, strongMismatch: Double = 2.0,
                nameMatch: Double = 1.5, markMatch: Double = 1.0, markMismatch: Double = 1.5, anchorCap: Int = 4,
                cognateWeight: Double = 0.5, lexicalWeight: Double = 0.5, lexicalFloor: Double = 4) {
        self.priors = priors
        self.nullLengthWeight = nullLengthWeight
        self.strongMatch = strongMatch
        self.strongMismatch = strongMismatch
        self.nameMatch = nameMatch
        self.markMatch = markMatch
        self.markMismatch = markMismatch
        self.anchorCap = anchorCap
        self.cognateWeight = cognateWeight
        self.lexicalWeight = lexicalWeight
        self.lexicalFloor = lexicalFloor
    }

    /// Gale and Church's bead probabilities, as −log p, with `threeWay` for `1-3` and `3-1`.
    public static func galeChurchPriors(threeWay: Double) -> [BeadShape: Double] {
        [
            BeadShape(1, 1): -log(0.89), BeadShape(1, 0): -log(0.0099), BeadShape(0, 1): -log(0.0099),
            BeadShape(2, 1): -log(0.089), BeadShape(1, 2): -log(0.089), BeadShape(2, 2): -log(0.011),
            BeadShape(1, 3): -log(threeWay), BeadShape(3, 1): -log(threeWay),
        ]
    }

    /// The default for a language pair: Khmer translations merge three sentences more often.
    public static func `default`(khmer: Bool) -> CostModel {
        CostModel(priors: galeChurchPriors(threeWay: khmer ? 0.01 : 0.002))
    }
}
