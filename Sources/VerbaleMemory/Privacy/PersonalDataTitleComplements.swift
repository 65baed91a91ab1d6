import Foundation

/// A name after a function title and its complement (acceptance review 1130j M2's remnant): "the
/// Minister of Foreign Affairs Prak Sokhonn", "the Ambassador of Cambodia Sok Vanna", « le
/// Ministre des Affaires étrangères Prak Sokhonn », « l'Ambassadeur du Cambodge Sok Vanna »,
/// រដ្ឋមន្ត្រីការបរទេស ប្រាក់ សុខុន, ឯកអគ្គរាជទូតកម្ពុជា សុខ វណ្ណា.
///
/// Why: the function-title rule (`PersonalDataFunctionTitles`) takes only the capitalised words
/// right after the title, so "of Foreign Affairs" ended it and the name after the complement was
/// stored; notes name a minister or an ambassador this way as often as "Minister Prak Sokhonn".
///
/// Reading (Latin script): the title, a connector (`of`, `for`, `to`, `in`, `at`, « de », « du »,
/// « des », « d' », « auprès »), then the words of the office chain read as after a role label
/// (`officeChainNames`: connectors, institution words and the head after a connector are the
/// complement, two capitalised words after them the name). The name must then be two to four
/// capitalised words none of which is an office, title, institution, place, month, weekday or a
/// word that begins a clause ("the Minister of Foreign Affairs In Geneva…", "… On Monday"):
/// `isComplementName`. A title (`Mr.`, `H.E.`) after the complement leaves the name to the title
/// pattern. Khmer: the title glued to its complement (រដ្ឋមន្ត្រីការបរទេស) or followed by a word
/// that begins one (ក្រសួង…, ការ…, នៃ…), maybe more such words, then two Khmer words that are no
/// function word, verb, office, institution or country (`khmerComplementNotNames`), followed by the
/// end, punctuation, or a function word or verb (else the complement may go on).
///
/// Cost: the Latin expression runs only where the byte pass saw a whole function title followed
/// by spaces and a connector (`FurtherRules.latinFunctionTitle`, whose test
/// `functionTitleCanMatch` lets a connector through as it lets a capital), the Khmer one only
/// where it saw a Khmer function title (`FurtherRules.khmerFunctionTitle`).
extension PersonalDataScrubber {
    /// The connectors that join a function title to its complement, as the byte pass compares
    /// them after the title and its spaces (`complementAfterSpaces`): ASCII, lower-case, followed
    /// by a space or NBSP (`d` by an apostrophe).
    static let titleComplementConnectors = ["of", "for", "to", "in", "at", "de", "du", "des", "auprès"]

    /// The titles a complement may follow: the function titles but kin ("his wife of…") and
    /// « Me », first letter either case, the rest as written (as `functionTitleCanMatch` compares).
    static let complementTitles: [String] = latinFunctionTitles.filter {
        !["Wife", "Spouse", "Daughter", "Husband", "Mari", "Fille", "Fils"].contains($0)
    }

    /// The title, spaces and a connector in a look-ahead; the chain from the title captured.
    static let titleComplementPattern: String = {
        let titles = complementTitles.map { title -> String in
            guard let first = title.unicodeScalars.first, first.properties.isUppercase else { return title }
            return "[\(first)\(String(first).lowercased())]\(String(title.unicodeScalars.dropFirst()))"
        }.joined(separator: "|")
        let connectors = titleComplementConnectors.joined(separator: "|")
        // The title first, with no look-behind before it: `titleComplementSpans` runs it anchored
        // where `complementTitleStarts` finds a title and a connector, and checks the letter before.
        let token = "(?:[dDlL]['’])?(?:\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?|\\p{Ll}[\\p{L}\\p{M}'’-]*|&)(?![\\p{L}\\p{M}\\p{N}'’.@_-])"
        return "((?:\(titles))(?=[ \\u00A0]+(?:(?:\(connectors))(?![\\p{L}\\p{M}])|d['’]))(?:[ \\u00A0]+\(token)){1,23})"
    }()

