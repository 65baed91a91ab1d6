import Foundation
import VerbaleCore

/// Names glued to a Khmer title, as Khmer is typed — no space or U+200B between words:
/// `សូមទាក់ទងលោកសុខដារា។` ("please contact Mr Sok Dara"), `លោកស្រីចាន់សុភាពបានមកដល់។`,
/// `ឯកឧត្តមប្រាក់សុខុនបានថ្លែងថា។` (acceptance review 1130h, M2).
///
/// Why: the Khmer title pattern reads a name as the one or two *separated* words after the
/// title, so text typed without word spaces — most Khmer notes and Word documents — kept every
/// name: the khPOS sample with its words joined gave 0 names replaced, the same sentences spaced
/// 634. A regular expression cannot tell where a glued name ends; the tokenizer's Khmer word
/// breaker (ICU's dictionary, `KhmerWordRules`, the learned boundary model: what search already
/// splits glued Khmer with) can.
///
/// The rule is the spaced one, read on the word breaker's words (a word is also read joined with
/// the next: the breaker cuts some listed compounds, កត់|សម្គាល់, នាយក|រដ្ឋមន្ត្រី). After the
/// title, the ranks said before a name stay (`khmerHonorifics`, `khmerOfficesAfterTitle`: the
/// spaced pattern's stacked honorifics) and so do function titles (…រដ្ឋមន្ត្រី, as the function
/// title rule reads them; what one is the title of, ការបរទេស, ក្រសួង…, is no name). Then the name
/// is the words up to the first that ends a name in spaced text — a verb, negation, auxiliary,
/// pronoun, preposition or conjunction (`khmerNameEnders`), an office (`offices`: after
/// លោកប្រធាន… no name is read, as spaced) — or the end of the run; none if the first word is one
/// of them or of `khmerNotNames` (the pronoun លោក: `លោកបានថ្លែងថា`, `លោកអ្នក`), a common noun
/// after the title (`khmerGluedNotNames`, លោកគ្រូ; kin terms after លោក alone), or if a quantifier
/// ends it (ឯកឧត្តម…ទាំងអស់: a plural). The glued run may go on after a separator by one more
/// word, as the spaced name's second word (`លោកសុខ ដារា`). Words are not counted — the breaker
/// cuts an unknown name into syllables (សុខុន → សុ ខុន, ហោ ណាំ ហុង) — letters are: a name holds
/// at most `khmerGluedNameMaxLength`; a longer run before any ending word is left. An office the
/// breaker cut across (ខេងរដ្ឋ|មន្រ្តី) still ends the name.
///
/// The titles are the Khmer title pattern's, with its conditions on what a glued លោក may follow
/// (`khmerGluedTitle`: not ពិភពលោក "world", not របស់លោក "his") and never លោក of លោកស្រី or
/// លោកជំទាវ, and their matches begin where the pattern's do (`khmerTitleStarts(in:)`), so a text
/// without a Khmer title runs nothing; non-Khmer text does not come here (`Triggers.khmer`).
/// Where the title pattern already found a name (a separator after the title) its span wins.
///
/// Cost: per Khmer text, the byte scan for title words; per title found glued to a letter, one
/// anchored ICU match and one tokenization of the run after it (a few words).
extension PersonalDataScrubber {
    /// The most Khmer letters a name glued after a title holds: two name words of 12, the longest
    /// the khPOS sample writes after a title (ព្រះនរោត្តម).
    static let khmerGluedNameMaxLength = 24

