import VerbaleCore

/// Where a termbase file first gives terms a language: the 1-based line and column (Unicode
/// scalars, as every other position Verbale reports) of the first TBX `langSet`/`langSec`
/// with that `xml:lang`, or of the CSV/TSV header cell that names it.
///
/// Why: `glossary import` keeps terms in a language Verbale does not support (`kh`, the usual
/// mislabel of Khmer) and warns; a warning without a place left the user to search a long
/// termbase for the one `langSet` or column to fix (review 1130b G2, follow-up). Cost: the
/// readers compare each language section's tag with the few already met.
public struct LanguageLocation: Hashable, Sendable {
    public var tag: LanguageTag
    public var line: Int
    public var column: Int
    /// What stands there, in words: `<langSet>`, `<langSec>`, `header cell 3`.
    public var place: String

    public init(tag: LanguageTag, line: Int, column: Int, place: String) {
        self.tag = tag
        self.line = line
        self.column = column
        self.place = place
    }

    /// `locations` with `location` added unless its tag is already there (the first one wins).
    static func adding(_ location: LanguageLocation, to locations: inout [LanguageLocation]) {
        if !locations.contains(where: { $0.tag == location.tag }) { locations.append(location) }
    }
}
