import Foundation
import GRDB
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// A memory whose Khmer rows were made before `tokens-2026-11-30d`, when a space between two
/// Khmer words cut them (review 1130f m1), is re-analysed on its next writable open: the glued
/// month then finds the spaced one at 100 % and in the concordance.
@Suite("Memory upgrade: Khmer word spaces")
struct KhmerWordSpacesUpgradeTests {
    static let oldIdentity = "tokens-2026-11-30c; icu 72.1; khmer-model 0 (0 bytes)"
    static let glued = "កិច្ចប្រជុំ\u{200B}បាន\u{200B}ប្រព្រឹត្ត\u{200B}ទៅ\u{200B}នៅ\u{200B}ខែមករា។"

    static func units(_ khmer: [String]) -> [TranslationUnit] {
        khmer.enumerated().map { n, text in
            TranslationUnit(id: "u\(n)", variants: [Variant(language: tag("km"), text: text), Variant(language: tag("en"), text: "English \(n)")])
        }
    }

    /// The review's sentence with its space, and khPOS sentences with a space between words.
    static func spacedTexts() throws -> [String] {
        var texts = [glued.replacingOccurrences(of: "ខែមករា", with: "ខែ មករា")]
        if SharedData.isAvailable {
            texts += try ConcordanceKhmerWordSpacesTests.khposTriples().map(\.spaced).filter { $0.contains(" ") }.prefix(100)
        }
        return texts
    }

    @Test("Rows made when a space cut Khmer words are re-analysed on open; then the glued month meets the spaced one")
    func upgraded() throws {
        let texts = try Self.spacedTexts()
        let fresh = try temporaryMemory()
        _ = try fresh.importUnits(from: [ArrayUnitSource(name: "units.tmx", units: Self.units(texts))], options: ImportOptions(scrubPersonalData: false))
        // The old analysis, emulated: the same texts imported with each space as a line break
        // (which the tokenizer never takes out, so it cuts the words as a space used to), then
        // the texts put back with their spaces, and the old stamp.
        let stale = try temporaryMemory()
        let cut = texts.map { $0.replacingOccurrences(of: " ", with: "\n") }
        _ = try stale.importUnits(from: [ArrayUnitSource(name: "units.tmx", units: Self.units(cut))], options: ImportOptions(scrubPersonalData: false))
        let path = stale.path
        try stale.close()
        let queue = try DatabaseQueue(path: path.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE variant SET text = replace(text, char(10), ' ')")
            try AnalysisStamp.record(Self.oldIdentity, in: db)
        }
        try queue.close()

        // Read-only: searched as it is — the review's 66 % and no concordance hit.
        let readOnly = try SQLiteMemory(path: path, access: .readOnly)
        let oldIndex = try MatchIndexCache.open(readOnly, entities: nil, folderIsWritable: { _ in false }).index
        let oldScore = try FuzzyMatcher(index: oldIndex, archive: StoredUnits(memory: readOnly)).search(Self.glued, language: .khmer, threshold: 1).first?.score
        #expect(oldScore != nil && oldScore != 100, "\(String(describing: oldScore))")
        #expect(try readOnly.concordance(ConcordanceQuery(text: "ខែមករា", language: tag("km"))).hits.isEmpty)
        try readOnly.close()

        // Writable: re-analysed, with progress for both indexes.
        let calls = UpgradeCalls()
        let memory = try SQLiteMemory(path: path, progress: { index, done, total in calls.add(index, done, total) })
        #expect(memory.analysis == .reanalysed(previous: Self.oldIdentity))
        #expect(calls.list.contains { $0.index == "fuzzy-match" && $0.done == $0.total && $0.total > 0 })
        #expect(calls.list.contains { $0.index == "concordance" && $0.done == $0.total })
        let index = try MatchIndexCache.open(memory).index
        let best = try FuzzyMatcher(index: index, archive: StoredUnits(memory: memory)).search(Self.glued, language: .khmer).first
        #expect(best?.score == 100)
        #expect(best?.source == texts[0])
        #expect(try memory.concordance(ConcordanceQuery(text: "ខែមករា", language: tag("km"))).hits.map(\.text) == [texts[0]])
        // The rows are a fresh import's, byte for byte.
        let sql = "SELECT variant, language, tokens FROM match_entry ORDER BY variant"
        #expect(try memory.read { db in try Row.fetchAll(db, sql: sql) } == fresh.read { db in try Row.fetchAll(db, sql: sql) })
        try memory.close()
        try fresh.close()
    }
}

private final class UpgradeCalls: @unchecked Sendable {
    var list: [(index: String, done: Int, total: Int)] = []
    func add(_ index: String, _ done: Int, _ total: Int) { list.append((index, done, total)) }
}
