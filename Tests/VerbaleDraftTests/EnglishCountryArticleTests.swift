import Testing
import VerbaleCore
@testable import VerbaleDraft

/// A country named in a Khmer or French note keeps its English article when the note is
/// pre-translated into English: "of the French Republic", "of the Philippines", but "of
/// France" (review 1130e m5: « ក្រសួងការបរទេសនៃសាធារណរដ្ឋបារាំង » came out "the Ministry of
/// Foreign Affairs of French Republic" while the French had « de la République française »).
@Suite("English country article after \"of\" in names read from Khmer and French")
struct EnglishCountryArticleTests {
    static let glossary: DraftGlossary? = try? DraftGlossary.shipped()

    static func translator(from language: Language) throws -> Pretranslator {
        let glossary: DraftGlossary = try #require(Self.glossary, "the shipped glossaries load")
        return try Pretranslator(book: Fixtures.book, sourceLanguage: language, glossary: glossary)
    }

    /// The Khmer opening of the review's km-note.txt (U+200B between words), and the same
    /// typed without any U+200B.
    static let reviewOpening = "ស្ថានទូត​នៃ​ព្រះរាជាណាចក្រ​កម្ពុជា សូម​គោរព​ជូន​ចំពោះ​ក្រសួង​ការបរទេស​នៃ​សាធារណរដ្ឋ​បារាំង ហើយ​មាន​កិត្តិយស​សូម​ជម្រាប​ជូន​ថា កិច្ចប្រជុំ​នឹង​ធ្វើ​ឡើង។"

    @Test("The review's Khmer opening, with and without U+200B: \"to the Ministry of Foreign Affairs of the French Republic\", French unchanged",
          arguments: [reviewOpening, reviewOpening.replacingOccurrences(of: "\u{200B}", with: "")])
    func reviewNote(_ opening: String) throws {
        let translator = try Self.translator(from: .khmer)
        let result = translator.pretranslate(opening, to: [.english, .french])
        let english = result.document(.english)
        #expect(english.hasPrefix("The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs of the French Republic and has the honour"), "\(english)")
        let french = result.document(.french)
        #expect(french.hasPrefix("L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère des Affaires étrangères de la République française et a l'honneur"), "\(french)")
    }

    /// Khmer country names as the shipped glossary writes them (its U+200B kept) and the
    /// English "of …" a note writes: formal names and names holding a common noun or plural
    /// take "the", short names none.
    static let khmerCountries: [(khmer: String, english: String)] = [
        ("សាធារណរដ្ឋ\u{200B}បារាំង", "of the French Republic"),
        ("សាធារណរដ្ឋបារាំង", "of the French Republic"),
        ("បារាំង", "of France"),
        ("ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា", "of the Kingdom of Cambodia"),
        ("កម្ពុជា", "of Cambodia"),
        ("ថៃ", "of Thailand"),
        ("សាធារណរដ្ឋ\u{200B}ឆេក", "of the Czech Republic"),
        ("ហ្វីលីពីន", "of the Philippines"),
        ("សាធារណរដ្ឋហ្វីលីពីន", "of the Republic of the Philippines"),
        ("សហរដ្ឋ\u{200B}អាមេរិក", "of the United States"),
        ("ហូល្លង់", "of the Netherlands"),
        ("ចក្រភព\u{200B}អង់គ្លេស", "of the United Kingdom"),
        ("សហព័ន្ធរុស្ស៊ី", "of the Russian Federation"),
        ("ស៊ូដង់", "of the Sudan"),
        // The glossary's running-text name, not its catalogue form "Korea, Republic of".
        ("កូរ៉េ\u{200B}ខាង\u{200B}ត្បូង", "of South Korea"),
    ]

    @Test("A Khmer recipient's country: \"of the French Republic\", \"of the Philippines\", \"of the United States\", but \"of France\", \"of Cambodia\"",
          arguments: khmerCountries)
    func khmerRecipient(_ country: (khmer: String, english: String)) throws {
        let translator = try Self.translator(from: .khmer)
        let opening = "ស្ថានទូត​នៃ​ព្រះរាជាណាចក្រ​កម្ពុជា សូម​គោរព​ជូន​ចំពោះ​ក្រសួង​ការបរទេស​នៃ\(country.khmer) ហើយ​មាន​កិត្តិយស​សូម​ជម្រាប​ជូន​ថា កិច្ចប្រជុំ​នឹង​ធ្វើ​ឡើង។"
        let english = translator.pretranslate(opening, to: [.english]).document(.english)
        #expect(english.contains("to the Ministry of Foreign Affairs \(country.english) and has the honour"), "\(english)")
    }

    @Test("A French recipient's country: « de la République française » → \"of the French Republic\", « des Philippines » → \"of the Philippines\", « de la France » → \"of France\"",
          arguments: [("de la République française", "of the French Republic"), ("des Philippines", "of the Philippines"),
                      ("des États-Unis", "of the United States"), ("du Royaume-Uni", "of the United Kingdom"),
                      ("de la France", "of France"), ("du Royaume de Thaïlande", "of the Kingdom of Thailand")])
    func frenchRecipient(_ french: String, _ english: String) throws {
        let translator = try Self.translator(from: .french)
        let opening = "L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère des Affaires étrangères \(french) et a l'honneur de l'informer que la réunion aura lieu."
        let document = translator.pretranslate(opening, to: [.english]).document(.english)
        #expect(document.hasPrefix("The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs \(english) and has the honour"), "\(document)")
    }

    @Test("The rule itself: formal names and names with a common noun take \"the\"; short names, \"Solomon Islands\" and \"Christmas Island\" none; an article already there is not doubled",
          arguments: [("French Republic", true, "the French Republic"), ("Republic of Korea", false, "the Republic of Korea"),
                      ("Kingdom of Cambodia", true, "the Kingdom of Cambodia"), ("France", false, "France"),
                      ("Cambodia", false, "Cambodia"), ("Philippines", false, "the Philippines"),
                      ("United States", false, "the United States"), ("United Arab Emirates", false, "the United Arab Emirates"),
                      ("Lao People's Democratic Republic", false, "the Lao People's Democratic Republic"),
                      ("Gambia", false, "the Gambia"), ("Isle of Man", false, "the Isle of Man"),
                      ("Solomon Islands", false, "Solomon Islands"), ("Christmas Island", false, "Christmas Island"),
                      ("Seychelles", false, "Seychelles"), ("South Sudan", false, "South Sudan"),
                      ("the State of Eritrea", true, "the State of Eritrea")])
    func rule(_ name: String, _ formal: Bool, _ expected: String) {
        #expect(EnglishCountryArticle.afterOf(name, formal: formal) == expected)
    }
}
