/// Whether white space between two tokens is a Khmer word gap: a Khmer letter, sign or digit on
/// both sides (not `។`, `៕` and the other Khmer punctuation, nor Latin).
///
/// Why: Khmer marks word boundaries invisibly (U+200B) or not at all, and many writers put an
/// ordinary space between words instead, inconsistently within one document; the tokenizer
/// splits at all three alike. For matching, such a space counts as no space — like U+200B — so
/// `ស្ថានទូត សូម គោរព` and `ស្ថានទូត​សូម​គោរព` score 100 against each other, where each gap used
/// to cost a "spacing" penalty (90 for a six-word sentence; review 30 Nov, m13). A space
/// before Khmer punctuation or between Khmer and Latin or Arabic digits still counts. Cost:
/// two range checks per gap.
public enum KhmerWordGap {
    /// A scalar value that is a Khmer letter, vowel sign, diacritic or digit (U+1780–U+17D3,
    /// U+17D7 ៗ, U+17DC, U+17DD, U+17E0–U+17E9, U+19E0–U+19FF).
    @inline(__always)
    public static func isKhmerWordCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x1780...0x17D3, 0x17D7, 0x17DC, 0x17DD, 0x17E0...0x17E9, 0x19E0...0x19FF: true
        default: false
        }
    }

    /// Whether `value` is a space a writer may put between two Khmer words, which the tokenizer
    /// takes out there before it finds the words (`KhmerInvisibleBreaks`): the horizontal white
    /// space of `TextSpaces.isSpace` (space, tab, NBSP, U+1680, U+2000–U+200A, narrow NBSP,
    /// U+205F, U+3000) — not a line or paragraph break (`TextSpaces.isLineBreak`), which ends a
    /// line of an address block or a list rather than separating two words, and not U+200B (an
    /// invisible break). Derived from `TextSpaces` so that a space added there is a word space
    /// here too (the two lists were kept in step by hand). Cost: two switches.
    @inline(__always)
    public static func isWordSpace(_ value: UInt32) -> Bool {
        guard value <= 0xFFFF, value != 0x200B else { return false }
        let unit = UInt16(truncatingIfNeeded: value)
        return TextSpaces.isSpace(unit) && !TextSpaces.isLineBreak(unit)
    }

    /// True when the gap between a token ending in `last` and one starting with `first` is a
    /// Khmer word gap, whatever white space it holds.
    @inline(__always)
    public static func between(_ last: UInt32, _ first: UInt32) -> Bool {
        isKhmerWordCharacter(last) && isKhmerWordCharacter(first)
    }
}
