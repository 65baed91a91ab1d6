import Foundation
import VerbaleCore

/// The name of a sender or recipient ("Permanent Mission of the Kingdom of Cambodia") in one
/// language, with what French grammar needs: gender, elision and the articles they imply.
///
/// French agreement in notes depends on the head of the name: "La Mission permanente … présente
/// ses compliments au Haut-Commissariat", "L'Ambassade … a l'honneur", "à l'Office". `Haut-`
/// has an aspirated h (no elision: "le Haut-Commissariat"), so elision is stored per head, not
/// guessed from the first letter.
public struct InstitutionName: Sendable, Hashable, Codable {
    public enum Gender: String, Sendable, Codable { case masculine, feminine, plural }

    public var language: Language
    /// The name without article ("Mission permanente du Royaume du Cambodge").
    public var text: String
    public var gender: Gender
    /// Whether the definite article elides ("l'Office", "l'Ambassade").
    public var elides: Bool
    /// The head word alone, for short references ("the Ministry", "le Ministère", "l'Office").
    public var head: String
    /// Parts of the English name Verbale could not translate (shown marked, never guessed).
    public var untranslated: [String]
    /// True when the wording is not attested by a source (Khmer names, heuristics).
    public var isUnreviewed: Bool

    /// The name with its definite article: "The Permanent Mission…", "La Mission…", "L'Office…".
    public func withArticle(capitalized: Bool = false) -> String {
        switch language {
        case .english: (capitalized ? "The " : "the ") + text
        case .khmer: text
        case .french: capitalized ? articled(plural: "Les ", elided: "L'", feminine: "La ", masculine: "Le ")
                                  : articled(plural: "les ", elided: "l'", feminine: "la ", masculine: "le ")
        }
    }

    /// The name after "à": "au Ministère", "à la Mission", "à l'Office", "aux …".
    public var dative: String {
        language == .french ? articled(plural: "aux ", elided: "à l'", feminine: "à la ", masculine: "au ") : withArticle()
    }

    /// A country after a formal head: "Royaume de Thaïlande", "Royaume du Cambodge",
    /// "Royaume des Pays-Bas", "République d'Irak" (feminine names take no article there).
    public var formalGenitive: String {
        articled(plural: "des ", elided: "d'", feminine: "de ", masculine: "du ")
    }

    /// The name after "de": "du Ministère", "de la Mission", "de l'Office", "des …".
    public var genitive: String {
        language == .french ? articled(plural: "des ", elided: "de l'", feminine: "de la ", masculine: "du ") : "of " + withArticle()
    }

    /// The name after the one of four French forms (article, or preposition and article) that
    /// its gender and elision select: plural before elision, elision before gender.
    private func articled(plural: String, elided: String, feminine: String, masculine: String) -> String {
        switch (gender, elides) {
        case (.plural, _): plural + text
        case (_, true): elided + text
        case (.feminine, false): feminine + text
        case (.masculine, false): masculine + text
        }
    }

    /// The text as shown, with untranslated parts and review status marked.
    public func marked(_ rendered: String) -> String {
        var result = rendered
        for part in untranslated { result = result.replacingOccurrences(of: part, with: "[untranslated: \(part)]") }
        return isUnreviewed && language != .english ? result + " [unreviewed]" : result
    }
}

/// Translates institution names from English by their parts: a curated table of heads
/// ("Permanent Mission" → "Mission permanente", feminine), of formal state names ("Kingdom of"
/// → "Royaume", masculine), CLDR's country names (via ICU) and a few UN seats. What it cannot
/// translate it keeps in English and lists in `untranslated`, so output marks it.
///
/// Cost: a linear scan of ≈ 60 table rows plus one CLDR lookup per country (≈ 250 regions,
/// cached for the process).
public struct InstitutionNamer: Sendable {
    /// Country names come from the glossary when it is loaded (iso-codes formal and short
    /// names in EN/FR/KM), else from CLDR's display names.
    public var glossary: DraftGlossary?