    /// A Khmer title glued to the Khmer letter after it (a consonant or independent vowel: a new
    /// syllable); group 1 is the glued run and, after a separator, one more word.
    static let khmerGluedNamePattern: String = {
        let letters = "[\\u1780-\\u17D3\\u17DD]"
        let lok = "(?:(?<![\\u1780-\\u17D3])|\(khmerGluedTitle))លោក(?!ស្រី|ជំទាវ)"
        let miss = "(?<![\\u1780-\\u17D3])(?<!ខែ[ \\u00A0\\u200B]{0,2})កញ្ញា"
        let titles = "លោកជំទាវ|លោកស្រី|អ្នកស្រី|ឯកឧត្តម|ឯកឧត្ដម|សម្តេច|សម្ដេច|អ្នកឧកញ៉ា|ឧកញ៉ា|\(lok)|\(miss)"
        return "(?:\(titles))([\\u1780-\\u17B3]\(letters)*(?:\(khmerNameSeparator)\(letters)+)?)"
    }()

    static let khmerGluedNameRegex: NSRegularExpression? = try? NSRegularExpression(pattern: khmerGluedNamePattern)

    /// Ranks said between a title and a name, glued or not: skipped, kept.
    static let khmerGluedRanks: Set<String> = Set(khmerHonorifics + khmerOfficesAfterTitle
        + ["តេជោ", "អគ្គមហាសេនាបតីតេជោ", "ឧត្តមសេនីយ៍ត្រី", "ឧត្តមសេនីយ៍ទោ", "ឧត្តមសេនីយ៍ឯក"])

    /// Words that make the title a common noun or a group, never a name, when the word breaker
    /// finds them first after it: លោកគ្រូ ("teacher", khPOS line 667), ឯកឧត្តមប្រមុខបេសកកម្ម…
    /// ("the heads of mission", `Memories/`), the kin terms said with លោក (លោកតា, លោកយាយ,
    /// លោកឪពុក, លោកម្ដាយ, លោកពូ, លោកមីង), សង្ឃ ("monk").
    static let khmerGluedNotNames: Set<String> = ["គ្រូ", "អ្នកគ្រូ", "ប្រមុខ", "សង្ឃ"]

    /// Kin terms said with លោក alone (លោកតា "grandfather", លោកយាយ, លោកឪពុក, លោកម្ដាយ, លោកពូ,
    /// លោកមីង): after លោកជំទាវ, យាយ begins a name (khPOS line 863, "លោកជំទាវ យាយ ណាង").
    static let khmerKinAfterLok: Set<String> = ["តា", "យាយ", "ឪពុក", "ម្ដាយ", "ម្តាយ", "ពូ", "មីង"]

