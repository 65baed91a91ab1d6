import Testing
import VerbaleCore

/// Review of e5c1e47: every label Verbale itself writes, and the forms notes use, are read as
/// part of one reference; a slash number after an ordinary word is one identifier; the letter
/// codes before a number ("AL KHM 10/2020") belong to it on both sides of a translation.
@Suite("Reference labels and identifiers the recogniser reads")
struct ReferenceLabelRecognitionTests {
    func references(_ text: String, _ language: Language = .english) throws -> [Placeable] {
        try Tokenizer(language: language).placeables(in: text).filter { $0.kind == .reference }
    }

    @Test("លេខយោង (Verbale's own Khmer for Ref.) is a file-reference label: one reference, rendered Ref./Réf./លេខយោង")
    func khmerFileReference() throws {
        for language in Language.allCases {
            let found = try references("លេខយោង ១២/២០២១ ចុះថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១។", language)
            #expect(found.map(\.text) == ["លេខយោង ១២/២០២១"], "\(language)")
            #expect(found.map(\.value) == ["12/2021"])
        }
        let placeable = try #require(try references("លេខ\u{200B}យោង ១២/២០២១").first)
        #expect(placeable.rendered(in: .english) == "Ref. 12/2021")
        #expect(placeable.rendered(in: .french) == "Réf. 12/2021")
        #expect(placeable.rendered(in: .khmer) == "លេខយោង ១២/២០២១")
    }

    @Test("The Khmer colon ៖, № and N°s are labels of one reference", arguments: [
        ("លេខ៖ ១២៣/២០២១", "123/2021", "No. 123/2021", "លេខ ១២៣/២០២១"),
        ("№ 12/2021", "12/2021", "No. 12/2021", "លេខ ១២/២០២១"),
        ("N°s 12/2021", "12/2021", "Nos. 12/2021", "លេខ ១២/២០២១"),
        ("N° 1 234", "1 234", "No. 1 234", "លេខ ១ ២៣៤"),
    ])
    func labelForms(text: String, value: String, english: String, khmer: String) throws {
        let found = try references("the note \(text) of the Ministry")
        #expect(found.map(\.text) == [text])
        let placeable = try #require(found.first)
        #expect(placeable.value == value)
        #expect(placeable.rendered(in: .english) == english)
        #expect(placeable.rendered(in: .khmer) == khmer)
    }

    @Test("A slash number after an ordinary word is one reference, in Latin or Khmer digits")
    func bareSlashNumber() throws {
        #expect(try references("The reference is 12/2021.").map(\.value) == ["12/2021"])
        #expect(try references("សេចក្ដីយោង ១២/២០២១។", .khmer).map(\.value) == ["12/2021"])
        #expect(try Tokenizer(language: .english).tokenize("The reference is 12/2021.", mergingPlaceables: true).map(\.text).contains("12/2021"))
        // Days before a month stay days: "8/10 May 1989" keeps the date "10 May 1989".
        #expect(try references("Exchange of Letters of 8/10 May 1989, 16/17 December 1992").isEmpty)
        #expect(try references("ថ្ងៃទី១៦/១៧ ខែធ្នូ ឆ្នាំ១៩៩២", .khmer).isEmpty)
        #expect(try references("les 16/17 décembre 1992", .french).isEmpty)
    }

    @Test("Capital codes before a slash number belong to the reference in English as in Khmer (AL KHM 10/2020)")
    func codesBothSides() throws {
        let english = try references("Please quote reference AL KHM 10/2020 in any reply.")
        let french = try references("Prière de rappeler la référence AL KHM 10/2020 dans toute réponse.", .french)
        let khmer = try references("សូម\u{200B}រំលឹក\u{200B}លេខ AL KHM ១០/២០២០ ក្នុង\u{200B}ការ\u{200B}ឆ្លើយតប។", .khmer)
        #expect(english.map(\.value) == ["AL KHM 10/2020"])
        #expect(french.map(\.value) == ["AL KHM 10/2020"])
        #expect(khmer.map(\.value) == ["AL KHM 10/2020"])
    }

    @Test("Label words: ៖ is a separator, № a number label")
    func labelWords() {
        #expect(ReferenceLabel(word: "លេខ៖") == .number)
        #expect(ReferenceLabel(word: "№") == .number)
        #expect(ReferenceLabel(word: "N°s") == .numbers)
        #expect(ReferenceLabel(word: "លេខ\u{200B}យោង") == .reference)
    }
}
