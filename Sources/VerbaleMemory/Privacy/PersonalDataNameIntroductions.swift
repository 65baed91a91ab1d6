import Foundation

/// Names introduced by words that say a name follows: Khmer ឈ្មោះ ("name", "named") after a
/// person (`ខ្ញុំ​ឈ្មោះ​សុភ័ក្ត្រ`, "my name is Sopheak"; `គាត់​ឈ្មោះ…`, "he is named…"), English
/// "my/his/her name is" and "a man/woman/… named", French "je m'appelle", "il/elle s'appelle",
/// "mon nom est" and "le nommé", "une femme nommée"…
///
/// Why: these introduce a name as surely as a title does, and no title stands before it
/// (review 1130, m10: `ខ្ញុំ​ឈ្មោះ​សុភ័ក្ត្រ` was stored as is). Only where it is certain:
/// - Latin script: the capitalised words after the phrase (`nameRange`: an office such as
///   "Ambassador" is no name, a sentence's full stop ends it), and "named"/"nommé(e)" only
///   after a word for a person — "nommé" alone is as often "appointed" ("a été nommé
///   Ambassadeur"), and "named" also names streets, funds and ships;
/// - Khmer: ឈ្មោះ right after a person word (ខ្ញុំ "I", គាត់ "he/she", នាង "she", ម្នាក់ "one
///   person"), glued or apart, then a separator (U+200B, a space), then one Khmer word that is no
///   common word — not a negation, verb, pronoun, preposition or title (`khmerNotNames`), nor a
///   noun said after "the name of" (`khmerNotNamesAfterName`) — and a second word on the same
///   terms. ឈ្មោះ alone is also "the name (of)": `ល្បី​ឈ្មោះ` ("famous"), `ចាំ​ឈ្មោះ​មេបញ្ជាការ`
///   ("remember the commander's name"), `ឈ្មោះ​របស់​…` ("the name of …"), which keep their words.
///
/// Checked on the khPOS sample (`../shared/data/khmer/khpos-train-sample.word`, 1,000 lines):
/// ឈ្មោះ stands as a word 150 times; 146 follow ខ្ញុំ, គាត់ or ម្នាក់ and are each followed by a
/// name (all 146 replaced); of the other 4, ល្បី ឈ្មោះ and ចាំ ឈ្មោះ are ordinary uses (kept), and
/// "ផងដែរ ឈ្មោះ" and "មាន ឈ្មោះ" stand before a name (missed: no person word); the compound
/// កេរ្តិ៍ឈ្មោះ ("reputation") is kept — `PersonalDataNameIntroductionTests` counts them. Names of three words
/// (`ខ្ញុំ ឈ្មោះ សុខ ស្រី អំ`) lose their first two, as after a title.
///
/// Cost: one pass over the UTF-8 bytes looks for each expression's literal (`possibleIntroductions`);
/// only a text holding one runs that expression (O(n)).
extension PersonalDataScrubber {
    /// The person words ឈ្មោះ ("named") follows to introduce a name: ខ្ញុំ "I", គាត់ "he/she", នាង
    /// "she", ម្នាក់ "one (person)", and the kin of a diplomat a consular note names (review 1130j
    /// M4): ភរិយា/ប្រពន្ធ "wife", ស្វាមី/ប្តី "husband", កូនស្រី "daughter", កូនប្រុស "son"
    /// (`…និងភរិយាឈ្មោះ ជា ម៉ាលីស`; none stands before ឈ្មោះ in the khPOS sample).
    static let khmerPersonWordsBeforeName = "ខ្ញុំ|គាត់|នាង|ម្នាក់|ភរិយា|ប្រពន្ធ|ស្វាមី|ប្តី|ប្ដី|កូនស្រី|កូនប្រុស"

