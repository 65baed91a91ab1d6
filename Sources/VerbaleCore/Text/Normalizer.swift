/// Builds the matching keys of text: the same for every part of Verbale, so an index built at
/// import time agrees with a query typed later.
///
/// - `key`: typographic apostrophes (’ ʼ ‘) as `'`, then NFKC + full case folding (U+200B
///   removed), Khmer digits as ASCII digits (`២០២១` → `2021`), Khmer subscripts in Unicode's
///   order (COENG RO last: `ស្រ្តី` and `ស្ត្រី` one key, `KhmerClusterOrder`).
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
        var utf16 = Array(text.utf16)
        // The subscript order the tokenizer keys with (`KhmerClusterOrder`: COENG RO last).
        utf16.withUnsafeMutableBufferPointer { _ = KhmerClusterOrder.reorder($0) }
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

    /// `text` in Unicode Normalization Form C: the one spelling under which "é" (U+00E9) and
    /// "e" + U+0301 have the same bytes. Why: Swift's `==` and `Dictionary` treat the two as equal
    /// but SQLite and a saved match index compare bytes, so a form kept decomposed would match
    /// in one place and not in the other. Cost: one pass for text already known composed
    /// (`isComposedWithoutICU`: Latin below U+0300 and Khmer, returned as it is), else one ICU call.
    public static func composed(_ text: String) -> String {
        isComposedWithoutICU(text) ? text : ICU.normalize(text, .nfc)
    }

    /// The form the matcher compares tokens by: `composed(text)` with Khmer subscripts in
    /// Unicode's order (`KhmerClusterOrder`: COENG RO last), so `ស្រ្តី` and `ស្ត្រី` — one key,
    /// one look — are one form too, not a "case difference"; and without U+200B ZERO WIDTH
    /// SPACE and U+FEFF (a BOM or old zero-width no-break space), which a placeable or glossary
    /// name may span (`ថ្ងៃទី១២​ខែកក្កដា​ឆ្នាំ២០១២`, `ក្រសួង​ការបរទេស`): invisible, typed by some Khmer
    /// writers and not by others, they made two spellings that look the same score 98 as "the
    /// same value written differently" (review 30 Nov, m13). Cost: `composed`, one scan of the
    /// UTF-8 for COENG RO (a transcoding only when one is found) and one for the lead bytes
    /// 0xE2/0xEF (a copy only when U+200B or U+FEFF is there).
    public static func matchingForm(_ text: String) -> String {
        withoutInvisibleBreaks(KhmerClusterOrder.ordered(composed(text)))
    }

    /// `text` without U+200B and U+FEFF, and without white space between two Khmer letters or
    /// digits (`KhmerWordGap`: "ថ្ងៃទី១២ ខែកក្កដា" and "ថ្ងៃទី១២ខែកក្កដា" are one form, as their
    /// gaps count as no space between tokens); `text` itself when there is nothing to remove.
    /// Cost: one pass over the UTF-8 (no allocation when it holds neither U+200B, U+FEFF nor a
    /// space next to a Khmer lead byte), else one pass over the scalars.
    public static func withoutInvisibleBreaks(_ text: String) -> String {
        var copy = text
        let holds = copy.withUTF8 { bytes -> Bool in
            var khmer = false, space = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x8B { return true }
                if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return true }
                if b == 0xE1, i + 1 < bytes.count, bytes[i + 1] == 0x9E || bytes[i + 1] == 0x9F || bytes[i + 1] == 0xA7 { khmer = true }
                if b == 0x20 || b == 0xC2 || b == 0xE2 || b == 0xE3 || (b >= 0x09 && b <= 0x0D) { space = true }
                if khmer, space { return true }
                i += 1
            }
            return false
        }
        guard holds else { return text }
        let scalars = Array(text.unicodeScalars)
        var kept = String.UnicodeScalarView()
        var lastKept: UInt32 = 0
        var i = 0
        while i < scalars.count {
            let value = scalars[i].value
            if value == 0x200B || value == 0xFEFF { i += 1; continue }
            if scalars[i].properties.isWhitespace {
                // A run of white space (and invisible breaks) between two Khmer word characters goes.
                var j = i
                while j < scalars.count, scalars[j].properties.isWhitespace || scalars[j].value == 0x200B || scalars[j].value == 0xFEFF { j += 1 }
                if j < scalars.count, KhmerWordGap.between(lastKept, scalars[j].value) { i = j; continue }
            }
            kept.append(scalars[i])
            lastKept = value
            i += 1
        }
        return String(kept)
    }

    /// `text` with its Khmer subscripts in Unicode's order (COENG RO last, `KhmerClusterOrder`)
    /// and nothing else changed; `text` itself when it holds no COENG RO before another
    /// subscript. For hashes that must not tell the two spellings of a cluster apart (the unit
    /// fingerprint). Cost: one `memchr` pass over the UTF-8; a transcoding only when a
    /// subscript moves.
    public static func orderingKhmerSubscripts(_ text: String) -> String {
        KhmerClusterOrder.ordered(text)
    }

    /// Whether `text` is certainly in NFC without asking ICU: every scalar is below U+0300
    /// (nothing there decomposes or composes), general punctuation or a currency sign from
    /// U+2002 to U+20CF (’ « – … € and the zero-width characters; U+2000 and U+2001 decompose
    /// to U+2002 and U+2003), or a Khmer letter or sign. In the Khmer blocks (U+1780–17FF, U+19E0–19FF) nothing decomposes, and the only
    /// marks with a combining class are COENG U+17D2 (class 9) and ATTHACAN U+17DD (230); two
    /// marks reorder only when a higher class precedes a lower one, so U+17DD is left to ICU.
    static func isComposedWithoutICU(_ text: String) -> Bool {
        // A UTF-8 byte below 0xCC starts no scalar at or above U+0300 (0xCC 0x80). Read over the
        // contiguous UTF-8 (the generic `utf8.allSatisfy` walk was ~1 % of an import's CPU).
        var copy = text
        if copy.withUTF8({ bytes in !bytes.contains { $0 >= 0xCC } }) { return true }
        return text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x300, 0x2002...0x20CF, 0x19E0...0x19FF: true
            case 0x1780...0x17FF: scalar.value != 0x17DD
            default: false
            }
        }
    }

    /// Apostrophe-like characters that users type interchangeably.
    static let apostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}", "\u{00B4}", "\u{0060}"]
}
