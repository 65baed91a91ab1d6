import Testing
@testable import VerbaleCore

/// `mergeSorted`, the merge `Tokenizer.spansAroundKhmerRuns` and `ConcordanceWords.words` share:
/// every element of both lists once, in order of the key, `second`'s first on equal keys (what
/// both hand-written merges did), the target's old elements gone.
@Suite("mergeSorted: two lists sorted by offset into one")
struct SortedMergeTests {
    struct Item: Equatable {
        var start: Int
        var list: Character
    }

    @Test("Interleaved, one list empty, both empty, runs from one list, equal keys")
    func merges() {
        func items(_ starts: [Int], _ list: Character) -> [Item] { starts.map { Item(start: $0, list: list) } }
        let cases: [([Int], [Int], String)] = [
            ([0, 4, 9], [2, 3, 12], "ABBAAB"), ([], [1, 2], "BB"), ([1, 2], [], "AA"), ([], [], ""),
            ([5, 6, 7], [0, 1], "BBAAA"), ([0, 1], [5, 6, 7], "AABBB"), ([3, 8], [3, 5, 8], "BABBA"),
        ]
        for (a, b, order) in cases {
            var merged = [Item(start: -1, list: "X")]
            mergeSorted(items(a, "A"), items(b, "B"), into: &merged) { $0.start }
            #expect(String(merged.map(\.list)) == order, "\(a) \(b)")
            #expect(merged.map(\.start) == (a + b).sorted(), "\(a) \(b)")
            #expect(mergeSorted(items(a, "A"), items(b, "B")) { $0.start } == merged)
        }
    }
}
