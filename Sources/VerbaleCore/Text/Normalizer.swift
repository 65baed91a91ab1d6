/// Builds the matching keys of text: the same for every part of Verbale, so an index built at
/// import time agrees with a query typed later.
///
/// - `key`: typographic apostrophes (’ ʼ ‘) as `'`, then NFKC + full case folding (U+200B
///   removed), Khmer digits as ASCII digits (`២០២១` → `2021`).
/// - `looseKey`: `key` without Latin combining diacritics (U+0300–U+036F), so `Thaïlande`
///   and `Thailande` meet. Khmer vowel signs and coeng are combining marks too, but they are
///   letters of the word, so only the Latin diacritic block is removed.
///
/// Cost: O(n), one ICU call (none for ASCII); callers that key many tokens should tokenize the
/// whole text once (`Tokenizer` keys all its tokens in one call).
public enum Normalizer {
    /// The case- and compatibility-folded key of `text`: exactly the key `Tokenizer` gives a
    /// token with this text (same ICU call), so glossary terms and memory tokens compare.
    public static func key(_ text: String) -> String {
        keys(text).key
    }

    /// `key` and `looseKey` of `text` in one ICU call.
    public static func keys(_ text: String) -> (key: String, looseKey: String) {
        if text.isEmpty { return ("", "") }
        let utf16 = Array(text.utf16)
        return utf16.withUnsafeBufferPointer { units in
            let keys = TokenKeys.keys([TokenKeys.Request(range: 0..<units.count, isNumber: false)], units)
            return (keys[0].0, keys[0].1)
        }
    }

    /// `key(text)` without Latin diacritics.
    public static func looseKey(_ text: String) -> String {
        keys(text).looseKey
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
