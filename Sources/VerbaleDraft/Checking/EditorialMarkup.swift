/// Hides the markup a pasted publication carries, so it does not split a formula.
///
/// Why: the treaty series prints editors' footnotes inside the note's text ("avails
/// <sup> 1) [Red: Abusievelijk ontbreekt het woord “itself”.] </sup> of this opportunity",
/// en-BWBV0006134-I); the note as sent read "avails of this opportunity". Tags become spaces,
/// and so does the content of a `<sup>` element that holds a space (a footnote, not an
/// ordinal's "th"). Every other scalar stays where it was, so offsets, lines and columns of
/// findings still point into the text as given.
///
/// Cost: O(n log n) in the text's scalars: one pass to list where each `</sup>` starts, one
/// over the tags, and per `<sup>` a binary search of that list for the first closer after it
/// (a `<sup>` that is never closed no longer rescans the rest of the text).
enum EditorialMarkup {
    static func blanked(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains("<") else { return text }
        var out = scalars
        let supClosers = starts(of: Array("</sup>".unicodeScalars), in: scalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "<", let close = tagEnd(scalars, from: i) else { i += 1; continue }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<close])).lowercased()
            blank(&out, i...close)
            if name == "sup", let end = first(in: supClosers, atOrAfter: close + 1) {
                let content = (close + 1)..<end
                if scalars[content].contains(" ") { blank(&out, content) }
                i = close + 1
                continue
            }
            i = close + 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        return String(view)
    }

    /// The index of the `>` closing a tag that starts at `start`: a name of ASCII letters,
    /// optionally after "/", within 12 scalars; nil for a "<" that is no tag ("< 5 %").
    private static func tagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start + 1
        if j < scalars.count, scalars[j] == "/" { j += 1 }
        let nameStart = j
        while j < scalars.count, j - start < 12, scalars[j].isASCII, scalars[j].properties.isAlphabetic { j += 1 }
        guard j > nameStart, j < scalars.count, scalars[j] == ">" else { return nil }
        return j
    }

    /// Where `needle` starts in `hay`, in order (overlaps included, as a scan from any point
    /// would find them). O(n · needle) once.
    static func starts(of needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> [Int] {
        guard let head = needle.first, hay.count >= needle.count else { return [] }
        var found: [Int] = []
        for k in 0...(hay.count - needle.count) where hay[k] == head && hay[k..<(k + needle.count)].elementsEqual(needle) {
            found.append(k)
        }
        return found
    }

    /// The first of the sorted `positions` at or after `from`; binary search, O(log n).
    static func first(in positions: [Int], atOrAfter from: Int) -> Int? {
        var low = 0, high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < from { low = middle + 1 } else { high = middle }
        }
        return low < positions.count ? positions[low] : nil
    }

    private static func blank<R: RangeExpression<Int>>(_ scalars: inout [Unicode.Scalar], _ range: R) {
        for k in range.relative(to: scalars) where scalars[k] != "\n" { scalars[k] = " " }
    }
}
