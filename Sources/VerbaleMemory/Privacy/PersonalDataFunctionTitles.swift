import Foundation

/// Names after function titles (acceptance review 1130d, M4): "Ambassador Sok Vanna",
/// "Minister Prak Sokhonn", "Counsellor Ly Dara", "Professor Jean Dupont", « l'Ambassadeur Sok
/// Vanna », « le ministre Prak Sokhonn », « Me Jean Dupont » (Maître), "H.E Prak Sokhonn" (the
/// common missing last full stop), ឯកអគ្គរាជទូត សុខ វណ្ណា, រដ្ឋមន្ត្រី ប្រាក់ សុខុន.
///
/// Why: notes verbales name officials by function far more often than by "Mr./Ms.", so every
/// announcement of an ambassador's arrival or a minister's visit carried the name into the
/// shared memory. A function title is also said alone, before what is no name ("the Minister
/// of Foreign Affairs", "Ambassador Extraordinary and Plenipotentiary", « le ministre des
/// Affaires étrangères », រដ្ឋមន្ត្រីក្រសួងការបរទេស), so only a *pair* of words counts:
/// - Latin script: two to four capitalised words right after the title (a lower-case word —
///   `of`, `des`, `and` — ends them), after offices and ranks are skipped ("Minister Counsellor
///   Ly Dara"), cut at the next office or rank word, and refused when the first is an
///   institution (`isNotName`) or a title (`Mr` after "Minister": the title pattern has it);
/// - Khmer: the title (not inside ស្ថានឯកអគ្គរាជទូត, "embassy", ស្ថានកុងស៊ុល, "consulate", or
///   គណៈរដ្ឋមន្ត្រី, "Council of Ministers"), a separator, then two Khmer words, each no function
///   word, verb or office (`khmerNotNames`) nor institution (ក្រសួង…, ប្រចាំ "resident in"),
///   separated by a space or U+200B or both. Khmer glued to the title (រដ្ឋមន្ត្រីក្រសួង…) is
///   no name.
/// A name of one word ("Minister Fischer") stays: one capitalised word after a title is as often
/// a country or a rank.
///
/// The title written in capitals ("AMBASSADOR SOK VANNA", "H.E. MINISTER KEO RITHY", « L'AMBASSADEUR
/// SOK VANNA ») has its own expression and a stricter reading (`capitalFunctionTitleName`): in
/// capitals every word is capitalised, and letterheads and headings ("AMBASSADOR OF THE KINGDOM OF
/// CAMBODIA", "MINISTER FOR FOREIGN AFFAIRS", « MINISTRE DES AFFAIRES ÉTRANGÈRES ») are common in
/// notes, so only two to four words that are no function, institution or ordinary word count, and
/// only where the run of capitals ends with them.
extension PersonalDataScrubber {
    /// The Latin function titles (first letter either case; the rest as written).
    static let latinFunctionTitles = [
        "Ambassador", "Ambassadress", "Minister", "Counsellor", "Counselor", "Professor", "Prof\\.", "Consul", "Consul[- ]General",
        "Attaché", "Attache", "Chargé d['’]affaires(?: a\\.\\s?i\\.)?", "Ambassadeur", "Ambassadrice", "Ministre", "Conseiller", "Conseillère",
        "Professeur", "Professeure", "Consule", "Attachée", "Maître", "Maitre",
        // Diplomatic ranks and functions (review 1130j M2): "First Secretary", « Premier secrétaire »,
        // "Secretary of State", "Director-General", « Directeur général », "Colonel" (defence attachés).
        "Secretary of State", "Secretary", "Director[- ]General", "Director", "Colonel", "Secrétaire d['’]État", "Secrétaire",
        "Directeur général", "Directrice générale", "Directeur", "Directrice",
        // Kin of a diplomat a consular note names (review 1130j M4: "his wife Chea Malis", « sa fille
        // Sok Malika », « son mari Keo Rithy », "her husband Keo Rithy"). Not "son" (« Son
        // Excellence »); « épouse », whose first letter is not ASCII, is in `nonASCIIFunctionTitles`.
        "Wife", "Spouse", "Daughter", "Husband", "Mari", "Fille", "Fils",
    ]

