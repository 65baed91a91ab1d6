import VerbaleCore

/// A calendar date as notes write it: "12 January 2021", "12 janvier 2021" (with "1er" for the
/// first of the month), "ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១" (Khmer digits and month names).
///
/// Why not DateFormatter: CLDR's Khmer long date writes Latin digits and a different order
/// from the one Cambodian official letters use; these three forms are the conventional ones.
public struct NoteDate: Sendable, Hashable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Parses ISO 8601 `YYYY-MM-DD`, rejecting impossible dates (2021-02-30).
    public init(iso text: String) throws(DraftError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= NoteDate.days(inMonth: month, year: year) else {
            throw .invalidDate(text)
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var iso: String {
        let m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    static let khmerMonths = ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"]

    /// The date written out in `language`.
    public func rendered(in language: Language) -> String {
        switch language {
        case .english: "\(day) \(Self.englishMonths[month - 1]) \(year)"
        case .french: "\(day == 1 ? "1er" : String(day)) \(Self.frenchMonths[month - 1]) \(year)"
        case .khmer: "ថ្ងៃទី\(Self.khmerDigits(day)) ខែ\(Self.khmerMonths[month - 1]) ឆ្នាំ\(Self.khmerDigits(year))"
        }
    }

    /// "Geneva, 12 January 2021" / "Genève, le 12 janvier 2021" / "ធ្វើនៅ Geneva ថ្ងៃទី…".
    public func placeAndDate(_ place: String, in language: Language) -> String {
        switch language {
        case .english: "\(place), \(rendered(in: .english))"
        case .french: "\(place), le \(rendered(in: .french))"
        case .khmer: "ធ្វើនៅ\(place) \(rendered(in: .khmer))"
        }
    }

    /// Writes `number` with Khmer digits ០–៩.
    public static func khmerDigits(_ number: Int) -> String {
        String(String(number).unicodeScalars.map { scalar -> Character in
            guard let digit = scalar.properties.numericType != nil ? Int(String(scalar)) : nil,
                  let khmer = Unicode.Scalar(0x17E0 + UInt32(digit)) else { return Character(scalar) }
            return Character(khmer)
        })
    }

    /// Finds dates written as notes write them in English or French ("12 January 2021",
    /// "January 12, 2021", "1er décembre 1994"); used to carry dates into translations.
    public static func parse(_ text: String, in language: Language) -> NoteDate? {
        let words = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: { $0 == " " }).map(String.init)
        let months = language == .french ? frenchMonths : englishMonths
        func monthIndex(_ word: String) -> Int? {
            months.firstIndex { $0.lowercased() == word.lowercased() }.map { $0 + 1 }
        }
        func dayValue(_ word: String) -> Int? {
            Int(word.replacingOccurrences(of: "er", with: "").replacingOccurrences(of: "st", with: "")
                .replacingOccurrences(of: "nd", with: "").replacingOccurrences(of: "rd", with: "").replacingOccurrences(of: "th", with: ""))
        }
        if words.count == 3, let d = dayValue(words[0]), let m = monthIndex(words[1]), let y = Int(words[2]), (1...31).contains(d) {
            return NoteDate(year: y, month: m, day: d)
        }
        if words.count == 3, let m = monthIndex(words[0]), let d = dayValue(words[1]), let y = Int(words[2]), (1...31).contains(d) {
            return NoteDate(year: y, month: m, day: d)
        }
        return nil
    }
}
