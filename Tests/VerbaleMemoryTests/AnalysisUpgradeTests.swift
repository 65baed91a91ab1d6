import Foundation
import GRDB
import Testing
import VerbaleCore
@testable import VerbaleMemory
import VerbaleTestSupport

/// A memory whose stored rows were made by another text analysis (an older Verbale, another
/// Khmer model) is re-analysed when opened for writing, all or nothing, and then searches
/// exactly like a fresh import; a read-only one is searched as it is, with a note.
@Suite("Memory upgrade after a text-analysis change")
struct AnalysisUpgradeTests {
    /// An identity no process has: what an older Verbale would have recorded.
    static let oldIdentity = "tokens-2026-11-01; khmer-model 0 (0 bytes)"

    /// A French entry as macOS exports write it (NFD: `e` + U+0301), and its NFC spelling.
    static let nfdFrench = "Le Ministère des Affaires étrangères présente ses compliments à l'Ambassade".decomposedStringWithCanonicalMapping
    static let nfcFrench = nfdFrench.precomposedStringWithCanonicalMapping

    /// Our fixture (EN/FR/KM stock phrases), the NFD entry and, when `../shared/data` is there,
    /// real Europarl pairs and real Khmer sentences (khPOS; the English side is a label, the
    /// Khmer is what is analysed).
    static func units(shared: Bool) throws -> [TranslationUnit] {
        var units = try Matching.fixtureUnits()
        units.append(unit([("fr", nfdFrench), ("en", "The Ministry of Foreign Affairs presents its compliments to the Embassy")]))
        guard shared else { return units }
        let english = Matching.lines("parallel/europarl-20k.en", limit: 400)
        let french = Matching.lines("parallel/europarl-20k.fr", limit: 400)
        for (en, fr) in zip(english, french) { units.append(unit([("en", en), ("fr", fr)])) }
        for (number, khmer) in Matching.khmerSentences(limit: 300).enumerated() {
            units.append(unit([("km", khmer), ("en", "khPOS sentence \(number + 1)")]))
        }
        return units
    }

