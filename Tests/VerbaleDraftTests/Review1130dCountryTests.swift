import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Review 1130d M5, M6 and m6: country names in drafts (`draft translate`, `draft new`).
@Suite("Review 1130d: country names in drafts")
struct Review1130dCountryTests {
    static let glossary: DraftGlossary? = try? DraftGlossary.shipped()

    static func translator(from language: Language = .english) throws -> Pretranslator {
        try Pretranslator(book: Fixtures.book, sourceLanguage: language, glossary: glossary)
    }

    @Test("M5: draft translate gives the Grand Duchy of Luxembourg and the Principality of Monaco their short Khmer names, unreviewed, never “Kingdom of …”")
    func formalNameStandIn() throws {
        try #require(Self.glossary != nil, "the shipped glossaries load")
        let result = try Self.translator().pretranslate("Grand Duchy of Luxembourg\n\nPrincipality of Monaco\n\nKingdom of Thailand\n", to: [.khmer, .french])
        let khmer = result.segments.compactMap { $0.targets["km"] }
        try #require(khmer.count == 3)
        #expect(khmer[0].text == "លុចហ្សំបួរ" && khmer[0].flags.contains("unreviewed"), "\(khmer[0].text) \(khmer[0].flags)")
        #expect(khmer[1].text == "ម៉ូណាកូ" && khmer[1].flags.contains("unreviewed"), "\(khmer[1].text) \(khmer[1].flags)")
        #expect(!result.document(.khmer).contains("ព្រះរាជាណាចក្រ\u{200B}លុចហ្សំបួរ") && !result.document(.khmer).contains("ព្រះរាជាណាចក្រ\u{200B}\u{200B}ម៉ូណាកូ"))
        // An attested formal name stays attested.
        #expect(khmer[2].text == "ព្រះរាជាណាចក្រ\u{200B}ថៃ" && !khmer[2].flags.contains("unreviewed"), "\(khmer[2].text) \(khmer[2].flags)")
        #expect(result.segments.compactMap { $0.targets["fr"]?.text } == ["Grand-duché du Luxembourg", "Principauté de Monaco", "Royaume de Thaïlande"])
    }

