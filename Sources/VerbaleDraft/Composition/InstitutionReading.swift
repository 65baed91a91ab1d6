import Foundation
import VerbaleCore
import VerbaleGlossary

/// Reads an institution's name written in Khmer or French back to its English form, so a
/// Khmer or French draft's sender and recipient are rendered by the same rules as `draft new`'s
/// ("L'Ambassade du Royaume du Cambodge … au Ministère des Affaires étrangères", "The Embassy of
/// the Kingdom of Cambodia … to the Ministry of Foreign Affairs").
///
/// Why: pre-translating a Khmer note word by word gave «ambassade ⟦នៃ⟧ Royaume du Cambodge …
/// à ministère des Affaires étrangères» — no article, no contraction, នៃ ("of") left
/// untranslated, and French «⟦L'⟧ embassy ⟦du⟧ Kingdom of Cambodia» (review 30 Nov b, D1).
/// The name table and the countries glossary already hold
/// each head, seat and country in both languages, so the Khmer name is read as head + seats +
/// នៃ + country, and nothing else: a name with any part not in them is left to the word-by-word
/// path (never guessed). Spaces and U+200B between the parts are ignored, as Khmer writes them
/// either way. Cost: a prefix scan of ≈ 40 heads and seats and one glossary recognition per
/// country, per candidate name.
extension InstitutionNamer {
    /// Heads whose Khmer is known, longest Khmer first (ties: the table's order, so "Ministry of
    /// Foreign Affairs" is read for ក្រសួងការបរទេស rather than "… External Affairs").
    static let khmerHeads: [Head] = longestFirst("head", by: \.khmer)
    static let khmerSeats: [Head] = longestFirst("seat", by: \.khmer)

    /// The rows of `kind` that have a `name`, longest first (in scalars), ties in table order.
    private static func longestFirst(_ kind: String, by name: KeyPath<Head, String>) -> [Head] {
        NameTable.shipped.rows(kind).enumerated()
            .filter { !$0.element[keyPath: name].isEmpty }
            .sorted { ($0.element[keyPath: name].unicodeScalars.count, -$0.offset) > ($1.element[keyPath: name].unicodeScalars.count, -$1.offset) }
            .map(\.element)
    }

    /// The English name for `khmer` ("ស្ថានទូតនៃព្រះរាជាណាចក្រ​កម្ពុជា" → "Embassy of the Kingdom
    /// of Cambodia"), or nil unless every part is a known head, seat or country.
    public func englishName(fromKhmer khmer: String) -> String? {
        var rest = Self.compactKhmer(khmer)
        guard let head = Self.khmerHeads.first(where: { rest.hasPrefix(Self.compactKhmer($0.khmer)) }) else { return nil }
        rest = String(rest.unicodeScalars.dropFirst(Self.compactKhmer(head.khmer).unicodeScalars.count))
        var english = head.english
        while !rest.isEmpty {
            if let seat = Self.khmerSeats.first(where: { rest.hasPrefix(Self.compactKhmer($0.khmer)) }) {
                english += " " + seat.english
                rest = String(rest.unicodeScalars.dropFirst(Self.compactKhmer(seat.khmer).unicodeScalars.count))
                continue
            }
            guard rest.hasPrefix("នៃ"), let glossary else { return nil }
            let after = String(rest.unicodeScalars.dropFirst("នៃ".unicodeScalars.count))
            guard let (occurrence, used) = glossary.entity(atStartOf: after, language: .khmer),
                  let country = Self.englishCountry(occurrence) else { return nil }
            english += " of " + country
            rest = String(String.UnicodeScalarView(after.unicodeScalars.dropFirst(used)))
        }
        return english
    }

    /// Heads and seats by French, longest first (ties: the table's order).
    static let frenchHeads: [Head] = longestFirst("head", by: \.french)
    static let frenchSeats: [Head] = longestFirst("seat", by: \.french)

    /// The article or preposition + article that may open a French name, longest first.
    static let frenchOpeners = ["à la ", "à l'", "de la ", "de l'", "aux ", "les ", "des ", "la ", "le ", "l'", "au ", "du "]
    /// What joins a French head to its country: "Ambassade du Royaume du Cambodge", "… de France".
    static let frenchOf = ["de la ", "de l'", "des ", "du ", "de ", "d'"]

    /// The English name for a French one ("L'Ambassade du Royaume du Cambodge" → "Embassy of
    /// the Kingdom of Cambodia"), and whether it opened with an article (or à/de + article);
    /// nil unless every part is a known head, seat or country.
    public func englishName(fromFrench french: String) -> (english: String, hadArticle: Bool)? {
        var rest = french.replacingOccurrences(of: "’", with: "'").trimmingCharacters(in: .whitespaces)
        var hadArticle = false
        if let opener = Self.frenchOpeners.first(where: { rest.lowercased().hasPrefix($0) }) {
            rest = String(rest.dropFirst(opener.count))
            hadArticle = true
        }
        guard let head = Self.frenchHeads.first(where: { Self.startsWord(rest, $0.french) }) else { return nil }
        rest = String(rest.dropFirst(head.french.count)).trimmingCharacters(in: .whitespaces)
        var english = head.english
        while !rest.isEmpty {
            if let seat = Self.frenchSeats.first(where: { Self.startsWord(rest, $0.french) }) {
                english += " " + seat.english
                rest = String(rest.dropFirst(seat.french.count)).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let of = Self.frenchOf.first(where: { rest.lowercased().hasPrefix($0) }), let glossary else { return nil }
            let after = String(rest.dropFirst(of.count))
            guard let (occurrence, used) = glossary.entity(atStartOf: after, language: .french),
                  let country = Self.englishCountry(occurrence) else { return nil }
            english += " of " + country
            rest = String(String.UnicodeScalarView(after.unicodeScalars.dropFirst(used))).trimmingCharacters(in: .whitespaces)
        }
        return (english, hadArticle)
    }

    /// The English of a country the glossary recognised in a Khmer or French name, as it follows
    /// "of": its running-text name (not the catalogue's "Korea, Republic of") with the article
    /// it takes — "the French Republic", "the Philippines", "France" (`EnglishCountryArticle`;
    /// review 1130e m5: "of French Republic"). Nil when the term is not a country's.
    static func englishCountry(_ occurrence: TermOccurrence) -> String? {
        guard occurrence.concept.id.hasPrefix("iso3166"),
              let term = runningTextName(occurrence.equivalents(in: LanguageTag(.english))) else { return nil }
        return EnglishCountryArticle.afterOf(term.text, formal: term.termType == "fullForm")
    }

    /// Whether `text` starts with `prefix` (case-insensitive) ending at a word boundary.
    private static func startsWord(_ text: String, _ prefix: String) -> Bool {
        guard text.lowercased().hasPrefix(prefix.lowercased()) else { return false }
        let after = text.dropFirst(prefix.count)
        return after.first.map { !$0.isLetter } ?? true
    }

    /// `text` without spaces, U+200B and U+FEFF: how the name table, the glossary and a typist
    /// may separate the parts of one Khmer name.
    static func compactKhmer(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != " " && $0.value != 0x200B && $0.value != 0xFEFF }))
    }
}
