import VerbaleCore

/// A TMX `<tu>` holding two or more texts of one language — memoQ's and Trados's way of keeping
/// alternatives (`xml:lang="en"` and `"EN"`, or two `fr` translations) — split into units of
/// one text per language, one per combination.
///
/// Why split rather than keep: a unit of Verbale pairs one text per language, and everything
/// that reads it (search, scores, diffs, carried numbers, XLIFF/TSV export) takes the first
/// text of a language; kept whole, `search "Thank you."` scored the unit 100 % while showing
/// its other English text, and `Oui.` beside `Si.` was never offered (review 30 Nov, m12).
/// Split, each English text is matched and shown on its own, and two French texts of one
/// English one are two units sharing a source, which search already offers as alternatives —
/// what a drafting officer expects. Every unit keeps the `<tu>`'s id and metadata. Cost: only
/// for such a `<tu>`; units = the product of the texts per language, refused over `limit`.
public enum LanguageAlternatives {
    /// The most combinations one `<tu>` may give (8 × 8, or 4 × 4 × 4): far above what CAT
    /// tools write, low enough that no file multiplies into millions of units.
    public static let limit = 64

    /// One unit per combination of one text per language, languages in their first order.
    /// `language` gives the language a text counts as: the import's `--lang-map` (en-US and
    /// en-GB both mapped to en are two texts of one language), the tag itself by default.
    public static func split(_ unit: TranslationUnit, language: (LanguageTag) -> LanguageTag = { $0 }) -> [TranslationUnit] {
        var groups: [[Variant]] = []
        for variant in unit.variants {
            if let index = groups.firstIndex(where: { language($0[0].language) == language(variant.language) }) {
                groups[index].append(variant)
            } else {
                groups.append([variant])
            }
        }
        var combinations: [[Variant]] = [[]]
        for group in groups {
            combinations = combinations.flatMap { chosen in group.map { chosen + [$0] } }
            if combinations.count > limit { break }
        }
        return combinations.map { variants in
            var alternative = unit
            alternative.variants = variants
            return alternative
        }
    }

    /// "2 en texts and 2 fr texts": the repeated languages, for the warning.
    static func describe(_ unit: TranslationUnit) -> String {
        var counts: [(LanguageTag, Int)] = []
        for variant in unit.variants {
            if let index = counts.firstIndex(where: { $0.0 == variant.language }) { counts[index].1 += 1 } else { counts.append((variant.language, 1)) }
        }
        return counts.filter { $0.1 > 1 }.map { "\($0.1) \($0.0) texts" }.joined(separator: " and ")
    }
}
