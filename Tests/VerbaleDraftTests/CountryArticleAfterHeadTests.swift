import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// The head decides whether a feminine or vowel-initial country keeps its French article:
/// « l'Ambassade de France », « le Consulat général d'Italie », but « la Mission permanente de
/// la France » (`draft new` wrote « l'Ambassade de la France », « de la Thaïlande », « de
/// l'Italie »). The sources are in the name table's `country-article` cells and comments.
@Suite("French country article after the head: Ambassade de France, Mission permanente de la France")
struct CountryArticleAfterHeadTests {
    static let glossary: DraftGlossary? = try? DraftGlossary.shipped()

    static func namer() throws -> InstitutionNamer {
        let glossary: DraftGlossary = try #require(Self.glossary, "the shipped glossaries load")
        return InstitutionNamer(glossary: glossary)
    }

    /// One country of each kind and the French of "of <country>" after a head that drops the
    /// article (Ambassade, Consulat général, Consulat, Ambassade royale, Légation) and after one
    /// that keeps it (Mission permanente).
    static let countries: [(english: String, dropped: String, kept: String)] = [
        ("France", "de France", "de la France"),                       // feminine
        ("Thailand", "de Thaïlande", "de la Thaïlande"),               // feminine
        ("Belgium", "de Belgique", "de la Belgique"),                  // feminine (the French notes)
        ("Italy", "d'Italie", "de l'Italie"),                          // feminine, vowel-initial
        ("Iran", "d'Iran", "de l'Iran"),                               // masculine, vowel-initial
        ("Japan", "du Japon", "du Japon"),                             // masculine: kept everywhere
        ("Guyana", "du Guyana", "du Guyana"),                          // masculine (a row, sourced)
        ("the United States of America", "des États-Unis d'Amérique", "des États-Unis d'Amérique"), // plural
        ("the Philippines", "des Philippines", "des Philippines"),     // plural island state
        ("Singapore", "de Singapour", "de Singapour"),                 // no article anywhere
        ("Malta", "de Malte", "de Malte"),
        ("Israel", "d'Israël", "d'Israël"),
        ("Cuba", "de Cuba", "de Cuba"),
        ("Jamaica", "de Jamaïque", "de la Jamaïque"),                  // island: drops (sourced)
        ("Barbados", "de la Barbade", "de la Barbade"),                // island: kept, unattested
        ("the Czech Republic", "de la République tchèque", "de la République tchèque"), // formal name
        ("the Kingdom of Thailand", "du Royaume de Thaïlande", "du Royaume de Thaïlande"),
    ]

    static let heads: [(english: String, french: String, drops: Bool)] = [
        ("Embassy", "Ambassade", true), ("Consulate General", "Consulat général", true), ("Consulate", "Consulat", true),
        ("Royal Embassy", "Ambassade royale", true), ("Legation", "Légation", true),
        ("Permanent Mission", "Mission permanente", false),
        // Not checked against a source: as before.
        ("Delegation", "Délégation", false), ("Ministry of Foreign Affairs", "Ministère des Affaires étrangères", false),
    ]

    @Test("Each head across masculine, feminine, vowel-initial, plural, no-article, island and formal countries", arguments: CountryArticleAfterHeadTests.heads.map(\.english))
    func headsAcrossCountries(head english: String) throws {
        let namer = try Self.namer()
        let head = try #require(Self.heads.first { $0.english == english })
        for country in Self.countries {
            let name = namer.name("\(head.english) of \(country.english)", in: .french)
            let expected = "\(head.french) \(head.drops ? country.dropped : country.kept)"
            #expect(name.text == expected, "\(head.english) of \(country.english)")
            #expect(name.untranslated.isEmpty)
        }
    }

    @Test("The brief's three: draft new's opening, closing and recipient write « l'Ambassade de France », « de Thaïlande », « d'Italie »",
          arguments: [("France", "de France"), ("Thailand", "de Thaïlande"), ("Italy", "d'Italie")])
    func draftNew(country: String, french: String) throws {
        let composer = NoteComposer(book: Fixtures.book, namer: try Self.namer())
        let note = try composer.compose(NoteRequest(sender: "Embassy of the Kingdom of Cambodia", recipient: "Embassy of \(country)", purpose: "request"), in: .french)
        let opening = try #require(note.lines.first { $0.kind == "opening" })
        let closing = try #require(note.lines.first { $0.kind == "closing" })
        let recipient = try #require(note.lines.first { $0.kind == "recipient" })
        #expect(opening.text.contains("présente ses compliments à l'Ambassade \(french) et a l'honneur"), "\(opening.text)")
        #expect(closing.text.contains("renouveler à l'Ambassade \(french) les assurances"), "\(closing.text)")
        #expect(recipient.text == "Ambassade \(french)")
        #expect(!recipient.unreviewed && recipient.sources.isEmpty, "a sourced reading is not marked")
        #expect(!note.text.contains("de la France") && !note.text.contains("de la Thaïlande") && !note.text.contains("de l'Italie"))
        // As the sender too.
        let sent = try composer.compose(NoteRequest(sender: "Embassy of \(country)", recipient: "Ministry of Foreign Affairs", purpose: "inform"), in: .french)
        #expect(try #require(sent.lines.first { $0.kind == "opening" }).text.hasPrefix("L'Ambassade \(french) présente ses compliments au Ministère"))
    }

