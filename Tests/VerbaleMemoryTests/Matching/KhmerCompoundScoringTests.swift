import Testing
import VerbaleCore
@testable import VerbaleMemory

@Suite("Khmer fuzzy scores: one changed word costs one edit (audit F13)")
struct KhmerCompoundScoringTests {
    /// The audit's unit (a Trados TMX): the translator wrote U+200B between the Khmer words.
    static func matcher() throws -> FuzzyMatcher {
        let unit = TranslationUnit(variants: [
            Variant(language: try LanguageTag("en"), text: "The Ministry has the honour to inform the Embassy."),
            Variant(language: try LanguageTag("km"), text: "ក្រសួង\u{200B}មាន\u{200B}កិត្តិយស\u{200B}ជម្រាប\u{200B}ស្ថានទូត\u{200B}។"),
        ])
        return try Matching.matcher([unit])
    }

    @Test("ស្ថានទូត → ក្រសួង in a six-word sentence scores above the default threshold of 70, with and without U+200B")
    func oneSubstitutedWord() throws {
        let matcher = try Self.matcher()
        for query in ["ក្រសួង\u{200B}មាន\u{200B}កិត្តិយស\u{200B}ជម្រាប\u{200B}ក្រសួង\u{200B}។", "ក្រសួងមានកិត្តិយសជម្រាបក្រសួង។"] {
            let match = try #require(try matcher.search(query, language: .khmer, threshold: 70, limit: 1).first, "no match for \(query)")
            #expect(match.score >= 70)
            // One word substituted, not a deletion plus a substitution.
            let edits = match.diff.filter { $0.reason == "word" }
            #expect(edits.count == 1)
            #expect(edits.first?.op == "substituted")
            #expect(edits.first?.source?.text == "ស្ថានទូត")
            #expect(edits.first?.query?.text == "ក្រសួង")
        }
    }

    @Test("The same edit in English and in Khmer scores within the sentences' length difference")
    func comparableToEnglish() throws {
        let matcher = try Self.matcher()
        let english = try #require(try matcher.search("The Ministry has the honour to inform the Ministry.", language: .english, threshold: 50, limit: 1).first)
        let khmer = try #require(try matcher.search("ក្រសួងមានកិត្តិយសជម្រាបក្រសួង។", language: .khmer, threshold: 50, limit: 1).first)
        // English has 8 words, Khmer 5: one word in five costs more than one in eight, no more.
        #expect(khmer.score >= 75)
        #expect(english.score - khmer.score <= 10)
    }
}
