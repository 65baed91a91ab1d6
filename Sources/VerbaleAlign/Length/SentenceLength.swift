/// The length of a sentence as the length model counts it: extended grapheme clusters, without
/// white space or U+200B.
///
/// Why graphemes: a Khmer syllable is one consonant with vowel signs and subscripts, several
/// Unicode scalars but one cluster, so graphemes keep Khmer lengths comparable with Latin
/// letters; the remaining difference (Khmer writes fewer clusters than English letters) is the
/// ratio `LengthModel.ratio`, estimated from each document pair. White space is left out because
/// Khmer separates words with U+200B or nothing, English and French with spaces. O(n).
public enum SentenceLength {
    public static func of(_ text: String) -> Int {
        var count = 0
        for character in text where !(character.isWhitespace || character == "\u{200B}" || character == "\u{FEFF}") {
            count += 1
        }
        return count
    }
}
