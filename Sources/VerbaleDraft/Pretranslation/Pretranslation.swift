import VerbaleCore

/// A draft pre-translated into one or more languages, segment by segment.
public struct Pretranslation: Sendable, Codable {
    public var sourceLanguage: Language
    public var targetLanguages: [Language]
    public var segments: [PretranslatedSegment]
    /// The source text, to rebuild the document's layout between segments.
    public var source: String

    /// Share of segments (0–100) fully translated in `language` (no untranslated part).
    public func coverage(_ language: Language) -> Int {
        guard !segments.isEmpty else { return 0 }
        let done = segments.filter { $0.targets[language.rawValue]?.untranslated.isEmpty ?? false }.count
        return done * 100 / segments.count
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

    /// The text as shown: unreviewed translations say so.
    public var display: String { flags.contains("unreviewed") ? text + " [unreviewed]" : text }
}