    public init(glossary: DraftGlossary? = nil) {
        self.glossary = glossary
    }

    struct Head: Sendable {
        var english: String
        var french: String
        var gender: InstitutionName.Gender
        var elides: Bool
        var khmer: String
        /// Khmer wording attested in ../shared/data/glossary/sourced-terms.tsv.
        var khmerAttested = false
    }

    /// Institution heads, longest first so "Royal Embassy" wins over "Embassy".
    static let heads: [Head] = [
        Head(english: "Ministry of Foreign Affairs and International Cooperation", french: "Ministère des Affaires étrangères et de la Coopération internationale", gender: .masculine, elides: false, khmer: "ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ", khmerAttested: true),
        Head(english: "Office of the High Commissioner for Human Rights", french: "Haut-Commissariat des Nations Unies aux droits de l'homme", gender: .masculine, elides: false, khmer: "ការិយាល័យឧត្តមស្នងការអង្គការសហប្រជាជាតិទទួលបន្ទុកសិទ្ធិមនុស្ស"),
        Head(english: "Ministry of Foreign Affairs", french: "Ministère des Affaires étrangères", gender: .masculine, elides: false, khmer: "ក្រសួងការបរទេស"),
        Head(english: "Ministry of External Affairs", french: "Ministère des Affaires extérieures", gender: .masculine, elides: false, khmer: "ក្រសួងការបរទេស"),
        Head(english: "Ministry for Foreign Affairs", french: "Ministère des Affaires étrangères", gender: .masculine, elides: false, khmer: "ក្រសួងការបរទេស"),
        Head(english: "Federal Department of Foreign Affairs", french: "Département fédéral des affaires étrangères", gender: .masculine, elides: false, khmer: "នាយកដ្ឋានសហព័ន្ធកិច្ចការបរទេស"),
        Head(english: "Ministry of Health", french: "Ministère de la Santé", gender: .masculine, elides: false, khmer: "ក្រសួងសុខាភិបាល"),
        Head(english: "Permanent Mission", french: "Mission permanente", gender: .feminine, elides: false, khmer: "បេសកកម្មអចិន្ត្រៃយ៍"),
        Head(english: "Royal Embassy", french: "Ambassade royale", gender: .feminine, elides: true, khmer: "ស្ថានឯកអគ្គរាជទូត", khmerAttested: true),
        Head(english: "Royal Netherlands Embassy", french: "Ambassade royale des Pays-Bas", gender: .feminine, elides: true, khmer: "ស្ថានឯកអគ្គរាជទូតហូឡង់"),
        Head(english: "Consulate General", french: "Consulat général", gender: .masculine, elides: false, khmer: "អគ្គស្ថានកុងស៊ុល"),
        Head(english: "High Commission", french: "Haut-Commissariat", gender: .masculine, elides: false, khmer: "ស្ថានឧត្តមស្នងការ"),
        Head(english: "Embassy", french: "Ambassade", gender: .feminine, elides: true, khmer: "ស្ថានទូត"),
        Head(english: "Ministry", french: "Ministère", gender: .masculine, elides: false, khmer: "ក្រសួង"),
        Head(english: "Office", french: "Office", gender: .masculine, elides: true, khmer: "ការិយាល័យ"),
        Head(english: "Secretariat", french: "Secrétariat", gender: .masculine, elides: false, khmer: "លេខាធិការដ្ឋាន"),
        Head(english: "Organisation", french: "Organisation", gender: .feminine, elides: true, khmer: "អង្គការ"),
        Head(english: "Organization", french: "Organisation", gender: .feminine, elides: true, khmer: "អង្គការ"),
        Head(english: "Department", french: "Département", gender: .masculine, elides: false, khmer: "នាយកដ្ឋាន"),
        Head(english: "Delegation", french: "Délégation", gender: .feminine, elides: false, khmer: "គណៈប្រតិភូ"),
        Head(english: "Consulate", french: "Consulat", gender: .masculine, elides: false, khmer: "ស្ថានកុងស៊ុល"),
        Head(english: "Legation", french: "Légation", gender: .feminine, elides: false, khmer: "ស្ថានអគ្គរដ្ឋទូត"),
        Head(english: "Mission", french: "Mission", gender: .feminine, elides: false, khmer: "បេសកកម្ម"),
        Head(english: "Government", french: "Gouvernement", gender: .masculine, elides: false, khmer: "រដ្ឋាភិបាល"),
        Head(english: "Royal Government of Cambodia", french: "Gouvernement royal du Cambodge", gender: .masculine, elides: false, khmer: "រាជរដ្ឋាភិបាលកម្ពុជា", khmerAttested: true),
    ].sorted { $0.english.count > $1.english.count }

