import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Review 1130j m1: a table cut inside its last cell (`head -c 282 ep.tsv > cut.tsv`) imported
/// the cut text as a whole unit ("Welcome ⇥ Souhaits de bie") and `validate` said "valid".
///
/// Many real tables end without a line end (hand-edited, written by scripts), so refusing them
/// all would refuse good files; the last row is read as it stands and a warning names the line
/// and column where the file ends, so the user can look at that one row. A cut inside a quoted
/// cell or inside a character cannot be a complete file: those stay errors with their place.
@Suite("TSV/CSV cut short: a last line without a line end is warned of at its line; a cut inside quotes or a character is an error")
struct DelimitedTruncationTests {
    /// Our own trilingual rows, Khmer with U+200B between words.
    static let rows = "en\tfr\tkm\nThe Embassy.\tL’Ambassade.\tស្ថានទូត\u{200B}។\nThank you.\tMerci.\tសូម\u{200B}អរគុណ\u{200B}។\n"

    static func read(_ text: String, name: String, format: MemoryFormat) throws -> (units: [TranslationUnit], warnings: [FormatWarning]) {
        var reader = try MemoryFormat.makeReader(source: ByteSource(data: Data(text.utf8), name: name), format: format)
        let units = try reader.readAll()
        return (units, reader.warnings)
    }

    static func truncationWarnings(_ warnings: [FormatWarning]) -> [FormatWarning] {
        warnings.filter { $0.detail.contains("without a line end") }
    }

    @Test("A TSV cut inside its last (Khmer) cell: the cut row is read, with one warning at the line and column where the file ends")
    func cutInsideLastCell() throws {
        let cut = "en\tfr\tkm\nThe Embassy.\tL’Ambassade.\tស្ថានទូត\u{200B}។\nThank you.\tMerci.\tសូម\u{200B}អរគ"
        let (units, warnings) = try Self.read(cut, name: "cut.tsv", format: .tsv)
        #expect(units.count == 2)
        #expect(units.last?.text("km") == "សូម\u{200B}អរគ")
        let found = Self.truncationWarnings(warnings)
        #expect(found.count == 1, "\(warnings)")
        let lastLine = cut.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        #expect(found.first?.line == 3, "\(found)")
        #expect(found.first?.column == lastLine.unicodeScalars.count + 1, "\(found)")
        #expect(found.first?.description.hasPrefix("cut.tsv:3:\(lastLine.unicodeScalars.count + 1): ") == true, "\(found)")
        #expect(found.first?.detail.contains("the file ends inside line 3 without a line end") == true, "\(found)")
        #expect(found.first?.detail.contains("truncated?") == true, "\(found)")
    }

    @Test("The same table ending with a line end (LF or CRLF), or with blank lines after it: no warning")
    func completeFilesAreQuiet() throws {
        for text in [Self.rows, Self.rows.replacingOccurrences(of: "\n", with: "\r\n"), Self.rows + "\n\n"] {
            let (units, warnings) = try Self.read(text, name: "ok.tsv", format: .tsv)
            #expect(units.count == 2)
            #expect(Self.truncationWarnings(warnings).isEmpty, "\(warnings)")
        }
    }

    @Test("A CSV whose last row has no line end: warned; one whose last cell closes its quote with every column there: not warned")
    func csvLastRow() throws {
        let open = "en,km\nThe Embassy,ស្ថានទូត\nThank you,សូម\u{200B}អរ"
        let (units, warnings) = try Self.read(open, name: "cut.csv", format: .csv)
        #expect(units.count == 2)
        #expect(Self.truncationWarnings(warnings).first?.line == 3, "\(warnings)")
        let closed = "en,km\nThe Embassy,ស្ថានទូត\nThank you,\"សូម\u{200B}អរគុណ\""
        let quiet = try Self.read(closed, name: "q.csv", format: .csv)
        #expect(quiet.units.count == 2)
        #expect(Self.truncationWarnings(quiet.warnings).isEmpty, "\(quiet.warnings)")
    }

    @Test("A CSV cut inside a quoted Khmer cell is an error naming file, line and column of the opening quote; nothing is read as a unit")
    func csvCutInsideQuotes() throws {
        let text = "en,km\nThe Embassy,ស្ថានទូត\nThank you,\"សូម\u{200B}អរ"
        let error = try #require(Fixture.error(Array(text.utf8), name: "cutq.csv", format: .csv))
        #expect(error.line == 3 && error.column == 11, "\(error)")
        #expect(error.description.hasPrefix("cutq.csv:3:11: the quote opening cell 2 here is never closed (truncated file"), "\(error)")
    }

    @Test("A table cut inside a Khmer character (a UTF-8 sequence missing its last bytes at the end of the file) is called truncated, not mis-encoded, at its line and column")
    func cutInsideCharacter() throws {
        // "…អរគុណ" with the last 2 of the 3 bytes of "ណ" cut off: one lead byte left.
        let bytes = Array("en\tfr\tkm\nThe Embassy.\tL’Ambassade.\tស្ថានទូត\u{200B}។\nThank you.\tMerci.\tសូម\u{200B}អរគុណ".utf8).dropLast(2)
        for format in [MemoryFormat.tsv] {
            let error = try #require(Fixture.error(Array(bytes), name: "cutc.tsv", format: format))
            guard case .truncated = error.reason else {
                Issue.record("expected a truncation, got \(error)")
                continue
            }
            let lastLine = "Thank you.\tMerci.\tសូម\u{200B}អរគុ"
            #expect(error.line == 3 && error.column == lastLine.unicodeScalars.count + 1, "\(error)")
            #expect(error.description.contains("ends in the middle of a UTF-8 character"), "\(error)")
        }
        // The same bytes with a line end after them are not a truncation: bad UTF-8 as before.
        let inner = try #require(Fixture.error(Array(bytes) + [0x0A], name: "bad.tsv", format: .tsv))
        guard case .invalidEncoding = inner.reason else {
            Issue.record("expected invalid UTF-8, got \(inner)")
            return
        }
    }
}
