import Foundation

/// How a TSV/CSV table ends, judged the same way for a memory (`DelimitedReader`) and a
/// glossary (`GlossaryCSV`): a last row without a line end is read as it stands but warned of
/// at its line and column (truncated?), and a file whose last bytes begin a UTF-8 character
/// and stop is called truncated, not mis-encoded. Why one place: `glossary import` said nothing
/// of a table `verbale import` warned of, and called a cut Khmer letter invalid UTF-8 (review
/// 1130j m1 had fixed the memory reader alone); one wording keeps the two commands' messages
/// and the user's fix the same.
public enum TableEnding {
    /// Where the file ends when its last record has no line end: the line and column (in
    /// characters) after its last character, and whether its last cell was quoted and closed.
    public struct End: Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var lastCellQuoted: Bool

        public init(line: Int, column: Int, lastCellQuoted: Bool) {
            self.line = line
            self.column = column
            self.lastCellQuoted = lastCellQuoted
        }
    }

    /// What `FormatError.Reason.truncated` and the glossary's truncation add after the place.
    public static let truncatedAdvice = "it looks truncated (cut short when it was copied, downloaded or saved); get the complete file again"

    /// The warning for a last row `cells` that ends the file at `end` without a line end, or nil
    /// when there is nothing to say: a row of empty cells, or one whose last cell closed its
    /// quote with all `columns` there (the quote says where the cell ends). Many complete tables
    /// end so (hand-edited, written by scripts): the row is read, the place is said.
    public static func unterminatedWarning(file: String, cells: [String], end: End, columns: Int) -> FormatWarning? {
        guard let last = cells.lastIndex(where: { !$0.isEmpty }) else { return nil }
        if end.lastCellQuoted, cells.count >= columns { return nil }
        let tail = cells[last].count > 24 ? "…" + String(cells[last].suffix(24)) : cells[last]
        return FormatWarning(kind: .noFinalLineEnd, file: file, line: end.line, column: end.column, detail:
            "the file ends inside line \(end.line) without a line end: truncated? The row was read as it stands, its cell \(last + 1) ending \"\(tail)\"; "
                + "if the file was cut short, get the complete file again; if it is complete, end it with a line break")
    }

    /// How many bytes `tail` lacks to be one whole UTF-8 character, when it is the start of one
    /// (a lead byte and fewer continuation bytes than it announces); nil otherwise.
    public static func missingBytes(_ tail: ArraySlice<UInt8>) -> Int? {
        guard let lead = tail.first else { return nil }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        guard tail.count < length, tail.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { return nil }
        return length - tail.count
    }

    /// The words for a file ending `have` bytes into a character of `have + missing`, at
    /// `column` of cell `cell` (what `truncatedAdvice` follows).
    public static func cutCharacter(have: Int, missing: Int, column: Int, cell: Int) -> String {
        "the file ends in the middle of a UTF-8 character (\(have) of its \(have + missing) bytes, at column \(column), in cell \(cell))"
    }
}
