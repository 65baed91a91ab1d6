import Testing
import VerbaleCore
import VerbaleGlossary
@testable import VerbaleDraft

/// Review 1130h M4: a ministry's own termbase, imported into its memory, reaches the draft —
/// its rendering and review status where it has the term, the shipped entry only where it has
/// none, and drafting exactly as before when the user imported nothing.
@Suite("Drafting with the user's termbase before the shipped one (review 1130h M4)")
struct DraftUserTermbaseTests {
    static let shippedKhmer = "បេសកកម្មអចិន្ត្រៃយ៍"
    static let ministryKhmer = "បេសកកម្មប្រចាំការ"

    /// A concept as `TermbaseStore` returns it from a CSV the ministry imported: reviewed
    /// (`translated`), no subject field, its termbase named after the file.
    static func ministry(_ row: Int, _ english: String, _ french: String, _ khmer: String) -> Concept {
        var concept = Concept(id: "ministry.csv#\(row)", terms: [
            Term(language: LanguageTag(.english), text: english),
            Term(language: LanguageTag(.french), text: french),
            Term(language: LanguageTag(.khmer), text: khmer),
        ])
        concept.origin = ConceptOrigin(termbase: "ministry", file: "ministry.csv", entry: concept.id)
        return concept
    }

    static let ministryTerms = [
        ministry(2, "Permanent Mission", "Mission permanente", ministryKhmer),
        ministry(3, "diplomatic bag", "sac diplomatique", "ថង់ការទូត"),
    ]

    static func translator(_ user: [Concept]) throws -> Pretranslator {
        try Pretranslator(book: Fixtures.book, sourceLanguage: .english, glossary: try DraftGlossary.shipped(adding: user))
    }

    @Test("The ministry's Khmer and French are drafted, not marked unreviewed; the shipped entry serves where it has none")
    func userRenderingDrafted() throws {
        guard ShippedData.glossaries != nil else {
            Issue.record("the shipped Glossaries/ folder is missing: nothing to compete with")
            return
        }
        let text = "The Permanent Mission will reply. The documents were sent by diplomatic bag to the Kingdom of Thailand."
        let result = try Self.translator(Self.ministryTerms).pretranslate(text, to: [.french, .khmer])
        let khmer = result.document(.khmer)
        #expect(khmer.contains(Self.ministryKhmer), "\(khmer)")
        #expect(!khmer.contains(Self.shippedKhmer), "\(khmer)")
        #expect(khmer.contains("ថង់ការទូត"), "\(khmer)")
        let french = result.document(.french)
        #expect(french.contains("La Mission permanente"), "\(french)")
        #expect(french.contains("sac diplomatique"), "\(french)")
        #expect(!french.contains("valise diplomatique"), "\(french)")
        // The first segment holds only the ministry's reviewed term: not marked unreviewed.
        let first = try #require(result.segments.first { $0.source.hasPrefix("The Permanent Mission") })
        #expect(first.targets["km"]?.flags.contains("unreviewed") == false, "\(first.targets["km"]?.flags ?? [])")
        #expect(first.targets["fr"]?.flags.contains("unreviewed") == false, "\(first.targets["fr"]?.flags ?? [])")
        // A country the ministry's termbase lacks still comes from the shipped one.
        #expect(khmer.contains("ថៃ"), "\(khmer)")
    }

    @Test("With no termbase of the user's, the glossary and the draft are the shipped ones exactly")
    func shippedUnchanged() throws {
        let shipped = try #require(try DraftGlossary.shipped())
        let added = try #require(try DraftGlossary.shipped(adding: []))
        #expect(shipped.termbase.concepts == added.termbase.concepts)
        #expect(GlossaryEntities(glossary: shipped).fingerprint == GlossaryEntities(glossary: added).fingerprint)
        let text = "The Permanent Mission will reply."
        let draft = try Self.translator([]).pretranslate(text, to: [.khmer])
        #expect(draft.document(.khmer).contains(Self.shippedKhmer), "\(draft.document(.khmer))")
        #expect(draft.segments.first?.targets["km"]?.flags.contains("unreviewed") == true)
    }

    @Test("A doubted (unreviewed, not preferred) term of the user's does not displace a sound shipped one")
    func doubtedUserTermYields() throws {
        var doubted = Self.ministry(4, "Kingdom of Thailand", "Royaume de Thaïlande", "ព្រះរាជាណាចក្រថៃឡង់")
        doubted.terms = doubted.terms.map { var term = $0; term.review = .unreviewed; return term }
        let glossary = try #require(try DraftGlossary.shipped(adding: [doubted]))
        let found = try #require(glossary.recognize("the Kingdom of Thailand", language: .english).first)
        #expect(found.concept.id.hasPrefix("iso3166"), "\(found.concept.id)")
    }
}
