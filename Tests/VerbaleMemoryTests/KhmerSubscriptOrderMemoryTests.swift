import Foundation
import GRDB
import Testing
import VerbaleCore
@testable import VerbaleMemory
import VerbaleTestSupport

/// Review finding M13 end to end: a Khmer word typed with COENG RO first finds the same word
/// stored with it last (and the other way round), in concordance and in fuzzy matching, and
/// the stored text keeps the order it was typed in.
@Suite("Khmer subscript order in a memory: ស្រ្តី finds ស្ត្រី")
struct KhmerSubscriptOrderMemoryTests {
    static let roLast = "\u{179F}\u{17D2}\u{178F}\u{17D2}\u{179A}\u{17B8}"   // ស ្ត ្រ ី
    static let roFirst = "\u{179F}\u{17D2}\u{179A}\u{17D2}\u{178F}\u{17B8}"  // ស ្រ ្ត ី

    static func sentence(_ woman: String) -> String { "សិទ្ធិ\u{200B}\(woman)\u{200B}ត្រូវ\u{200B}បាន\u{200B}ការពារ។" }

    /// A memory holding the review's unit (in/ko.tsv), its Khmer typed with `woman`.
    static func memory(_ woman: String) throws -> (SQLiteMemory, URL) {
        let folder = try Scratch.folder("verbale-khmer-order")
        let memory = try SQLiteMemory(path: folder.appendingPathComponent("memory.sqlite"))
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "ko.tsv", units: [
            unit([("en", "Women's rights are protected."), ("km", sentence(woman))]),
        ])])
        return (memory, folder)
    }

    @Test("Concordance finds the word typed either way, marks it in the stored text, which keeps its own order",
          arguments: [(roLast, roFirst), (roFirst, roLast)])
    func concordance(stored: String, typed: String) throws {
        let (memory, folder) = try Self.memory(stored)
        defer { try? FileManager.default.removeItem(at: folder) }
        let hits = try memory.concordance(ConcordanceQuery(text: typed, language: tag("km"))).hits
        #expect(hits.count == 1)
        #expect(hits.first?.text == Self.sentence(stored))
        #expect(hits.first?.marked.contains("[[\(stored)]]") == true, "\(hits.first?.marked ?? "no hit")")
        // The whole sentence typed the other way is a phrase hit.
        #expect(try memory.concordance(ConcordanceQuery(text: Self.sentence(typed))).hits.first?.phrase == true)
    }

    @Test("The unit typed the other way is a duplicate (merged), not an alternative",
          arguments: [(roLast, roFirst), (roFirst, roLast)])
    func duplicate(stored: String, typed: String) throws {
        let (memory, folder) = try Self.memory(stored)
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try memory.importUnits(from: [ArrayUnitSource(name: "ko2.tsv", units: [
            unit([("en", "Women's rights are protected."), ("km", Self.sentence(typed))]),
        ])])
        #expect(summary.merged == 1)
        #expect(summary.added == 0)
        #expect(summary.alternatives == 0)
        // The stored text is the one first typed.
        #expect(try memory.read { db in try String.fetchAll(db, sql: "SELECT text FROM variant WHERE language = 'km'") } == [Self.sentence(stored)])
    }

    @Test("memory.v7-khmer-subscript-fingerprints re-keys a unit stored with the old keys, so its file imports again as a duplicate")
    func migration() throws {
        let (memory, folder) = try Self.memory(Self.roFirst)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = memory.path
        let keys = try memory.read { db in try Row.fetchOne(db, sql: "SELECT fingerprint, source_hash FROM unit") }
        try memory.close()
        // As an older Verbale left it: other keys, and the migration not applied.
        let queue = try DatabaseQueue(path: path.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE unit SET fingerprint = 1, source_hash = 2")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [KhmerSubscriptFingerprints.name])
        }
        try queue.close()
        let reopened = try SQLiteMemory(path: path)
        let migrated = try reopened.read { db in try Row.fetchOne(db, sql: "SELECT fingerprint, source_hash FROM unit") }
        #expect(migrated == keys)
        let summary = try reopened.importUnits(from: [ArrayUnitSource(name: "ko.tsv", units: [
            unit([("en", "Women's rights are protected."), ("km", Self.sentence(Self.roFirst))]),
        ])])
        #expect(summary.merged == 1)
        #expect(summary.alternatives == 0)
    }

    @Test("The same-looking sentence typed the other way is a 100 % match (it scored 80), through the stored index",
          arguments: [(roLast, roFirst), (roFirst, roLast)])
    func fuzzy(stored: String, typed: String) throws {
        let (memory, folder) = try Self.memory(stored)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (index, _, _) = try MatchIndexCache.open(memory)
        let matcher = FuzzyMatcher(index: index, archive: StoredUnits(memory: memory))
        let match = try #require(try matcher.search(Self.sentence(typed), language: .khmer).first)
        #expect(match.score == 100)
        #expect(match.targets["en"] == "Women's rights are protected.")
        // Without the U+200B between the words as well.
        let unspaced = try #require(try matcher.search("សិទ្ធិ\(typed)ត្រូវបានការពារ។", language: .khmer, threshold: 50).first)
        #expect(unspaced.score >= 95)
    }
}
