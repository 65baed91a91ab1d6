import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

/// Review 1130d m8: `suggest` listed "has the honour to propose" and "… to request" (80 %) on
/// the very span where "has the honour to inform" matched at 100 %.
@Suite("Suggested phrases: an exact phrase leaves out the weaker ones on its span")
struct PhraseConflictTests {
    let finder: PhraseFinder

    init() throws {
        finder = try PhraseFinder.shippedFormulas()
    }

    @Test("m8: after \"has the honour to inform\" at 100 %, no other verb on the same span")
    func exactWins() throws {
        let text = "The Embassy of Japan presents compliments to the Ministry and has the honour to inform."
        let found = finder.phrases(in: try finder.matcher.analyse(text, language: .english))
        let merged = PhraseFinder.merged([found])
        let inform = try #require(merged.first { $0.phrase == "has the honour to inform" }, "\(merged.map(\.phrase))")
        #expect(inform.score == 100)
        let rivals = merged.filter { $0.score < 100 && $0.start >= inform.start && $0.end <= inform.end }
        #expect(rivals.isEmpty, "\(rivals.map { "\($0.phrase) \($0.score)" })")
        // The fuzzy phrase elsewhere in the segment stays: "presents compliments to" is not exact.
        #expect(merged.contains { $0.phrase.hasPrefix("presents its compliments") && $0.score < 100 }, "\(merged.map { "\($0.phrase) \($0.score)" })")
    }

    @Test("m8: a phrase wider than the exact one, or beside it, is kept")
    func widerKept() {
        func phrase(_ text: String, _ start: Int, _ end: Int, _ score: Int) -> PhraseMatch {
            PhraseMatch(start: start, end: end, phrase: text, phraseReview: "translated", score: score, translations: [:], review: [:], origin: nil)
        }
        let merged = PhraseFinder.merged([[phrase("a b", 10, 20, 100), phrase("a c", 10, 20, 80), phrase("a b c d", 10, 30, 85),
                                           phrase("x y", 30, 40, 75), phrase("b", 12, 18, 90)]])
        #expect(merged.map(\.phrase) == ["a b", "a b c d", "x y"])
    }
}
