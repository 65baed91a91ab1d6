/// Hides the markup a pasted publication carries, so it does not split a formula.
///
/// Why: the treaty series prints editors' footnotes inside the note's text ("avails
/// <sup> 1) [Red: Abusievelijk ontbreekt het woord “itself”.] </sup> of this opportunity",
/// en-BWBV0006134-I); the note as sent read "avails of this opportunity". Tags become spaces,
/// and so does the content of a `<sup>` element that holds a space (a footnote, not an
/// ordinal's "th"). Every other scalar stays where it was, so offsets, lines and columns of
/// findings still point into the text as given.
///
/// Cost: O(n) in the text's scalars.
enum EditorialMarkup {
    static func blanked(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains("<") else { return text }
        var out = scalars
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "<", let close = tagEnd(scalars, from: i) else { i += 1; continue }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<close])).lowercased()
            blank(&out, i...close)
            if name == "sup", let end = find(Array("</sup>".unicodeScalars), in: scalars, from: close + 1) {
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

    private static func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from: Int) -> Int? {
        guard hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
        for k in from...(hay.count - needle.count) where hay[k..<(k + needle.count)].elementsEqual(needle) { return k }
        return nil
    }

    private static func blank<R: RangeExpression<Int>>(_ scalars: inout [Unicode.Scalar], _ range: R) {
        for k in range.relative(to: scalars) where scalars[k] != "\n" { scalars[k] = " " }
    }
}