    /// Words that begin a clause or say when or where, never a name's word, lower-cased: what a
    /// complement may be followed by ("the Minister of Foreign Affairs In Geneva", "… On 5 May").
    static let complementNotNames: Set<String> = [
        "in", "on", "at", "the", "this", "that", "these", "those", "when", "while", "during", "after", "before", "with", "today",
        "yesterday", "tomorrow", "however", "also", "and", "but", "since", "as", "if", "from", "by", "his", "her", "their", "its",
        "our", "we", "he", "she", "they", "it", "dans", "lors", "pendant", "après", "avant", "avec", "depuis", "aujourd'hui", "hier",
        "demain", "cependant", "mais", "il", "elle", "ils", "elles", "nous", "son", "sa", "ses", "leur", "ce", "cette", "ces",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi",
        "vendredi", "samedi", "dimanche", "policy", "policies", "development", "management", "planning", "health", "education",
        "defence", "defense", "interior", "justice", "trade", "industry", "agriculture", "environment", "transport", "energy",
        "culture", "tourism", "finance", "economy", "labour", "labor", "commerce", "industrie", "santé", "défense", "intérieur",
        "fisheries", "forestry", "religions", "cults", "information", "communications", "telecommunications", "women", "youth",
        "sport", "sports", "rural", "urban", "water", "resources", "land", "affairs", "relations", "cooperation", "co-operation",
        "state", "states", "kingdom", "republic", "union", "nations", "cambodia", "cambodge", "france", "thailand", "viet", "nam",
        "lao", "china", "chine", "japan", "japon", "korea", "corée", "india", "inde", "australia", "australie", "canada", "germany",
        "allemagne", "belgium", "belgique", "switzerland", "suisse", "italy", "italie", "spain", "espagne", "indonesia", "malaysia",
        "philippines", "myanmar", "brunei", "darussalam", "singapour",
    ]

    /// Whether `candidate` can be the name after a title and its complement: as a name beside a
    /// function (`isNameBesideFunction`: two to four capitalised words, not all capitals, none an
    /// office, title, institution, place or ordinary word), and none in `complementNotNames` —
    /// but a month may end it (`monthEndsName`).
    static func isComplementName(_ candidate: String, digitFollows: Bool = false) -> Bool {
        let words = candidate.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        if monthEndsName(words, digitFollows: digitFollows) {
            // The month read as any family name: the other words decide, as for any name.
            return isComplementName(words.dropLast().joined(separator: " ") + " " + monthStandIn)
        }
        guard isNameBesideFunction(candidate) else { return false }
        return !words.contains { word in
            complementNotNames.contains(word.lowercased().trimmingCharacters(in: qualifierPunctuation))
        }
    }

    /// Whether a month ends the name `words` ("the Secretary of State for Home Affairs Theresa
    /// May", « la ministre de l'Intérieur Theresa May »): the last of two to four words, written as
    /// a name is (a capital, then lower case), after a word that is no month or weekday, and not
    /// followed by a digit ("… Visit May 2019" is a date). Why: `complementNotNames` lists the
    /// months so that a date after a complement stays ("… Affairs On 5 May"), which kept every
    /// name whose last word is a month. "in May" never reaches here: a complement's name is
    /// capitalised words only.
    static func monthEndsName(_ words: [Substring], digitFollows: Bool) -> Bool {
        guard !digitFollows, (2...4).contains(words.count), let last = words.last else { return false }
        let before = words[words.count - 2]
        return monthWords.contains(String(last)) && !monthWords.contains(String(before)) && !weekdayWords.contains(before.lowercased())
    }

