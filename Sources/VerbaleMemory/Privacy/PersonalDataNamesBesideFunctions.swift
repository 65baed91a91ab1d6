import Foundation

/// A name before its function, or between commas after it (acceptance review 1130j M3, and M4's
/// kin in apposition): the delegation lists of meeting and visit notes — "1. Sok Dara,
/// Director-General, Head of Delegation", "2. KEO Rithy, Deputy Director", "- Chan Sophal, Second
/// Secretary", "headed by Sok Dara, Secretary of State", « conduite par Sok Dara, Secrétaire
/// d'État » — and appositions — "The Ambassador, Sok Vanna, will present…", « L'Ambassadeur, Sok
/// Vanna, », "His daughter, Sok Malika, will accompany him".
///
/// Why: "the delegation will be composed of:" lists are in most meeting and visit notes, and they
/// name every member this way, never after "Mr."; the Khmer of the same unit already lost the name
/// after its title (ឯកអគ្គរាជទូត), the English and French kept it.
///
/// A comma before a function is also how signature blocks and headings join an office or a body
/// to a function ("Department of Legal Affairs, Director-General", "Human Resources, Director",
/// "United Nations, Secretary-General"), and Europarl opens speeches with "Mr President,
/// Commissioner, …". So only two to four capitalised words count as the name (not all capitals:
/// acronyms name bodies), none of them an office, title, institution, place or ordinary word, and:
/// - before a function: where the list item begins — the line's start, maybe after a list marker
///   (`1.`, `2)`, `-`, `•`), a colon or semicolon, `and`/`et` after a comma or after the previous
///   member's function — or after "headed by", "led by", "composed of", "comprising", "including",
///   « conduite par », « dirigée par », « composée de »: a name inside a sentence ("… of Legal
///   Affairs, Director", "Planning and Rural Development, Director") is an institution's end;
/// - after a function or kin word: the name between two commas ("The Ambassador, Sok Vanna, …").
///
/// Cost: behind the comma pre-check (`FurtherRules.nameBesideFunction`: a comma, spaces, and a
/// function's first word or two capitalised words, `besideFunctionMayFollow`); the
/// expression starts at the comma, so ICU scans for commas, and Swift reads the words around only
/// where a function follows the comma or two to four capitalised words and a comma do.
extension PersonalDataScrubber {
    /// Kin words a name follows in apposition ("His daughter, Sok Malika,", « Son épouse, Chea
    /// Malis, »), lower-cased, beyond the kin in `latinFunctionTitles`.
    static let appositionKinWords: Set<String> = ["husband", "son", "épouse", "époux", "child", "mother", "father", "mère", "père"]

    /// Ranks written before a function ("Second Secretary", « Deuxième secrétaire »), lower-cased.
    static let functionOrdinals = ["first", "second", "third", "premier", "première", "deuxième", "seconde", "troisième"]

    /// The functions and offices a name may stand beside, lower-cased and written out: the Latin
    /// function titles (`latinFunctionTitleKeys`, "director-general", "secrétaire d'état"), the
    /// offices (`offices`, but the articles and the words that begin as much as they name a
    /// function: "prime", "general", "permanent"), the ordinals before "secretary" and the kin words.
    static let besideFunctionTitles: Set<String> = {
        var titles = Set(latinFunctionTitleKeys.map { String(decoding: $0.bytes, as: UTF8.self).lowercased() })
        let notFunctions: Set<String> = ["le", "la", "les", "the", "prime", "general", "permanent", "acting"]
        for office in offices where !notFunctions.contains(office) && office.unicodeScalars.first.map({ $0.value < 0x1780 }) == true {
            titles.insert(office)
        }
        for ordinal in functionOrdinals {
            titles.insert("\(ordinal) secretary")
            titles.insert("\(ordinal) secrétaire")
        }
        titles.formUnion(["chef", "adjoint", "adjointe", "sous-directeur", "sous-directrice", "vice-ministre", "vice-minister",
                          "commissaire", "présidente", "représentante", "chairperson", "under secretary"])
        return titles
    }()

