import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Review 1130c: the Khmer place line with U+200B (M9), Khmer "and" between nouns (m3), the
/// languages of .docx runs (m7) and fuzzy marks in the document (M2).
@Suite("Drafting: review 1130c")
struct Review1130cDraftTests {
    let translator: Pretranslator = {
        let glossary = try? DraftGlossary.shipped()
        return try! Pretranslator(book: Fixtures.book, sourceLanguage: .english, glossary: glossary ?? nil)
    }()

    @Test("M9: the place-and-date line is read the same with U+200B, spaces or neither between the Khmer words", arguments: [
        "ធ្វើ\u{200B}នៅ\u{200B}ទីក្រុង\u{200B}ហ្សឺណែវ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១",
        "ធ្វើនៅ\u{200B}ទីក្រុងហ្សឺណែវ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១",
        "ធ្វើនៅ ទីក្រុងហ្សឺណែវ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១",
        "ធ្វើនៅទីក្រុងហ្សឺណែវ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១",
    ])
    func khmerPlaceLine(line: String) throws {
        let tokenizer = try Tokenizer(language: .khmer)
        let parsed = try #require(PlaceDateLine.parse(line, language: .khmer, tokenizer: tokenizer))
        #expect(parsed.place == "Geneva")
        #expect(parsed.date.iso == "2021-01-12")
        #expect(PlaceNames.english(of: "ទីក្រុង\u{200B}ហ្សឺណែវ", in: .khmer) == "Geneva")
    }

    @Test("m3: Khmer ហើយ joins the opening's clauses only; an \"and\" between untranslated nouns stays inside their ⟦…⟧")
    func khmerAnd() throws {
        // The reviewer's draft (review-c/en-draft.txt), second sentence and opening.
        let request = translator.translate(
            "The Embassy would be grateful if the Ministry could arrange a meeting with the Minister for Europe and Foreign Affairs on 4 March 2021.",
            to: .khmer)
        #expect(!request.text.contains("ហើយ"), "\(request.text)")
        #expect(request.text.contains("Europe and Foreign Affairs"), "\(request.text)")
        #expect(request.untranslated.contains { $0.contains("Europe and Foreign Affairs") }, "\(request.untranslated)")
        let opening = translator.translate(
            "The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs of the French Republic and has the honour to inform the Ministry that the meeting will take place.",
            to: .khmer)
        #expect(opening.text.contains("ហើយ"), "the clause conjunction before has the honour: \(opening.text)")
    }

    @Test("m3: an \"and\" between two translated names is និង, marked unreviewed")
    func khmerAndBetweenNames() throws {
        let translation = translator.translate("talks between France and Thailand", to: .khmer)
        #expect(translation.text.contains(" និង "), "\(translation.text)")
        #expect(!translation.text.contains("ហើយ"), "\(translation.text)")
        #expect(translation.flags.contains("unreviewed"))
    }

    static func sample() -> Pretranslation {
        let source = "The meeting will not take place.\nThe Minister for Europe and Foreign Affairs."
        let fuzzy = { (text: String) in
            SegmentTranslation(text: text, score: 94, method: "memory", flags: ["fuzzy"], formulas: [], untranslated: [],
                               matchedSource: "The meeting will take place.", differences: ["+not"])
        }
        return Pretranslation(sourceLanguage: .english, targetLanguages: [.french, .khmer], segments: [
            PretranslatedSegment(index: 1, source: "The meeting will not take place.", start: 0, end: 32, targets: [
                "fr": fuzzy("La réunion aura lieu."), "km": fuzzy("កិច្ចប្រជុំ​នឹង​ប្រព្រឹត្ត​ទៅ។"),
            ]),
            PretranslatedSegment(index: 2, source: "The Minister for Europe and Foreign Affairs.", start: 33, end: 77, targets: [
                "fr": SegmentTranslation(text: "Le ⟦Minister for Europe and Foreign Affairs⟧.", score: 10, method: "phrases", flags: ["untranslated"],
                                         formulas: [], untranslated: ["Minister for Europe and Foreign Affairs"], matchedSource: nil),
                "km": SegmentTranslation(text: "⟦Minister for Europe and Foreign Affairs⟧។", score: 10, method: "phrases",
                                         flags: ["untranslated", "unreviewed"], formulas: [],
                                         untranslated: ["Minister for Europe and Foreign Affairs"], matchedSource: nil),
            ]),
        ], source: source)
    }

    @Test("m7: .docx runs carry their note's language; untranslated parts the draft's")
    func docxLanguages() throws {
        let xml = DocxDocument(Self.sample()).documentXML
        func runs(_ text: String) -> [String] {
            xml.components(separatedBy: "<w:r>").filter { $0.contains(">\(text)") }
        }
        let french = try #require(runs("La réunion aura lieu.").first)
        #expect(french.contains("<w:lang w:val=\"fr-FR\""), "\(french)")
        let khmer = try #require(runs("កិច្ចប្រជុំ​នឹង​ប្រព្រឹត្ត​ទៅ។").first)
        #expect(khmer.contains("w:val=\"km-KH\"") && khmer.contains("w:bidi=\"km-KH\""), "\(khmer)")
        for untranslated in runs("⟦Minister for Europe and Foreign Affairs⟧") {
            #expect(untranslated.contains("w:val=\"en-GB\""), "\(untranslated)")
        }
        #expect(!xml.contains("<w:lang w:val=\"en-GB\" w:bidi=\"km-KH\"/></w:rPr><w:t xml:space=\"preserve\">La réunion"))
    }

    @Test("M2: a fuzzy match is marked in the document, the .docx and the header, and not counted fully translated")
    func fuzzyMarks() throws {
        let result = Self.sample()
        #expect(result.document(.french).contains("La réunion aura lieu. [fuzzy 94%: +not]"))
        #expect(result.coverage(.french) == 0)
        #expect(result.coverageSummary(.french) == "0% of segments fully translated (1 fuzzy — check)")
        let xml = DocxDocument(result).documentXML
        #expect(xml.contains("<w:highlight w:val=\"yellow\"/><w:lang w:val=\"en-GB\" w:bidi=\"km-KH\"/></w:rPr><w:t xml:space=\"preserve\"> [fuzzy 94%: +not]</w:t>"), "\(xml)")
    }
}
