import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// An XLIFF 1.2 `<target state-qualifier>` (what a CAT tool says of where the translation came
/// from: `exact-match`, `leveraged-tm`, `mt-suggestion`…) was read for the review status and
/// then dropped, so a 1.2 round trip lost it. Now kept as the target text's own
/// `x-state-qualifier` and written back on 1.2 export, with values XLIFF 1.2 allows only.
@Suite("XLIFF 1.2 state-qualifier: carried on the target text and written back")
struct XLIFFStateQualifierTests {
    static let en = LanguageTag(.english), km = LanguageTag(.khmer)

    static func xliff12(_ target: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
        <file original="notes.docx" source-language="en" target-language="km" datatype="plaintext"><body>
        <trans-unit id="1"><source>The Embassy presents its compliments.</source>\(target)</trans-unit>
        </body></file></xliff>
        """
    }

    static func write12(_ units: [TranslationUnit]) throws -> String {
        let sink = ByteSink()
        var writer = try XLIFFWriter(sink: sink, languages: [en, km], version: .v1_2)
        for unit in units { try writer.write(unit) }
        try writer.finish()
        return String(decoding: sink.data, as: UTF8.self)
    }

    @Test("exact-match on a translated Khmer target: kept on the Khmer text, written back by the 1.2 writer, read back the same")
    func exactMatchRoundTrip() throws {
        let file = Self.xliff12("<target state=\"translated\" state-qualifier=\"exact-match\">ស្ថានទូត\u{200B}សូម\u{200B}គោរព។</target>")
        let unit = try #require(try read(Data(file.utf8), as: .xliff).units.first)
        #expect(unit.variant(for: Self.km)?.properties.contains(Property(type: "x-state-qualifier", value: "exact-match")) == true, "\(unit)")
        #expect(unit.metadata.review == .translated)
        let written = try Self.write12([unit])
        #expect(written.contains("<target state=\"translated\" state-qualifier=\"exact-match\">ស្ថានទូត\u{200B}សូម\u{200B}គោរព។</target>"), "\(written)")
        let again = try #require(try read(Data(written.utf8), as: .xliff).units.first)
        #expect(again.variant(for: Self.km)?.properties.filter { $0.type == "x-state-qualifier" } == [Property(type: "x-state-qualifier", value: "exact-match")])
        #expect(again.metadata.review == .translated)
    }

    @Test("mt-suggestion keeps the text unreviewed through the round trip, the qualifier with it")
    func machineSuggestionStaysUnreviewed() throws {
        let file = Self.xliff12("<target state=\"translated\" state-qualifier=\"mt-suggestion\">ស្ថានទូត</target>")
        let unit = try #require(try read(Data(file.utf8), as: .xliff).units.first)
        let written = try Self.write12([unit])
        #expect(written.contains("state-qualifier=\"mt-suggestion\""), "\(written)")
        let again = try #require(try read(Data(written.utf8), as: .xliff).units.first)
        #expect(XLIFFReviewState.segment(again, target: again.variant(for: Self.km)) == .unreviewed)
    }

    @Test("A value XLIFF 1.2 does not allow (from a TMX prop, say) stays in the memory but is not written as a 1.2 state-qualifier; a tool's x- value is")
    func onlyAllowedValuesWritten() throws {
        func unit(_ qualifier: String) -> TranslationUnit {
            TranslationUnit(variants: [
                Variant(language: Self.en, text: "Thank you."),
                Variant(language: Self.km, text: "សូម\u{200B}អរគុណ។", properties: [Property(type: "x-state-qualifier", value: qualifier)]),
            ])
        }
        #expect(!(try Self.write12([unit("almost right")])).contains("state-qualifier"))
        #expect(!(try Self.write12([unit("bogus")])).contains("state-qualifier"))
        #expect((try Self.write12([unit("x-verbale-checked")])).contains("state-qualifier=\"x-verbale-checked\""))
        for value in ["exact-match", "fuzzy-match", "id-match", "leveraged-glossary", "leveraged-inherited", "leveraged-mt",
                      "leveraged-repository", "leveraged-tm", "mt-suggestion", "rejected-grammar", "rejected-inaccurate",
                      "rejected-length", "rejected-spelling", "tm-suggestion"] {
            #expect((try Self.write12([unit(value)])).contains("state-qualifier=\"\(value)\""), "\(value)")
        }
    }
}