    /// Nouns said after ឈ្មោះ when it means "the name of": never a person's name there.
    static let khmerNotNamesAfterName: Set<String> = [
        "អង្គការ", "ក្រុមហ៊ុន", "ស្ថាប័ន", "គណបក្ស", "សមាគម", "ភូមិ", "ឃុំ", "សង្កាត់", "ស្រុក", "ខណ្ឌ", "ខេត្ត", "ក្រុង", "ទីក្រុង",
        "រាជធានី", "ប្រទេស", "សាលា", "សាលារៀន", "សកលវិទ្យាល័យ", "មន្ទីរពេទ្យ", "វត្ត", "ផ្លូវ", "ក្រសួង", "នាយកដ្ឋាន", "ស្ថានទូត",
        "គម្រោង", "កម្មវិធី", "សៀវភៅ", "ឯកសារ", "មេបញ្ជាការ", "ពិត", "ហៅក្រៅ", "ហៅ", "ថា", "ដើម", "ចាស់", "ថ្មី", "ល្បី",
        "ពេញ", "ខ្មែរ", "ជនជាតិ", "ក្រុម", "ផលិតផល", "ម៉ាក", "ពាណិជ្ជសញ្ញា",
    ]

    /// The three expressions, compiled once (nil only with an ICU lacking a feature they use:
    /// the rule is then off, and the patterns of `init` still run).
    private static let nameIntroductions: (khmer: NSRegularExpression, english: NSRegularExpression, french: NSRegularExpression)? = {
        let khmerLetters = "[\\u1780-\\u17D3\\u17DD]"
        let refused = khmerRefusal(khmerNotNames.union(khmerNotNamesAfterName), prefixes: khmerNotNamePrefixes)
        let khmerWord = "(?!\(refused))\(khmerLetters)+"
        let khmer = "(?:\(khmerPersonWordsBeforeName))[ \\u00A0\\u200B]*ឈ្មោះ[ \\u00A0\\u200B]+(\(khmerWord)(?:[ \\u00A0\\u200B]\(khmerWord))?)"
        // Capitalised words, as after a title (up to four); `nameRange` then trims them.
        let nameWord = "\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?"
        let name = "(\(nameWord)(?:[ \\u00A0]+\(nameWord)){0,3})"
        let englishPeople = "man|woman|person|citizen|national|boy|girl|child|student|officer|official|diplomat|employee|driver|"
            + "journalist|lawyer|monk|farmer|suspect|victim|worker|resident|refugee|individual|gentleman|lady|teacher|nurse|soldier|"
            + "detainee|prisoner|applicant|traveller|traveler|passenger|someone|somebody"
        let english = "\\b(?:(?:[Mm]y|[Hh]is|[Hh]er)\\s+name\\s+(?:is|was)|(?i:\(englishPeople))\\s+named)\\s+\(name)"
        let frenchPeople = "le|la|un|une|homme|femme|personne|ressortissante?|citoyenne?|enfant|garçon|fille|étudiante?|fonctionnaire|agent|"
            + "diplomate|employée?|chauffeur|journaliste|avocate?|moine|individu|victime|suspecte?|détenue?|requérante?|demandeur|demandeuse|"
            + "voyageur|voyageuse|passager|passagère"
        let french = "(?:\\b(?:[Jj]e\\s+m['’]|[Ii]l\\s+s['’]|[Ee]lle\\s+s['’])appelle|\\b[Mm]on\\s+nom\\s+est|(?<![\\p{L}\\p{M}])(?i:\(frenchPeople))\\s+nommée?)\\s+\(name)"
        guard let k = try? NSRegularExpression(pattern: khmer), let e = try? NSRegularExpression(pattern: english),
              let f = try? NSRegularExpression(pattern: french) else { return nil }
        return (k, e, f)
    }()

    /// The names `text` introduces so, as person spans (none for most texts: the byte pass).
    /// `filtered: false` runs all three expressions on every text (the equivalence tests compare).
    static func introducedNameSpans(in text: String, filtered: Bool = true) -> [Span] {
        introducedNameSpans(in: text, possible: filtered ? possibleIntroductions(text) : .all)
    }

    /// `introducedNameSpans` running the expressions `possible` allows.
    static func introducedNameSpans(in text: String, possible: Introductions) -> [Span] {
        guard !possible.isEmpty, let expressions = nameIntroductions else { return [] }
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var spans: [Span] = []
        let runs: [(Introductions, NSRegularExpression)] = [(.khmer, expressions.khmer), (.english, expressions.english), (.french, expressions.french)]
        for (index, (introduction, regex)) in runs.enumerated() where possible.contains(introduction) {
            for match in regex.matches(in: text, range: whole) {
                var range = match.range(at: 1)
                guard range.location != NSNotFound, range.length > 0 else { continue }
                if index > 0 {
                    // Latin script: an office is no name, a full stop ends it, a title before a
                    // placeholder (an export imported again) stays.
                    guard let trimmed = nameRange(range, in: ns, string: text) else { continue }
                    range = trimmed
                }
                spans.append(Span(kind: .person, range: range))
            }
        }
        return spans
    }

