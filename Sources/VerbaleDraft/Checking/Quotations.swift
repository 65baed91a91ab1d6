/// The quoted passages of a note: “…” and « … », where a reply cites the note it answers.
///
/// Why: a reply may quote a first-person letter ("“Your Excellency, I have the honour … the
/// assurances of my highest consideration.”", en-BWBV0001366-II); its "my" belongs to the
/// quoted letter, not to the note, and is no third-person error of the note. A quotation opened
/// with “ may be closed with a plain " (en-BWBV0001288-II); one never closed is not counted.
///
/// Cost: O(n) in the text's scalars.
struct Quotations {
    private(set) var spans: [Range<Int>] = []

    init(_ scalars: [Unicode.Scalar]) {
        var i = 0
        while i < scalars.count {
            let closers: Set<Unicode.Scalar>
            switch scalars[i] {
            case "“": closers = ["”", "\""]
            case "«": closers = ["»"]
            default: i += 1; continue
            }
            guard let end = scalars[(i + 1)...].firstIndex(where: closers.contains) else { i += 1; continue }
            spans.append(i..<(end + 1))
            i = end + 1
        }
    }

    func contains(_ offset: Int) -> Bool { spans.contains { $0.contains(offset) } }
}