    /// A new memory holding `units`, in a folder of its own.
    static func memory(_ units: [TranslationUnit]) throws -> SQLiteMemory {
        let memory = try temporaryMemory()
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "units.tmx", units: units)], options: ImportOptions(scrubPersonalData: false))
        return memory
    }

    /// Makes the memory at `path` one whose rows another analysis made: every token's form
    /// and key decomposed (NFD, as before matcher forms were composed), each Khmer row's first two
    /// words merged into one token (another segmentation), every Khmer text's concordance
    /// words joined in pairs (so a single Khmer word misses), and the old stamp.
    static func makeStale(_ path: URL) throws {
        let queue = try DatabaseQueue(path: path.path)
        try queue.write { db in
            let khmerIndex = Int64(MatchVocabulary.languageIndex(.khmer))
            for row in try Row.fetchAll(db, sql: "SELECT variant, language, tokens FROM match_entry") {
                let blob: Data = row["tokens"]
                var tokens = try #require(StoredToken.decode(blob))
                // As the encoder before `StoredToken.sameBytes`: a key canonically equal to its NFD
                // form was left out of the blob and read back as that form.
                for i in tokens.indices {
                    tokens[i].text = tokens[i].text.decomposedStringWithCanonicalMapping
                    tokens[i].key = tokens[i].key.decomposedStringWithCanonicalMapping
                    tokens[i].classKey = tokens[i].classKey.decomposedStringWithCanonicalMapping
                }
                if row["language"] as Int64 == khmerIndex, tokens.count >= 2, tokens[0].kind == .word, tokens[1].kind == .word {
                    let merged = StoredToken(text: tokens[0].text + tokens[1].text, key: tokens[0].key + tokens[1].key,
                                             classKey: "w:" + tokens[0].key + tokens[1].key, value: nil, kind: .word, spaced: tokens[0].spaced)
                    tokens.replaceSubrange(0...1, with: [merged])
                }
                try db.execute(sql: "UPDATE match_entry SET tokens = ? WHERE variant = ?", arguments: [StoredToken.encode(tokens), row["variant"] as Int64])
            }
            try db.execute(sql: "INSERT INTO concordance (concordance) VALUES ('delete-all')")
            let words = ConcordanceWords()
            for row in try Row.fetchAll(db, sql: "SELECT id, text FROM variant ORDER BY id") {
                let text: String = row["text"]
                var keys = words.words(text).map(\.key)
                if ConcordanceWords.containsKhmer(text) {
                    keys = stride(from: 0, to: keys.count, by: 2).map { keys[$0..<min($0 + 2, keys.count)].joined() }
                }
                try db.execute(sql: "INSERT INTO concordance (rowid, words) VALUES (?, ?)", arguments: [row["id"] as Int64, keys.joined(separator: " ")])
            }
            try AnalysisStamp.record(oldIdentity, in: db)
        }
        try queue.close()
    }

    /// Every fuzzy-match row, in variant order.
    static func rows(_ memory: SQLiteMemory) throws -> [Row] {
        try memory.read { db in try Row.fetchAll(db, sql: "SELECT variant, language, tokens FROM match_entry ORDER BY variant") }
    }

    static func stamp(_ memory: SQLiteMemory) throws -> (identity: String?, changes: Int64) {
        try memory.read { db in
            (try AnalysisStamp.identity(db), try Int64.fetchOne(db, sql: "SELECT changes FROM match_stamp") ?? -1)
        }
    }

    /// Khmer words of real sentences, for concordance queries (a few per sentence).
    static func khmerWords(_ units: [TranslationUnit]) -> [String] {
        let words = ConcordanceWords()
        let texts = units.flatMap(\.variants).filter { $0.language.language == .khmer }.map(\.text)
        var picked: [String] = []
        for text in texts.prefix(60) {
            picked += words.words(text).map(\.key).filter { $0.unicodeScalars.count >= 4 && ConcordanceWords.containsKhmer($0) }.prefix(3)
        }
        return picked
    }

    static func hits(_ memory: SQLiteMemory, _ words: [String]) throws -> [[Int64]] {
        try words.map { try memory.concordance(ConcordanceQuery(text: $0, limit: 1000)).hits.map(\.unit).sorted() }
    }

    static func nfcScore(_ index: MatchIndex, _ memory: SQLiteMemory) throws -> Int? {
        try FuzzyMatcher(index: index, archive: StoredUnits(memory: memory)).search(nfcFrench, language: .french, threshold: 50).first?.score
    }

    @Test("A memory analysed by another Verbale is re-analysed on open and then matches a fresh import exactly (our EN/FR/KM fixture)")
    func reanalysedLikeFresh() throws {
        try Self.checkReanalysedLikeFresh(shared: false)
    }

    @Test("A memory analysed by another Verbale is re-analysed on open and then matches a fresh import exactly (real Europarl EN/FR and khPOS Khmer)",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func reanalysedLikeFreshRealData() throws {
        try Self.checkReanalysedLikeFresh(shared: true)
    }

    /// The stale memory is read as it is, then re-analysed on a writable open, and then holds
    /// exactly a fresh import's rows and concordance (`shared`: with real data, whose Khmer
    /// concordance hits are compared too).
    static func checkReanalysedLikeFresh(shared: Bool) throws {
        let units = try Self.units(shared: shared)
        let fresh = try Self.memory(units)
        let memory = try Self.memory(units)
        let path = memory.path
        try memory.close()
        try Self.makeStale(path)

        // The stale memory, read-only: its old rows give another score, and its old file is saved.
        let stale = try SQLiteMemory(path: path, access: .readOnly)
        #expect(stale.notes == [.analysisOutdated(path: path.path, stored: Self.oldIdentity)])
        let staleIndex = try MatchIndexCache.open(stale, entities: nil, folderIsWritable: { _ in true })
        #expect(staleIndex.origin == .rebuilt)
        let staleFile = try MatchIndexCache.open(stale, entities: nil, folderIsWritable: { _ in true })
        #expect(staleFile.origin == .file)
        #expect(try Self.nfcScore(staleFile.index, stale) != 100, "the fabricated NFD rows score below 100 from the saved file (the bug)")
        let khmer = Self.khmerWords(units)
        if shared {
            #expect(khmer.count > 50)
            #expect(try Self.hits(stale, khmer) != Self.hits(fresh, khmer), "the fabricated Khmer words miss")
        }
        let before = try Self.stamp(stale)
        try stale.close()

        // Opened for writing: re-analysed, with progress, in one go.
        let calls = Calls()
        let upgraded = try SQLiteMemory(path: path, progress: { index, done, total in calls.add(index, done, total) })
        #expect(upgraded.analysis == .reanalysed(previous: Self.oldIdentity))
        #expect(upgraded.notes.count == 1 && upgraded.notes.allSatisfy { if case .reanalysed = $0 { true } else { false } },
                "only the note that the words were re-analysed: \(upgraded.notes)")
        #expect(calls.list.contains { $0.index == "fuzzy-match" && $0.done == $0.total && $0.total > 0 })
        #expect(calls.list.contains { $0.index == "concordance" && $0.done == $0.total }, "the memory holds Khmer: its concordance is rebuilt")
        let after = try Self.stamp(upgraded)
        #expect(after.identity == Tokenizer.analysisIdentity)
        #expect(after.changes == before.changes + 1, "the .match file's stamp no longer matches")

        // Byte for byte what a fresh import stores; the same concordance hits.
        let upgradedRows = try Self.rows(upgraded), freshRows = try Self.rows(fresh)
        #expect(upgradedRows.count == freshRows.count)
        #expect(upgradedRows == freshRows)
        if shared { #expect(try Self.hits(upgraded, khmer) == Self.hits(fresh, khmer)) }

        // 100 for the NFC query of the NFD entry: from the rebuilt index, then from the saved file.
        let rebuilt = try MatchIndexCache.open(upgraded)
        #expect(rebuilt.origin == .rebuilt)
        #expect(try Self.nfcScore(rebuilt.index, upgraded) == 100)
        let saved = try MatchIndexCache.open(upgraded)
        #expect(saved.origin == .file)
        #expect(try Self.nfcScore(saved.index, upgraded) == 100)
        try upgraded.close()
        try fresh.close()
    }

    @Test("A failure or kill mid-re-analysis leaves the memory as it was; the next open upgrades it (our fixture)")
    func rollsBack() throws {
        try Self.checkRollsBack(shared: false)
    }

    @Test("A failure or kill mid-re-analysis leaves the memory as it was; the next open upgrades it (real Europarl EN/FR and khPOS Khmer)",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func rollsBackRealData() throws {
        try Self.checkRollsBack(shared: true)
    }

    static func checkRollsBack(shared: Bool) throws {
        let units = try Self.units(shared: shared)
        let memory = try Self.memory(units)
        let path = memory.path
        try memory.close()
        try Self.makeStale(path)
        let stale = try SQLiteMemory(path: path, access: .readOnly)
        let staleRows = try Self.rows(stale)
        let staleStamp = try Self.stamp(stale)
        let khmer = Self.khmerWords(units)
        if shared { #expect(khmer.count > 50, "the real Khmer sentences were read") }
        let staleHits = try Self.hits(stale, khmer)
        try stale.close()

        // Stops at the very end of each index's pass (the last one: every row of every index was
        // rewritten), as a kill, a full disk or a cancelled progress would stop it.
        struct Killed: Error {}
        let passes = SQLiteMemory.standardIndexes.compactMap { $0 as? any ReanalysedIndex }.map(\.name)
        #expect(passes.count == 2)
        for stop in passes {
            #expect(throws: Killed.self) {
                _ = try SQLiteMemory(path: path, progress: { index, done, total in
                    if index == stop, done == total { throw Killed() }
                })
            }
            let after = try SQLiteMemory(path: path, access: .readOnly)
            #expect(try Self.rows(after) == staleRows, "old rows intact after a stop in \(stop)")
            #expect(try Self.hits(after, khmer) == staleHits, "old concordance intact after a stop in \(stop)")
            let stamp = try Self.stamp(after)
            #expect(stamp.identity == staleStamp.identity && stamp.changes == staleStamp.changes)
            try after.close()
        }
        let upgraded = try SQLiteMemory(path: path)
        #expect(upgraded.analysis == .reanalysed(previous: Self.oldIdentity))
        #expect(try Self.rows(upgraded) != staleRows)
        try upgraded.close()
    }

    @Test("A read-only memory is searched as it is, with one note; writing it fails with a clear error")
    func readOnly() throws {
        let units = try Self.units(shared: false)
        let memory = try Self.memory(units)
        let path = memory.path
        try memory.close()
        try Self.makeStale(path)

        let readOnly = try SQLiteMemory(path: path, access: .readOnly)
        #expect(readOnly.isReadOnly)
        #expect(readOnly.notes.count == 1)
        let note = try #require(readOnly.notes.first)
        #expect(note.description.contains(path.path) && note.description.contains("may differ slightly"))
        // The match index is built from the rows as they are (and not saved: the folder is read-only).
        let opened = try MatchIndexCache.open(readOnly, entities: nil, folderIsWritable: { _ in false })
        #expect(opened.notes.isEmpty)
        #expect(try Self.nfcScore(opened.index, readOnly).map { $0 >= 90 } == true, "still found, with the old rows' score")
        #expect(!FileManager.default.fileExists(atPath: MatchIndexFile.location(forMemory: path).path))
        #expect(try !readOnly.concordance(ConcordanceQuery(text: "compliments")).hits.isEmpty)
        #expect(throws: MemoryError.self) {
            _ = try readOnly.importUnits(from: [ArrayUnitSource(name: "more.tmx", units: Array(units.prefix(1)))])
        }
        do {
            _ = try readOnly.importUnits(from: [ArrayUnitSource(name: "more.tmx", units: Array(units.prefix(1)))])
        } catch let error as MemoryError {
            #expect(error.description.contains(path.path) && error.description.contains("read-only"))
        }
        #expect(try Self.stamp(readOnly).identity == Self.oldIdentity, "nothing was written")
        try readOnly.close()
    }

    @Test("A read-only memory from before the concordance and analysis upgrades: notes naming the file, concordance still searched")
    func readOnlyBeforeConcordanceUpgrade() throws {
        let path = try ConcordanceKhmerLatinTests.memoryBeforeStamp()

        let readOnly = try SQLiteMemory(path: path, access: .readOnly)
        #expect(readOnly.notes == [.concordanceNotUpgraded(path: path.path), .analysisOutdated(path: path.path, stored: nil)])
        #expect(readOnly.notes.allSatisfy { $0.description.hasPrefix(path.path + ":") })
        // The old index answers (a Khmer word is found; `1,000` inside Khmer is what it misses).
        #expect(try ConcordanceKhmerLatinTests.khmerHits(readOnly, "ស្ថានទូត").count == 1)
        #expect(try ConcordanceKhmerLatinTests.khmerHits(readOnly, "1,000").isEmpty)
        try readOnly.close()

        // Writable: both upgrades run (the concordance once, by the analysis upgrade).
        let upgraded = try SQLiteMemory(path: path)
        #expect(upgraded.analysis == .reanalysed(previous: ""))
        #expect(try ConcordanceKhmerLatinTests.khmerHits(upgraded, "1,000").count == 1)
        try upgraded.close()
    }

    @Test("A read-only memory missing a table an upgrade would create is refused with a message naming the file")
    func readOnlyMissingTable() throws {
        let memory = try temporaryMemory()
        let path = memory.path
        try memory.pool.write { db in try db.execute(sql: "DROP TABLE match_stamp") }
        try memory.close()
        #expect {
            _ = try SQLiteMemory(path: path, access: .readOnly)
        } throws: { error in
            "\(error)".contains(path.path) && "\(error)".contains("read-only")
        }
        let missing = path.deletingLastPathComponent().appendingPathComponent("none.sqlite")
        #expect(throws: MemoryError.self) { _ = try SQLiteMemory(path: missing, access: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test("The immutable fallback for a read-only folder opens the same memory, whatever its path holds")
    func immutableFallback() throws {
        // A user cannot make a folder read-only for root, so the fallback's open is tested
        // directly (run by hand as `nobody` on a root-owned folder: search and concordance answer).
        let folder = Scratch.path("verbale ro #1 %20 ?x")
        let path = folder.appendingPathComponent("memory.sqlite")
        let memory = try SQLiteMemory(path: path)
        _ = try memory.importUnits(from: [ArrayUnitSource(name: "units.tmx", units: try Self.units(shared: false))])
        let units = try memory.statistics().units
        try memory.close()
        try ReadOnlyOpenTests.checkpointAlone(path)
        var configuration = Configuration()
        configuration.readonly = true
        let pool = try DatabasePool(path: ReadOnlyMemory.immutableURI(path), configuration: configuration)
        #expect(try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") } == units)
        #expect(try pool.read { db in try ReadOnlyMemory.notes(db, path: path.path) }.isEmpty)
        try pool.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { $0.hasPrefix("memory.sqlite") })
    }

    @Test("Re-analysing a freshly imported memory rewrites every row to the same bytes (real EN/FR/KM when available)")
    func reanalysisIsIdempotent() throws {
        let units = try Self.units(shared: SharedData.isAvailable)
        let memory = try Self.memory(units)
        let rows = try Self.rows(memory)
        let khmer = Self.khmerWords(units)
        let hits = try Self.hits(memory, khmer)
        let before = try Self.stamp(memory)
        let calls = Calls()
        try memory.reanalyseStoredText { index, done, total in calls.add(index, done, total) }
        #expect(try Self.rows(memory) == rows)
        #expect(try Self.hits(memory, khmer) == hits)
        #expect(try Self.stamp(memory).changes == before.changes + 1)
        #expect(calls.list.contains { $0.index == "fuzzy-match" && $0.done == $0.total && $0.total >= rows.count })
        try memory.close()
    }

    @Test("A current memory is not touched on open: no re-analysis, the .match file stays valid")
    func currentUntouched() throws {
        let memory = try Self.memory(try Self.units(shared: false))
        let path = memory.path
        #expect(memory.analysis == .current)
        #expect(try Self.stamp(memory).identity == Tokenizer.analysisIdentity, "a new memory starts current")
        #expect(try MatchIndexCache.open(memory).origin == .rebuilt)
        let before = try Self.stamp(memory)
        let rows = try Self.rows(memory)
        try memory.close()
        let calls = Calls()
        let reopened = try SQLiteMemory(path: path, progress: { index, done, total in calls.add(index, done, total) })
        #expect(reopened.analysis == .current)
        #expect(calls.list.isEmpty)
        #expect(try Self.stamp(reopened).changes == before.changes)
        #expect(try Self.rows(reopened) == rows)
        #expect(try MatchIndexCache.open(reopened).origin == .file)
        try reopened.close()
    }

    @Test("An import into a memory another Verbale re-stamped re-analyses first, in the same transaction")
    func importReanalysesFirst() throws {
        let units = try Self.units(shared: false)
        let memory = try Self.memory(Array(units.dropLast()))
        let path = memory.path
        try memory.close()
        let opened = try SQLiteMemory(path: path)
        try Self.makeStale(path)
        _ = try opened.importUnits(from: [ArrayUnitSource(name: "last.tmx", units: Array(units.suffix(1)))], options: ImportOptions(scrubPersonalData: false))
        #expect(try Self.stamp(opened).identity == Tokenizer.analysisIdentity)
        let fresh = try Self.memory(units)
        #expect(try Self.rows(opened) == Self.rows(fresh))
        try opened.close()
        try fresh.close()
    }
}

/// Progress calls, collected (the callback runs on the opening thread).
private final class Calls: @unchecked Sendable {
    var list: [(index: String, done: Int, total: Int)] = []
    func add(_ index: String, _ done: Int, _ total: Int) { list.append((index, done, total)) }
}