    @Test("The Permanent Mission keeps the article, as the UN missions' own names do: « Mission permanente de la France auprès de l'Office des Nations Unies à Genève »")
    func permanentMission() throws {
        let name = try Self.namer().name("Permanent Mission of France to the United Nations Office at Geneva", in: .french)
        #expect(name.text == "Mission permanente de la France auprès de l'Office des Nations Unies à Genève", "\(name.text)")
        #expect(try Self.namer().name("Permanent Mission of Switzerland", in: .french).text == "Mission permanente de la Suisse")
        #expect(try Self.namer().name("Permanent Mission of Algeria", in: .french).text == "Mission permanente de l'Algérie")
    }

    @Test("A seat after the country stays; the whole name still takes its own article after à and de")
    func onlyRightAfterTheHead() throws {
        let namer = try Self.namer()
        #expect(namer.name("Consulate General of Italy in Geneva", in: .french).text == "Consulat général d'Italie à Genève")
        #expect(namer.name("Embassy of France", in: .french).dative == "à l'Ambassade de France")
        #expect(namer.name("Embassy of France", in: .french).genitive == "de l'Ambassade de France")
    }

    @Test("Barbade, Dominique, Grenade keep their article after « Ambassade » as before, unreviewed with why; after « Mission permanente » they are not marked")
    func unattestedKeep() throws {
        let namer = try Self.namer()
        for (english, french) in [("Barbados", "Barbade"), ("Dominica", "Dominique"), ("Grenada", "Grenade")] {
            let embassy = namer.name("Embassy of \(english)", in: .french)
            #expect(embassy.text == "Ambassade de la \(french)")
            #expect(embassy.isUnreviewed, "\(english): no source says either form")
            #expect(embassy.sources == ["\(french): keeps its article after « Ambassade » — no source (unreviewed)"], "\(embassy.sources)")
            let mission = namer.name("Permanent Mission of \(english)", in: .french)
            #expect(mission.text == "Mission permanente de la \(french)" && !mission.isUnreviewed && mission.sources.isEmpty)
        }
    }

    @Test("Khmer and English names do not change: no article, no mark, no French source note")
    func khmerAndEnglishUnchanged() throws {
        let namer = try Self.namer()
        // As draft new wrote them before this change (run on main 95f9040).
        let pinned: [(String, String, String)] = [
            ("Embassy of France", "ស្ថានទូតនៃបារាំង", "Embassy of France"),
            ("Consulate General of Italy", "អគ្គស្ថានកុងស៊ុលនៃអ៊ីតាលី", "Consulate General of Italy"),
            ("Permanent Mission of Thailand", "បេសកកម្មអចិន្ត្រៃយ៍នៃថៃ", "Permanent Mission of Thailand"),
            ("Embassy of Barbados", "ស្ថានទូតនៃបារបាដូស", "Embassy of Barbados"),
        ]
        for (english, khmer, backInEnglish) in pinned {
            let km = namer.name(english, in: .khmer)
            #expect(km.text == khmer, "\(english): \(km.text)")
            #expect(!km.sources.contains { $0.contains("article") }, "\(km.sources)")
            #expect(namer.name(english, in: .english).text == backInEnglish)
        }
        for head in Self.heads where head.drops {
            for country in Self.countries {
                let km = namer.name("\(head.english) of \(country.english)", in: .khmer)
                #expect(!km.text.contains(" de ") && !km.sources.contains { $0.contains("article") }, "\(head.english) of \(country.english): \(km.text)")
            }
        }
    }

    @Test("draft translate names them the same way, and reads them back")
    func pretranslateAndReadBack() throws {
        let glossary: DraftGlossary = try #require(Self.glossary, "the shipped glossaries load")
        let translator = try Pretranslator(book: Fixtures.book, sourceLanguage: .english, glossary: glossary)
        let french = translator.pretranslate("Embassy of Italy\n\nConsulate General of France\n", to: [.french]).segments.compactMap { $0.targets["fr"]?.text }
        #expect(french == ["Ambassade d'Italie", "Consulat général de France"], "\(french)")
        let namer = try Self.namer()
        #expect(namer.englishName(fromFrench: "l'Ambassade de France")?.english == "Embassy of France")
        #expect(namer.englishName(fromFrench: "l'Ambassade d'Italie")?.english == "Embassy of Italy")
        #expect(namer.englishName(fromFrench: "le Consulat général de Thaïlande")?.english == "Consulate General of Thailand")
    }

