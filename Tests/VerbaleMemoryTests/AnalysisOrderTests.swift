import Foundation
import GRDB
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// An older Verbale never rewrites rows a newer one made (no ping-pong on a shared memory),
/// and any failure of the optional upgrade leaves the memory searchable.
@Suite("Memory upgrade: older and newer analyses")
struct AnalysisOrderTests {
    static let current = "tokens-2026-11-29c; icu 72.1; khmer-model c04f (728631 bytes)"

    /// A memory of our fixture whose stamp says `identity` made its rows, after `sql` (closed).
    static func fixtureMemory(stampedWith identity: String, then sql: [String] = []) throws -> URL {
        let memory = try AnalysisUpgradeTests.memory(try Matching.fixtureUnits())
        let path = memory.path
        try memory.close()
        let queue = try DatabaseQueue(path: path.path)
        try queue.write { db in
            try AnalysisStamp.record(identity, in: db)
            for statement in sql { try db.execute(sql: statement) }
        }
        try queue.close()
        return path
    }

    /// The score of the fixture's exact sentence, searched through the memory's match index.
    static func exactScore(_ memory: SQLiteMemory) throws -> Int? {
        let index = try MatchIndexCache.open(memory, entities: nil, folderIsWritable: { _ in true }).index
        return try FuzzyMatcher(index: index, archive: StoredUnits(memory: memory)).search("The Embassy has 12 staff members.", language: .english).first?.score
    }

    @Test("Analyses order by their dated version, then ICU's; at one version and ICU a process without the Khmer model never rewrites rows made with it")
    func order() {
        #expect(AnalysisUpgrade.compare(stored: Self.current, with: Self.current) == .same)
        #expect(AnalysisUpgrade.compare(stored: "", with: Self.current) == .older)
        #expect(AnalysisUpgrade.compare(stored: "tokens-2026-11-29b; khmer-model c04f (728631 bytes)", with: Self.current) == .older)
        #expect(AnalysisUpgrade.compare(stored: "tokens-2026-11-29; khmer-model c04f (728631 bytes)", with: Self.current) == .older)
        #expect(AnalysisUpgrade.compare(stored: "tokens-2027-01-05; khmer-model c04f (728631 bytes)", with: Self.current) == .newer)
        #expect(AnalysisUpgrade.compare(stored: "tokens-2026-11-29d; khmer-model c04f (728631 bytes)", with: Self.current) == .newer)
        // Same version, other model: this process's model wins, unless it has none.
        #expect(AnalysisUpgrade.compare(stored: "tokens-2026-11-29c; icu 72.1; khmer-model 99 (10 bytes)", with: Self.current) == .older)
        #expect(AnalysisUpgrade.compare(stored: "tokens-2026-11-29c; icu 72.1; khmer-model none", with: Self.current) == .older)
        #expect(AnalysisUpgrade.compare(stored: Self.current, with: "tokens-2026-11-29c; icu 72.1; khmer-model none") == .newer)
        // Same version, other ICU: the newer ICU wins, by number (74.2 after 8.9; a stamp without ICU is older).
        #expect(AnalysisUpgrade.compare(stored: "tokens-2026-11-29c; icu 70.1; khmer-model c04f (728631 bytes)", with: Self.current) == .older)
        #expect(AnalysisUpgrade.compare(stored: "tokens-2026-11-29c; icu 74.2; khmer-model c04f (728631 bytes)", with: Self.current) == .newer)
        #expect(AnalysisUpgrade.compare(stored: "tokens-2026-11-29c; icu 8.9; khmer-model c04f (728631 bytes)", with: Self.current) == .older)
        #expect(AnalysisUpgrade.compare(stored: "tokens-2026-11-29c; icu 72.1.1; khmer-model c04f (728631 bytes)", with: Self.current) == .newer)
        #expect(AnalysisUpgrade.compare(stored: "tokens-2026-11-29c; khmer-model c04f (728631 bytes)", with: Self.current) == .older)
        // A newer ICU never beats a newer tokenizer version: the version is compared first.
        #expect(AnalysisUpgrade.compare(stored: "tokens-2026-11-29b; icu 99.1; khmer-model c04f (728631 bytes)", with: Self.current) == .older)
        // A Verbale from before the identity recorded ICU sees this one's stamp as newer and
        // leaves it alone (the version was bumped with the identity's shape), and this one
        // upgrades that Verbale's stamp once: no taking turns (review G2).
        let beforeICU = "tokens-2026-11-29c; khmer-model c04f1405eb72d739 (728631 bytes)"
        #expect(AnalysisUpgrade.compare(stored: Tokenizer.analysisIdentity, with: beforeICU) == .newer)
        #expect(AnalysisUpgrade.compare(stored: beforeICU, with: Tokenizer.analysisIdentity) == .older)
        // This process's own identity has the documented shape, with the ICU it runs on.
        #expect(Tokenizer.analysisIdentity.hasPrefix(Tokenizer.analysisVersion + "; icu " + ICU.version + "; khmer-model "))
    }

    @Test("Refused because of a newer ICU alone, the message says so and what helps (not: upgrade Verbale)")
    func newerICUExplained() {
        let stored = "tokens-2026-11-29d; icu 74.2; khmer-model c04f (728631 bytes)"
        let current = "tokens-2026-11-29d; icu 72.1; khmer-model c04f (728631 bytes)"
        let message = MemoryError.madeByNewerVerbale(path: "/m.sqlite", stored: stored, current: current).description
        #expect(message.contains("ICU 74.2"), "\(message)")
        #expect(message.contains("ICU 72.1"))
        #expect(message.contains("upgrade this system's ICU"))
        #expect(!message.contains("import with the newer Verbale"))
        let note = SQLiteMemory.Note.analysisNewer(path: "/m.sqlite", stored: "tokens-2099-01-01; icu 99.1; khmer-model x").description
        #expect(note.contains("newer Verbale"), "\(note)")
    }

