import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// A glossary table cut short (`head -c` through a termbase) was imported without a word,
/// where `verbale import` warned of the same cut in a memory table (review 1130j m1), and a cut
/// inside a Khmer letter was called invalid UTF-8. The glossary reader now shares the memory
/// reader's judgement and words (`TableEnding`). Fixtures are ours, Khmer with U+200B.
@Suite("Glossary CSV/TSV cut short: warned at FILE:LINE:COLUMN as the memory reader warns; a cut character is truncated")
struct GlossaryCutTableTests {
    /// A two-row en/km table whose last Khmer cell is cut (no line end): readable both as a
    /// glossary and as a memory.
    static let cut = "en\tkm\nEmbassy\tស្ថានទូត\nThank you\tសូម\u{200B}អរ"

    @Test("A TSV glossary cut inside its last Khmer cell: read, with one warning at line 3 and the column after the cut, worded as the memory reader's")
    func cutTSVIsWarned() throws {
        let table = try GlossaryCSV.readTable(Self.cut, name: "cut.tsv", delimiter: .tab)
        #expect(table.concepts.count == 2)
        #expect(table.concepts.last?.terms.last?.text == "សូម\u{200B}អរ")
        let warning = try #require(table.warnings.first, "no warning")
        #expect(table.warnings.count == 1)
        #expect(warning.kind == .noFinalLineEnd)
        #expect(warning.line == 3)
        #expect(warning.column == "Thank you\tសូម\u{200B}អរ".unicodeScalars.count + 1)
        #expect(warning.detail.hasPrefix("the file ends inside line 3 without a line end: truncated?"), "\(warning)")
        // The memory reader says the same of the same bytes.
        var reader = try MemoryFormat.makeReader(source: ByteSource(data: Data(Self.cut.utf8), name: "cut.tsv"), format: .tsv)
        _ = try reader.readAll()
        #expect(reader.warnings.filter { $0.kind == .noFinalLineEnd } == [warning])
    }

    @Test("Complete files (LF, CRLF, a comment line last) and a CSV whose last cell closes its quote with every column: no warning")
    func completeFilesAreQuiet() throws {
        for text in [Self.cut + "គុណ\n", (Self.cut + "គុណ\n").replacingOccurrences(of: "\n", with: "\r\n"), Self.cut + "គុណ\n# end"] {
            let table = try GlossaryCSV.readTable(text, name: "ok.tsv", delimiter: .tab)
            #expect(table.warnings.isEmpty, "\(table.warnings)")
        }
        let quoted = try GlossaryCSV.readTable("en,km\nEmbassy,ស្ថានទូត\nThank you,\"សូម\u{200B}អរគុណ\"", name: "q.csv", delimiter: .comma)
        #expect(quoted.warnings.isEmpty, "\(quoted.warnings)")
    }

    @Test("A CSV glossary whose last row has no line end: warned at line 3, the column after its last character")
    func cutCSVIsWarned() throws {
        let text = "en,km\nEmbassy,ស្ថានទូត\nThank you,សូម\u{200B}អរ"
        let table = try GlossaryCSV.readTable(text, name: "cut.csv", delimiter: .comma)
        #expect(table.concepts.count == 2)
        let warning = try #require(table.warnings.first)
        #expect(warning.line == 3 && warning.column == "Thank you,សូម\u{200B}អរ".unicodeScalars.count + 1, "\(warning)")
    }

    @Test("Bytes cut inside a Khmer letter at the end: truncated at the letter's line and column, in cell 2; a bad byte inside the file is not")
    func cutCharacterIsTruncated() throws {
        let bytes = Data(Array("en\tkm\nEmbassy\tស្ថានទូត\nThank you\tសូម\u{200B}អរគុណ".utf8).dropLast(2))
        let refusal: TextDecodingError
        do throws(TextDecodingError) { _ = try TextDecoding.decode(bytes, name: "cutc.tsv"); Issue.record("decoded"); return } catch { refusal = error }
        let error = try #require(GlossaryCSV.truncation(of: bytes, refused: refusal, delimiter: .tab))
        let column = "Thank you\tសូម\u{200B}អរគុ".unicodeScalars.count + 1
        #expect(error == .truncated(file: "cutc.tsv", line: 3, column: column,
                                    detail: "the file ends in the middle of a UTF-8 character (1 of its 3 bytes, at column \(column), in cell 2)"))
        #expect(error.description.hasPrefix("cutc.tsv:3:\(column): the file ends in the middle of a UTF-8 character"), "\(error)")
        #expect(error.description.contains("it looks truncated"))
        // A Latin-1 byte inside the file is mis-encoded, not cut.
        var latin = [UInt8]("en\tfr\nEmbassy\tAmbassade\n".utf8)
        latin.insert(0xE9, at: 10)
        let other: TextDecodingError
        do throws(TextDecodingError) { _ = try TextDecoding.decode(Data(latin), name: "l.tsv"); Issue.record("decoded"); return } catch { other = error }
        #expect(GlossaryCSV.truncation(of: Data(latin), refused: other, delimiter: .tab) == nil)
    }
}

/// A term-property column with a typo (`km stat`) became a concept field: the terms lost
/// their status and nothing said so. Refused at FILE:1:COLUMN with the header meant.
@Suite("Glossary CSV/TSV: a mistyped term-property header is refused with the header meant")
struct GlossaryMistypedPropertyTests {
    @Test("km stat, fr-FR sttus, km part of spech: refused at line 1 and the header cell's column, naming the header meant")
    func refused() throws {
        let cases: [(String, String, Int, String)] = [
            ("en\tkm\tkm stat\nEmbassy\tស្ថានទូត\tpreferred\n", "km stat", 7, "km status"),
            ("en\tfr-FR\tfr-FR sttus\nEmbassy\tAmbassade\tadmitted\n", "fr-FR sttus", 10, "fr-FR status"),
            ("en,km,km part of spech\nEmbassy,ស្ថានទូត,noun\n", "km part of spech", 7, "km part of speech"),
        ]
        for (text, header, column, meant) in cases {
            let delimiter: GlossaryCSV.Delimiter = text.contains("\t") ? .tab : .comma
            do throws(GlossaryCSVError) {
                _ = try GlossaryCSV.readTable(text, name: "g.tsv", delimiter: delimiter)
                Issue.record("\(header) was read")
            } catch {
                #expect(error == .mistypedTermProperty(file: "g.tsv", line: 1, column: column, cell: 3, header: header, termLine: 2, meant: meant))
                #expect(error.description.hasPrefix("g.tsv:1:\(column): header cell 3 \"\(header)\""), "\(error)")
                #expect(error.description.contains("did you mean \"\(meant)\"?"), "\(error)")
            }
        }
    }

    @Test("The same column empty in every row (memoQ writes such columns) is read as before; other words after a tag stay concept fields")
    func emptyAndOtherWordsRead() throws {
        let empty = try GlossaryCSV.readTable("en\tkm\tkm stat\nEmbassy\tស្ថានទូត\t\n", name: "e.tsv", delimiter: .tab)
        #expect(empty.concepts.first?.terms.count == 2)
        let other = try GlossaryCSV.readTable("en\tkm\ten definition\nEmbassy\tស្ថានទូត\tA diplomatic mission\n", name: "o.tsv", delimiter: .tab)
        #expect(other.concepts.first?.fields.first?.type == "en definition")
        let proper = try GlossaryCSV.readTable("en\tkm\tkm status\nEmbassy\tស្ថានទូត\tpreferred\n", name: "p.tsv", delimiter: .tab)
        #expect(proper.concepts.first?.terms.last?.status == .preferred)
    }
}
