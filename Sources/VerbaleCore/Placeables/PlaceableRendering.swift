/// Writes placeable values in a language: dates as a note writes them ("12 January 2021",
/// "1er janvier 2021", "ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១"), numbers with the language's separators
/// and, in Khmer, Khmer digits. The matcher uses it to carry a placeable into a translation;
/// drafting uses it to print dates. O(length of the value).
public enum PlaceableRendering {
    /// `iso` (`2021-01-12`, `--01-12` or `2021-01`) written in `language`; nil when `iso` is
    /// not such a date.
    public static func date(_ iso: String, in language: Language) -> String? {
        guard let (year, month, day) = ISODate.parse(iso) else { return nil }
        let monthName = CalendarNames.months(language)[month - 1]
        switch language {
        case .english:
            return [day.map(String.init), monthName, year.map(String.init)].compactMap { $0 }.joined(separator: " ")
        case .french:
            return [day.map { $0 == 1 ? "1er" : String($0) }, monthName, year.map(String.init)].compactMap { $0 }.joined(separator: " ")
        case .khmer:
            return [day.map { "ថ្ងៃទី" + Digits.khmer(String($0)) }, "ខែ" + monthName, year.map { "ឆ្នាំ" + Digits.khmer(String($0)) }]
                .compactMap { $0 }.joined(separator: " ")
        }
    }

    /// A number value (`1000.50`, as `NumberValue` gives) written in `language`: decimal mark
    /// `.` in English, `,` in French and Khmer (CLDR); with `grouped`, thousands separated by
    /// `,` (English), a narrow no-break space (French) or `.` (Khmer); Khmer digits in Khmer.
    public static func number(_ value: String, in language: Language, grouped: Bool = false) -> String {
        let parts = value.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = String(parts.first ?? "")
        let fraction = parts.count > 1 ? String(parts[1]) : nil
        let (decimalMark, groupMark) = separators(language)
        if grouped, integer.count > 3, integer.allSatisfy(\.isASCIIDigit) {
            var groupedText = ""
            for (i, character) in integer.enumerated() {
                if i > 0, (integer.count - i) % 3 == 0 { groupedText.append(groupMark) }
                groupedText.append(character)
            }
            integer = groupedText
        }
        let text = fraction.map { integer + decimalMark + $0 } ?? integer
        return language == .khmer ? Digits.khmer(text) : text
    }

    /// The decimal and grouping separators Verbale writes (CLDR's for en, fr, km).
    public static func separators(_ language: Language) -> (decimal: String, group: String) {
        switch language {
        case .english: (".", ",")
        case .french: (",", "\u{202F}")
        case .khmer: (",", ".")
        }
    }
}

extension Placeable {
    /// The placeable written in `language`: dates and numbers rendered, references with the
    /// language's label and digits ("លេខ ១២៣/២០២១" → "No. 123/2021"; a bare reference stays
    /// bare), e-mail addresses and URLs as they are. Numbers keep grouping when the original
    /// had it.
    public func rendered(in language: Language) -> String {
        switch kind {
        case .reference:
            return PlaceableRendering.reference(value, label: ReferenceLabel(placeableText: text, value: value), in: language)
        case .date:
            return PlaceableRendering.date(value, in: language) ?? text
        case .number:
            let grouped = text.unicodeScalars.contains { [",", ".", " ", "\u{00A0}", "\u{202F}", "\u{2009}"].contains($0) }
                && value.split(separator: ".").first.map { $0.count > 3 } == true
            return PlaceableRendering.number(value, in: language, grouped: grouped)
        default:
            return text
        }
    }
}
