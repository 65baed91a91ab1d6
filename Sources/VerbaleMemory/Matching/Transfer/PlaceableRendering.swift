import VerbaleCore

/// Writes a placeable value in a target language's form: digits (Khmer ០–៩ for Khmer), dates
/// from their ISO value ("30 July 1993", "30 juillet 1993", "៣០ កក្កដា ១៩៩៣"). Cost: O(length).
public enum PlaceableRendering {
    public static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                       "August", "September", "October", "November", "December"]
    public static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                      "août", "septembre", "octobre", "novembre", "décembre"]
    /// Khmer solar month names (CLDR `km` wide months).
    public static let khmerMonths = ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា",
                                     "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"]

    /// `digits` with ASCII digits turned into Khmer digits.
    public static func khmerDigits(_ digits: String) -> String {
        String(String.UnicodeScalarView(digits.unicodeScalars.map { scalar in
            (0x30...0x39).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0x30 + 0x17E0) ?? scalar : scalar
        }))
    }

    /// Whether `text` writes its digits in Khmer.
    public static func usesKhmerDigits(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x17E0...0x17E9).contains($0.value) }
    }

    /// A number value written like `example` (Khmer digits if the example or language uses them).
    public static func number(_ value: String, language: Language, like example: String) -> String {
        let ascii = MatchToken.digitValue(value)
        return usesKhmerDigits(example) || (language == .khmer && !example.unicodeScalars.contains { (0x30...0x39).contains($0.value) })
            ? khmerDigits(ascii) : ascii
    }

    /// An ISO date (`1993-07-30`, or `1993-07`) in `language`'s long form, or nil if not ISO.
    public static func date(_ iso: String, language: Language, like example: String) -> String? {
        let parts = iso.split(separator: "-").map(String.init)
        guard parts.count >= 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        let day = parts.count > 2 ? Int(parts[2]) : nil
        switch language {
        case .french:
            let dayText = day.map { $0 == 1 ? "1er " : "\($0) " } ?? ""
            return "\(dayText)\(frenchMonths[month - 1]) \(year)"
        case .khmer:
            let khmer = usesKhmerDigits(example) || !example.unicodeScalars.contains { (0x30...0x39).contains($0.value) }
            func digits(_ number: Int) -> String { khmer ? khmerDigits(String(number)) : String(number) }
            let dayText = day.map { "\(digits($0)) " } ?? ""
            return "\(dayText)\(khmerMonths[month - 1]) \(digits(year))"
        default:
            let dayText = day.map { "\($0) " } ?? ""
            return "\(dayText)\(englishMonths[month - 1]) \(year)"
        }
    }
}

/// Gives the target-language name of a glossary entity (a concept id, e.g. "Kingdom of
/// Thailand" → "Royaume de Thaïlande"). The glossary implements it; the matcher only asks.
public protocol EntityNaming: Sendable {
    func name(ofConcept concept: String, in language: Language) -> String?
}
