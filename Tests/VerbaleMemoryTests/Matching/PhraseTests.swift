import Testing
import VerbaleCore
@testable import VerbaleMemory

@Suite("Stock phrases inside sentences, and completions")
struct PhraseTests {
    let finder: PhraseFinder

    init() throws {
        finder = PhraseFinder(matcher: try Matching.matcher(Matching.fixtureUnits()))
    }

    @Test("\"presents compliments to\" finds \"presents its compliments to\" with its span and translations")
    func fuzzyPhrase() throws {
        let text = "The Embassy of Japan presents compliments to the Ministry."
        let phrases = finder.phrases(in: try finder.matcher.analyse(text, language: .english))
        let phrase = try #require(phrases.first { $0.phrase == "presents its compliments to" })
        #expect(phrase.score == 75)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[phrase.start..<phrase.end])) == "presents compliments to")
        #expect(phrase.translations["fr"] == "présente ses compliments à")
        #expect(phrase.review["km"] == "unreviewed")
    }

    @Test("A Khmer phrase is found inside a Khmer sentence")
    func khmerPhrase() throws {
        let text = "ស្ថានទូតជប៉ុនមានកិត្តិយសសូមជម្រាបជូនក្រសួង"
        let phrases = finder.phrases(in: try finder.matcher.analyse(text, language: .khmer))
        #expect(phrases.contains { $0.phrase == "មានកិត្តិយសសូមជម្រាបជូន" && $0.translations["en"] == "has the honour to inform" })
    }

    @Test("Input ending mid-phrase gets the phrase's continuations, best first")
    func completion() throws {
        let completions = finder.completions(of: try finder.matcher.analyse("The Embassy avails itself of this", language: .english))
        #expect(completions.count == 2)
        #expect(completions.contains { $0.completion == "opportunity to renew the assurances of its highest consideration" })
        #expect(completions.allSatisfy { $0.score == 100 && $0.translations["fr"] != nil })
        let finished = finder.completions(of: try finder.matcher.analyse("The Embassy avails itself of this.", language: .english))
        #expect(finished.isEmpty)
    }
}