    /// Formal state names: "Kingdom of X" → "Royaume de X".
    static let stateForms: [Head] = [
        Head(english: "Kingdom of", french: "Royaume", gender: .masculine, elides: false, khmer: "ព្រះរាជាណាចក្រ"),
        Head(english: "Republic of", french: "République", gender: .feminine, elides: false, khmer: "សាធារណរដ្ឋ"),
        Head(english: "Grand Duchy of", french: "Grand-Duché", gender: .masculine, elides: false, khmer: "មហាឧកញ្ញារដ្ឋ"),
        Head(english: "Commonwealth of", french: "Commonwealth", gender: .masculine, elides: false, khmer: "ខមមិនវែល"),
        Head(english: "State of", french: "État", gender: .masculine, elides: true, khmer: "រដ្ឋ"),
        Head(english: "Principality of", french: "Principauté", gender: .feminine, elides: false, khmer: "រាជរដ្ឋ"),
        Head(english: "Swiss Confederation", french: "Confédération", gender: .feminine, elides: false, khmer: "សហព័ន្ធ"),
        Head(english: "Federal Republic of", french: "République", gender: .feminine, elides: false, khmer: "សាធារណរដ្ឋសហព័ន្ធ"),
        Head(english: "Sultanate of", french: "Sultanat", gender: .masculine, elides: false, khmer: "ស៊ុលតង់"),
    ]

    /// Seats and qualifiers that follow a head ("… to the United Nations Office … at Geneva").
    static let seats: [(english: String, french: String, khmer: String)] = [
        ("to the United Nations Office and other International Organisations at Geneva", "auprès de l'Office des Nations Unies et des autres organisations internationales à Genève", "ប្រចាំការិយាល័យអង្គការសហប្រជាជាតិ និងអង្គការអន្តរជាតិនានានៅទីក្រុងហ្សឺណែវ"),
        ("to the United Nations Office and other International Organizations at Geneva", "auprès de l'Office des Nations Unies et des autres organisations internationales à Genève", "ប្រចាំការិយាល័យអង្គការសហប្រជាជាតិ និងអង្គការអន្តរជាតិនានានៅទីក្រុងហ្សឺណែវ"),
        ("to the United Nations", "auprès de l'Organisation des Nations Unies", "ប្រចាំអង្គការសហប្រជាជាតិ"),
        ("at Geneva", "à Genève", "នៅទីក្រុងហ្សឺណែវ"),
        ("in Geneva", "à Genève", "នៅទីក្រុងហ្សឺណែវ"),
        ("at The Hague", "à La Haye", "នៅទីក្រុងឡាអេ"),
        ("in Phnom Penh", "à Phnom Penh", "នៅរាជធានីភ្នំពេញ"),
    ]

    /// Countries whose French name is plural or whose gender does not follow the final -e.
    static let frenchCountryOverrides: [String: InstitutionName.Gender] = [
        "Cambodge": .masculine, "Mexique": .masculine, "Mozambique": .masculine, "Zimbabwe": .masculine,
        "Belize": .masculine, "Pays-Bas": .plural, "États-Unis": .plural, "Philippines": .plural, "Émirats arabes unis": .plural,
        "Comores": .plural, "Maldives": .plural, "Seychelles": .plural, "Bahamas": .plural,
    ]

