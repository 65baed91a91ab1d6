/// Help discussions written as readable source, shown as paragraphs the parser can wrap.
///
/// Why: swift-argument-parser wraps every line of a discussion to the terminal's width, and
/// keeps the line breaks it finds. A discussion hard-wrapped at 90 columns in the source was
/// therefore wrapped twice on an 80-column terminal, leaving one-word lines ("a",
/// "enclose,") in every long help (review 1130c, m11). Joining each paragraph's lines before
/// the parser sees them keeps the source readable and lets the parser wrap once, at the
/// width it measures.
enum HelpText {
    /// `text` with the lines of each paragraph joined by a space.
    ///
    /// A blank line separates paragraphs. A line that starts with a space or a tab (examples,
    /// indented lists) or with `- ` (a list item) is kept on a line of its own, and so is the
    /// line after it: examples and lists are laid out by hand.
    static func paragraphs(_ text: String) -> String {
        var lines: [Substring] = []
        var previousJoins = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let joins = !line.isEmpty && !startsOwnLine(line)
            if joins, previousJoins, let last = lines.popLast() {
                lines.append(last + " " + line)
            } else {
                lines.append(line)
            }
            previousJoins = joins
        }
        return lines.joined(separator: "\n")
    }

    private static func startsOwnLine(_ line: Substring) -> Bool {
        guard let first = line.first else { return true }
        return first == " " || first == "\t" || line.hasPrefix("- ")
    }
}
