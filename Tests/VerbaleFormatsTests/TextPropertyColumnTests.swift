import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// A text's own properties other than `x-review` (an XLIFF 1.2 `state-qualifier`, the shipped
/// formulas' provenance) had no table column, so a TSV/CSV round trip lost them. A
/// `LANG prop:NAME` column (`km prop:x-state-qualifier`) now carries them, beside `prop:NAME`
/// for the unit's own. Fixtures are ours, Khmer with U+200B.
@Suite("TSV/CSV LANG prop:NAME columns: a text's own properties through the table")
struct TextPropertyColumnTests {
    static let en = LanguageTag(.english), km = LanguageTag(.khmer)

    static func read(_ text: String, format: MemoryFormat = .tsv) throws -> (units: [TranslationUnit], warnings: [FormatWarning]) {
        var reader = try MemoryFormat.makeReader(source: ByteSource(data: Data(text.utf8), name: "t.\(format.rawValue)"), format: format)
        let units = try reader.readAll()
        return (units, reader.warnings)
    }

    @Test("km prop:x-state-qualifier gives the row's Khmer text that property, not the English; \"\" is an empty value, an empty cell none")
    func readsTextProperty() throws {
        let table = "en\tkm\tkm prop:x-state-qualifier\nThe Embassy.\tស្ថានទូត។\texact-match\nThank you.\tសូម\u{200B}អរគុណ។\t\"\"\nWelcome.\tសូម\u{200B}ស្វាគមន៍។\t\n"
        let units = try Self.read(table).units
        #expect(units.count == 3)
        #expect(units[0].variant(for: Self.km)?.properties == [Property(type: "x-state-qualifier", value: "exact-match")])
        #expect(units[0].variant(for: Self.en)?.properties.isEmpty == true)
        #expect(units[0].metadata.properties.isEmpty)
        #expect(units[1].variant(for: Self.km)?.properties == [Property(type: "x-state-qualifier", value: "")])
        #expect(units[2].variant(for: Self.km)?.properties.isEmpty == true)
    }

    @Test("A LANG prop:NAME column without its language column is refused at the header cell; a row without that text is warned of")
    func refusalsAndWarnings() throws {
        let error = try #require(Fixture.error(Array("en\tfr\tkm prop:x-client\nHello\tBonjour\tMFA\n".utf8), name: "p.tsv", format: .tsv))
        #expect(error.line == 1 && error.column == 3, "\(error)")
        #expect(error.description.contains("\"km prop:x-client\" has no \"km\" column"), "\(error)")
        let (units, warnings) = try Self.read("en\tfr\tkm\tkm prop:x-client\nHello\tBonjour\t\tMFA\n")
        #expect(units.first?.variants.allSatisfy { $0.properties.isEmpty } == true)
        #expect(warnings.contains { $0.detail.contains("\"km prop:x-client\" is \"MFA\" but the row has no km text") }, "\(warnings)")
    }

    @Test("Written with textPropertyColumns (last), read back: the Khmer text's properties, empty value included, and the unit's own")
    func roundTrip() throws {
        let unit = TranslationUnit(variants: [
            Variant(language: Self.en, text: "presents its compliments to"),
            Variant(language: Self.km, text: "សូម\u{200B}គោរព\u{200B}ជូន", properties: [
                Property(type: "x-review", value: "unreviewed"), Property(type: "x-state-qualifier", value: "leveraged-tm"),
                Property(type: "x-provenance", value: ""),
            ]),
        ], metadata: UnitMetadata(properties: [Property(type: "x-client", value: "MFA")]))
        for dialect in [DelimitedDialect.tsv, .csv] {
            let sink = ByteSink()
            var writer = try DelimitedWriter(sink: sink, dialect: dialect, languages: [Self.en, Self.km], propertyColumns: ["x-client"],
                                             textPropertyColumns: [TextPropertyColumn(language: Self.km, name: "x-state-qualifier"),
                                                                   TextPropertyColumn(language: Self.km, name: "x-provenance")])
            try writer.write(unit)
            try writer.finish()
            #expect(writer.unitsWithoutProperties == 0)
            let text = String(decoding: sink.data, as: UTF8.self)
            let separator = dialect == .tsv ? "\t" : ","
            #expect(text.hasPrefix(["en", "km", "note", "origin", "review", "prop:x-client", "en review", "km review",
                                    "km prop:x-state-qualifier", "km prop:x-provenance"].joined(separator: separator)), "\(text)")
            let again = try #require(try Self.read(text, format: dialect == .tsv ? .tsv : .csv).units.first)
            #expect(Set(again.variant(for: Self.km)?.properties ?? []) == Set(unit.variant(for: Self.km)?.properties ?? []), "\(again)")
            #expect(again.metadata.properties == unit.metadata.properties)
        }
    }

    @Test("Without the column, the text's property is counted as not written (as before)")
    func withoutColumnCounted() throws {
        let sink = ByteSink()
        var writer = try DelimitedWriter(sink: sink, dialect: .tsv, languages: [Self.en, Self.km])
        try writer.write(TranslationUnit(variants: [
            Variant(language: Self.en, text: "Thank you."),
            Variant(language: Self.km, text: "សូម\u{200B}អរគុណ។", properties: [Property(type: "x-state-qualifier", value: "exact-match")]),
        ]))
        try writer.finish()
        #expect(writer.unitsWithoutProperties == 1)
        #expect(writer.droppedPropertyTypes == ["x-state-qualifier"])
    }
}

/// `--lang-map` split its value at every `,` and `=`, so a header cell holding either
/// (`Khmer, Cambodia`) could not be named. A backslash now escapes them.
@Suite("--lang-map entries: \\, and \\= inside a header name")
struct LanguageMapEscapeTests {
    @Test("Entries split at unescaped commas, sides at the first unescaped =, escapes removed; other backslashes kept")
    func splits() {
        #expect(HeaderLanguageNames.mapEntries("Khmer\\, Cambodia=km,English=en") == ["Khmer\\, Cambodia=km", "English=en"])
        #expect(HeaderLanguageNames.mapSides("Khmer\\, Cambodia=km")! == ("Khmer, Cambodia", "km"))
        #expect(HeaderLanguageNames.mapSides("Khmer\\=ខ្មែរ=km")! == ("Khmer=ខ្មែរ", "km"))
        #expect(HeaderLanguageNames.mapSides("a\\\\b=km")! == ("a\\b", "km"))
        #expect(HeaderLanguageNames.mapSides("C:\\dir=km")! == ("C:\\dir", "km"))
        #expect(HeaderLanguageNames.mapSides("en-US") == nil)
        #expect(HeaderLanguageNames.mapSides("Khmer\\=km") == nil)
        #expect(HeaderLanguageNames.escapedForMap("Khmer, Cambodia") == "Khmer\\, Cambodia")
    }

    @Test("The refusal of a header cell holding a comma now gives the escaped --lang-map that reads it")
    func refusalSuggestsEscapedMap() throws {
        let error = try #require(Fixture.error(Array("en\tKhmer, Cambodia\nThe Embassy.\tស្ថានទូត។\n".utf8), name: "h.tsv", format: .tsv))
        #expect(error.description.contains("--lang-map 'Khmer\\, Cambodia=km'"), "\(error)")
    }
}
