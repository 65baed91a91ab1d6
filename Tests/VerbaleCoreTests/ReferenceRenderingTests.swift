import Testing
import VerbaleCore

/// Audit F6/F26: a reference carried across languages keeps its identifier and takes the
/// target language's label and digits, as dates take the target's month names.
@Suite("Reference placeables rendered per language")
struct ReferenceRenderingTests {
    func reference(_ text: String) throws -> Placeable {
        let found = try Tokenizer(language: .english).placeables(in: text).filter { $0.kind == .reference }
        return try #require(found.first, "no reference in «\(text)»")
    }

    @Test("A Khmer reference is written with No./N° and Latin digits in English and French, and as typed in Khmer")
    func khmerReference() throws {
        let placeable = try reference("លេខ ១២៣/២០២១")
        #expect(placeable.rendered(in: .english) == "No. 123/2021")
        #expect(placeable.rendered(in: .french) == "N° 123/2021")
        #expect(placeable.rendered(in: .khmer) == "លេខ ១២៣/២០២១")
    }

    @Test("An English reference is written with លេខ and Khmer digits in Khmer, never with No.", arguments: [
        ("Note No. 2021/01/045 of", "លេខ ២០២១/០១/០៤៥", "N° 2021/01/045"),
        ("N. 2021/01/045", "លេខ ២០២១/០១/០៤៥", "N° 2021/01/045"),
        ("No.: 1999", "លេខ ១៩៩៩", "N° 1999"),
        ("Réf. DFAT/12", "លេខយោង DFAT/១២", "Réf. DFAT/12"),
        ("communication No.AL KHM 10/2020 dated", "លេខ AL KHM ១០/២០២០", "N° AL KHM 10/2020"),
    ])
    func englishIntoKhmer(text: String, khmer: String, french: String) throws {
        let placeable = try reference(text)
        #expect(placeable.rendered(in: .khmer) == khmer)
        #expect(placeable.rendered(in: .french) == french)
        #expect(!placeable.rendered(in: .khmer).contains("No"))
    }

    @Test("A bare reference gets no label, only the language's digits")
    func bare() throws {
        let khmer = try reference("see ២០២១/០១/០៤៥")
        #expect(khmer.text == "២០២១/០១/០៤៥")
        #expect(khmer.rendered(in: .english) == "2021/01/045")
        let latin = try reference("reply FCO/WED/1/95 of")
        #expect(latin.rendered(in: .khmer) == "FCO/WED/១/៩៥")
        #expect(latin.rendered(in: .english) == "FCO/WED/1/95")
    }

    @Test("Label words are read by meaning, with or without stops, colons and U+200B")
    func labels() {
        #expect(ReferenceLabel(word: "No.") == .number)
        #expect(ReferenceLabel(word: "n°") == .number)
        #expect(ReferenceLabel(word: "លេខៈ") == .number)
        #expect(ReferenceLabel(word: "\u{200B}លេខ\u{200B}") == .number)
        #expect(ReferenceLabel(word: "Réf.:") == .reference)
        #expect(ReferenceLabel(word: "លេខយោង") == .reference)
        #expect(ReferenceLabel(word: "Note") == nil)
        #expect(ReferenceLabel(placeableText: "២០២១/០១/០៤៥", value: "2021/01/045") == nil)
        #expect(ReferenceLabel(placeableText: "លេខ ២០២១/០១/០៤៥", value: "2021/01/045") == .number)
    }
}
