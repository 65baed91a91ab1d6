import Testing
import VerbaleCore
@testable import VerbaleDraft

@Suite("Composing new notes")
struct NoteComposerTests {
    let composer = NoteComposer(book: Fixtures.book)

    func note(_ from: String, _ to: String, _ purpose: String = "transmit", _ language: Language) throws -> DraftNote {
        try composer.compose(NoteRequest(sender: from, recipient: to, purpose: purpose, reference: "N. 2021/01/045",
                                         place: "Geneva", date: try NoteDate(iso: "2021-01-12")), in: language)
    }

    @Test("The seed's transmittal in English has every part, formulas from the memory")
    func english() throws {
        let draft = try note("Permanent Mission of the Kingdom of Cambodia", "Office of the High Commissioner for Human Rights", "transmit", .english)
        #expect(draft.lines.map(\.kind) == ["letterhead", "reference", "opening", "body", "closing", "place-date", "recipient"])
        let text = draft.text
        #expect(text.contains("The Permanent Mission of the Kingdom of Cambodia presents its compliments to the Office of the High Commissioner for Human Rights and has the honour to transmit herewith"))
        #expect(text.contains("avails itself of this opportunity to renew to the Office of the High Commissioner for Human Rights the assurances of its highest consideration."))
        #expect(text.contains("Geneva, 12 January 2021"))
        #expect(draft.lines[2].formulas.contains("opening.compliments"))
    }

    @Test("French articles, contractions and elisions follow the institution's gender")
    func frenchGrammar() throws {
        let toOHCHR = try note("Permanent Mission of the Kingdom of Cambodia", "Office of the High Commissioner for Human Rights", "inform", .french).text
        #expect(toOHCHR.contains("La Mission permanente du Royaume du Cambodge présente ses compliments au Haut-Commissariat"))
        #expect(toOHCHR.contains("Genève, le 12 janvier 2021"))
        let embassy = try note("Embassy of the Kingdom of Cambodia", "Ministry of Foreign Affairs of France", "propose", .french).text
        #expect(embassy.contains("L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère des Affaires étrangères de la France et a l'honneur de proposer"))
        let ministry = try note("Ministry of Foreign Affairs", "Embassy of the Kingdom of Cambodia", "acknowledge", .french).text
        #expect(ministry.contains("Le Ministère des Affaires étrangères présente ses compliments à l'Ambassade du Royaume du Cambodge"))
        #expect(ministry.contains("renouveler à l'Ambassade"))
        let office = try note("Permanent Mission of the Kingdom of Cambodia", "Office", "inform", .french).text
        #expect(office.contains("compliments à l'Office"))
        let organisation = try note("Permanent Mission of the Kingdom of Cambodia", "Organisation", "inform", .french).text
        #expect(organisation.contains("compliments à l'Organisation"))
    }

    @Test("Khmer drafts use Khmer digits and months and say they are unreviewed")
    func khmer() throws {
        let draft = try note("Permanent Mission of the Kingdom of Cambodia", "Office of the High Commissioner for Human Rights", "transmit", .khmer)
        #expect(draft.text.contains("ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១"))
        let opening = try #require(draft.lines.first { $0.kind == "opening" })
        #expect(opening.unreviewed)
        #expect(opening.display.hasSuffix("[unreviewed]"))
        #expect(opening.text.contains("ព្រះរាជាណាចក្រកម្ពុជា"))
    }

    @Test("Names Verbale cannot translate are kept and marked, never guessed")
    func untranslated() throws {
        let draft = try note("Permanent Mission of the Kingdom of Cambodia", "Zorbian Institute of Rhetoric", "inform", .french)
        let opening = try #require(draft.lines.first { $0.kind == "opening" })
        #expect(opening.untranslated == ["Zorbian Institute of Rhetoric"])
    }

    @Test("Courtesy high gives haute, highest très haute")
    func courtesy() throws {
        var request = NoteRequest(sender: "Embassy of France", recipient: "Ministry of Foreign Affairs", purpose: "request")
        #expect(try composer.compose(request, in: .french).text.contains("sa très haute considération"))
        request.courtesy = "high"
        #expect(try composer.compose(request, in: .french).text.contains("sa haute considération"))
        #expect(try composer.compose(request, in: .english).text.contains("its high consideration"))
    }

    @Test("Unknown purposes and bad dates are clear errors")
    func errors() {
        #expect(throws: DraftError.self) { try composer.compose(NoteRequest(sender: "A", recipient: "B", purpose: "gossip"), in: .english) }
        #expect(throws: DraftError.invalidDate("2021-02-30")) { try NoteDate(iso: "2021-02-30") }
        #expect(NoteDate(year: 1994, month: 12, day: 1).rendered(in: .french) == "1er décembre 1994")
    }
}

