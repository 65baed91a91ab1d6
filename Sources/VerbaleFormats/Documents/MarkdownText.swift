/// The prose of a Markdown document, as paragraphs: headings, list items and paragraphs
/// (blank-line separated) each become one; markup is dropped — `#` heading marks, `>` quotes,
/// emphasis, inline code ticks, link targets (`[text](url)` keeps `text`), images, HTML
/// comments — and fenced code blocks are left out (code is not translated). List numbers are
/// kept ("1. …"), since the aligner anchors on them. A line-based reading of CommonMark's block
/// structure, enough for notes; O(n).
public enum MarkdownText {
    public static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [String] = []
        var inFence = false
        func flush() {
            let joined = current.joined(separator: " ").trimmingWhitespace()
            if !joined.isEmpty { paragraphs.append(joined) }
            current = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            let trimmed = line.trimmingWhitespace()
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                inFence.toggle()
                continue
            }
            if inFence { continue }
            if trimmed.isEmpty || trimmed.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == "=" || $0 == " " }) {
                flush()
                continue
            }
            line = trimmed
            while line.hasPrefix(">") { line = String(line.dropFirst()).trimmingWhitespace() }
            if line.hasPrefix("#") {
                flush()
                current = [inline(String(line.drop { $0 == "#" }).trimmingWhitespace())]
                flush()
                continue
            }
            if isListItem(line) {
                flush()
                if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { line = String(line.dropFirst(2)) }
            }
            current.append(inline(line))
        }
        flush()
        return paragraphs
    }

    static func isListItem(_ line: String) -> Bool {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return false }
        let rest = line.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }

    /// Inline markup removed.
    static func inline(_ text: String) -> String {
        var result = ""
        var characters = Array(text)
        // HTML comments.
        var stripped: [Character] = []
        var i = 0
        while i < characters.count {
            if characters[i] == "<", i + 3 < characters.count, String(characters[i..<(i + 4)]) == "<!--" {
                var j = i + 4
                while j + 2 < characters.count, String(characters[j..<(j + 3)]) != "-->" { j += 1 }
                i = j + 3
                continue
            }
            stripped.append(characters[i])
            i += 1
        }
        characters = stripped
        i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "!", i + 1 < characters.count, characters[i + 1] == "[", let (_, end) = link(characters, from: i + 1) {
                i = end
                continue
            }
            if c == "[", let (label, end) = link(characters, from: i) {
                result += inline(label)
                i = end
                continue
            }
            if c == "*" || c == "`" || (c == "_" && (i == 0 || !characters[i - 1].isLetter || i + 1 >= characters.count || !characters[i + 1].isLetter)) {
                i += 1
                continue
            }
            if c == "\\", i + 1 < characters.count {
                result.append(characters[i + 1])
                i += 2
                continue
            }
            result.append(c)
            i += 1
        }
        return result.trimmingWhitespace()
    }

    /// `[label](target)` starting at `start`: the label and the index after the closing `)`.
    private static func link(_ characters: [Character], from start: Int) -> (String, Int)? {
        guard let close = characters[start...].firstIndex(of: "]"), close + 1 < characters.count, characters[close + 1] == "(",
              let end = characters[(close + 1)...].firstIndex(of: ")") else { return nil }
        return (String(characters[(start + 1)..<close]), end + 1)
    }
}