    /// Names an institution given in English, in `language`.
    public func name(_ english: String, in language: Language) -> InstitutionName {
        var rest = english.trimmingCharacters(in: .whitespacesAndNewlines)
        if rest.lowercased().hasPrefix("the ") { rest = String(rest.dropFirst(4)) }
        guard language != .english else {
            let head = Self.heads.first { rest.lowercased().hasPrefix($0.english.lowercased()) }?.english
                ?? rest.split(separator: " ").first.map(String.init) ?? rest
            return InstitutionName(language: .english, text: rest, gender: .masculine, elides: false,
                                   head: Self.shortHead(head), untranslated: [], isUnreviewed: false)
        }
        guard let head = Self.heads.first(where: { rest.lowercased().hasPrefix($0.english.lowercased()) }) else {
            return InstitutionName(language: language, text: rest, gender: .masculine, elides: false, head: rest,
                                   untranslated: [rest], isUnreviewed: true)
        }
        rest = String(rest.dropFirst(head.english.count)).trimmingCharacters(in: .whitespaces)
        var parts = [language == .french ? head.french : head.khmer]
        var untranslated: [String] = []
        var unreviewed = language == .khmer && !head.khmerAttested
        while !rest.isEmpty {
            if let seat = Self.seats.first(where: { rest.lowercased().hasPrefix($0.english.lowercased()) }) {
                parts.append(language == .french ? seat.french : seat.khmer)
                if language == .khmer { unreviewed = true }
                rest = String(rest.dropFirst(seat.english.count)).trimmingCharacters(in: .whitespaces)
                continue
            }
            if rest.lowercased().hasPrefix("of ") {
                let after = String(rest.dropFirst(3))
                let (country, consumed) = countryName(after, in: language)
                if let country {
                    parts.append(language == .french ? country.genitive : country.text)
                    if country.isUnreviewed { unreviewed = true }
                    rest = String(after.dropFirst(consumed)).trimmingCharacters(in: .whitespaces)
                    continue
                }
            }
            // Keep the next piece (up to the next known qualifier) in English, marked.
            let piece = rest
            untranslated.append(piece)
            parts.append(piece)
            rest = ""
        }
        let joined = language == .khmer ? Self.joinKhmer(parts) : parts.joined(separator: " ")
        let shortHead = language == .french ? Self.shortHead(head.french) : head.khmer
        return InstitutionName(language: language, text: joined, gender: head.gender, elides: head.elides,
                               head: shortHead, untranslated: untranslated, isUnreviewed: unreviewed)
    }

    /// "Ministère des Affaires étrangères" → "Ministère"; "Permanent Mission" → "Mission".
    static func shortHead(_ head: String) -> String {
        let first = head.split(separator: " ").first.map(String.init) ?? head
        return ["Permanent", "Royal", "Federal"].contains(first) ? (head.split(separator: " ").dropFirst().first.map(String.init) ?? first) : first
    }

    /// Khmer joins a head and its complement with នៃ ("of").
    static func joinKhmer(_ parts: [String]) -> String {
        guard let first = parts.first else { return "" }
        return parts.dropFirst().reduce(first) { result, part in
            part.hasPrefix("ប្រចាំ") || part.hasPrefix("នៅ") ? result + part : result + "នៃ" + part
        }
    }

