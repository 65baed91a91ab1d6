extension PersonalDataScrubber {
    /// What a text contains that some pattern needs before it can match at all. The scrubber
    /// runs a pattern only on texts holding everything in its `needs`, so each flag must be a
    /// *necessary* condition of the patterns that need it (never a heuristic): filtered and
    /// unfiltered scrubbing give the same spans, which `PrivacyFilterEquivalenceTests` checks on
    /// the real notes, Europarl and random strings.
    struct Triggers: OptionSet {
        let rawValue: UInt16
        /// An `@`, an `at` between brackets or parentheses, either case (`(at)`, `[AT]`, `( at )`),
        /// a ` dot ` between spaces or tabs, or `t.me/`: e-mail addresses, plain or written to
        /// defeat harvesters (`sokha [at] mfa.gov.kh`, `sokha at mfa dot gov dot kh`), display
        /// names before one, and Telegram handles (review 1130f m2). One flag for the ways of
        /// writing a contact address: the sixteen bits are all taken.
        static let at = Triggers(rawValue: 1)
        /// At least six decimal digits of any script, as ICU's `\d` counts them (passport
        /// numbers, international and Cambodian phone numbers).
        static let digits = Triggers(rawValue: 2)
        /// A Latin title (`Mr`, `Mme`, `H.`…) not preceded by an ASCII letter, where a name can
        /// follow it (`nameCanFollow`) and not only an office (`officeFollows`: "Mr President").
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
        /// A `+` followed by a digit (or a non-ASCII scalar, which may be one) and not after an
        /// ASCII letter, digit, `_`, `/` or `+`: how an international number starts.
        static let plusDigit = Triggers(rawValue: 1024)
        /// An ASCII `0` followed by a digit (or a non-ASCII scalar) and not after an ASCII
        /// letter, digit, `_`, `/`, `.`, `+` or `-`; or a Khmer `០`: how a Cambodian local number starts.
        static let zeroLead = Triggers(rawValue: 2048)
        /// Khmer `កើត` ("born"), the only word that introduces the second date-of-birth pattern.
        static let khmerBorn = Triggers(rawValue: 4096)
        /// A role label (`Translator`, `Traducteur`, `អ្នកបកប្រែ`…) before a colon (`:`, `៖`,
        /// `ៈ`), or a `by`/`par` label beginning the text (`roleLabelEnds`, `byLabelStarts`).
        static let roleLabel = Triggers(rawValue: 8192)
        /// A `(` followed by a digit (or a non-ASCII scalar, which may be one) and not after an
        /// ASCII letter, digit, `_`, `/` or `+`: how a country code in parentheses starts
        /// (`(855) 23 216 666`). Why: that pattern needed six digits alone, which every origin
        /// (`generated-100000.tmx#812`, twice with `identifierSpans`) and every context key
        /// (hex hashes) holds, so it ran an ICU search on two or three strings per unit that
        /// hold no `(` — about 0.14 CPU-s per 100,000 units of the import (perf, 30 Nov). Cost:
        /// one byte test per `(`.
        static let parenDigit = Triggers(rawValue: 16384)
        /// A Khmer title written short or as a degree, where a name can follow it: ឯ, ល or ឧ
        /// followed by a full stop (ឯ.ឧ., ល.ជ., ឧ.ក.), or បណ្ឌិត ("Dr."). Why its own flag: the
        /// pattern of these titles (review 1130c M4) would otherwise run on every Khmer text,
        /// and ប begins many Khmer words; most Khmer texts hold neither. Cost: a few byte
        /// compares at each ឯ, ល, ឧ and ប, which the byte pass decodes anyway.
        static let khmerTitleAbbreviation = Triggers(rawValue: 32768)
        /// Every flag, one by one (a new flag goes here too; a test checks every pattern's
        /// `needs` lies within `all`, since unfiltered scrubbing runs the patterns `all` allows).
        static let flags: [Triggers] = [.at, .digits, .title, .khmer, .someDigits, .passportWord, .idWord, .phoneWord, .birthWord, .oneDigit,
                                        .plusDigit, .zeroLead, .khmerBorn, .roleLabel, .parenDigit, .khmerTitleAbbreviation]
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

    static let titles: [[UInt8]] = ["Mr", "Mrs", "Ms", "Dr", "M.", "Mme", "Mlle", "Messrs", "Monsieur", "Madame", "Mademoiselle", "Madam", "Miss", "H.", "S.",
                                    "MM", "Mmes", "Mlles", "Messieurs", "Mesdames",
                                    // Spelled-out honorifics (`His Excellency`, `Her Excellency`, `Son Excellence`, `Samdech`, `Oknha`).
                                    "His", "Her", "Son", "Samdech", "Oknha",
                                    // Romanised Khmer titles (`Lok Chumteav`, `Lok`: review 1130c M4).
                                    "Lok",
                                    // In capitals, with their full stop (`MR. SOK VANNA`).
                                    "MR.", "MRS.", "MS.", "DR."]
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
        /// What the pattern allows right after the keyword (`Follow`).
        var follow: Follow = .anything
        init(_ text: String, _ flag: Triggers, digits: Int, exactCase: Bool = false, wordStart: Bool = true, follow: Follow = .anything) {
            bytes = Array(text.utf8)
            self.flag = flag
            minimumDigits = digits
            self.exactCase = exactCase
            self.wordStart = wordStart
            self.follow = follow
        }
    }

    /// What may stand right after a keyword for its pattern to match there: a necessary
    /// condition read off the pattern, on the next byte only when it is ASCII (a non-ASCII
    /// scalar — NBSP, U+200B, an accented capital, a Khmer digit — always passes, as does the
    /// end of the text when nothing is required). `tel` in "tell", `né` in "nécessaire" and
    /// `born` in "borne" are so not taken for keywords: their patterns could never match there.
    enum Follow {
        case anything
        /// The next byte, when ASCII, is in this set (bits of `low` for 0–63, `high` for 64–127).
        case ascii(low: UInt64, high: UInt64)
        /// `née?`: an `e` may follow, then the birth set applies to the byte after it.
        case nee

        /// White space as ICU's `\s` and `[\s\u200B]` read it, widened to every ASCII control
        /// and the space (a superset is safe: it only lets more texts reach the pattern).
        static let space: (low: UInt64, high: UInt64) = ((UInt64(1) << 33) - 1, 0)
        static func set(_ characters: String, digits: Bool = false, capitals: Bool = false) -> (low: UInt64, high: UInt64) {
            var (low, high) = space
            func add(_ byte: UInt8) { if byte < 64 { low |= UInt64(1) << UInt64(byte) } else { high |= UInt64(1) << UInt64(byte - 64) } }
            for byte in characters.utf8 where byte < 0x80 { add(byte) }
            if digits { for byte in UInt8(0x30)...0x39 { add(byte) } }
            if capitals { for byte in UInt8(0x41)...0x5A { add(byte) } }
            return (low, high)
        }
        /// After a phone keyword: `\.?`, then `numberWord` (a gap, `No`/`no`/`number`/`n°`…, a
        /// gap, `[:.៖]?`, a gap), then `\+?\(?` and a digit.
        static let phone: Follow = { let s = set(".:+(Nn", digits: true); return .ascii(low: s.low, high: s.high) }()
        /// After a chat link's `wa.me/`, `t.me/`, `phone=` or `number=`: `\+?` or `%2B`, and a digit.
        static let link: Follow = { let s = set("+%", digits: true); return .ascii(low: s.low, high: s.high) }()
        /// `tel` also begins `telephone`.
        static let tel: Follow = { let s = set(".:+(NnEe", digits: true); return .ascii(low: s.low, high: s.high) }()
        /// After a birth keyword (`born(\s+on)?`, `birth\s*[:,]?`, `dob\s*[:.]?`,
        /// `naissance\s*[:,]?`), a gap and the date: a digit or a capital (`\p{Lu}`).
        static let birthSet = set(":,.", digits: true, capitals: true)
        static let birth: Follow = .ascii(low: birthSet.low, high: birthSet.high)
        /// After an abbreviated birth label (`dob`, `d.o.b`: `abbreviatedBirthPattern`), the
        /// birth set or the `(` of a format hint ("DOB (dd/mm/yyyy): …").
        static let birthHint: Follow = { let s = set(":,.(", digits: true, capitals: true); return .ascii(low: s.low, high: s.high) }()

        /// Whether the pattern can go on after a keyword ending before `i`.
        @inline(__always)
        func allows(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
            switch self {
            case .anything:
                return true
            case .ascii(let low, let high):
                return i >= p.count || Self.contains(low, high, p[i])
            case .nee:
                guard i < p.count else { return true }
                let next = p[i] == 0x65 ? i + 1 : i
                return next >= p.count || Self.contains(Self.birthSet.low, Self.birthSet.high, p[next])
            }
        }

        @inline(__always)
        static func contains(_ low: UInt64, _ high: UInt64, _ byte: UInt8) -> Bool {
            if byte >= 0x80 { return true }
            return byte < 64 ? low & (UInt64(1) << UInt64(byte)) != 0 : high & (UInt64(1) << UInt64(byte - 64)) != 0
        }
    }

    /// Each pattern's alternatives reduced to words they must contain: `\b(?i:identity card|id
    /// card|national id|…|carte d'identité…)|\bID` needs `identit`, `id card`, `national id`,
    /// `carte` or a case-sensitive `ID`, each at a word start; Khmer keywords have no `\b`.
    /// The Khmer `កើត` is listed twice: as a birth word (the first date-of-birth pattern) and
    /// alone (`khmerBorn`: the second pattern, which only it introduces).
    static let keywords: [Keyword] = [
        Keyword("ID", .idWord, digits: 1, exactCase: true), Keyword("identit", .idWord, digits: 1), Keyword("id card", .idWord, digits: 1),
        Keyword("national id", .idWord, digits: 1), Keyword("carte", .idWord, digits: 1), Keyword("អត្តសញ្ញាណ", .idWord, digits: 1, wordStart: false),
        Keyword("tel", .phoneWord, digits: 2, follow: .tel), Keyword("tél", .phoneWord, digits: 2, follow: .phone),
        Keyword("phone", .phoneWord, digits: 2, follow: .phone), Keyword("fax", .phoneWord, digits: 2, follow: .phone),
        Keyword("mobile", .phoneWord, digits: 2, follow: .phone), Keyword("portable", .phoneWord, digits: 2, follow: .phone),
        Keyword("cell", .phoneWord, digits: 2, follow: .phone), Keyword("ទូរស័ព្ទ", .phoneWord, digits: 2, wordStart: false),
        // The number of a chat link (`phoneLinkPattern`: `wa.me/855…`, `send?phone=855…`,
        // `t.me/+855…`, `viber://chat?number=%2B855…`; `number=` has no `\b` in the pattern).
        Keyword("wa.me/", .phoneWord, digits: 6, follow: .link), Keyword("phone=", .phoneWord, digits: 6, follow: .link),
        Keyword("t.me/", .phoneWord, digits: 6, follow: .link), Keyword("number=", .phoneWord, digits: 6, wordStart: false, follow: .link),
        Keyword("born", .birthWord, digits: 2, follow: .birth), Keyword("birth", .birthWord, digits: 2, follow: .birth),
        Keyword("dob", .birthWord, digits: 2, follow: .birthHint), Keyword("né", .birthWord, digits: 2, follow: .nee),
        Keyword("naissance", .birthWord, digits: 2, follow: .birth),
        // The abbreviated labels of `abbreviatedBirthPattern`: "D.O.B.", « date de naiss. ».
        Keyword("d.o.b", .birthWord, digits: 2, follow: .birthHint), Keyword("naiss.", .birthWord, digits: 2, follow: .birthHint),
        Keyword("កំណើត", .birthWord, digits: 2, wordStart: false), Keyword("កើត", .birthWord, digits: 2, wordStart: false),
        Keyword("កើត", .khmerBorn, digits: 2, wordStart: false),
        // `(?i:passport|passeport)` has no `\b`.
        Keyword("passport", .passportWord, digits: 6, wordStart: false), Keyword("passeport", .passportWord, digits: 6, wordStart: false),
        Keyword("លិខិតឆ្លងដែន", .passportWord, digits: 6, wordStart: false),
    ]

    /// Non-ASCII scalars that case-insensitive matching may equate with ASCII letters
    /// (`ſ` ~ `s`, Kelvin `K` ~ `k`, `ß` ~ `ss`, `ﬁ` ~ `fi`, `İ` ~ `i`…), and decimal digits
    /// (`\d`), as bitmaps over the Basic Multilingual Plane, derived once from the Unicode
    /// data. A text holding a case twin gets every keyword flag, since the byte comparison
    /// below cannot see through them. Cost: one pass over U+0080–U+FFFF but the blocks of
    /// `scalarBitsSkipped`, once per process; then one bit test per non-ASCII scalar.
    static let scalarBits: (caseTwins: [UInt64], digits: [UInt64]) = scalarBitsTable(skipping: scalarBitsSkipped)

    /// Blocks of the BMP that hold no decimal digit and no case twin — CJK ideographs (and
    /// Extension A), Yi syllables, Hangul syllables, surrogates, private use — which the table
    /// needs not read. Why: reading every scalar's properties cost 66 million instructions, 1 %
    /// of a 20,000-unit import (callgrind, 30 Nov), two thirds of it in these blocks;
    /// `PrivacyPreCheckFastPathTests` checks the table equals the one built from every scalar.
    static let scalarBitsSkipped: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA48F, 0xAC00...0xD7A3, 0xD800...0xF8FF]

    /// `scalarBits` built from every scalar of U+0080–U+FFFF outside `skipping`.
    static func scalarBitsTable(skipping: [ClosedRange<UInt32>]) -> (caseTwins: [UInt64], digits: [UInt64]) {
        var twins = [UInt64](repeating: 0, count: 1024), digits = [UInt64](repeating: 0, count: 1024)
        var value: UInt32 = 0x80
        while value <= 0xFFFF {
            if let skipped = skipping.first(where: { $0.contains(value) }) {
                value = skipped.upperBound + 1
                continue
            }
            defer { value += 1 }
            guard let scalar = Unicode.Scalar(value) else { continue }
            if isCaseTwin(scalar) { twins[Int(value >> 6)] |= 1 << (value & 63) }
            if scalar.properties.numericType == .decimal { digits[Int(value >> 6)] |= 1 << (value & 63) }
        }
        return (twins, digits)
    }

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

    /// `keywords` laid out for the byte loop of `keywordTriggers`: flat, read through pointers,
    /// so trying a keyword costs no array or closure. Built once per process; never freed.
    final class KeywordTable: @unchecked Sendable {
        /// By byte: the keywords (bits of indexes into `keywords`) that can begin at a word
        /// start with this byte (either case unless `exactCase`), and those without `\b`,
        /// which can begin anywhere. `candidates` holds both: the word-start table at 0, the
        /// anywhere table at 256, so the loop indexes one table with `byte + wordOffset[previous]`.
        let candidates: UnsafeMutablePointer<UInt64>
        var wordStart: UnsafeMutablePointer<UInt64> { candidates }
        var anywhere: UnsafeMutablePointer<UInt64> { candidates + 256 }
        /// 256 for ASCII letters, digits and `_` (after one, `\b` cannot stand before a
        /// letter: only the anywhere table applies), 0 for every other byte.
        let wordOffset: UnsafeMutablePointer<Int>
        /// By ASCII byte, for the first pass of `triggers`: `digit` (1) for 0–9, `notable` (2)
        /// for the bytes that pass looks at (`@`, `+`, `(`, `[`, `/`, `d`, `0`, `:`, the first letters of titles), 0 else.
        let asciiClass: UnsafeMutablePointer<UInt8>
        static let digit: UInt8 = 1, notable: UInt8 = 2
        /// Every keyword's bytes, end to end; keyword `k` is `bytes[start[k]..<start[k + 1]]`.
        let bytes: UnsafeMutablePointer<UInt8>
        let start: UnsafeMutablePointer<Int>
        let exactCase: UInt64
        let flags: UnsafeMutablePointer<UInt16>
        let follows: UnsafeMutablePointer<Follow>
        /// By keyword: the keywords of the same flag (done once the flag is found).
        let sameFlag: UnsafeMutablePointer<UInt64>
        /// By `min(digits, 6)`: the keywords whose patterns can have that many digits.
        let live: UnsafeMutablePointer<UInt64>
        /// By byte: the keywords whose second byte it is, compared through `folded` (`secondFolded`)
        /// or exactly (`secondExact`, the `exactCase` ones), as `keywordsAt` compares them; a
        /// keyword of one byte (none today) is in every entry of both. The fused pass
        /// (`preChecks`) keeps only these candidates, so most word starts compare no keyword.
        let secondFolded: UnsafeMutablePointer<UInt64>
        let secondExact: UnsafeMutablePointer<UInt64>

        init(_ keywords: [Keyword]) {
            precondition(keywords.count <= UInt64.bitWidth, "more than 64 privacy keywords: widen KeywordTable")
            candidates = .allocate(capacity: 512); candidates.initialize(repeating: 0, count: 512)
            wordOffset = .allocate(capacity: 256)
            asciiClass = .allocate(capacity: 128)
            for byte in 0..<256 {
                let b = UInt8(byte)
                (wordOffset + byte).initialize(to: PersonalDataScrubber.isASCIILetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x5F ? 256 : 0)
                if byte < 128 {
                    var kind: UInt8 = b >= 0x30 && b <= 0x39 ? Self.digit : 0
                    if b == 0x30 || b == 0x40 || b == 0x2B || b == 0x28 || b == 0x5B || b == 0x2F || b == 0x64 || b == 0x4D || b == 0x44 || b == 0x48 || b == 0x53 || b == 0x4F || b == 0x4C || b == 0x3A { kind |= Self.notable }
                    (asciiClass + byte).initialize(to: kind)
                }
            }
            let anywhere = candidates + 256
            let total = keywords.reduce(0) { $0 + $1.bytes.count }
            bytes = .allocate(capacity: max(total, 1))
            start = .allocate(capacity: keywords.count + 1)
            flags = .allocate(capacity: max(keywords.count, 1))
            follows = .allocate(capacity: max(keywords.count, 1))
            sameFlag = .allocate(capacity: max(keywords.count, 1))
            live = .allocate(capacity: 7); live.initialize(repeating: 0, count: 7)
            secondFolded = .allocate(capacity: 256); secondFolded.initialize(repeating: 0, count: 256)
            secondExact = .allocate(capacity: 256); secondExact.initialize(repeating: 0, count: 256)
            var exact: UInt64 = 0
            var offset = 0
            for (index, keyword) in keywords.enumerated() {
                let bit = UInt64(1) << UInt64(index)
                start[index] = offset
                for byte in keyword.bytes { bytes[offset] = byte; offset += 1 }
                (flags + index).initialize(to: keyword.flag.rawValue)
                (follows + index).initialize(to: keyword.follow)
                var same: UInt64 = 0
                for (other, candidate) in keywords.enumerated() where candidate.flag == keyword.flag { same |= UInt64(1) << UInt64(other) }
                sameFlag[index] = same
                if keyword.exactCase { exact |= bit }
                let first = keyword.bytes[0]
                var firsts = [first]
                if !keyword.exactCase, PersonalDataScrubber.isASCIILetter(first) { firsts = [first | 0x20, first & ~0x20] }
                for byte in firsts {
                    candidates[Int(byte)] |= bit
                    if !keyword.wordStart { anywhere[Int(byte)] |= bit }
                }
                for digits in 0...6 where digits >= keyword.minimumDigits { live[digits] |= bit }
                if keyword.bytes.count < 2 {
                    for byte in 0..<256 { secondFolded[byte] |= bit; secondExact[byte] |= bit }
                } else if keyword.exactCase {
                    secondExact[Int(keyword.bytes[1])] |= bit
                } else {
                    secondFolded[Int(keyword.bytes[1])] |= bit
                }
            }
            start[keywords.count] = offset
            exactCase = exact
        }

        /// The one `keywordTable` lives as long as the process; a table built anywhere else (a
        /// test) is freed with its owner (review H7).
        deinit {
            candidates.deallocate(); wordOffset.deallocate(); asciiClass.deallocate(); bytes.deallocate(); start.deallocate()
            flags.deallocate(); follows.deallocate(); sameFlag.deallocate(); live.deallocate()
            secondFolded.deallocate(); secondExact.deallocate()
        }
    }

    static let keywordTable = KeywordTable(keywords)

    /// Whether every keyword has its bit in `KeywordTable`.
    static var keywordsFit: Bool { keywords.count <= UInt64.bitWidth }

    /// The keyword flags of `p` whose patterns can have their digits: one pass over the bytes,
    /// comparing (through `folded`) only where a keyword's first byte stands, and counting a
    /// keyword only where its pattern can go on after it (`Follow`).
    ///
    /// Only the keywords still worth finding are tried (enough digits for their pattern, flag
    /// not found yet: a bit mask, updated when a flag is found), and those needing a word start
    /// only where `\b` can stand, so inside a word most bytes cost one table read.
    static func keywordTriggers(_ p: UnsafeBufferPointer<UInt8>, digits: Int) -> Triggers {
        let table = keywordTable
        var live = table.live[min(digits, 6)]
        var found: UInt16 = 0
        // Table pointers in locals, so the loop keeps them in registers.
        let firsts = table.candidates, wordOffset = table.wordOffset
        var offset = 0
        var i = 0
        let count = p.count
        while i < count, live != 0 {
            let byte = Int(p[i])
            let candidates = firsts[offset + byte] & live
            offset = wordOffset[byte]
            if candidates != 0 {
                var matched = keywordsAt(p, i, candidates, table)
                while matched != 0 {
                    let index = matched.trailingZeroBitCount
                    matched &= matched - 1
                    found |= table.flags[index]
                    // Every keyword of that flag is done.
                    live &= ~table.sameFlag[index]
                }
            }
            i += 1
        }
        return Triggers(rawValue: found)
    }

    /// The keywords among `candidates` (bits of indexes into `keywords`) that stand at `i`,
    /// compared through `folded` unless `exactCase`, where their pattern can go on after them
    /// (`Follow`). Shared by `keywordTriggers` and the fused pass (`preChecks`).
    @inline(__always)
    static func keywordsAt(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ candidates: UInt64, _ table: KeywordTable) -> UInt64 {
        var candidates = candidates
        var matched: UInt64 = 0
        let count = p.count
        while candidates != 0 {
            let index = candidates.trailingZeroBitCount
            candidates &= candidates - 1
            let from = table.start[index], length = table.start[index + 1] - from
            guard i + length <= count else { continue }
            var k = 1
            if table.exactCase & (UInt64(1) << UInt64(index)) != 0 {
                while k < length, p[i + k] == table.bytes[from + k] { k += 1 }
            } else {
                while k < length, folded(p, i + k) == table.bytes[from + k] { k += 1 }
            }
            guard k == length, table.follows[index].allows(p, i + length) else { continue }
            matched |= UInt64(1) << UInt64(index)
        }
        return matched
    }

    /// Whether ASCII `byte` keeps a phone number from starting after it: `[\w/+]`, and with
    /// `dotOrHyphen` `.` and `-` too (the look-behinds of the two phone patterns). A non-ASCII
    /// byte never does here (the pattern may still refuse: this is only a pre-filter).
    @inline(__always)
    static func isPhoneGlue(_ byte: UInt8, dotOrHyphen: Bool) -> Bool {
        if byte >= 0x80 { return false }
        if isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2F || byte == 0x2B { return true }
        return dotOrHyphen && (byte == 0x2E || byte == 0x2D)
    }

    /// Whether a `\d` can stand at `i`: an ASCII digit, or a non-ASCII scalar (digits of other
    /// scripts are not decoded here).
    @inline(__always)
    static func canBeDigit(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i < p.count && (p[i] >= 0x80 || (p[i] >= 0x30 && p[i] <= 0x39))
    }

    /// Whether the Latin person pattern can go on after `title` ending before `i`: `\.?`, then
    /// `\s+` — or, after a full stop, `\s*` (`M.Dupont`, `S.E.M.`) — then a capital: the second
    /// title or the name; or the first letter of a particle a surname may begin with (`M. de Villepin`). Necessary, not sufficient: any ASCII control counts as space and any
    /// non-ASCII byte as space or capital. `H.` and `S.` (of `H.E.`, `S.E.`) are not checked further.
    /// The first letters of `leadingParticles` (a surname after a title may begin with one:
    /// `M. de Villepin`), and `d` of a glued `d’`.
    static let particleInitials: Set<UInt8> = Set(leadingParticles.compactMap { $0.utf8.first } + [0x64])

    static func nameCanFollow(_ title: [UInt8], _ p: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        if title.count == 2, title[1] == 0x2E, title[0] != 0x4D { return true }
        var i = end
        var dotted = title.last == 0x2E
        if !dotted, i < p.count, p[i] == 0x2E { i += 1; dotted = true }
        if !dotted { guard i < p.count, p[i] >= 0x80 || p[i] <= 0x20 else { return false } }
        while i < p.count, p[i] <= 0x20 { i += 1 }
        return i < p.count && (p[i] >= 0x80 || (p[i] >= 0x41 && p[i] <= 0x5A) || particleInitials.contains(p[i]))
    }

    /// The single titles `officeFollows` may clear: not the plural ones (`MM.`, `Messrs`), not
    /// `H.`/`S.` (of `H.E.`, `S.E.`), not the spelled-out honorifics.
    static let officeTitles: Set<[UInt8]> = Set(["Mr", "Mrs", "Ms", "Dr", "M.", "Mme", "Mlle", "Monsieur", "Madame", "Mademoiselle", "Madam", "Miss"]
        .map { Array($0.utf8) })

    /// The offices `officeFollows` reads, lower-cased: those of `offices` written in ASCII letters,
    /// without the articles (`Le`/`La` may begin a surname: `isSurnameArticle`) and without any
    /// title or particle word.
    static let asciiOffices: Set<String> = offices.filter { office in
        office.utf8.allSatisfy { isASCIILetter($0) } && !["le", "la", "les", "the"].contains(office)
            && !titleWords.contains(office) && !leadingParticles.contains(office) && !particleArticles.contains(office)
    }

    /// Whether `title` (ending before `end`) is followed by an office and nothing the person
    /// pattern could take for a name: `\.?`, spaces (none needed after a full stop), a capitalised
    /// ASCII word that is an office (`asciiOffices`: "President", "Commissioner"), then the end, a
    /// space, `,` `;` `:` `!` `?` `)`, or a full stop before a space or the end.
    ///
    /// Why: "Mr President" and "Madam President" open about one Europarl text in thirty, and each
    /// ran both title patterns (two ICU searches over the text bridged to UTF-16) and `nameRange`,
    /// which finds an office and nothing else. Why it is safe (`PrivacyFilterEquivalenceTests`
    /// compares with the unfiltered patterns): a match of the person pattern at this title takes
    /// no second title (no office is one) and no leading particle (the word is capitalised), so
    /// its name starts at the office; the word ends where `nameRange` splits (a space) or where the
    /// name ends (the punctuation), so `nameRange`'s first word is the office, maybe with its full
    /// stop, and it returns nil. Anything else — a tab or line break, NBSP, a hyphen, an
    /// apostrophe, an accented letter — leaves the decision to the pattern.
    static func officeFollows(_ title: [UInt8], _ p: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        guard officeTitles.contains(title) else { return false }
        var i = end
        var dotted = title.last == 0x2E
        if !dotted, i < p.count, p[i] == 0x2E { i += 1; dotted = true }
        let gap = i
        while i < p.count, p[i] == 0x20 { i += 1 }
        guard dotted || i > gap, i < p.count, p[i] >= 0x41, p[i] <= 0x5A else { return false }
        let start = i
        while i < p.count, isASCIILetter(p[i]) { i += 1 }
        guard i - start <= 24 else { return false }
        if i < p.count {
            switch p[i] {
            case 0x20, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29: break
            case 0x2E: guard i + 1 == p.count || p[i + 1] == 0x20 else { return false }
            default: return false
            }
        }
        var word = ""
        for j in start..<i { word.unicodeScalars.append(Unicode.Scalar(p[j] | 0x20)) }
        return asciiOffices.contains(word)
    }

    /// The UTF-8 of ណ្ឌិត, what follows ប in បណ្ឌិត.
    static let doctorTail: [UInt8] = Array("ណ្ឌិត".utf8)

    /// Whether an abbreviated Khmer title (ឯ.ឧ., ល.ជ., ឧ.ក.) or បណ្ឌិត begins at `i`, where the
    /// Khmer scalar `value` stands (3 bytes): ឯ U+17AF, ល U+179B or ឧ U+17A7 right before `.`,
    /// or ប U+1794 before ណ្ឌិត. Necessary for `khmerAbbreviatedTitles`/`khmerDoctorTitles`.
    @inline(__always)
    static func khmerTitleAbbreviationStarts(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ value: UInt32) -> Bool {
        switch value {
        case 0x17AF, 0x179B, 0x17A7:
            return i + 3 < p.count && p[i + 3] == 0x2E
        case 0x1794:
            let tail = doctorTail
            guard i + 3 + tail.count <= p.count else { return false }
            for k in 0..<tail.count where p[i + 3 + k] != tail[k] { return false }
            return true
        default:
            return false
        }
    }

    static func triggers(_ p: UnsafeBufferPointer<UInt8>) -> Triggers {
        var state = TriggerState(p)
        let count = p.count
        var previous: UInt8 = 0x20
        var i = 0
        let asciiClass = keywordTable.asciiClass
        while i < count {
            let byte = p[i]
            if byte < 0x80 {
                // One table read for the usual byte (a letter, a space, punctuation).
                let kind = asciiClass[Int(byte)]
                if kind != 0 { state.ascii(p, i, byte, kind: kind, previous: previous) }
                previous = byte
                i += 1
                continue
            }
            // A non-ASCII scalar: decode it (Swift strings are valid UTF-8).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard i + length <= count else { break }
            state.scalar(p, i, byte, length: length)
            previous = p[i + length - 1]
            i += length
        }
        return state.finished(keywords: state.digits >= 1 && !state.caseTwin ? keywordTriggers(p, digits: state.digits) : [])
    }

    /// Whether `(at)`/`[at]` (either case, either closing bracket) begins at `i`, where `(` or `[`
    /// stands: how an obfuscated e-mail address replaces its `@` (`obfuscatedEmailPattern`).
    @inline(__always)
    static func bracketedAt(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var j = i + 1
        if j < p.count, p[j] == 0x20 || p[j] == 0x09 { j += 1 }
        guard j + 2 < p.count, p[j] | 0x20 == 0x61, p[j + 1] | 0x20 == 0x74 else { return false }
        j += 2
        if p[j] == 0x20 || p[j] == 0x09 { j += 1 }
        return j < p.count && (p[j] == 0x29 || p[j] == 0x5D)
    }

    /// Whether ` dot ` (either case, a space or tab on both sides) begins at `i`, where `d` or `D`
    /// stands after `previous`: how a spelled e-mail address writes its dots
    /// (`spelledEmailPattern`, also a dot of `obfuscatedEmailPattern`). Not `(dot)`/`[dot]`,
    /// which need the bracketed `at` of their pattern anyway.
    @inline(__always)
    static func spelledDot(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, previous: UInt8) -> Bool {
        guard previous == 0x20 || previous == 0x09, i + 3 < p.count else { return false }
        return p[i + 1] | 0x20 == 0x6F && p[i + 2] | 0x20 == 0x74 && (p[i + 3] == 0x20 || p[i + 3] == 0x09)
    }

    /// Whether `t.me/` ends at `i`, where `/` stands, with no letter, digit, `_`, `.` or `-`
    /// before its `t`: a Telegram link (`telegramHandlePattern`).
    @inline(__always)
    static func telegramLink(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i >= 4, p[i - 1] == 0x65, p[i - 2] == 0x6D, p[i - 3] == 0x2E, p[i - 4] == 0x74 else { return false }
        guard i >= 5 else { return true }
        let before = p[i - 5]
        return !(isASCIILetter(before) || (before >= 0x30 && before <= 0x39) || before == 0x5F || before == 0x2E || before == 0x2D)
    }

    /// What the `triggers` pass has found so far in a text, and its steps: one for an ASCII
    /// byte the pass looks at (`asciiClass` non-zero), one for a non-ASCII scalar. Shared by
    /// `triggers` and the fused pass (`preChecks`), so both decide each byte the same way.
    struct TriggerState {
        var found: Triggers
        var digits = 0
        var caseTwin = false
        /// `scalarBits`, read once per text (not once per non-ASCII scalar).
        let bits = scalarBits

        @inline(__always)
        init(_ p: UnsafeBufferPointer<UInt8>) { found = PersonalDataScrubber.byLabelStarts(p) ? .roleLabel : [] }

        /// ASCII `byte` at `i` of class `kind` (non-zero), after `previous`.
        @inline(__always)
        mutating func ascii(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ byte: UInt8, kind: UInt8, previous: UInt8) {
            let count = p.count
            if byte == 0x64 || byte == 0x2F {
                // `d` of a spelled ` dot `, `/` of `t.me/`: nothing else looks at them.
                if !found.contains(.at), byte == 0x64 ? spelledDot(p, i, previous: previous) : telegramLink(p, i) { found.insert(.at) }
                return
            }
            if kind == KeywordTable.digit {
                digits += 1
            } else if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                // `[0០]\d` not after `[\w/.+-]`: a Cambodian local number can start here.
                if byte == 0x30, !found.contains(.zeroLead), !isPhoneGlue(previous, dotOrHyphen: true), canBeDigit(p, i + 1) {
                    found.insert(.zeroLead)
                }
            } else if byte == 0x40 {
                found.insert(.at)
            } else if byte == 0x3A {
                // A colon: is a role label before it (`Translator:`, `Traducteur :`)?
                if !found.contains(.roleLabel), roleLabelEnds(p, i), roleNameCanFollow(p, i + 1) { found.insert(.roleLabel) }
            } else if byte == 0x2B {
                // `\+\d` not after `[\w/+]`: an international number can start here.
                if !isPhoneGlue(previous, dotOrHyphen: false), canBeDigit(p, i + 1) { found.insert(.plusDigit) }
            } else if byte == 0x28 {
                // `\(\d` not after `[\w/+]`: a country code in parentheses can start here.
                if !found.contains(.parenDigit), !isPhoneGlue(previous, dotOrHyphen: false), canBeDigit(p, i + 1) { found.insert(.parenDigit) }
                if !found.contains(.at), bracketedAt(p, i) { found.insert(.at) }
            } else if byte == 0x5B {
                if !found.contains(.at), bracketedAt(p, i) { found.insert(.at) }
            } else if byte == 0x44, !found.contains(.at), spelledDot(p, i, previous: previous) {
                // ` DOT `; `D` also begins `Dr`, which is looked at below when it is no dot.
                found.insert(.at)
            } else if (byte == 0x4D || byte == 0x44 || byte == 0x48 || byte == 0x53 || byte == 0x4F || byte == 0x4C), !found.contains(.title), !isASCIILetter(previous), previous != 0x2E {
                // A title not after an ASCII letter or a full stop (`(?<![\p{L}\p{M}.])`):
                // Mr, Mrs, Ms, Dr, M., Mme, Mlle, Monsieur, Madame, H.E., S.E., His/Her
                // Excellency, Son Excellence, Samdech, Oknha (after a
                // non-ASCII byte too: `«\u{A0}M. Dupont`), where a name can follow it.
                for title in titles where title[0] == byte && i + title.count <= count {
                    var k = 1
                    while k < title.count, p[i + k] == title[k] { k += 1 }
                    guard k == title.count else { continue }
                    if nameCanFollow(title, p, i + k) {
                        // "Mr President": the pattern would take only an office there.
                        if officeFollows(title, p, i + k) { continue }
                        found.insert(.title)
                        break
                    }
                }
            }
        }

        /// The non-ASCII scalar of `length` bytes (2 to 4, all in `p`) beginning with `byte` at `i`.
        @inline(__always)
        mutating func scalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ byte: UInt8, length: Int) {
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(p[i + k] & 0x3F) }
            if value >= 0x1780 && value <= 0x17FF {
                found.insert(.khmer)
                if value >= 0x17E0 && value <= 0x17E9 { digits += 1 }
                if value == 0x17E0 { found.insert(.zeroLead) }
                // ឯ/ល/ឧ and a full stop, or បណ្ឌិត: an abbreviated title or "Dr." may begin here.
                if !found.contains(.khmerTitleAbbreviation), khmerTitleAbbreviationStarts(p, i, value) { found.insert(.khmerTitleAbbreviation) }
                // A Khmer colon (`៖`, or `ៈ` as bylines write it) after a role label.
                if value == 0x17D6 || value == 0x17C8, !found.contains(.roleLabel), roleLabelEnds(p, i), roleNameCanFollow(p, i + length) {
                    found.insert(.roleLabel)
                }
            } else if value <= 0xFFFF {
                let word = Int(value >> 6), bit = UInt64(1) << (value & 63)
                if bits.digits[word] & bit != 0 { digits += 1 }
                if bits.caseTwins[word] & bit != 0 { caseTwin = true }
            } else if let scalar = Unicode.Scalar(value) {
                if scalar.properties.numericType == .decimal { digits += 1 }
                if isCaseTwin(scalar) { caseTwin = true }
            }
        }

        /// The text's triggers once every byte is read; `keywords`: what `keywordTriggers` finds
        /// with `digits` (read only when there is a digit and no case twin).
        @inline(__always)
        func finished(keywords: Triggers) -> Triggers {
            var found = self.found
            if digits >= 1 {
                found.insert(.oneDigit)
                if caseTwin {
                    found.formUnion([.birthWord, .passportWord, .idWord, .phoneWord, .khmerBorn])
                } else {
                    found.formUnion(keywords)
                }
            }
            // Case twins (`ſ`, Kelvin `K`) may spell a role label the byte comparison cannot see.
            if caseTwin { found.insert(.roleLabel) }
            if digits >= 2 || found.contains(.khmer) { found.insert(.someDigits) }
            if digits >= 6 { found.insert(.digits) }
            return found
        }
    }
}
