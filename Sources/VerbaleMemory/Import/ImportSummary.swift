import Foundation

/// What an import did, per command and per file. `--json` prints it as is (field names are
/// part of the CLI contract).
public struct ImportSummary: Codable, Sendable, Equatable {
    public struct File: Codable, Sendable, Equatable {
        public var name: String
        public var read: Int = 0
        public var added: Int = 0
        public var merged: Int = 0
        public var alternatives: Int = 0
        public var skipped: Int = 0
        public init(name: String) { self.name = name }
    }

    /// Units read from the inputs.
    public var read = 0
    /// New units stored.
    public var added = 0
    /// Units identical (same texts in all languages) to a stored one: metadata merged.
    public var merged = 0
    /// New units sharing their source text with another but translated differently (also
    /// counted in `added`).
    public var alternatives = 0
    /// Units not stored, by reason.
    public var skipped: [String: Int] = [:]
    /// Personal data replaced by placeholders, by type (`PERSON`, `EMAIL`…).
    public var personalData: [String: Int] = [:]
    public var files: [File] = []
    /// True when nothing was kept (`--dry-run`).
    public var dryRun = false
    public var seconds: Double = 0
    /// Where personal data was replaced, with the originals — only when
    /// `ImportOptions.collectPersonalDataReport`; never encoded with the summary (it goes to
    /// the `--report` file alone).
    public var findings: [PersonalDataFinding] = []
    /// Set when opening the memory for this import re-analysed its stored words first
    /// (`AnalysisUpgrade`, after a Verbale upgrade): the time it took is not in `seconds`, so a
    /// tool timing imports can tell a slow import from a one-off upgrade. Absent otherwise.
    public var reanalysed: Reanalysis?

    /// A re-analysis done when the memory was opened.
    public struct Reanalysis: Codable, Sendable, Equatable {
        /// The analysis that had made the rows (empty: unknown, a memory from before it was recorded).
        public var previous: String
        public var seconds: Double
        public init(previous: String, seconds: Double) {
            self.previous = previous
            self.seconds = seconds
        }
    }

    enum CodingKeys: String, CodingKey {
        case read, added, merged, alternatives, skipped, personalData, files, dryRun, seconds, reanalysed
    }

    public init() {}

    public var skippedTotal: Int { skipped.values.reduce(0, +) }
}

/// Why a unit was not stored.
public enum SkipReason: String, CaseIterable, Sendable {
    case emptySegment = "empty segment"
    case singleLanguage = "only one language"
    case tooManyVariants = "more than 256 variants"

    var key: String { rawValue }
}
