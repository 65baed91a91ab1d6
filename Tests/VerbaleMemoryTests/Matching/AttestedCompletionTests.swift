import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

/// Audit finding F7: completions were ranked by the number of units carrying a phrase (all
/// equal), then alphabetically, so the closing attested in 144 of 184 notes was not offered
/// after "avails itself of this". They now rank by the shipped memory's attestation counts.
@Suite("Completions rank by how common the formula is (the shipped memory's attestation counts)")
struct AttestedCompletionTests {
    let finder: PhraseFinder

    init() throws {
        finder = try PhraseFinder.shippedFormulas()
    }

    func completions(_ text: String, _ language: Language = .english, limit: Int = 3) throws -> [PhraseCompletion] {
        finder.completions(of: try finder.matcher.analyse(text, language: language), limit: limit)
    }

    @Test("After \"avails itself of this\" the standard closing (144/184 notes) comes first, the 1/184 variants after it")
    func closing() throws {
        let offered = try completions("The Embassy avails itself of this")
        let first = try #require(offered.first)
        #expect(first.phrase == "avails itself of this opportunity to renew to", "\(offered.map(\.phrase))")
        #expect(first.completion == "opportunity to renew to")
        #expect(first.attested == 144 && first.attestedOutOf == 184)
        #expect(first.frequency == 1, "the contract field keeps its meaning: units carrying the phrase")
        // "… to renew" (145 notes) is mostly the same notes: it is not put before the whole formula.
        let all = try completions("The Embassy avails itself of this", limit: 10)
        let renew = try #require(all.first { $0.phrase == "avails itself of this opportunity to renew" })
        #expect(renew.attested == 145 && renew.usage < first.usage)
        let rare = try #require(all.first { $0.phrase == "avails itself of this opportunity to reiterate to" })
        #expect(rare.attested == 1 && rare.usage < first.usage)
    }

    @Test("After \"has the honour to\" the common purposes come before the rare ones, not in alphabetical order")
    func purposes() throws {
        let offered = try completions("The Embassy presents its compliments to the Ministry and has the honour to", limit: 10)
        let phrases = offered.map(\.phrase)
        #expect(Array(phrases.prefix(2)) == ["has the honour to propose", "has the honour to inform"], "\(phrases)")
        let order = offered.map(\.usage)
        #expect(order == order.sorted(by: >), "ranked by usage at equal score: \(zip(phrases, order).map { "\($0) \($1)" })")
        // Phrases no source counts (the visa request) still come, after the attested ones.
        #expect(offered.allSatisfy { $0.score == 100 })
    }

    @Test("Frequencies add up across phrase sources and the attestation count is not counted twice")
    func merged() throws {
        let one = try completions("The Embassy avails itself of this")
        // Another source's unit with the same phrase and another translation: two units.
        let other = one.map { var copy = $0; copy.translations["fr"] = "autre traduction"; return copy }
        let both = PhraseFinder.merged([one, other], limit: 3)
        let first = try #require(both.first)
        #expect(first.phrase == "avails itself of this opportunity to renew to")
        #expect(first.frequency == 2 && first.attested == 144)
        // The same formula in both sources (the default memory seeded with the shipped phrases):
        // one unit, not two (review 1201b m1).
        let same = try #require(PhraseFinder.merged([one, one], limit: 3).first)
        #expect(same.frequency == 1 && same.attested == 144 && same.usage == first.usage - 1)
    }

    @Test("Khmer completions rank too (by their English formula's count) and malformed counts are ignored")
    func khmerAndMalformed() throws {
        let khmer = try completions("ស្ថានទូតសូមឆ្លៀតឱកាសនេះ", .khmer)
        #expect(!khmer.isEmpty)
        // No Khmer note attests them; since review 1201b M2 they rank by their English formula's count.
        #expect(khmer.allSatisfy { $0.attested == 0 && $0.attestedOutOf == nil && $0.formulaAttestedLanguage == "en" && $0.usage > $0.frequency })
        func variant(_ count: String) -> Variant {
            Variant(language: LanguageTag(.english), text: "x", properties: [Property(type: "x-attested-count", value: count)])
        }
        let count = try #require(PhraseFinder.attestedCount(of: variant("144/184")))
        #expect(count.notes == 144 && count.outOf == 184)
        #expect(PhraseFinder.attestedCount(of: variant("185/184")) == nil)
        #expect(PhraseFinder.attestedCount(of: variant("many")) == nil)
    }
}
