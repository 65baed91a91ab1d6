/// The shipped rule "a line break inside a Khmer sentence is no break" (`verbale.srx`, Khmer),
/// evaluated in Swift instead of by ICU.
///
/// Why: the rule is asked at every line end after a Khmer letter, and ICU tests its character
/// classes at roughly 20 ns a unit while reading the next line or two; on one-message-a-line
/// Khmer text that made segmenting 0.43× as fast (`Benchmarks/README.md`, "Hard-wrapped
/// lines"). Here the same test is a few loops over the UTF-16 units.
///
/// The rule stays data: it is used only for a rule whose `beforebreak` and `afterbreak` are
/// exactly the shipped patterns below (scalar for scalar); any other rule, including an edited
/// copy of this one in a custom file, goes through ICU as before. `matches(_:at:)` answers what
/// ICU's `(?<=before)after` answers at the same position; `NativeWrappedLineEquivalenceTests`
/// runs both over the notes, khPOS, the Khmer gettext messages and Europarl wrapped at several
/// widths, and over random strings of the characters the rule tests, and compares every position.
///
/// ICU semantics reproduced (no flags): `.` stops at U+000A–U+000D, U+0085, U+2028, U+2029; `\s`
/// is Unicode White_Space (U+200B is not); classes and `{m,n}` count code points (a surrogate pair
/// is one); look-behinds see the text before the position.
enum KhmerWrappedLineCheck {
    /// The shipped `beforebreak`, as the SRX parser returns it.
    static let beforeBreak = #"[\u1780-\u17D3\u17D7\u17DC\u17DD]"#
    /// The shipped `afterbreak`, as the SRX parser returns it (`&lt;` decoded).
    static let afterBreak = #"[ \t\u200B]{0,3}+\n[ \t\u200B]{0,8}+(?=[\u1780-\u17B3])(?![\u1780-\u17B3][.)\-][ \t]|[^\s\u17D6]{1,12}\u17D6[ \t\u200B]|ជាតិ[\s\u200B]*សាសនា)(?:(?=.{30})(?![^\n]*+(?<=[\u17E0-\u17E90-9][ \t\u200B]{0,4})(?<=ឆ្នាំ[^\n]{1,64}))|(?=[^\n\u17D4\u17D5?!]*+(?:[\u17D4\u17D5?!]|(?<=[\u1780-\u17D3\u17D7\u17DC\u17DD][ \t\u200B]{0,4})\n[ \t\u200B]{0,8}[\u1780-\u17B3](?![^\s\u17D6]{0,11}\u17D6[ \t\u200B])[^\n\u17D4\u17D5?!]*+[\u17D4\u17D5?!])))"#

    /// Whether `rule` is the shipped rule, character for character (Unicode scalars, not
    /// canonical equivalence: ICU compares code points).
    static func recognises(_ rule: SRXDocument.Rule) -> Bool {
        !rule.isBreak
            && rule.beforeBreak.unicodeScalars.elementsEqual(beforeBreak.unicodeScalars)
            && rule.afterBreak.unicodeScalars.elementsEqual(afterBreak.unicodeScalars)
    }

    private static let nation = Array("ជាតិ".utf16)
    private static let religion = Array("សាសនា".utf16)
    private static let year = Array("ឆ្នាំ".utf16)

    /// Whether the rule matches at `p` (a position between units `p - 1` and `p`). O(length of
    /// the next two lines), reading each unit once or twice.
    static func matches(_ text: UnsafeBufferPointer<UInt16>, at p: Int) -> Bool {
        let n = text.count
        // beforebreak: a Khmer letter or sign ends the line.
        guard p > 0, p <= n, endsLine(text[p - 1]) else { return false }
        // [ \t\u200B]{0,3}+ \n [ \t\u200B]{0,8}+ (?=[\u1780-\u17B3])
        var i = p
        while i < n, i - p < 3, isSpace(text[i]) { i += 1 }
        guard i < n, text[i] == 0x0A else { return false }
        i += 1
        let lineStart = i
        while i < n, i - lineStart < 8, isSpace(text[i]) { i += 1 }
        let s = i
        guard s < n, isKhmerLetter(text[s]) else { return false }
        // (?! list item | labelled line | royal motto )
        if s + 2 < n, text[s + 1] == 0x2E || text[s + 1] == 0x29 || text[s + 1] == 0x2D, text[s + 2] == 0x20 || text[s + 2] == 0x09 {
            return false
        }
        if isLabelled(text, at: s) || isMotto(text, at: s) { return false }
        // (?=.{30}) (?! a date line: ends with a digit and a year after ឆ្នាំ)
        if hasCodePoints(text, from: s, count: 30) && !isDateLine(text, from: s) { return true }
        // (?= the sentence ends on this line, or on the next when this one ends with a Khmer letter)
        var e = s
        while e < n, !stopsSentenceScan(text[e]) { e += 1 }
        guard e < n else { return false }
        if text[e] != 0x0A { return true }
        guard endsWithKhmer(text, before: e) else { return false }
        var j = e + 1
        let nextStart = j
        while j < n, isSpace(text[j]) { j += 1 }
        guard j - nextStart <= 8, j < n, isKhmerLetter(text[j]), !isLabelled(text, at: j) else { return false }
        j += 1
        while j < n, !stopsSentenceScan(text[j]) { j += 1 }
        return j < n && text[j] != 0x0A
    }

