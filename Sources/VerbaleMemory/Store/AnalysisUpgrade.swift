import Foundation
import GRDB
import VerbaleCore

/// An index whose stored rows depend on the tokenizer's output, so they must be made again
/// from the variants' texts when `Tokenizer.analysisIdentity` changes (`AnalysisUpgrade`).
public protocol ReanalysedIndex: MemoryIndex {
    /// Rewrites this index's rows from the stored variants with this process's tokenizer,
    /// inside the caller's transaction. Calls `report(done, total)` now and then, in variants,
    /// and once with `done == total` when finished; an error it throws stops the work (the
    /// caller's transaction then rolls back).
    func reanalyse(_ db: Database, report: (_ done: Int, _ total: Int) throws -> Void) throws
}

/// Called during a re-analysis with the index being rewritten and its progress in variants.
/// Throwing from it cancels the upgrade: nothing is kept, the memory stays as it was.
public typealias AnalysisUpgradeProgress = (_ index: String, _ done: Int, _ total: Int) throws -> Void

/// Brings a memory's tokenizer-derived rows up to this process's analysis when its
/// `AnalysisStamp` names another one (an older or newer Verbale, another Khmer model, or a
/// memory from before the stamp).
///
/// All in ONE write transaction: every `ReanalysedIndex`'s rows, then the stamp. A failure, a
/// cancelled progress callback or a kill rolls everything back, so the memory keeps its old
/// rows and old stamp and is upgraded on its next writable open. The fuzzy-match index bumps
/// `match_stamp.changes`, so the `.match` file beside the memory no longer matches and is
/// rebuilt from the new rows on the next search.
///
/// Cost: when current, one single-row read (the check runs on every writable open), plus, once
/// per process, reading and hashing the Khmer model file (≈ 0.7 MB) for `analysisIdentity`. When
/// stale, about one tokenization and one row rewrite per stored variant (the fuzzy-match
/// rows), plus — only when the memory holds Khmer — the concordance index rebuilt (one word
/// split and one FTS5 insert per variant), under the write lock: an import by another process
/// waits meanwhile. Measured for a 100k-unit memory in the README's memory section.
enum AnalysisUpgrade {
    /// What happened.
    enum Outcome: Equatable, Sendable {
        /// The rows were made by this analysis already: nothing was written.
        case current
        /// The rows were re-analysed; `previous` is the identity they had (empty: unknown).
        case reanalysed(previous: String)
        /// The rows were made by a newer analysis (`stored`): left as they are.
        case newer(stored: String)
    }

    /// Whether rows stamped `stored` are older than this process's analysis `identity` (to be
    /// re-analysed), the same, or newer (to be left alone).
    ///
    /// Why an order: on a memory shared by a ministry, releases roll out gradually, and an older
    /// Verbale that rewrote a newer one's rows would start a ping-pong — every open by either
    /// rewriting the whole memory under the write lock, and the older one's tokens winning half
    /// the time. Versions (`Tokenizer.analysisVersion`, the part before "; ") are dated
    /// `tokens-YYYY-MM-DD[letter]`, so they order as strings. At the same version, the newer ICU
    /// wins (compared number by number; a stamp from before ICU was recorded counts as older),
    /// for the same reason: two machines of one ministry with different ICU releases must not
    /// take turns. At the same version and ICU, only the Khmer model can differ: a process
    /// without the model file ("khmer-model none") never rewrites rows made with one; otherwise
    /// the process's own model wins, as it always did.
    static func compare(stored: String, with identity: String) -> Comparison {
        guard stored != identity else { return .same }
        guard !stored.isEmpty else { return .older }
        let storedVersion = tokenVersion(in: stored), version = tokenVersion(in: identity)
        if storedVersion != version { return storedVersion < version ? .older : .newer }
        let storedICU = icuVersion(in: stored), icu = icuVersion(in: identity)
        if storedICU != icu { return storedICU.lexicographicallyPrecedes(icu) ? .older : .newer }
        return identity.hasSuffix(Self.modelMissing) && !stored.hasSuffix(Self.modelMissing) ? .newer : .older
    }

    /// Why `stored` counts as newer than `current`, and what to do about it, for messages: a
    /// newer Verbale, or — same Verbale — a newer ICU on the machine that analysed the rows
    /// (Verbale links the system's ICU, so upgrading Verbale would not help there).
    static func newerExplanation(stored: String, current: String) -> String {
        let storedVersion = tokenVersion(in: stored), version = tokenVersion(in: current)
        let storedICU = icuVersion(in: stored), icu = icuVersion(in: current)
        if storedVersion == version, storedICU != icu, !storedICU.isEmpty {
            let name = { (parts: [Int]) in parts.map(String.init).joined(separator: ".") }
            return "analysed with ICU \(name(storedICU)), newer than this machine's ICU \(icu.isEmpty ? "(unknown)" : name(icu)) (same Verbale analysis, \(version)); import from a machine with ICU \(name(storedICU)) or later, or upgrade this system's ICU (libicu)"
        }
        return "analysed by a newer Verbale (\(stored)) than this one (\(current)); import with the newer Verbale"
    }

