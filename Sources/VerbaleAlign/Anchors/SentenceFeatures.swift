/// What the aligner knows about one sentence (or paragraph): its length and its anchors.
///
/// Anchors are stored as hashes (stable within one process) in small sorted arrays, so that a
/// bead's evidence is a few integer comparisons: the dynamic programme scores millions of beads.
struct SentenceFeatures: Sendable {
    /// `SentenceLength` units.
    var length: Int
    /// Values that must agree in a translation: numbers (Khmer digits read as ASCII), dates'
    /// months, e-mail addresses, URLs, list numbers. Sorted, distinct.
    var strong: [Int]
    /// Distinctive tokens (names, acronyms, `%s`, command names, glossary concepts) that earn a
    /// bonus when the other side contains them. Sorted, distinct.
    var names: [Int]
    /// Every Latin-script token (lower-cased) and glossary concept, to look names up in.
    var keys: Set<Int>
    /// `Marks` bits.
    var marks: UInt8
    /// Cognate keys: the first four letters (lower-cased, without diacritics) of each Latin-script
    /// word of four letters or more, Simard's cheap cognate test ("Commission"/"commission",
    /// "présidence"/"presidency"). Sorted, distinct.
    var stems: [Int] = []
    /// Link ids (`TranslationLexicon`) of the sentence's words, sorted; empty until a lexicon
    /// has been learnt from a first alignment.
    var links: [Int32] = []

    /// Punctuation that a translation usually keeps.
    enum Marks {
        static let question: UInt8 = 1
        static let exclamation: UInt8 = 2
        static let colon: UInt8 = 4
        static let listItem: UInt8 = 8
    }

    /// The features of several units joined (a paragraph's sentences). O(total size).
    static func joined(_ parts: ArraySlice<SentenceFeatures>) -> SentenceFeatures {
        var strong = Set<Int>(), names = Set<Int>(), keys = Set<Int>(), stems = Set<Int>()
        var length = 0
        var marks: UInt8 = 0
        for part in parts {
            length += part.length
            strong.formUnion(part.strong)
            names.formUnion(part.names)
            keys.formUnion(part.keys)
            stems.formUnion(part.stems)
            marks |= part.marks
        }
        return SentenceFeatures(length: length, strong: strong.sorted(), names: names.sorted(), keys: keys, marks: marks, stems: stems.sorted())
    }
}
