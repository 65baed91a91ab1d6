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
extension PersonalDataScrubber {
    /// The Latin function titles (first letter either case; the rest as written).
    static let latinFunctionTitles = [
        "Ambassador", "Ambassadress", "Minister", "Counsellor", "Counselor", "Professor", "Prof\\.", "Consul", "Consul[- ]General",
        "Attaché", "Attache", "Chargé d['’]affaires(?: a\\.\\s?i\\.)?", "Ambassadeur", "Ambassadrice", "Ministre", "Conseiller", "Conseillère",
        "Professeur", "Professeure", "Consule", "Attachée", "Maître", "Maitre",
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
    /// consul (and consul general, which ends with it).
    static let khmerFunctionTitles = ["ឯកអគ្គរាជទូត", "រដ្ឋមន្ត្រី", "រដ្ឋមន្រ្តី", "សាស្ត្រាចារ្យ", "ទីប្រឹក្សា", "កុងស៊ុល"]

    /// Khmer words that follow a function title without being a name: institutions, "resident
    /// in", "in charge of", "delegate", "attached to", "senior", "deputy" (refused whole or as a
    /// word's beginning).
    static let khmerFunctionTitleFollowers = ["ក្រសួង", "ស្ថាន", "ប្រចាំ", "ទទួលបន្ទុក", "ប្រតិភូ", "ស្តីទី", "ស្ដីទី", "ការ", "នៃ", "អម",
                                              "រង", "ជាន់ខ្ពស់", "ពេញសមត្ថភាព", "វិសាមញ្ញ", "កិត្តិយស", "ព្រះរាជាណាចក្រ", "សាធារណរដ្ឋ", "កម្ពុជា"]

    /// `Ambassador Sok Vanna`, `H.E Prak Sokhonn`, `Me Jean Dupont`: the title, spaces, and two to
    /// four capitalised words (captured; `functionTitleName` trims them).
    static let latinFunctionTitlePattern: String = {
        let titles = latinFunctionTitles.map { title -> String in
            guard let first = title.unicodeScalars.first, first.properties.isUppercase else { return title }
            return "[\(first)\(String(first).lowercased())]\(String(title.unicodeScalars.dropFirst()))"
        }.joined(separator: "|")
        let word = "\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?"
        return "(?<![\\p{L}\\p{M}])(?:\(titles)|Me|H\\.\\s?E(?![\\p{L}\\p{M}.]))[ \\u00A0]+(\(word)(?:[ \\u00A0]+\(word)){1,3})"
    }()

    /// A separator between the words of a Khmer name: a space or NBSP, U+200B, or both (Word
    /// and many Khmer keyboards type U+200B beside the space).
    static let khmerNameSeparator = "(?:[ \\u00A0]\\u200B?|\\u200B[ \\u00A0]?)"

    /// ឯកអគ្គរាជទូត សុខ វណ្ណា: the title, a separator, and two Khmer words (captured).
    static let khmerFunctionTitlePattern: String = {
        let letters = "[\\u1780-\\u17D3\\u17DD]"
        let refused = khmerRefusal(khmerNotNames.union(khmerFunctionTitleFollowers + khmerFunctionTitles),
                                   prefixes: khmerNotNamePrefixes + khmerFunctionTitleFollowers + khmerFunctionTitles)
        let word = "(?!\(refused))\(letters)+"
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
}