    /// Words that are no part of a name beside a function beyond the offices, titles, institutions
    /// and ordinary words the other rules know: places a heading pairs with a function ("Phnom Penh,
    /// Director", "New Zealand, Minister") and the address of a speech ("Ladies and Gentlemen,").
    static let besideFunctionNotNames: Set<String> = [
        "phnom", "penh", "siem", "reap", "new", "york", "zealand", "hague", "haye", "geneva", "genève", "paris", "bangkok", "brussels",
        "bruxelles", "hanoi", "vientiane", "singapore", "tokyo", "beijing", "london", "londres", "washington", "kingdom", "states",
        "netherlands", "pays-bas", "south", "north", "east", "west", "sud", "nord", "est", "ouest", "resources", "ressources", "ladies",
        "gentlemen", "dear", "colleagues", "excellency", "excellencies", "excellence", "honourable", "honorable", "distinguished",
        "members", "chers", "collègues", "mesdames", "messieurs", "thank", "president", "commission", "council", "parliament",
        "assembly", "house", "high", "deputy", "vice", "senior", "chief", "head", "first", "second", "third", "annex", "annexe",
        "article", "chapter", "section", "part", "item", "point", "paragraph", "paragraphe", "no", "nº", "n°",
        // An address after a function in a signature block ("Director, Sihanouk Boulevard, …").
        "boulevard", "blvd", "street", "road", "avenue", "rue", "quai", "place", "building", "tower", "floor", "district", "province",
        "city", "village", "sangkat", "khan", "commune", "square", "palace", "palais", "hotel", "hôtel",
    ]

    /// `, Director-General` or `, Sok Vanna,`: a comma, spaces, then a function (`besideFunctionTitles`,
    /// any case, a whole word) or two to four capitalised words and a comma (group 1).
    static let nameBesideFunctionPattern: String = {
        let titles = besideFunctionTitles.sorted { $0.count > $1.count }
            .map { NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(of: "'", with: "['’]") }
            .joined(separator: "|")
        let word = "\\p{Lu}[\\p{L}\\p{M}'’-]*"
        return ",[ \\u00A0]+(?:(?i:\(titles))(?![\\p{L}\\p{M}])|(\(word)(?:[ \\u00A0]+\(word)){1,3})[ \\u00A0]*,)"
    }()

    /// The first words of `besideFunctionTitles` as ASCII bytes (up to the first byte that is no
    /// ASCII letter), for `besideFunctionMayFollow`.
    static let besideFunctionFirstWords: Set<[UInt8]> = Set(besideFunctionTitles.map { title in
        Array(title.utf8.prefix { isASCIILetter($0) })
    })

    /// Whether the comma at `comma` may begin a match of `nameBesideFunctionPattern`: spaces, then
    /// a word that begins a function title (any case), or a capitalised word followed by spaces
    /// and another capital (the name's two words at least). A byte a rule cannot decide — any
    /// non-ASCII one where a letter, space or capital is read — lets the text through, so this
    /// is a superset of the expression's matches (`PrivacyFilterEquivalenceTests` runs it
    /// unfiltered too).
    ///
    /// Why: a comma and a space stand in most sentences, and the expression costs each text a
    /// UTF-16 copy and a scan; measured on the 100k benchmark file, with the comma and space alone
    /// as the pre-check, the import's one-thread store-only stage went from 1.38–1.61 to 2.0 CPU-s.
    static func besideFunctionMayFollow(_ p: UnsafeBufferPointer<UInt8>, comma: Int) -> Bool {
        let count = p.count
        var i = comma + 1
        var spaces = 0
        while i < count {
            if p[i] == 0x20 { i += 1 } else if p[i] == 0xC2, i + 1 < count, p[i + 1] == 0xA0 { i += 2 } else { break }
            spaces += 1
        }
        guard spaces > 0, i < count else { return false }
        let first = p[i]
        if first >= 0x80 { return true }
        guard isASCIILetter(first) else { return false }
        let start = i
        while i < count, isASCIILetter(p[i]) { i += 1 }
        if i < count, p[i] >= 0x80 { return true }
        var word = Array(p[start..<i])
        for k in word.indices { word[k] |= 0x20 }
        if besideFunctionFirstWords.contains(word) { return true }
        guard first >= 0x41, first <= 0x5A else { return false }
        // A capitalised word: its name may go on past an apostrophe or a hyphen, then spaces and
        // the next capital.
        while i < count, isASCIILetter(p[i]) || p[i] == 0x27 || p[i] == 0x2D { i += 1 }
        var gap = 0
        while i < count {
            if p[i] == 0x20 { i += 1; gap += 1 } else if p[i] >= 0x80 { return true } else { break }
        }
        guard gap > 0, i < count else { return false }
        return p[i] >= 0x41 && p[i] <= 0x5A
    }