    @Test("A memory a newer Verbale analysed is searched as it is, with a note, never rewritten; an import into it is refused and changes nothing")
    func newerMemoryLeftAlone() throws {
        let newer = "tokens-2099-01-01; khmer-model ffff (1 bytes)"
        let path = try Self.fixtureMemory(stampedWith: newer)

        let reopened = try SQLiteMemory(path: path)
        #expect(reopened.analysis == .newer(stored: newer))
        #expect(reopened.notes == [.analysisNewer(path: path.path, stored: newer)])
        let before = try AnalysisUpgradeTests.rows(reopened)
        let (stampBefore, changesBefore) = try AnalysisUpgradeTests.stamp(reopened)
        #expect(stampBefore == newer)
        #expect(try Self.exactScore(reopened) == 100)

        let extra = TranslationUnit(variants: [Variant(language: try LanguageTag("en"), text: "A unit the older Verbale must not add.")])
        #expect(throws: MemoryError.self) {
            try reopened.importUnits(from: [ArrayUnitSource(name: "extra.tmx", units: [extra])], options: ImportOptions())
        }
        do {
            _ = try reopened.importUnits(from: [ArrayUnitSource(name: "extra.tmx", units: [extra])], options: ImportOptions())
        } catch let error as MemoryError {
            guard case .madeByNewerVerbale(path: path.path, stored: newer, current: Tokenizer.analysisIdentity) = error else {
                Issue.record("unexpected error: \(error)")
                return
            }
            #expect(error.description.contains("newer Verbale"))
            #expect(error.description.contains("import with the newer Verbale"))
        }
        #expect(try AnalysisUpgradeTests.rows(reopened) == before)
        #expect(try AnalysisUpgradeTests.stamp(reopened) == (newer, changesBefore))
    }

    @Test("An upgrade that fails (here a trigger standing for a full disk) leaves the memory searchable as it was, with a note giving the reason")
    func failedUpgradeStillSearches() throws {
        let path = try Self.fixtureMemory(stampedWith: AnalysisUpgradeTests.oldIdentity, then: ["INSERT", "UPDATE", "DELETE"].map { event in
            "CREATE TRIGGER fail_\(event.lowercased()) BEFORE \(event) ON match_entry BEGIN SELECT RAISE(ABORT, 'simulated: database or disk is full'); END"
        })
        let stale = try SQLiteMemory(path: path, access: .readOnly)
        let before = try AnalysisUpgradeTests.rows(stale)
        try stale.close()

        let reopened = try SQLiteMemory(path: path)
        guard case let .analysisOutdated(notePath, stored, reason)? = reopened.notes.first else {
            Issue.record("expected an analysisOutdated note, got \(reopened.notes)")
            return
        }
        #expect(notePath == path.path)
        #expect(stored == AnalysisUpgradeTests.oldIdentity)
        #expect(reason?.contains("disk is full") == true)
        #expect(reopened.notes.first?.description.contains("the upgrade failed") == true)
        #expect(try AnalysisUpgradeTests.rows(reopened) == before, "rolled back")
        #expect(try AnalysisUpgradeTests.stamp(reopened).identity == AnalysisUpgradeTests.oldIdentity)
        #expect(try Self.exactScore(reopened) == 100)
    }

    @Test("A stale memory whose write lock another process holds is searched as it is after a short wait, not the minute an import waits")
    func busyUpgradeFallsBackQuickly() throws {
        let path = try Self.fixtureMemory(stampedWith: AnalysisUpgradeTests.oldIdentity)
        let holder = try DatabaseQueue(path: path.path)
        // A commit of its own first, so the WAL holds commits as a running import's does (with an
        // empty WAL, GRDB's set-up on open writes and waits for the lock — a limit of its own).
        try holder.write { db in try AnalysisStamp.record(AnalysisUpgradeTests.oldIdentity, in: db) }
        // Another writer holds the lock (an import in another process) until this test is done.
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), released = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE; UPDATE analysis_stamp SET identity = identity")
                locked.signal()
                release.wait()
                try db.execute(sql: "ROLLBACK")
            }
            released.signal()
        }
        locked.wait()
        defer {
            release.signal()
            released.wait()
        }
        let started = Date()
        let reopened = try SQLiteMemory(path: path, busyTimeout: 30)
        let waited = Date().timeIntervalSince(started)
        #expect(reopened.notes == [.analysisOutdated(path: path.path, stored: AnalysisUpgradeTests.oldIdentity)])
        // Not a timing test of speed: it only tells "about the short wait" from "the 30 s timeout".
        #expect(waited < 20, "waited \(waited) s")
    }

    @Test("An open that re-analyses says so once, with what made the old rows and how long it took")
    func reanalysisIsReported() throws {
        let path = try Self.fixtureMemory(stampedWith: AnalysisUpgradeTests.oldIdentity)
        let reopened = try SQLiteMemory(path: path)
        guard case let .reanalysed(notePath, previous, seconds)? = reopened.notes.first, reopened.notes.count == 1 else {
            Issue.record("expected one reanalysed note, got \(reopened.notes)")
            return
        }
        #expect(notePath == path.path)
        #expect(previous == AnalysisUpgradeTests.oldIdentity)
        #expect(seconds >= 0)
        #expect(reopened.notes[0].description.contains("re-analysed once"))
        try reopened.close()
        // Current now: the next open says nothing.
        #expect(try SQLiteMemory(path: path).notes.isEmpty)
    }
}
