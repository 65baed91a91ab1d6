import Foundation

/// Where the Khmer title pattern can begin a match, found in Swift, so ICU runs only there.
///
/// Why: that pattern's `needs` is `.khmer` (any Khmer character), so every Khmer text ran it,
/// and ICU's search spent its time trying a match position after position
/// (`RegexMatcher::MatchChunkAt`), the opening look-behinds (`(?<![\u1780-\u17D3])`, the words
/// a glued លោក may follow, `khmerGluedTitle`) evaluated at each: 767 M of the 3,590 M
/// instructions of a 3,000-unit English–Khmer import (callgrind, 30 Nov), about 214,000 per
/// text. Every alternative of the pattern's opening group consumes one of
/// `khmerTitleStartLiterals` first (look-behinds consume nothing; លោកជំទាវ and លោកស្រី begin
/// with លោក, អ្នកឧកញ៉ា contains ឧកញ៉ា but is listed too), so a match can only begin where one of
/// them begins. Asking ICU for an anchored match at each such place, in order, with the text
/// around it visible to the look-arounds (`withTransparentBounds`) and no `^`/`$` at the
/// range's edges (`withoutAnchoringBounds`), gives the same matches as one search of the whole
/// text: the search tries the same positions left to right and keeps the first that matches,
/// then goes on from the match's end; the positions skipped cannot match. Half the khPOS
/// texts hold no such word and run nothing.
///
/// `PrivacyKhmerTitleStartsTests` holds `spans(in:)` equal to the whole-text search
/// (`filtered: false`) on khPOS written three ways and on random Khmer strings.
extension PersonalDataScrubber {
    /// The words the Khmer title pattern's matches begin with (`Pattern.khmerTitleStarts`).
    static let khmerTitleStartLiterals = ["លោក", "អ្នកស្រី", "អ្នកឧកញ៉ា", "ឯកឧត្តម", "ឯកឧត្ដម", "សម្តេច", "សម្ដេច", "ឧកញ៉ា", "កញ្ញា"]

    /// The literals' UTF-8, for the byte scan.
    private static let khmerTitleStartBytes: [[UInt8]] = khmerTitleStartLiterals.map { Array($0.utf8) }

    /// The UTF-16 offsets (Foundation's unit) where one of `khmerTitleStartLiterals` begins in
    /// `text`, ascending. O(n): one pass over the UTF-8; a literal is compared only where a
    /// Khmer letter stands (every literal begins with one: three bytes, E1 9E xx).
    static func khmerTitleStarts(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in
            var starts: [Int] = []
            var offset = 0  // UTF-16 units before bytes[i]
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                if byte == 0xE1, i + 2 < n, bytes[i + 1] == 0x9E {
                    for literal in khmerTitleStartBytes where i + literal.count <= n && literal[2] == bytes[i + 2] {
                        var k = 3
                        while k < literal.count, bytes[i + k] == literal[k] { k += 1 }
                        if k == literal.count {
                            starts.append(offset)
                            break
                        }
                    }
                }
                // A lead byte starts a scalar: one UTF-16 unit, two from F0 (outside the BMP).
                if byte & 0xC0 != 0x80 { offset += byte >= 0xF0 ? 2 : 1 }
                i += 1
            }
            return starts
        }
    }

    /// The matches of `regex` in `text` (of `length` UTF-16 units) that begin at one of
    /// `starts` (ascending), as `regex.matches(in: text, range: whole)` finds them when no
    /// match can begin elsewhere: at each start not inside the previous match, an anchored
    /// match, look-arounds seeing the whole text.
    static func matches(of regex: NSRegularExpression, in text: String, length: Int, startingAt starts: [Int]) -> [NSTextCheckingResult] {
        var found: [NSTextCheckingResult] = []
        var from = 0
        for start in starts where start >= from {
            guard let match = regex.firstMatch(in: text, options: [.anchored, .withTransparentBounds, .withoutAnchoringBounds],
                                               range: NSRange(location: start, length: length - start)) else { continue }
            found.append(match)
            // A search goes on from the match's end (one past it after an empty match, which
            // this pattern cannot make: it consumes its title).
            from = max(NSMaxRange(match.range), start + 1)
        }
        return found
    }
}
