import Foundation
import VerbaleCore
import VerbaleFormats

/// Writes a pre-translation as plain text, Markdown or XLIFF 2.0.
///
/// Every format shows what is not translated (⟦…⟧, highlighted in .docx, `state="initial"` in
/// XLIFF) and which translations are unreviewed. Cost: O(size of the draft).
public enum PretranslationRendering {
    /// For each target: the translated document, then one line per segment with its score,
    /// method and flags.
    public static func text(_ result: Pretranslation) -> String {
        var out = ""
        for language in result.targetLanguages where language != result.sourceLanguage {
            out += "=== \(language.rawValue) (\(language.englishName)) — \(result.coverage(language))% of segments fully translated ===\n\n"
            out += result.document(language) + "\n\n"
            out += "--- segments (score, method, flags) ---\n"
            for segment in result.segments {
                guard let target = segment.targets[language.rawValue] else { continue }
                out += "[\(segment.index)] \(target.score)% \(target.method) \(target.flags.joined(separator: ","))\n"
            }
            out += "\n"
        }
        return out
    }

    /// A table per target language: segment, source, translation, score, flags.
    public static func markdown(_ result: Pretranslation) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var out = "# Pre-translation (\(result.sourceLanguage.englishName))\n\n"
        out += "Parts in ⟦…⟧ are not translated; translations marked [unreviewed] use wordings no source attests.\n\n"
        for language in result.targetLanguages where language != result.sourceLanguage {
            out += "## \(language.englishName) (\(language.rawValue)): \(result.coverage(language))% of segments fully translated\n\n"
            out += "| # | source | \(language.rawValue) | score | method | flags |\n|---|---|---|---|---|---|\n"
            for segment in result.segments {
                guard let target = segment.targets[language.rawValue] else { continue }
                out += "| \(segment.index) | \(cell(segment.source)) | \(cell(target.display)) | \(target.score) | \(target.method) | \(target.flags.joined(separator: ", ")) |\n"
            }
            out += "\n"
        }
        return out
    }

    /// XLIFF 2.0 for one target language (XLIFF is bilingual), written with VerbaleFormats'
    /// writer: one unit per segment; assembled or fuzzy targets are `state="initial"` so a CAT
    /// tool shows them as drafts; score, method and flags travel as metadata.
    public static func xliff(_ result: Pretranslation, target language: Language) throws(DraftError) -> Data {
        let sink = ByteSink(name: "<xliff>")
        let source = LanguageTag(result.sourceLanguage), target = LanguageTag(language)
        do {
            var writer = try XLIFFWriter(sink: sink, header: MemoryHeader(), languages: [source, target], version: .v2_0)
            for segment in result.segments {
                var variants = [Variant(language: source, text: segment.source)]
                var metadata = UnitMetadata(origin: "draft segment \(segment.index)")
                if let translation = segment.targets[language.rawValue], translation.method != "none" {
                    variants.append(Variant(language: target, text: translation.text, properties: [
                        Property(type: "x-score", value: String(translation.score)),
                        Property(type: "x-method", value: translation.method),
                        Property(type: "x-flags", value: translation.flags.joined(separator: " ")),
                    ]))
                    metadata.review = translation.method == "memory" && translation.flags.contains("exact") && !translation.flags.contains("unreviewed")
                        ? .translated : .unreviewed
                    if !translation.untranslated.isEmpty {
                        metadata.notes.append("Untranslated (marked ⟦…⟧): " + translation.untranslated.joined(separator: " | "))
                    }
                } else {
                    metadata.review = .unreviewed
                }
                try writer.write(TranslationUnit(id: "s\(segment.index)", variants: variants, metadata: metadata))
            }
            try writer.finish()
        } catch {
            throw .unsupportedFormat("xliff: \(error.description)")
        }
        return sink.data
    }
}
