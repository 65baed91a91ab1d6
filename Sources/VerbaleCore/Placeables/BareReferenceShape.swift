/// `PlaceablePatterns.bareReference` read in Swift over UTF-16 units, for the positions where
/// the answer can be decided from a few known units; elsewhere it says `.undecided` and the
/// recogniser asks the ICU regex.
///
/// Why: a memory whose every segment ends with `(ref. N/M)` (the memory benchmark's generator
/// marker, and many real exports' file references) tries the bare-reference regex at each `N`
/// since two-group slash numbers (`12/2021`) became references: an anchored ICU match with a
/// look-behind, two alternatives, a month look-ahead and five group reads, measured at about
/// 0.16 CPU-s per 100,000 units of the fuzzy-match analysis. Cost here: one read of the units
/// the pattern itself would read, no allocation.
///
/// Why it equals the regex (case-sensitive, no flags):
/// `(?<![\p{L}\p{N}/])((?:[A-Z]{2,}(?:/X+)+)|(?:(?:[A-Z]{2,6}S){0,3}D+(?:/D+)+MONTH))(?![\p{L}\p{N}/])`
/// with `X` = `[A-Z0-9\u17E0-\u17E9]`, `D` a Latin or Khmer digit, `S` a pattern space and
/// `MONTH` the negative look-ahead for a month after spaces. Every repetition in it is greedy and
/// any shorter choice ends right before an `X`, a `D`, a capital or a `/`, where a later part
/// fails (the closing look-ahead rejects letters, digits and `/`; a code must be followed by
/// `S`, a code run by a digit): so the pattern matches the longest run of its shape or nothing,
/// and that run is what is read here. Units whose class is not known without Unicode data
/// (non-ASCII units around the match that are neither pattern spaces nor listed below, a month
/// stem after the spaces) leave the decision to the regex. `BareReferenceShapeTests` compares
/// this with the regex at every position of real and generated texts.
extension PlaceableRecognizer {
    enum BareReferenceMatch: Equatable {
        /// The pattern cannot match here.
        case none
        /// The pattern matches here and ends at `end` (groups 0 and 1 are both `start..<end`).
        case match(end: Int)
        /// Not decided without Unicode data: ask the regex.
        case undecided
    }

    /// What `PlaceablePatterns.bareReference` anchored at `i` (look-behind seeing the units
    /// before) matches, or `.undecided`. Cost: O(length of the run read).
    static func bareReferenceMatch(_ units: UnsafeBufferPointer<UInt16>, _ i: Int) -> BareReferenceMatch {
        let n = units.count
        guard i < n else { return .none }
        // (?<![\p{L}\p{N}/])
        if i > 0 {
            switch unitClass(units[i - 1]) {
            case .letterNumberOrSlash: return .none
            case .unknown: return .undecided
            case .other: break
            }
        }
        var k = i
        if isCapital(units[k]) {
            var j = k
            while j < n, isCapital(units[j]) { j += 1 }
            if j < n, units[j] == 0x2F {
                // [A-Z]{2,}(?:/[A-Z0-9\u17E0-\u17E9]+)+ — the second alternative needs a space
                // after its codes, not `/`.
                guard j - k >= 2 else { return .none }
                var end = j
                while end + 1 < n, units[end] == 0x2F, isCodeOrDigit(units[end + 1]) {
                    end += 2
                    while end < n, isCodeOrDigit(units[end]) { end += 1 }
                }
                guard end > j else { return .none }
                return closing(units, end, monthMayFollow: false)
            }
            // (?:[A-Z]{2,6}S){0,3} then a digit: at most three codes, each followed by a space.
            var codes = 0
            while k < n, isCapital(units[k]) {
                var m = k
                while m < n, isCapital(units[m]) { m += 1 }
                guard codes < 3, m - k >= 2, m - k <= 6, m < n, TextSpaces.isSpace(units[m]) else { return .none }
                codes += 1
                k = m + 1
            }
        }
        // D+(?:/D+)+
        guard k < n, isDigit(units[k]) else { return .none }
        var end = k
        while end < n, isDigit(units[end]) { end += 1 }
        let firstGroupEnd = end
        while end + 1 < n, units[end] == 0x2F, isDigit(units[end + 1]) {
            end += 2
            while end < n, isDigit(units[end]) { end += 1 }
        }
        guard end > firstGroupEnd else { return .none }
        return closing(units, end, monthMayFollow: true)
    }

    /// The pattern's closing `(?![\p{L}\p{N}/])` at `end` (after the longest run, so a letter or
    /// a digit there is one the run could not take), and for digit groups the month look-ahead.
    private static func closing(_ units: UnsafeBufferPointer<UInt16>, _ end: Int, monthMayFollow: Bool) -> BareReferenceMatch {
        let n = units.count
        guard end < n else { return .match(end: end) }
        let u = units[end]
        if monthMayFollow, TextSpaces.isSpace(u) {
            // (?!S*(?:ខែS*)?KHMER_MONTH|S+(?:ENGLISH_MONTH|FRENCH_MONTH)): a month only starts
            // after the spaces, at a unit `monthMayStart` lets through. Without a space first
            // the unit at `end` would itself be a Khmer letter, which the closing look-ahead
            // rejects anyway.
            var k = end
            while k < n, TextSpaces.isSpace(units[k]) { k += 1 }
            return monthMayStart(units, k) ? .undecided : .match(end: end)
        }
        switch unitClass(u) {
        case .letterNumberOrSlash: return .none
        case .unknown: return .undecided
        case .other: return .match(end: end)
        }
    }

