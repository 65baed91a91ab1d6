import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Review 1130g m5: a target whose language the file does not state, and a `state` the format
/// does not have, were read without a word — the first dropped (the unit then skipped as "only
/// one language"), the second given a status nobody gave it. Both are now errors at their
/// position, so `validate` reports them and `import` (all-or-nothing) stores nothing.
@Suite("XLIFF: targets without a language, states the format lacks")
struct XLIFFTargetLanguageStateTests {
    static func xliff2(_ root: String, segment: String = "<segment>", target: String? = "<target>ស្ថានទូតសូមអរគុណក្រសួង។</target>") -> [UInt8] {
        Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" \(root)>
          <file id="f1">
            <unit id="u1">
              \(segment)
                <source>The Embassy thanks the Ministry.</source>
                \(target ?? "")
              </segment>
            </unit>
          </file>
        </xliff>

        """.utf8)
    }

    static func xliff12(_ file: String, target: String) -> [UInt8] {
        Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
          <file original="note.txt" datatype="plaintext" \(file)>
            <body>
              <trans-unit id="1"><source>The Embassy thanks the Ministry.</source>\(target)</trans-unit>
            </body>
          </file>
        </xliff>

        """.utf8)
    }

    static func units(_ bytes: [UInt8], name: String = "t.xlf") throws -> [TranslationUnit] {
        var reader = try XLIFFReader.make(source: ByteSource(data: Data(bytes), name: name))
        return try reader.readAll()
    }

    @Test("XLIFF 2.0: a <target> in a file without trgLang is an error at the target's line and column")
    func targetWithoutTrgLang() throws {
        let error = try #require(Fixture.error(Self.xliff2("srcLang=\"en\""), name: "notrg.xlf"))
        #expect(error.reason == .missingTargetLanguage(xliff2: true))
        #expect((error.line, error.column) == (7, 9))
        #expect(error.description.hasPrefix("notrg.xlf:7:9: a <target> in a file whose <xliff> has no trgLang"))
        #expect(error.description.contains("trgLang=\"fr\""), "the message says how to fix it")
        // Cut anywhere, the position is the same.
        #expect(Fixture.error(Self.xliff2("srcLang=\"en\""), name: "notrg.xlf", cuts: [150, 151, 290])?.line == 7)
    }

    @Test("XLIFF 2.0 without trgLang and without targets (a file to translate) reads as before")
    func sourceOnlyFileWithoutTrgLang() throws {
        let units = try Self.units(Self.xliff2("srcLang=\"en\"", target: nil))
        #expect(units.count == 1)
        #expect(units.first?.variants.map(\.language.description) == ["en"])
    }

    @Test("XLIFF 2.0: a state none of initial, translated, reviewed, final is an error at the segment")
    func bogusState2() throws {
        let error = try #require(Fixture.error(Self.xliff2("srcLang=\"en\" trgLang=\"km\"", segment: "<segment state=\"bogus\">"), name: "bogus.xlf"))
        #expect(error.reason == .badAttributeValue(element: "segment", attribute: "state", value: "bogus",
                                                    allowed: "XLIFF 2.0 allows initial, translated, reviewed, final"))
        #expect((error.line, error.column) == (5, 7))
        // The four states still read.
        for state in ["initial", "translated", "reviewed", "final"] {
            #expect(throws: Never.self) { try Self.units(Self.xliff2("srcLang=\"en\" trgLang=\"km\"", segment: "<segment state=\"\(state)\">")) }
        }
    }

    @Test("The bad-state fixtures xmllint refuses (2.0 \"approved\", 1.2 \"reviewed\") are refused by the reader too")
    func schemaInvalidStates() throws {
        let two = try #require(Fixture.error("xliff-invalid/2.0-bad-state.xlf"))
        #expect(two.reason == .badAttributeValue(element: "segment", attribute: "state", value: "approved",
                                                  allowed: "XLIFF 2.0 allows initial, translated, reviewed, final"))
        #expect(two.line == 6)
        let one = try #require(Fixture.error("xliff-invalid/1.2-bad-state.xlf"))
        guard case let .badAttributeValue(element, attribute, value, allowed) = one.reason else {
            Issue.record("\(one)")
            return
        }
        #expect((element, attribute, value) == ("target", "state", "reviewed"))
        #expect(allowed.contains("signed-off") && allowed.contains("x-…"))
        #expect(one.line == 6)
    }

    @Test("XLIFF 1.2: a state outside the list is an error; the list and a tool's own x-… are read")
    func bogusState12() throws {
        let error = try #require(Fixture.error(Self.xliff12("source-language=\"en\" target-language=\"km\"",
                                                            target: "<target state=\"bogus\">ស្ថានទូតសូមអរគុណក្រសួង។</target>"), name: "b12.xlf"))
        #expect(error.description.hasPrefix("b12.xlf:5:75: state=\"bogus\" on <target> is not a value the format allows (XLIFF 1.2 allows new,"))
        for state in XLIFFReviewState.states12 + ["x-rejected", "x-sdl-draft"] {
            let units = try Self.units(Self.xliff12("source-language=\"en\" target-language=\"km\"",
                                                    target: "<target state=\"\(state)\">ស្ថានទូតសូមអរគុណក្រសួង។</target>"))
            #expect(units.count <= 1, "\(state)")
        }
        #expect(Fixture.error(Self.xliff12("source-language=\"en\" target-language=\"km\"", target: "<target state=\"x-\">ក</target>"), name: "x.xlf") != nil)
    }

    @Test("XLIFF 1.2: a target with text and no language anywhere is an error; xml:lang or an empty target is fine")
    func targetWithoutLanguage12() throws {
        let error = try #require(Fixture.error(Self.xliff12("source-language=\"en\"", target: "<target>ស្ថានទូតសូមអរគុណក្រសួង។</target>"), name: "n12.xlf"))
        #expect(error.reason == .missingTargetLanguage(xliff2: false))
        #expect((error.line, error.column) == (5, 75))
        let tagged = try Self.units(Self.xliff12("source-language=\"en\"", target: "<target xml:lang=\"km\">ស្ថានទូតសូមអរគុណក្រសួង។</target>"))
        #expect(tagged.first?.variants.map(\.language.description) == ["en", "km"])
        let empty = try Self.units(Self.xliff12("source-language=\"en\"", target: "<target/>"))
        #expect(empty.first?.variants.count == 1)
    }
}
