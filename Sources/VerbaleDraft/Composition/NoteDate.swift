import VerbaleCore

/// A calendar date as notes write it: "12 January 2021", "12 janvier 2021" (with "1er" for the
/// first of the month), "ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១" (Khmer digits and month names).
///
/// Rendering is VerbaleCore's (`PlaceableRendering.date`); this type adds ISO parsing with
/// calendar validation and the place-and-date line.
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

    /// The date written out in `language` (VerbaleCore's `PlaceableRendering`, so drafts and
    /// pre-translated dates agree).
    public func rendered(in language: Language) -> String {
        PlaceableRendering.date(iso, in: language) ?? iso
    }

    /// "Geneva, 12 January 2021" / "Genève, le 12 janvier 2021" / "ធ្វើនៅ Geneva ថ្ងៃទី…".
    public func placeAndDate(_ place: String, in language: Language) -> String {
        switch language {
        case .english: "\(place), \(rendered(in: .english))"
        case .french: "\(place), le \(rendered(in: .french))"
        // A bracketed place ("[untranslated: Vientiane]", "[ទីកន្លែង]") is set apart from ធ្វើនៅ.
        case .khmer: "ធ្វើនៅ\(place.hasPrefix("[") ? " " : "")\(place) \(rendered(in: .khmer))"
        }
    }
}