    /// What may stand before a name that a function follows: nothing on its line, a list marker,
    /// a colon or semicolon, `and`/`et` after a comma or at the start, or "headed by", « conduite
    /// par »… (the prefix of the line, trailing spaces included).
    static let nameBeforeFunctionLead: NSRegularExpression? = try? NSRegularExpression(pattern:
        "(?:(?:^|[:;])[ \\t\\u00A0]*(?:\\(?[0-9]{1,3}[.)]|\\(?[a-zA-Z][.)]|[-–—•*·▪●◦])?|(?:^|[,;][ \\u00A0]*)(?i:and|et)"
        + "|(?<![\\p{L}\\p{M}])(?i:head(?:ed)?|led|chaired|accompanied|composed\\s+of|consisting\\s+of|conduite?s?|dirigée?s?|présidée?s?|"
        + "accompagnée?s?|composée?s?\\s+de|compris(?:e|es|ing)|includ(?:e|es|ing)|comprend(?:ra)?|comprenant)\\s+(?:by|par)?)[ \\t\\u00A0]*$")

    /// `and`/`et` ending a lead, and what stands before it (`functionBeforeAnd`).
    static let andLead: NSRegularExpression? = try? NSRegularExpression(pattern: "^(.*?)[ \\u00A0,]+(?i:and|et)[ \\t\\u00A0]*$")

    /// Whether `lead` ends with `and`/`et` after a function: the list goes on after its last
    /// member's function ("Sok Dara, Director and Chan Sophal, Counsellor"); after any other word
    /// `and` joins the parts of a body ("Ministry of Planning and Rural Development, Director").
    static func functionBeforeAnd(_ lead: String) -> Bool {
        let ns = lead as NSString
        guard let match = andLead?.firstMatch(in: lead, range: NSRange(location: 0, length: ns.length)) else { return false }
        let words = ns.substring(with: match.range(at: 1)).split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).suffix(3)
        return words.indices.contains { isBesideFunction(words[$0...].joined(separator: " "), kin: false) }
    }

    /// The names the comma rule finds in `match` (`nameBesideFunctionPattern`): the name before the
    /// function, or the name in apposition after one; none when a guard refuses it.
    static func nameBesideFunction(_ match: BesideFunctionMatch, in text: NSString) -> NSRange? {
        let comma = match.range.location
        let lineStart = lineStart(before: comma, in: text)
        let before = text.substring(with: NSRange(location: lineStart, length: comma - lineStart))
        let apposition = match.apposition
        if apposition.location != NSNotFound {
            // The function right before the comma ("The Ambassador", « L'Ambassadeur », "His daughter").
            let words = before.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).suffix(3)
            guard words.indices.contains(where: { isBesideFunction(words[$0...].joined(separator: " "), kin: true) }) else { return nil }
            let name = text.substring(with: apposition)
            return isNameBesideFunction(name) ? apposition : nil
        }
        // The name is the run of capitalised words ending at the comma (`nameBeforeComma`), and
        // what is before it a list item's beginning (`nameBeforeFunctionLead`).
        let ns = before as NSString
        guard let nameExpression = nameBeforeComma, let leadExpression = nameBeforeFunctionLead,
              let found = nameExpression.firstMatch(in: before, range: NSRange(location: 0, length: ns.length)) else { return nil }
        let name = found.range(at: 1)
        guard isNameBesideFunction(ns.substring(with: name)) else { return nil }
        let lead = NSRange(location: 0, length: name.location)
        guard leadExpression.firstMatch(in: before, range: lead) != nil || functionBeforeAnd(ns.substring(with: lead)) else { return nil }
        return NSRange(location: lineStart + name.location, length: name.length)
    }

    /// Two to four capitalised words ending the text (before spaces): the name before a comma.
    static let nameBeforeComma: NSRegularExpression? = {
        let word = "\\p{Lu}[\\p{L}\\p{M}'’-]*"
        return try? NSRegularExpression(pattern: "(?<![\\p{L}\\p{M}'’.-])(\(word)(?:[ \\u00A0]+\(word)){1,3})[ \\u00A0]*$")
    }()

    /// Where the line holding `location` begins (after `\n`, `\r`, U+2028 or U+2029).
    static func lineStart(before location: Int, in text: NSString) -> Int {
        let found = text.rangeOfCharacter(from: lineBreaks, options: .backwards, range: NSRange(location: 0, length: location))
        return found.location == NSNotFound ? 0 : found.location + found.length
    }

    /// The line breaks `lineStart` looks for, built once (building the set cost each match about
    /// 27,000 instructions).
    static let lineBreaks = CharacterSet(charactersIn: "\n\r\u{2028}\u{2029}")

    /// Whether `words` (lower-cased, without a glued `l'`/`d'`) is a function, office or kin word.
    static func isBesideFunction(_ words: String, kin: Bool) -> Bool {
        var key = words.lowercased()
        // Only words with a curly apostrophe pay for the replacement (Foundation's costs ~16,000 instructions).
        if key.unicodeScalars.contains("’") { key = key.replacingOccurrences(of: "’", with: "'") }
        for elision in ["l'", "d'"] where key.hasPrefix(elision) { key = String(key.dropFirst(2)) }
        return besideFunctionTitles.contains(key) || (kin && appositionKinWords.contains(key))
    }

    /// Whether `candidate` (two to four words) can be a name beside a function: each word
    /// capitalised, not all in capitals, none an office, title, institution, place or ordinary word.
    static func isNameBesideFunction(_ candidate: String) -> Bool {
        let words = candidate.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        guard (2...4).contains(words.count), words.contains(where: { $0.contains { $0.isLowercase } }) else { return false }
        for word in words {
            let key = word.lowercased().trimmingCharacters(in: qualifierPunctuation)
            guard word.unicodeScalars.first.map({ $0.properties.isUppercase }) == true, !word.hasSuffix(".") else { return false }
            if isTitleLike(word) || isOffice(word) || isInstitutionWord(word) || isElided(word) || plainWords.contains(key)
                || sourceNotNames.contains(key) || capitalNotNameWords.contains(key) || besideFunctionNotNames.contains(key)
                || isBesideFunction(key, kin: true) || functionTitleQualifiers.contains(key) {
                return false
            }
        }
        return true
    }
}

