import VerbaleCore

/// A target that is the source copied over (a CAT tool's "copy source to target", or a
/// pre-filled target left untouched), not a translation.
///
/// Why: stored, it would be offered as the translation (English text as "Khmer"). A segment's
/// target counts as a copy when its text equals the source's, the languages differ, and either
/// the segment was never confirmed (`initial`/`new`, an MT or fuzzy qualifier: `unreviewed`), or
/// the target is Khmer yet holds no Khmer letter and at least two Latin words — Khmer writing
/// always uses its own script, while codes and names kept as they are (`COVID-19`, `ASEAN`,
/// `២០២១`) stay. The reader leaves such a segment out with a `copiedTarget` warning (counted in
/// the import summary's skipped reasons). Cost: one comparison per segment; the script scan
/// runs only on an identical Khmer target.
enum CopiedTarget {
    static func isCopy(source: String, target: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
                       review: ReviewStatus) -> Bool {
        guard target == source, sourceLanguage.primary.lowercased() != targetLanguage.primary.lowercased(),
              !target.isEmpty else { return false }
        if review == .unreviewed { return true }
        return targetLanguage.language == .khmer && looksLatinOnly(target)
    }

    /// No Khmer letter, and at least two words of two or more Latin letters.
    static func looksLatinOnly(_ text: String) -> Bool {
        var words = 0
        var run = 0
        for scalar in text.unicodeScalars {
            if (0x1780...0x17FF).contains(scalar.value) || (0x19E0...0x19FF).contains(scalar.value) { return false }
            let isLatinLetter = scalar.properties.isAlphabetic && (scalar.value < 0x250 || (0x1E00...0x1EFF).contains(scalar.value))
            if isLatinLetter {
                run += 1
            } else {
                if run >= 2 { words += 1 }
                run = 0
            }
        }
        if run >= 2 { words += 1 }
        return words >= 2
    }
}
