import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

@Suite("XLIFF")
struct XLIFFTests {
    @Test("XLIFF 1.2 trans-units give source and target, states, notes and g/x/bpt/ept/ph tags")
    func xliff12() throws {
        let (units, reader) = try Fixture.read("notes-1.2.xlf")
        #expect(reader.header.sourceLanguage?.description == "en-GB")
        #expect(reader.header.targetLanguage?.description == "fr-FR")
        #expect(reader.header.original == "note-2021-01.docx")
        #expect(units.count == 4)
        #expect(units.map(\.id) == ["1", "2", "3", "4"])
        #expect(units.map(\.metadata.review) == [.approved, .unreviewed, .reviewed, .translated])
        #expect(units[0].text("fr-FR") == "L’Ambassade présente ses compliments au Ministère.")
        #expect(units[0].metadata.notes == ["Opening formula"])
        #expect(units[1].text("en-GB") == "Please see Annex 1 and .")
        #expect(units[1].variants[0].tags.map(\.kind) == [.g, .g, .x])
        #expect(units[1].variants[0].tags.map(\.isClosing) == [false, true, false])
        #expect(units[1].variants[1].notes == ["Check the article"])
        #expect(units[1].variants.count == 2, "alt-trans is not a variant")
        #expect(units[2].variants[1].tags.map(\.nativeCode) == ["<b>", "</b>", "<br/>"])
        #expect(units[3].variants.count == 1)
    }

    @Test("XLIFF 2.0 segments give units, originalData becomes tag content, states map to review")
    func xliff20() throws {
        let (units, reader) = try Fixture.read("notes-2.0.xlf")
        #expect(reader.header.version == "2.0")
        #expect(reader.header.targetLanguage?.description == "km-KH")
        #expect(units.count == 3)
        #expect(units.map(\.id) == ["u1", "u2:s1", "u2:s2"])
        #expect(units.map(\.metadata.review) == [.unreviewed, .reviewed, .approved])
        #expect(units[0].metadata.notes == ["Closing formula; Khmer not attested"])
        let source = units[1].variants[0]
        #expect(source.text == "Note No.  of 12 January 2021.")
        #expect(source.tags.map(\.kind) == [.ph, .pc, .pc])
        #expect(source.tags.map(\.nativeCode) == ["{0}", "<b>", "</b>"])
        #expect(units[1].text("km-KH")?.contains("១២") == true)
    }

    @Test("An XLIFF file without a source language is refused with its position")
    func noSourceLanguage() throws {
        let error = try #require(Fixture.error("no-source-language.xlf"))
        #expect(error.reason == .missingAttribute(element: "file", attribute: "source-language"))
        #expect(error.line == 3)
    }

    @Test("XLIFF 1.2 and 2.0 files read, written in the same version and read again keep their units")
    func roundTrips() throws {
        for (name, version) in [("notes-1.2.xlf", XLIFFVersion.v1_2), ("notes-2.0.xlf", .v2_0)] {
            let (units, reader) = try Fixture.read(name)
            let sink = ByteSink()
            var writer = try XLIFFWriter(sink: sink, header: reader.header, version: version)
            for unit in units { try writer.write(unit) }
            try writer.finish()
            let (again, header) = try read(sink.data, as: .xliff)
            #expect(header.header.sourceLanguage == reader.header.sourceLanguage)
            #expect(again.map(\.variants.count) == units.map(\.variants.count), "\(name)")
            for (a, b) in zip(again, units) {
                #expect(a.variants.map(\.text) == b.variants.map(\.text), "\(name)")
                #expect(a.variants.map { $0.tags.map(\.nativeCode) } == b.variants.map { $0.tags.map(\.nativeCode) }, "\(name)")
                #expect(a.metadata.review == b.metadata.review, "\(name)")
                #expect(a.metadata.notes == b.metadata.notes, "\(name)")
            }
        }
    }

    @Test("TMX units with bpt/ept/ph/hi/it/ut become well-formed XLIFF 2.0 and 1.2 that read back with the same text")
    func fromTMX() throws {
        var units: [TranslationUnit] = []
        for name in ["tmx14-notes.tmx", "trados-tw4win-ut.tmx", "memoq.tmx"] { units += try Fixture.read(name).units }
        for version in XLIFFVersion.allCases {
            let sink = ByteSink()
            var writer = try XLIFFWriter(sink: sink, languages: [LanguageTag(.english)], version: version)
            for unit in units { try writer.write(unit) }
            try writer.finish()
            let (again, _) = try read(sink.data, as: .xliff)
            #expect(again.count == units.count - writer.skipped)
            let expected = units.compactMap { $0.variant(for: LanguageTag(.english)) }
            #expect(again.map { $0.variants[0].text } == expected.map(\.text), "\(version)")
            #expect(again.map { $0.variants[0].tags.count } == expected.map(\.tags.count), "\(version)")
        }
    }

    @Test("Control characters XML cannot carry are written as U+FFFD, so XLIFF output stays readable")
    func controlCharacters() throws {
        let unit = TranslationUnit(variants: [
            Variant(language: LanguageTag(.english), text: "bell\u{07}here"),
            Variant(language: LanguageTag(.khmer), text: "កម្ពុជា\u{01}"),
        ])
        for version in XLIFFVersion.allCases {
            let sink = ByteSink()
            var writer = try XLIFFWriter(sink: sink, languages: [LanguageTag(.english), LanguageTag(.khmer)], version: version)
            try writer.write(unit)
            try writer.finish()
            let (again, _) = try read(sink.data, as: .xliff)
            #expect(again.first?.variant(for: LanguageTag(.english))?.text == "bell\u{FFFD}here", "\(version)")
            #expect(again.first?.variant(for: LanguageTag(.khmer))?.text == "កម្ពុជា\u{FFFD}", "\(version)")
        }
    }
}