@Suite("Sourced Khmer names")
struct SourcedKhmerNameTests {
    @Test("The shipped name table loads; its attested Khmer rows name their source")
    func shippedTable() throws {
        let table = try NameTable.load()
        #expect(table.rows("head").count == 28)   // + Permanent Delegation (stop 6), Ministry for Europe and Foreign Affairs (review 1130g M4)
        #expect(table.rows("state").count == 9)
        #expect(table.rows("seat").count == 8)    // + to UNESCO (stop 6)
        #expect(table.rows("place").count == 12)  // + Hanoi, Beijing, Canberra (review 1130g M3, left open)
        #expect(table.rows("country").count == 52)
        #expect(table.rows("country").filter { $0.gender == .noArticle }.count == 27)
        #expect(table.rows("country").allSatisfy { $0.khmer.isEmpty })
        // A country row's source cell attests its French grammar (no article), not Khmer.
        let attested = table.rows.filter { $0.khmerSource != nil && $0.kind != "country" }.map(\.english)
        #expect(Set(attested) == ["Ministry of Foreign Affairs and International Cooperation", "Royal Embassy", "Royal Government of Cambodia",
                                  "Kingdom of", "Republic of", "Commonwealth of", "State of", "Federal Republic of"])  // Principality of: review 1130d M5
        #expect(InstitutionNamer.heads.count == 28)
    }

    @Test("A malformed name table is refused with file, line and column")
    func malformedTable() throws {
        let text = "kind\tenglish\tfrench\tgender\telides\tkhmer\tkhmer-source\tzone\nhead\tEmbassy\tAmbassade\tx\tyes\tស្ថានទូត\t\t\n"
        #expect(throws: DraftError.malformedMemory("t.tsv", "t.tsv:2:4: gender must be m, f or pl, not \"x\"")) { try NameTable.parse(text, file: "t.tsv") }
        // "none" (no article) is for country rows only.
        #expect(throws: DraftError.self) {
            try NameTable.parse("kind\tenglish\tfrench\tgender\telides\tkhmer\tkhmer-source\tzone\nhead\tEmbassy\tAmbassade\tnone\tyes\tស្ថានទូត\t\t\n", file: "t.tsv")
        }
        #expect(throws: DraftError.self) { try NameTable.parse("head\tEmbassy\n", file: "t.tsv") }
        // Only country rows (French grammar) may leave the Khmer empty.
        let country = "kind\tenglish\tfrench\tgender\telides\tkhmer\tkhmer-source\tzone\ncountry\tUnited States\tÉtats-Unis\tpl\tno\t\t\t\n"
        #expect(try NameTable.parse(country, file: "t.tsv").rows("country").first?.gender == .plural)
        let head = "head\tEmbassy\tAmbassade\tf\tyes\t\t\t\n"
        #expect(throws: DraftError.malformedMemory("t.tsv", "t.tsv:1:2: english, french and khmer must not be empty")) { try NameTable.parse(head, file: "t.tsv") }
    }

    @Test("Khmer state forms are read off the iso-codes formal names of the shipped glossary")
    func stateForms() throws {
        let glossary = try #require(try DraftGlossary.shipped())
        let derived = StateFormKhmer.derive(InstitutionNamer.stateForms.map(\.english), from: glossary.termbase.concepts)
        print("derived Khmer state forms: " + derived.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value.khmer) (\($0.value.support)/\($0.value.candidates))" }.joined(separator: "; "))
        #expect(derived["Kingdom of"]?.khmer == "ព្រះរាជាណាចក្រ")
        #expect(derived["Republic of"]?.khmer == "សាធារណរដ្ឋ")
        #expect((derived["Kingdom of"]?.support ?? 0) >= 5)
        // The table's attested state forms are exactly what the source gives, and the forms
        // the source does not settle (Grand Duchy, Sultanate: one name each) stay unreviewed.
        for form in InstitutionNamer.stateForms {
            if form.khmerAttested {
                #expect(derived[form.english]?.khmer == form.khmer, "\(form.english)")
            } else {
                #expect(derived[form.english] == nil, "\(form.english)")
            }
        }
        let namer = InstitutionNamer(glossary: glossary)
        #expect(namer.stateFormKhmer["Kingdom of"]?.source.contains("iso-codes") == true)
    }

    @Test("A Khmer formal state name no source writes is composed from its parts and marked unreviewed; one the glossary has is attested")
    func composedStateNameIsUnreviewed() throws {
        let glossary = try #require(try DraftGlossary.shipped())
        let namer = InstitutionNamer(glossary: glossary)
        // France's formal name is "French Republic"; nothing writes "Republic of France".
        let guessed = namer.name("Embassy of the Republic of France", in: .khmer)
        #expect(guessed.text.hasSuffix("សាធារណរដ្ឋបារាំង"))
        #expect(guessed.isUnreviewed)
        #expect(guessed.marked(guessed.text).hasSuffix("[unreviewed]"))
        #expect(guessed.sources.contains { $0.hasPrefix("សាធារណរដ្ឋ (Republic of): iso-codes") })
        #expect(guessed.sources.contains { $0.hasPrefix("បារាំង (France): CLDR") })
        #expect(guessed.sources.contains { $0.contains("no source writes the whole name") })
        let country = namer.countryName("Republic of France", in: .khmer).0
        #expect(country?.isUnreviewed == true)
        // The formal name as iso-codes writes it: the glossary's Khmer full form, attested.
        let formal = namer.countryName("the French Republic", in: .khmer)
        let french = try #require(formal.0)
        #expect(!french.isUnreviewed)
        #expect(french.text.replacingOccurrences(of: "\u{200B}", with: "").hasPrefix("សាធារណរដ្ឋបារាំង"))
        #expect(french.sources.first?.contains("iso-codes") == true)
        let cambodia = namer.name("Permanent Mission of the Kingdom of Cambodia", in: .khmer)
        #expect(cambodia.sources.contains { $0.contains("iso-codes") })
        // The letterhead of a Khmer note built on the guess carries the mark and the source note.
        let draft = try NoteComposer(book: Fixtures.book, namer: namer)
            .compose(NoteRequest(sender: "Embassy of the Republic of France", recipient: "Ministry of Foreign Affairs", purpose: "transmit"), in: .khmer)
        let letterhead = try #require(draft.lines.first)
        #expect(letterhead.unreviewed && letterhead.display.hasSuffix("[unreviewed]"))
        #expect(letterhead.sources.contains { $0.contains("composed by Verbale") })
    }

    @Test("Without the glossary a composed Khmer state name is unreviewed too")
    func composedStateNameWithoutGlossary() {
        let name = InstitutionNamer().name("Embassy of the Kingdom of Thailand", in: .khmer)
        #expect(name.isUnreviewed)
        #expect(name.sources.contains { $0.contains("composed by Verbale") })
    }

    @Test("Khmer city names are CLDR's exemplar cities behind a framing word no source attests, so they stay unreviewed")
    func places() throws {
        let paris = PlaceNames.name("Paris", in: .khmer)
        let cldr = try #require(ICU.exemplarCity(zone: "Europe/Paris", locale: "km"))
        #expect(cldr == "ប៉ារីស")
        #expect(paris.text == "ទីក្រុង" + cldr)
        #expect(paris.framing == "ទីក្រុង")
        #expect(paris.isUnreviewed)
        #expect(paris.attestedBy?.contains("CLDR") == true)
        #expect(paris.sources.contains { $0.hasPrefix("ប៉ារីស (Paris): CLDR") })
        #expect(paris.sources.contains { $0.hasPrefix("ទីក្រុង (framing word") && $0.contains("unreviewed") })
        let phnomPenh = PlaceNames.name("Phnom Penh", in: .khmer)
        #expect(phnomPenh.text == "រាជធានីភ្នំពេញ")
        #expect(phnomPenh.isUnreviewed)
        #expect(PlaceNames.name("Paris", in: .french) == PlaceNames.Name(text: "Paris", attestedBy: nil, framing: nil, isUnreviewed: false, sources: []))
        // The recipient line of a Khmer note shows the mark because of the framing word (the
        // recipient's own Khmer name is attested).
        let draft = try NoteComposer(book: Fixtures.book).compose(
            NoteRequest(sender: "Ministry of Foreign Affairs", recipient: "Royal Government of Cambodia", purpose: "transmit", place: "Paris"), in: .khmer)
        let recipient = try #require(draft.lines.last)
        #expect(recipient.kind == "recipient")
        #expect(recipient.text.hasSuffix("\nទីក្រុងប៉ារីស"))
        #expect(recipient.display.hasSuffix("[unreviewed]"))
        #expect(recipient.sources.contains { $0.contains("framing word") })
        #expect(PlaceNames.name("Geneva", in: .khmer).isUnreviewed)
        #expect(PlaceNames.name("The Hague", in: .khmer).isUnreviewed)
        #expect(PlaceNames.name("Geneva", in: .french).text == "Genève")
        #expect(PlaceNames.name("Ulaanbaatar", in: .khmer).isUnreviewed)
    }
}
