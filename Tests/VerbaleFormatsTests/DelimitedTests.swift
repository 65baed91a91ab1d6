import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

@Suite("TSV and CSV")
struct DelimitedTests {
    @Test("A TSV with language, note, review and prop columns gives units; escapes are undone")
    func tsv() throws {
        let (units, reader) = try Fixture.read("phrases.tsv")
        #expect(reader.header.sourceLanguage?.description == "en")
        #expect(units.count == 2)
        #expect(units[0].text("km") == "ស្ថានទូត\u{200B}សូម\u{200B}គោរព។")
        #expect(units[0].metadata.notes == ["Opening\nformula"])
        #expect(units[0].metadata.review == .unreviewed)
        #expect(units[0].metadata.properties == [Property(type: "domain", value: "protocol")])
        #expect(units[1].text("en") == "Tab\there and back\\slash")
        #expect(units[1].variants.count == 2)
        #expect(reader.warnings.map(\.kind) == [.emptyUnit])
        #expect(reader.warnings.first?.line == 5)
    }

    @Test("A semicolon CSV with RFC 4180 quotes, doubled quotes and a line break in a cell")
    func csv() throws {
        let (units, _) = try Fixture.read("semicolon.csv")
        #expect(units.count == 2)
        #expect(units[0].text("fr") == "Note n° 45; datée du 12 janvier 2021")
        #expect(units[1].text("en") == "He said \"yes\"")
        #expect(units[1].metadata.notes == ["two\r\nlines"])
    }

    @Test("Excel's UTF-16 LE tab-delimited text reads (with CRLF)")
    func excelUTF16() throws {
        let (units, _) = try Fixture.read("excel-utf16.txt")
        #expect(units.map { $0.text("fr-FR") } == ["Merci.", "Royaume du Cambodge"])
    }

    @Test("Bad tables are refused with the line: a header that names no language, extra cells, an unclosed quote, invalid UTF-8")
    func badTables() throws {
        let header = try #require(Fixture.error("bad-header.tsv"))
        #expect(header.line == 1)
        #expect(header.description.contains("\"source\" is not a language tag"))
        let extra = try #require(Fixture.error("too-many-cells.csv"))
        #expect(extra.line == 2)
        let quote = try #require(Fixture.error("unclosed-quote.csv"))
        #expect(quote.line == 2)
        let utf8 = try #require(Fixture.error("invalid-utf8.tsv"))
        #expect(utf8.line == 2)
        guard case .invalidEncoding = utf8.reason else { Issue.record("got \(utf8)"); return }
    }

    @Test("Cells with separators, quotes, tabs and line breaks survive TSV and CSV round trips")
    func roundTrip() throws {
        let units = [
            TranslationUnit(variants: [
                Variant(language: LanguageTag(.english), text: "a,b;\"c\"\td\ne\\f"),
                Variant(language: LanguageTag(.french), text: "« g »\r\nh"),
            ], metadata: UnitMetadata(origin: "note 45, §2", notes: ["n1", "n2"], review: .approved)),
        ]
        for format in [MemoryFormat.tsv, .csv] {
            let data = try write(units, as: format)
            let (again, _) = try read(data, as: format)
            var expected = units
            expected[0].metadata.notes = ["n1\nn2"]  // one note cell: several notes are joined by line breaks
            #expect(again == expected, "\(format)")
        }
    }

