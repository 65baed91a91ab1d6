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

    public init(languageMap: [LanguageTag: LanguageTag] = [:], dryRun: Bool = false, scrubPersonalData: Bool = true,
                collectPersonalDataReport: Bool = false, indexBatchSize: Int = 1024) {
        self.languageMap = languageMap
        self.dryRun = dryRun
        self.scrubPersonalData = scrubPersonalData
        self.collectPersonalDataReport = collectPersonalDataReport
        self.indexBatchSize = indexBatchSize
    }
}
