/// Month names in English, French and Khmer, for recognising and writing dates.
///
/// The tables are CLDR's format month names (tests check them against ICU's `udat` data), held
/// as constants because recognition runs on every unit of a memory and must not open ICU date
/// formats. French also accepts the unaccented spellings users type (`fevrier`, `aout`).
public enum CalendarNames {
    public static let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    public static let french = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    public static let khmer = ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"]

    /// The month names of `language`, January first.
    public static func months(_ language: Language) -> [String] {
        switch language {
        case .english: english
        case .french: french
        case .khmer: khmer
        }
    }

    /// The month (1–12) a word names in any of the three languages, with common abbreviations
    /// (`Jan.`, `Sept`, `févr.`), ignoring case and a final full stop; nil if none.
    public static func month(named word: some StringProtocol) -> Int? {
        var key = Normalizer.key(String(word))
        if key.hasSuffix(".") { key.removeLast() }
        return lookup[key]
    }

    private static let lookup: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, name) in english.enumerated() {
            table[Normalizer.key(name)] = index + 1
            table[Normalizer.key(String(name.prefix(3)))] = index + 1
        }
        table["sept"] = 9
        for (index, name) in french.enumerated() {
            table[Normalizer.key(name)] = index + 1
            table[Normalizer.looseKey(name)] = index + 1
        }
        for (abbreviation, month) in [("janv", 1), ("févr", 2), ("fevr", 2), ("avr", 4), ("juil", 7), ("déc", 12), ("dec", 12), ("oct", 10), ("nov", 11)] {
            table[abbreviation] = month
        }
        for (index, name) in khmer.enumerated() { table[name] = index + 1 }
        return table
    }()
}
