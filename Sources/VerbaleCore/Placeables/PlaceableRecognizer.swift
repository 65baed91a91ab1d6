/// Finds the placeables of a text: dates (EN/FR/KM forms, ISO values), note reference
/// numbers, e-mail addresses, URLs and numbers (Latin or Khmer digits).
///
/// Each kind is an ICU regular expression (`PlaceablePatterns`), but none is run over the
/// whole text: one pass over the text finds where a placeable could start (a digit, a word
/// starting with a month's or a prefix's initial, ថ ខ ល in Khmer…) and only the rules that can
/// start there are tried, anchored at that position. E-mail addresses, which start anywhere, are
/// searched only in texts holding `@`. Overlaps are resolved leftmost-longest, so
/// "No. 2021/01/045" is one reference, and "12 January 2021" one date, not a number.
/// Cost: O(n) plus a short anchored match per candidate position. Not thread-safe.
final class PlaceableRecognizer {
    let language: Language

    /// Where a rule may start: at a digit (not inside a number), at the start of a Latin word
    /// whose first letter is in `initials` (ASCII), or at a Khmer letter in `khmerInitials`.
    /// `monthAhead` and `monthWord` are cheap checks that spare date rules most attempts: a
    /// day must be followed (after an ordinal suffix and spaces) by a letter, and a month-first
    /// date must start with a month's first three letters.
    struct Trigger {
        var digit = false
        var initials: Set<UInt16> = []
        var khmerInitials: [UInt16] = []
        var monthAhead = false
        var monthWord = false

        fileprivate var initialMask: (UInt64, UInt64) {
            var mask: (UInt64, UInt64) = (0, 0)
            for u in initials where u < 128 {
                if u < 64 { mask.0 |= 1 << UInt64(u) } else { mask.1 |= 1 << UInt64(u - 64) }
            }
            return mask
        }
    }

    typealias Reader = (Range<Int>) -> String
    private struct Rule {
        var regex: ICURegex
        var trigger: Trigger
        var mask: (UInt64, UInt64)
        var value: (Reader, [Range<Int>?]) -> (Placeable.Kind, String)?

        init(regex: ICURegex, trigger: Trigger, value: @escaping (Reader, [Range<Int>?]) -> (Placeable.Kind, String)?) {
            self.regex = regex
            self.trigger = trigger
            self.mask = trigger.initialMask
            self.value = value
        }
    }

    private var rules: [Rule] = []
    private let email: ICURegex?

