/// The quoted passages of a note: “…” and « … », where a reply cites the note it answers.
///
/// Why: a reply may quote a first-person letter ("“Your Excellency, I have the honour … the
/// assurances of my highest consideration.”", en-BWBV0001366-II); its "my" belongs to the
/// quoted letter, not to the note, and is no third-person error of the note. A quotation opened
/// with “ may be closed with a plain " (en-BWBV0001288-II); one never closed is not counted.
///
/// Cost: O(n) in the text's scalars to build — a closed quotation's scan ends at its closer
/// and the next starts after it, and once an opener finds no closer to the end of the text,
/// later openers of its kind are not searched again (none could find one). `contains` is a
/// binary search of the spans, O(log q), as the checker asks it once per token.
struct Quotations {
    /// Disjoint and in text order, so `contains` can binary-search them.
    private(set) var spans: [Range<Int>] = []

    init(_ scalars: [Unicode.Scalar]) {
        var i = 0
        // Set when a search for that kind ran to the end: no closer of it remains after i.
        var curlyExhausted = false, guillemetExhausted = false
        while i < scalars.count {
            let closers: Set<Unicode.Scalar>
            switch scalars[i] {
            case "“" where !curlyExhausted: closers = ["”", "\""]
            case "«" where !guillemetExhausted: closers = ["»"]
            default: i += 1; continue
            }
            guard let end = scalars[(i + 1)...].firstIndex(where: closers.contains) else {
                if scalars[i] == "“" { curlyExhausted = true } else { guillemetExhausted = true }
                i += 1
                continue
            }
            spans.append(i..<(end + 1))
            i = end + 1
        }
    }

    /// Whether `offset` falls inside a quotation: the last span starting at or before it.
    func contains(_ offset: Int) -> Bool {
        var low = 0, high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 && spans[low - 1].contains(offset)
    }
}
