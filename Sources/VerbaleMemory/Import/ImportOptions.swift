import Foundation
import VerbaleCore

/// How an import treats its input.
public struct ImportOptions: Sendable {
    /// Rewrites language tags before storing (`en-US` → `en`), matched case-insensitively on
    /// the canonical tag.
    public var languageMap: [LanguageTag: LanguageTag]
    /// Runs everything (merging, counting, privacy) then rolls back: the memory is unchanged.
    public var dryRun: Bool
    /// Replace personal data with typed placeholders before storing (on by default).
    public var scrubPersonalData: Bool
    /// Keep where each replacement was made, with the original text (for `--report`).
    public var collectPersonalDataReport: Bool
    /// Units handed to an analysis thread at once (capped at 256, so a few chunks in flight
    /// keep memory small).
    public var indexBatchSize: Int
    /// Threads that prepare units (personal data, index tokens) ahead of the one thread that
    /// writes to SQLite. Default: one per core. 0 does everything on the writer's thread — the
    /// least CPU in total (no hand-over between threads), the most wall-clock time on an idle
    /// machine with several cores.
    public var analysisThreads: Int = max(ProcessInfo.processInfo.activeProcessorCount, 1)
    /// Variants and index rows written several to a statement (`PendingRows`); false writes
    /// each row with its own statement as soon as its unit is stored — the reference that
    /// tests compare the stored rows with.
    var writesRowsTogether = true

    public init(languageMap: [LanguageTag: LanguageTag] = [:], dryRun: Bool = false, scrubPersonalData: Bool = true,
                collectPersonalDataReport: Bool = false, indexBatchSize: Int = 1024) {
        self.languageMap = languageMap
        self.dryRun = dryRun
        self.scrubPersonalData = scrubPersonalData
        self.collectPersonalDataReport = collectPersonalDataReport
        self.indexBatchSize = indexBatchSize
    }
}
