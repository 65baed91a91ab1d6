/// The commonest shape of `PlaceablePatterns.prefixedReference` read in Swift over UTF-16 units:
/// `No`, `NO`, `Nos`, `Ref`, `REF` or `ref`, an optional `.`, spaces, an optional `:`, spaces,
/// then digits and more digit or capital groups after `/`, `.` or `-` (`ref. 3/123`,
/// `No.: 1999`, `REF 2021/01/045`). Anything else — `N°`, `Réf`, `№`, `លេខ`, codes before the
/// number, a number grouped by spaces (`N° 1 234`), a non-ASCII unit where the shape reads one —
/// is left to the ICU regex (nil).
///
/// Why: the memory benchmark's generator ends every segment with `(ref. N/M)`, and notes cite
/// `No. 12/2021`: each was one anchored ICU match with a look-behind, nine prefix alternatives
/// and a grouped-number alternative. Cost here: a read of the units matched, no allocation.
///
/// Why it equals the regex where it answers: the identifier
/// `((?:[A-Z]{1,6}S){0,3}(?:GROUPED|(?:D+|[A-Z]+))(?:[/.\-](?:D+|[A-Z]+))*)` ends the pattern
/// with no look-ahead, so the match is the first path of the backtracking order that reaches
/// the end, and here every choice on that path is the first one: the prefix is the whole ASCII
/// letter run (a shorter alternative would be followed by a letter, where `\b` fails); `\.?`,
/// the spaces and `:` are taken when present; at a digit no code can start; `GROUPED`
/// (`D{1,3}` then a group space and three digits) cannot match a run of more than three
/// digits, nor a shorter one not followed by a group space (that case is left to the regex);
/// then `D+` takes the run and each repetition takes a separator and the whole digit or capital
/// run after it. `PrefixedReferenceEquivalenceTests` compares it with the regex at every
/// position of real and generated texts.
extension PlaceableRecognizer {
    /// The match of `PlaceablePatterns.prefixedReference` at `i` and its identifier (group 1),
    /// where the units have the shape above; nil where the regex must decide.
    static func prefixedReferenceMatch(_ units: UnsafeBufferPointer<UInt16>, _ i: Int) -> (end: Int, identifier: Range<Int>)? {
        let n = units.count
        guard i < n else { return nil }
        // (?<!\p{L})
        if i > 0 {
            let p = units[i - 1]
            if p < 0x80 {
                if (0x41...0x5A).contains(p) || (0x61...0x7A).contains(p) { return nil }
            } else if unitClass(p) != .other {
                return nil
            }
        }
        // (?:No|NO|Nos|Ref|REF|…|ref)\b
        var k = i
        while k < n, k - i < 4, (0x41...0x5A).contains(units[k]) || (0x61...0x7A).contains(units[k]) { k += 1 }
        guard prefixWords.contains(packed(units, i..<k)) else { return nil }
        if k < n {
            let u = units[k]
            guard u < 0x80, !isASCIIWordUnit(u) else { return nil }
        }
        // \.?[°º]?
        if k < n, units[k] == 0x2E { k += 1 }
        if k < n, units[k] == 0xB0 || units[k] == 0xBA { return nil }
        // S*[:\u17D6\u17C8]?S*
        while k < n, TextSpaces.isSpace(units[k]) { k += 1 }
        if k < n, units[k] == 0x3A { k += 1 } else if k < n, units[k] == 0x17D6 || units[k] == 0x17C8 { return nil }
        while k < n, TextSpaces.isSpace(units[k]) { k += 1 }
        // The identifier: digits, not a group of a spaced number, then separated groups.
        let start = k
        while k < n, isDigit(units[k]) { k += 1 }
        guard k > start else { return nil }
        if k - start <= 3, k < n, units[k] == 0x20 || units[k] == 0xA0 || units[k] == 0x202F { return nil }
        while k + 1 < n, units[k] == 0x2F || units[k] == 0x2E || units[k] == 0x2D {
            let next = units[k + 1]
            if isDigit(next) {
                k += 2
                while k < n, isDigit(units[k]) { k += 1 }
            } else if isCapital(next) {
                k += 2
                while k < n, isCapital(units[k]) { k += 1 }
            } else {
                break
            }
        }
        return (k, start..<k)
    }

    /// The value the rule gives an identifier that starts with a digit: the identifier with
    /// its digits in ASCII (`Digits.ascii`), the identifier itself when all ASCII. Cost: one
    /// pass, and the string.
    static func prefixedReferenceValue(_ units: UnsafeBufferPointer<UInt16>, _ identifier: Range<Int>) -> String {
        let text = UTF16Text.string(units, identifier)
        for k in identifier where units[k] >= 0x80 { return Digits.ascii(text) }
        return text
    }

    /// `No`, `NO`, `Nos`, `Ref`, `REF`, `ref`: the pattern's ASCII prefix words, packed.
    private static let prefixWords: [UInt64] = ["No", "NO", "Nos", "Ref", "REF", "ref"].map { word in
        word.utf16.reduce(UInt64(word.utf16.count)) { $0 << 16 | UInt64($1) }
    }

    /// Up to three units with their count, in one integer (a longer range packs to no word).
    private static func packed(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> UInt64 {
        guard range.count <= 3 else { return 0 }
        var value = UInt64(range.count)
        for k in range { value = value << 16 | UInt64(units[k]) }
        return value
    }
}
