import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Review 30 Nov, m14: Excel's "Unicode Text" (UTF-16 TSV) quotes cells holding a quote, a tab
/// or a line break, and that quoting must be undone.
@Suite("Excel-quoted cells in TSV")
struct ExcelQuotedTSVTests {
    /// `text` as Excel's "Unicode Text" writes it: UTF-16 LE with a BOM, CRLF line ends.
    static func unicodeText(_ text: String) -> Data {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.replacingOccurrences(of: "\n", with: "\r\n").utf16 {
            bytes.append(UInt8(unit & 0xFF))
            bytes.append(UInt8(unit >> 8))
        }
        return Data(bytes)
    }

    @Test("The review's repro: UTF-16 LE, BOM, CRLF, a cell \"Quoted \"\"x\"\"\"\"\" reads as Quoted \"x\"")
    func reviewRepro() throws {
        let data = Self.unicodeText("en\tfr\tkm\nThe Ministry\tLe Ministère\tក្រសួង\u{200B}ការបរទេស\n\"Quoted \"\"x\"\"\"\tGuillemets\t\n")
        let units = try read(data, as: .tsv).units
        #expect(units.map { $0.text("en") } == ["The Ministry", "Quoted \"x\""])
        #expect(units.map { $0.text("km") } == ["ក្រសួង\u{200B}ការបរទេស", nil])
    }

    @Test("A quoted cell holding a tab or a line break is one cell; the rows after it keep their places and lines")
    func tabAndLineBreak() throws {
        // Excel writes a line break inside a cell as LF, the row end as CRLF.
        var text = "en\tkm\r\n"
        text += "\"Note No. 45\tdated 2021\"\t\"ស្ថានទូត\u{200B}សូម\u{200B}គោរព\nជូន\u{200B}ក្រសួង។\"\r\n"
        text += "Thank you.\tសូម\u{200B}អរគុណ។\r\n"
        text += "Bad\t\u{FFFF}\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        // The invalid row is line 5: after the row spanning lines 2–3 and line 4.
        let error = try #require(Fixture.error(bytes, name: "excel.txt", format: .tsv))
        #expect(error.line == 5, "\(error)")
        let good = Array(bytes[..<(bytes.count - ("Bad\t\u{FFFF}\r\n".utf16.count * 2))])
        let units = try read(Data(good), as: .tsv).units
        #expect(units.map { $0.text("en") } == ["Note No. 45\tdated 2021", "Thank you."])
        #expect(units.map { $0.text("km") } == ["ស្ថានទូត\u{200B}សូម\u{200B}គោរព\nជូន\u{200B}ក្រសួង។", "សូម\u{200B}អរគុណ។"])
    }

    @Test("Cells that are not Excel's quoting keep their quotes: \"Hello\", \"Hello,\" he said, a stray quote; escapes still work")
    func notExcelQuoted() throws {
        let table = "en\tkm\n\"Hello\"\t\"សួស្តី\"\n\"Hello,\" he said\tគាត់\u{200B}និយាយ\n\"unclosed\tក្រសួង\nNext\\tline\tបន្ទាត់\n"
        let units = try read(Data(table.utf8), as: .tsv).units
        #expect(units.map { $0.text("en") } == ["\"Hello\"", "\"Hello,\" he said", "\"unclosed", "Next\tline"])
        #expect(units.map { $0.text("km") } == ["\"សួស្តី\"", "គាត់\u{200B}និយាយ", "ក្រសួង", "បន្ទាត់"])
    }

    @Test("A text opening with a quote survives a TSV round trip (written Excel-quoted)")
    func writerQuotes() throws {
        let texts = ["\"x\"\"y\"", "\"Quoted \"\"x\"\"\"", "\"ព្រះរាជាណាចក្រ\"\tកម្ពុជា\n", "\"Hello\""]
        let units = texts.map { TranslationUnit(variants: [Variant(language: LanguageTag(.english), text: $0),
                                                           Variant(language: LanguageTag(.khmer), text: "ក្រសួង")]) }
        let data = try write(units, as: .tsv)
        let back = try read(data, as: .tsv).units
        #expect(back.map { $0.text("en") } == texts)
    }
}