    /// A country or formal state name at the start of `text` ("the Kingdom of Cambodia and …"),
    /// and how many characters it used.
    func countryName(_ text: String, in language: Language) -> (InstitutionName?, Int) {
        if let glossary, let (occurrence, used) = glossary.entity(atStartOf: text, language: .english),
           occurrence.concept.id.hasPrefix("iso3166"),
           let term = occurrence.equivalents(in: LanguageTag(language)).first {
            let unreviewed = term.review == .unreviewed
            if language == .french {
                let first = term.text.split(separator: " ").first.map(String.init) ?? term.text
                if let form = Self.stateForms.first(where: { $0.french == first }) {
                    return (InstitutionName(language: language, text: term.text, gender: form.gender, elides: form.elides,
                                            head: first, untranslated: [], isUnreviewed: unreviewed), used)
                }
                var name = Self.frenchCountry(term.text)
                name.isUnreviewed = unreviewed
                return (name, used)
            }
            return (InstitutionName(language: language, text: term.text, gender: .masculine, elides: false, head: term.text,
                                    untranslated: [], isUnreviewed: unreviewed), used)
        }
        var rest = text
        var used = 0
        if rest.lowercased().hasPrefix("the ") { rest = String(rest.dropFirst(4)); used += 4 }
        var form: Head?
        if let state = Self.stateForms.first(where: { rest.lowercased().hasPrefix($0.english.lowercased() + " ") }) {
            form = state
            rest = String(rest.dropFirst(state.english.count + 1))
            used += state.english.count + 1
            if rest.lowercased().hasPrefix("the ") { rest = String(rest.dropFirst(4)); used += 4 }
        }
        guard let (country, length) = CountryNames.shared.longestPrefix(of: rest) else { return (nil, 0) }
        used += length
        guard let local = CountryNames.shared.name(country, in: language) else { return (nil, 0) }
        if let form {
            let inner = language == .french ? Self.frenchCountry(local).formalGenitive : local
            let text = language == .french ? "\(form.french) \(inner)" : form.khmer + local
            let attested = language == .khmer && country == "KH" && form.english == "Kingdom of"
            return (InstitutionName(language: language, text: text, gender: form.gender, elides: form.elides,
                                    head: form.french, untranslated: [], isUnreviewed: language == .khmer && !attested), used)
        }
        if language == .french { return (Self.frenchCountry(local), used) }
        return (InstitutionName(language: language, text: local, gender: .masculine, elides: false, head: local,
                                untranslated: [], isUnreviewed: false), used)
    }

    /// French country names take an article whose gender CLDR does not give: feminine when the
    /// name ends in -e, masculine otherwise, plural and exceptions from a curated list.
    static func frenchCountry(_ name: String) -> InstitutionName {
        let gender = frenchCountryOverrides[name] ?? (name.hasSuffix("e") ? .feminine : .masculine)
        let elides = gender != .plural && "AEIOUÉÈÎaeiouéèî".contains(name.first ?? "x")
        return InstitutionName(language: .french, text: name, gender: gender, elides: elides, head: name, untranslated: [], isUnreviewed: false)
    }
}

/// Country names in English, French and Khmer from CLDR (ICU display names), keyed by region.
final class CountryNames: @unchecked Sendable {
    static let shared = CountryNames()
    private let englishToRegion: [(name: String, region: String)]

    private init() {
        var pairs: [(String, String)] = []
        for region in Locale.Region.isoRegions where region.identifier.count == 2 {
            if let name = ICU.displayCountry(region.identifier, in: "en") { pairs.append((name, region.identifier)) }
        }
        // Names notes use that CLDR writes differently.
        pairs += [("Netherlands", "NL"), ("the Netherlands", "NL"), ("Czech Republic", "CZ"), ("United States of America", "US"), ("Viet Nam", "VN")]
        englishToRegion = pairs.sorted { $0.0.count > $1.0.count }
    }

    func longestPrefix(of text: String) -> (String, Int)? {
        let lowered = text.lowercased()
        for (name, region) in englishToRegion where lowered.hasPrefix(name.lowercased()) {
            let end = lowered.index(lowered.startIndex, offsetBy: name.count)
            if end == lowered.endIndex || !(lowered[end].isLetter) { return (region, name.count) }
        }
        return nil
    }

    func name(_ region: String, in language: Language) -> String? {
        ICU.displayCountry(region, in: language.rawValue)
    }
}
