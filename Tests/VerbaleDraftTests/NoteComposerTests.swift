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
        #expect(table.rows("head").count == 25)
        #expect(table.rows("state").count == 9)
        #expect(table.rows("seat").count == 7)
        #expect(table.rows("place").count == 9)
        let attested = table.rows.filter { $0.khmerSource != nil }.map(\.english)
        #expect(Set(attested) == ["Ministry of Foreign Affairs and International Cooperation", "Royal Embassy", "Royal Government of Cambodia",
                                  "Kingdom of", "Republic of", "Commonwealth of", "State of", "Principality of", "Federal Republic of"])
        #expect(InstitutionNamer.heads.count == 25)
    }

    @Test("A malformed name table is refused with file, line and column")
    func malformedTable() {
        let text = "kind\tenglish\tfrench\tgender\telides\tkhmer\tkhmer-source\tzone\nhead\tEmbassy\tAmbassade\tx\tyes\tស្ថានទូត\t\t\n"
        #expect(throws: DraftError.malformedMemory("t.tsv", "t.tsv:2:4: gender must be m, f or pl, not \"x\"")) { try NameTable.parse(text, file: "t.tsv") }
        #expect(throws: DraftError.self) { try NameTable.parse("head\tEmbassy\n", file: "t.tsv") }
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
        // With the glossary, a formal name outside it is attested by its parts and says so.
        let namer = InstitutionNamer(glossary: glossary)
        #expect(namer.stateFormKhmer["Kingdom of"]?.source.contains("iso-codes") == true)
    }

    @Test("Khmer city names come from CLDR's exemplar cities; Geneva and The Hague stay unreviewed")
    func places() {
        let paris = PlaceNames.name("Paris", in: .khmer)
        #expect(paris.text == ICU.exemplarCity(zone: "Europe/Paris", locale: "km"))
        #expect(paris.text == "ប៉ារីស")
        #expect(!paris.isUnreviewed)
        #expect(paris.attestedBy?.contains("CLDR") == true)
        #expect(PlaceNames.name("Phnom Penh", in: .khmer).text == "ភ្នំពេញ")
        #expect(PlaceNames.name("Geneva", in: .khmer).isUnreviewed)
        #expect(PlaceNames.name("The Hague", in: .khmer).isUnreviewed)
        #expect(PlaceNames.name("Geneva", in: .french).text == "Genève")
        #expect(PlaceNames.name("Ulaanbaatar", in: .khmer).isUnreviewed)
    }
}
