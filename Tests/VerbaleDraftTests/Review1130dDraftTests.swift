import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Review 1130d: French country names that take no article (M6) and Khmer phone numbers and
/// digits in English and French pre-translations (M8).
@Suite("Drafting: review 1130d")
struct Review1130dDraftTests {
    static let glossary: DraftGlossary? = try? DraftGlossary.shipped()
    let composer = NoteComposer(book: Fixtures.book, namer: InstitutionNamer(glossary: Self.glossary))
    static let sender = "Ministry of Foreign Affairs and International Cooperation of the Kingdom of Cambodia"

    func line(_ draft: DraftNote, _ kind: String) throws -> DraftNote.Line {
        try #require(draft.lines.first { $0.kind == kind })
    }

    // MARK: M6

    /// Haïti as iso-codes writes it (« République de Haïti »); the rows no source attests
    /// (Maurice, Oman, Andorre, Sainte-Lucie, Saint-Marin) are unreviewed.
    static let unattested: Set<String> = ["Mauritius", "Oman", "Andorra", "Saint Lucia", "San Marino"]

    @Test("M6: countries French names without an article: « l'Ambassade de Singapour », « d'Israël », « de Haïti »", arguments: [
        ("Singapore", "de Singapour"), ("Malta", "de Malte"), ("Monaco", "de Monaco"), ("Israel", "d'Israël"),
        ("Cyprus", "de Chypre"), ("Cuba", "de Cuba"), ("Madagascar", "de Madagascar"), ("Haiti", "de Haïti"),
        ("Mauritius", "de Maurice"), ("Oman", "d'Oman"), ("Djibouti", "de Djibouti"), ("Andorra", "d'Andorre"),
        ("Saint Lucia", "de Sainte-Lucie"), ("San Marino", "de Saint-Marin"), ("Trinidad and Tobago", "de Trinité-et-Tobago"),
    ])
    func noArticle(country: String, expected: String) throws {
        let draft = try composer.compose(NoteRequest(sender: Self.sender, recipient: "Embassy of \(country)", purpose: "inform"), in: .french)
        let opening = try line(draft, "opening").text
        #expect(opening.contains("compliments à l'Ambassade \(expected) et a"), "\(opening)")
        #expect(try line(draft, "closing").text.contains("renouveler à l'Ambassade \(expected) les assurances"))
        let recipient = try line(draft, "recipient")
        #expect(recipient.text == "Ambassade \(expected)", "\(recipient.text)")
        #expect(recipient.unreviewed == Self.unattested.contains(country), "a row of the name table states it, citing its source or not")
    }

    @Test("M6: the same without the glossary (CLDR's names), and as the sender")
    func noArticleWithoutGlossary() throws {
        let namer = InstitutionNamer()
        #expect(namer.name("Embassy of Singapore", in: .french).text == "Ambassade de Singapour")
        #expect(namer.name("Embassy of Israel", in: .french).genitive == "de l'Ambassade d'Israël")
        let draft = try composer.compose(NoteRequest(sender: "Embassy of Malta", recipient: "Ministry of Foreign Affairs", purpose: "inform"), in: .french)
        #expect(try line(draft, "opening").text.hasPrefix("L'Ambassade de Malte présente ses compliments au Ministère"))
    }

    @Test("M6: a country no row covers takes French grammar's article, unmarked; a row states the exceptions")
    func grammarArticleUnmarked() throws {
        let draft = try composer.compose(NoteRequest(sender: Self.sender, recipient: "Embassy of Japan", purpose: "inform"), in: .french)
        let recipient = try line(draft, "recipient")
        #expect(recipient.text == "Ambassade du Japon")
        #expect(!recipient.unreviewed, "\(recipient.display)")
        // A row states Cambodge (masculine): not marked.
        let cambodia = try composer.compose(NoteRequest(sender: "Embassy of Cambodia", recipient: "Ministry of Foreign Affairs", purpose: "inform"), in: .french)
        let letterhead = try line(cambodia, "letterhead")
        #expect(!letterhead.unreviewed, "\(letterhead.display)")
    }

    // MARK: M8

    static func outsideMarks(_ text: String) -> String {
        var out = "", depth = 0
        for character in text {
            if character == "⟦" { depth += 1 } else if character == "⟧" { depth -= 1 } else if depth == 0 { out.append(character) }
        }
        return out
    }

    static func hasKhmerDigits(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x17E0...0x17E9).contains($0.value) }
    }

    @Test("M8: a Khmer phone number after ទូរស័ព្ទលេខ is a phone number, not \"No. …\", with ASCII digits in English and French")
    func khmerPhone() throws {
        let translator = try Pretranslator(book: Fixtures.book, sourceLanguage: .khmer, glossary: Self.glossary)
        let segment = "សូមទាក់ទងលោក លី ដារា តាមទូរស័ព្ទលេខ ០១២ ៣៤៥ ៦៧៨។"
        for target in [Language.english, .french] {
            let text = translator.translate(segment, to: target).text
            #expect(text.contains("ទូរស័ព្ទលេខ⟧ 012 345 678"), "\(text)")
            #expect(!text.contains("No.") && !text.contains("N°"), "\(text)")
            #expect(!Self.hasKhmerDigits(Self.outsideMarks(text)), "\(text)")
        }
        // A note reference after លេខ is still one.
        #expect(translator.translate("កំណត់ទូតលេខ ០៤៥/២០២១។", to: .english).text.contains("No. 045/2021"))
    }

    @Test("M8: names and numbers carried as typed get ASCII digits in English and French, and keep them in Khmer")
    func carriedDigits() throws {
        let khmer = try Pretranslator(book: Fixtures.book, sourceLanguage: .khmer, glossary: Self.glossary)
        for target in [Language.english, .french] {
            let passport = khmer.translate("លិខិតឆ្លងដែនការទូតលេខ D០០១២៣៤៥៦។", to: target).text
            #expect(passport.contains("D00123456"), "\(passport)")
            #expect(!Self.hasKhmerDigits(Self.outsideMarks(passport)), "\(passport)")
            let international = khmer.translate("ទូរស័ព្ទ +៨៥៥ ២៣ ២១៦ ១៤១។", to: target).text
            #expect(international.contains("+855 23 216 141"), "\(international)")
        }
        let english = try Pretranslator(book: Fixtures.book, sourceLanguage: .english, glossary: Self.glossary)
        #expect(english.translate("Call +66 2 123 4567 about COVID-19.", to: .khmer).text.contains("+66 2 123 4567"))
    }

    // MARK: m6

    @Test("m6: a country's short name followed by a capitalised word is a first name, left in ⟦…⟧",
          .enabled(if: glossary != nil, "the shipped Glossaries/ folder is missing; skipped"))
    func firstNames() throws {
        let english = try Pretranslator(book: Fixtures.book, sourceLanguage: .english, glossary: Self.glossary)
        let text = english.translate("Please contact Chad Smith or Jordan Lee at the Embassy.", to: .french).text
        #expect(!text.contains("Tchad") && !text.contains("Jordanie"), "\(text)")
        #expect(text.contains("Chad Smith") && text.contains("Jordan Lee"), "\(text)")
        #expect(!Self.outsideMarks(text).contains("Chad") && !Self.outsideMarks(text).contains("Jordan"), "\(text)")
        // Countries are still countries: in a list, before an institution, before a lower-case word.
        let countries = english.translate("Chad and Jordan signed the agreement with the Thailand Embassy.", to: .french).text
        #expect(countries.contains("Tchad") && countries.contains("Jordanie") && countries.contains("Thaïlande"), "\(countries)")
    }
}
