import Foundation

/// A surname standing alone after a full name (acceptance review 1130h, m4): « le Ministre Mate
/// Jakšić … la communication de M. Jakšić » is one man, and was stored `{PERSON1}` … `{PERSON2}`,
/// as if the note named two. A person found in a unit whose words are the *last* words of
/// another person found earlier in that unit takes that person's placeholder.
///
/// Why the last words, in every language: a Western surname ends the name; Khmer writes the
/// family name first and refers to a person again by the given name, which also ends it ("លោក
/// ផៃ ស៊ីផាន … លោក ស៊ីផាន", khPOS 550 and 659; the press writes "Sokha", "Rainsy"). So the rule
/// is positional: a shared *first* word — a Western given name ("Mr. John Smith … Mr. John"), a
/// Khmer family name ("លោក សុខ ដារា … លោក សុខ", the commonest names of the country) — ties
/// nothing. Not tied either, because two people are as likely as one: a name that ends two
/// different earlier names ("John Smith", "Paul Smith" … "Mr. Smith"), a surname written
/// before the full name ("Mr. Smith welcomed Mr. John Smith", father and son), and a man's title
/// before one and a woman's before the other ("Mrs. Jane Smith and Mr. Smith", "កញ្ញា គង់ សារ៉ន
/// … លោក សារ៉ន"). Words are compared as values are (`valueKey`: any case, no full stops), so
/// "Mr. P. Buwalda … Mr. BUWALDA" is one person. Khmer typed with no space inside the name
/// ("លោកសុខដារា … លោកដារា") is not cut into words here and ties nothing (a known limit).
///
/// Cost: nothing for a unit with fewer than two different persons (most units); else a word
/// split of each person value and a look at the word before each occurrence.
extension PersonalDataScrubber {
    /// The sex a courtesy title gives its name; nil for a function title or none.
    enum TitleSex: Equatable {
        case male, female
    }

    /// Latin-script titles (lower-cased, without their full stop) by sex: the word right before
    /// a name, or the last part of a dotted pair (`S.E.M.`, `H.E.Mrs.`).
    static let maleTitleWords: Set<String> = ["mr", "m", "monsieur", "mm", "messrs", "messieurs"]
    static let femaleTitleWords: Set<String> = ["mrs", "ms", "mme", "mlle", "madame", "mademoiselle", "madam", "miss",
                                                "mmes", "mlles", "mesdames", "chumteav", "chumtiev"]
    /// Khmer titles by sex, read at the end of the word before a name (Khmer glues a title to the
    /// word before it); the women's first, since លោកស្រី ends with neither.
    static let femaleKhmerTitles = ["លោកស្រី", "អ្នកស្រី", "លោកជំទាវ", "កញ្ញា"]
    static let maleKhmerTitles = ["លោក"]

    /// The sex of the title right before UTF-16 offset `location` of `text` (spaces, NBSP and
    /// U+200B skipped), nil when the word there is no courtesy title.
    static func titleSex(before location: Int, in text: NSString) -> TitleSex? {
        func isGap(_ unit: unichar) -> Bool { unit == 0x20 || unit == 0xA0 || unit == 0x200B || unit == 0x09 }
        var end = min(location, text.length)
        while end > 0, isGap(text.character(at: end - 1)) { end -= 1 }
        var start = end
        while start > 0, end - start < 24, !isGap(text.character(at: start - 1)) { start -= 1 }
        guard start < end else { return nil }
        let word = text.substring(with: NSRange(location: start, length: end - start))
        if femaleKhmerTitles.contains(where: { word.hasSuffix($0) }) { return .female }
        if maleKhmerTitles.contains(where: { word.hasSuffix($0) }) { return .male }
        // `S.E.M.` → `m`, `H.E.Mrs.` → `mrs`, `(M.` → `m`.
        let last = word.lowercased().split(separator: ".").last.map { $0.drop { !$0.isLetter } } ?? ""
        if maleTitleWords.contains(String(last)) { return .male }
        if femaleTitleWords.contains(String(last)) { return .female }
        return nil
    }

    /// The words of a value as values are compared (`valueKey` of each; empty ones dropped).
    static func comparedWords(_ value: String) -> [String] {
        nameWordsByCharacters(value).map { valueKey(String($0)) }.filter { !$0.isEmpty }
    }

    /// Whether `short`'s words are the last words of `long`, which has more.
    static func endsWith(_ long: [String], _ short: [String]) -> Bool {
        !short.isEmpty && long.count > short.count && Array(long.suffix(short.count)) == short
    }

    /// The person keys of a unit's variant texts that name, by their surname alone, a fuller
    /// name found earlier in the unit (see the type's comment): each such key → the full name's
    /// key, for numbering (`scrubTexts`). Empty when the unit names fewer than two persons.
    static func surnameOwners(_ perVariant: [[Span]], texts: [String]) -> [String: String] {
        // Each occurrence of a person: its key, variant, offset, and the title's sex before it.
        struct Occurrence {
            var key: String
            var variant: Int
            var location: Int
            var range: NSRange
        }
        var occurrences: [Occurrence] = []
        var distinct: [String] = []
        for (variant, spans) in perVariant.enumerated() {
            for span in spans where span.kind == .person {
                let key = span.key ?? ""
                occurrences.append(Occurrence(key: key, variant: variant, location: span.range.location, range: span.range))
                if !distinct.contains(key) { distinct.append(key) }
            }
        }
        guard distinct.count > 1 else { return [:] }
        var words: [String: [String]] = [:]
        var sexes: [String: Set<Int>] = [:]
        let bridged = texts.map { $0 as NSString }
        for occurrence in occurrences {
            if words[occurrence.key] == nil {
                words[occurrence.key] = comparedWords(substring(texts[occurrence.variant], occurrence.range))
            }
            if let sex = titleSex(before: occurrence.location, in: bridged[occurrence.variant]) {
                sexes[occurrence.key, default: []].insert(sex == .male ? 0 : 1)
            }
        }
        var owners: [String: String] = [:]
        for short in distinct {
            guard let shortWords = words[short] else { continue }
            let longer = distinct.filter { $0 != short && endsWith(words[$0] ?? [], shortWords) }
            // Two earlier names end with it: either person, so neither.
            guard longer.count == 1, let long = longer.first else { continue }
            // A man's title before one, a woman's before the other: two people.
            let both = (sexes[short] ?? []).union(sexes[long] ?? [])
            if both.count > 1 { continue }
            // The full name first in every variant naming both (a surname before it is another
            // person: "Mr. Smith welcomed Mr. John Smith").
            var later = true
            for variant in perVariant.indices {
                let firstShort = occurrences.first { $0.variant == variant && $0.key == short }?.location
                let firstLong = occurrences.first { $0.variant == variant && $0.key == long }?.location
                if let firstShort, let firstLong, firstShort < firstLong { later = false }
            }
            if later { owners[short] = long }
        }
        return owners
    }

    /// The placeholder of the one known person value that `value` is the surname of (its last
    /// words), for a person a note or property names by the surname alone ("Contact: Mr.
    /// Jakšić" beside a text naming "Minister Mate Jakšić"); nil when none or several are.
    static func surnameOwnerPlaceholder(of value: String, among known: [KnownValue]) -> String? {
        let words = comparedWords(value)
        guard !words.isEmpty else { return nil }
        var owner: String?
        for candidate in known where candidate.kind == .person && !candidate.placeholder.isEmpty {
            guard endsWith(comparedWords(candidate.value), words) else { continue }
            if let owner, owner != candidate.placeholder { return nil }
            owner = candidate.placeholder
        }
        return owner
    }
}
