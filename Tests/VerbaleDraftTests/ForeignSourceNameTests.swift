import Testing
import VerbaleCore
@testable import VerbaleDraft

/// `draft translate` from Khmer or French names the sender and recipient as `draft new` does
/// (review 30 Nov b, D1: «ambassade ⟦នៃ⟧ Royaume du Cambodge … à ministère des Affaires
/// étrangères», even for the Khmer `draft new` itself wrote).
@Suite("Pre-translation from Khmer and French: institution names")
struct ForeignSourceNameTests {
    static let glossary = try? DraftGlossary.shipped()
    static let composer = NoteComposer(book: Fixtures.book, namer: InstitutionNamer(glossary: glossary ?? nil))

    static func translator(from language: Language) throws -> Pretranslator {
        try Pretranslator(book: Fixtures.book, sourceLanguage: language, glossary: glossary ?? nil)
    }

    static func line(_ note: DraftNote, _ kind: String) throws -> String {
        try #require(note.lines.first { $0.kind == kind }).text
    }

    @Test("The Khmer and French that draft new writes come back with draft new's English and French closing, names and articles included",
          arguments: [("Embassy of the Kingdom of Cambodia", "Ministry of Foreign Affairs"),
                      ("Embassy of the Kingdom of Cambodia", "Ministry of Foreign Affairs of the Kingdom of Thailand"),
                      ("Permanent Mission of the Kingdom of Cambodia", "Ministry of Health")])
    func roundTrip(sender: String, recipient: String) throws {
        try #require(Self.glossary != nil, "the shipped glossary is needed")
        let request = NoteRequest(sender: sender, recipient: recipient, purpose: "inform")
        for source in [Language.khmer, .french] {
            let closing = try Self.line(try Self.composer.compose(request, in: source), "closing")
            let translator = try Self.translator(from: source)
            for target in [Language.english, .french] where target != source {
                let expected = try Self.line(try Self.composer.compose(request, in: target), "closing")
                let result = translator.pretranslate(closing, to: [target])
                let got = try #require(result.segments.first?.targets[target.rawValue])
                #expect(got.text == expected, "\(source.rawValue) → \(target.rawValue): \(closing)")
                #expect(got.untranslated.isEmpty)
            }
        }
    }

    @Test("A Khmer opening typed with U+200B between words: «L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère …»; the Khmer name alone is a letterhead, without article")
    func khmerOpeningAndLetterhead() throws {
        try #require(Self.glossary != nil, "the shipped glossary is needed")
        let translator = try Self.translator(from: .khmer)
        let opening = "ស្ថានទូត​នៃ​ព្រះរាជាណាចក្រ​កម្ពុជា សូម​គោរព​ជូន​ចំពោះ​ក្រសួង​ការបរទេស ហើយ​មាន​កិត្តិយស​សូម​ជម្រាប​ជូន​ថា កិច្ចប្រជុំ​នឹង​ធ្វើ​ឡើង។"
        let french = translator.pretranslate(opening, to: [.french]).document(.french)
        #expect(french.hasPrefix("L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère des Affaires étrangères et a l'honneur"), "\(french)")
        let english = translator.pretranslate(opening, to: [.english]).document(.english)
        #expect(english.hasPrefix("The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs and has the honour"), "\(english)")
        let letterhead = translator.pretranslate("ស្ថានទូតនៃព្រះរាជាណាចក្រ​កម្ពុជា", to: [.english, .french])
        #expect(letterhead.document(.english) == "Embassy of the Kingdom of Cambodia")
        #expect(letterhead.document(.french) == "Ambassade du Royaume du Cambodge")
        // A name with a part no table or glossary knows is not guessed: word by word, marked.
        let unknown = translator.pretranslate("ស្ថានទូតនៃប្រទេសអាត្លង់ទីស សូម​គោរព​ជូន​ចំពោះ​ក្រសួង​ការបរទេស ហើយ​មាន​កិត្តិយស​សូម​ជម្រាប​ជូន​ថា។", to: [.french])
        #expect(unknown.document(.french).contains("⟦"), "\(unknown.document(.french))")
    }
}