    @Test("A text's own review status travels in a LANG review column, written only where it differs from the unit's")
    func variantReview() throws {
        let unreviewed = [Property(type: "x-review", value: "unreviewed")]
        let units = [
            TranslationUnit(variants: [
                Variant(language: LanguageTag(.english), text: "presents its compliments to", properties: [Property(type: "x-review", value: "translated")]),
                Variant(language: LanguageTag(.french), text: "présente ses compliments à"),
                Variant(language: LanguageTag(.khmer), text: "សូម\u{200B}គោរព\u{200B}ជូន\u{200B}ចំពោះ ១២", properties: unreviewed),
            ], metadata: UnitMetadata(origin: "Memories/note-verbale-formulas.tmx#7", review: .translated)),
            TranslationUnit(variants: [
                Variant(language: LanguageTag(.english), text: "has the honour to", properties: [Property(type: "x-review", value: "approved")]),
                Variant(language: LanguageTag(.khmer), text: "មានកិត្តិយស"),
            ], metadata: UnitMetadata(review: .reviewed)),
        ]
        let languages = [LanguageTag(.english), LanguageTag(.french), LanguageTag(.khmer)]
        for format in [MemoryFormat.tsv, .csv] {
            let data = try write(units, as: format, languages: languages)
            let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            let separator = format == .tsv ? "\t" : ","
            #expect(lines.first.map(String.init) == "en,fr,km,note,origin,review,en review,fr review,km review".replacingOccurrences(of: ",", with: separator))
            #expect(lines[1].hasSuffix(["translated", "", "", "unreviewed"].joined(separator: separator)), "\(lines[1])")
            #expect(lines[2].hasSuffix(["reviewed", "approved", "", ""].joined(separator: separator)), "\(lines[2])")
            let (again, reader) = try read(data, as: format)
            #expect(reader.warnings.isEmpty)
            // The English review equal to its unit's is not written: the unit's stands for it.
            var expected = units
            expected[0].variants[0].properties = []
            #expect(again == expected, "\(format)")
        }
    }

    @Test("A LANG review column without its language, or with an unknown status, is refused or marked unreviewed with the line")
    func badVariantReview() throws {
        let orphan = Data("en\tfr\tkm review\nHello\tBonjour\tunreviewed\n".utf8)
        let error = try #require(throws: FormatError.self) { try read(orphan, as: .tsv) }
        #expect(error.line == 1)
        #expect(error.description.contains("\"km review\" has no \"km\" column"))
        let unknown = Data("en\tkm\tKM Review\nHello\tសួស្តី\tguessed\n".utf8)
        let (units, reader) = try read(unknown, as: .tsv)
        #expect(units.first?.variants.last?.properties == [Property(type: "x-review", value: "unreviewed")])
        #expect(reader.warnings.map(\.line) == [2])
        #expect(reader.warnings.first?.detail.contains("guessed") == true)
    }
}

/// Review 1130h, m2: a TSV or CSV in UTF-16 without a byte-order mark (`iconv -t UTF-16LE`,
/// Windows tools) reads like one with the mark; binary data is still refused.
@Suite("UTF-16 tables without a byte-order mark")
struct BOMLessUTF16TableTests {
    static let table = "en\tkm\nThe Embassy\tស្ថានទូត\nNote No. ០៤៥\tកំណត់\u{200B}ទូត\u{200B}លេខ ០៤៥\n"

    static func read(_ data: Data, name: String, format: MemoryFormat) throws -> [TranslationUnit] {
        var reader = try MemoryFormat.makeReader(source: ByteSource(data: data, name: name), format: format)
        return try reader.readAll()
    }

    @Test("The review's u.tsv (UTF-16 LE, no BOM), and the same table big-endian and as CSV, read as the UTF-8 table does, Khmer digits and U+200B kept",
          arguments: [("tsv", false), ("tsv", true), ("csv", false)])
    func reads(format: String, bigEndian: Bool) throws {
        let text = format == "csv" ? Self.table.replacingOccurrences(of: "\t", with: ",") : Self.table
        let data = try #require(text.data(using: bigEndian ? .utf16BigEndian : .utf16LittleEndian))
        #expect(data.prefix(2) != Data([0xFF, 0xFE]) && data.prefix(2) != Data([0xFE, 0xFF]), "no byte-order mark")
        let kind: MemoryFormat = format == "csv" ? .csv : .tsv
        let units = try Self.read(data, name: "u.\(format)", format: kind)
        let expected = try Self.read(Data(text.utf8), name: "u8.\(format)", format: kind)
        #expect(units.count == 2)
        #expect(units.map { $0.text("km") } == expected.map { $0.text("km") })
        #expect(units.last?.text("km") == "កំណត់\u{200B}ទូត\u{200B}លេខ ០៤៥")
    }

    @Test("NUL bytes on both sides (binary data) are still refused as before")
    func binaryRefused() throws {
        let data = Data([0x65, 0x00, 0x00, 0x6E, 0x09, 0x00, 0x6B, 0x6D, 0x0A, 0x00, 0x01, 0x02])
        #expect(throws: FormatError.self) { _ = try Self.read(data, name: "bin.tsv", format: .tsv) }
    }
}
