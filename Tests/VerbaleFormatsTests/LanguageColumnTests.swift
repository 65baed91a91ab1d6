import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// A table's language column may hold texts of a more precise tag (`en-GB` under `en`, which
/// `export --langs en,km` asks for). An `en language` column says each text's own tag, so that
/// reading the table gives the region back; before, `en-GB` came back as `en`.
@Suite("TSV/CSV `LANG language` columns keep a text's region")
struct LanguageColumnTests {
    static let en = LanguageTag(.english), fr = LanguageTag(.french), km = LanguageTag(.khmer)
    static let units: [TranslationUnit] = [
        TranslationUnit(variants: [Variant(language: LanguageTag(.english, region: "GB"), text: "The Embassy has the honour to inform."),
                                   Variant(language: LanguageTag(.khmer, region: "KH"), text: "ស្ថានទូត\u{200B}មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាប។")]),
        TranslationUnit(variants: [Variant(language: en, text: "Note No. 12"),
                                   Variant(language: LanguageTag(.french, region: "CA"), text: "Note n° 12"),
                                   Variant(language: km, text: "កំណត់\u{200B}ទូត\u{200B}លេខ ១២")]),
        TranslationUnit(variants: [Variant(language: LanguageTag(.english, region: "US"), text: "Honor"),
                                   Variant(language: fr, text: "Honneur")]),
    ]

    @Test("en, fr, km columns with en/fr/km language columns: every text comes back with its own tag, Khmer included",
          arguments: [MemoryFormat.tsv, .csv])
    func roundTrip(format: MemoryFormat) throws {
        let sink = ByteSink()
        var writer = try DelimitedWriter(sink: sink, dialect: format == .tsv ? .tsv : .csv, languages: [Self.en, Self.fr, Self.km],
                                         tagColumns: [Self.en, Self.fr, Self.km])
        for unit in Self.units { try writer.write(unit) }
        try writer.finish()
        #expect(writer.textsLeftOut == 0)
        let separator = format == .tsv ? "\t" : ","
        let lines = String(decoding: sink.data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines[0] == ["en", "fr", "km", "note", "origin", "review", "en review", "fr review", "km review",
                             "en language", "fr language", "km language"].joined(separator: separator))
        #expect(lines[1].hasSuffix(["en-GB", "", "km-KH"].joined(separator: separator)))
        #expect(lines[2].hasSuffix(["", "fr-CA", ""].joined(separator: separator)), "plain en and km: no tag written")
        let back = try read(sink.data, as: format).units
        #expect(back.map { $0.variants.map(\.language) } == Self.units.map { $0.variants.map(\.language) })
        #expect(back.map { $0.variants.map(\.text) } == Self.units.map { $0.variants.map(\.text) })
    }

    @Test("Without a language column (every table before, users' own) the column's tag is the text's, as before")
    func withoutColumn() throws {
        let data = try write(Self.units, as: .tsv, languages: [Self.en, Self.km])
        #expect(!String(decoding: data, as: UTF8.self).contains("language"))
        #expect(try read(data, as: .tsv).units.map { $0.variants.map(\.language.description) } == [["en", "km"], ["en", "km"], ["en"]])
    }

    @Test("A column more precise than a text (en-GB holding plain en) names the text's tag too")
    func lessPrecise() throws {
        let gb = LanguageTag(.english, region: "GB")
        let sink = ByteSink()
        var writer = try DelimitedWriter(sink: sink, dialect: .tsv, languages: [gb, Self.km], tagColumns: [gb])
        try writer.write(Self.units[1])
        try writer.finish()
        #expect(String(decoding: sink.data, as: UTF8.self).contains("\ten\n"))
        #expect(try read(sink.data, as: .tsv).units.first?.variants.map(\.language.description) == ["en", "km"])
    }

    @Test("Two texts for one column (en-GB beside en-US under en): the first is written, the other counted, never dropped silently")
    func twoTextsOneColumn() throws {
        let unit = TranslationUnit(variants: [Variant(language: LanguageTag(.english, region: "GB"), text: "Honour"),
                                              Variant(language: LanguageTag(.english, region: "US"), text: "Honor"),
                                              Variant(language: Self.km, text: "កិត្តិយស")])
        let sink = ByteSink()
        var writer = try DelimitedWriter(sink: sink, dialect: .tsv, languages: [Self.en, Self.km], tagColumns: [Self.en])
        try writer.write(unit)
        try writer.write(Self.units[0])
        try writer.finish()
        #expect(writer.textsLeftOut == 1)
        #expect(try read(sink.data, as: .tsv).units.first?.variants.map(\.text) == ["Honour", "កិត្តិយស"])
    }

    @Test("Bad language cells are errors at their line naming the cell: not a tag, another language, a tag the row has already; a cell without its text is ignored with a warning")
    func badCells() throws {
        func error(_ row: String) -> String {
            let tsv = "en\ten-US\tkm\ten language\nThe Embassy.\t\tស្ថានទូត។\ten-GB\n" + row + "\n"
            return Fixture.error(Array(tsv.utf8), name: "tags.tsv", format: .tsv)?.description ?? "no error"
        }
        #expect(error("Honour.\t\tកិត្តិយស។\ten_GB!").contains("tags.tsv:3"))
        #expect(error("Honour.\t\tកិត្តិយស។\ten_GB!").contains("is not a language tag"))
        #expect(error("Honour.\t\tកិត្តិយស។\tfr-CA").contains("fr-CA, which is not a form of en"))
        #expect(error("Honour.\tHonor.\tកិត្តិយស។\ten-US").contains("says en-US, but the row has another text in en-US"))
        let ignored = "en\tkm\ten language\n\tស្ថានទូត។\ten-GB\n"
        let (units, reader) = try read(Data(ignored.utf8), as: .tsv)
        #expect(units.map { $0.variants.map(\.language.description) } == [["km"]])
        #expect(reader.warnings.contains { $0.detail.contains("\"en language\" is \"en-GB\" but the row has no en text") })
        #expect(Fixture.error(Array("en\tfr language\nHello.\tfr-CA\n".utf8), name: "t.tsv", format: .tsv)?.description
            .contains("the column \"fr language\" has no \"fr\" column") == true)
    }
}
