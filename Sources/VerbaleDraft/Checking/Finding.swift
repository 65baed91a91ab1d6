import VerbaleCore

/// One problem `ProtocolChecker` found in a note: where, what, and how to fix it.
public struct Finding: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case info, warning, error
        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.info, .warning, .error]
            return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
        }
    }

    /// A stable identifier (`missing-closing`, `third-person`, `personal-data`…) for tools.
    public var code: String
    public var severity: Severity
    /// 1-based line and column (in Unicode scalars) in the checked text.
    public var line: Int
    public var column: Int
    /// Offsets in Unicode scalars of the text the finding is about.
    public var start: Int
    public var end: Int
    public var message: String
    public var suggestion: String
    /// Whether the finding is about the opening/closing formulas (what the false-alarm rate on
    /// real notes counts), as opposed to the body (personal data, first person in the body).
    public var aboutFormulas: Bool
    /// Whether the suggestion holds Khmer that no source attests. Why: every Khmer wording
    /// Verbale supplies — formulas, "ធ្វើនៅ", the reference label — is unreviewed, and an
    /// officer copies a fix straight into the note, so `check` marks it as `draft new`, `search`
    /// and `suggest` mark the same wordings (review 1130g M1: the fixes were shown unmarked).
    public var suggestionUnreviewed: Bool = false
}

/// Converts scalar offsets into 1-based line and column. O(n) to build, O(log n) per lookup.
struct LineIndex {
    private var lineStarts: [Int] = [0]

    init(_ text: String) {
        for (offset, scalar) in text.unicodeScalars.enumerated() where scalar == "\n" {
            lineStarts.append(offset + 1)
        }
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }
}