    // MARK: The table

    @Test("A head row may say drop, a country row keep, each with or without a source; anything else is refused with its column")
    func parsing() throws {
        let header = "kind\tenglish\tfrench\tgender\telides\tkhmer\tkhmer-source\tzone\tcountry-article\n"
        let table = try NameTable.parse(header + "head\tEmbassy\tAmbassade\tf\tyes\tស្ថានទូត\t\t\tdrop: a source\n"
                                        + "country\tBarbados\tBarbade\tf\tno\t\t\t\tkeep\n"
                                        + "head\tMinistry\tMinistère\tm\tno\tក្រសួង\t\t\n", file: "t.tsv")
        #expect(table.rows("head").map(\.countryArticle) == [.drop, nil])
        #expect(table.rows("head").first?.countryArticleSource == "a source")
        #expect(table.rows("country").first?.countryArticle == .keep && table.rows("country").first?.countryArticleSource == nil)
        #expect(throws: DraftError.malformedMemory("t.tsv", "t.tsv:2:9: country-article drop is for head rows, not country rows")) {
            try NameTable.parse(header + "country\tFrance\tFrance\tf\tno\t\t\t\tdrop\n", file: "t.tsv")
        }
        #expect(throws: DraftError.malformedMemory("t.tsv", "t.tsv:2:9: country-article keep is for country rows, not head rows")) {
            try NameTable.parse(header + "head\tEmbassy\tAmbassade\tf\tyes\tស្ថានទូត\t\t\tkeep\n", file: "t.tsv")
        }
        #expect(throws: DraftError.malformedMemory("t.tsv", "t.tsv:2:9: country-article must be drop or keep, optionally followed by \": source\", not \"omit\"")) {
            try NameTable.parse(header + "head\tEmbassy\tAmbassade\tf\tyes\tស្ថានទូត\t\t\tomit\n", file: "t.tsv")
        }
        #expect(throws: DraftError.malformedMemory("t.tsv", "t.tsv:2:9: country-article drop is for head rows, not seat rows")) {
            try NameTable.parse(header + "seat\tat Geneva\tà Genève\t\t\tនៅទីក្រុងហ្សឺណែវ\t\t\tdrop\n", file: "t.tsv")
        }
    }

    @Test("The shipped table: five heads drop, each citing its sources; the Permanent Mission does not; three islands keep, unsourced")
    func shippedRows() {
        let drops = NameTable.shipped.rows("head").filter { $0.countryArticle == .drop }
        #expect(Set(drops.map(\.english)) == ["Embassy", "Royal Embassy", "Consulate General", "Consulate", "Legation"])
        #expect(drops.allSatisfy { $0.countryArticleSource != nil })
        #expect(NameTable.shipped.rows("head").first { $0.english == "Permanent Mission" }?.countryArticle == nil)
        let keeps = NameTable.shipped.rows("country").filter { $0.countryArticle == .keep }
        #expect(keeps.map(\.french) == ["Barbade", "Dominique", "Grenade"] && keeps.allSatisfy { $0.countryArticleSource == nil })
    }

    @Test("The Embassy row's corpus citations hold: « l'Ambassade de Belgique » in the French notes, « ambassade de Chine » in Europarl FR",
          .enabled(if: SharedData.isAvailable))
    func embassyCitationsRecount() throws {
        let source = try #require(NameTable.shipped.rows("head").first { $0.english == "Embassy" }?.countryArticleSource)
        // « L'Ambassade de Belgique remettra … » starts a sentence in one of them.
        let notes = Fixtures.notes("fr-").map { $0.text.lowercased() }.filter { $0.contains("l'ambassade de belgique") }
        let count = notes.map { $0.components(separatedBy: "l'ambassade de belgique").count - 1 }.reduce(0, +)
        #expect(source.contains("« l'Ambassade de Belgique » \(count) times in \(notes.count) notes"), "\(count) in \(notes.count)")
        let europarl = try String(contentsOf: try #require(SharedData.file("parallel/europarl-20k.fr")), encoding: .utf8)
        let chine = europarl.components(separatedBy: "ambassade de Chine").count - 1
        #expect(source.contains("« ambassade de Chine » \(chine) time"), "\(chine)")
    }

    @Test("Guyana keeps « du Guyana »: French writes « le Guyana », « la République coopérative du Guyana »; iso-codes' « République de Guyana » is not taken as no-article evidence")
    func guyana() throws {
        let row = try #require(NameTable.shipped.rows("country").first { $0.french == "Guyana" })
        #expect(row.gender == .masculine && row.khmerSource?.contains("République coopérative du Guyana") == true)
        let name = try Self.namer().name("Embassy of Guyana", in: .french)
        #expect(name.text == "Ambassade du Guyana" && !name.isUnreviewed)
        #expect(InstitutionNamer.frenchCountry("Guyana").genitive == "du Guyana")
    }
}
