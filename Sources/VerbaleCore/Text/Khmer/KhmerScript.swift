/// The character classes of the Khmer script that word segmentation needs, on UTF-16 code
/// units (the whole Khmer block, U+1780–U+17FF, is in the BMP, so one unit is one scalar).
///
/// Why: a Khmer orthographic syllable is a consonant, optional subscripts (coeng U+17D2 +
/// consonant), a dependent vowel and signs; a word boundary may never fall inside one, and a
/// bare consonant right after an open syllable is that syllable's final consonant.
enum KhmerScript {
    static func isConsonant(_ u: UInt16) -> Bool { (0x1780...0x17A2).contains(u) }
    static func isIndependentVowel(_ u: UInt16) -> Bool { (0x17A3...0x17B3).contains(u) }
    static func isDependentVowel(_ u: UInt16) -> Bool { (0x17B6...0x17C5).contains(u) }
    /// Nikahit, reahmuk, bantoc, robat, toandakhiat and the other signs that sit on a syllable.
    static func isSign(_ u: UInt16) -> Bool { (0x17C6...0x17D1).contains(u) || u == 0x17D3 || u == 0x17DD }
    static let coeng: UInt16 = 0x17D2
    /// A unit that continues the syllable before it: dependent vowel, sign, coeng, the
    /// deprecated inherent vowels U+17B4/U+17B5, or ZWNJ/ZWJ.
    static func isMark(_ u: UInt16) -> Bool {
        isDependentVowel(u) || isSign(u) || u == coeng || u == 0x17B4 || u == 0x17B5 || u == 0x200C || u == 0x200D
    }
    /// Letters of a Khmer word (consonants, vowels, marks), not digits or punctuation.
    static func isLetter(_ u: UInt16) -> Bool { (0x1780...0x17D3).contains(u) || u == 0x17DD }
    /// ០–៩.
    static func isDigit(_ u: UInt16) -> Bool { (0x17E0...0x17E9).contains(u) }
    /// Khmer punctuation that is always a token of its own: ។ ៕ ៖ ៗ ៘ ៙ ៚.
    static func isPunctuation(_ u: UInt16) -> Bool { (0x17D4...0x17DA).contains(u) }
    /// Any unit of the Khmer blocks (main and symbols).
    static func isKhmer(_ u: UInt16) -> Bool { (0x1780...0x17FF).contains(u) || (0x19E0...0x19FF).contains(u) }
    /// Bantoc (U+17CB) shortens the vowel of the syllable it ends, so a cluster carrying it is
    /// always a final consonant.
    static let bantoc: UInt16 = 0x17CB
    /// Signs that may sit on a final consonant: bantoc, robat, toandakhiat, kakabat, ahsda,
    /// muusikatoan, triisap.
    static func isFinalSign(_ u: UInt16) -> Bool { [0x17C9, 0x17CA, 0x17CB, 0x17CC, 0x17CD, 0x17CE].contains(u) }
}

/// Digits as ASCII: the value of numbers in any script ICU calls decimal digits (Latin, Khmer
/// ០–៩), so `២០២១` and `2021` compare equal.
public enum Digits {
    /// `text` with Khmer digits (and other Unicode decimal digits) replaced by ASCII ones.
    /// O(n); returns `text` itself when there is nothing to replace.
    public static func ascii(_ text: some StringProtocol) -> String {
        // ASCII text (most references and numbers) has nothing to replace: one byte scan.
        if text.utf8.withContiguousStorageIfAvailable({ !$0.contains { $0 >= 0x80 } }) == true { return String(text) }
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.properties.numericType == .decimal }) else { return String(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x80, scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
               let ascii = Unicode.Scalar(0x30 + UInt32(value)) {
                scalars.append(ascii)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// ASCII digits of `text` written as Khmer digits (០–៩); other characters unchanged.
    public static func khmer(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x30...0x39).contains(scalar.value), let khmer = Unicode.Scalar(0x17E0 + scalar.value - 0x30) {
                scalars.append(khmer)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
