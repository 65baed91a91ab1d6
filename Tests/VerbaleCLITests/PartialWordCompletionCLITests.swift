import Foundation
import Testing
import VerbaleTestSupport

/// `suggest` completes a French elision and a half-typed word (review 1130e m4), with the
/// contract's completion fields as they were and `typed` beside them.
@Suite("verbale suggest: completions of « d' » and of a half-typed word")
struct PartialWordCompletionCLITests {
    static var memory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/matching/stock.tmx").path
    }

    func completions(_ draft: String) throws -> [[String: Any]] {
        let result = try CLI.run(["suggest", "--memory", Self.memory, "--json", "-"], stdin: draft)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let segments = try #require(report["segments"] as? [[String: Any]])
        return try #require(segments.last?["completions"] as? [[String: Any]])
    }

    @Test("« … et a l'honneur d' » → « d'informer », « d'accuser réception de » (typed « d' »); \"…has the honour to inf\" → \"inform\" (typed \"inf\")")
    func partialWords() throws {
        let french = try completions("L'Ambassade présente ses compliments au Ministère et a l'honneur d'")
        #expect(french.contains { $0["completion"] as? String == "d'informer" && $0["typed"] as? String == "d'" }, "\(french)")
        #expect(french.contains { $0["completion"] as? String == "d'accuser réception de" }, "\(french)")
        for key in ["start", "end", "completion", "phrase", "phraseReview", "score", "frequency", "attested", "translations", "review", "usage"] {
            #expect(french.allSatisfy { $0[key] != nil }, "\(key) kept")
        }
        let english = try completions("The Embassy presents its compliments to the Ministry and has the honour to inf")
        let first = try #require(english.first)
        #expect(first["completion"] as? String == "inform" && first["typed"] as? String == "inf", "\(english)")
        let whole = try completions("The Embassy presents its compliments to the Ministry and has the honour to")
        #expect(whole.contains { $0["completion"] as? String == "inform" && $0["typed"] as? String == "" }, "\(whole)")
    }
}
