/// Edit distances on Unicode scalars, the unit in which glossary scores are computed (so a
/// Khmer vowel sign or coeng counts as one edit, like a Latin letter).
enum EditDistance {
    /// Levenshtein distance between `a` and `b`, or nil as soon as it must exceed `limit`.
    /// O(|a|·|b|) time, O(|b|) memory; stops early when a whole row exceeds the limit.
    static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        levenshtein(a, b[...], limit: limit)
    }

    static func levenshtein(_ a: [Unicode.Scalar], _ b: ArraySlice<Unicode.Scalar>, limit: Int) -> Int? {
        let b0 = b.startIndex
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[b0 + j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// The smallest edit distance between `pattern` and any substring of `text` (the pattern
    /// may match anywhere inside the text). O(|pattern|·|text|).
    static func bestSubstring(_ pattern: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Int {
        bestSubstring(pattern, in: text[...])
    }

    static func bestSubstring(_ pattern: [Unicode.Scalar], in text: ArraySlice<Unicode.Scalar>) -> Int {
        let t0 = text.startIndex
        if pattern.isEmpty { return 0 }
        if text.isEmpty { return pattern.count }
        // Rows over the pattern, columns over the text; row 0 is all zeros (free start).
        var previous = [Int](repeating: 0, count: text.count + 1)
        var current = [Int](repeating: 0, count: text.count + 1)
        for i in 1...pattern.count {
            current[0] = i
            for j in 1...text.count {
                let cost = pattern[i - 1] == text[t0 + j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous.min() ?? pattern.count
    }
}