    /// Offices and function titles of five letters or more (no name holds one), looked for inside
    /// a glued name too.
    static let khmerGluedNameOffices: [String] = (offices.filter { $0.unicodeScalars.first.map { (0x1780...0x17FF).contains($0.value) } ?? false }
        + khmerFunctionTitles + khmerGluedRanks).filter { $0.unicodeScalars.count >= 5 }.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }

    /// Quantifiers after what follows a title: the title was a plural ("all Their Excellencies the
    /// heads of mission", ឯកឧត្តម…ទាំងអស់), so what stands before is no one's name.
    static let khmerPluralWords: Set<String> = ["ទាំងអស់", "ទាំងឡាយ", "ទាំងពីរ", "ទាំងបី", "ទាំងអស់គ្នា"]

    /// Words that end a glued name beyond `khmerNameEnders`: កាលពី ("when, on", khPOS line 55
    /// "…ហ៊ុនសែនកាលពីថ្ងៃពុធ…"), អាយុ ("aged"), ព្រមទាំង ("with"), មន្ត្រី ("official", line 655 "លោកពុទ្ធីមន្ត្រីគណបក្ស…").
    static let khmerGluedEnders: Set<String> = ["កាលពី", "អាយុ", "មន្ត្រី", "ព្រមទាំង"]

    /// Whether `word` ends a name (or, first, is none): a word of `khmerNameEnders`, an office, a
    /// function title, or a word beginning with one of `khmerNotNamePrefixes` and going on (a
    /// compound the breaker kept whole: មិនបាន, ត្រូវការ).
    static func endsKhmerGluedName(_ word: String) -> Bool {
        if khmerNameEnders.contains(word) || khmerGluedEnders.contains(word) || khmerFunctionTitles.contains(word) || isOffice(word[...]) { return true }
        return khmerNotNamePrefixes.contains { word.hasPrefix($0) && word.unicodeScalars.count > $0.unicodeScalars.count }
    }

    /// The name in a glued run as `khmerGluedName` reads it, every word test asked of Strings: the
    /// general path the scalar table (`KhmerWordTable`) stands in for, kept as its reference
    /// (`PersonalDataKhmerGluedSpeedTests`). The name in a glued run (`run`, the capture of
    /// `khmerGluedNamePattern`, at `location`), or nil. `tokens` splits Khmer into the word breaker's words (ranges in scalars: the run is
    /// Khmer and separators, one UTF-16 unit each). A word is read alone and joined with the next
    /// (the breaker cuts some compounds of the lists: កត់|សម្គាល់, នាយក|រដ្ឋមន្ត្រី).
    static func khmerGluedNameByStrings(_ run: String, at location: Int, afterLok: Bool = false, afterName: Bool = false,
                                        tokens: (String) -> [Token]) -> NSRange? {
        let found = tokens(run)
        let words = found.map(\.text)
        let ranges = found.map(\.range)
        /// How many words from `index` on (1 or 2, joined) `test` holds for, or 0.
        func holds(_ index: Int, _ test: (String) -> Bool) -> Int {
            guard index < words.count else { return 0 }
            if index + 1 < words.count, ranges[index].upperBound == ranges[index + 1].lowerBound, test(words[index] + words[index + 1]) { return 2 }
            return test(words[index]) ? 1 : 0
        }
        // Ranks and function titles before the name stay (លោកឧកញ៉ា…, លោកនាយករដ្ឋមន្ត្រី…), as in
        // spaced text (the title pattern's stacked honorifics, the function title rule); after
        // another office (លោកប្រធាន…, លោកនាយកសាលា…) no name is read, as in spaced text.
        var start = 0
        var afterOffice = false
        for _ in 0..<3 {
            var function = false
            let rank = holds(start) { word in
                function = khmerFunctionTitles.contains { word.hasSuffix($0) }
                return function || khmerGluedRanks.contains(word)
            }
            guard rank > 0 else { break }
            start += rank
            afterOffice = afterOffice || function
        }
        guard start < words.count, holds(start, { khmerNotNames.contains($0) || endsKhmerGluedName($0) }) == 0,
              !afterLok || holds(start, khmerKinAfterLok.contains) == 0, holds(start, khmerGluedNotNames.contains) == 0,
              !afterName || holds(start, khmerNotNamesAfterName.contains) == 0
        else { return nil }
        // After a function title, what it is the title of (ការបរទេស, ក្រសួង…) is no name.
        if afterOffice, khmerFunctionTitleFollowers.contains(where: { words[start].hasPrefix($0) }) { return nil }
        var end = start + 1
        while end < words.count, holds(end, endsKhmerGluedName) == 0 { end += 1 }
        if end < words.count, holds(end, khmerPluralWords.contains) > 0 { return nil }
        var from = ranges[start].lowerBound
        var length = ranges[end - 1].upperBound - from
        // Offices and ranks the breaker cut across (ស|ខេងរដ្ឋ|មន្រ្តី, ឧត្តម|សេនីយ៍ត្រីស): one that
        // begins the name is no part of it, one further on ends it.
        let rest = String(String.UnicodeScalarView(Array(run.unicodeScalars)[from...]))
        var offset = 0
        while let rank = khmerGluedNameOffices.first(where: { rest.unicodeScalars.dropFirst(offset).starts(with: $0.unicodeScalars) }) {
            offset += rank.unicodeScalars.count
        }
        guard offset < length else { return nil }
        from += offset
        length -= offset
        let tail = String(String.UnicodeScalarView(rest.unicodeScalars.dropFirst(offset)))
        if let office = khmerGluedNameOffices.compactMap({ tail.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            length = min(length, tail.unicodeScalars.distance(from: tail.unicodeScalars.startIndex, to: office.lowerBound))
        }
        guard length > 0 else { return nil }
        guard length <= khmerGluedNameMaxLength else { return nil }
        return NSRange(location: location + from, length: length)
    }

    /// The names glued to a Khmer title in `text` (`khmerGluedName`), in order. Each title start
    /// is tried, anchored, unless it lies inside a name already found: the match takes the whole
    /// glued run after its title, which may hold the next title ("…និងលោកសុខលីដាបាន…").
    func khmerGluedNameSpans(in text: String) -> [Span] {
        let starts = Self.khmerTitleStarts(in: text)
        guard !starts.isEmpty, let regex = Self.khmerGluedNameRegex else { return [] }
        let ns = text as NSString
        var spans: [Span] = []
        var from = 0
        for start in starts where start >= from {
            guard let match = regex.firstMatch(in: text, options: [.anchored, .withTransparentBounds, .withoutAnchoringBounds],
                                               range: NSRange(location: start, length: ns.length - start)) else { continue }
            let run = match.range(at: 1)
            // Kin terms make a common noun of លោក alone (លោកតា), not of លោកជំទាវ or ឯកឧត្តម.
            let bareLok = run.location - start == 3 && ns.substring(with: NSRange(location: start, length: 3)) == "លោក"
            guard run.location != NSNotFound, let breaker = khmerWordBreaker,
                  let name = Self.khmerGluedName(ns.substring(with: run), at: run.location, afterLok: bareLok, tokens: { breaker.tokenize($0) })
            else { continue }
            spans.append(Span(kind: .person, range: name))
            from = NSMaxRange(name)
        }
        return spans
    }

    /// The name a Khmer expression captured after a separator (the title expression, the
    /// abbreviated titles', ឈ្មោះ's), read again as the glued rule reads a run (`khmerGluedName`):
    /// `លោក សុខដារាបានមកដល់។` loses `សុខដារា`, where the expression, whose name word is every
    /// letter up to the next separator, took `សុខដារាបានមកដល់` and the verb with it. Kept as
    /// captured when it does not begin with a Khmer letter (a Latin-script name, a placeholder) or
    /// the glued reading finds no name in it (a run longer than a name, a first word the lists
    /// refuse only glued), or what it would drop holds a title (the name after that title would be
    /// found by nothing): what the expression took stays taken, so nothing kept before is kept
    /// now. Only a first word cut short changes: spaced names stay as the expression read them.
    func khmerCaptureReadGlued(_ range: NSRange, in ns: NSString, afterName: Bool = false) -> NSRange {
        guard range.length > 1, (0x1780...0x17B3).contains(ns.character(at: range.location)), let breaker = khmerWordBreaker,
              let name = Self.khmerGluedName(ns.substring(with: range), at: range.location, afterName: afterName, tokens: { breaker.tokenize($0) }),
              name.location >= range.location, NSMaxRange(name) <= NSMaxRange(range)
        else { return range }
        // Only a first word cut short is a glued run: a name read to its first word's end or
        // beyond keeps the expression's words (its second word passed the spaced refusals whole;
        // the breaker would cut some names there, ព្លឿង ទេ|វិន).
        var firstEnd = range.location
        while firstEnd < NSMaxRange(range), (0x1780...0x17DD).contains(ns.character(at: firstEnd)) { firstEnd += 1 }
        guard NSMaxRange(name) < firstEnd else { return range }
        // What the reading drops must hold no title: the expression went on after its capture,
        // so a name after a title inside it (`…និងលោក សុខលីដា…`) would be found by nothing.
        let dropped = NSRange(location: NSMaxRange(name), length: NSMaxRange(range) - NSMaxRange(name))
        guard dropped.length == 0 || Self.khmerTitleStarts(in: ns.substring(with: dropped)).isEmpty else { return range }
        return name
    }
}

