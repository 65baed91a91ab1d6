import Foundation
import VerbaleCore

/// City names for the place-and-date and recipient lines of a note, in English, French and
/// Khmer.
///
/// Khmer writes a city with a framing word: រាជធានី ("capital") before Phnom Penh, ទីក្រុង
/// ("city") before the others ("ទីក្រុងប៉ារីស"). The bare city name is CLDR's exemplar city of
/// the place's time zone ("Europe/Paris" → ប៉ារីស, read through ICU) where CLDR has one, else
/// the table's; the framing word is the table's and no source attests it. So a Khmer place
/// with a framing word, or without CLDR's name, is always `[unreviewed]`, and `sources` says
/// which part comes from where. Cost: one ICU lookup per place, once per process.
public enum PlaceNames {
    /// A place's name in one language and, for Khmer, the source of each part.
    public struct Name: Sendable, Equatable {
        /// The name as the note writes it, framing word included ("ទីក្រុងប៉ារីស").
        public var text: String
        /// The source attesting the bare city name ("ប៉ារីស"); nil when none does (and for
        /// English and French, which need none).
        public var attestedBy: String?
        /// The framing word Verbale puts before the city ("ទីក្រុង", "រាជធានី"); no source
        /// attests it. nil when there is none.
        public var framing: String?
        /// True when any part of the Khmer wording has no attested source.
        public var isUnreviewed: Bool
        /// Each Khmer part and its source, for the source note; empty for English and French.
        public var sources: [String]
    }

    private struct Entry: Sendable {
        var english: String
        var french: String
        /// The bare city name and its source (nil: none).
        var city: String
        var citySource: String?
        /// The framing word before it in the table's wording, if any.
        var framing: String?
    }

    /// Khmer script (consonants to signs), to tell a Khmer CLDR name from an English fallback.
    private static func isKhmer(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x1780...0x17DD).contains($0.value) }
    }

    private static let entries: [Entry] = NameTable.shipped.rows("place").map { row in
        if let zone = row.zone, let city = ICU.exemplarCity(zone: zone, locale: "km"), isKhmer(city) {
            // The table writes the framed form ("ទីក្រុងប៉ារីស"); what precedes CLDR's bare
            // name is the framing word.
            let framing = row.khmer.hasSuffix(city) && row.khmer != city ? String(row.khmer.dropLast(city.count)) : nil
            return Entry(english: row.english, french: row.french, city: city,
                         citySource: "CLDR exemplar city of \(zone) (ICU \(ICU.version))", framing: framing)
        }
        return Entry(english: row.english, french: row.french, city: row.khmer, citySource: row.khmerSource, framing: nil)
    }

    /// The English names the table knows, longest first.
    public static var known: [String] { entries.map(\.english).sorted { $0.count > $1.count } }

    /// The English name of the place written `text` in `language` ("Genève" → "Geneva",
    /// "ទីក្រុងប៉ារីស" or "ប៉ារីស" → "Paris"; U+200B ignored); nil when the table does not know it.
    public static func english(of text: String, in language: Language) -> String? {
        let wanted = text.replacingOccurrences(of: "\u{200B}", with: "").trimmingCharacters(in: .whitespaces)
        return entries.first { entry in
            switch language {
            case .english: entry.english.caseInsensitiveCompare(wanted) == .orderedSame
            case .french: entry.french.caseInsensitiveCompare(wanted) == .orderedSame
            case .khmer: wanted == (entry.framing ?? "") + entry.city || wanted == entry.city
            }
        }?.english
    }

    /// `place` (English) in `language`; unknown places are kept as given (and, in Khmer,
    /// marked unreviewed).
    public static func name(_ place: String, in language: Language) -> Name {
        guard let entry = entries.first(where: { $0.english == place }) else {
            return Name(text: place, attestedBy: nil, framing: nil, isUnreviewed: language == .khmer,
                        sources: language == .khmer ? ["\(place): not in Verbale's place table, kept in English (unreviewed)"] : [])
        }
        switch language {
        case .english: return Name(text: entry.english, attestedBy: nil, framing: nil, isUnreviewed: false, sources: [])
        case .french: return Name(text: entry.french, attestedBy: nil, framing: nil, isUnreviewed: false, sources: [])
        case .khmer:
            var sources = ["\(entry.city) (\(entry.english)): \(entry.citySource ?? "no source (unreviewed)")"]
            if let framing = entry.framing {
                sources.append("\(framing) (framing word before the city): Verbale's place table, no source (unreviewed)")
            }
            return Name(text: (entry.framing ?? "") + entry.city, attestedBy: entry.citySource, framing: entry.framing,
                        isUnreviewed: entry.citySource == nil || entry.framing != nil, sources: sources)
        }
    }
}
