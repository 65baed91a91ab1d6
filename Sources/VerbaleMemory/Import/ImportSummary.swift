import Foundation
import VerbaleCore
import VerbaleFormats

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
        /// TMX `<tu>`s holding two texts of one language, split into one unit per combination.
        public var split: Int = 0
        /// Language tags in this file that are none of Verbale's languages (stored as they
        /// are; a memory may hold other languages), sorted; nil when there are none.
        public var unknownLanguages: [String]?
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
    /// TMX `<tu>`s holding two or more texts of one language (memoQ/Trados alternatives), each
    /// split into one unit per combination (`LanguageAlternatives`); the units they gave are
    /// in `read`, `added`, `alternatives`.
    public var split = 0
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
    /// Language tags read that are none of Verbale's languages (`Language`), over all files,
    /// sorted; empty when all were known. Their texts are stored, but matching, segmentation
    /// and the glossary treat them as text of an unknown language.
    public var unknownLanguages: [String] = []
    /// What the user should look at in the files though nothing was left out
    /// (`FormatWarning.Kind.asksForAttention`: a table ending inside a line — truncated? —, a TMX
    /// `<tuv>` whose `lang` and `xml:lang` disagree), each with its file, line and column; the
    /// first `Warning.limit` of each file, `warningsNotListed` counting the rest. Filled by
    /// `verbale import` from its readers (review 1130j m1, m3).
    public var warnings: [Warning] = []
    /// Warnings of those kinds beyond the ones `warnings` lists (exact); nil (absent from the
    /// JSON) when `warnings` lists them all.
    public var warningsNotListed: Int?

    /// A place in an input the user should look at.
    public struct Warning: Codable, Sendable, Equatable {
        /// At most this many warnings of one file are listed: a tool writing both `lang` and
        /// `xml:lang` wrong would otherwise list every `<tuv>` of a million-unit file.
        public static let limit = 100
        public var file: String
        public var line: Int
        public var column: Int
        /// The `FormatWarning.Kind` (`no line end at the end of the file`, …).
        public var kind: String
        /// `FILE:LINE:COLUMN: what and why`, as printed.
        public var message: String

        public init(_ warning: FormatWarning) {
            file = warning.file
            line = warning.line
            column = warning.column
            kind = warning.kind.rawValue
            message = "\(warning.file)\(warning.line > 0 ? ":\(warning.line)" : "")\(warning.line > 0 && warning.column > 0 ? ":\(warning.column)" : ""): \(warning.detail)"
        }
    }

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
        case read, added, merged, alternatives, split, skipped, personalData, files, dryRun, seconds, reanalysed, unknownLanguages
        case warnings, warningsNotListed
    }

    public init() {}

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        read = try container.decode(Int.self, forKey: .read)
        added = try container.decode(Int.self, forKey: .added)
        merged = try container.decode(Int.self, forKey: .merged)
        alternatives = try container.decode(Int.self, forKey: .alternatives)
        // Absent from summaries written before the field existed.
        split = try container.decodeIfPresent(Int.self, forKey: .split) ?? 0
        skipped = try container.decode([String: Int].self, forKey: .skipped)
        personalData = try container.decode([String: Int].self, forKey: .personalData)
        files = try container.decode([File].self, forKey: .files)
        dryRun = try container.decode(Bool.self, forKey: .dryRun)
        seconds = try container.decode(Double.self, forKey: .seconds)
        reanalysed = try container.decodeIfPresent(Reanalysis.self, forKey: .reanalysed)
        // Absent from summaries written before the field existed.
        unknownLanguages = try container.decodeIfPresent([String].self, forKey: .unknownLanguages) ?? []
        // Absent from summaries written before the fields existed.
        warnings = try container.decodeIfPresent([Warning].self, forKey: .warnings) ?? []
        warningsNotListed = try container.decodeIfPresent(Int.self, forKey: .warningsNotListed)
    }

    public var skippedTotal: Int { skipped.values.reduce(0, +) }

    /// Adds one file's warnings that ask for attention (`FormatWarning.Kind.asksForAttention`):
    /// `kept`, the reader's listed warnings, and `counts`, its exact counts by kind, so that
    /// those beyond `Warning.limit` (or beyond what the reader kept) are counted, not lost.
    public mutating func addWarnings(kept: [FormatWarning], counts: [FormatWarning.Kind: Int]) {
        let listed = Array(kept.lazy.filter(\.kind.asksForAttention).prefix(Warning.limit).map(Warning.init))
        warnings.append(contentsOf: listed)
        let total = counts.filter(\.key.asksForAttention).values.reduce(0, +)
        if total > listed.count { warningsNotListed = (warningsNotListed ?? 0) + total - listed.count }
    }
}

/// Why a unit was not stored.
public enum SkipReason: String, CaseIterable, Sendable {
    case emptySegment = "empty segment"
    case singleLanguage = "only one language"
    case tooManyVariants = "more than 256 variants"
    /// A text holds `draft translate`'s ⟦…⟧ around words it left untranslated
    /// (`UntranslatedMark`): a draft with a gap, not a translation, in whatever format it came
    /// (review 1130f m5). The whole unit is left out: its other texts are the draft's source.
    case untranslatedMark = "untranslated ⟦…⟧ text"
    /// A text holds `draft new`'s `[untranslated: …]` around a name part it kept in English
    /// (`UntranslatedMark.marksBracketGap`): a note with a gap, not a translation, left out
    /// whole as ⟦…⟧ is (review 1130g: `à [untranslated: Zorbian Rhetoric Society]` was stored
    /// as French and offered by `search`).
    case untranslatedBracket = "[untranslated: …] text"

    var key: String { rawValue }

    /// Why `import` would not store `unit`, or nil when it would: the import's own rule
    /// (`SQLiteMemory.prepare`), for `verbale validate` to report what the import will skip
    /// without opening a memory. Cost: as the import's, a scan of each text.
    public static func reason(for unit: TranslationUnit, languageMap: [LanguageTag: LanguageTag] = [:]) -> SkipReason? {
        var unit = unit
        return SQLiteMemory.prepare(&unit, options: ImportOptions(languageMap: languageMap))
    }
}
