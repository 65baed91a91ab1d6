import Foundation
import VerbaleCore
import VerbaleFormats

/// Writes a pre-translation as plain text, Markdown or XLIFF 2.0.
///
/// Every format shows what is not translated (⟦…⟧, highlighted in .docx, `state="initial"` in
/// XLIFF), which translations are unreviewed and which are fuzzy memory matches with what they
/// lack (`[fuzzy 94%: +not]`, an XLIFF note). Cost: O(size of the draft).
public enum PretranslationRendering {
    /// For each target: the translated document, then one line per segment with its score,
    /// method and flags.
    public static func text(_ result: Pretranslation) -> String {
        perTarget(result) { language in
            heading(result, language) + "\n\n" + result.document(language) + "\n\n" + tableHeading + "\n"
        } row: { segment, target in
            row(segment, target)
        }
    }

    /// The text report without the documents: per target, its heading line and the segment
    /// table. `draft translate --output F` writes the note to F and this to standard error
    /// (review 1201b m8: F held the report, so it was not a note the officer could send).
    public static func textReport(_ result: Pretranslation) -> String {
        perTarget(result) { language in
            heading(result, language) + "\n" + tableHeading + "\n"
        } row: { segment, target in
            row(segment, target)
        }
    }

    /// The translated note in `language` alone, ending with a line break: what a text
    /// `--output` file holds, ready to edit and send.
    public static func note(_ result: Pretranslation, in language: Language) -> String {
        let document = result.document(language)
        return document.hasSuffix("\n") ? document : document + "\n"
    }

    /// The heading line of a target in the text report, and the segment table's heading; both
    /// are also what `check` recognises as report lines left in a note (`DraftMarks`).
    static func heading(_ result: Pretranslation, _ language: Language) -> String {
        "=== \(language.rawValue) (\(language.englishName)) — \(result.coverageSummary(language)) ==="
    }

    static let tableHeading = "--- segments (score, method, flags) ---"

    static func row(_ segment: PretranslatedSegment, _ target: SegmentTranslation) -> String {
        "[\(segment.index)] \(target.score)% \(target.method) \(target.flags.joined(separator: ","))\n"
    }

    /// A table per target language: segment, source, translation, score, flags.
    public static func markdown(_ result: Pretranslation) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        return "# Pre-translation (\(result.sourceLanguage.englishName))\n\n"
            + "Parts in ⟦…⟧ are not translated; translations marked [unreviewed] use wordings no source attests; "
            + "[fuzzy 94%: +not] marks a memory match of another sentence: +word is in the draft but not in the match (nor its translation), −word in the match only.\n\n"
            + perTarget(result) { language in
                "## \(language.englishName) (\(language.rawValue)): \(result.coverageSummary(language))\n\n"
                    + "| # | source | \(language.rawValue) | score | method | flags |\n|---|---|---|---|---|---|\n"
            } row: { segment, target in
                "| \(segment.index) | \(cell(segment.source)) | \(cell(target.display)) | \(target.score) | \(target.method) | \(target.flags.joined(separator: ", ")) |\n"
            }
    }

    /// For each target language: a heading, then a row per segment that has a translation in
    /// it, then a blank line.
    private static func perTarget(_ result: Pretranslation, heading: (Language) -> String,
                                  row: (PretranslatedSegment, SegmentTranslation) -> String) -> String {
        var out = ""
        for language in result.targetLanguages where language != result.sourceLanguage {
            out += heading(language)
            for segment in result.segments {
                guard let target = segment.targets[language.rawValue] else { continue }
                out += row(segment, target)
            }
            out += "\n"
        }
        return out
    }

    /// XLIFF 2.0 for one target language (XLIFF is bilingual), written with VerbaleFormats'
    /// writer: one unit per segment; assembled or fuzzy targets are `state="initial"` so a CAT
    /// tool shows them as drafts — and a target that is not fully translated (⟦…⟧ parts, a fuzzy
    /// match) `subState="verbale:needs-translation"`, which `verbale import` leaves out, where a
    /// complete unreviewed one says `verbale:unreviewed` and is imported unreviewed; score,
    /// method and flags travel as metadata.
    ///
    /// `targetTag` is the tag the user asked for (`km-KH`), written as `trgLang` so a CAT tool
    /// opens the file in that locale; `original` names the draft (its file name) in
    /// `<file original=…>`, which CAT tools show as the document's name.
    public static func xliff(_ result: Pretranslation, target language: Language, targetTag: LanguageTag? = nil,
                             original: String? = nil) throws(DraftError) -> Data {
        let sink = ByteSink(name: "<xliff>")
        let source = LanguageTag(result.sourceLanguage)
        let target = targetTag.flatMap { $0.language == language ? $0 : nil } ?? LanguageTag(language)
        do {
            var writer = try XLIFFWriter(sink: sink, header: MemoryHeader(original: original ?? "draft"), languages: [source, target], version: .v2_0)
            for segment in result.segments {
                var variants = [Variant(language: source, text: segment.source)]
                var metadata = UnitMetadata(origin: "draft segment \(segment.index)")
                var isTranslation = true
                if let translation = segment.targets[language.rawValue], translation.method != "none" {
                    variants.append(Variant(language: target, text: translation.text, properties: [
                        Property(type: "x-score", value: String(translation.score)),
                        Property(type: "x-method", value: translation.method),
                        Property(type: "x-flags", value: translation.flags.joined(separator: " ")),
                    ]))
                    metadata.review = translation.method == "memory" && translation.flags.contains("exact") && !translation.flags.contains("unreviewed")
                        ? .translated : .unreviewed
                    if let mark = translation.fuzzyMark {
                        // A fuzzy match stays `initial` (unreviewed above), never final: the note
                        // says what it lacks so the CAT tool's reviewer sees it (review 1130c M2).
                        metadata.notes.append("Fuzzy memory match \(mark): the translation is of another sentence; "
                                              + "+ is in the draft only, − in the match only — check")
                    }
                    if !translation.untranslated.isEmpty {
                        metadata.notes.append("Untranslated (marked ⟦…⟧): " + translation.untranslated.joined(separator: " | "))
                    }
                    // Parts left in ⟦…⟧ or a fuzzy match: not a translation yet, and said so in the
                    // state, so an import never stores it as one (review 1130f m5).
                    isTranslation = translation.isFullyTranslated
                } else {
                    metadata.review = .unreviewed
                }
                try writer.write(TranslationUnit(id: "s\(segment.index)", variants: variants, metadata: metadata),
                                 targetIsTranslation: isTranslation)
            }
            try writer.finish()
        } catch {
            throw .unsupportedFormat("xliff: \(error.description)")
        }
        return sink.data
    }
}
