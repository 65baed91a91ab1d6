import Foundation

/// The rules of acceptance review 1130d (M3, M4) that the patterns of `init` lack, each in its
/// own expression behind its own byte pre-check (`possibleFurtherRules`), like the name
/// introductions: a text that cannot match a rule never runs it.
///
/// - M3 identifiers (`PersonalDataIdentifierWordings`): a phone number with its country code in
///   parentheses after `+` ("(+855) 23 216 141", how Cambodian letterheads print it); a number
///   after "phone/mobile number is", « numéro de téléphone est », លេខទូរស័ព្ទ…គឺ; a date of birth
///   after "(b." / ", b.", « né(e) », ថ្ងៃកំណើត ("birthday") with the short Khmer month forms.
/// - M4 names after function titles (`PersonalDataFunctionTitles`): Ambassador, Minister,
///   Counsellor, Professor, Consul…, l'Ambassadeur, le ministre…, ឯកអគ្គរាជទូត, រដ្ឋមន្ត្រី…,
///   "H.E" without its last full stop, « Me » (Maître).
/// - Review 1130j M3: a name before its function or between commas after one
///   (`PersonalDataNamesBesideFunctions`): "1. Sok Dara, Director-General", "The Ambassador, Sok Vanna,".
///
/// The spans join the patterns' in `spans(in:)`, where the patterns win an overlap.
extension PersonalDataScrubber {
    /// Which further rules can match a text (`possibleFurtherRules`).
    struct FurtherRules: OptionSet {
        let rawValue: UInt8
        /// `(+` and six digits: a country code in parentheses after `+`.
        static let parenPlusPhone = FurtherRules(rawValue: 1)
        /// Eight digits and `number`/`numéro`, or ទូរស័ព្ទ and គឺ: a number after "… number is".
        static let phoneNumberIs = FurtherRules(rawValue: 2)
        /// Three digits and `(b.`/`, b.`, `né(e)` or កំណើត: a date of birth.
        static let birthWording = FurtherRules(rawValue: 4)
        /// A Latin function title (`ambassad`, `minist`, `counsel`, `conseill`, `prof`,
        /// `consul`, `attach`, `charg`, `maître`, `Me `, `H.`).
        static let latinFunctionTitle = FurtherRules(rawValue: 8)
        /// A Khmer function title (ឯកអគ្គរាជទូត, រដ្ឋមន្ត្រី, សាស្ត្រាចារ្យ, ទីប្រឹក្សា, កុងស៊ុល).
        static let khmerFunctionTitle = FurtherRules(rawValue: 16)
        /// A Latin function title written in capitals (`AMBASSADOR`, `MINISTRE`…:
        /// `capitalFunctionTitles`).
        static let capitalFunctionTitle = FurtherRules(rawValue: 32)
        /// A comma and a space: a name before its function or in apposition after one
        /// (`PersonalDataNamesBesideFunctions`, review 1130j M3).
        static let nameBesideFunction = FurtherRules(rawValue: 64)
        static let all: FurtherRules = [.parenPlusPhone, .phoneNumberIs, .birthWording, .latinFunctionTitle, .khmerFunctionTitle, .capitalFunctionTitle,
                                        .nameBesideFunction]
    }

    /// A compiled further rule: what it finds, the pre-check flag it needs, and how its capture
    /// is trimmed into name spans (`functionTitleNames` for the Latin function titles).
    struct FurtherRule {
        var kind: PersonalDataKind
        var needs: FurtherRules
        var regex: NSRegularExpression
        var latinName = false
        /// A title in capitals: its capture is read by `capitalFunctionTitleName`.
        var capitalName = false
        /// A name beside a function: the match is read by `nameBesideFunction`.
        var besideFunction = false
    }

