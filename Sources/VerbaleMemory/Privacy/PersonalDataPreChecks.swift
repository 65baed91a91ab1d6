extension PersonalDataScrubber {
    /// What the byte pre-checks say about one text: which patterns (`triggers`), further rules
    /// (`possibleFurtherRules`) and name introductions (`possibleIntroductions`) can match it.
    struct PreChecks: Equatable {
        var triggers: Triggers
        var further: FurtherRules
        var introductions: Introductions

        /// Every pattern, rule and introduction: what unfiltered scrubbing runs.
        static let all = PreChecks(triggers: .all, further: .all, introductions: .all)
    }

    /// The three pre-checks of `text` in one pass over its UTF-8 (`preChecks(_:)` on bytes).
    static func preChecks(_ text: String) -> PreChecks {
        var text = text
        return text.withUTF8 { preChecks($0) }
    }

    /// The three passes one after the other (with `keywordTriggers` a fourth, for texts with a
    /// digit): the reference the fused pass must equal (`PrivacyPreCheckFusedPassTests`).
    static func preChecksReference(_ text: String) -> PreChecks {
        PreChecks(triggers: triggers(text), further: possibleFurtherRules(text), introductions: possibleIntroductions(text))
    }

    /// By byte, for the fused pass: whether a byte needs any pass's attention. `always`: some
    /// pass looks at it wherever it stands (a digit, `@`, `+`, `(`, `[`, `/`, `d`, `,`, `:`, the capitals of
    /// titles and keys, `n` and `a` of the name introductions, the first byte of a keyword
    /// that needs no word start, any non-ASCII byte); `letterStart`: a Latin function title
    /// can begin with it after a byte that is no ASCII letter (`furtherByteClasses` 2);
    /// `wordStart`: a keyword can begin with it after a byte that is no letter, digit or `_`
    /// (`KeywordTable.wordStart`). `after` gives, by the byte before, which of these bits apply:
    /// `always`, plus `letterStart` after a non-letter, plus `wordStart` after a non-word byte.
    final class PreCheckTable: @unchecked Sendable {
        static let always: UInt8 = 1, letterStart: UInt8 = 2, wordStart: UInt8 = 4
        let interest: UnsafeMutablePointer<UInt8>
        let after: UnsafeMutablePointer<UInt8>
        /// The keywords beginning with 0xE1 (the Khmer ones) that can stand at a Khmer character,
        /// by its second and third bytes: `(second − 0x9E) × 64 + (third − 0x80)` for U+1780–U+17FF
        /// (E1 9E 80 – E1 9F BF). A Khmer keyword is compared byte for byte (`folded` changes no byte
        /// after E1 or after a continuation byte), so one whose first character differs cannot
        /// match: most Khmer characters then compare none. Keywords beginning with 0xE1 outside the
        /// block (none today) are in every entry, and in `khmerElsewhere` for any other E1 character.
        let khmerKeywords: UnsafeMutablePointer<UInt64>
        let khmerElsewhere: UInt64
        /// By byte, after an ASCII letter (`after[previous] == always`): 0 when the byte needs
        /// the passes' steps there; else the byte is an ASCII letter that no pass acts on inside
        /// a word unless the byte two ahead is an introduction's third (`m`, `p`, 0x88), it is
        /// `n`/`N` before `u`, `U` or C3 (the further rules' `number`/`numéro`/`né`), or the next
        /// byte is the second (any case) of a keyword without `\b` that begins with it — that
        /// second letter here, 1 when no such keyword begins with it. Why: `a`, `n` and `d`
        /// inside words (a third of the bytes the fused pass looked at on Europarl) each ran
        /// the passes' steps and found nothing.
        let midWord: UnsafeMutablePointer<UInt8>

        /// `keywords` built from `keywordCount` keywords (`PersonalDataScrubber.keywords`).
        init(keywords: KeywordTable, keywordCount: Int, furtherClasses: [UInt8], asciiClass: UnsafeMutablePointer<UInt8>) {
            var elsewhere: UInt64 = 0
            var inBlock = [UInt64](repeating: 0, count: 128)
            for index in 0..<keywordCount {
                let from = keywords.start[index], length = keywords.start[index + 1] - from
                guard length >= 3, keywords.bytes[from] == 0xE1 else {
                    if length > 0, keywords.bytes[from] == 0xE1 { elsewhere |= UInt64(1) << UInt64(index) }
                    continue
                }
                let second = keywords.bytes[from + 1], third = keywords.bytes[from + 2]
                if (0x9E...0x9F).contains(second), (0x80...0xBF).contains(third) {
                    inBlock[Int(second - 0x9E) * 64 + Int(third - 0x80)] |= UInt64(1) << UInt64(index)
                } else {
                    elsewhere |= UInt64(1) << UInt64(index)
                }
            }
            interest = .allocate(capacity: 256)
            after = .allocate(capacity: 256)
            midWord = .allocate(capacity: 256)
            khmerKeywords = .allocate(capacity: 128)
            khmerElsewhere = elsewhere
            for slot in 0..<128 { (khmerKeywords + slot).initialize(to: inBlock[slot] | elsewhere) }
            for byte in 0..<256 {
                let b = UInt8(byte)
                var bits: UInt8 = 0
                let furtherClass = furtherClasses[byte]
                if b >= 0x80 || asciiClass[byte] != 0 || furtherClass == 1 || furtherClass == 3 || b == 0x6E || b == 0x61 || b == 0xE1
                    || keywords.anywhere[byte] != 0 {
                    bits |= Self.always
                }
                if furtherClass == 2 { bits |= Self.letterStart }
                if keywords.wordStart[byte] != 0 { bits |= Self.wordStart }
                (interest + byte).initialize(to: bits)
                var applies = Self.always
                if !PersonalDataScrubber.isASCIILetter(b) { applies |= Self.letterStart }
                if keywords.wordOffset[byte] == 0 { applies |= Self.wordStart }
                (after + byte).initialize(to: applies)
                (midWord + byte).initialize(to: PreCheckTable.midWordEntry(b, keywords: keywords, furtherClass: furtherClass,
                                                                   asciiClass: b < 0x80 ? asciiClass[byte] : 0))
            }
        }

        /// `midWord`'s entry for `b`. A letter inside a word (after an ASCII letter): the keyword
        /// step sees only the keywords without `\b` (`anywhere`), kept where the next byte is
        /// their second; a function title (further class 2) needs a byte before it that is no
        /// letter; the spelled dot's `d` needs a space or tab before it; other ASCII classes
        /// (digits, capitals of titles, `@`…) and further class 3 bytes but `n`/`N` always act.
        static func midWordEntry(_ b: UInt8, keywords: KeywordTable, furtherClass: UInt8, asciiClass: UInt8) -> UInt8 {
            guard PersonalDataScrubber.isASCIILetter(b), asciiClass == 0 || b == 0x64,
                  furtherClass == 0 || furtherClass == 2 || (furtherClass == 3 && b | 0x20 == 0x6E) else { return 0 }
            var second: UInt8 = 1
            var anywhere = keywords.anywhere[Int(b)]
            while anywhere != 0 {
                let index = anywhere.trailingZeroBitCount
                anywhere &= anywhere - 1
                let from = keywords.start[index]
                guard keywords.start[index + 1] - from >= 2, keywords.exactCase & (UInt64(1) << UInt64(index)) == 0 else { return 0 }
                let next = keywords.bytes[from + 1]
                guard PersonalDataScrubber.isASCIILetter(next), second == 1 || second == next | 0x20 else { return 0 }
                second = next | 0x20
            }
            return second
        }

        /// The one `preCheckTable` lives as long as the process; one built in a test is freed.
        deinit {
            interest.deallocate()
            after.deallocate()
            midWord.deallocate()
            khmerKeywords.deallocate()
        }

        /// The keywords beginning with 0xE1 that can stand at `i`, where 0xE1 stands.
        @inline(__always)
        func khmerCandidates(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
            guard i + 2 < p.count else { return khmerElsewhere }
            let second = p[i + 1], third = p[i + 2]
            guard second >= 0x9E, second <= 0x9F, third >= 0x80, third <= 0xBF else { return khmerElsewhere }
            return khmerKeywords[Int(second - 0x9E) * 64 + Int(third - 0x80)]
        }
    }

    static let preCheckTable = PreCheckTable(keywords: keywordTable, keywordCount: keywords.count, furtherClasses: furtherByteClasses, asciiClass: keywordTable.asciiClass)

    /// `triggers`, `possibleFurtherRules` and `possibleIntroductions` of the same bytes, in one
    /// pass: each byte is read once and handed to the step of every pass that would look at it
    /// (`TriggerState`, `FurtherState`, `introductionAt`, `keywordsAt`), the same steps the
    /// separate passes take, so the answers are theirs (`PrivacyPreCheckFusedPassTests` compares
    /// with `preChecksReference` on real lines, identifiers, their prefixes and random strings).
    ///
    /// Why: every unit text, origin and id went through three or four passes (`triggers`,
    /// `keywordTriggers` when the text holds a digit, `possibleFurtherRules`,
    /// `possibleIntroductions`), each with its own loop, its own bridge to UTF-8 and its own
    /// table set-up — about 500 million instructions on the 20,000-unit slice, a twelfth of the
    /// import (callgrind, 30 Nov). Most bytes (a letter inside a word, a space) need no pass:
    /// one table read (`PreCheckTable`) passes them. The keywords are looked for in every
    /// text, not only those with a digit, and kept if the digits counted at the end allow their
    /// pattern (`KeywordTable.live`); a non-ASCII scalar is read whole, as `triggers` reads it
    /// (no pass looks at its continuation bytes).
    static func preChecks(_ p: UnsafeBufferPointer<UInt8>) -> PreChecks {
        let table = preCheckTable, keywords = keywordTable
        let interest = table.interest, after = table.after, midWord = table.midWord
        let asciiClass = keywords.asciiClass, furtherClasses = furtherByteClasses
        let wordStartCandidates = keywords.wordStart, anywhereCandidates = keywords.anywhere
        let titlePairs = functionTitlePairs
        var triggerState = TriggerState(p)
        var further = FurtherState()
        var introductions: Introductions = []
        var matchedKeywords: UInt64 = 0
        var liveKeywords = keywords.live[6]
        let count = p.count
        // The byte before `i` (a space at the start, as every pass takes it), and which bits of
        // `interest` apply after it.
        var previous: UInt8 = 0x20
        var applies = after[0x20]
        var i = 0
        while i < count {
            let byte = p[i]
            if interest[Int(byte)] & applies == 0 {
                previous = byte
                applies = after[Int(byte)]
                i += 1
                continue
            }
            // A letter inside a word that no step acts on here (`midWord`): as above.
            if applies == PreCheckTable.always, case let entry = midWord[Int(byte)], entry != 0 {
                let next = i + 1 < count ? p[i + 1] : 0, third = i + 2 < count ? p[i + 2] : 0
                if third != 0x6D, third != 0x70, third != 0x88, entry == 1 || next | 0x20 != entry,
                   byte | 0x20 != 0x6E || (next | 0x20 != 0x75 && next != 0xC3) {
                    previous = byte
                    applies = after[Int(byte)]
                    i += 1
                    continue
                }
            }
            // Keywords: after a letter, digit or `_` only those that need no word start.
            var candidates = (after[Int(previous)] & PreCheckTable.wordStart != 0 ? wordStartCandidates : anywhereCandidates)[Int(byte)] & liveKeywords
            // A Khmer character: only the keywords beginning with it.
            if byte == 0xE1 { candidates &= table.khmerCandidates(p, i) }
            // Only the keywords whose second byte follows (every keyword has two bytes or more).
            if candidates != 0 {
                candidates &= i + 1 < count ? keywords.secondFolded[Int(folded(p, i + 1))] | keywords.secondExact[Int(p[i + 1])] : 0
            }
            if candidates != 0 {
                let matched = keywordsAt(p, i, candidates, keywords)
                matchedKeywords |= matched
                liveKeywords &= ~matched
            }
            let furtherClass = furtherClasses[Int(byte)]
            // A digit inline (the steps' first case), a letter that may begin a function title
            // through the step's own test of its first two bytes, anything else through the step.
            // Why: nearly every word start is such a letter, and the call to `step` cost about
            // 80 instructions each (818,000 calls, 64 million instructions on the 20,000-unit
            // slice, callgrind 30 Nov) where most pairs begin no title; `latinKeyAt` does
            // nothing when neither of its pair tables holds the pair, so it is called only then.
            if furtherClass == 1 {
                further.digits += 1
            } else if furtherClass == 2 {
                if !(further.latinTitle && further.capitalTitle), !isASCIILetter(previous), i + 1 < count {
                    let pair = Int((byte | 0x20) &- 0x61) &* 256 &+ Int(p[i + 1])
                    if titlePairs.latin[pair] || (byte < 0x61 && titlePairs.capital[pair]) { further.latinKeyAt(p, i, byte) }
                }
            } else if furtherClass != 0, byte | 0x20 != 0x6E || (i + 1 < count && (p[i + 1] | 0x20 == 0x75 || p[i + 1] == 0xC3)) {
                // `n`/`N` begins a key (number, numéro, né) only before `u`/`U` or C3 (the step's
                // own tests): the `n` inside words ("and", "dans") makes no call.
                further.step(p, i, byte, kind: furtherClass, previous: previous)
            }
            // An introduction's literal has `m` (name, nom), `p` (appelle) or 0x88 (ឈ) as its
            // third byte (`introductionAt`): any other third byte begins none, so no call.
            if byte == 0x6E || byte == 0x61 || byte == 0xE1, i + 2 < count, introductions != .all,
               p[i + 2] == 0x6D || p[i + 2] == 0x70 || p[i + 2] == 0x88 {
                introductions.formUnion(introductionAt(p, i))
            }
            if byte < 0x80 {
                let kind = asciiClass[Int(byte)]
                if kind == KeywordTable.digit {
                    triggerState.digits += 1
                } else if kind != 0, byte != 0x64 || previous == 0x20 || previous == 0x09 {
                    // `d` matters only as the start of a spelled ` dot ` (after a space or tab,
                    // `spelledDot`): the `d` inside words makes no call.
                    triggerState.ascii(p, i, byte, kind: kind, previous: previous)
                }
                previous = byte
                applies = after[Int(byte)]
                i += 1
                continue
            }
            // A non-ASCII scalar, read whole: no pass looks at its continuation bytes.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard i + length <= count else { break }
            triggerState.scalar(p, i, byte, length: length)
            previous = p[i + length - 1]
            applies = after[Int(previous)]
            i += length
        }
        var found: UInt16 = 0
        let digits = triggerState.digits
        if digits >= 1, !triggerState.caseTwin {
            var kept = matchedKeywords & keywords.live[min(digits, 6)]
            while kept != 0 {
                found |= keywords.flags[kept.trailingZeroBitCount]
                kept &= kept - 1
            }
        }
        return PreChecks(triggers: triggerState.finished(keywords: Triggers(rawValue: found)), further: further.found, introductions: introductions)
    }
}
