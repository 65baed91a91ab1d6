import Foundation
import VerbaleCore

/// `khmerGluedName` reading the breaker's words by their scalars (`KhmerWordTable`) where
/// `khmerGluedNameByStrings` asks Strings, with the same answer.
///
/// Why: on the Khmer 3k slice (English + khPOS) the glued-name rule cost 879 M instructions of
/// the import, 504 M of them in Foundation's `range(of:)` looking for ~50 offices inside each
/// run (18,000 instructions a call, 28,130 calls) and 209 M in `endsKhmerGluedName`'s set and
/// prefix tests on Khmer Strings.
///
/// How it stays the same: a word test is answered by the table only for a `plain` word (Khmer
/// letters and signs U+1780–U+17D3: scalar equality is String equality there) at a certain
/// grapheme boundary, else by the String test itself. The office cut inside the name asks
/// Foundation only when an office's scalars occur literally before the name's end: Foundation's
/// search without options (canonical equivalence, whole clusters) finds a subset of the literal
/// occurrences in a run without ATTHACAN (the one Khmer sign a canonical reordering moves past
/// COENG), so with none of them before the end it cannot shorten the name either.
extension PersonalDataScrubber {
    /// A word of the breaker (or two joined) as scalars, with whether the table may answer for it.
    struct GluedWord {
        let scalars: [Unicode.Scalar]
        let plain: Bool

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
            plain = KhmerWordTable.isPlain(scalars)
        }