    /// Whether a month of the pattern (`PlaceablePatterns.englishMonth`, case-sensitive and
    /// capitalised; `frenchMonth`, lower-case; `khmerMonth`, or `ខែ` before it) may start at
    /// `k`: a Latin month's first three units are one of `bareReferenceMonthStems`, a Khmer
    /// one starts with one of `khmerMonthInitials`. True means "maybe": the regex decides.
    static func monthMayStart(_ units: UnsafeBufferPointer<UInt16>, _ k: Int) -> Bool {
        let n = units.count
        guard k < n else { return false }
        let u = units[k]
        if u >= 0x1780, u <= 0x17FF { return khmerMonthInitials.contains(u) }
        guard k + 2 < n else { return false }
        let stem = UInt64(u) << 32 | UInt64(units[k + 1]) << 16 | UInt64(units[k + 2])
        return bareReferenceMonthStems.contains(stem)
    }

    /// The first three UTF-16 units of every month alternative in the English and French
    /// patterns, exactly as written there (case-sensitive), packed in one integer each.
    static let bareReferenceMonthStems: [UInt64] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
         "jan", "fév", "fev", "mar", "avr", "mai", "jui", "aoû", "aou", "sep", "oct", "nov", "déc", "dec"]
            .map { $0.utf16.reduce(0) { $0 << 16 | UInt64($1) } }

    /// The first units of `PlaceablePatterns.khmerMonth`'s names and of `ខែ`.
    static let khmerMonthInitials: [UInt16] = (CalendarNames.khmer + ["ខែ"]).compactMap { $0.utf16.first }

    enum UnitClass { case letterNumberOrSlash, other, unknown }

    /// A unit's class for `[\p{L}\p{N}/]`: ASCII answered by itself; Latin-1 and Latin
    /// Extended letters, Khmer consonants and independent vowels, Khmer digits inside it; the
    /// pattern spaces (`TextSpaces`: separators and format characters) and the punctuation
    /// listed here outside it (`BareReferenceShapeTests` checks each against ICU); any other unit —
    /// surrogates included — unknown.
    @inline(__always)
    static func unitClass(_ u: UInt16) -> UnitClass {
        if u < 0x80 {
            return (0x30...0x39).contains(u) || (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) || u == 0x2F ? .letterNumberOrSlash : .other
        }
        if TextSpaces.isSpace(u) { return .other }
        switch u {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1780...0x17B3, 0x17E0...0x17E9: return .letterNumberOrSlash
        case 0xA7, 0xAB, 0xB0, 0xBB, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x17D4, 0x17D5, 0x17D6: return .other
        default: return .unknown
        }
    }

    @inline(__always)
    static func isCapital(_ u: UInt16) -> Bool { (0x41...0x5A).contains(u) }

    /// `[A-Z0-9\u17E0-\u17E9]`: what follows each `/` of a lettered reference.
    @inline(__always)
    static func isCodeOrDigit(_ u: UInt16) -> Bool { isCapital(u) || isDigit(u) }

    /// The value of a bare reference the pattern matched at `range`, as the rule's valuation
    /// gives it (`bareReferenceValue(_:)`), without building the groups and reader the regex
    /// path needs. The run holds a `/` by its shape. Cost: one pass over the run, and the
    /// string; the general valuation (grapheme search for `/`, scalar properties) only for a
    /// run holding a non-ASCII unit (Khmer digits, a no-break space between codes).
    static func bareReferenceValue(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> String? {
        var ascii = true, digit = false
        for k in range {
            let u = units[k]
            if u >= 0x80 { ascii = false; break }
            if u >= 0x30, u <= 0x39 { digit = true }
        }
        // All ASCII (the run then holds `/`, capitals and digits only): the text is its own
        // value when it holds a digit (`Digits.ascii` changes nothing), none without one.
        if ascii { return digit ? UTF16Text.string(units, range) : nil }
        return bareReferenceValue(UTF16Text.string(units, range))
    }

    /// The rule's valuation of a bare reference's text: nil without a `/` or a decimal digit
    /// (`FCO/WED`), else the text with its digits in ASCII. Shared by the regex path and the
    /// Swift one, so both value a match alike.
    static func bareReferenceValue(_ identifier: String) -> String? {
        let hasDigit = identifier.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            || identifier.unicodeScalars.contains { $0.value >= 0x80 && $0.properties.numericType == .decimal }
        return identifier.contains("/") && hasDigit ? Digits.ascii(identifier) : nil
    }
}