    /// The tokenizer version an identity starts with (`tokens-2026-11-29d`), the part before "; ".
    static func tokenVersion(in identity: String) -> String {
        identity.split(separator: ";", maxSplits: 1).first.map(String.init) ?? identity
    }

    /// The ICU version an identity records (`icu 72.1` → [72, 1]); empty when it records none.
    static func icuVersion(in identity: String) -> [Int] {
        for part in identity.split(separator: ";") {
            let field = part.trimmingCharacters(in: .whitespaces)
            guard field.hasPrefix("icu ") else { continue }
            return field.dropFirst(4).split(separator: ".").map { Int($0) ?? 0 }
        }
        return []
    }

    enum Comparison: Equatable { case older, same, newer }

    /// How `Tokenizer.analysisIdentity` ends when the Khmer model file is missing.
    static let modelMissing = "khmer-model none"

    /// Re-analyses `indexes` in `writer`'s memory when its stamp is not this process's
    /// identity. The stamp is read first without the write lock (the usual, current case takes
    /// no lock), then again inside the transaction, since another process may have upgraded the
    /// memory meanwhile.
    ///
    /// The write lock is waited for `lockWait` seconds at most, not the memory's busy timeout:
    /// the upgrade is optional for the command that opens the memory (a search falls back to
    /// the rows as they are on SQLITE_BUSY), and a search must not wait a minute behind another
    /// process's import. The connection's own timeout is restored afterwards.
    static func runIfStale(_ writer: any DatabaseWriter, indexes: [any MemoryIndex],
                           identity: String = Tokenizer.analysisIdentity,
                           lockWait: TimeInterval = 1, restoring busyTimeout: TimeInterval = 60,
                           progress: AnalysisUpgradeProgress?) throws -> Outcome {
        let stored = try writer.read { db in try AnalysisStamp.identity(db) }
        guard stored != identity else { return .current }
        if let stored, compare(stored: stored, with: identity) == .newer { return .newer(stored: stored) }
        return try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = \(Int(lockWait * 1000))")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(busyTimeout * 1000))") }
            var outcome = Outcome.current
            try db.inTransaction(.immediate) {
                try UnitWriter.enlargeCache(db)
                defer { try? UnitWriter.restoreCache(db) }
                outcome = try reanalyseIfStale(db, indexes: indexes, identity: identity, progress: progress)
                return .commit
            }
            return outcome
        }
    }

    /// The re-analysis itself, inside the caller's write transaction (the import calls it
    /// first, so rows it adds never join rows of another analysis, even when another Verbale
    /// re-stamped the memory since it was opened). O(1) when current.
    static func reanalyseIfStale(_ db: Database, indexes: [any MemoryIndex],
                                 identity: String = Tokenizer.analysisIdentity,
                                 progress: AnalysisUpgradeProgress? = nil) throws -> Outcome {
        let previous = try AnalysisStamp.identity(db) ?? AnalysisStamp.unknown
        switch compare(stored: previous, with: identity) {
        case .same: return .current
        case .newer: return .newer(stored: previous)
        case .older: break
        }
        try reanalyse(db, indexes: indexes, identity: identity, progress: progress)
        return .reanalysed(previous: previous)
    }

    /// Rewrites every `ReanalysedIndex`'s rows and records `identity`, whatever the stamp said.
    static func reanalyse(_ db: Database, indexes: [any MemoryIndex], identity: String = Tokenizer.analysisIdentity,
                          progress: AnalysisUpgradeProgress?) throws {
        for index in indexes {
            guard let index = index as? any ReanalysedIndex else { continue }
            try index.reanalyse(db) { done, total in try progress?(index.name, done, total) }
        }
        try AnalysisStamp.record(identity, in: db)
    }
}

extension SQLiteMemory {
    /// Re-analyses every stored row now, whether or not the stamp says it is needed (the
    /// benchmark times this; an operator can run it on a memory whose rows they doubt). One
    /// transaction, as the upgrade on open: all or nothing. Cost: about one tokenization per
    /// stored variant (see `AnalysisUpgrade`).
    public func reanalyseStoredText(progress: AnalysisUpgradeProgress? = nil) throws {
        try writeTransaction { db in
            try UnitWriter.enlargeCache(db)
            defer { try? UnitWriter.restoreCache(db) }
            try AnalysisUpgrade.reanalyse(db, indexes: indexes, progress: progress)
        }
    }
}