    /// `[\u1780-\u17D3\u17D7\u17DC\u17DD]`: a Khmer letter, vowel or sign that can end a
    /// wrapped line (not ។ ៕ ៖, digits or other punctuation).
    @inline(__always)
    static func endsLine(_ u: UInt16) -> Bool {
        (0x1780...0x17D3).contains(u) || u == 0x17D7 || u == 0x17DC || u == 0x17DD
    }

    /// `[\u1780-\u17B3]`: a consonant or independent vowel, which starts a Khmer word.
    @inline(__always)
    static func isKhmerLetter(_ u: UInt16) -> Bool { (0x1780...0x17B3).contains(u) }

    /// `[ \t\u200B]`.
    @inline(__always)
    static func isSpace(_ u: UInt16) -> Bool { u == 0x20 || u == 0x09 || u == 0x200B }

    /// `[\n\u17D4\u17D5?!]`: where `[^\n\u17D4\u17D5?!]*+` stops.
    @inline(__always)
    static func stopsSentenceScan(_ u: UInt16) -> Bool {
        u == 0x0A || u == 0x17D4 || u == 0x17D5 || u == 0x3F || u == 0x21
    }

    /// `(?<=[\u1780-\u17D3\u17D7\u17DC\u17DD][ \t\u200B]{0,4})` at `e`.
    @inline(__always)
    static func endsWithKhmer(_ text: UnsafeBufferPointer<UInt16>, before e: Int) -> Bool {
        var k = e
        while k > 0, isSpace(text[k - 1]) { k -= 1 }
        return e - k <= 4 && k > 0 && endsLine(text[k - 1])
    }

    /// ICU's `\s`: Unicode White_Space (all in the BMP), which is `TextSpaces.isSpace` without
    /// U+200B.
    @inline(__always)
    static func isWhiteSpace(_ u: UInt16) -> Bool { u != 0x200B && TextSpaces.isSpace(u) }

    /// What ICU's `.` does not match (without the dot-all flag).
    @inline(__always)
    static func isLineTerminator(_ u: UInt16) -> Bool {
        (0x0A...0x0D).contains(u) || u == 0x85 || u == 0x2028 || u == 0x2029
    }

    /// The length in units of the code point at `i` (2 for a surrogate pair, else 1).
    @inline(__always)
    private static func codePointLength(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Int {
        UTF16.isLeadSurrogate(text[i]) && i + 1 < text.count && UTF16.isTrailSurrogate(text[i + 1]) ? 2 : 1
    }

    /// `(?=.{count})`: `count` code points follow `i`, none a line terminator.
    static func hasCodePoints(_ text: UnsafeBufferPointer<UInt16>, from i: Int, count: Int) -> Bool {
        var i = i, seen = 0
        while seen < count {
            guard i < text.count, !isLineTerminator(text[i]) else { return false }
            i += codePointLength(text, at: i)
            seen += 1
        }
        return true
    }

    /// `[^\s\u17D6]{1,12}\u17D6[ \t\u200B]` at `s` (a labelled line, "លេខ៖ ០៤៥"). The run cannot
    /// hold ៖, so the only candidate is the first ៖ or white space within 12 code points.
    static func isLabelled(_ text: UnsafeBufferPointer<UInt16>, at s: Int) -> Bool {
        let n = text.count
        var i = s, run = 0
        while i < n, run < 13, text[i] != 0x17D6, !isWhiteSpace(text[i]) {
            i += codePointLength(text, at: i)
            run += 1
        }
        return (1...12).contains(run) && i + 1 < n && text[i] == 0x17D6 && isSpace(text[i + 1])
    }

    /// `ជាតិ[\s\u200B]*សាសនា` at `s` (the royal motto).
    static func isMotto(_ text: UnsafeBufferPointer<UInt16>, at s: Int) -> Bool {
        guard has(nation, in: text, at: s) else { return false }
        var i = s + nation.count
        while i < text.count, isWhiteSpace(text[i]) || text[i] == 0x200B { i += 1 }
        return has(religion, in: text, at: i)
    }

    /// `(?![^\n]*+(?<=[\u17E0-\u17E90-9][ \t\u200B]{0,4})(?<=ឆ្នាំ[^\n]{1,64}))` fails at `s`:
    /// the line ends with a digit (then at most four spaces) and ឆ្នាំ ends 1 to 64 code points
    /// before the line's end.
    static func isDateLine(_ text: UnsafeBufferPointer<UInt16>, from s: Int) -> Bool {
        var e = s
        while e < text.count, text[e] != 0x0A { e += 1 }
        var k = e
        while k > 0, isSpace(text[k - 1]) { k -= 1 }
        guard e - k <= 4, k > 0, isDigit(text[k - 1]) else { return false }
        // Walk back over 1...64 code points from the line end; ឆ្នាំ must end at one of those
        // places. Nothing before `s` on this line can hold it (only spaces are there).
        var q = e, seen = 0
        while seen < 64, q > s {
            q -= q >= 2 && UTF16.isTrailSurrogate(text[q - 1]) && UTF16.isLeadSurrogate(text[q - 2]) && q - 2 >= s ? 2 : 1
            seen += 1
            if q >= year.count, has(year, in: text, at: q - year.count) { return true }
        }
        return false
    }

    /// `[\u17E0-\u17E90-9]`.
    @inline(__always)
    static func isDigit(_ u: UInt16) -> Bool { (0x17E0...0x17E9).contains(u) || (0x30...0x39).contains(u) }

    @inline(__always)
    private static func has(_ literal: [UInt16], in text: UnsafeBufferPointer<UInt16>, at i: Int) -> Bool {
        guard i >= 0, i + literal.count <= text.count else { return false }
        for (k, unit) in literal.enumerated() where text[i + k] != unit { return false }
        return true
    }
}
