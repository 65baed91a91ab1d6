/// Builds the matching keys of text: the same for every part of Verbale, so an index built at
/// import time agrees with a query typed later.
///
/// - `key`: NFKC + full case folding, typographic apostrophes (’ ʼ ‘) as `'`, U+200B removed.
/// - `looseKey`: `key` without Latin combining diacritics (U+0300–U+036F), so `Thaïlande`
///   and `Thailande` meet. Khmer vowel signs and coeng are combining marks too, but they are
///   letters of the word, so only the Latin diacritic block is removed.
///
/// Cost: O(n) with two ICU passes; callers that key many tokens should key the whole text once.
public enum Normalizer {
    /// The case- and compatibility-folded key of `text`.
    public static func key(_ text: String) -> String {
        var folded = ICU.normalize(text, .nfkcCasefold)
        if folded.unicodeScalars.contains(where: { apostrophes.contains($0) || $0 == "\u{200B}" }) {
            var scalars = String.UnicodeScalarView()
            for scalar in folded.unicodeScalars where scalar != "\u{200B}" {
                scalars.append(apostrophes.contains(scalar) ? "'" : scalar)
            }
            folded = String(scalars)
        }
        return folded
    }

    /// `key(text)` without Latin diacritics.
    public static func looseKey(_ text: String) -> String {
        stripLatinDiacritics(key(text))
    }

    /// Removes combining marks of the Latin diacritic block from an already-keyed text.
    public static func stripLatinDiacritics(_ keyed: String) -> String {
        guard keyed.unicodeScalars.contains(where: { $0.value > 0x7F }) else { return keyed }
        let decomposed = ICU.normalize(keyed, .nfd)
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            scalars.append(scalar)
        }
        return ICU.normalize(String(scalars), .nfc)
    }

    /// Apostrophe-like characters that users type interchangeably.
    static let apostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}", "\u{00B4}", "\u{0060}"]
}
