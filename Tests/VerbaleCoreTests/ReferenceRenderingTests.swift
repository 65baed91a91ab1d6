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

    func list(_ text: String) throws -> ReferenceList {
        let placeables = try Tokenizer(language: .english).placeables(in: text)
        return try #require(ReferenceList.lists(in: text, placeables: placeables).first { $0.identifiers.count > 1 }, "no list in «\(text)»")
    }

    @Test("Finding 7: a list of references is read whatever its language and written with each language's label, connective and digits", arguments: [
        ("Nos. 12 and 13", "Nos. 12 and 13", "N°s 12 et 13", "លេខ ១២ និង ១៣"),
        ("N°s 12 et 13", "Nos. 12 and 13", "N°s 12 et 13", "លេខ ១២ និង ១៣"),
        ("លេខ ១២ និង ១៣", "Nos. 12 and 13", "N°s 12 et 13", "លេខ ១២ និង ១៣"),
        ("Nos. 12 & 13", "Nos. 12 and 13", "N°s 12 et 13", "លេខ ១២ និង ១៣"),
        ("No. 12 and 13", "Nos. 12 and 13", "N°s 12 et 13", "លេខ ១២ និង ១៣"),
        ("Ref. 12/2021 and 13/2021", "Ref. 12/2021 and 13/2021", "Réf. 12/2021 et 13/2021", "លេខយោង ១២/២០២១ និង ១៣/២០២១"),
        ("Nos. 12, 13 and 14", "Nos. 12, 13 and 14", "N°s 12, 13 et 14", "លេខ ១២, ១៣ និង ១៤"),
        ("លេខ ១២, ១៣ និង ១៤", "Nos. 12, 13 and 14", "N°s 12, 13 et 14", "លេខ ១២, ១៣ និង ១៤"),
        ("លេខ ១២、១៣ និង ១៤", "Nos. 12, 13 and 14", "N°s 12, 13 et 14", "លេខ ១២, ១៣ និង ១៤"),
        ("Nos. 12/2021, 13/2021, and 14/2021", "Nos. 12/2021, 13/2021 and 14/2021", "N°s 12/2021, 13/2021 et 14/2021", "លេខ ១២/២០២១, ១៣/២០២១ និង ១៤/២០២១"),
        ("N°s 1 234 et 1 235", "Nos. 1 234 and 1 235", "N°s 1 234 et 1 235", "លេខ ១ ២៣៤ និង ១ ២៣៥"),
        ("No. 12 and No. 13", "Nos. 12 and 13", "N°s 12 et 13", "លេខ ១២ និង ១៣"),
    ])
    func lists(typed: String, english: String, french: String, khmer: String) throws {
        let list = try list(typed)
        #expect(PlaceableRendering.references(list.identifiers, label: list.label, in: .english) == english)
        #expect(PlaceableRendering.references(list.identifiers, label: list.label, in: .french) == french)
        #expect(PlaceableRendering.references(list.identifiers, label: list.label, in: .khmer) == khmer)
    }

    @Test("A Khmer list typed with និង says so (its connective is the writer's), an English one does not")
    func khmerConnectiveTyped() throws {
        #expect(try list("លេខ ១២ និង ១៣").khmerConnectiveTyped)
        #expect(try !list("Nos. 12 and 13").khmerConnectiveTyped)
    }

    @Test("In running text a singular label and a bare count are not a list (No. 12 and 3 annexes); a plural, Khmer or reference-shaped list is")
    func unambiguousInText() throws {
        #expect(try !list("Note No. 12 and 3 annexes").isUnambiguousInText)
        #expect(try list("Notes Nos. 12 and 13").isUnambiguousInText)
        #expect(try list("កំណត់ទូតលេខ ១២ និង ១៣").isUnambiguousInText)
        #expect(try list("Ref. 12/2021 and 13/2021").isUnambiguousInText)
    }

    @Test("What joins a list: commas, and/&/et/និង, the serial comma; not a space, a word or a preposition", arguments: [
        (", ", true), (" and ", true), (" & ", true), (" et ", true), (" និង ", true), ("\u{200B}និង\u{200B}", true), (", and ", true), ("、", true),
        (" ", false), (" of ", false), (" bis ", false), (" ហើយ ", false), ("", false), (" and and ", false),
    ])
    func connectives(gap: String, joins: Bool) {
        #expect(ReferenceConnective.joins(gap) == joins)
    }
}