    /// The rules, compiled once (an expression that does not compile is left out: only possible
    /// with an ICU lacking a feature they use; `PersonalDataReview1130dTests` would then fail).
    static let furtherRules: [FurtherRule] = {
        var rules: [FurtherRule] = []
        func add(_ kind: PersonalDataKind, _ needs: FurtherRules, _ pattern: String, latinName: Bool = false, capitalName: Bool = false,
                 besideFunction: Bool = false) {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return }
            rules.append(FurtherRule(kind: kind, needs: needs, regex: regex, latinName: latinName, capitalName: capitalName,
                                     besideFunction: besideFunction))
        }
        add(.phone, .parenPlusPhone, parenPlusPhonePattern)
        add(.phone, .phoneNumberIs, phoneNumberIsPattern)
        add(.dateOfBirth, .birthWording, birthWordingPattern)
        add(.person, .latinFunctionTitle, latinFunctionTitlePattern, latinName: true)
        add(.person, .khmerFunctionTitle, khmerFunctionTitlePattern)
        add(.person, .capitalFunctionTitle, capitalFunctionTitlePattern, capitalName: true)
        add(.person, .nameBesideFunction, nameBesideFunctionPattern, besideFunction: true)
        return rules
    }()

    /// The spans the further rules find in `text` (capture group 1 of each match; a Latin
    /// function title's name trimmed by `functionTitleName`). `filtered: false` runs every
    /// rule (the equivalence tests compare).
    static func furtherRuleSpans(in text: String, filtered: Bool = true) -> [Span] {
        furtherRuleSpans(in: text, possible: filtered ? possibleFurtherRules(text) : .all)
    }

    /// `furtherRuleSpans` running the rules `possible` allows.
    static func furtherRuleSpans(in text: String, possible: FurtherRules) -> [Span] {
        guard !possible.isEmpty else { return [] }
        let ns = text as NSString
        // The UTF-16 length from the string itself, as `patternSpans` reads it (the string keeps
        // what it counted): through the bridge it cost about 4,700 instructions a text, 9.8
        // million on the 20,000-unit slice (callgrind, 1 Dec).
        let whole = NSRange(location: 0, length: text.utf16.count)
        var spans: [Span] = []
        for rule in furtherRules where possible.isSuperset(of: rule.needs) {
            if rule.besideFunction {
                // Read at the commas, not scanned (`besideFunctionMatches`).
                for match in besideFunctionMatches(in: text, length: whole.length, regex: rule.regex) {
                    guard let name = nameBesideFunction(match, in: ns), !spans.contains(where: { NSIntersectionRange($0.range, name).length > 0 }) else { continue }
                    spans.append(Span(kind: rule.kind, range: name))
                }
                continue
            }
            for match in rule.regex.matches(in: text, range: whole) {
                var range = match.range(at: 1)
                guard range.location != NSNotFound, range.length > 0 else { continue }
                if rule.latinName {
                    guard let name = functionTitleName(range, in: ns) else { continue }
                    range = name
                } else if rule.capitalName {
                    guard let name = capitalFunctionTitleName(range, in: ns) else { continue }
                    range = name
                }
                if spans.contains(where: { NSIntersectionRange($0.range, range).length > 0 }) { continue }
                spans.append(Span(kind: rule.kind, range: range))
            }
        }
        return spans
    }

    /// The UTF-8 of the Khmer words the pre-check looks for.
    static let khmerKeys: (born: [UInt8], phone: [UInt8], copula: [UInt8], titles: [[UInt8]]) = (
        Array("កំណើត".utf8), Array("ទូរស័ព្ទ".utf8), Array("គឺ".utf8), khmerFunctionTitles.map { Array($0.utf8) }
    )

    /// ASCII keys of the pre-check.
    static let asciiKeys: (b: [UInt8], spaceB: [UInt8], nbspB: [UInt8], number: [UInt8], numero: [UInt8], numeroAccent: [UInt8],
                                   me: [UInt8], meNBSP: [UInt8]) = (
        Array("b.".utf8), Array(" b.".utf8), [0xC2, 0xA0, 0x62, 0x2E], Array("number".utf8), Array("numero".utf8), Array("numéro".utf8),
        Array("Me ".utf8), [0x4D, 0x65, 0xC2, 0xA0]
    )

    /// The Latin keys of the function titles, lower-case (compared with ASCII letters folded).
    static let latinTitleKeys: [[UInt8]] = ["ambassad", "minist", "counsel", "conseill", "prof", "consul", "attach", "charg", "maître", "maÎtre", "maitre", "husband", "secr", "direct", "colonel", "wife", "spouse", "daughter", "mari", "fille", "fils"]
        .map { Array($0.utf8) }

    /// Whether a lower-case ASCII letter begins one of `latinTitleKeys`, by byte: a word start
    /// whose letter begins none ("the", "of", "Commission") compares no key.
    private static let latinTitleFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for key in latinTitleKeys { table[Int(key[0])] = true }
        return table
    }()

    /// The third UTF-8 byte of the first character of each Khmer key (`khmerKeys`), when its
    /// second byte is 0x9E (Khmer letters U+1780–U+17BF), as a table: a Khmer character that
    /// begins no key (most of them) compares none. Keys whose first character lies elsewhere
    /// are always compared (`khmerKeysOutsideTable`).
    static let khmerKeyFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for key in [khmerKeys.born, khmerKeys.phone, khmerKeys.copula] + khmerKeys.titles where key.count >= 3 && key[1] == 0x9E {
            table[Int(key[2])] = true
        }
        return table
    }()

    /// True when some Khmer key does not start with a Khmer letter (E1 9E xx); then the table
    /// cannot decide and every E1 position compares the keys, as before the table.
    static let khmerKeysOutsideTable: Bool =
        ([khmerKeys.born, khmerKeys.phone, khmerKeys.copula] + khmerKeys.titles).contains { $0.count < 3 || $0[0] != 0xE1 || $0[1] != 0x9E }

    /// The further rules that can match `text`: one pass over its UTF-8 counting digits (ASCII
    /// and Khmer) and noting the literals each rule cannot match without. A superset of what the
    /// expressions need, so filtering never changes what is found (`PrivacyFilterEquivalenceTests`
    /// runs them unfiltered too).
    ///
    /// Why table-driven: the reference form (`possibleFurtherRulesReference`) ran a `switch` and
    /// a nested comparison closure at every byte — about 46 instructions a byte, 4.4 % of an
    /// import's instructions (callgrind, 20,000 units, 30 Nov) for a test that lets almost no
    /// text through. Here one table read (`furtherByteClasses`) skips the bytes where the
    /// reference does nothing (all but digits, `(`, `,`, `N`, `n`, `H`, `M`, the first letters of
    /// the Latin keys and the first byte of Khmer), and every other byte runs the reference's own
    /// test — but for the Latin function titles, read whole with what must follow them
    /// (`functionTitleCanMatch`). `PrivacyPreCheckFastPathTests` checks both return the same on
    /// the corpora and random strings (the title flag: a subset, with the rules finding filtered
    /// what they find unfiltered). Cost: O(n) byte reads; key compares only where a key's first
    /// byte stands.
    static func possibleFurtherRules(_ text: String) -> FurtherRules {
        var text = text
        return text.withUTF8 { possibleFurtherRules($0) }
    }

    /// What `possibleFurtherRules` does at each byte: 0 nothing, 1 count an ASCII digit, 2 compare
    /// the Latin keys beginning with this letter (either case) at a word start, 3 the byte's own
    /// test (`(`, `,`, `N`, `n`, `H`, `M`, and 0xE1, which begins every Khmer character).
    static let furtherByteClasses: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in UInt8(0x30)...0x39 { table[Int(byte)] = 1 }
        for key in latinFunctionTitleKeys where isASCIILetter(key.bytes[0]) {
            table[Int(key.bytes[0] | 0x20)] = 2
            table[Int(key.bytes[0] & ~0x20)] = 2
        }
        for byte: UInt8 in [0x28, 0x2C, 0x4E, 0x6E, 0x48, 0x4D, 0xE1, 0xC3] { table[Int(byte)] = 3 }
        return table
    }()

    /// A Latin function title as `possibleFurtherRules` compares it: its UTF-8 with the first
    /// letter lower-cased (the expression takes it in either case, the rest as written), and
    /// whether anything may follow it (`Chargé d'affaires`, which an optional `a.i.` may follow).
    struct FunctionTitleKey {
        var bytes: [UInt8]
        var open: Bool
    }

    /// `latinFunctionTitles` written out as literals: `Prof\.` → `Prof.`, `Consul[- ]General` →
    /// `Consul-General` and `Consul General`, `Chargé d['’]affaires(?: a\.\s?i\.)?` → both
    /// apostrophes, open. A title in another syntax would leave a `[`, `(`, `\\` or `?` here,
    /// which `PrivacyPreCheckFastPathTests` refuses.
    static let latinFunctionTitleKeys: [FunctionTitleKey] = functionTitleKeys(latinFunctionTitles)

    /// Function titles (`latinFunctionTitles`, `capitalFunctionTitles`) written out as literals.
    static func functionTitleKeys(_ titles: [String]) -> [FunctionTitleKey] { titles.flatMap { title -> [FunctionTitleKey] in
        var text = title.replacingOccurrences(of: "\\.", with: ".")
        var open = false
        if let group = text.range(of: "(?:") {
            text = String(text[..<group.lowerBound])
            open = true
        }
        var variants = [text]
        for (set, choices) in [("[- ]", ["-", " "]), ("['’]", ["'", "’"])] where text.contains(set) {
            variants = variants.flatMap { variant in choices.map { variant.replacingOccurrences(of: set, with: $0) } }
        }
        return variants.map { variant in
            var bytes = Array(variant.utf8)
            if isASCIILetter(bytes[0]) { bytes[0] |= 0x20 }
            return FunctionTitleKey(bytes: bytes, open: open)
        }
    } }

    /// `capitalFunctionTitles` written out as literals, as `latinFunctionTitleKeys` (first letter
    /// lower-cased, the rest in capitals as the expression needs them).
    static let capitalFunctionTitleKeys: [FunctionTitleKey] = functionTitleKeys(capitalFunctionTitles)

    /// `capitalFunctionTitleKeys` by their first letter (`a` to `z`).
    static let capitalFunctionTitleKeysByLetter: [[FunctionTitleKey]] = (UInt8(0x61)...0x7A).map { letter in
        capitalFunctionTitleKeys.filter { $0.bytes[0] == letter }
    }

    /// By `(first letter − a) × 256 + second byte`: whether a Latin (`latin`) or capital-letter
    /// (`capital`) function title key begins so (`functionTitleCanMatch` compares the first byte
    /// folded, the rest exactly). A key of one byte (none today) would mark all its letter's pairs.
    static let functionTitlePairs: (latin: [Bool], capital: [Bool]) = {
        func pairs(_ keys: [FunctionTitleKey]) -> [Bool] {
            var table = [Bool](repeating: false, count: 26 * 256)
            for key in keys where key.bytes[0] >= 0x61 && key.bytes[0] <= 0x7A {
                let row = Int(key.bytes[0] - 0x61) * 256
                if key.bytes.count < 2 {
                    for second in 0..<256 { table[row + second] = true }
                } else {
                    table[row + Int(key.bytes[1])] = true
                }
            }
            return table
        }
        return (pairs(latinFunctionTitleKeys), pairs(capitalFunctionTitleKeys))
    }()

    /// Function title keys by their first two bytes (the first lower-cased), each pair with the
    /// third bytes its keys have: what `FurtherState.latinKeyAt` compares at a word start.
    ///
    /// Why: by first letter alone, a word start whose two bytes begin some key compared every
    /// key of its letter — nine for `co` ("Commission", "countries", "conditions"…), seven for
    /// `di` — each a copy of the key's bytes and a loop, about 460 instructions a call, 45
    /// million on the 20,000-unit Europarl slice (callgrind, 1 Dec). By pair, and only where
    /// the third byte begins one ("com…" begins none), most calls compare no key. The keys a
    /// pair holds are those of its letter whose second byte it is, in their order (a key of one
    /// byte, none today, in every pair of its letter; one of two bytes lets every third byte
    /// through): the same keys that could match, so the same answer (`PrivacyS12FastPathTests`
    /// compares with `latinKeyAtByLetter` at every letter of real lines and random titles).
    struct FunctionTitleKeyIndex: Sendable {
        /// By pair (`(first − a) × 256 + second`): 0 for no key, else the pair's slot plus one.
        private let slots: [UInt16]
        /// By slot, four words: bit `b` set when a key of the pair has third byte `b` (or two bytes only).
        private let thirds: [UInt64]
        /// By slot: the pair's keys.
        private let keysBySlot: [[FunctionTitleKey]]

        init(_ keys: [FunctionTitleKey]) {
            var slots = [UInt16](repeating: 0, count: 26 * 256)
            var thirds: [UInt64] = []
            var keysBySlot: [[FunctionTitleKey]] = []
            for key in keys where key.bytes[0] >= 0x61 && key.bytes[0] <= 0x7A {
                let row = Int(key.bytes[0] - 0x61) * 256
                let seconds = key.bytes.count < 2 ? Array(0..<256) : [Int(key.bytes[1])]
                for second in seconds {
                    if slots[row + second] == 0 {
                        keysBySlot.append([])
                        thirds += [0, 0, 0, 0]
                        slots[row + second] = UInt16(keysBySlot.count)
                    }
                    let slot = Int(slots[row + second]) - 1
                    keysBySlot[slot].append(key)
                    if key.bytes.count < 3 {
                        for word in 0..<4 { thirds[slot * 4 + word] = ~0 }
                    } else {
                        let third = Int(key.bytes[2])
                        thirds[slot * 4 + third >> 6] |= UInt64(1) << UInt64(third & 63)
                    }
                }
            }
            self.slots = slots
            self.thirds = thirds
            self.keysBySlot = keysBySlot
        }

        /// Whether a key can begin with `pair` and then `third` (nil: the text ends after the pair).
        @inline(__always)
        func mayBegin(_ pair: Int, _ third: UInt8?) -> Bool {
            let slot = Int(slots[pair])
            guard slot != 0 else { return false }
            guard let third else { return true }
            return thirds[(slot - 1) * 4 + Int(third >> 6)] >> UInt64(third & 63) & 1 != 0
        }

        /// The keys beginning with `pair` (none when `mayBegin` says no key begins so).
        @inline(__always)
        func keys(_ pair: Int) -> [FunctionTitleKey] {
            let slot = Int(slots[pair])
            return slot == 0 ? [] : keysBySlot[slot - 1]
        }
    }

    /// `latinFunctionTitleKeys` and `capitalFunctionTitleKeys` by pair (`FunctionTitleKeyIndex`).
    static let latinFunctionTitleKeyIndex = FunctionTitleKeyIndex(latinFunctionTitleKeys)
    static let capitalFunctionTitleKeyIndex = FunctionTitleKeyIndex(capitalFunctionTitleKeys)

    /// `latinFunctionTitleKeys` by their first letter (`a` to `z`): a word start compares only the
    /// few keys of its letter, not all 25 (each a copy of the key, so a retain and a release).
    static let latinFunctionTitleKeysByLetter: [[FunctionTitleKey]] = (UInt8(0x61)...0x7A).map { letter in
        latinFunctionTitleKeys.filter { $0.bytes[0] == letter }
    }

    /// Whether the Latin function title expression can match with `key` at `i` (where a word
    /// starts): the title (first letter either case, the rest as written), then — unless the
    /// key is `open` — one or more spaces or NBSPs and, after them, a capital: an ASCII one or any
    /// non-ASCII scalar (which may be one). Necessary, not sufficient: the expression's
    /// `[ \u00A0]+` cannot stop before a space, so the byte after the whole run must begin its
    /// `\p{Lu}`.
    ///
    /// Why: the keys alone (`consul`, `prof`, `charg`, `minist`…) let through "consultation",
    /// "professional", "charge" and "ministers", about one Europarl text in twenty, each then
    /// bridged to `NSString` and searched by all the further rules for nothing (callgrind, 30 Nov).
    @inline(__always)
    static func functionTitleCanMatch(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ key: FunctionTitleKey) -> Bool {
        let bytes = key.bytes, count = p.count
        guard i + bytes.count <= count, p[i] | 0x20 == bytes[0] else { return false }
        for k in 1..<bytes.count where p[i + k] != bytes[k] { return false }
        if key.open { return true }
        return capitalAfterSpaces(p, i + bytes.count) || complementAfterSpaces(p, i + bytes.count)
    }

    /// Whether one or more spaces or NBSPs stand at `j`, and after them a capital: an ASCII one or
    /// any non-ASCII scalar (which may be one). What a function title's expression needs after it.
    @inline(__always)
    static func capitalAfterSpaces(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        let count = p.count
        var j = start
        while j < count {
            if p[j] == 0x20 {
                j += 1
            } else if p[j] == 0xC2, j + 1 < count, p[j + 1] == 0xA0 {
                j += 2
            } else {
                break
            }
        }
        guard j > start, j < count else { return false }
        return p[j] >= 0x80 || (p[j] >= 0x41 && p[j] <= 0x5A)
    }

    /// `né(`/`NÉ(` after the `n`: `é` (C3 A9) or `É` (C3 89), then `(`.
    static let neeKeys: (lower: [UInt8], upper: [UInt8]) = ([0xC3, 0xA9, 0x28], [0xC3, 0x89, 0x28])

    /// Whether `key` stands in `p` at `i` (ASCII letters of `p` lower-cased when `folded`).
    @inline(__always)
    static func keyStands(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ key: [UInt8], folded: Bool = false) -> Bool {
        guard i + key.count <= p.count else { return false }
        for k in 0..<key.count {
            let byte = folded && p[i + k] < 0x80 && isASCIILetter(p[i + k]) ? p[i + k] | 0x20 : p[i + k]
            if byte != key[k] { return false }
        }
        return true
    }

    /// `possibleFurtherRules` over UTF-8 bytes.
    static func possibleFurtherRules(_ p: UnsafeBufferPointer<UInt8>) -> FurtherRules {
        let count = p.count
        let classes = furtherByteClasses
        var state = FurtherState()
        var i = 0
        while i < count {
            let byte = p[i]
            let kind = classes[Int(byte)]
            if kind != 0 { state.step(p, i, byte, kind: kind, previous: i > 0 ? p[i - 1] : 0x20) }
            i += 1
        }
        return state.found
    }

    /// What `possibleFurtherRules` has noted so far in a text, and its step at a byte of class
    /// `kind` (`furtherByteClasses`, non-zero). Shared by `possibleFurtherRules` and the fused
    /// pass (`preChecks`), so both decide each byte the same way.
    struct FurtherState {
        var digits = 0
        var parenPlus = false, number = false, bAbbreviation = false, neeFound = false, born = false, phone = false, copula = false
        var latinTitle = false, khmerTitle = false, capitalTitle = false, commaSpace = false

        /// A whole function title at a word-start letter, followed by what its expression needs
        /// (`functionTitleCanMatch`): sets `latinTitle`, or `capitalTitle` for one in capitals
        /// (only at a capital letter).
        ///
        /// The keys are compared only where the first two bytes begin one (`functionTitlePairs`):
        /// most word starts ("the", "of", "Commission") compare none. Why: comparing every key of
        /// the letter cost about 70 million instructions on the 20,000-unit slice (callgrind, 30 Nov).
        @inline(__always)
        mutating func latinKeyAt(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ byte: UInt8) {
            let lower = byte | 0x20
            // Every key has two bytes or more (`functionTitlePairs`), compared exactly after the first.
            guard lower >= 0x61, lower <= 0x7A, i + 1 < p.count else { return }
            let pair = Int(lower - 0x61) * 256 + Int(p[i + 1])
            let third: UInt8? = i + 2 < p.count ? p[i + 2] : nil
            if !latinTitle, case let index = latinFunctionTitleKeyIndex, index.mayBegin(pair, third) {
                for key in index.keys(pair) where functionTitleCanMatch(p, i, key) {
                    latinTitle = true
                    break
                }
            }
            if !capitalTitle, byte < 0x61, case let index = capitalFunctionTitleKeyIndex, index.mayBegin(pair, third) {
                for key in index.keys(pair) where functionTitleCanMatch(p, i, key) {
                    capitalTitle = true
                    break
                }
            }
        }

        /// `latinKeyAt` as written before `FunctionTitleKeyIndex`: every key of the letter, where
        /// `functionTitlePairs` holds the pair. The reference `PrivacyFunctionTitleIndexTests`
        /// compares it with at every letter of real lines and random titles.
        mutating func latinKeyAtByLetter(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ byte: UInt8) {
            let lower = byte | 0x20
            guard lower >= 0x61, lower <= 0x7A, i + 1 < p.count else { return }
            let pair = Int(lower - 0x61) * 256 + Int(p[i + 1])
            let pairs = functionTitlePairs
            if !latinTitle, pairs.latin[pair] {
                for key in latinFunctionTitleKeysByLetter[Int(lower - 0x61)] where functionTitleCanMatch(p, i, key) {
                    latinTitle = true
                    break
                }
            }
            if !capitalTitle, byte < 0x61, pairs.capital[pair] {
                for key in capitalFunctionTitleKeysByLetter[Int(lower - 0x61)] where functionTitleCanMatch(p, i, key) {
                    capitalTitle = true
                    break
                }
            }
        }

        /// The byte at `i` (class `kind`, non-zero), after `previous` (a space at the start).
        @inline(__always)
        mutating func step(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ byte: UInt8, kind: UInt8, previous: UInt8) {
            if kind == 1 {
                digits += 1
                return
            }
            if kind == 2 {
                if !(latinTitle && capitalTitle), !isASCIILetter(previous) { latinKeyAt(p, i, byte) }
                return
            }
            let count = p.count
            switch byte {
            case 0x28: // "(+", "(b."
                if i + 1 < count, p[i + 1] == 0x2B { parenPlus = true }
                if keyStands(p, i + 1, asciiKeys.b) { bAbbreviation = true }
            case 0x2C: // ", b.", ", " (a name beside a function)
                if keyStands(p, i + 1, asciiKeys.spaceB) || keyStands(p, i + 1, asciiKeys.nbspB) { bAbbreviation = true }
                if !commaSpace, besideFunctionMayFollow(p, comma: i) { commaSpace = true }
            case 0x4E, 0x6E: // number, numéro, né(e): each key's second byte first (`u` either case, or C3)
                guard i + 1 < count else { break }
                if p[i + 1] | 0x20 == 0x75, keyStands(p, i, asciiKeys.number, folded: true) || keyStands(p, i, asciiKeys.numeroAccent, folded: true)
                    || keyStands(p, i, asciiKeys.numero, folded: true) { number = true }
                if p[i + 1] == 0xC3, keyStands(p, i + 1, neeKeys.lower) || keyStands(p, i + 1, neeKeys.upper) { neeFound = true }
            case 0x48: // H.E, H. E; then the Latin keys (Husband), as the reference's fall-through
                if !isASCIILetter(previous), i + 1 < count, p[i + 1] == 0x2E { latinTitle = true }
                if !(latinTitle && capitalTitle), !isASCIILetter(previous) { latinKeyAt(p, i, byte) }
            case 0xC3: // épouse, Épouse, époux (`nonASCIIFunctionTitles`), then spaces and a capital
                if !latinTitle, !isASCIILetter(previous), nonASCIIFunctionTitleStands(p, i) { latinTitle = true }
            case 0x4D: // Me, Maître; then the Latin keys, as the reference's fall-through
                if !isASCIILetter(previous), keyStands(p, i, asciiKeys.me) || keyStands(p, i, asciiKeys.meNBSP) { latinTitle = true }
                if !(latinTitle && capitalTitle), !isASCIILetter(previous) { latinKeyAt(p, i, byte) }
            default: // 0xE1: Khmer digits and keys
                guard i + 2 < count else { break }
                if p[i + 1] == 0x9F, p[i + 2] >= 0xA0, p[i + 2] <= 0xA9 { digits += 1 }
                guard khmerKeysOutsideTable || (p[i + 1] == 0x9E && khmerKeyFirstBytes[Int(p[i + 2])]) else { break }
                let khmer = khmerKeys
                if !born, keyStands(p, i, khmer.born) { born = true }
                if !phone, keyStands(p, i, khmer.phone) { phone = true }
                if !copula, keyStands(p, i, khmer.copula) { copula = true }
                if !khmerTitle, khmer.titles.contains(where: { keyStands(p, i, $0) }) { khmerTitle = true }
            }
        }

        /// The rules the text's bytes let through.
        var found: FurtherRules {
            var found: FurtherRules = []
            if parenPlus, digits >= 6 { found.insert(.parenPlusPhone) }
            if digits >= 8, number || (phone && copula) { found.insert(.phoneNumberIs) }
            if digits >= 3, bAbbreviation || neeFound || born { found.insert(.birthWording) }
            if latinTitle { found.insert(.latinFunctionTitle) }
            if khmerTitle { found.insert(.khmerFunctionTitle) }
            if capitalTitle { found.insert(.capitalFunctionTitle) }
            if commaSpace { found.insert(.nameBesideFunction) }
            return found
        }
    }

    /// The function titles whose first letter is not ASCII (« épouse »), which the Latin keys
    /// cannot hold (`furtherByteClasses` files keys by an ASCII first letter): read by their own
    /// step at 0xC3, as UTF-8 with the first letter lower-cased (`é` C3 A9; `É` C3 89 folds to it).
    static let nonASCIIFunctionTitles = ["Épouse", "Époux"]

    /// `nonASCIIFunctionTitles` as UTF-8, lower-case.
    static let nonASCIIFunctionTitleKeys: [[UInt8]] = nonASCIIFunctionTitles.map { Array($0.lowercased().utf8) }

    /// Whether one of `nonASCIIFunctionTitleKeys` stands at `i` (its `é` in either case), followed
    /// by spaces or NBSPs and a capital (ASCII, or any non-ASCII scalar), as `functionTitleCanMatch`.
    @inline(__always)
    static func nonASCIIFunctionTitleStands(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let count = p.count
        guard i + 1 < count, p[i + 1] == 0xA9 || p[i + 1] == 0x89 else { return false }
        for key in nonASCIIFunctionTitleKeys where i + key.count <= count {
            var same = true
            for k in 2..<key.count where p[i + k] != key[k] {
                same = false
                break
            }
            if same, capitalAfterSpaces(p, i + key.count) { return true }
        }
        return false
    }

    /// The reference form of `possibleFurtherRules`: the same decisions, read position by
    /// position with a `switch` on every byte. Kept for `PersonalDataFurtherRulesFilterTests`,
    /// which checks the table-driven pass returns exactly what this returns.
    ///
    /// The further rules that can match `text`: one pass over its UTF-8 counting digits (ASCII
    /// and Khmer) and noting the literals each rule cannot match without. A superset of what the
    /// expressions need, so filtering never changes what is found (`PrivacyFilterEquivalenceTests`
    /// runs them unfiltered too). Cost: O(n) byte reads; key compares only where a key's first
    /// byte stands.
    static func possibleFurtherRulesReference(_ text: String) -> FurtherRules {
        var text = text
        return text.withUTF8 { p in
            let count = p.count
            let keys = asciiKeys
            let latinTitleFirst = latinTitleFirstBytes, khmerFirst = khmerKeyFirstBytes, khmerOutside = khmerKeysOutsideTable
            var digits = 0
            var parenPlus = false, number = false, bAbbreviation = false, nee = false, born = false, phone = false, copula = false
            var latinTitle = false, khmerTitle = false, commaSpace = false
            func at(_ i: Int, _ key: [UInt8], folded: Bool = false) -> Bool {
                guard i + key.count <= count else { return false }
                for k in 0..<key.count {
                    let byte = folded && p[i + k] < 0x80 && isASCIILetter(p[i + k]) ? p[i + k] | 0x20 : p[i + k]
                    if byte != key[k] { return false }
                }
                return true
            }
            var previous: UInt8 = 0x20
            var i = 0
            while i < count {
                let byte = p[i]
                switch byte {
                case 0x30...0x39:
                    digits += 1
                case 0x28: // "(+", "(b."
                    if i + 1 < count, p[i + 1] == 0x2B { parenPlus = true }
                    if at(i + 1, keys.b) { bAbbreviation = true }
                case 0x2C: // ", b.", ", "
                    if at(i + 1, keys.spaceB) || at(i + 1, keys.nbspB) { bAbbreviation = true }
                    if !commaSpace, besideFunctionMayFollow(p, comma: i) { commaSpace = true }
                case 0x4E, 0x6E: // number, numéro, né(e)
                    if at(i, keys.number, folded: true) || at(i, keys.numeroAccent, folded: true) || at(i, keys.numero, folded: true) { number = true }
                    if at(i + 1, [0xC3, 0xA9, 0x28]) || at(i + 1, [0xC3, 0x89, 0x28]) { nee = true }
                case 0x48: // H.E, H. E; then the Latin keys (Husband)
                    if !isASCIILetter(previous), i + 1 < count, p[i + 1] == 0x2E { latinTitle = true }
                    if !latinTitle, !isASCIILetter(previous), at(i, Array("husband".utf8), folded: true) { latinTitle = true }
                case 0xC3: // épouse, époux (either case of é)
                    if !isASCIILetter(previous), at(i + 1, [0xA9]) || at(i + 1, [0x89]),
                       nonASCIIFunctionTitleKeys.contains(where: { key in at(i + 2, Array(key.dropFirst(2))) }) { latinTitle = true }
                case 0x4D: // Me, Maître
                    if !isASCIILetter(previous), at(i, keys.me) || at(i, keys.meNBSP) { latinTitle = true }
                    fallthrough
                default:
                    if !latinTitle, isASCIILetter(byte), !isASCIILetter(previous), latinTitleFirst[Int(byte | 0x20)] {
                        let lower = byte | 0x20
                        // Folded: the key finds a title in capitals too (`capitalTitle`).
                        for key in latinTitleKeys where key[0] == lower && at(i, key, folded: true) {
                            latinTitle = true
                            break
                        }
                    }
                    if byte == 0xE1, i + 2 < count {
                        if p[i + 1] == 0x9F, p[i + 2] >= 0xA0, p[i + 2] <= 0xA9 { digits += 1 }
                        guard khmerOutside || (p[i + 1] == 0x9E && khmerFirst[Int(p[i + 2])]) else { break }
                        if !born, at(i, khmerKeys.born) { born = true }
                        if !phone, at(i, khmerKeys.phone) { phone = true }
                        if !copula, at(i, khmerKeys.copula) { copula = true }
                        if !khmerTitle, khmerKeys.titles.contains(where: { at(i, $0) }) { khmerTitle = true }
                    }
                }
                previous = byte
                i += 1
            }
            var found: FurtherRules = []
            if parenPlus, digits >= 6 { found.insert(.parenPlusPhone) }
            if digits >= 8, number || (phone && copula) { found.insert(.phoneNumberIs) }
            if digits >= 3, bAbbreviation || nee || born { found.insert(.birthWording) }
            if latinTitle { found.insert(.latinFunctionTitle) }
            if khmerTitle { found.insert(.khmerFunctionTitle) }
            // A title in capitals needs a key as much as one in mixed case: the same flag's letters.
            if latinTitle { found.insert(.capitalFunctionTitle) }
            if commaSpace { found.insert(.nameBesideFunction) }
            return found
        }
    }
}
