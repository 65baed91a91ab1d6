import Foundation
import Testing
@testable import VerbaleFormats

/// Audit F11: a TSV/CSV error's column was the cell number ("bad.tsv:3:3: … invalid UTF-8 in
/// cell 3"). It is now the column of the offending byte on its line, counted in characters
/// (Unicode scalars) as the XML readers count it, and the cell is named in words.
@Suite("TSV and CSV errors: line and column of the byte, cell in words (audit F11)")
struct DelimitedErrorPositionTests {
    /// Reads `bytes` handed over in pieces cut at `cuts` (a position must not depend on chunks).
    static func error(_ bytes: [UInt8], name: String, cuts: [Int] = [], format: MemoryFormat) -> FormatError? {
        Fixture.error(bytes, name: name, cuts: cuts, format: format)
    }

    @Test("Invalid UTF-8 in the Khmer cell of a TSV: the column counts characters up to the bad byte, and the cell is named")
    func invalidUTF8InKhmerCell() throws {
        let before = "Thanks.\tMerci.\tស្ថាន"
        let bytes = Array("en\tfr\tkm\nThe Embassy.\tL’Ambassade.\tស្ថានទូត\u{200B}។\n".utf8)
            + Array(before.utf8) + [0xFF] + Array("ទូត។\n".utf8)
        let column = before.unicodeScalars.count + 1   // 21; in bytes it would be 31, the cell number 3
        for cuts in [[], [bytes.count - 12], Array(stride(from: 1, to: bytes.count, by: 1))] {
            let error = try #require(Self.error(bytes, name: "bad.tsv", cuts: cuts, format: .tsv))
            #expect(error.line == 3 && error.column == column, "\(error)")
            #expect(error.description == "bad.tsv:3:21: invalid bytes for the file's encoding: byte 0xFF at column 21 (counted in characters) is not valid UTF-8, in cell 3 (convert the file to UTF-8)")
        }
    }

    @Test("Invalid UTF-8 inside a quoted CSV cell spanning lines, after doubled quotes: the line and column of the byte in the file")
    func invalidUTF8InQuotedCell() throws {
        // Cell 2 opens on line 2 and holds a line break; the bad byte (a truncated é) is on line 3,
        // after `de ""France"" ` (14 characters in the file, 12 in the cell).
        let bytes = Array("en,fr\n\"The \"\"Embassy\"\"\",\"L’Ambassade\nde \"\"France\"\" ".utf8) + [0xC3] + Array("x\"\n".utf8)
        let error = try #require(Self.error(bytes, name: "notes.csv", format: .csv))
        #expect(error.line == 3 && error.column == 15, "\(error)")
        #expect(error.description.hasPrefix("notes.csv:3:15: invalid bytes for the file's encoding: byte 0xC3 at column 15 (counted in characters) is not valid UTF-8, in cell 2"), "\(error)")
    }

    @Test("An unclosed quote is reported where it opens; a NUL byte where it is")
    func quoteAndNUL() throws {
        let quote = try #require(Self.error(Array("en,fr\nHello,\"Bonjour\n".utf8), name: "q.csv", format: .csv))
        #expect(quote.line == 2 && quote.column == 7, "\(quote)")
        #expect(quote.description.contains("cell 2"), "\(quote)")
        let nul = try #require(Self.error(Array("en\tkm\nHello\tសួស្តី".utf8) + [0x00] + Array("\n".utf8), name: "n.tsv", format: .tsv))
        #expect(nul.line == 2 && nul.column == 13, "\(nul)")
        #expect(nul.description.contains("in cell 2"), "\(nul)")
    }
}