    /// Which of the three expressions can match a text (`possibleIntroductions`).
    struct Introductions: OptionSet {
        let rawValue: UInt8
        static let khmer = Introductions(rawValue: 1)
        static let english = Introductions(rawValue: 2)
        static let french = Introductions(rawValue: 4)
        static let all: Introductions = [.khmer, .english, .french]
    }

    /// The expressions that can match `text`, each from a literal it cannot match without: the
    /// Khmer one needs ឈ្មោះ (its first three letters are looked for); the English one lower-case
    /// `name` followed by white space and `is` or `was` ("my name is") or `named`; the French one
    /// `appelle` right after `m` or `s` and an apostrophe (`'` or `’`: "je m'appelle", "il
    /// s’appelle"), lower-case `nom` followed by white space and `est` ("mon nom est"), or `nomm`
    /// ("nommé"). White space is read as any run of ASCII controls, spaces and non-ASCII bytes
    /// (ICU's `\s` takes NBSP, U+2003, U+3000…): a superset, which can only let more texts
    /// through (the run is skipped greedily; `is`, `was` and `est` are ASCII, so it stops at them).
    ///
    /// Why so precise: the earlier test, `nam`/`nom`/`appel` anywhere and in either case of the
    /// first letter, let through "economic", "Vietnam", "namely", "nombre", "économie" and
    /// "appel" — about one Europarl text in seventeen, each then bridged to `NSString` and
    /// searched by all three expressions: on 20,000 units of the memory benchmark's file, 7,068
    /// expression runs, a fifth of the whole import's instructions (callgrind, 30 Nov: import
    /// 7.72 → 6.28 G instructions with this test, 343 runs left). Of those 343, most were French
    /// "au nom de", English "in the name of" and French "rappelle"/"nous appelle", none of which
    /// any expression can match: with the words the expressions need after `name`/`nom` and the
    /// apostrophe before `appelle`, 26 texts of the 40,000 run one (callgrind: see the commit).
    /// The same cost was paid for the
    /// context keys when personal data is kept (`--keep-personal-data`, the benchmark's "store
    /// only" stage), which scrubs every unit's texts too. One pass over the UTF-8, as before.
    /// `PrivacyFilterEquivalenceTests` compares with running all three on every text.
    static func possibleIntroductions(_ text: String) -> Introductions {
        var text = text
        return text.withUTF8 { possibleIntroductions($0) }
    }

