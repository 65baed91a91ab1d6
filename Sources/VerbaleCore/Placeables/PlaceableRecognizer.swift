/// Finds the placeables of a text: dates (EN/FR/KM forms, ISO values), note reference
/// numbers, e-mail addresses, URLs and numbers (Latin or Khmer digits).
///
/// Each kind is an ICU regular expression (`PlaceablePatterns`) run once over the text, and
/// skipped when the text lacks its trigger (a digit for dates, numbers and most references,
/// `@` for e-mail, `/` or `www` for URLs…). Overlaps are resolved leftmost-longest, so
/// "No. 2021/01/045" is one reference, not a reference and numbers, and "12 January 2021" one
/// date. Cost: O(n) per pattern run. Not thread-safe (ICU regexes hold the text).
final class PlaceableRecognizer {
    let language: Language
    private let dates: [(PlaceablePatterns.DatePattern, ICURegex)]
    private let prefixedReference: ICURegex?
    private let bareReference: ICURegex?
    private let number: ICURegex?
    private let email: ICURegex?
    private let url: ICURegex?

    init(language: Language) {
        self.language = language
        dates = PlaceablePatterns.dates.compactMap { pattern in
            (try? ICURegex(pattern.pattern, options: pattern.caseInsensitive ? [.caseInsensitive] : [])).map { (pattern, $0) }
        }
        prefixedReference = try? ICURegex(PlaceablePatterns.prefixedReference)
        bareReference = try? ICURegex(PlaceablePatterns.bareReference)
        let groupSpace = language == .french ? "[\\u00A0\\u202F\\u2009 ]" : "[\\u00A0\\u202F\\u2009]"
        number = try? ICURegex(PlaceablePatterns.number(groupSpace: groupSpace))
        email = try? ICURegex(PlaceablePatterns.email)
        url = try? ICURegex(PlaceablePatterns.url, options: [.caseInsensitive])
    }

