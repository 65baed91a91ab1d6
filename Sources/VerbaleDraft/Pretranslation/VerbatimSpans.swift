import VerbaleCore

/// Spans a pre-translation carries whole, exactly as typed: names that hold digits
/// ("COVID-19", "SARS-CoV-2", "G20", "H5N1") and telephone numbers ("+66 2 123 4567",
/// "(855) 23 216 666", "012 999 888").
///
/// Why: the placeable pass sees the digits of these as numbers and renders them for the target
/// ("COVID-" + "១៩" in Khmer, "+" left behind and "៦៦ ២ ១២៣ ៤៥៦៧"), which corrupts a name or a
/// number someone has to dial. A name's letters stay Latin and a phone number's digits stay as
/// the sender wrote them in a Khmer note; an English or French one gets Latin digits
/// ("+៨៥៥ ២៣ …" → "+855 23 …", "D០០១២៣៤៥៦" → "D00123456"; review 1130d M8). Dates, references, e-mails and URLs are placeables
/// already (they win over these spans). Cost: two ICU regex passes over the piece, linear.
struct VerbatimSpans {
    /// Telephone numbers: an international (+66) or bracketed area code ((855)) then two or more
    /// digit groups; or a national number with a trunk zero and two or more space-separated
    /// groups ("012 999 888"). Latin or Khmer digits.
    private let phone: PatternScan
    /// Words joined by hyphens ("COVID-19"); kept when they hold a digit and every part with a
    /// letter has a capital ("3-day", "28th" and "1er" are ordinary words and numbers).
    private let word: PatternScan

    init() throws(ICURegex.SyntaxError) {
        let d = "[0-9\\u17E0-\\u17E9]"
        phone = try PatternScan(
            "(?<![\\p{L}\\p{N}+])(?:(?:\\+\(d){1,3}|\\(\(d){1,4}\\))(?:[ \\u00A0.\\-]?\\(?\(d){1,4}\\)?){2,6}"
            + "|[0\\u17E0]\(d){1,3}(?:[ \\u00A0]\(d){2,4}){2,4})(?![\\p{L}\\p{N}])", caseInsensitive: false)
        word = try PatternScan("(?<![\\p{L}\\p{M}\\p{N}\\-])[\\p{L}\\p{M}\\p{N}]+(?:-[\\p{L}\\p{M}\\p{N}]+)*", caseInsensitive: false)
    }

    /// The spans (scalar ranges) of `text` to carry whole, in order, not overlapping.
    func spans(in text: String) -> [Range<Int>] {
        let prepared = PreparedText(text)
        var found = phone.matches(in: prepared).map(\.match)
        for (match, _) in word.matches(in: prepared) where !found.contains(where: { $0.overlaps(match) }) {
            if Self.isNameWithDigits(prepared.substring(match)) { found.append(match) }
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// "COVID-19", "G20", "SARS-CoV-2": a digit, a letter, and a capital in every part that has
    /// a letter. Not "3-day", "28th", "1er" or plain words and numbers.
    static func isNameWithDigits(_ token: String) -> Bool {
        let scalars = token.unicodeScalars
        guard scalars.contains(where: { $0.properties.numericType != nil }),
              scalars.contains(where: { $0.properties.isAlphabetic && !("\u{1780}"..."\u{17FF}").contains($0) }) else { return false }
        return token.split(separator: "-").allSatisfy { part in
            !part.unicodeScalars.contains(where: \.properties.isAlphabetic) || part.unicodeScalars.contains(where: \.properties.isUppercase)
        }
    }
}
