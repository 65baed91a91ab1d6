import VerbaleCore

/// One multilingual unit of an alignment: the sentences of each document that translate each
/// other, joined, with where they came from and how far to trust them.
public struct AlignedUnit: Sendable {
    /// The text per language; a language is absent when its document has no counterpart
    /// (a sentence left untranslated).
    public var variants: [Language: String]
    /// The sentence indices per language (counted across paragraphs), for provenance.
    public var sentences: [Language: Range<Int>]
    /// The lowest confidence of the beads that built this unit.
    public var confidence: Double
    /// How many sentences of each document, in the order the documents were given: "1-1",
    /// "2-1", "1-1-2".
    public var bead: String
    /// Below the threshold, or missing a language: shown for review, never stored as attested.
    public var needsReview: Bool
}

/// The alignment of two or three documents as multilingual units.
public struct MultilingualAlignment: Sendable {
    /// The documents' languages, in the order given.
    public var languages: [Language]
    public var pivot: Language
    public var units: [AlignedUnit]
    /// The pairwise alignments (pivot first) the units came from.
    public var pairs: [PairAlignment]
    public var minimumConfidence: Double

    public var unitsNeedingReview: Int { units.filter(\.needsReview).count }

    /// The pairwise alignments whose documents do not look like translations of each other
    /// (`DocumentEvidence.looksUnrelated`): every unit is then flagged for review.
    public var unrelatedPairs: [PairAlignment] { pairs.filter(\.evidence.looksUnrelated) }
}