    /// The months, English and French, as a name writes them (capital first), which are also
    /// given or family names: "May", "June", "April", "August", « Mai »…
    static let monthWords: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre",
    ]

    /// The weekdays, lower-cased: no given name before a month ("… Friday May").
    static let weekdayWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi",
        "vendredi", "samedi", "dimanche",
    ]

    /// What `isComplementName` reads in place of a month that ends a name: a capitalised word in
    /// no list, as any family name.
    static let monthStandIn = "Sokha"

    /// Ranks among the function titles a complement may follow that are no office of a role
    /// label's chain (`officeChainNames`' `ranks`): "Professor of Law Sok Dara", "Colonel of the
    /// Royal Army …" (`colonel` is an office already), « Professeure de médecine Chan Sophea »,
    /// « Maître », « la Consule ».
    static let complementRanks: Set<String> = ["professor", "prof", "professeur", "professeure", "consule", "maître", "maitre", "ambassadress"]

    /// Words of a rank's complement beyond `institutionWords` (`officeChainNames`' `institutions`):
    /// the services a colonel belongs to and the fields a professor holds a chair in, and the
    /// French adjectives written lower-case after them (« de l'Armée royale », « de droit
    /// constitutionnel »). Why: without them the last word of the complement began the name
    /// ("Colonel of the Royal {PERSON}" took "Army"; "… Army Engineering Corps" was a person).
    static let complementInstitutionWords: Set<String> = [
        "army", "armée", "armed", "forces", "force", "navy", "marine", "air", "gendarmerie", "police", "military", "militaire", "defence",
        "defense", "défense", "staff", "état-major", "corps", "regiment", "régiment", "battalion", "bataillon", "brigade", "division",
        "engineering", "génie", "infantry", "infanterie", "artillery", "artillerie", "royal", "royale", "royales", "royaux", "national",
        "nationale", "khmer", "khmère", "cambodian", "cambodgienne", "university", "université", "faculty", "faculté", "school", "école",
        "medicine", "médecine", "economics", "économie", "history", "histoire", "science", "sciences", "linguistics", "linguistique",
        "mathematics", "mathématiques", "philosophy", "philosophie", "constitutional", "constitutionnel", "private", "privé", "criminal",
        "pénal", "civil", "comparative", "comparé",
    ]

    /// Khmer words no name after a title's complement begins with (as a word or its beginning):
    /// countries and peoples a complement ends with (កម្ពុជា, ថៃ…), and what `khmerFunctionTitlePattern`
    /// refuses (function words, verbs, offices, institutions, titles).
    static let khmerComplementNotNames = ["ប្រទេស", "កម្ពុជា", "ខ្មែរ", "ថៃ", "វៀតណាម", "ឡាវ", "ចិន", "ជប៉ុន", "កូរ៉េ", "អាមេរិក", "សហរដ្ឋ",
                                          "បារាំង", "អង់គ្លេស", "រុស្ស៊ី", "ឥណ្ឌា", "អូស្ត្រាលី", "ឥណ្ឌូនេស៊ី", "ម៉ាឡេស៊ី", "សិង្ហបុរី", "ភូមា",
                                          "ហ្វីលីពីន", "ព្រុយណេ", "អាស៊ាន", "អឺរ៉ុប", "អន្តរជាតិ", "សហប្រតិបត្តិការ", "ព្រះរាជាណាចក្រ", "រាជរដ្ឋាភិបាល"]

    /// The words that begin a Khmer title's complement when written apart from it: the
    /// followers of `khmerFunctionTitlePattern` and the countries.
    static let khmerComplementStarts = khmerFunctionTitleFollowers + khmerComplementNotNames

    /// One Khmer word of a name beside a function title (after its complement, or before it in a
    /// list: `PersonalDataKhmerListNames`): at most `khmerNameWordMaxLength` letters, and none of
    /// the function words, verbs, offices, followers, titles, institutions or countries, whole or
    /// glued before a new syllable.
    static let khmerNameWordBesideTitle: String = {
        let refused = khmerRefusal(khmerNotNames.union(khmerFunctionTitleFollowers + khmerFunctionTitles + khmerComplementNotNames + khmerInstitutions),
                                   prefixes: khmerNotNamePrefixes + khmerFunctionTitleFollowers + khmerFunctionTitles + khmerConjunctionPrefixes
                                    + khmerComplementNotNames + khmerInstitutions)
        return "(?!\(refused))[\\u1780-\\u17D3\\u17DD]{1,\(khmerNameWordMaxLength)}"
    }()

    /// រដ្ឋមន្ត្រីការបរទេស ប្រាក់ សុខុន: a Khmer function title, its complement (glued, or a word
    /// that begins one, then maybe up to three more such words), a separator, and two Khmer words
    /// (captured) followed by no Khmer letter.
    static let khmerTitleComplementPattern: String = {
        let letters = "[\\u1780-\\u17D3\\u17DD]"
        let separator = "[ \\u00A0\\u200B]+"
        let starts = khmerComplementStarts.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }.joined(separator: "|")
        let word = khmerNameWordBesideTitle
        let titles = khmerFunctionTitles.joined(separator: "|")
        let complement = "(?:\(letters){1,40}|\(separator)(?:\(starts))\(letters){0,40})(?:\(separator)(?:និង|នៃ|\(starts))\(letters){0,40}){0,3}"
        // After the name: the end, what is no Khmer letter (`។`, a digit, Latin), or a function word
        // or verb ("… ប្រាក់ សុខុន នឹងចូលរួម"). Another word would be the complement going on
        // ("រដ្ឋមន្ត្រី ក្រសួង មហាផ្ទៃ ស ខេង": មហាផ្ទៃ is no name's first word).
        let ender = khmerRefusal(khmerNotNames, prefixes: khmerNotNamePrefixes)
        let after = "(?![\\u1780-\\u17D3\\u17DD])(?=[ \\u00A0\\u200B]*(?:$|[^\\u1780-\\u17D3\\u17DD \\u00A0\\u200B])|[ \\u00A0\\u200B]+(?:\(ender)))"
        return "(?<!ស្ថាន)(?<!គណៈ)(?:\(titles))\(complement)\(separator)(\(word)\(khmerNameSeparator)\(word))\(after)"
    }()

    /// The complement expressions, each compiled at its first use (the Khmer one, with its long
    /// refusal lists, only where a Khmer text holds a function title).
    static let latinTitleComplementRule = try? NSRegularExpression(pattern: titleComplementPattern)
    static let khmerTitleComplementRule = try? NSRegularExpression(pattern: khmerTitleComplementPattern)

    /// The names after a title and its complement in `text`, as `further` allows.
    static func titleComplementSpans(in text: String, further: FurtherRules) -> [Span] {
        let latin = further.contains(.latinFunctionTitle), khmer = further.contains(.khmerFunctionTitle)
        guard latin || khmer else { return [] }
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var spans: [Span] = []
        if latin, let regex = latinTitleComplementRule {
            // Anchored where the byte pass's test finds a title and a connector
            // (`complementTitleStarts`): ICU searching the whole text cost about 200,000
            // instructions a text (callgrind, 20k slice).
            for start in complementTitleStarts(text) {
                guard let match = regex.firstMatch(in: text, options: .anchored, range: NSRange(location: start, length: whole.length - start)) else { continue }
                let chain = match.range(at: 1)
                guard chain.location != NSNotFound, !placeholderFollows(chain, in: ns) else { continue }
                // No letter or mark right before the title (`Ministers`, `PrimeMinister`).
                if chain.location > 0, let before = Unicode.Scalar(ns.character(at: chain.location - 1)),
                   letterOrMark.contains(before.properties.generalCategory) { continue }
                guard let names = officeChainNames(chain, in: ns, ranks: complementRanks, institutions: complementInstitutionWords) else { continue }
                for name in names where isComplementName(ns.substring(with: name), digitFollows: digitFollows(name, in: ns)) {
                    spans.append(Span(kind: .person, range: name))
                }
            }
        }
        if khmer, let regex = khmerTitleComplementRule {
            for match in regex.matches(in: text, range: whole) {
                let name = match.range(at: 1)
                guard name.location != NSNotFound, name.length > 0 else { continue }
                spans.append(Span(kind: .person, range: name))
            }
        }
        return spans
    }

    /// Whether spaces and a digit follow `range` in `text` ("… May 2019").
    static func digitFollows(_ range: NSRange, in text: NSString) -> Bool {
        var index = range.location + range.length
        while index < text.length, text.character(at: index) == 0x20 || text.character(at: index) == 0xA0 { index += 1 }
        guard index < text.length, index > range.location + range.length else { return false }
        let unit = text.character(at: index)
        return (0x30...0x39).contains(unit) || (0x17E0...0x17E9).contains(unit)
    }

    /// Where (UTF-16 offsets) a Latin function title followed by spaces and a connector may begin
    /// in `text`: at each ASCII letter after a byte that is no ASCII letter, a key of
    /// `latinFunctionTitleKeys` as `functionTitleCanMatch` compares it (first letter either case,
    /// the rest as written), then `complementAfterSpaces`. Every match of `titleComplementPattern`
    /// begins at one of them (its titles are some of those keys), so anchoring there finds what
    /// the unanchored search finds.
    static func complementTitleStarts(_ text: String) -> [Int] {
        var text = text
        return text.withUTF8 { p -> [Int] in
            var starts: [Int] = []
            var utf16 = 0
            var previous: UInt8 = 0x20
            for i in 0..<p.count {
                let byte = p[i]
                let lower = byte | 0x20
                if lower >= 0x61, lower <= 0x7A, !isASCIILetter(previous), i + 1 < p.count {
                    for key in latinFunctionTitleKeysByLetter[Int(lower - 0x61)] where key.bytes.count > 1 && i + key.bytes.count <= p.count {
                        var same = true
                        for k in 1..<key.bytes.count where p[i + k] != key.bytes[k] {
                            same = false
                            break
                        }
                        if same, key.open || complementAfterSpaces(p, i + key.bytes.count) {
                            starts.append(utf16)
                            break
                        }
                    }
                }
                // UTF-16 units: one per scalar's first byte, two for a four-byte scalar.
                if byte < 0x80 || byte >= 0xC0 { utf16 += byte >= 0xF0 ? 2 : 1 }
                previous = byte
            }
            return starts
        }
    }

    /// Whether spaces (or NBSPs) and then a connector of `titleComplementConnectors` (or `d'`,
    /// `d’`) stand at `start`: the byte pass's test after a function title
    /// (`functionTitleCanMatch`), a necessary condition of `titleComplementPattern`.
    @inline(__always)
    static func complementAfterSpaces(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        let count = p.count
        var j = start
        while j < count {
            if p[j] == 0x20 { j += 1 } else if p[j] == 0xC2, j + 1 < count, p[j + 1] == 0xA0 { j += 2 } else { break }
        }
        guard j > start, j + 1 < count else { return false }
        let first = p[j]
        guard first == 0x6F || first == 0x66 || first == 0x74 || first == 0x69 || first == 0x61 || first == 0x64 else { return false }
        // `d'`, `d’` (E2 80 99).
        if first == 0x64, p[j + 1] == 0x27 || p[j + 1] == 0xE2 { return true }
        for connector in titleComplementConnectorBytes where j + connector.count <= count {
            var same = true
            for k in 0..<connector.count where p[j + k] != connector[k] {
                same = false
                break
            }
            guard same else { continue }
            let after = j + connector.count
            // The expression wants no letter after the connector; a non-ASCII byte may be none.
            if after == count || !isASCIILetter(p[after]) { return true }
        }
        return false
    }

    /// The categories of `\p{L}` and `\p{M}`: what may not stand right before a title.
    static let letterOrMark: Set<Unicode.GeneralCategory> = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                                                             .nonspacingMark, .spacingMark, .enclosingMark]

    /// `titleComplementConnectors` as UTF-8.
    static let titleComplementConnectorBytes: [[UInt8]] = titleComplementConnectors.map { Array($0.utf8) }
}