    /// The Latin function titles written in capitals (`latinFunctionTitles` upper-cased, by hand:
    /// their expression syntax stays as written). Not `ME` (Maître), which in capitals is the
    /// English word "me".
    static let capitalFunctionTitles = [
        "AMBASSADOR", "AMBASSADRESS", "MINISTER", "COUNSELLOR", "COUNSELOR", "PROFESSOR", "PROF\\.", "CONSUL", "CONSUL[- ]GENERAL",
        "ATTACHÉ", "ATTACHE", "CHARGÉ D['’]AFFAIRES(?: A\\.\\s?I\\.)?", "AMBASSADEUR", "AMBASSADRICE", "MINISTRE", "CONSEILLER", "CONSEILLÈRE",
        "PROFESSEUR", "PROFESSEURE", "CONSULE", "ATTACHÉE", "MAÎTRE", "MAITRE",
        "SECRETARY OF STATE", "SECRETARY", "DIRECTOR[- ]GENERAL", "DIRECTOR", "COLONEL", "SECRÉTAIRE D['’]ÉTAT", "SECRÉTAIRE",
        "DIRECTEUR GÉNÉRAL", "DIRECTRICE GÉNÉRALE", "DIRECTEUR", "DIRECTRICE", "WIFE", "SPOUSE", "DAUGHTER", "HUSBAND", "MARI", "FILLE", "FILS",
    ]

    /// Words that end a heading's title instead of a name after a title in capitals ("AMBASSADOR
    /// OF…", "MINISTER FOR…", « MINISTRE DES… », « ATTACHÉ DE… »), compared lower-cased: before the
    /// name, one of them means no name follows.
    static let capitalTitleConnectors: Set<String> = [
        "of", "for", "to", "the", "in", "at", "on", "by", "from", "with", "de", "du", "des", "d", "la", "le", "les", "au", "aux", "à",
        "en", "pour", "sur", "auprès", "près", "chez", "dans", "par",
    ]

    /// Words that are no part of a name after a title in capitals beyond the function, office,
    /// institution and ordinary words (`plainWords`, `notNames`, `institutionWords`): the verbs
    /// and auxiliaries of a sentence written in capitals ("MINISTER WILL ARRIVE TODAY"), the
    /// qualifiers of an institution ("ROYAL EMBASSY") and what a minister gives or holds.
    static let capitalNotNameWords: Set<String> = [
        "will", "shall", "would", "should", "may", "might", "can", "could", "must", "has", "have", "had", "is", "are", "was", "were",
        "does", "did", "presents", "arrives", "arrived", "visits", "visited", "meets", "met", "attends", "signs", "signed", "est", "sont",
        "sera", "va", "présente", "arrive", "visite", "rencontre", "signe", "royal", "royale", "royaume", "imperial", "impériale", "federal",
        "fédéral", "fédérale", "national", "nationale", "permanent", "permanente", "speech", "address", "statement", "remarks",
        "message", "residence", "résidence", "discours", "allocution", "visit", "meeting", "réunion", "letter", "lettre", "note",
    ]

    /// Words that follow a function title without being a name: ranks and qualifiers of the
    /// title itself, compared lower-cased (`offices` holds the offices).
    static let functionTitleQualifiers: Set<String> = [
        "extraordinary", "plenipotentiary", "designate", "designé", "désigné", "délégué", "déléguée", "delegate", "emeritus", "émérite",
        "counsellor", "counselor", "conseiller", "conseillère", "plénipotentiaire", "extraordinaire", "honorary", "honoraire", "resident",
        "résident", "interim", "intérim", "a.i.", "general", "général", "générale", "adviser", "advisor", "of", "for", "and",
    ]

    /// Punctuation around a qualifier ("Plenipotentiary,").
    static let qualifierPunctuation = CharacterSet(charactersIn: ".,;:")

    /// The Khmer function titles: ambassador, minister (two spellings), professor, counsellor,
    /// consul (and consul general, which ends with it), and the ranks review 1130j added.
    static let khmerFunctionTitles = ["ឯកអគ្គរាជទូត", "រដ្ឋមន្ត្រី", "រដ្ឋមន្រ្តី", "សាស្ត្រាចារ្យ", "ទីប្រឹក្សា", "កុងស៊ុល",
                                      // Ranks (review 1130j M2): first/second/third secretary, director general,
                                      // secretary of state, colonel (three grades).
                                      "លេខាទីមួយ", "លេខាទីពីរ", "លេខាទីបី", "អគ្គនាយក", "រដ្ឋលេខាធិការ", "វរសេនីយ៍ឯក", "វរសេនីយ៍ទោ", "វរសេនីយ៍ត្រី"]

