import VerbaleCore

/// The two table formats: TSV (tab-separated, backslash escapes `\t \n \r \\`, no quoting:
/// what `cut` and spreadsheets' "tab-delimited text" expect — except Excel's own quoting of a
/// cell holding a quote, tab or line break, `"Quoted ""x"""`, which is read, and written for a
/// cell that opens with a quote) and CSV (RFC 4180: comma, fields
/// quoted with `"` when they hold a comma, quote, CR or LF, quotes doubled; `;` is accepted
/// on reading when the header row uses it, as European spreadsheets do).
public enum DelimitedDialect: Sendable {
    case tsv, csv

    var name: String { self == .tsv ? "TSV" : "CSV" }
}

/// Column names besides language tags (header row), shared by reader and writer.
/// A `LANG prop:NAME` column of a table (`km prop:x-state-qualifier`): the property `name` of
/// each row's text in the `language` column. Why: a text's own properties other than its review
/// status (`x-review`, which `LANG review` carries) had no column, so a table round trip lost
/// them — an XLIFF 1.2 `state-qualifier`, the shipped formulas' provenance.
public struct TextPropertyColumn: Hashable, Sendable {
    public var language: LanguageTag
    public var name: String

    public init(language: LanguageTag, name: String) {
        self.language = language
        self.name = name
    }
}

enum DelimitedColumn {
    static let note = "note"
    static let origin = "origin"
    static let review = "review"
    static let propertyPrefix = "prop:"
    /// A `prop:NAME` cell of a property present with an empty value (a CAT tool's empty field,
    /// `<prop type="x-client"></prop>`): `""`, so that an empty cell still means "the unit has
    /// no such property" as in every table written before.
    static let emptyValue = "\"\""
    /// The review property a variant carries (TMX `<prop type="x-review">` inside a `<tuv>`).
    static let variantReviewProperty = "x-review"
    /// The unit's previous and next context keys (TMX `x-context-pre`/`x-context-post`). A table
    /// with a `context-pre` column states every row's context: an empty cell means "none", and
    /// import then infers none from the row before (the rows of an export are not a document).
    static let contextBefore = "context-pre"
    static let contextAfter = "context-post"
    static let languageSuffix = "language"

    /// `en language`: the full tag of a row's text in the `en` column where it differs from the
    /// column's own (`en-GB`), so a region survives a table whose columns `--langs` chose.
    static func language(of column: LanguageTag) -> String { "\(column) \(languageSuffix)" }

    /// `km review`: the review status of one language's text where it differs from the unit's
    /// (every shipped Khmer formula is `unreviewed` under a `translated` unit).
    static func review(of language: LanguageTag) -> String { "\(language) \(review)" }

    /// `km prop:x-state-qualifier`: a property of one language's text (TMX's `<prop>` inside the
    /// `<tuv>`), as `prop:NAME` is the unit's own.
    static func property(of language: LanguageTag, named name: String) -> String { "\(language) \(propertyPrefix)\(name)" }

    /// The language and property name of a `LANG prop:NAME` header cell (`km prop:x-client`,
    /// `fr-FR PROP:x-source`), else nil. The name is kept as written (property types are).
    static func textProperty(_ name: String) -> TextPropertyColumn? {
        guard let space = name.firstIndex(of: " ") else { return nil }
        let rest = name[name.index(after: space)...].trimmingCharacters(in: .whitespaces)
        guard rest.lowercased().hasPrefix(propertyPrefix), rest.count > propertyPrefix.count,
              let tag = try? LanguageTag(parsing: String(name[..<space])) else { return nil }
        return TextPropertyColumn(language: tag, name: String(rest.dropFirst(propertyPrefix.count)))
    }

    /// The language of a `LANG review` header cell (`km review`, `fr-FR Review`), else nil.
    static func reviewedLanguage(_ name: String) -> LanguageTag? { tag(of: name, suffix: review) }

    /// The language of a `LANG language` header cell (`en language`, `km Language`), else nil.
    static func languageOfColumn(_ name: String) -> LanguageTag? { tag(of: name, suffix: languageSuffix) }

    private static func tag(of name: String, suffix word: String) -> LanguageTag? {
        let suffix = " " + word
        guard name.count > suffix.count, name.lowercased().hasSuffix(suffix) else { return nil }
        let tag = name.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
        return try? LanguageTag(parsing: tag)
    }
}