/// Where `nameBesideFunctionPattern` matches, found without scanning the whole text with it.
///
/// Why: the expression tried a case-insensitive alternation of every function title at each comma
/// of a text the pre-check let through — about 78,000 instructions a text, most of the further
/// rules' cost on Europarl, whose speeches open "Mr President, Commissioner, …" (callgrind, 20,000
/// units, 1 Dec). Here the commas are read by bytes: a title compared as a literal (ASCII letters
/// folded), or two to four capitalised words (ASCII and Latin-1 letters) and a comma. Where the
/// bytes cannot decide — another non-ASCII letter, a curly apostrophe — and `besideFunctionMayFollow`
/// passes, the expression runs anchored at that comma, so the
/// matches are the expression's own. A match's end is where the next comma may begin one, as
/// NSRegularExpression's matches do not overlap. `PrivacyBesideFunctionFastPathTests` compares
/// with the whole-text scan (`besideFunctionMatchesByScan`) on real lines.
extension PersonalDataScrubber {
    /// A match of `nameBesideFunctionPattern`: the whole match (from its comma) and its group 1,
    /// the name in apposition (location `NSNotFound` when a function followed the comma).
    struct BesideFunctionMatch: Equatable {
        var range: NSRange
        var apposition: NSRange
    }

    /// The general path: the expression over the whole text (what `besideFunctionMatches` must equal).
    static func besideFunctionMatchesByScan(in text: String, regex: NSRegularExpression) -> [BesideFunctionMatch] {
        regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).map {
            BesideFunctionMatch(range: $0.range, apposition: $0.range(at: 1))
        }
    }

    /// `besideFunctionTitles` as UTF-8, in the expression's order (longest first, in characters),
    /// by their first ASCII letter (`a`…`z`, index 0–25; a Latin-1 letter, C3, index 26); nil when a title holds a character the
    /// byte test cannot fold (anything but ASCII, the Latin-1 small letters à–þ and the caseless
    /// `’` of "chargé d’affaires"): then the expression decides every comma.
    static let besideFunctionTitleBytesByLetter: [[[UInt8]]]? = {
        let ordered = besideFunctionTitles.sorted { $0.count > $1.count }
        var byLetter = [[[UInt8]]](repeating: [], count: 27)
        for title in ordered {
            for scalar in title.unicodeScalars where scalar.value >= 0x80 {
                guard (scalar.value >= 0xE0 && scalar.value <= 0xFE && scalar.value != 0xF7) || scalar == "’" else { return nil }
            }
            let bytes = Array(title.utf8)
            // The byte test folds the text, not the title: a capital in a title would never compare.
            guard let first = bytes.first, !bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
            // A title starting with a Latin-1 letter is compared after C3; one starting with another
            // non-ASCII character never matches after an ASCII or Latin-1 letter (any other non-ASCII
            // one goes to the expression); one starting with an ASCII non-letter is not filed by letter.
            guard first >= 0x61, first <= 0x7A else {
                if first < 0x80 { return nil }
                if first == 0xC3 { byLetter[26].append(bytes) }
                continue
            }
            byLetter[Int(first - 0x61)].append(bytes)
        }
        return byLetter
    }()

    /// What the bytes after a comma say about the expression there.
    enum BesideFunctionDecision {
        /// No match at this comma.
        case none
        /// A match ending at byte `end`; the name in apposition at bytes `name` when the name branch matched.
        case match(end: Int, name: Range<Int>?)
        /// The bytes cannot decide: run the expression.
        case undecided
    }

    /// The expression's outcome at the comma `comma`, from the bytes, or `.undecided`.
    static func besideFunctionDecision(_ p: UnsafeBufferPointer<UInt8>, comma: Int) -> BesideFunctionDecision {
        guard let titlesByLetter = besideFunctionTitleBytesByLetter else { return .undecided }
        let count = p.count
        var s = comma + 1
        // `[ \u00A0]+`
        while s < count {
            if p[s] == 0x20 { s += 1 } else if p[s] == 0xC2, s + 1 < count, p[s + 1] == 0xA0 { s += 2 } else { break }
        }
        guard s > comma + 1, s < count else { return .none }
        let first = p[s]
        if first >= 0x80, first != 0xC3 { return .undecided }
        // The titles, in the expression's order: the first that matches and is followed by no letter or mark.
        let lower = first | 0x20
        if isASCIILetter(first) || first == 0xC3 {
            for title in titlesByLetter[first == 0xC3 ? 26 : Int(lower - 0x61)] {
                switch besideFunctionTitleAt(p, s, title) {
                case .none: continue
                case .undecided: return .undecided
                case .match(let end, _): return .match(end: end, name: nil)
                }
            }
        }
        // The name branch: `\p{Lu}[\p{L}\p{M}'’-]*` two to four times, joined by `[ \u00A0]+`, then `[ \u00A0]*,`.
        var words = 0
        var i = s
        var nameEnd = s
        while true {
            guard i < count else { return .none }
            let byte = p[i]
            if byte == 0xC3, i + 1 < count {
                // À–Þ but × are `\p{Lu}`; ß and à–ÿ are not.
                guard p[i + 1] <= 0x9E, p[i + 1] != 0x97 else { return .none }
                i += 2
            } else {
                if byte >= 0x80 { return .undecided }
                guard byte >= 0x41, byte <= 0x5A else { return .none }
                i += 1
            }
            // `[\p{L}\p{M}'’-]*`: ASCII letters, `'`, `-` and the Latin-1 letters (C3 but × and ÷).
            while i < count {
                if isASCIILetter(p[i]) || p[i] == 0x27 || p[i] == 0x2D {
                    i += 1
                } else if p[i] == 0xC3, i + 1 < count, p[i + 1] != 0x97, p[i + 1] != 0xB7 {
                    i += 2
                } else {
                    break
                }
            }
            if i < count, p[i] >= 0x80, !(p[i] == 0xC2 && i + 1 < count && p[i + 1] == 0xA0) { return .undecided }
            words += 1
            nameEnd = i
            var gap = i
            while gap < count {
                if p[gap] == 0x20 { gap += 1 } else if p[gap] == 0xC2, gap + 1 < count, p[gap + 1] == 0xA0 { gap += 2 } else { break }
            }
            guard gap < count else { return .none }
            let next = p[gap]
            if next == 0x2C { return words >= 2 ? .match(end: gap + 1, name: s..<nameEnd) : .none }
            if next == 0xC3 {
                // A Latin-1 letter after spaces: the next word if a capital (read at the loop's start), else no match.
                guard gap > i, words < 4 else { return .none }
                i = gap
                continue
            }
            if next >= 0x80 { return .undecided }
            // Another capital after spaces: the next word (a fifth leaves no comma for the expression).
            guard gap > i, next >= 0x41, next <= 0x5A, words < 4 else { return .none }
            i = gap
        }
    }

    /// Whether the lower-case `title` matches at `i` case-insensitively, followed by no letter or
    /// mark: ASCII letters folded, a title's `'` only as `'` (a curly one undecided), its Latin-1
    /// small letter as itself or its capital, never as an ASCII byte; any other non-ASCII byte undecided.
    @inline(__always)
    static func besideFunctionTitleAt(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ title: [UInt8]) -> BesideFunctionDecision {
        let count = p.count
        var t = 0, j = i
        while t < title.count {
            guard j < count else { return .none }
            let byte = p[j], want = title[t]
            if want < 0x80 {
                // A Latin-1 letter folds to no ASCII letter, but ß (C3 9F) to "ss".
                if byte == 0xC3, j + 1 < count, p[j + 1] != 0x9F { return .none }
                if byte >= 0x80 { return .undecided }
                let folded = isASCIILetter(byte) ? byte | 0x20 : byte
                if folded != want { return .none }
                t += 1
                j += 1
                continue
            }
            // No ASCII letter folds to a Latin-1 small letter or to `’`.
            if byte < 0x80 { return .none }
            // A Latin-1 small letter (C3 A0–BE): the text's C3 xx as itself or as its capital (xx − 0x20).
            guard want == 0xC3, byte == 0xC3, j + 1 < count, t + 1 < title.count else { return .undecided }
            let second = p[j + 1], wanted = title[t + 1]
            // Another Latin-1 letter folds to another small letter (ß to "ss"): no match.
            guard second == wanted || second == wanted - 0x20 else { return .none }
            t += 2
            j += 2
        }
        // `(?![\p{L}\p{M}])`
        guard j < count else { return .match(end: j, name: nil) }
        if p[j] == 0xC3, j + 1 < count {
            // A Latin-1 letter follows the title (× and ÷ are no letters).
            return p[j + 1] == 0x97 || p[j + 1] == 0xB7 ? .match(end: j, name: nil) : .none
        }
        if p[j] == 0xC2, j + 1 < count, p[j + 1] == 0xA0 { return .match(end: j, name: nil) }
        if p[j] >= 0x80 { return .undecided }
        return isASCIILetter(p[j]) ? .none : .match(end: j, name: nil)
    }

    /// The matches of `regex` (`nameBesideFunctionPattern`) in `text` (`length` UTF-16 units), as
    /// `besideFunctionMatchesByScan` finds them: at each comma the pre-check passes and no earlier
    /// match covers, the bytes' decision, or — where they cannot decide and `besideFunctionMayFollow`
    /// passes — the expression anchored there.
    static func besideFunctionMatches(in text: String, length: Int, regex: NSRegularExpression) -> [BesideFunctionMatch] {
        var matches: [BesideFunctionMatch] = []
        var utf8 = text
        utf8.withUTF8 { p in
            let count = p.count
            var unit = 0, resume = 0
            var i = 0
            while i < count {
                let byte = p[i]
                // The bytes' decision is exact; the pre-check guards only the expression.
                if byte == 0x2C, unit >= resume {
                    switch besideFunctionDecision(p, comma: i) {
                    case .none:
                        break
                    case .match(let end, let name):
                        let range = NSRange(location: unit, length: utf16Count(p, i..<end))
                        let apposition = name.map { NSRange(location: unit + utf16Count(p, i..<$0.lowerBound), length: utf16Count(p, $0)) }
                        matches.append(BesideFunctionMatch(range: range, apposition: apposition ?? NSRange(location: NSNotFound, length: 0)))
                        resume = range.location + range.length
                    case .undecided:
                        guard besideFunctionMayFollow(p, comma: i) else { break }
                        let rest = NSRange(location: unit, length: length - unit)
                        if let found = regex.firstMatch(in: text, options: .anchored, range: rest) {
                            matches.append(BesideFunctionMatch(range: found.range, apposition: found.range(at: 1)))
                            resume = found.range.location + found.range.length
                        }
                    }
                }
                // UTF-16 units: one per scalar's first byte, two for a four-byte one.
                if byte < 0x80 || byte >= 0xC0 { unit += byte >= 0xF0 ? 2 : 1 }
                i += 1
            }
        }
        return matches
    }

    /// The UTF-16 units of the UTF-8 bytes `range` of `p` (whole scalars).
    static func utf16Count(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var units = 0
        for k in range where p[k] < 0x80 || p[k] >= 0xC0 { units += p[k] >= 0xF0 ? 2 : 1 }
        return units
    }
}
