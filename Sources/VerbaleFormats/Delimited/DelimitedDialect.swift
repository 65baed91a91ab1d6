/// The two table formats: TSV (tab-separated, backslash escapes `\t \n \r \\`, no quoting:
/// what `cut` and spreadsheets' "tab-delimited text" expect) and CSV (RFC 4180: comma, fields
/// quoted with `"` when they hold a comma, quote, CR or LF, quotes doubled; `;` is accepted
/// on reading when the header row uses it, as European spreadsheets do).
public enum DelimitedDialect: Sendable {
    case tsv, csv

    var name: String { self == .tsv ? "TSV" : "CSV" }
}

/// Column names besides language tags (header row), shared by reader and writer.
enum DelimitedColumn {
    static let note = "note"
    static let origin = "origin"
    static let review = "review"
    static let propertyPrefix = "prop:"
}
