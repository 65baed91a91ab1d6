import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Audit finding F24: plural names ("Nations Unies", "États-Unis d'Amérique") took a singular
/// article or an elision in French drafts, and English kept in a name was not marked in the text.
@Suite("French articles of plural names and marked untranslated parts in new notes")
struct FrenchCountryGrammarTests {
    let composer: NoteComposer = {
        let glossary = try? DraftGlossary.shipped()
        return NoteComposer(book: Fixtures.book, namer: InstitutionNamer(glossary: glossary))
    }()

    func note(_ to: String, _ language: Language, from: String = "Embassy of the Kingdom of Cambodia") throws -> DraftNote {
        try composer.compose(NoteRequest(sender: from, recipient: to, purpose: "request"), in: language)
    }

    func line(_ note: DraftNote, _ kind: String) throws -> String {
        try #require(note.lines.first { $0.kind == kind }).text
    }

    @Test("The finding's United States ministry takes \"des États-Unis d'Amérique\" in the opening, closing and recipient lines")
    func unitedStates() throws {
        let draft = try note("Ministry of Foreign Affairs of the United States of America", .french)
        #expect(try line(draft, "opening").contains("présente ses compliments au Ministère des Affaires étrangères des États-Unis d'Amérique et a l'honneur"))
        #expect(try line(draft, "closing").contains("renouveler au Ministère des Affaires étrangères des États-Unis d'Amérique les assurances"))
        #expect(try line(draft, "recipient") == "Ministère des Affaires étrangères des États-Unis d'Amérique")
        #expect(!draft.text.contains("de l'États"))
    }

    @Test("The finding's refugee office is the Haut-Commissariat des Nations Unies, and an unknown part after \"United Nations\" is marked")
    func unitedNations() throws {
        let unhcr = try note("Office of the United Nations High Commissioner for Refugees", .french)
        #expect(try line(unhcr, "opening").contains("compliments au Haut-Commissariat des Nations Unies pour les réfugiés et a"))
        #expect(!unhcr.text.contains("du Nations Unies"))
        #expect(!unhcr.text.contains("High Commissioner"))
        let office = try note("Office of the United Nations Resident Coordinator", .french)
        #expect(try line(office, "opening").contains("compliments à l'Office des Nations Unies [untranslated: Resident Coordinator] et a"))
        #expect(try line(office, "closing").contains("renouveler à l'Office des Nations Unies [untranslated: Resident Coordinator] les assurances"))
        #expect(try line(office, "recipient") == "Office des Nations Unies [untranslated: Resident Coordinator]")
    }

    @Test("Other plural countries take les, des and aux and never elide", arguments: [
        ("Embassy of the Netherlands", "à l'Ambassade des Pays-Bas et"),
        ("Embassy of the Kingdom of the Netherlands", "à l'Ambassade du Royaume des Pays-Bas et"),
        ("Embassy of the Philippines", "à l'Ambassade des Philippines et"),
        ("Embassy of the United Arab Emirates", "à l'Ambassade des Émirats arabes unis et"),
        ("Embassy of Solomon Islands", "à l'Ambassade des Îles Salomon et"),
        ("Embassy of the Bahamas", "à l'Ambassade des Bahamas et"),
        ("Embassy of Mexico", "à l'Ambassade du Mexique et"),
        // « Ambassade » drops a feminine or vowel-initial short name's article (CountryArticleAfterHeadTests).
        ("Embassy of Italy", "à l'Ambassade d'Italie et"),
    ])
    func pluralCountries(recipient: String, expected: String) throws {
        #expect(try line(try note(recipient, .french), "opening").contains(expected))
    }

    @Test("A plural country as the sender is \"Les …\" only through its head; its genitive is \"des\"")
    func pluralSender() throws {
        let draft = try note("Ministry of Foreign Affairs", .french, from: "Embassy of the United States of America")
        #expect(try line(draft, "letterhead") == "Ambassade des États-Unis d'Amérique")
        #expect(try line(draft, "opening").hasPrefix("L'Ambassade des États-Unis d'Amérique présente ses compliments au Ministère"))
    }

