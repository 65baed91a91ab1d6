import VerbaleCore

/// A draft pre-translated into one or more languages, segment by segment.
public struct Pretranslation: Sendable, Codable {
    public var sourceLanguage: Language
    public var targetLanguages: [Language]
    /// The tags asked for with `--to`, one per target language in the same order (`fr-CA`
    /// for `fr`), when the command sets them: `targetLanguages` says what was written — the
    /// key of each segment's `targets` — and Verbale's French is not regional, so `fr-CA`
    /// is served by `fr` (review 1130g m12: the JSON said `fr` and nothing of `fr-CA`).
    public var requestedLanguages: [String]?
    public var segments: [PretranslatedSegment]
    /// The source text, to rebuild the document's layout between segments.
    public var source: String

    /// Share of segments (0–100) fully translated in `language`: no untranslated part and not
    /// a fuzzy memory match (whose translation may lack what the draft says: review 1130c M2,
    /// a 94 % match without "not" counted as done).
    public func coverage(_ language: Language) -> Int {
        guard !segments.isEmpty else { return 0 }
        let done = segments.filter { $0.targets[language.rawValue]?.isFullyTranslated ?? false }.count
        return done * 100 / segments.count
    }

    /// The header's account of `language`: "100% of segments fully translated", then the
    /// memory matches when there are some: "(1 exact, 1 fuzzy — check)".
    public func coverageSummary(_ language: Language) -> String {
        let targets = segments.compactMap { $0.targets[language.rawValue] }.filter { $0.method == "memory" }
        let fuzzy = targets.filter(\.isFuzzy).count
        let exact = targets.count - fuzzy
        var counts: [String] = []
        if exact > 0 { counts.append("\(exact) exact") }
        if fuzzy > 0 { counts.append("\(fuzzy) fuzzy — check") }
        return "\(coverage(language))% of segments fully translated" + (counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")")
    }

    /// The translated document in `language`: segments in order, the source's line breaks
    /// between them, untranslated parts marked ⟦…⟧, unreviewed segments marked.
    public func document(_ language: Language, marked: Bool = true) -> String {
        let scalars = Array(source.unicodeScalars)
        var result = ""
        var previousEnd = 0
        for segment in segments {
            let gap = String(String.UnicodeScalarView(scalars[min(previousEnd, segment.start)..<segment.start]))
            result += gap.contains("\n") ? String(repeating: "\n", count: min(gap.filter { $0 == "\n" }.count, 2)) : (previousEnd == 0 ? "" : " ")
            if let target = segment.targets[language.rawValue] {
                result += marked ? target.display : target.text
            }
            previousEnd = segment.end
        }
        return result
    }
}

/// One segment of the draft and its pre-translations.
public struct PretranslatedSegment: Sendable, Codable {
    public var index: Int
    public var source: String
    /// Offsets in Unicode scalars of the draft.
    public var start: Int
    public var end: Int
    /// By target language tag (`fr`, `km`).
    public var targets: [String: SegmentTranslation]
}

/// A segment's pre-translation in one language.
public struct SegmentTranslation: Sendable, Codable, Hashable {
    /// The translation; untranslated parts are the source text inside ⟦ ⟧.
    public var text: String
    /// 0–101: the memory match's score, or for a translation assembled from stock phrases the
    /// share of source words translated (capped at 99: never presented as exact).
    public var score: Int
    /// `memory` (a memory match), `phrases` (assembled from stock phrases, names, glossary
    /// entities and placeables), `none` (nothing known).
    public var method: String
    /// `exact`, `fuzzy`, `unreviewed`, `untranslated`, `formula`, `placeable`, `entity`, `name`.
    public var flags: [String]
    /// Ids of the stock phrases used.
    public var formulas: [String]
    /// Source parts left untranslated.
    public var untranslated: [String]
    /// For `memory`: the memory segment matched.
    public var matchedSource: String?
    /// For a fuzzy memory match: how the draft differs from the matched segment, as `search`
    /// writes it (`+not`: in the draft, not in the match, so not in its translation; `−still`:
    /// in the match only; `12→13 (placeable)`), then the values the translation still holds
    /// from the memory (`not carried: 7 March 2022`). Empty otherwise.
    public var differences: [String] = []

    public init(text: String, score: Int, method: String, flags: [String], formulas: [String], untranslated: [String],
                matchedSource: String?, differences: [String] = []) {
        self.text = text
        self.score = score
        self.method = method
        self.flags = flags
        self.formulas = formulas
        self.untranslated = untranslated
        self.matchedSource = matchedSource
        self.differences = differences
    }

    /// Whether the translation holds wordings no source attests (JSON `unreviewed`).
    public var isUnreviewed: Bool { flags.contains("unreviewed") }

    /// Whether the translation is a memory match below 100: the memory's translation of
    /// another sentence, which the drafter must check against the draft.
    public var isFuzzy: Bool { method == "memory" && score < 100 }

    /// Nothing left to do but review: no untranslated part and not a fuzzy match.
    public var isFullyTranslated: Bool { untranslated.isEmpty && !isFuzzy }

    /// The mark a fuzzy match carries in the note, beside `[unreviewed]`: `[fuzzy 94%: +not]`
    /// (`[fuzzy 94%]` when the match differs only in what the diff does not show); nil for
    /// anything else.
    public var fuzzyMark: String? {
        guard isFuzzy else { return nil }
        return "[fuzzy \(score)%" + (differences.isEmpty ? "" : ": " + differences.joined(separator: ", ")) + "]"
    }

    /// The text as shown: fuzzy matches and unreviewed translations say so.
    public var display: String {
        text + (fuzzyMark.map { " " + $0 } ?? "") + (isUnreviewed ? " [unreviewed]" : "")
    }

    enum CodingKeys: String, CodingKey {
        case text, score, method, flags, formulas, untranslated, matchedSource, differences, unreviewed, fuzzyMark
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try container.decode(String.self, forKey: .text), score: try container.decode(Int.self, forKey: .score),
                  method: try container.decode(String.self, forKey: .method), flags: try container.decode([String].self, forKey: .flags),
                  formulas: try container.decode([String].self, forKey: .formulas),
                  untranslated: try container.decode([String].self, forKey: .untranslated),
                  matchedSource: try container.decodeIfPresent(String.self, forKey: .matchedSource),
                  differences: try container.decodeIfPresent([String].self, forKey: .differences) ?? [])
    }

    /// The documented fields as before, plus beside them `unreviewed` (true|false on every
    /// target, review 1130c m2: a tool keeping unattested Khmer out of a note needs it),
    /// `differences` and `fuzzyMark` (the mark the text output shows, or null).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(score, forKey: .score)
        try container.encode(method, forKey: .method)
        try container.encode(flags, forKey: .flags)
        try container.encode(formulas, forKey: .formulas)
        try container.encode(untranslated, forKey: .untranslated)
        try container.encodeIfPresent(matchedSource, forKey: .matchedSource)
        try container.encode(differences, forKey: .differences)
        try container.encode(isUnreviewed, forKey: .unreviewed)
        try container.encode(fuzzyMark, forKey: .fuzzyMark)
    }
}
