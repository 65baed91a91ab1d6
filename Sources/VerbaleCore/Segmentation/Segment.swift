/// A segment of a text: a sentence, a heading, a line of the letterhead, a list item.
///
/// `range` is in Unicode scalars of the input (what `verbale segment --json` prints as
/// `start`/`end`); `text` is the segment without surrounding white space.
public struct Segment: Hashable, Sendable, Codable {
    public var text: String
    public var range: Range<Int>

    public init(text: String, range: Range<Int>) {
        self.text = text
        self.range = range
    }
}
