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

    /// Review 1130h M5: last year's visa request, searched as a file, drafted Mr. Sok Dara's
    /// request with Mr. Keo Rithy's name and passport number (a 75 % fuzzy: names and number as
    /// words). Read as import stores it, the values are placeables and the query's are carried.
    @Test("A file searched on the fly is read as import stores it: another person's name and passport number are placeables, the query's values are carried (EN, FR, KM)")
    func personalDataAsPlaceables() throws {
        let folder = try Scratch.folder("verbale-matchfile-pd")
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("visas-2025.tmx")
        try PersonalDataFixtures.visaRequestTMX.write(to: memory, atomically: true, encoding: .utf8)
        let (index, archive) = try MatchFile.index(memory)
        let matcher = FuzzyMatcher(index: index, archive: archive)
        let match = try #require(try matcher.search("The Embassy requests a visa for Mr. Sok Dara, passport No. D7654321.",
                                                    language: .english, limit: 1).first)
        #expect(match.score >= 90, "two placeables with other values, not four other words: \(match.score)")
        #expect(match.targets["fr"] == "L'Ambassade demande un visa pour M. Sok Dara, passeport n° D7654321.")
        #expect(match.targets["km"] == "ស្ថានទូតសូមស្នើទិដ្ឋាការសម្រាប់លោក Sok Dara លិខិតឆ្លងដែនលេខ D7654321។")
        for target in match.targets.values {
            #expect(!target.contains("Keo") && !target.contains("N01234567") && !target.contains("រិទ្ធី"), "\(target)")
        }
    }

    @Test("Query cleaning turns control characters into spaces but keeps tabs, newlines and Khmer")
    func cleaning() {
        #expect(MatchQuery.cleaned("has the\u{07} honour\u{1B}") == "has the  honour ")
        #expect(MatchQuery.cleaned("a\tb\nស្ថានទូត\u{200B}") == "a\tb\nស្ថានទូត\u{200B}")
    }
}