    /// Khmer words that follow a function title without being a name: institutions, "resident
    /// in", "in charge of", "delegate", "attached to", "senior", "deputy" (refused whole or as a
    /// word's beginning).
    static let khmerFunctionTitleFollowers = ["ក្រសួង", "ស្ថាន", "ប្រចាំ", "ទទួលបន្ទុក", "ប្រតិភូ", "ស្តីទី", "ស្ដីទី", "ការ", "នៃ", "អម",
                                              "រង", "ជាន់ខ្ពស់", "ពេញសមត្ថភាព", "វិសាមញ្ញ", "កិត្តិយស", "ព្រះរាជាណាចក្រ", "សាធារណរដ្ឋ", "កម្ពុជា"]

    /// `Ambassador Sok Vanna`, `H.E Prak Sokhonn`, `Me Jean Dupont`: the title, spaces, and two to
    /// four capitalised words (captured; `functionTitleName` trims them).
    static let latinFunctionTitlePattern: String = {
        let titles = (latinFunctionTitles + nonASCIIFunctionTitles).map { title -> String in
            guard let first = title.unicodeScalars.first, first.properties.isUppercase else { return title }
            return "[\(first)\(String(first).lowercased())]\(String(title.unicodeScalars.dropFirst()))"
        }.joined(separator: "|")
        let word = "\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?"
        return "(?<![\\p{L}\\p{M}])(?:\(titles)|Me|H\\.\\s?E(?![\\p{L}\\p{M}.]))[ \\u00A0]+(\(word)(?:[ \\u00A0]+\(word)){1,3})"
    }()

    /// `AMBASSADOR SOK VANNA`, `L'AMBASSADEUR SOK VANNA`: a title in capitals, spaces, and two to
    /// eight capitalised words (captured; `capitalFunctionTitleName` reads them: ranks first, then
    /// at most four name words).
    static let capitalFunctionTitlePattern: String = {
        let word = "\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?"
        return "(?<![\\p{L}\\p{M}])(?:\(capitalFunctionTitles.joined(separator: "|")))[ \\u00A0]+(\(word)(?:[ \\u00A0]+\(word)){1,7})"
    }()

    /// A separator between the words of a Khmer name: a space or NBSP, U+200B, or both (Word
    /// and many Khmer keyboards type U+200B beside the space).
    static let khmerNameSeparator = "(?:[ \\u00A0]\\u200B?|\\u200B[ \\u00A0]?)"

    /// The most Khmer letters and signs one word of a name holds. A name word is one word, short:
    /// after a title in the khPOS sample (`../shared/data/khmer`) the longest is 12 (ព្រះនរោត្តម),
    /// offices included. A longer "word" is Khmer written without spaces — a clause, not a name:
    /// after ឯកអគ្គរាជទូត, Chuon Nath's definition of ភារធារី (sourced-terms.tsv row 35) went on
    /// "ឬឯកអគ្គរដ្ឋទូត មាននាទីបំពេញមុខការ…" and lost 93 characters to `{PERSON}` (review 1130h M3).
    static let khmerNameWordMaxLength = 20

    /// Words glued before a new syllable that begin no name: ឬ and រឺ ("or") before another office
    /// ("ឯកអគ្គរាជទូត ឬឯកអគ្គរដ្ឋទូត", "ambassador or ambassador").
    static let khmerConjunctionPrefixes = ["ឬ", "រឺ"]

    /// ឯកអគ្គរាជទូត សុខ វណ្ណា: the title, a separator, and two Khmer words (captured), each at most
    /// `khmerNameWordMaxLength` long.
    static let khmerFunctionTitlePattern: String = {
        let letters = "[\\u1780-\\u17D3\\u17DD]"
        let refused = khmerRefusal(khmerNotNames.union(khmerFunctionTitleFollowers + khmerFunctionTitles),
                                   prefixes: khmerNotNamePrefixes + khmerFunctionTitleFollowers + khmerFunctionTitles + khmerConjunctionPrefixes)
        let word = "(?!\(refused))\(letters){1,\(khmerNameWordMaxLength)}"
        let titles = khmerFunctionTitles.joined(separator: "|")
        return "(?<!ស្ថាន)(?<!គណៈ)(?:\(titles))[ \\u00A0\\u200B]+(\(word)\(khmerNameSeparator)\(word))(?![\\u1780-\\u17D3\\u17DD])"
    }()

