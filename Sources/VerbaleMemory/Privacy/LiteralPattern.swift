import Foundation
import VerbaleCore

/// A personal-data value compiled for finding its repeats elsewhere in a unit: the value's
/// scalars compared case-insensitively (ICU simple case folding), any run of white space, NBSP
/// and U+200B matching any other run, Latin and Khmer digits matching each other, and not
/// inside a longer word or number (`Edge`).
///
/// Why not a regular expression: the import builds one per value found, for every unit that
/// holds personal data, and compiling a case-insensitive ICU pattern with property classes
/// (`[[\p{L}\p{M}\p{Nd}]--[\u1780-\u17FF]]`) built whole Unicode sets each time: that was
/// three quarters of the import's privacy cost. This matcher needs no compilation and matches
/// what that expression matched (`LiteralPatternTests` compares the two on real and random
/// texts). Cost: building is O(value); `ranges(in:)` is O(text × value) in the worst case,
/// O(text) in practice (a mismatch is found at the first scalar or two).
struct LiteralPattern {
    /// One position of the value.
    enum Element: Equatable {
        /// A run of one or more white-space scalars, NBSP or U+200B (`[\s\u00A0\u200B]+`).
        case gap
        /// An ASCII or Khmer digit of this value.
        case digit(Int)
        /// Any other scalar, stored case-folded.
        case scalar(Unicode.Scalar)
    }

    /// What may not stand right before the value's first or right after its last scalar.
    enum Edge: Equatable {
        /// Khmer letters, signs and digits (`[\u1780-\u17D3\u17DD\u17E0-\u17E9]`): the rest of a Khmer word.
        case khmer
        /// Any decimal digit (`\p{Nd}`): the rest of a number.
        case digit
        /// Letters, marks and digits outside the Khmer block: the rest of a Latin (or other)
        /// word. A Khmer letter may touch a Latin name, since Khmer writes no spaces.
        case word

        /// The edge a value starting or ending with `scalar` needs; nil for signs (`+855…`).
        init?(_ scalar: Unicode.Scalar) {
            if (0x1780...0x17FF).contains(scalar.value) {
                self = .khmer
            } else if scalar.properties.numericType == .decimal {
                self = .digit
            } else if scalar.properties.isAlphabetic {
                self = .word
            } else {
                return nil
            }
        }

        /// Whether `neighbour` continues the word or number, so a match must not stop here.
        func blocks(_ neighbour: Unicode.Scalar) -> Bool {
            let value = neighbour.value
            if value < 0x80 {
                // ASCII, the usual neighbour: no property lookup.
                let isDigit = (0x30...0x39).contains(value)
                switch self {
                case .khmer: return false
                case .digit: return isDigit
                case .word: return isDigit || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                }
            }
            switch self {
            case .khmer:
                return (0x1780...0x17D3).contains(value) || value == 0x17DD || (0x17E0...0x17E9).contains(value)
            case .digit:
                return neighbour.properties.generalCategory == .decimalNumber
            case .word:
                if (0x1780...0x17FF).contains(value) { return false }
                switch neighbour.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
                    return true
                default:
                    return false
                }
            }
        }
    }

    let elements: [Element]
    let leading: Edge?
    let trailing: Edge?

    /// nil for values with fewer than two letters or digits (an initial: "Mr. J." would take
    /// every "j"), which are left to the patterns.
    init?(_ value: String) {
        var elements: [Element] = []
        var gap = false
        var significant = 0
        for scalar in value.unicodeScalars {
            if Self.isValueSpace(scalar) {
                gap = true
                continue
            }
            if gap, !elements.isEmpty { elements.append(.gap) }
            gap = false
            if let digit = PersonalDataScrubber.digitValue(scalar) {
                elements.append(.digit(digit))
            } else {
                elements.append(.scalar(Self.folded(scalar)))
            }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { significant += 1 }
        }
        guard significant >= 2, let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return nil }
        self.elements = elements
        leading = Edge(first)
        trailing = Edge(last)
    }

    /// `scalar` case-folded (ICU simple folding), ASCII without a call into ICU.
    @inline(__always)
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x80 {
            return (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar
        }
        return ICU.foldCase(scalar)
    }

    /// What counts as a gap in the value itself (any white space or U+200B).
    static func isValueSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}"
    }

    /// What a gap matches in a text: ICU's `\s` (`[\t\n\f\r\p{Z}]`), NBSP and U+200B.
    static func isTextSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D, 0xA0, 0x200B: return true
        case 0x20: return true
        case 0...0x7F: return false
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }

    /// The value's matches in `text`, left to right and not overlapping, as UTF-16 ranges
    /// (what the scrubber's spans use).
    func ranges(in text: String) -> [NSRange] {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty, !elements.isEmpty else { return [] }
        // UTF-16 offset of each scalar, and of the end.
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += scalar.utf16.count
        }
        offsets.append(offset)
        var found: [NSRange] = []
        var start = 0
        while start < scalars.count {
            if let end = match(scalars, at: start) {
                found.append(NSRange(location: offsets[start], length: offsets[end] - offsets[start]))
                start = end
            } else {
                start += 1
            }
        }
        return found
    }

    /// The end of a match starting at `start`, or nil.
    private func match(_ scalars: [Unicode.Scalar], at start: Int) -> Int? {
        if let leading, start > 0, leading.blocks(scalars[start - 1]) { return nil }
        var index = start
        for element in elements {
            guard index < scalars.count else { return nil }
            switch element {
            case .gap:
                guard Self.isTextSpace(scalars[index]) else { return nil }
                index += 1
                while index < scalars.count, Self.isTextSpace(scalars[index]) { index += 1 }
            case .digit(let digit):
                guard PersonalDataScrubber.digitValue(scalars[index]) == digit else { return nil }
                index += 1
            case .scalar(let folded):
                guard Self.folded(scalars[index]) == folded else { return nil }
                index += 1
            }
        }
        if let trailing, index < scalars.count, trailing.blocks(scalars[index]) { return nil }
        return index
    }
}