    @Test("M5: draft new names the Embassy of the Grand Duchy of Luxembourg in Khmer by its short name, unreviewed, with why")
    func draftNewStandIn() throws {
        let namer = InstitutionNamer(glossary: try #require(Self.glossary))
        let name = namer.name("Embassy of the Grand Duchy of Luxembourg", in: .khmer)
        #expect(name.text.hasSuffix("លុចហ្សំបួរ") && !name.text.contains("ព្រះរាជាណាចក្រ"), "\(name.text)")
        #expect(name.isUnreviewed)
        #expect(name.sources.contains { $0.contains("short name stands in") })
    }

    // MARK: M6 — French country names without article

    /// The reviewer's 15 countries, the French of "Embassy of X" after "de" (the opening's
    /// « compliments à l'Ambassade … »), and whether no source attests the reading. Haïti
    /// follows iso-codes' « République de Haïti » (no elision).
    static let bare: [(english: String, genitive: String, unreviewed: Bool)] = [
        ("Singapore", "de Singapour", false), ("Malta", "de Malte", false), ("Monaco", "de Monaco", false),
        ("Israel", "d'Israël", false), ("Cyprus", "de Chypre", false), ("Cuba", "de Cuba", false),
        ("Madagascar", "de Madagascar", false), ("Haiti", "de Haïti", false), ("Mauritius", "de Maurice", true),
        ("Oman", "d'Oman", true), ("Djibouti", "de Djibouti", false), ("Andorra", "d'Andorre", true),
        ("Saint Lucia", "de Sainte-Lucie", true), ("San Marino", "de Saint-Marin", true),
        ("Trinidad and Tobago", "de Trinité-et-Tobago", false),
    ]

    @Test("M6: l'Ambassade de Singapour, de Malte, d'Israël … (15 countries), no article; a reading no source attests is unreviewed; du Japon, des Pays-Bas, du Royaume-Uni keep theirs; « Ambassade » drops a feminine one's (d'Argentine, de Jamaïque)")
    func frenchCountriesWithoutArticle() throws {
        let namer = InstitutionNamer(glossary: try #require(Self.glossary))
        for country in Self.bare {
            let name = namer.name("Embassy of \(country.english)", in: .french)
            #expect(name.withArticle() == "l'Ambassade \(country.genitive)", "\(country.english): \(name.withArticle())")
            #expect(name.isUnreviewed == country.unreviewed, "\(country.english)")
            #expect(name.marked(name.dative).hasSuffix("[unreviewed]") == country.unreviewed)
        }
        for (english, french) in [("Japan", "l'Ambassade du Japon"), ("the Netherlands", "l'Ambassade des Pays-Bas"), ("Argentina", "l'Ambassade d'Argentine"),
                                  ("Jamaica", "l'Ambassade de Jamaïque"), ("the United Kingdom", "l'Ambassade du Royaume-Uni"), ("Luxembourg", "l'Ambassade du Luxembourg"),
                                  ("Sri Lanka", "l'Ambassade du Sri Lanka")] {
            let name = namer.name("Embassy of \(english)", in: .french)
            #expect(name.withArticle() == french && !name.isUnreviewed, "\(english): \(name.withArticle())")
        }
        // The formal name keeps its own article, and the country inside it none.
        #expect(namer.name("Embassy of the Republic of Singapore", in: .french).withArticle() == "l'Ambassade de la République de Singapour")
    }

    @Test("M6: draft new's opening, closing and recipient line name the Embassy of Singapore without article")
    func draftNewSingapore() throws {
        let composer = NoteComposer(book: Fixtures.book, namer: InstitutionNamer(glossary: try #require(Self.glossary)))
        let note = try composer.compose(NoteRequest(sender: "Ministry of Foreign Affairs and International Cooperation of the Kingdom of Cambodia",
                                                    recipient: "Embassy of Singapore", purpose: "inform"), in: .french)
        let opening = try #require(note.lines.first { $0.kind == "opening" })
        #expect(opening.text.contains("compliments à l'Ambassade de Singapour et a l'honneur"), "\(opening.text)")
        let recipient = try #require(note.lines.first { $0.kind == "recipient" })
        #expect(recipient.text.contains("Ambassade de Singapour") && !recipient.unreviewed, "\(recipient.text)")
        #expect(note.lines.allSatisfy { !$0.text.contains("du Singapour") })
    }

    @Test("M6: a French name without article reads back to English (de Malte, d'Israël)")
    func readBack() throws {
        let namer = InstitutionNamer(glossary: try #require(Self.glossary))
        #expect(namer.englishName(fromFrench: "l'Ambassade de Malte")?.english == "Embassy of Malta")
        #expect(namer.englishName(fromFrench: "l'Ambassade d'Israël")?.english == "Embassy of Israel")
    }

    /// Europarl FR counts of `name`: after an article (le, la, les, l', du, au, aux, des) and
    /// after another lowercase word (not de, d', en, et, ou, which a name with an article also
    /// follows: "en France", "de France"). Europarl is tokenised: "l' Europe" is "l ' Europe".
    static func europarlCounts(_ name: String, in lines: [[Substring]]) -> (article: Int, bare: Int) {
        let articles: Set<String> = ["le", "la", "les", "l'", "du", "au", "aux", "des"]
        let neutral: Set<String> = ["de", "d'", "en", "et", "ou"]
        let tokens = name.replacingOccurrences(of: "'", with: " ' ").split(separator: " ")
        var article = 0, bare = 0
        for line in lines where line.count >= tokens.count {
            for start in 0...(line.count - tokens.count) where Array(line[start..<start + tokens.count]) == tokens && start > 0 {
                var previous = line[start - 1].lowercased()
                if previous == "'", start > 1 { previous = line[start - 2].lowercased() + "'" }
                if articles.contains(previous) { article += 1 }
                else if !neutral.contains(previous), previous.first?.isLowercase == true { bare += 1 }
            }
        }
        return (article, bare)
    }

    /// Europarl's French side, each line as its tokens.
    static func europarlFrench() throws -> [[Substring]] {
        try String(contentsOf: try #require(SharedData.file("parallel/europarl-20k.fr")), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: " ") }
    }

    @Test("M6: every `none` row's source holds: its iso-codes formal name is in countries.tbx, its Europarl counts are what it says (corpus evidence), its notes count too",
          .enabled(if: SharedData.isAvailable))
    func noneRowsAreAttested() throws {
        let glossary = try #require(Self.glossary)
        let europarl = try Self.europarlFrench()
        let frenchTerms = Set(glossary.termbase.concepts.flatMap { $0.terms(in: LanguageTag(.french)).map(\.text) })
        let rows = NameTable.shipped.rows("country").filter { !$0.takesArticle }
        #expect(rows.count == 27)
        for row in rows {
            let known = frenchTerms.contains(row.french)
            #expect(known, "\(row.french) is a name of the glossary")
            guard let source = row.khmerSource else { continue }
            if let open = source.range(of: "formal name « "), let close = source.range(of: " »", range: open.upperBound..<source.endIndex) {
                let formal = String(source[open.upperBound..<close.lowerBound])
                let formalKnown = frenchTerms.contains(formal)
                #expect(formalKnown, "\(row.french): \(formal)")
                let ofName = { (text: String) in text.replacingOccurrences(of: "-", with: " ") }
                #expect(ofName(formal).hasSuffix(" de " + ofName(row.french)), "\(formal) has « de », not « du »")
            }
            if source.contains("Europarl FR") {
                let counts = Self.europarlCounts(row.french, in: europarl)
                #expect(counts.article == 0 && source.contains("\(counts.bare) without article"), "\(row.french): \(counts)")
            }
            if source.contains("French notes") {
                let folder = try #require(SharedData.file("notes"))
                let notes = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                    .filter { $0.lastPathComponent.hasPrefix("fr-") }.map { try String(contentsOf: $0, encoding: .utf8) }
                let count = notes.map { $0.components(separatedBy: "à \(row.french)").count - 1 }.reduce(0, +)
                #expect(source.contains("« à \(row.french) » \(count) times"), "\(row.french): \(count)")
            }
        }
    }

    @Test("M6: corpus guard — no name Europarl shows with an article (≥ 3 times, never without) is read as taking none",
          .enabled(if: SharedData.isAvailable))
    func europarlArticleNamesKeepIt() throws {
        let glossary = try #require(Self.glossary)
        let europarl = try Self.europarlFrench()
        var checked = 0
        for concept in glossary.termbase.concepts where concept.id.hasPrefix("iso3166") {
            for term in concept.terms(in: LanguageTag(.french)) where term.termType == "shortForm" && !term.text.contains(", ") {
                let counts = Self.europarlCounts(term.text, in: europarl)
                guard counts.article >= 3, counts.bare == 0 else { continue }
                checked += 1
                #expect(InstitutionNamer.frenchCountry(term.text).takesArticle, "\(term.text): \(counts)")
            }
        }
        #expect(checked >= 20)
    }

    @Test("M6: a country row may say none (no article); a head may not")
    func noneInTable() throws {
        let header = "kind\tenglish\tfrench\tgender\telides\tkhmer\tkhmer-source\tzone\n"
        let table = try NameTable.parse(header + "country\tMalta\tMalte\tnone\tno\t\tEuroparl FR\t\n", file: "t.tsv")
        #expect(table.rows("country").first?.takesArticle == false)
        #expect(throws: DraftError.malformedMemory("t.tsv", "t.tsv:2:4: gender must be m, f or pl, not \"none\"")) {
            try NameTable.parse(header + "head\tEmbassy\tAmbassade\tnone\tyes\tស្ថានទូត\t\t\n", file: "t.tsv")
        }
    }

    // MARK: m6 — first names are not countries

    @Test("m6: draft translate leaves Chad Smith and Jordan Lee to the marks, never « Tchad » or « Jordanie »; the Embassy of Chad is still « Tchad »")
    func firstNames() throws {
        let result = try Self.translator().pretranslate("Please contact Chad Smith or Jordan Lee at the Embassy.\n\nThe Embassy of Chad.\n", to: [.french])
        let french = result.segments.compactMap { $0.targets["fr"]?.text }
        try #require(french.count == 2)
        #expect(!french[0].contains("Tchad") && !french[0].contains("Jordanie"), "\(french[0])")
        #expect(french[0].contains("Chad Smith") && french[0].contains("Jordan Lee"), "\(french[0])")
        #expect(french[1].contains("Tchad"), "\(french[1])")
    }
}
