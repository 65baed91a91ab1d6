import Foundation
import VerbaleCore

/// A value found in one variant of a unit, looked for in the unit's other variants where they
/// write it *differently* (acceptance review 1130d, M1; issue 3: "aligned variants of one unit
/// get the same placeholders").
///
/// Why: a literal repeat (`literalSpans`) finds "Keo Rithy" or "012 345 678" again only as
/// written; a trilingual unit writes a date of birth `2 May 1983`, `2 mai 1983` and `ថ្ងៃទី២
/// ខែឧសភា ឆ្នាំ១៩៨៣`, and a phone number `+855 12 345 678`, `012 345 678` and `០១២៣៤៥៦៧៨`. Those
/// the patterns missed (no keyword in that language) stayed in two languages of three while the
/// report said the unit was cleaned. So:
/// - dates of birth are compared by value: day, month (by number or by name in any of the three
///   languages, `CalendarNames`) and year, Khmer digits read as ASCII ones;
/// - phone and identity-card numbers by their digits, spacing and digit script ignored; a phone
///   number also with its country code written `+855`, `+33` or `+44` on one side and a leading
///   `0` on the other (review 1130e M1 added France and Britain: `phoneKey`), and writings of one
///   number given one placeholder number (`phoneWritings`).
/// Names are not carried across scripts: "Keo Rithy" and កែវ រិទ្ធី are the same person only by
/// transliteration, which Verbale does not do (a known limit; the report's findings show which
/// variant held which name).
///
/// Cost: nothing for units where nothing was found; otherwise one date or digit-run expression
/// per other variant for each kind found.
extension PersonalDataScrubber {
    /// A date's value, `YYYY-MM-DD`, from its writing in English, French or Khmer: `2 May 1983`,
    /// `May 2, 1983`, `2 mai 1983`, `ថ្ងៃទី២ ខែឧសភា ឆ្នាំ១៩៨៣`, `១៤ កុម្ភៈ ១៩៨៥`, `14/02/1985` (day
    /// first, as in Cambodia, France and the United Kingdom), `1985-02-14`. Nil when it is not a
    /// whole, valid date.
    static func dateValue(_ text: String) -> String? {
        var spaced = text
        for filler in ["ថ្ងៃទី", "ខែ", "ឆ្នាំ", "\u{200B}"] { spaced = spaced.replacingOccurrences(of: filler, with: " ") }
        var numbers: [(value: Int, digits: Int)] = []
        var words: [String] = []
        var digits = "", letters = ""
        func flush() {
            if !digits.isEmpty, let value = Int(digits) { numbers.append((value, digits.count)) }
            if !letters.isEmpty, !["st", "nd", "rd", "th", "er"].contains(letters.lowercased()) { words.append(letters) }
            digits = ""
            letters = ""
        }
        for scalar in spaced.unicodeScalars {
            if let digit = digitValue(scalar) {
                if !letters.isEmpty { flush() }
                digits += String(digit)
            } else if scalar.properties.isAlphabetic || (0x1780...0x17DD).contains(scalar.value) {
                if !digits.isEmpty { flush() }
                letters.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        var day = 0, month = 0, year = 0
        if numbers.count == 3, words.isEmpty {
            if numbers[0].digits == 4 {
                (year, month, day) = (numbers[0].value, numbers[1].value, numbers[2].value)
            } else {
                (day, month, year) = (numbers[0].value, numbers[1].value, numbers[2].value)
            }
        } else if numbers.count == 2, words.count == 1, let named = CalendarNames.month(named: words[0]) {
            month = named
            guard let yearIndex = numbers.firstIndex(where: { $0.digits == 4 }) else { return nil }
            year = numbers[yearIndex].value
            day = numbers[1 - yearIndex].value
        } else {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day), (1000...2999).contains(year) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The digits of `text` (ASCII and Khmer), as ASCII.
    static func digitString(_ text: String) -> String {
        String(text.unicodeScalars.compactMap { digitValue($0).map { Character(String($0)) } })
    }

    /// A phone number's digits without the `00` dialled abroad, a Cambodian, French or British
    /// country code, or a trunk `0`: `+855 12 345 678` and `012 345 678` both give `12345678`;
    /// `+33 1 45 03 47 20`, `+33 (0)1 45 03 47 20`, `0033 1 45 03 47 20` and `01 45 03 47 20`
    /// give `145034720`; `+44 20 7946 0018` and `020 7946 0018` give `2079460018` (review 1130e
    /// M1). A country code is taken only from a number long enough to hold one and a national
    /// number after it (8 digits for Cambodia, 9 for France and Britain), and only where no trunk
    /// `0` comes first, so a national number (`033 …`) never loses a digit.
    static func phoneKey(_ digits: String) -> String {
        var key = Substring(digits)
        if key.count >= 12, key.hasPrefix("00"), !key.hasPrefix("000") { key = key.dropFirst(2) }
        if key.count >= 10, key.hasPrefix("855") {
            key = key.dropFirst(3)
        } else if key.count >= 11, key.hasPrefix("33") || key.hasPrefix("44") {
            key = key.dropFirst(2)
        }
        while key.first == "0" { key = key.dropFirst() }
        return String(key)
    }

    /// For each phone value of a unit written another way earlier in it, the key of that first
    /// writing (`valueKey`): `0145034720` → `+33145034720` when English came first. Keys are the
    /// spans' (`perVariant[v]`, in the variants' `texts`); writings are the same number when their
    /// `phoneKey`s are equal and six digits long at least. Empty for most units (one writing).
    ///
    /// Why: `numberValues` gives a value new to a variant the number of a value that variant lacks,
    /// which pairs writings right only when the unit holds one number; with two given in another
    /// order in French ("Call +33 … or +44 …" / « Appelez le 020 … ou le 01 … ») the placeholders
    /// were crossed. Cost: one digit pass per phone span, only for units where something was found.
    static func phoneWritings(_ perVariant: [[Span]], texts: [String]) -> [String: String] {
        var first: [String: String] = [:]
        var writings: [String: String] = [:]
        for (index, spans) in perVariant.enumerated() {
            let ns = texts[index] as NSString
            for span in spans where span.kind == .phone {
                guard let key = span.key else { continue }
                let number = phoneKey(digitString(ns.substring(with: span.range)))
                guard number.count >= 6 else { continue }
                if let earlier = first[number] {
                    if earlier != key { writings[key] = earlier }
                } else {
                    first[number] = key
                }
            }
        }
        return writings
    }

    private static let crossWritingExpressions: (dates: NSRegularExpression, numbers: NSRegularExpression)? = {
        guard let dates = try? NSRegularExpression(pattern: datePattern),
              let numbers = try? NSRegularExpression(pattern: "(?<![0-9០-៩])\\(?\\+?[0-9០-៩](?:[ \\u00A0\\u200B().-]{0,2}[0-9០-៩]){5,}") else { return nil }
        return (dates, numbers)
    }()

    /// Where `values` (dates of birth, phone and ID numbers found elsewhere in the unit) stand in
    /// `text` written another way, outside `taken`: spans keyed by the value they repeat, so
    /// they get its placeholder.
    static func crossWritingSpans(of values: [KnownValue], originals: [String: String], in text: String, outside taken: [Span]) -> [Span] {
        let wanted = values.filter { [.dateOfBirth, .phone, .idNumber].contains($0.kind) }
        guard !wanted.isEmpty, !text.isEmpty, let expressions = crossWritingExpressions else { return [] }
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var found: [Span] = []
        func add(_ range: NSRange, _ value: KnownValue) {
            func overlaps(_ span: Span) -> Bool { NSIntersectionRange(span.range, range).length > 0 }
            if taken.contains(where: overlaps) || found.contains(where: overlaps) { return }
            found.append(Span(kind: value.kind, range: range, key: value.key))
        }
        let dates = wanted.filter { $0.kind == .dateOfBirth }.compactMap { value in originals[value.key].flatMap(dateValue).map { (value, $0) } }
        if !dates.isEmpty {
            for match in expressions.dates.matches(in: text, range: whole) {
                guard let iso = dateValue(ns.substring(with: match.range)), let (value, _) = dates.first(where: { $0.1 == iso }) else { continue }
                add(match.range, value)
            }
        }
        let numbers = wanted.filter { $0.kind != .dateOfBirth }.compactMap { value -> (KnownValue, String)? in
            let digits = digitString(originals[value.key] ?? "")
            let key = value.kind == .phone ? phoneKey(digits) : digits
            return key.count >= 6 ? (value, key) : nil
        }
        if !numbers.isEmpty {
            for match in expressions.numbers.matches(in: text, range: whole) {
                var range = match.range
                // A parenthesis or separator at the end belongs to the sentence.
                while range.length > 0, let last = Unicode.Scalar(ns.character(at: range.location + range.length - 1)), digitValue(last) == nil {
                    range.length -= 1
                }
                let digits = digitString(ns.substring(with: range))
                guard let (value, _) = numbers.first(where: { $0.1 == ($0.0.kind == .phone ? phoneKey(digits) : digits) }) else { continue }
                add(range, value)
            }
        }
        return found
    }
}
