import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

/// Review 1201b M2: Khmer completions were ranked by the number of units carrying them alone —
/// the shipped formulas' attestation counts are on their English (and French) wording, and no
/// public Khmer note attests them — so after "ស្ថានទូតមានកិត្តិយស" a Khmer drafter was offered
/// acknowledge-receipt, condolences and inform, and never "propose", the commonest formula.
@Suite("Review 1201b: Khmer completions rank by how common their formula is")
struct Review1201bCompletionTests {
    let finder: PhraseFinder

    init() throws {
        finder = try PhraseFinder.shippedFormulas()
    }

    func completions(_ text: String, _ language: Language, limit: Int = 3) throws -> [PhraseCompletion] {
        finder.completions(of: try finder.matcher.analyse(text, language: language), limit: limit)
    }

    @Test("After មានកិត្តិយស the Khmer drafter gets propose and inform first, as the English one does",
          arguments: ["ស្ថានទូតមានកិត្តិយស", "ស្ថានទូត\u{200B}មានកិត្តិយស"])
    func honourPurposes(text: String) throws {
        let english = try completions("The Embassy has the honour to", .english).map(\.translations)
        let khmer = try completions(text, .khmer)
        let englishOfKhmer = khmer.compactMap { $0.translations["en"] }
        #expect(Array(englishOfKhmer.prefix(2)) == ["has the honour to propose", "has the honour to inform"], "\(englishOfKhmer)")
        #expect(Array(english.prefix(2).compactMap { $0["km"] }) == Array(khmer.prefix(2).map(\.phrase)))
        let first = try #require(khmer.first)
        // The Khmer wording itself stays unattested; the count is its English formula's, named so.
        #expect(first.attested == 0 && first.attestedOutOf == nil)
        #expect(first.formulaAttested == 69 && first.formulaAttestedOutOf == 184 && first.formulaAttestedLanguage == "en")
        #expect(first.formulaPhrase == "has the honour to propose")
    }

    @Test("After សូមឆ្លៀតឱកាសនេះ the standard closing (144/184 in English) comes first")
    func closing() throws {
        let khmer = try completions("ស្ថានទូត\u{200B}សូម\u{200B}ឆ្លៀត\u{200B}ឱកាស\u{200B}នេះ", .khmer)
        let first = try #require(khmer.first)
        #expect(first.phrase == "សូមឆ្លៀតឱកាសនេះ សម្តែងជាថ្មីជូនចំពោះ")
        #expect(first.formulaAttested == 144 && first.formulaAttestedLanguage == "en")
        let usages = khmer.map(\.usage)
        #expect(usages == usages.sorted(by: >))
    }

    @Test("A phrase with its own count keeps it and gets no formula count; merged lists keep the larger formula count")
    func ownCountAndMerge() throws {
        let english = try completions("The Embassy avails itself of this", .english)
        // English has counts of its own: an English wording without one ("…of renewing to", whose
        // French is attested 2/22) is not ranked by the French count.
        #expect(english.map(\.phrase) == ["avails itself of this opportunity to renew to", "avails itself of this opportunity to reiterate to",
                                          "avails itself of this opportunity to renew"], "\(english.map(\.phrase))")
        #expect(english.allSatisfy { $0.attestedOutOf == 184 && $0.formulaAttested == nil && $0.formulaPhrase == nil })
        let khmer = try completions("ស្ថានទូតមានកិត្តិយស", .khmer)
        let merged = PhraseFinder.merged([khmer, khmer], limit: 3)
        #expect(merged.map(\.phrase) == khmer.map(\.phrase))
        #expect(merged.first?.formulaAttested == 69)
    }
}
