import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

@Suite("Translation unit model")
struct ModelTests {
    @Test("Tag content keeps XML; nativeCode gives the plain code without <sub> markup")
    func nativeCode() {
        let tag = InlineTag(kind: .ph, position: 0, content: "&lt;a href=\"<sub>x</sub>\"&gt;&#x17E0;&amp;")
        #expect(tag.nativeCode == "<a href=\"x\">០&")
        #expect(InlineTag(kind: .ph, position: 0, content: "plain").nativeCode == "plain")
    }

    @Test("Placeholders show where tags sit, Khmer offsets counted in scalars")
    func placeholders() {
        let variant = Variant(language: LanguageTag(.khmer), text: "ថ្ងៃ\u{200B}ទី១២", tags: [
            InlineTag(kind: .bpt, position: 0, attributes: [Property(type: "i", value: "1")]),
            InlineTag(kind: .ept, position: 5, attributes: [Property(type: "i", value: "1")]),
            InlineTag(kind: .ph, position: 9),
        ])
        #expect(variant.textWithTagPlaceholders == "{1}ថ្ងៃ\u{200B}{/1}ទី១២{3}")
    }

    @Test("TMX dates parse and print in the compact UTC form, also from the extended form")
    func dates() {
        let date = CompactDate.parse("20210112T093000Z")
        #expect(date == Date(timeIntervalSince1970: 1_610_443_800))
        #expect(date.map(CompactDate.format) == "20210112T093000Z")
        #expect(CompactDate.parse("2021-01-12T09:30:00Z") == date)
        #expect(CompactDate.parse("20211312T093000Z") == nil)
        #expect(CompactDate.format(Date(timeIntervalSince1970: -86_400)) == "19691231T000000Z")
    }
}
