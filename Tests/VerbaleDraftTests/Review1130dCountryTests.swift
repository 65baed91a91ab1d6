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
}
