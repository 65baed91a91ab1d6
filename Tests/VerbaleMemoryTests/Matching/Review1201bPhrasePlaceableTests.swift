import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Review 1201b M1: a stock phrase found inside a draft sentence showed its translations with
/// the memory's numbers and personal-data placeholders — "…in Article 12 of the Agreement"
/// offered « …comme prévu à l'article 27 » and "…មាត្រា ២៧" with no warning, while the
/// whole-segment match beside it said "not carried: ១២"; a draft naming a person got
/// "M. {PERSON}, passeport numéro {PASSPORT}…" at 70 %. Phrases now carry the query's values
/// as `search` does, and name those they cannot carry.
@Suite("Review 1201b: stock phrases carry the draft's numbers, dates and personal data")
struct Review1201bPhrasePlaceableTests {
    static let article = "the Ministry's affirmative reply shall constitute an arrangement as provided for in Article 27"

    @Test("\"…Article 12 of the Agreement\" (English) and \"…មាត្រា ១២ នៃកិច្ចព្រមព្រៀង\" (Khmer): the shipped phrase's translations say 12")
    func articleNumberCarried() throws {
        let finder = try PhraseFinder.shippedFormulas()
        let english = "This Note and the Ministry's affirmative reply shall constitute an arrangement as provided for in Article 12 of the Agreement."
        let found = finder.phrases(in: try finder.matcher.analyse(english, language: .english))
        let phrase = try #require(found.first { $0.phrase == Self.article }, "\(found.map(\.phrase))")
        #expect(phrase.translations["fr"]?.hasSuffix("comme prévu à l'article 12") == true, "\(phrase.translations)")
        #expect(phrase.translations["km"]?.hasSuffix("មាត្រា ១២") == true, "\(phrase.translations)")
        #expect(Set(phrase.transferred.map(\.language)) == ["fr", "km"])
        #expect(phrase.notCarried.isEmpty)

        let khmer = "ការឆ្លើយតបយល់ព្រមរបស់ក្រសួង នឹងបង្កើតជាការរៀបចំមួយ ដូចមានចែងក្នុងមាត្រា ១២ នៃកិច្ចព្រមព្រៀង។"
        let inKhmer = finder.phrases(in: try finder.matcher.analyse(khmer, language: .khmer))
        let khmerPhrase = try #require(inKhmer.first { $0.translations["en"]?.hasPrefix("the Ministry's affirmative reply") == true })
        #expect(khmerPhrase.translations["en"]?.hasSuffix("as provided for in Article 12") == true, "\(khmerPhrase.translations)")
        #expect(khmerPhrase.translations["fr"]?.hasSuffix("l'article 12") == true, "\(khmerPhrase.translations)")
    }

    @Test("A phrase whose words differ too keeps the memory's number and names the draft's under each translation")
    func wordsDifferNamed() throws {
        let finder = try PhraseFinder.shippedFormulas()
        let text = "This Note and the Ministry's positive reply shall constitute an arrangement as provided for in Article 12 of the Agreement."
        let found = finder.phrases(in: try finder.matcher.analyse(text, language: .english))
        let phrase = try #require(found.first { $0.phrase == Self.article }, "\(found.map(\.phrase))")
        #expect(phrase.translations["fr"]?.hasSuffix("l'article 27") == true)
        #expect(Set(phrase.notCarried.map(\.language)) == ["fr", "km"], "\(phrase.notCarried)")
        #expect(phrase.notCarried.allSatisfy { $0.value == "12" && $0.memoryValue == "27" && $0.reason == .wordsDiffer })
        #expect(phrase.notCarried.first { $0.language == "km" }?.suggestion == "១២")
    }

    @Test("A memory unit with {PERSON} and {PASSPORT}: the draft's name and passport are carried into the phrase's French and Khmer")
    func personalDataCarried() throws {
        let matcher = try Matching.matcher([unit([
            ("en", "Mr. {PERSON}, passport number {PASSPORT}, will attend the meeting."),
            ("fr", "M. {PERSON}, passeport numéro {PASSPORT}, assistera à la réunion."),
            ("km", "លោក {PERSON} លិខិតឆ្លងដែនលេខ {PASSPORT} នឹង\u{200B}ចូលរួម\u{200B}កិច្ចប្រជុំ។"),
        ])])
        let finder = PhraseFinder(matcher: matcher)
        let text = "The Embassy wishes to inform the Ministry that Mr. Chan Vuthy, passport number N7654321, will attend the meeting."
        let found = finder.phrases(in: try matcher.analyse(text, language: .english))
        let phrase = try #require(found.first, "no phrase")
        #expect(found.count == 1, "one phrase on one span: \(found.map { ($0.start, $0.score) })")
        #expect(phrase.score >= 90, "scored as search scores it (93), not with the name as two words (70)")
        #expect(phrase.translations["fr"] == "M. Chan Vuthy, passeport numéro N7654321, assistera à la réunion.")
        #expect(phrase.translations["km"] == "លោក Chan Vuthy លិខិតឆ្លងដែនលេខ N7654321 នឹង\u{200B}ចូលរួម\u{200B}កិច្ចប្រជុំ។")
        #expect(phrase.translations.values.allSatisfy { !$0.contains("{PERSON}") && !$0.contains("{PASSPORT}") })
    }

    @Test("A phrase that is the draft's own wording is left as it was (nothing to carry)")
    func exactUnchanged() throws {
        let finder = try PhraseFinder.shippedFormulas()
        let text = "The Embassy presents its compliments to the Ministry."
        let phrase = try #require(finder.phrases(in: try finder.matcher.analyse(text, language: .english)).first)
        #expect(phrase.score == 100 && phrase.translations["fr"] == "présente ses compliments à")
        #expect(phrase.transferred.isEmpty && phrase.notCarried.isEmpty)
    }
}
