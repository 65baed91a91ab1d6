import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleGlossary

enum GlossaryTestData {
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/glossary/\(name)")
    }

    static func termbase() throws -> Termbase {
        let v3 = try TBXReader.readAll(fixture("basic-v3.tbx")).concepts
        let v2 = try TBXReader.readAll(fixture("basic-v2.tbx")).concepts
        return Termbase(concepts: v3 + v2)
    }
}

@Suite("Term recognition")
struct RecognitionTests {
    @Test("Finds the longest term on word boundaries, with its concept and equivalents")
    func longestMatch() throws {
        let termbase = try GlossaryTestData.termbase()
        let text = "The Embassy of the KINGDOM OF THAILAND presents its compliments by note verbale."
        let found = termbase.recognize(text, language: LanguageTag(.english))
        #expect(found.map(\.text) == ["KINGDOM OF THAILAND", "note verbale"])
        #expect(found[0].concept.id == "thailand")
        #expect(found[0].equivalents(in: LanguageTag(.french)).map(\.text) == ["Royaume de Thaïlande"])
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[found[0].range])) == "KINGDOM OF THAILAND")
        #expect(found[0].placeable.kind == .entity && found[0].placeable.value == "thailand")
    }

    @Test("Khmer terms are found with and without U+200B between words")
    func khmer() throws {
        let termbase = try GlossaryTestData.termbase()
        for text in ["រាជរដ្ឋាភិបាលនៃព្រះរាជាណាចក្រកម្ពុជា។", "រាជរដ្ឋាភិបាលនៃព្រះរាជាណាចក្រ\u{200B}កម្ពុជា។"] {
            let found = termbase.recognize(text, language: LanguageTag(.khmer))
            #expect(found.map(\.concept.id) == ["kingdom-cambodia"], "in \(text.debugDescription)")
            #expect(found.first?.equivalents(in: LanguageTag(.english)).first?.text == "Kingdom of Cambodia")
        }
    }

    @Test("Apostrophes, case and diacritics do not prevent a match; part of a word does")
    func keys() throws {
        let termbase = try GlossaryTestData.termbase()
        let found = termbase.recognize("Le chargé d'affaires ad interim et le Royaume de Thailande.", language: LanguageTag(.french))
        #expect(found.map(\.concept.id) == ["charge", "thailand"])
        #expect(termbase.recognize("notes verbales", language: LanguageTag(.english)).isEmpty)
    }
}