    init(language: Language) {
        self.language = language
        let monthInitials = Set("JFMASONDjfmasond".utf16)
        for pattern in PlaceablePatterns.dates {
            guard let regex = try? ICURegex(pattern.pattern, options: pattern.caseInsensitive ? [.caseInsensitive] : []) else { continue }
            let trigger = switch pattern.start {
            case .digit: Trigger(digit: true, monthAhead: true)
            case .monthName: Trigger(initials: monthInitials, monthWord: true)
            case .khmerDayOrDigit: Trigger(digit: true, khmerInitials: ["ថ".utf16.first ?? 0])
            case .khmerMonth: Trigger(khmerInitials: ["ខ".utf16.first ?? 0])
            }
            rules.append(Rule(regex: regex, trigger: trigger) { text, groups in
                Self.dateValue(pattern, text, groups).map { (.date, $0) }
            })
        }
        let hasDigit: (String) -> Bool = { $0.unicodeScalars.contains { $0.properties.numericType == .decimal } }
        if let regex = try? ICURegex(PlaceablePatterns.prefixedReference) {
            rules.append(Rule(regex: regex, trigger: Trigger(initials: Set("NnRr".utf16), khmerInitials: ["ល".utf16.first ?? 0])) { text, groups in
                guard let range = groups[1] else { return nil }
                let identifier = text(range)
                return hasDigit(identifier) ? (.reference, Digits.ascii(identifier)) : nil
            })
        }
        if let regex = try? ICURegex(PlaceablePatterns.bareReference) {
            rules.append(Rule(regex: regex, trigger: Trigger(digit: true, initials: Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf16))) { text, groups in
                guard let range = groups[1] else { return nil }
                let identifier = text(range)
                return identifier.contains("/") && hasDigit(identifier) ? (.reference, Digits.ascii(identifier)) : nil
            })
        }
        let groupSpace = language == .french ? "[\\u00A0\\u202F\\u2009 ]" : "[\\u00A0\\u202F\\u2009]"
        if let regex = try? ICURegex(PlaceablePatterns.number(groupSpace: groupSpace)) {
            rules.append(Rule(regex: regex, trigger: Trigger(digit: true)) { text, groups in
                groups[1].map { (.number, NumberValue.parse(text($0), language: language)) }
            })
        }
        if let regex = try? ICURegex(PlaceablePatterns.url, options: [.caseInsensitive]) {
            rules.append(Rule(regex: regex, trigger: Trigger(initials: Set("hHfFwW".utf16))) { text, groups in
                guard let range = groups[0] else { return nil }
                let url = Self.trimmingSentencePunctuation(text(range))
                return url.count > 4 ? (.url, url) : nil
            })
        }
        email = try? ICURegex(PlaceablePatterns.email)
    }

    /// The placeables of `units`, in order, without overlaps (UTF-16 ranges).
    func recognize(_ units: UnsafeBufferPointer<UInt16>) -> [Placeable.Found] {
        var array: [UInt16]?
        var textSet = [Bool](repeating: false, count: rules.count)
        var candidates: [Placeable.Found] = []
        var previous: UInt16 = 0x20
        var hasAt = false
        for i in 0..<units.count {
            let u = units[i]
            defer { previous = u }
            if u == 0x40 { hasAt = true }
            let isDigit = Self.isDigit(u)
            let digitStart = isDigit && !Self.isDigit(previous)
            // Digits before a word do not stop it starting: PDF extraction glues "1993No.: 1999".
            let wordStart = !Self.isLatinLetter(previous)
            let khmer = u >= 0x1780 && u <= 0x17A2
            guard digitStart || (wordStart && u < 0x80) || khmer else { continue }
            let bit: UInt64 = u < 128 ? 1 << UInt64(u & 63) : 0
            var monthAhead: Bool?
            var monthWord: Bool?
            for n in rules.indices {
                let trigger = rules[n].trigger
                let mask = u < 64 ? rules[n].mask.0 : rules[n].mask.1
                guard (digitStart && trigger.digit) || (wordStart && mask & bit != 0) || (khmer && trigger.khmerInitials.contains(u)) else { continue }
                if trigger.monthAhead, digitStart {
                    if monthAhead == nil { monthAhead = Self.letterFollowsNumber(units, i) }
                    if monthAhead == false { continue }
                }
                if trigger.monthWord, !digitStart {
                    if monthWord == nil { monthWord = Self.startsWithMonthStem(units, i) }
                    if monthWord == false { continue }
                }
                let rule = rules[n]
                let text = array ?? Array(units)
                array = text
                if !textSet[n] {
                    rule.regex.setText(utf16: text)
                    textSet[n] = true
                }
                guard let end = rule.regex.match(at: i), end > i else { continue }
                let groups = (0...4).map { rule.regex.group($0) }
                let reader: Reader = { String(decoding: text[$0], as: UTF16.self) }
                guard let (kind, value) = rule.value(reader, groups) else { continue }
                var range = i..<end
                if kind == .url { range = i..<(i + value.utf16.count) }
                candidates.append(Placeable.Found(kind: kind, range: range, value: value))
            }
        }
        if hasAt, let email {
            let text = array ?? Array(units)
            email.setText(utf16: text)
            var from = 0
            while from < text.count, let match = email.firstMatch(from: from) {
                from = max(match.upperBound, match.lowerBound + 1)
                candidates.append(Placeable.Found(kind: .email, range: match, value: String(decoding: text[match], as: UTF16.self)))
            }
        }
        return Self.leftmostLongest(candidates)
    }

    static func isDigit(_ u: UInt16) -> Bool { (0x30...0x39).contains(u) || (0x17E0...0x17E9).contains(u) }

    /// Whether the number at `i` is followed, after at most two letters of an ordinal suffix
    /// (st, th, er) and spaces, by a letter: the shape of "12 January", "1er mars", "20th October".
    static func letterFollowsNumber(_ units: UnsafeBufferPointer<UInt16>, _ i: Int) -> Bool {
        var j = i
        while j < units.count, isDigit(units[j]) { j += 1 }
        var suffix = 0
        while j < units.count, suffix < 2, isLatinLetter(units[j]) { j += 1; suffix += 1 }
        var spaces = 0
        while j < units.count, Tokenizer.isSeparator(units[j]) { j += 1; spaces += 1 }
        return spaces > 0 && j < units.count && (isLatinLetter(units[j]) || (0x1780...0x17FF).contains(units[j]))
    }

    /// Whether the word at `i` starts with the first three letters of an English or French
    /// month name (any case).
    static func startsWithMonthStem(_ units: UnsafeBufferPointer<UInt16>, _ i: Int) -> Bool {
        guard i + 2 < units.count else { return false }
        let lower = { (u: UInt16) -> UInt16 in (0x41...0x5A).contains(u) || (0xC0...0xDE).contains(u) ? u + 0x20 : u }
        let stem = [lower(units[i]), lower(units[i + 1]), lower(units[i + 2])]
        return monthStems.contains(stem)
    }

    private static let monthStems: Set<[UInt16]> = Set(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "fév", "fev", "avr", "mai", "jui", "aoû", "aou", "déc"]
            .map { Array($0.utf16) })

    /// Letters of a Latin word (ASCII, Latin-1 and Latin Extended).
    static func isLatinLetter(_ u: UInt16) -> Bool {
        (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) || (0xC0...0x24F).contains(u)
    }

    /// A URL without the punctuation that ends the sentence around it ("see www.un.org.").
    /// A closing bracket stays when its opening one is inside the URL.
    static func trimmingSentencePunctuation(_ url: String) -> String {
        var result = Substring(url)
        while let last = result.last, ".,;:!?)]}'".contains(last) {
            if last == ")", result.contains("(") { break }
            result = result.dropLast()
        }
        return String(result)
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
                      text: UTF16Text.string(units, range),
                      value: value,
                      range: offsets.scalarOffset(ofUTF16: range.lowerBound)..<offsets.scalarOffset(ofUTF16: range.upperBound))
        }
    }
}