    /// The placeables of `units`, in order, without overlaps (UTF-16 ranges).
    func recognize(_ units: UnsafeBufferPointer<UInt16>) -> [Placeable.Found] {
        var hasDigit = false, hasAt = false, hasURL = false, hasSlash = false
        for u in units {
            switch u {
            case 0x30...0x39, 0x17E0...0x17E9: hasDigit = true
            case 0x40: hasAt = true
            case 0x2F: hasSlash = true; hasURL = true
            case 0x77, 0x57: hasURL = true
            default: break
            }
        }
        guard hasDigit || hasAt || hasURL || hasSlash else { return [] }
        let array = Array(units)
        var candidates: [Placeable.Found] = []
        if hasAt, let email { collect(email, array, into: &candidates) { text, groups in groups[1].map { (.email, text($0)) } } }
        if hasURL, let url { collectURLs(url, array, into: &candidates) }
        if hasDigit {
            for (pattern, regex) in dates {
                collect(regex, array, into: &candidates) { text, groups in
                    Self.dateValue(pattern, text, groups).map { (.date, $0) }
                }
            }
            if let number {
                let language = language
                collect(number, array, into: &candidates) { text, groups in
                    groups[1].map { (.number, NumberValue.parse(text($0), language: language)) }
                }
            }
        }
        if let prefixedReference {
            collect(prefixedReference, array, into: &candidates) { text, groups in
                guard let range = groups[1] else { return nil }
                let identifier = text(range)
                guard identifier.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }) else { return nil }
                return (.reference, Digits.ascii(identifier))
            }
        }
        if hasSlash, let bareReference {
            collect(bareReference, array, into: &candidates) { text, groups in
                guard let range = groups[1] else { return nil }
                let identifier = text(range)
                guard identifier.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }) else { return nil }
                return (.reference, Digits.ascii(identifier))
            }
        }
        return Self.leftmostLongest(candidates)
    }

    /// Runs `regex` over the text; `value` turns a match (a way to read a group's text, and the
    /// groups' ranges) into a kind and value, or nil to reject it.
    private func collect(_ regex: ICURegex, _ units: [UInt16], into candidates: inout [Placeable.Found],
                         _ value: ((Range<Int>) -> String, [Range<Int>?]) -> (Placeable.Kind, String)?) {
        regex.setText(utf16: units)
        let text: (Range<Int>) -> String = { String(decoding: units[$0], as: UTF16.self) }
        var from = 0
        while from <= units.count, let match = regex.firstMatch(from: from) {
            from = match.isEmpty ? match.upperBound + 1 : match.upperBound
            guard !match.isEmpty else { continue }
            let groups = (0...4).map { regex.group($0) }
            if let (kind, result) = value(text, groups) {
                candidates.append(Placeable.Found(kind: kind, range: match, value: result))
            }
        }
    }

    /// URLs, without the punctuation that ends the sentence around them ("see www.un.org.").
    private func collectURLs(_ regex: ICURegex, _ units: [UInt16], into candidates: inout [Placeable.Found]) {
        regex.setText(utf16: units)
        var from = 0
        while from <= units.count, let match = regex.firstMatch(from: from) {
            from = max(match.upperBound, match.lowerBound + 1)
            var end = match.upperBound
            while end > match.lowerBound, let last = Unicode.Scalar(units[end - 1]), ".,;:!?)]}'".unicodeScalars.contains(last) {
                // A closing bracket belongs to the URL only when it has its opening one inside.
                if last == ")", units[match.lowerBound..<end].contains(0x28) { break }
                end -= 1
            }
            let range = match.lowerBound..<end
            guard range.count > 4 else { continue }
            candidates.append(Placeable.Found(kind: .url, range: range, value: String(decoding: units[range], as: UTF16.self)))
        }
    }

    /// Keeps, from left to right, the longest candidate at each start that overlaps nothing kept.
    static func leftmostLongest(_ candidates: [Placeable.Found]) -> [Placeable.Found] {
        let sorted = candidates.enumerated().sorted {
            ($0.element.range.lowerBound, -$0.element.range.count, $0.offset) < ($1.element.range.lowerBound, -$1.element.range.count, $1.offset)
        }
        var kept: [Placeable.Found] = []
        for (_, candidate) in sorted where kept.last.map({ $0.range.upperBound <= candidate.range.lowerBound }) ?? true {
            kept.append(candidate)
        }
        return kept
    }

    /// The ISO 8601 value of a date match: `2021-01-12`, `--01-12` without a year, `2021-01`
    /// without a day; nil when the day does not exist in that month.
    static func dateValue(_ pattern: PlaceablePatterns.DatePattern, _ text: (Range<Int>) -> String, _ groups: [Range<Int>?]) -> String? {
        guard let monthRange = groups[pattern.month], let month = CalendarNames.month(named: text(monthRange)) else { return nil }
        let year = pattern.year.flatMap { groups[$0] }.flatMap { Int(Digits.ascii(text($0))) }
        let dayText = pattern.day.flatMap { groups[$0] }.map { text($0).lowercased() }
        let day = dayText.flatMap { $0 == "1er" || $0 == "1re" ? 1 : Int(Digits.ascii($0)) }
        if pattern.day != nil, day == nil { return nil }
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        guard let day else {
            guard let year else { return nil }
            return "\(ISODate.pad(year, 4))-\(monthText)"
        }
        guard day >= 1, day <= ISODate.daysIn(month: month, year: year) else { return nil }
        let dayPart = day < 10 ? "0\(day)" : "\(day)"
        if let year { return "\(ISODate.pad(year, 4))-\(monthText)-\(dayPart)" }
        return "--\(monthText)-\(dayPart)"
    }
}

extension Placeable {
    /// A recognised placeable before its text and scalar range are made (UTF-16 range).
    struct Found {
        var kind: Placeable.Kind
        var range: Range<Int>
        var value: String

        func placeable(_ units: UnsafeBufferPointer<UInt16>, _ offsets: ScalarOffsets) -> Placeable {
            Placeable(kind: kind,
                      text: String(decoding: UnsafeBufferPointer(rebasing: units[range]), as: UTF16.self),
                      value: value,
                      range: offsets.scalarOffset(ofUTF16: range.lowerBound)..<offsets.scalarOffset(ofUTF16: range.upperBound))
        }
    }
}
