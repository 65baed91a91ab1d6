import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Audit finding F8: `draft translate` cut "COVID-19" into "COVID-⟧ 19" (Khmer "១៩"), lost the "+"
/// of "+66 2 123 4567" and rewrote its digits; and its place-and-date line ("Genève, 12 janvier
/// 2021") differed from `draft new`'s ("Genève, le 12 janvier 2021").
@Suite("Pre-translation carries names with digits and phone numbers whole, and writes the place-and-date line as draft new does")
struct CarriedWholeTests {
    static let glossary = try? DraftGlossary.shipped()

    func translator(_ language: Language = .english) throws -> Pretranslator {
        try Pretranslator(book: Fixtures.book, sourceLanguage: language, glossary: Self.glossary ?? nil)
    }

    @Test("COVID-19 in the seed note stays whole, Latin digits and all, in French and Khmer", .enabled(if: SharedData.isAvailable))
    func seedNote() throws {
        let url = try #require(SharedData.file("notes/seed-cambodia-ohchr-2021.txt"))
        let result = try translator().pretranslate(try String(contentsOf: url, encoding: .utf8), to: [.french, .khmer])
        for language in [Language.french, .khmer] {
            let document = result.document(language)
            #expect(document.contains("COVID-19"), "\(language)")
            #expect(!document.contains("COVID-⟧"), "\(language)")
            #expect(!document.contains("១៩"), "\(language): the 19 of COVID-19 rewritten in Khmer digits")
        }
        #expect(result.document(.french).contains("⟦as to the alleged disclosure of personal information of individuals infected with⟧ COVID-19."))
        #expect(result.document(.khmer).contains("COVID-19។"))
    }

    @Test("A phone number and an e-mail address are carried as typed, the + included", arguments: [Language.khmer, .french])
    func phone(target: Language) throws {
        let sentence = "The Embassy's consular section can be reached at consular@example.org or +66 2 123 4567."
        let text = try translator().translate(sentence, to: target).text
        #expect(text.contains("consular@example.org"))
        #expect(text.contains("+66 2 123 4567"), "\(text)")
        #expect(!text.contains("⟦or +⟧"))
        #expect(!text.contains("៦៦"))
    }

    @Test("Other phone forms and names with digits are recognised; ordinary numbers and words are not")
    func spans() throws {
        let spans = try VerbatimSpans()
        func carried(_ text: String) -> [String] {
            let scalars = Array(text.unicodeScalars)
            return spans.spans(in: text).map { String(String.UnicodeScalarView(scalars[$0])) }
        }
        #expect(carried("call (855) 23 216 666 or 012 999 888 today") == ["(855) 23 216 666", "012 999 888"])
        #expect(carried("tel. +33 1 23 45 67 89") == ["+33 1 23 45 67 89"])
        #expect(carried("SARS-CoV-2, the G20 and H5N1") == ["SARS-CoV-2", "G20", "H5N1"])
        #expect(carried("a 3-day visit on the 28th, le 1er mars, 2021 and 1 000 people") == [])
        #expect(carried("ទូរស័ព្ទ +៨៥៥ ២៣ ២១៦ ៦៦៦ ថ្ងៃទី១២") == ["+៨៥៥ ២៣ ២១៦ ៦៦៦"])
        #expect(carried("ឆ្នាំ2020") == [], "Khmer letters beside digits are not a Latin name")
        // Numbers elsewhere in a sentence are still rendered for the target.
        let khmer = try translator().translate("The Embassy thanks the 3 officers infected with COVID-19.", to: .khmer).text
        #expect(khmer.contains("៣"), "\(khmer)")
        #expect(khmer.contains("COVID-19"), "\(khmer)")
    }

    @Test("A Khmer phone number is carried whole into English with Latin digits, its + and grouping kept (review 1130d M8)")
    func khmerSource() throws {
        let text = try translator(.khmer).translate("សូមទូរស័ព្ទមកលេខ +៨៥៥ ២៣ ២១៦ ៦៦៦។", to: .english).text
        #expect(text.contains("+855 23 216 666"), "\(text)")
        #expect(!text.contains("No."), "\(text)")
    }

    @Test("The place-and-date line is the same in draft translate as in draft new, in French and Khmer and back")
    func placeAndDate() throws {
        let composer = NoteComposer(book: Fixtures.book, namer: InstitutionNamer(glossary: Self.glossary ?? nil))
        let request = NoteRequest(sender: "Permanent Mission of the Kingdom of Cambodia", recipient: "Office of the High Commissioner for Human Rights",
                                  purpose: "transmit", place: "Geneva", date: try NoteDate(iso: "2021-01-12"))
        func composed(_ language: Language) throws -> String {
            try #require(try composer.compose(request, in: language).lines.first { $0.kind == "place-date" }).text
        }
        let english = try composed(.english), french = try composed(.french), khmer = try composed(.khmer)
        #expect(french == "Genève, le 12 janvier 2021")
        #expect(try translator().translate(english, to: .french).text == french)
        #expect(try translator().translate(english, to: .khmer).text == khmer)
        #expect(try translator().translate(english, to: .khmer).flags.contains("unreviewed"))
        #expect(try translator(.french).translate(french, to: .english).text == english)
        #expect(try translator(.french).translate("Fait à Genève, le 12 janvier 2021", to: .khmer).text == khmer)
        #expect(try translator(.khmer).translate(khmer, to: .french).text == french)
        #expect(try translator(.khmer).translate(khmer, to: .english).text == english)
        // Not a place-and-date line: the date inside a sentence is rendered as before.
        let sentence = try translator().translate("The meeting in Geneva on 12 January 2021 was cancelled.", to: .french).text
        #expect(sentence.contains("12 janvier 2021") && !sentence.contains("le 12 janvier"), "\(sentence)")
    }
}
