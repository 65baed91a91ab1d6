/// The spaces of a note, in one place: the tokenizer's separators and the placeable patterns'
/// space class must stay in step, so both read this list.
///
/// `isSpace` covers `PlaceablePatterns.space` (`[\s\u00A0\u202F\u200B]`: ICU's `\s` is
/// White_Space — TAB…CR, space, NEL, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, narrow NBSP,
/// U+205F, U+3000 — plus U+200B); `PlaceablePatternSpaceTests` checks every BMP unit the
/// pattern matches is here. `isSeparator` adds U+FEFF, which the tokenizer also drops but no
/// pattern takes for a space. Cost: one switch per unit.
enum TextSpaces {
    /// White space, NBSP, narrow NBSP and U+200B: a superset of `PlaceablePatterns.space`.
    @inline(__always)
    static func isSpace(_ u: UInt16) -> Bool {
        switch u {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// The breaks among `isSpace`: line feed, vertical tab, form feed, carriage return, NEL,
    /// line and paragraph separators — white space that ends a line rather than separating
    /// two words on it (`KhmerWordGap.isWordSpace` is `isSpace` without these and U+200B).
    @inline(__always)
    static func isLineBreak(_ u: UInt16) -> Bool {
        switch u {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `isSpace` or U+FEFF: never part of a token.
    @inline(__always)
    static func isSeparator(_ u: UInt16) -> Bool {
        u == 0xFEFF || isSpace(u)
    }
}