    /// The name in a Latin function title's capture: leading offices and qualifiers skipped,
    /// cut at the next one or at a sentence's full stop; nil when fewer than two words remain,
    /// when its first word is an institution or a title, or when a placeholder follows (a
    /// scrubbed text imported again).
    static func functionTitleName(_ range: NSRange, in text: NSString) -> NSRange? {
        if placeholderFollows(range, in: text) { return nil }
        let candidate = text.substring(with: range)
        let words = candidate.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        func isQualifier(_ word: Substring) -> Bool {
            isOffice(word) || functionTitleQualifiers.contains(word.lowercased().trimmingCharacters(in: qualifierPunctuation))
        }
        guard let start = words.firstIndex(where: { !isQualifier($0) }) else { return nil }
        var kept: [Substring] = []
        for word in words[start...] {
            if isQualifier(word) { break }
            kept.append(word)
            if word.hasSuffix("."), word.count > 3 { break }
        }
        guard kept.count >= 2, let first = kept.first, let last = kept.last, !isTitle(first), !isNotName(first) else { return nil }
        let from = candidate.utf16.distance(from: candidate.startIndex, to: first.startIndex)
        var to = candidate.utf16.distance(from: candidate.startIndex, to: last.endIndex)
        if last.hasSuffix("."), last.count > 2 { to -= 1 }
        return NSRange(location: range.location + from, length: to - from)
    }

    /// The name in a capital function title's capture, or nil: ranks and offices first
    /// ("MINISTER COUNSELLOR LY DARA", "AMBASSADOR EXTRAORDINARY AND PLENIPOTENTIARY SOK VANNA"),
    /// then two to four name words, none a function word (`capitalTitleConnectors`: before the
    /// name, one means a heading, "AMBASSADOR OF THE KINGDOM OF CAMBODIA"), title, institution or
    /// ordinary word (`capitalNotNameWords`, `plainWords`), nor elided (« D'AFFAIRES »); and the run
    /// of capitalised words must end there — a full stop, a comma, a lower-case word or the end
    /// after the name, or a title starting the next name ("… SOK VANNA AND H.E. …"): a longer run
    /// is a heading or a sentence in capitals ("MINISTER WILL ATTEND THE MEETING").
    static func capitalFunctionTitleName(_ range: NSRange, in text: NSString) -> NSRange? {
        if placeholderFollows(range, in: text) { return nil }
        let candidate = text.substring(with: range)
        let words = candidate.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        func key(_ word: Substring) -> String { word.lowercased().trimmingCharacters(in: qualifierPunctuation) }
        func isRank(_ word: Substring) -> Bool { isOffice(word) || functionTitleQualifiers.contains(key(word)) }
        var index = 0
        while index < words.count {
            if capitalTitleConnectors.contains(key(words[index])) { return nil }
            guard isRank(words[index]) else { break }
            index += 1
        }
        var kept: [Substring] = []
        while index < words.count, kept.count < 4 {
            let word = words[index]
            if isRank(word) || capitalTitleConnectors.contains(key(word)) { break }
            kept.append(word)
            index += 1
            if word.hasSuffix("."), word.count > 3 { break }
        }
        guard kept.count >= 2, let first = kept.first, let last = kept.last else { return nil }
        for word in kept {
            let lower = key(word)
            if isTitleLike(word) || isInstitutionWord(word) || isElided(word) || plainWords.contains(lower) || capitalNotNameWords.contains(lower) {
                return nil
            }
        }
        let from = candidate.utf16.distance(from: candidate.startIndex, to: first.startIndex)
        var to = candidate.utf16.distance(from: candidate.startIndex, to: last.endIndex)
        let sentenceEnds = last.hasSuffix(".") && last.count > 2
        if sentenceEnds { to -= 1 }
        if !sentenceEnds, !capitalRunEnds(after: range.location + candidate.utf16.distance(from: candidate.startIndex, to: last.endIndex), in: text) {
            return nil
        }
        return NSRange(location: range.location + from, length: to - from)
    }

    /// Whether the run of capitalised words ends at `location`: what follows (after spaces) is no
    /// word beginning with a capital, unless it is a title (`H.E.`, `MR.`) or a function title, or
    /// `AND`/`ET`/`&` before one.
    static func capitalRunEnds(after location: Int, in text: NSString) -> Bool {
        let rest = text.substring(from: location)
        let words = rest.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).prefix(2)
        guard rest.first == " " || rest.first == "\u{A0}", let next = words.first else { return true }
        func startsCapital(_ word: Substring) -> Bool { word.unicodeScalars.first.map { $0.properties.isUppercase } ?? false }
        func opensName(_ word: Substring) -> Bool {
            let bare = word.trimmingCharacters(in: qualifierPunctuation)
            return isTitleLike(word) || capitalFunctionTitles.contains(bare) || latinFunctionTitles.contains(bare)
        }
        guard startsCapital(next) || next == "&" else { return true }
        if opensName(next) { return true }
        if ["AND", "ET", "&"].contains(next), words.count > 1 { return opensName(words[words.index(after: words.startIndex)]) }
        return false
    }
}
