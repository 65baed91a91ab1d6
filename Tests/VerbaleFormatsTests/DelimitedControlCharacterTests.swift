import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Review 1130i m1: a C0 control in a spreadsheet cell (Word's manual line break U+000B, a bell,
/// a form feed) was stored, and every TMX/XLIFF export then wrote U+FFFD in its place without a
/// word — the TMX read back gave other texts. Refused like U+FFFE/U+FFFF (`NoncharacterTests`),
/// naming line, column and cell, so nothing the memory holds is lost on export.
@Suite("TSV/CSV: C0 controls XML cannot carry are refused with their position (review 1130i m1)")
struct DelimitedControlCharacterTests {
    @Test("U+000B, U+0007, U+000C in a TSV or CSV cell: refused at line, column (in characters) and cell", arguments: [
        ("en\tkm\nThe Embassy\tស្ថានទូត\u{0B}នៃកម្ពុជា\n", MemoryFormat.tsv, "t.tsv:2:21:", "U+000B", 2),
        ("en\tfr\nBell\u{07} here\tCloche\n", MemoryFormat.tsv, "t.tsv:2:5:", "U+0007", 1),
        ("en,fr\n\"Form\u{0C} feed\",Saut\n", MemoryFormat.csv, "t.csv:2:6:", "U+000C", 1),
    ])
    func refused(_ table: String, _ format: MemoryFormat, _ position: String, _ name: String, _ cell: Int) throws {
        let file = format == .csv ? "t.csv" : "t.tsv"
        let error = try #require(Fixture.error(Array(table.utf8), name: file, format: format))
        #expect(error.description.hasPrefix("\(position) the control character \(name)"), "\(error)")
        #expect(error.description.contains("in cell \(cell)"), "\(error)")
    }

    @Test("Tabs, line breaks and carriage returns inside quoted cells stay readable")
    func allowedControls() throws {
        let table = "en\tfr\n\"Line one\nline two\"\tLigne\\tun\r\n"
        #expect(Fixture.error(Array(table.utf8), name: "ok.tsv", format: .tsv) == nil)
    }
}
