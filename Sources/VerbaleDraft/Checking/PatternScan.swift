import VerbaleCore

/// Runs an ICU regular expression over a text and reports matches in Unicode scalars (what
/// findings and `--json` use). Patterns are compiled once per checker.
struct PatternScan {
    let regex: ICURegex

    init(_ pattern: String, caseInsensitive: Bool = true) throws(ICURegex.SyntaxError) {
        regex = try ICURegex(pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    /// Matches as scalar ranges, with the scalar range of group 1 when the pattern has one.
    func matches(in text: PreparedText) -> [(match: Range<Int>, group: Range<Int>?)] {
        regex.setText(utf16: text.utf16)
        var result: [(Range<Int>, Range<Int>?)] = []
        var from = 0
        while from <= text.utf16.count, let match = regex.firstMatch(from: from) {
            let group = regex.group(1).map { text.scalars($0) }
            result.append((text.scalars(match), group))
            from = match.isEmpty ? match.upperBound + 1 : match.upperBound
        }
        return result
    }
}

/// A text with its UTF-16 form and offset conversions, prepared once per check.
struct PreparedText {
    let text: String
    let utf16: [UInt16]
    let offsets: ScalarOffsets
    let scalarArray: [Unicode.Scalar]

    init(_ text: String) {
        self.text = text
        utf16 = Array(text.utf16)
        offsets = ScalarOffsets(utf16: utf16)
        scalarArray = Array(text.unicodeScalars)
    }

    func scalars(_ range: Range<Int>) -> Range<Int> {
        offsets.scalarOffset(ofUTF16: range.lowerBound)..<offsets.scalarOffset(ofUTF16: range.upperBound)
    }

    func substring(_ range: Range<Int>) -> String {
        let clamped = max(0, range.lowerBound)..<min(scalarArray.count, max(range.lowerBound, range.upperBound))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalarArray[clamped])
        return String(view)
    }
}