    @Test("Without the glossary, CLDR's French names get the same plural articles")
    func withoutGlossary() throws {
        let namer = InstitutionNamer()
        #expect(namer.name("Embassy of the United States", in: .french).text == "Ambassade des États-Unis")
        #expect(namer.name("Office of the United Nations Resident Coordinator", in: .french).text
                == "Office des Nations Unies [untranslated: Resident Coordinator]")
    }

    @Test("A glossary term's TBX grammaticalNumber and grammaticalGender override the table")
    func statedGrammar() {
        let plural = Term(language: LanguageTag(.french), text: "Tonga",
                          fields: [TermField(element: "termNote", type: "grammaticalNumber", value: "plural")])
        #expect(InstitutionNamer.grammar(of: plural) == .plural)
        #expect(InstitutionNamer.frenchCountry("Tonga", stated: .plural).genitive == "des Tonga")
        let feminine = Term(language: LanguageTag(.french), text: "Israël",
                            fields: [TermField(element: "termNote", type: "grammaticalGender", value: "feminine")])
        #expect(InstitutionNamer.grammar(of: feminine) == .feminine)
        #expect(InstitutionNamer.grammar(of: Term(language: LanguageTag(.french), text: "Mali")) == nil)
    }

    @Test("Khmer drafts keep their names: no articles, the glossary's Khmer, untranslated parts marked")
    func khmer() throws {
        let us = try note("Ministry of Foreign Affairs of the United States of America", .khmer)
        #expect(try line(us, "recipient") == "ក្រសួងការបរទេសនៃសហរដ្ឋ\u{200B}អាមេរិក")
        #expect(try line(us, "opening").contains("សូមគោរពជូនចំពោះក្រសួងការបរទេសនៃសហរដ្ឋ\u{200B}អាមេរិក ហើយ"))
        let netherlands = try note("Embassy of the Philippines", .khmer)
        #expect(try !line(netherlands, "recipient").contains("des"))
        let office = try note("Office of the United Nations Resident Coordinator", .khmer)
        let opening = try #require(office.lines.first { $0.kind == "opening" })
        #expect(opening.text.contains("[untranslated: Resident Coordinator]"))
        #expect(opening.untranslated == ["Resident Coordinator"])
        #expect(opening.unreviewed)
    }
}

/// Found fixing review 1130e m5: a country name with a complement (« Corée du Sud »,
/// « Macédoine du Nord ») took its gender from the complement's last letter — « du Corée du Sud ».
@Suite("French country names with a complement take the gender of the name before it")
struct FrenchCountryComplementGenderTests {
    let composer: NoteComposer = {
        let glossary = try? DraftGlossary.shipped()
        return NoteComposer(book: Fixtures.book, namer: InstitutionNamer(glossary: glossary))
    }()

    @Test("The gender comes from the name before du/de/des/d'", arguments: [
        ("Corée du Sud", "Corée"), ("Macédoine du Nord", "Macédoine"), ("Soudan du Sud", "Soudan"),
        ("Afrique du Sud", "Afrique"), ("Sierra Leone", "Sierra Leone"), ("Timor oriental", "Timor oriental"),
        ("Saint-Christophe-et-Niévès", "Saint-Christophe-et-Niévès"),
    ])
    func grammarHead(name: String, head: String) {
        #expect(InstitutionNamer.grammarHead(of: name) == head)
    }

    @Test("Ministries of South Korea, North Macedonia and South Sudan in a French note", arguments: [
        ("Ministry of Foreign Affairs of South Korea", "au Ministère des Affaires étrangères de la Corée du Sud et"),
        ("Ministry of Foreign Affairs of North Macedonia", "au Ministère des Affaires étrangères de la Macédoine du Nord et"),
        ("Ministry of Foreign Affairs of South Sudan", "au Ministère des Affaires étrangères du Soudan du Sud et"),
        ("Ministry of Foreign Affairs of South Africa", "au Ministère des Affaires étrangères de l'Afrique du Sud et"),
        ("Ministry of Foreign Affairs of Sierra Leone", "au Ministère des Affaires étrangères de la Sierra Leone et"),
    ])
    func opening(recipient: String, expected: String) throws {
        let draft = try composer.compose(NoteRequest(sender: "Embassy of the Kingdom of Cambodia", recipient: recipient, purpose: "request"), in: .french)
        let opening = try #require(draft.lines.first { $0.kind == "opening" }).text
        #expect(opening.contains(expected))
        #expect(!opening.contains("du Corée") && !opening.contains("du Macédoine"))
    }
}
