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