    /// `possibleIntroductions` over UTF-8 bytes. Why the first test: the reference form
    /// (`possibleIntroductionsReference`) ran its `switch` at every byte (about 15 instructions a
    /// byte, 1.5 % of an import's instructions, callgrind 30 Nov); only `n`, `a` and 0xE1 can
    /// begin what it looks for, so every other byte is skipped — eight at a time where none of
    /// the eight is one — and the rest run the reference's own test (`PrivacyPreCheckFastPathTests`
    /// compares the two).
    static func possibleIntroductions(_ bytes: UnsafeBufferPointer<UInt8>) -> Introductions {
        let count = bytes.count
        var found: Introductions = []
        var i = 0
        let base = bytes.baseAddress
        while i + 2 < count {
            // Eight bytes at a time: none of them `n`, `a` or 0xE1 (the bytes the reference does
            // nothing at), all eight skipped; else straight to the first that is one.
            if let base, i + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let hits = Self.zeroBytes(word, 0x6E) | Self.zeroBytes(word, 0x61) | Self.zeroBytes(word, 0xE1)
                if hits == 0 {
                    i += 8
                    continue
                }
                i += hits.trailingZeroBitCount >> 3
                guard i + 2 < count else { break }
            }
            let byte = bytes[i]
            guard byte == 0x6E || byte == 0x61 || byte == 0xE1 else {
                i += 1
                continue
            }
            found.formUnion(introductionAt(bytes, i))
            if found == .all { break }
            i += 1
        }
        return found
    }

    /// Whether one of the eight bytes of `word` is `byte` (`zeroBytes` non-zero).
    @inline(__always)
    static func holds(_ word: UInt64, _ byte: UInt8) -> Bool { zeroBytes(word, byte) != 0 }

    /// The zero-byte test (`(v − 0x01…01) & ~v & 0x80…80`) on `word` XOR `byte` repeated:
    /// non-zero exactly when a byte of `word` is `byte`, and its lowest set bit is the high bit
    /// of the lowest such byte (a borrow only runs upwards from a zero byte, so the flags below
    /// the first are exact; those above it may be wrong, and are not read).
    @inline(__always)
    static func zeroBytes(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let v = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
    }

    /// What the reference finds at byte `i` (`i + 2 < bytes.count`) of a text: the expressions
    /// whose literal begins there.
    @inline(__always)
    static func introductionAt(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Introductions {
        let count = bytes.count
        /// Whether `\s+` and then `word` can stand at `at`.
        func spaceThen(_ at: Int, _ word: StaticString) -> Bool {
            var j = at
            while j < count, bytes[j] <= 0x20 || bytes[j] >= 0x80 { j += 1 }
            guard j > at, j + word.utf8CodeUnitCount <= count else { return false }
            let letters = word.utf8Start
            for k in 0..<word.utf8CodeUnitCount where bytes[j + k] != letters[k] { return false }
            return true
        }
        /// Whether `m` or `s` and an apostrophe (`'`, or `’` = E2 80 99) end right before `at`.
        func elisionBefore(_ at: Int) -> Bool {
            func isMS(_ j: Int) -> Bool { j >= 0 && (bytes[j] == 0x6D || bytes[j] == 0x73) }
            if at >= 2, bytes[at - 1] == 0x27 { return isMS(at - 2) }
            return at >= 4 && bytes[at - 1] == 0x99 && bytes[at - 2] == 0x80 && bytes[at - 3] == 0xE2 && isMS(at - 4)
        }
        switch bytes[i] {
        case 0x6E: // n: "name is/was", "named"; "nom est", "nommé"
            if bytes[i + 1] == 0x61, bytes[i + 2] == 0x6D {
                if i + 3 < count, bytes[i + 3] == 0x65,
                   (i + 4 < count && bytes[i + 4] == 0x64) || spaceThen(i + 4, "is") || spaceThen(i + 4, "was") {
                    return .english
                }
            } else if bytes[i + 1] == 0x6F, bytes[i + 2] == 0x6D {
                if (i + 3 < count && bytes[i + 3] == 0x6D) || spaceThen(i + 3, "est") { return .french }
            }
        case 0x61: // a: "m'appelle", "s’appelle"
            if i + 6 < count, bytes[i + 1] == 0x70, bytes[i + 2] == 0x70, bytes[i + 3] == 0x65, bytes[i + 4] == 0x6C,
               bytes[i + 5] == 0x6C, bytes[i + 6] == 0x65, elisionBefore(i) {
                return .french
            }
        case 0xE1: // ឈ្មោះ begins ឈ (E1 9E 88) ្ (E1 9F 92) ម (E1 9E 98)
            if i + 8 < count, bytes[i + 1] == 0x9E, bytes[i + 2] == 0x88, bytes[i + 3] == 0xE1, bytes[i + 4] == 0x9F,
               bytes[i + 5] == 0x92, bytes[i + 6] == 0xE1, bytes[i + 7] == 0x9E, bytes[i + 8] == 0x98 {
                return .khmer
            }
        default:
            break
        }
        return []
    }

    /// The reference form of `possibleIntroductions`: the per-position test (`introductionAt`, the
    /// `switch` the first version ran) at every byte; kept for the test that the fast form, which
    /// skips bytes, returns exactly what it returns.
    static func possibleIntroductionsReference(_ text: String) -> Introductions {
        var text = text
        return text.withUTF8 { bytes in
            var found: Introductions = []
            var i = 0
            while i + 2 < bytes.count {
                found.formUnion(introductionAt(bytes, i))
                i += 1
            }
            return found
        }
    }

    /// `patternSpans` with the introduced names (`introducedNameSpans`) and the further rules'
    /// spans (`furtherRuleSpans`: review 1130d M3, M4) added where they overlap
    /// no span of the patterns (which win: a title before the name found it already).
    func spans(in text: String, filtered: Bool = true) -> [Span] {
        // A unit's context keys (`isContextKeyList`): no pattern can match them.
        // The three byte pre-checks in one pass (`preChecks`), and the key-list test, over one
        // view of the bytes.
        var checks = PreChecks.all
        if filtered {
            var text = text
            guard let found = text.withUTF8({ Self.isContextKeyList($0) ? nil : Self.preChecks($0) }) else { return [] }
            checks = found
        }
        let found = patternSpans(in: text, triggers: checks.triggers, titleStarts: filtered)
        var names = Self.introducedNameSpans(in: text, possible: checks.introductions)
        // A glued run after a spaced ឈ្មោះ: the name only (`khmerCaptureReadGlued`).
        if checks.introductions.contains(.khmer), !names.isEmpty {
            let ns = text as NSString
            names = names.map { Span(kind: $0.kind, range: khmerCaptureReadGlued($0.range, in: ns, afterName: true)) }
        }
        // Form lines (`PersonalDataFormLines`) and names after a title's complement
        // (`PersonalDataTitleComplements`), Khmer names before their function in a list
        // (`PersonalDataKhmerListNames`): review 1130j m2, M2's and M3's remnants.
        // Each only where its pre-check let it (most texts: none, and no array is joined).
        var further = Self.furtherRuleSpans(in: text, possible: checks.further)
        if checks.triggers.contains(.birthWord) || checks.triggers.contains(.passportWord) {
            further += Self.formLineSpans(in: text, triggers: checks.triggers)
        }
        if checks.further.contains(.latinFunctionTitle) || checks.further.contains(.khmerFunctionTitle) {
            further += Self.titleComplementSpans(in: text, further: checks.further) + Self.khmerListNameSpans(in: text, further: checks.further)
        }
        if checks.further.contains(.nameBesideFunction) { further += Self.capitalListNameSpans(in: text) }
        // Names glued to a Khmer title (`PersonalDataKhmerGluedNames`), or to ឈ្មោះ after a person
        // word (`khmerGluedIntroducedNameSpans`): Khmer texts only, the second holding ឈ្មោះ.
        var glued = checks.triggers.contains(.khmer) ? khmerGluedNameSpans(in: text) : []
        if checks.triggers.contains(.khmer), checks.introductions.contains(.khmer) { glued += khmerGluedIntroducedNameSpans(in: text) }
        // Joined only when there is something to join (most texts: three empty lists).
        guard !names.isEmpty || !further.isEmpty || !glued.isEmpty else { return found }
        var all = found
        for span in names + further + glued where !all.contains(where: { NSIntersectionRange($0.range, span.range).length > 0 }) {
            all.append(span)
        }
        return all.sorted { $0.range.location < $1.range.location }
    }

    /// ឈ្មោះ ("named") after a person word, as the Khmer introduction expression has it, with the
    /// name glued to it (group 1: the run, and one more word after a separator).
    static let khmerGluedIntroductionRegex: NSRegularExpression? = try? NSRegularExpression(
        pattern: "(?:\(khmerPersonWordsBeforeName))[ \\u00A0\\u200B]*ឈ្មោះ([\\u1780-\\u17B3][\\u1780-\\u17D3\\u17DD]*(?:\(khmerNameSeparator)[\\u1780-\\u17D3\\u17DD]+)?)")

    /// The names glued to ឈ្មោះ after a person word: `ខ្ញុំឈ្មោះសុខដារាបានមកដល់។` ("my name is Sok
    /// Dara, I have arrived") loses `សុខដារា`. Why: Khmer typed without separators kept every
    /// name ឈ្មោះ introduces (the expression above needs a separator after it: 146 names on the
    /// khPOS sample spaced, none joined). The run is read as after a title (`khmerGluedName`:
    /// the breaker's words up to a verb, function word or office), and a noun said after "the
    /// name of" (`khmerNotNamesAfterName`: ឈ្មោះអង្គការ…) first is none, as spaced.
    func khmerGluedIntroducedNameSpans(in text: String) -> [Span] {
        guard let regex = Self.khmerGluedIntroductionRegex else { return [] }
        let ns = text as NSString
        var spans: [Span] = []
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let run = match.range(at: 1)
            guard run.location != NSNotFound, let breaker = khmerWordBreaker,
                  let name = Self.khmerGluedName(ns.substring(with: run), at: run.location, afterName: true, tokens: { breaker.tokenize($0) })
            else { continue }
            spans.append(Span(kind: .person, range: name))
        }
        return spans
    }
}
