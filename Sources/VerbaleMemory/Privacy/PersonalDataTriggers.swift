extension PersonalDataScrubber {
    /// What a text contains that some pattern needs before it can match at all. The scrubber
    /// runs a pattern only on texts holding everything in its `needs`, so each flag must be a
    /// *necessary* condition of the patterns that need it (never a heuristic): filtered and
    /// unfiltered scrubbing give the same spans, which `PrivacyFilterEquivalenceTests` checks on
    /// the real notes, Europarl and random strings.
    struct Triggers: OptionSet {
        let rawValue: UInt16
        /// An `@` (e-mail addresses).
        static let at = Triggers(rawValue: 1)
        /// At least six decimal digits of any script, as ICU's `\d` counts them (passport
        /// numbers, international and Cambodian phone numbers).
        static let digits = Triggers(rawValue: 2)
        /// A Latin title (`Mr`, `Mme`, `H.`…) not preceded by an ASCII letter.
        static let title = Triggers(rawValue: 4)
        /// A Khmer character (Khmer titles).
        static let khmer = Triggers(rawValue: 8)
        /// At least two decimal digits (a number after `Tel`, a date of birth).
        static let someDigits = Triggers(rawValue: 16)
        static let passportWord = Triggers(rawValue: 32)
        static let idWord = Triggers(rawValue: 64)
        static let phoneWord = Triggers(rawValue: 128)
        static let birthWord = Triggers(rawValue: 256)
        /// At least one decimal digit (an ID number may be one digit and hyphens).
        static let oneDigit = Triggers(rawValue: 512)
        /// Every flag, one by one (a new flag goes here too; a test checks every pattern's
        /// `needs` lies within `all`, since unfiltered scrubbing runs the patterns `all` allows).
        static let flags: [Triggers] = [.at, .digits, .title, .khmer, .someDigits, .passportWord, .idWord, .phoneWord, .birthWord, .oneDigit]
        static let all = Triggers(flags)
    }

    /// Decides in one pass over the UTF-8 bytes which patterns can match at all: an `@`,
    /// decimal digits, a title at a word start, Khmer letters; then, only for texts with a
    /// digit, the keywords that introduce passport, ID and phone numbers and dates of birth.
    /// Non-ASCII scalars are decoded (digits of other scripts count, as they do for `\d`).
    /// Cost: O(n) bytes; most texts stop there.
    static func triggers(_ text: String) -> Triggers {
        var text = text
        return text.withUTF8 { bytes in triggers(bytes) }
    }

    static let titles: [[UInt8]] = ["Mr", "Mrs", "Ms", "Dr", "M.", "Mme", "Mlle", "Messrs", "Monsieur", "Madame", "Mademoiselle", "H.", "S."]
        .map { Array($0.utf8) }

    /// A word some pattern needs before its number: lower-case unless `exactCase` (the pattern
    /// matches it case-sensitively), and at a word start when the pattern has `\b` before it
    /// (so `né` is not looked for inside `année`, nor `id` inside `President`).
    struct Keyword {
        var bytes: [UInt8]
        var flag: Triggers
        /// The digits the pattern needs at least (an ID number one, a phone number after its
        /// keyword two, a date of birth three, a passport six).
        var minimumDigits: Int
        var exactCase = false
        var wordStart = true
        init(_ text: String, _ flag: Triggers, digits: Int, exactCase: Bool = false, wordStart: Bool = true) {
            bytes = Array(text.utf8)
            self.flag = flag
            minimumDigits = digits
            self.exactCase = exactCase
            self.wordStart = wordStart
        }
    }

    /// Each pattern's alternatives reduced to words they must contain: `\b(?i:identity card|id
    /// card|national id|…|carte d'identité…)|\bID` needs `identit`, `id card`, `national id`,
    /// `carte` or a case-sensitive `ID`, each at a word start; Khmer keywords have no `\b`.
    static let keywords: [Keyword] = [
        Keyword("ID", .idWord, digits: 1, exactCase: true), Keyword("identit", .idWord, digits: 1), Keyword("id card", .idWord, digits: 1),
        Keyword("national id", .idWord, digits: 1), Keyword("carte", .idWord, digits: 1), Keyword("អត្តសញ្ញាណ", .idWord, digits: 1, wordStart: false),
        Keyword("tel", .phoneWord, digits: 2), Keyword("tél", .phoneWord, digits: 2), Keyword("phone", .phoneWord, digits: 2),
        Keyword("fax", .phoneWord, digits: 2), Keyword("mobile", .phoneWord, digits: 2), Keyword("portable", .phoneWord, digits: 2),
        Keyword("cell", .phoneWord, digits: 2), Keyword("ទូរស័ព្ទ", .phoneWord, digits: 2, wordStart: false),
        Keyword("born", .birthWord, digits: 2), Keyword("birth", .birthWord, digits: 2), Keyword("dob", .birthWord, digits: 2),
        Keyword("né", .birthWord, digits: 2), Keyword("naissance", .birthWord, digits: 2),
        Keyword("កំណើត", .birthWord, digits: 2, wordStart: false), Keyword("កើត", .birthWord, digits: 2, wordStart: false),
        // `(?i:passport|passeport)` has no `\b`.
        Keyword("passport", .passportWord, digits: 6, wordStart: false), Keyword("passeport", .passportWord, digits: 6, wordStart: false),
        Keyword("លិខិតឆ្លងដែន", .passportWord, digits: 6, wordStart: false),
    ]

    /// Non-ASCII scalars that case-insensitive matching may equate with ASCII letters
    /// (`ſ` ~ `s`, Kelvin `K` ~ `k`, `ß` ~ `ss`, `ﬁ` ~ `fi`, `İ` ~ `i`…), and decimal digits
    /// (`\d`), as bitmaps over the Basic Multilingual Plane, derived once from the Unicode
    /// data. A text holding a case twin gets every keyword flag, since the byte comparison
    /// below cannot see through them. Cost: one pass over U+0080–U+FFFF, once per process;
    /// then one bit test per non-ASCII scalar.
    static let scalarBits: (caseTwins: [UInt64], digits: [UInt64]) = {
        var twins = [UInt64](repeating: 0, count: 1024), digits = [UInt64](repeating: 0, count: 1024)
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if isCaseTwin(scalar) { twins[Int(value >> 6)] |= 1 << (value & 63) }
            if scalar.properties.numericType == .decimal { digits[Int(value >> 6)] |= 1 << (value & 63) }
        }
        return (twins, digits)
    }()

    static func isCaseTwin(_ scalar: Unicode.Scalar) -> Bool {
        func hasASCIILetter(_ text: String) -> Bool { text.utf8.contains { isASCIILetter($0) } }
        let properties = scalar.properties
        guard properties.changesWhenCaseMapped else { return false }
        let lower = properties.lowercaseMapping, upper = properties.uppercaseMapping
        return hasASCIILetter(lower) || hasASCIILetter(upper) || hasASCIILetter(properties.titlecaseMapping)
            || hasASCIILetter(lower.uppercased()) || hasASCIILetter(upper.lowercased())
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// The byte at `i` lower-cased: ASCII letters, and the second byte of Latin-1 capitals
    /// (`É` = C3 89 → C3 A9 `é`), so `TÉL` and `NÉE` are found as `tél` and `né`.
    @inline(__always)
    static func folded(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 {
        let byte = p[i]
        if isASCIILetter(byte) { return byte | 0x20 }
        if byte >= 0x80, byte <= 0x9E, byte != 0x97, i > 0, p[i - 1] == 0xC3 { return byte + 0x20 }
        return byte
    }

    /// For each byte, the keywords (bits of indexes into `keywords`) that start with it. One
    /// bit per keyword, so at most 64 keywords (`keywordsFit`, checked by a test and here in
    /// debug builds): a 65th would be silently never looked for, and its pattern never run.
    static let keywordsByFirstByte: [UInt64] = {
        assert(keywordsFit, "more than 64 privacy keywords: widen keywordsByFirstByte")
        var table = [UInt64](repeating: 0, count: 256)
        for (index, keyword) in keywords.enumerated() where index < UInt64.bitWidth {
            let first = isASCIILetter(keyword.bytes[0]) ? keyword.bytes[0] | 0x20 : keyword.bytes[0]
            table[Int(first)] |= UInt64(1) << UInt64(index)
        }
        return table
    }()

    /// The keywords that need a word start (`\b`), as bits: tried only where one can stand.
    static let wordStartKeywords: UInt64 = keywords.enumerated().reduce(0) { bits, entry in
        entry.offset < UInt64.bitWidth && entry.element.wordStart ? bits | UInt64(1) << UInt64(entry.offset) : bits
    }

    /// Whether every keyword has its bit in `keywordsByFirstByte`.
    static var keywordsFit: Bool { keywords.count <= UInt64.bitWidth }

    /// The keyword flags of `p` whose patterns can have their digits: one pass over the bytes,
    /// comparing (through `folded`) only where a keyword's first byte stands.
    ///
    /// Only the keywords still worth finding are tried (enough digits for their pattern, flag
    /// not found yet: a bit mask, updated when a flag is found), and those needing a word start
    /// only where `\b` can stand, so inside a word most bytes cost one table read.
    static func keywordTriggers(_ p: UnsafeBufferPointer<UInt8>, digits: Int) -> Triggers {
        var found: Triggers = []
        let firsts = keywordsByFirstByte, list = keywords, wordStartOnly = wordStartKeywords
        var live: UInt64 = 0
        for (index, keyword) in list.enumerated() where index < UInt64.bitWidth && digits >= keyword.minimumDigits {
            live |= UInt64(1) << UInt64(index)
        }
        var i = 0
        while i < p.count, live != 0 {
            // `\b` cannot stand after an ASCII letter, digit or `_` (a non-ASCII byte may be anything).
            let afterWordByte = i > 0 && (isASCIILetter(p[i - 1]) || (p[i - 1] >= 0x30 && p[i - 1] <= 0x39) || p[i - 1] == 0x5F)
            var candidates = firsts[Int(folded(p, i))] & live
            if afterWordByte { candidates &= ~wordStartOnly }
            while candidates != 0 {
                let index = candidates.trailingZeroBitCount
                candidates &= candidates - 1
                let match = list.withUnsafeBufferPointer { keywords -> Triggers? in
                    let keyword = keywords[index]
                    guard i + keyword.bytes.count <= p.count else { return nil }
                    let same = keyword.bytes.withUnsafeBufferPointer { bytes -> Bool in
                        var k = 0
                        if keyword.exactCase {
                            while k < bytes.count, p[i + k] == bytes[k] { k += 1 }
                        } else {
                            while k < bytes.count, folded(p, i + k) == bytes[k] { k += 1 }
                        }
                        return k == bytes.count
                    }
                    return same ? keyword.flag : nil
                }
                guard let flag = match else { continue }
                found.insert(flag)
                // Every keyword of that flag is done.
                for (other, keyword) in list.enumerated() where other < UInt64.bitWidth && keyword.flag == flag { live &= ~(UInt64(1) << UInt64(other)) }
                candidates &= live
            }
            i += 1
        }
        return found
    }

    static func triggers(_ p: UnsafeBufferPointer<UInt8>) -> Triggers {
        var found: Triggers = []
        var digits = 0
        var caseTwin = false
        let count = p.count
        var previous: UInt8 = 0x20
        var i = 0
        let bits = scalarBits
        while i < count {
            let byte = p[i]
            if byte < 0x80 {
                if byte >= 0x30 && byte <= 0x39 {
                    digits += 1
                } else if byte == 0x40 {
                    found.insert(.at)
                } else if (byte == 0x4D || byte == 0x44 || byte == 0x48 || byte == 0x53), !found.contains(.title), !isASCIILetter(previous) {
                    // A title not after an ASCII letter: Mr, Mrs, Ms, Dr, M., Mme, Mlle, Monsieur,
                    // Madame, H.E., S.E. (after a non-ASCII byte too: `«\u{A0}M. Dupont`).
                    for title in titles where title[0] == byte && i + title.count <= count {
                        var k = 1
                        while k < title.count, p[i + k] == title[k] { k += 1 }
                        guard k == title.count else { continue }
                        let after: UInt8 = i + k < count ? p[i + k] : 0x20
                        if title.last == 0x2E || !isASCIILetter(after) {
                            found.insert(.title)
                            break
                        }
                    }
                }
                previous = byte
                i += 1
                continue
            }
            // A non-ASCII scalar: decode it (Swift strings are valid UTF-8).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard i + length <= count else { break }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(p[i + k] & 0x3F) }
            if value >= 0x1780 && value <= 0x17FF {
                found.insert(.khmer)
                if value >= 0x17E0 && value <= 0x17E9 { digits += 1 }
            } else if value <= 0xFFFF {
                let word = Int(value >> 6), bit = UInt64(1) << (value & 63)
                if bits.digits[word] & bit != 0 { digits += 1 }
                if bits.caseTwins[word] & bit != 0 { caseTwin = true }
            } else if let scalar = Unicode.Scalar(value) {
                if scalar.properties.numericType == .decimal { digits += 1 }
                if isCaseTwin(scalar) { caseTwin = true }
            }
            previous = p[i + length - 1]
            i += length
        }
        if digits >= 1 {
            found.insert(.oneDigit)
            if caseTwin {
                found.formUnion([.birthWord, .passportWord, .idWord, .phoneWord])
            } else {
                found.formUnion(keywordTriggers(p, digits: digits))
            }
        }
        if digits >= 2 || found.contains(.khmer) { found.insert(.someDigits) }
        if digits >= 6 { found.insert(.digits) }
        return found
    }
}
