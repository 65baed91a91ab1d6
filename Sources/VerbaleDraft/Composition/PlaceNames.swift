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
        /// The place as given, when Verbale has no Khmer name for it and `text` shows it
        /// `[untranslated: …]`; empty otherwise.
        public var untranslated: [String] = []
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

    /// The names the table knows as `language` writes them, longest first, each with its
    /// English name: what `draft translate` looks for in running text. English and French
    /// (« à Genève » → "in ⟦…⟧ Geneva", review 1130g: French place names were not read back);
    /// none for Khmer, whose names are not cut at word boundaries here.
    public static func known(in language: Language) -> [(written: String, english: String)] {
        switch language {
        case .english: return entries.map { ($0.english, $0.english) }.sorted { $0.0.count > $1.0.count }
        case .french: return entries.map { ($0.french, $0.english) }.sorted { $0.0.count > $1.0.count }
        case .khmer: return []
        }
    }

    /// The English name of the place written `text` in `language` ("Genève" → "Geneva",
    /// "ទីក្រុងប៉ារីស" or "ប៉ារីស" → "Paris"; Khmer compared in `Normalizer.matchingForm`, so
    /// U+200B, spaces between Khmer letters and the order of subscripts are ignored); nil when
    /// the table does not know it.
    public static func english(of text: String, in language: Language) -> String? {
        let wanted = text.replacingOccurrences(of: "\u{200B}", with: "").trimmingCharacters(in: .whitespaces)
        let form = language == .khmer ? Normalizer.matchingForm(wanted) : wanted
        let known = entries.first { entry in
            switch language {
            case .english: entry.english.caseInsensitiveCompare(wanted) == .orderedSame
            case .french: entry.french.caseInsensitiveCompare(wanted) == .orderedSame
            case .khmer: form == Normalizer.matchingForm((entry.framing ?? "") + entry.city) || form == Normalizer.matchingForm(entry.city)
            }
        }?.english
        return known ?? zoneCity(wanted, in: language)
    }

    /// The English exemplar city of the time zone whose city `text` names in `language`
    /// ("Tokyo", « Tokyo », តូក្យូ or ទីក្រុងតូក្យូ → "Tokyo"; « Singapour » → "Singapore"): the
    /// places `name(_:in:)` renders through a zone (`zoneEntry`), read back, so `draft
    /// translate` reads the place-and-date line `draft new --place Tokyo` writes (review 1130g
    /// M3: « ⟦Tokyo⟧, 6 décembre 2026 », without « le » or ធ្វើនៅ). Nil when no zone's city is it.
    static func zoneCity(_ text: String, in language: Language) -> String? {
        switch language {
        case .english: return zone(of: text).flatMap { ICU.exemplarCity(zone: $0, locale: "en") }
        case .french: return zoneCities.first { $0.french?.caseInsensitiveCompare(text) == .orderedSame }?.english
        case .khmer:
            let form = Normalizer.matchingForm(text)
            return zoneCities.first { city in
                city.khmer.contains { form == Normalizer.matchingForm($0) || form == Normalizer.matchingForm("ទីក្រុង" + $0) }
            }?.english
        }
    }

    /// Every time zone's exemplar city in English, French and Khmer (nil where CLDR has none, or
    /// no Khmer letter), for reading a French or Khmer city back. Cost: three ICU look-ups per
    /// zone of `zoneRegions` (≈ 400), once per process, the first time a city the table lacks is read.
    private static let zoneCities: [(english: String, french: String?, khmer: [String])] =
        TimeZone.knownTimeZoneIdentifiers.filter { id in zoneRegions.contains { id.hasPrefix($0 + "/") } }.compactMap { zone in
            guard let english = ICU.exemplarCity(zone: zone, locale: "en"), english != "Unknown" else { return nil }
            let khmer = ICU.exemplarCity(zone: zone, locale: "km").flatMap { isKhmer($0) ? $0 : nil }
            // A city-state is written with its country's name, and read back from both.
            return (english, frenchCity(zone), (khmer.map { [$0] } ?? []) + (khmer != nil ? cityState(english).map { [$0.khmer] } ?? [] : []))
        }

    /// The regions of IANA time-zone ids ("Asia/Vientiane"), where a city the table lacks is
    /// looked for as a zone's exemplar city.
    private static let zoneRegions = ["Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"]

    /// The IANA time zone whose English exemplar city is `place` ("Vientiane" →
    /// Asia/Vientiane), nil when none is. The zone must exist: ICU names an unknown zone
    /// "Unknown". Cost: up to nine ICU look-ups.
    private static func zone(of place: String) -> String? {
        let trimmed = place.trimmingCharacters(in: .whitespaces)
        let id = trimmed.replacingOccurrences(of: " ", with: "_")
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || $0 == "-") }) else { return nil }
        return zoneRegions.lazy.map { "\($0)/\(id)" }.first { zone in
            ICU.exemplarCity(zone: zone, locale: "en").map { $0.caseInsensitiveCompare(trimmed) == .orderedSame } ?? false
        }
    }

    /// A place the table lacks, found as the exemplar city of a time zone ("Vientiane" →
    /// Asia/Vientiane → វៀងចន្ទន៍ in CLDR's Khmer), framed with ទីក្រុង like the table's cities.
    /// Why: CLDR names every zone's city in Khmer, and a capital the table forgot is most often
    /// a zone's city (review 1130c m4). The French is CLDR's French exemplar city of the same
    /// zone (« Singapour »: review 1130f m8, where "Singapore" stayed English in French notes).
    /// Cost: up to eleven ICU look-ups, for a place the table does not know.
    private static func zoneEntry(_ place: String) -> Entry? {
        guard let zone = zone(of: place), let english = ICU.exemplarCity(zone: zone, locale: "en"),
              let city = ICU.exemplarCity(zone: zone, locale: "km"), isKhmer(city) else { return nil }
        if let (country, source) = cityState(english) {
            return Entry(english: english, french: frenchCity(zone) ?? place, city: country, citySource: source, framing: "ទីក្រុង")
        }
        return Entry(english: english, french: frenchCity(zone) ?? place, city: city,
                     citySource: "CLDR exemplar city of \(zone) (ICU \(ICU.version))", framing: "ទីក្រុង")
    }

    /// A city that bears its country's English name (Singapore, Monaco, Luxembourg, Kuwait…),
    /// named in Khmer as CLDR names the country — the name the countries termbase prefers
    /// where Khmer in use confirms it (`KhmerNameUsage`) — with its source; nil for other
    /// cities. Why: one note named Singapore twice, ក្រសួងការបរទេសនៃសាំងហ្គាពួរ (the catalogue's
    /// country name) and ធ្វើនៅទីក្រុងសិង្ហបូរី (CLDR's exemplar city of Asia/Singapore, spelt
    /// otherwise again) (review 1130g m9): one place, one spelling. Cost: one scan of the
    /// English country names.
    static func cityState(_ english: String) -> (khmer: String, source: String)? {
        guard let (region, length) = CountryNames.shared.longestPrefix(of: english), length == english.count,
              let khmer = CountryNames.shared.name(region, in: .khmer), isKhmer(khmer) else { return nil }
        return (khmer, "CLDR display name of \(region) (ICU \(ICU.version)), the country the city is named for")
    }

    /// CLDR's French exemplar city of `zone` ("Asia/Singapore" → « Singapour »), nil when ICU
    /// has none or falls back to the zone id.
    private static func frenchCity(_ zone: String) -> String? {
        guard let city = ICU.exemplarCity(zone: zone, locale: "fr"), !city.isEmpty, city != "Unknown", !city.contains("/") else { return nil }
        return city
    }

    /// `place` (English) in `language`. A place the table lacks is kept as given in English;
    /// in French and Khmer it is CLDR's name of a time zone's city when there is one
    /// (`zoneEntry`, `frenchCity`); else French keeps it as given, and Khmer sets the English
    /// apart as `[untranslated: Vientiane]` and lists it in `untranslated`, as name parts are: Latin glued to "ធ្វើនៅ" looked like a rendering to
    /// review, not a gap to fill (review 1130c m4).
    public static func name(_ place: String, in language: Language) -> Name {
        guard let entry = entries.first(where: { $0.english == place }) ?? (language == .english ? nil : zoneEntry(place)) else {
            if language == .french, let zone = zone(of: place), let city = frenchCity(zone) {
                return Name(text: city, attestedBy: nil, framing: nil, isUnreviewed: false, sources: [])
            }
            guard language == .khmer else { return Name(text: place, attestedBy: nil, framing: nil, isUnreviewed: false, sources: []) }
            return Name(text: "[untranslated: \(place)]", attestedBy: nil, framing: nil, isUnreviewed: true,
                        sources: ["\(place): not in Verbale's place table nor a CLDR time-zone city, kept in English (untranslated)"],
                        untranslated: [place])
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
