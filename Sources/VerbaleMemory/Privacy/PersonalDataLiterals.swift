import Foundation

extension PersonalDataScrubber {
    /// A value the patterns found somewhere in a unit, looked for as plain text everywhere else
    /// in that unit, and the placeholder it got there.
    ///
    /// Why: the patterns need context (a title, a keyword) that the other variants of the same
    /// unit often lack — French drops the title ("remercie John Smith"), Khmer writes the name
    /// in Latin script after a Khmer title — so a name scrubbed in one variant would stay in the
    /// others of a memory meant to be shared.
    struct KnownValue {
        var kind: PersonalDataKind
        /// `valueKey` of the value where the patterns found it.
        var key: String
        /// The value as a literal: case-insensitive, any run of spaces, NBSP and U+200B matching
        /// any other, Latin and Khmer digits matching each other, not inside a longer word or number.
        var literal: LiteralPattern
        /// A one-word name written with a capital: a match must start with a capital too, so
        /// "Ms. May" does not take the verb "may" of the other variants. (Names of several
        /// words match in any case: "JOHN SMITH" in a signature block.)
        var capitalInitial: Bool
        /// The placeholder the value got in the variant texts (set once numbered).
        var placeholder = ""
        /// The value as found (its words tie a surname to it: `surnameOwnerPlaceholder`).
        var value: String

        /// nil for values with fewer than two letters or digits (an initial: "Mr. J." would
        /// take every "j"), which are left to the patterns.
        init?(kind: PersonalDataKind, value: String) {
            guard let literal = LiteralPattern(value) else { return nil }
            self.kind = kind
            self.value = value
            key = PersonalDataScrubber.valueKey(value)
            self.literal = literal
            capitalInitial = kind == .person && (value.unicodeScalars.first?.properties.isUppercase ?? false)
                && !value.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "\u{200B}" }
        }
    }

    /// The decimal value of an ASCII or Khmer digit.
    static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: Int(scalar.value - 0x30)
        case 0x17E0...0x17E9: Int(scalar.value - 0x17E0)
        default: nil
        }
    }

    /// Where the known values stand in `text` outside `taken` (spans already found), as spans
    /// keyed by the value they repeat. Cost: one `LiteralPattern` scan per known value, O(n) each in practice;
    /// run only for units where the patterns found something.
    static func literalSpans(of values: [KnownValue], in text: String, outside taken: [Span]) -> [Span] {
        guard !values.isEmpty, !text.isEmpty else { return [] }
        let folded = LiteralPattern.Folded(text)
        var found: [Span] = []
        for value in values {
            for range in value.literal.ranges(in: folded) {
                // A match starts on a text scalar: its first scalar, read from the folded text
                // (no substring, no UTF-16 bridge).
                if value.capitalInitial, let first = folded.scalar(atUTF16: range.location), !first.properties.isUppercase { continue }
                func overlaps(_ span: Span) -> Bool { NSIntersectionRange(span.range, range).length > 0 }
                if taken.contains(where: overlaps) || found.contains(where: overlaps) { continue }
                found.append(Span(kind: value.kind, range: range, key: value.key))
            }
        }
        return found
    }

    /// Numbers the distinct values of each kind across the variants of a unit (`keys[v]`: the
    /// keys of variant `v` in text order, by kind).
    ///
    /// A value already numbered in an earlier variant keeps its number. A new value first takes,
    /// in order, the numbers of earlier values *absent* from its variant — the same person
    /// written another way (a Khmer-script name where English has the Latin one), which keeps
    /// aligned variants on the same placeholders — and otherwise the next number no variant
    /// uses. Two values in one variant never share a number.
    static func numberValues(_ keys: [[PersonalDataKind: [String]]]) -> [PersonalDataKind: [String: Int]] {
        var numbers: [PersonalDataKind: [String: Int]] = [:]
        for variant in keys {
            for (kind, present) in variant.sorted(by: { $0.key < $1.key }) {
                var known = numbers[kind] ?? [:]
                let here = Set(present)
                let usedHere = Set(present.compactMap { known[$0] })
                var free = Set(known.filter { !here.contains($0.key) }.map(\.value)).subtracting(usedHere).sorted()
                var next = (known.values.max() ?? 0) + 1
                for key in present where known[key] == nil {
                    if free.isEmpty {
                        known[key] = next
                        next += 1
                    } else {
                        known[key] = free.removeFirst()
                    }
                }
                numbers[kind] = known
            }
        }
        return numbers
    }
}