        /// The word as a String, for the String tests the table leaves undecided.
        var text: String { String(String.UnicodeScalarView(scalars)) }
    }

    /// The glued-name rule's lists (`PersonalDataKhmerGluedNames`, `PersonalDataKhmerNames`).
    static let khmerGluedWordTable = KhmerWordTable([
        (.ender, Array(khmerNameEnders) + Array(khmerGluedEnders) + khmerFunctionTitles + Array(offices)),
        (.notNamePrefix, khmerNotNamePrefixes),
        (.notName, Array(khmerNotNames)),
        (.rank, Array(khmerGluedRanks)),
        (.kin, Array(khmerKinAfterLok)),
        (.gluedNotName, Array(khmerGluedNotNames)),
        (.plural, Array(khmerPluralWords)),
        (.follower, khmerFunctionTitleFollowers),
        (.notNameAfterName, Array(khmerNotNamesAfterName)),
    ])

    /// `khmerFunctionTitles` as scalars (suffix tests).
    static let khmerFunctionTitleScalars: [[Unicode.Scalar]] = khmerFunctionTitles.map { Array($0.unicodeScalars) }

    /// `khmerGluedNameOffices` as scalars (literal search).
    static let khmerGluedNameOfficeScalars: [[Unicode.Scalar]] = khmerGluedNameOffices.map { Array($0.unicodeScalars) }

    /// Whether `word` is in `list`, as `strings.contains` (the same list as Strings) says.
    static func khmerGluedWord(_ word: GluedWord, in list: KhmerWordTable.Lists, strings: Set<String>) -> Bool {
        word.plain ? khmerGluedWordTable.lists(of: word.scalars).contains(list) : strings.contains(word.text)
    }

    /// `endsKhmerGluedName` by the table.
    static func endsKhmerGluedName(_ word: GluedWord) -> Bool {
        guard word.plain else { return endsKhmerGluedName(word.text) }
        if khmerGluedWordTable.lists(of: word.scalars).contains(.ender) { return true }
        return khmerGluedWordTable.hasPrefix(word.scalars, in: .notNamePrefix, proper: true) ?? endsKhmerGluedName(word.text)
    }

    /// Whether `word` ends with a function title (`khmerFunctionTitles`, `hasSuffix`).
    static func endsWithKhmerFunctionTitle(_ word: GluedWord) -> Bool {
        if word.plain, let answer = KhmerWordTable.hasSuffix(word.scalars, khmerFunctionTitleScalars) { return answer }
        let text = word.text
        for title in khmerFunctionTitles where text.hasSuffix(title) { return true }
        return false
    }

    /// Whether `word` begins with what a function title is the title of (`khmerFunctionTitleFollowers`).
    static func beginsWithKhmerFunctionTitleFollower(_ word: GluedWord) -> Bool {
        if word.plain, let answer = khmerGluedWordTable.hasPrefix(word.scalars, in: .follower, proper: false) { return answer }
        let text = word.text
        for follower in khmerFunctionTitleFollowers where text.hasPrefix(follower) { return true }
        return false
    }

    /// The name in a glued run (`run`, the capture of `khmerGluedNamePattern`, at `location`), or
    /// nil: `khmerGluedNameByStrings`'s reading (see there), its word tests by the table.
    static func khmerGluedName(_ run: String, at location: Int, afterLok: Bool = false, afterName: Bool = false,
                               tokens: (String) -> [Token]) -> NSRange? {
        let found = tokens(run)
        let words = found.map { GluedWord(Array($0.text.unicodeScalars)) }
        let ranges = found.map(\.range)
        /// How many words from `index` on (1 or 2, joined) `test` holds for, or 0.
        func holds(_ index: Int, _ test: (GluedWord) -> Bool) -> Int {
            guard index < words.count else { return 0 }
            if index + 1 < words.count, ranges[index].upperBound == ranges[index + 1].lowerBound,
               test(GluedWord(words[index].scalars + words[index + 1].scalars)) { return 2 }
            return test(words[index]) ? 1 : 0
        }
        var start = 0
        var afterOffice = false
        for _ in 0..<3 {
            var function = false
            let rank = holds(start) { word in
                function = endsWithKhmerFunctionTitle(word)
                return function || khmerGluedWord(word, in: .rank, strings: khmerGluedRanks)
            }
            guard rank > 0 else { break }
            start += rank
            afterOffice = afterOffice || function
        }
        guard start < words.count,
              holds(start, { khmerGluedWord($0, in: .notName, strings: khmerNotNames) || endsKhmerGluedName($0) }) == 0,
              !afterLok || holds(start, { khmerGluedWord($0, in: .kin, strings: khmerKinAfterLok) }) == 0,
              holds(start, { khmerGluedWord($0, in: .gluedNotName, strings: khmerGluedNotNames) }) == 0,
              !afterName || holds(start, { khmerGluedWord($0, in: .notNameAfterName, strings: khmerNotNamesAfterName) }) == 0
        else { return nil }
        if afterOffice, beginsWithKhmerFunctionTitleFollower(words[start]) { return nil }
        var end = start + 1
        while end < words.count, holds(end, { endsKhmerGluedName($0) }) == 0 { end += 1 }
        if end < words.count, holds(end, { khmerGluedWord($0, in: .plural, strings: khmerPluralWords) }) > 0 { return nil }
        var from = ranges[start].lowerBound
        var length = ranges[end - 1].upperBound - from
        let scalars = Array(run.unicodeScalars)
        let rest = scalars[from...]
        var offset = 0
        while let rank = khmerGluedNameOfficeScalars.first(where: { rest.dropFirst(offset).starts(with: $0) }) {
            offset += rank.count
        }
        guard offset < length else { return nil }
        from += offset
        length -= offset
        let tail = rest.dropFirst(offset)
        if khmerOfficeMayCut(tail, before: length) {
            // The general search: `khmerGluedNameByStrings`'s, on the same tail.
            let string = String(String.UnicodeScalarView(tail))
            if let office = khmerGluedNameOffices.compactMap({ string.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
                length = min(length, string.unicodeScalars.distance(from: string.unicodeScalars.startIndex, to: office.lowerBound))
            }
        }
        guard length > 0, length <= khmerGluedNameMaxLength else { return nil }
        return NSRange(location: location + from, length: length)
    }

    /// Whether Foundation's search for an office (`khmerGluedNameOffices`) in `tail` may find one
    /// starting before `end`: an office's scalars occur there literally, or the tail holds
    /// ATTHACAN (U+17DD; see the extension's note).
    static func khmerOfficeMayCut(_ tail: ArraySlice<Unicode.Scalar>, before end: Int) -> Bool {
        if tail.contains(where: { $0.value == 0x17DD }) { return true }
        let base = tail.startIndex
        for office in khmerGluedNameOfficeScalars {
            guard let first = office.first else { continue }
            var index = base
            while index < min(base + end, tail.endIndex) {
                if tail[index] == first, tail[index...].starts(with: office) { return true }
                index += 1
            }
        }
        return false
    }
}
