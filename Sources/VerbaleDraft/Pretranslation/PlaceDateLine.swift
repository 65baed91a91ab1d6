import Foundation
import VerbaleCore

/// The place-and-date line of a note ("Geneva, 12 January 2021", "Genève, le 12 janvier 2021",
/// "ធ្វើនៅទីក្រុងហ្សឺណែវ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១") recognised as a whole, so a pre-translation
/// writes it exactly as `draft new` does (`NoteDate.placeAndDate`): French needs "le" before
/// the date and Khmer "ធ្វើនៅ" before the place, which a word-by-word assembly ("Genève, 12
/// janvier 2021") leaves out. Cost: one placeable pass over the (short) segment.
enum PlaceDateLine {
    /// The place (its English name) and the date when `segment` is nothing but a known place
    /// and a full date in `language`, in any of the three languages' usual forms ("Fait à
    /// Genève, le …" too); nil otherwise.
    static func parse(_ segment: String, language: Language, tokenizer: Tokenizer) -> (place: String, date: NoteDate)? {
        let text = segment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.unicodeScalars.count < 120 else { return nil }
        let dates = tokenizer.placeables(in: text).filter { $0.kind == .date }
        guard dates.count == 1, let date = dates.first, let parsed = try? NoteDate(iso: date.value) else { return nil }
        let scalars = Array(text.unicodeScalars)
        // Nothing but a full stop may follow the date.
        let after = String(String.UnicodeScalarView(scalars[date.range.upperBound...])).trimmingCharacters(in: .whitespaces)
        guard after.isEmpty || after == "." || after == "។" else { return nil }
        var place = String(String.UnicodeScalarView(scalars[..<date.range.lowerBound])).trimmingCharacters(in: .whitespaces)
        switch language {
        case .english:
            if place.hasSuffix(",") { place.removeLast() }
            if place.lowercased().hasPrefix("done at ") { place = String(place.dropFirst(8)) }
        case .french:
            if place.hasSuffix(" le") || place.hasSuffix(",le") { place.removeLast(2) }
            place = place.trimmingCharacters(in: .whitespaces)
            if place.hasSuffix(",") { place.removeLast() }
            if place.lowercased().hasPrefix("fait à ") { place = String(place.dropFirst(7)) }
        case .khmer:
            // Read in the matching form every Khmer comparison uses (`Normalizer.matchingForm`:
            // no U+200B, no space between Khmer letters), so "ធ្វើ​នៅ​ទីក្រុង​ហ្សឺណែវ" as a writer
            // types it with U+200B is the line typed without (review 1130c M9: turning U+200B
            // into spaces left "ធ្វើ នៅ …", which no prefix matched).
            place = Normalizer.matchingForm(place).trimmingCharacters(in: .whitespaces)
            if place.hasSuffix(",") { place.removeLast() }
            if place.hasPrefix(Self.doneAt) { place = String(place.dropFirst(Self.doneAt.count)) }
        }
        guard let english = PlaceNames.english(of: place, in: language) else { return nil }
        return (english, parsed)
    }

    /// "ធ្វើនៅ" ("done at") in the matching form the Khmer line is read in.
    private static let doneAt = Normalizer.matchingForm("ធ្វើនៅ")

    /// The line in `target`, as `draft new` writes it.
    static func render(place: String, date: NoteDate, in target: Language) -> String {
        date.placeAndDate(PlaceNames.name(place, in: target).text, in: target)
    }
}
