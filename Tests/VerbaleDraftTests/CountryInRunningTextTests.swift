import Testing
import VerbaleCore
@testable import VerbaleDraft

/// A country standing alone in a Khmer or French sentence keeps the article English writes
/// when the sentence is pre-translated into English — "the Philippines", "the Republic of
/// Korea", "the United States", but "France", "Cambodia" — as a country inside an institution's
/// name already did (`EnglishCountryArticleTests`). It gave "the meeting between Philippines and
/// Cambodia", and a Khmer "South Korea" came out as the catalogue's "Korea, Republic of".
@Suite("English article of a country standing alone in a sentence read from Khmer or French")
struct CountryInRunningTextTests {
    static let glossary: DraftGlossary? = try? DraftGlossary.shipped()

    static func translator(from language: Language) throws -> Pretranslator {
        let glossary: DraftGlossary = try #require(Self.glossary, "the shipped glossaries load")
        return try Pretranslator(book: Fixtures.book, sourceLanguage: language, glossary: glossary)
    }

    /// Khmer as the shipped glossary writes the names (U+200B between words) and the English
    /// the sentence must hold (Khmer និង between names is left to the translator, as before).
    static let khmer: [(khmer: String, english: String)] = [
        ("កិច្ចប្រជុំ​រវាង​ហ្វីលីពីន និង​កម្ពុជា នឹង​ធ្វើ​ឡើង។", "the Philippines ⟦និង⟧ Cambodia"),
        ("គណៈប្រតិភូ​សហរដ្ឋ​អាមេរិក និង​បារាំង នឹង​មក​ដល់។", "the United States ⟦និង⟧ France"),
        ("ហូល្លង់ និង​ថៃ បាន​ចូលរួម។", "The Netherlands ⟦និង⟧ Thailand"),
        ("សហព័ន្ធរុស្ស៊ី និង​ចក្រភព​អង់គ្លេស បាន​ចូលរួម។", "The Russian Federation ⟦និង⟧ the United Kingdom"),
        ("កូរ៉េ​ខាង​ត្បូង និង​សាធារណរដ្ឋ​បារាំង បាន​ចូលរួម។", "South Korea ⟦និង⟧ the French Republic"),
        ("គណៈប្រតិភូ​សាធារណរដ្ឋ​កូរ៉េ នឹង​មក​ដល់។", "the Republic of Korea"),
    ]

    @Test("Khmer, with and without U+200B: \"the Philippines and Cambodia\", \"the United States and France\", \"The Netherlands and Thailand\" (capital at the start), \"South Korea\" (not \"Korea, Republic of\")",
          arguments: khmer)
    func fromKhmer(_ sample: (khmer: String, english: String)) throws {
        let translator = try Self.translator(from: .khmer)
        for text in [sample.khmer, sample.khmer.replacingOccurrences(of: "\u{200B}", with: "")] {
            let english = translator.translate(text, to: .english).text
            #expect(english.contains(sample.english), "\(english)")
            #expect(!english.contains("the the ") && !english.contains(", Republic of"), "\(english)")
        }
    }

    @Test("French: the source's article is read with the name — « les Philippines et le Cambodge » → \"the Philippines and Cambodia\", « de la France » → \"of France\", « des États-Unis » → \"of the United States\"",
          arguments: [("La réunion entre les Philippines et le Cambodge aura lieu.", "the Philippines and Cambodia"),
                      ("La délégation des États-Unis et de la France arrivera.", "of the United States and of France"),
                      ("La République de Corée et la République française participeront.", "The Republic of Korea and the French Republic"),
                      ("Les Pays-Bas et la Thaïlande participeront.", "The Netherlands and Thailand")])
    func fromFrench(_ french: String, _ english: String) throws {
        let document = try Self.translator(from: .french).translate(french, to: .english).text
        #expect(document.contains(english), "\(document)")
        #expect(!document.contains("⟦les⟧") && !document.contains("⟦la⟧") && !document.contains("⟦le⟧") && !document.contains("⟦des⟧"), "\(document)")
    }

    @Test("A country alone on its line (an address) takes no article; Khmer and French targets are unchanged")
    func aloneAndOtherTargets() throws {
        let khmer = try Self.translator(from: .khmer)
        #expect(khmer.translate("ហ្វីលីពីន", to: .english).text == "Philippines")
        let french = khmer.translate("កិច្ចប្រជុំ​រវាង​ហ្វីលីពីន និង​កម្ពុជា នឹង​ធ្វើ​ឡើង។", to: .french).text
        #expect(french.contains("Philippines") && !french.contains("the "), "\(french)")
        // An English source is not touched: its own "the" stays its own.
        let english = try Self.translator(from: .english).translate("The meeting between the Philippines and Cambodia will take place.", to: .french).text
        #expect(!english.contains("the Philippines"), "\(english)")
    }

    @Test("Into Khmer, \"the Republic of Korea\" in running text is the composed សាធារណរដ្ឋកូរ៉េ, marked unreviewed; into French « la République de Corée » unmarked")
    func koreaIntoKhmer() throws {
        let english = try Self.translator(from: .english)
        let khmer = english.translate("The Republic of Korea will attend.", to: .khmer)
        #expect(khmer.text.contains("សាធារណរដ្ឋ\u{200B}កូរ៉េ") && !khmer.text.contains("ខាង"), "\(khmer.text)")
        #expect(khmer.flags.contains("unreviewed"), "\(khmer.flags)")
        let french = english.translate("The Republic of Korea will attend.", to: .french)
        #expect(french.text.contains("République de Corée"), "\(french.text)")
    }
}
