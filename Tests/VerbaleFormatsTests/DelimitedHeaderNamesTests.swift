import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Review 1130i m7 and m4 at the format layer: header cells in words read only through the
/// names the user maps (never guessed), and a writer's `prop:NAME` columns read back.
@Suite("TSV/CSV: header names mapped to languages, prop:NAME columns written and read back")
struct DelimitedHeaderNamesTests {
    static let table = "English\tFrançais\tKhmer\tNote\nThe Embassy\tL’Ambassade\tស្ថានទូត\u{200B}\topening\n"

    private func reader(_ text: String, _ dialect: DelimitedDialect = .tsv, names: [String: LanguageTag] = [:]) throws(FormatError) -> DelimitedReader {
        try DelimitedReader(source: ByteSource(data: Data(text.utf8), name: "names.tsv"), dialect: dialect, headerNames: names)
    }

    @Test("English/Français/Khmer mapped by name (any case) read as en/fr/km; the names used are reported")
    func mapped() throws {
        let names = ["english": LanguageTag(.english), "français": LanguageTag(.french), "khmer": LanguageTag(.khmer), "source": LanguageTag(.english)]
        let table = try reader(Self.table, names: names)
        let unit = try #require(try table.next())
        #expect(unit.variants.map(\.language.description) == ["en", "fr", "km"])
        #expect(unit.text("km") == "ស្ថានទូត\u{200B}")
        #expect(unit.metadata.notes == ["opening"])
        #expect(table.headerNamesUsed == ["english", "français", "khmer"])
    }

    @Test("unmapped, the header is refused at its cell, the message suggesting the map for every name cell; nothing guessed")
    func refusedWithSuggestion() throws {
        let error = try #require(throws: FormatError.self) { try reader(Self.table) }
        #expect(error.line == 1 && error.column == 1)
        #expect("\(error)".contains("--lang-map English=en,Français=fr,Khmer=km (header name=language tag)"), "\(error)")
        let partly = try #require(throws: FormatError.self) { try reader(Self.table, names: ["english": LanguageTag(.english)]) }
        #expect(partly.column == 2)
        #expect("\(partly)".contains("--lang-map Français=fr,Khmer=km "), "\(partly)")
        let roles = try #require(throws: FormatError.self) { try reader("Source;Target;Comment\nA;B;c\n", .csv) }
        #expect("\(roles)".contains("--lang-map Source=LANG,Target=LANG,Comment=LANG"), "\(roles)")
    }

    @Test("a writer's prop:NAME columns read back; a second property of one type is counted as not written", arguments: [DelimitedDialect.tsv, .csv])
    func propertyColumns(dialect: DelimitedDialect) throws {
        var unit = TranslationUnit(variants: [Variant(language: LanguageTag(.english), text: "Note No. 12"),
                                              Variant(language: LanguageTag(.khmer), text: "លិខិត\u{200B}លេខ ១២")])
        unit.metadata.notes = ["urgent"]
        unit.metadata.properties = [Property(type: "x-client", value: "MFAIC"), Property(type: "x-domain", value: "consular, visas"),
                                    Property(type: "x-client", value: "Embassy")]
        let sink = ByteSink()
        var writer = try DelimitedWriter(sink: sink, dialect: dialect, languages: [LanguageTag(.english), LanguageTag(.khmer)],
                                         propertyColumns: ["x-client", "x-domain"])
        try writer.write(unit)
        try writer.finish()
        #expect(writer.unitsWithoutProperties == 1 && writer.unitsWithoutOwnProperties == 1)
        #expect(writer.droppedPropertyTypes == ["x-client"])
        let table = try DelimitedReader(source: ByteSource(data: sink.data, name: "out"), dialect: dialect)
        let back = try #require(try table.next())
        #expect(back.variants.map(\.text) == unit.variants.map(\.text))
        #expect(back.metadata.notes == ["urgent"])
        #expect(back.metadata.properties == Array(unit.metadata.properties.prefix(2)))
    }
}
