/// The language-neutral value of a written number: ASCII digits, no grouping, `.` before the
/// decimals. `1,000.50` (en), `1 000,50` (fr), `១.០០០,៥០` (km) → `1000.50`.
///
/// Which separator is decimal follows the text, then the language: with both `,` and `.`, the
/// last one is decimal; a separator repeated is grouping; a single separator followed by
/// exactly three digits is grouping where the language groups with it (`,` in English, `.` in
/// French and Khmer), decimal otherwise. A string that fits none of this (`1.2.3`) keeps its
/// digits as they are. O(n).
public enum NumberValue {
    public static func parse(_ text: String, language: Language) -> String {
        // Only ASCII digits (most numbers): no separator to read, the value is the text. Spares
        // the Character walk below, which was about 2 % of an import's CPU.
        var copy = text
        if copy.withUTF8({ !$0.isEmpty && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) { return text }
        let ascii = Digits.ascii(text)
        var digitsAndMarks: [Character] = []
        for character in ascii where !(character.isWhitespace || character == "\u{202F}" || character == "\u{00A0}" || character == "\u{2009}" || character == "'" || character == "’") {
            digitsAndMarks.append(character)
        }
        let body = String(digitsAndMarks)
        let commas = body.filter { $0 == "," }.count, dots = body.filter { $0 == "." }.count
        let hadSpaceGroups = digitsAndMarks.count != ascii.count
        var decimal: Character?
        if commas > 0, dots > 0 {
            guard let lastComma = body.lastIndex(of: ","), let lastDot = body.lastIndex(of: ".") else { return body }
            decimal = lastComma > lastDot ? "," : "."
            if body.filter({ $0 == decimal }).count > 1 { return body }
        } else if commas + dots == 1 {
            let mark: Character = commas == 1 ? "," : "."
            let after = body.split(separator: mark, omittingEmptySubsequences: false).last?.count ?? 0
            let groupingMark: Character = language == .english ? "," : "."
            decimal = (after == 3 && mark == groupingMark && !hadSpaceGroups) ? nil : mark
        } else if commas > 1 || dots > 1 {
            let mark: Character = commas > 1 ? "," : "."
            let groups = body.split(separator: mark, omittingEmptySubsequences: false)
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }), let first = groups.first, (1...3).contains(first.count) else { return body }
            decimal = nil
        }
        var result = ""
        for character in body {
            if character == "," || character == "." {
                if character == decimal { result.append(".") }
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// Small calendar arithmetic for validating and writing ISO 8601 dates.
enum ISODate {
    static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 29 }
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Parses `2021-01-12`, `--01-12` or `2021-01` into (year, month, day).
    static func parse(_ iso: String) -> (year: Int?, month: Int, day: Int?)? {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 4 where parts[0].isEmpty && parts[1].isEmpty:
            guard let month = Int(parts[2]), let day = Int(parts[3]), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: nil) else { return nil }
            return (nil, month, day)
        case 3:
            guard parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
                  (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
            return (year, month, day)
        case 2:
            guard parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            return (year, month, nil)
        default:
            return nil
        }
    }
}
