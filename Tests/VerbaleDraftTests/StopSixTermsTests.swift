import Testing
import VerbaleCore
import VerbaleGlossary
@testable import VerbaleDraft

/// The names and titles added this stop, in drafts: the Republic of Korea (formal name in
/// running order, its composed Khmer unreviewed), « Délégation permanente » (a head, with the
/// article rule of « Mission permanente ») and "Deputy Prime Minister" / « vice-Premier
/// ministre » / ឧបនាយករដ្ឋមន្ត្រី (Khmer unreviewed).
@Suite("Drafting: Republic of Korea, Permanent Delegation, Deputy Prime Minister")
struct StopSixTermsTests {
    static let glossary: DraftGlossary? = try? DraftGlossary.shipped()

    static func namer() throws -> InstitutionNamer {
        InstitutionNamer(glossary: try #require(Self.glossary, "the shipped glossaries load"))
    }

    static func translator(from language: Language) throws -> Pretranslator {
        try Pretranslator(book: Fixtures.book, sourceLanguage: language, glossary: try #require(Self.glossary, "the shipped glossaries load"))
    }

    // MARK: Republic of Korea

    @Test("\"Ministry of Foreign Affairs of the Republic of Korea\" (the real notes' wording): « de la République de Corée », Khmer សាធារណរដ្ឋកូរ៉េ marked unreviewed, not \"Republic of South Korea\"")
    func koreaInNames() throws {
        let namer = try Self.namer()
        let french = namer.name("Ministry of Foreign Affairs of the Republic of Korea", in: .french)
        #expect(french.text == "Ministère des Affaires étrangères de la République de Corée", "\(french.text)")
        #expect(french.untranslated.isEmpty)
        let khmer = namer.name("Ministry of Foreign Affairs of the Republic of Korea", in: .khmer)
        #expect(khmer.text.replacingOccurrences(of: "\u{200B}", with: "") == "ក្រសួងការបរទេសនៃសាធារណរដ្ឋកូរ៉េ", "\(khmer.text)")
        #expect(!khmer.text.contains("ខាងត្បូង"), "\(khmer.text)")
        #expect(khmer.isUnreviewed)
    }

    @Test("« République de Corée » and សាធារណរដ្ឋកូរ៉េ are read as the Republic of Korea in a sender's or recipient's name")
    func koreaRead() throws {
        let namer = try Self.namer()
        #expect(namer.englishName(fromFrench: "l'Ambassade de la République de Corée")?.english == "Embassy of the Republic of Korea")
        #expect(namer.englishName(fromKhmer: "ស្ថានទូតនៃសាធារណរដ្ឋ​កូរ៉េ") == "Embassy of the Republic of Korea")
        let opening = "L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère des Affaires étrangères de la République de Corée et a l'honneur de l'informer que la réunion aura lieu."
        let english = try Self.translator(from: .french).translate(opening, to: .english).text
        #expect(english.hasPrefix("The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs of the Republic of Korea and has the honour"), "\(english)")
    }

    // MARK: Délégation permanente

    @Test("\"Permanent Delegation of France to UNESCO\" → « Délégation permanente de la France auprès de l'UNESCO » (the article kept, as after « Mission permanente »), Khmer unreviewed")
    func permanentDelegation() throws {
        let namer = try Self.namer()
        let french = namer.name("Permanent Delegation of France to UNESCO", in: .french)
        #expect(french.text == "Délégation permanente de la France auprès de l'UNESCO", "\(french.text)")
        #expect(french.withArticle(capitalized: true) == "La Délégation permanente de la France auprès de l'UNESCO")
        #expect(french.dative == "à la Délégation permanente de la France auprès de l'UNESCO")
        for (english, expected) in [("Permanent Delegation of Italy", "Délégation permanente de l'Italie"),
                                    ("Permanent Delegation of Japan", "Délégation permanente du Japon"),
                                    ("Permanent Delegation of the Kingdom of Cambodia", "Délégation permanente du Royaume du Cambodge")] {
            #expect(namer.name(english, in: .french).text == expected, "\(english)")
        }
        let khmer = namer.name("Permanent Delegation of the Kingdom of Cambodia to UNESCO", in: .khmer)
        #expect(khmer.text.hasPrefix("គណៈប្រតិភូអចិន្ត្រៃយ៍នៃព្រះរាជាណាចក្រ"), "\(khmer.text)")
        #expect(khmer.untranslated.isEmpty && khmer.isUnreviewed, "\(khmer.text)")
        // Read back from French, as the brief's example is written.
        #expect(namer.englishName(fromFrench: "La Délégation permanente de la France auprès de l'UNESCO")?.english == "Permanent Delegation of France to UNESCO")
    }

    // MARK: Deputy Prime Minister

    @Test("\"Deputy Prime Minister\" ↔ « vice-Premier ministre » ↔ ឧបនាយករដ្ឋមន្ត្រី (unreviewed), not halved into « ⟦Deputy⟧ Premier ministre »")
    func deputyPrimeMinister() throws {
        let english = try Self.translator(from: .english)
        let segment = "The Deputy Prime Minister will visit Paris from 3 to 5 March 2021."
        let french = english.translate(segment, to: .french)
        #expect(french.text.contains("vice-Premier ministre") && !french.text.contains("⟦Deputy"), "\(french.text)")
        let khmer = english.translate(segment, to: .khmer)
        #expect(khmer.text.contains("ឧបនាយករដ្ឋមន្ត្រី"), "\(khmer.text)")
        #expect(khmer.flags.contains("unreviewed"), "\(khmer.flags)")
        let fromFrench = try Self.translator(from: .french).translate("Le Vice-Premier ministre se rendra à Paris.", to: .english).text
        #expect(fromFrench.contains("Deputy Prime Minister"), "\(fromFrench)")
        let fromKhmer = try Self.translator(from: .khmer).translate("ឧបនាយករដ្ឋមន្ត្រី​នឹង​មក​ដល់។", to: .english).text
        #expect(fromKhmer.contains("Deputy Prime Minister") && !fromKhmer.contains("⟦ឧប"), "\(fromKhmer)")
    }
}
