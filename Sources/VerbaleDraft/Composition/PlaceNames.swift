import VerbaleCore

/// City names for the place-and-date and recipient lines of a note, in English, French and
/// Khmer.
///
/// The Khmer name is CLDR's exemplar city of the place's time zone ("Europe/Paris" → ប៉ារីស,
/// read through ICU) where CLDR has one; otherwise the table's wording, which no source
/// attests (Geneva, The Hague) and is shown `[unreviewed]`. Cost: one ICU lookup per place,
/// once per process.
public enum PlaceNames {
    /// A place's name in one language and, for Khmer, the source that attests it.
    public struct Name: Sendable, Equatable {
        public var text: String
        /// nil for a Khmer wording no source attests (English and French need none).
        public var attestedBy: String?
        public var isUnreviewed: Bool
    }

    private struct Entry: Sendable {
        var english: String
        var french: String
        var khmer: String
        var khmerSource: String?
    }

    private static let entries: [Entry] = NameTable.shipped.rows("place").map { row in
        if let zone = row.zone, let city = ICU.exemplarCity(zone: zone, locale: "km"),
           city.unicodeScalars.contains(where: { (0x1780...0x17DD).contains($0.value) }) {
            return Entry(english: row.english, french: row.french, khmer: city,
                         khmerSource: "CLDR exemplar city of \(zone) (ICU \(ICU.version))")
        }
        return Entry(english: row.english, french: row.french, khmer: row.khmer, khmerSource: row.khmerSource)
    }

    /// The English names the table knows, longest first.
    public static var known: [String] { entries.map(\.english).sorted { $0.count > $1.count } }

    /// `place` (English) in `language`; unknown places are kept as given (and, in Khmer,
    /// marked unreviewed).
    public static func name(_ place: String, in language: Language) -> Name {
        guard let entry = entries.first(where: { $0.english == place }) else {
            return Name(text: place, attestedBy: nil, isUnreviewed: language == .khmer)
        }
        return switch language {
        case .english: Name(text: entry.english, attestedBy: nil, isUnreviewed: false)
        case .french: Name(text: entry.french, attestedBy: nil, isUnreviewed: false)
        case .khmer: Name(text: entry.khmer, attestedBy: entry.khmerSource, isUnreviewed: entry.khmerSource == nil)
        }
    }
}
