import Foundation
import Testing
import VerbaleCore
import VerbaleMemory
import VerbaleTestSupport

@Suite("Match indexes from files")
struct MatchFileTests {
    @Test("Units read from a file get an origin: file#line (the line the unit starts on, as import names it); a recorded origin is kept")
    func origins() throws {
        let folder = try Scratch.folder("verbale-matchfile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = folder.appendingPathComponent("notes.tsv")
        try "en\tfr\torigin\nThank you\tMerci\t\nGood morning\tBonjour\tletter 12\n".write(to: table, atomically: true, encoding: .utf8)
        let (index, archive) = try MatchFile.index(table)
        let matcher = FuzzyMatcher(index: index, archive: archive)
        // Line 2: the header is line 1 (it was `#1`, the row's position, while import said `#2`).
        #expect(try matcher.search("Thank you", language: .english).first?.origin == "notes.tsv#2")
        #expect(try matcher.search("Good morning", language: .english).first?.origin == "letter 12")
    }

    @Test("Query cleaning turns control characters into spaces but keeps tabs, newlines and Khmer")
    func cleaning() {
        #expect(MatchQuery.cleaned("has the\u{07} honour\u{1B}") == "has the  honour ")
        #expect(MatchQuery.cleaned("a\tb\nស្ថានទូត\u{200B}") == "a\tb\nស្ថានទូត\u{200B}")
    }
}
