/// Hand-written XML escaping straight into a byte buffer (no Foundation XML objects), because
/// export must write hundreds of thousands of units a second. O(n) in the UTF-8 length.
extension ByteSink {
    /// Appends `text` as XML character data (`&`, `<`, `>` escaped; CR kept as `&#13;` so the
    /// reader's end-of-line normalisation cannot turn it into LF). Characters XML 1.0 cannot
    /// carry (C0 controls other than tab, LF, CR; U+FFFE and U+FFFF) become U+FFFD, so that
    /// what is written reads back (a memory may hold them from before they were refused).
    @inline(__always) func appendEscapedText(_ text: String) { appendEscaped(text, attribute: false) }

    /// Appends `text` for use inside a double-quoted attribute (also `"`, tab, LF, CR escaped).
    @inline(__always) func appendEscapedAttribute(_ text: String) { appendEscaped(text, attribute: true) }

    func appendEscaped(_ text: String, attribute: Bool) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte > 0x3E && byte != 0xEF { index += 1; continue }
                let replacement: StaticString?
                var length = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = attribute ? "&quot;" : nil
                case 0x0D: replacement = "&#13;"
                case 0x0A: replacement = attribute ? "&#10;" : nil
                case 0x09: replacement = attribute ? "&#9;" : nil
                case 0x00..<0x20: replacement = "\u{FFFD}"
                case 0xEF where Noncharacters.starts(bytes, at: index, count: count):
                    replacement = "\u{FFFD}"
                    length = 3
                default: replacement = nil
                }
                if let replacement {
                    if index > start { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                    replacement.withUTF8Buffer { buffer.append(contentsOf: $0) }
                    start = index + length
                }
                index += length
            }
            if count > start { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count])) }
        }
    }

    /// ` name="value"` with the value escaped.
    @inline(__always) func appendAttribute(_ name: String, _ value: String) {
        buffer.append(0x20)
        append(name)
        append("=\"")
        appendEscapedAttribute(value)
        buffer.append(0x22)
    }
}

/// XML escaping into a `String`, for tag content kept as markup in `InlineTag.content`, for the
/// XLIFF writer and for the TBX writer. Same rules as the byte-buffer form above: C0 controls
/// other than tab, LF and CR, U+FFFE and U+FFFF cannot appear in XML 1.0, so they become
/// U+FFFD. O(n).
enum XMLText {
    /// `text` as character data: `&`, `<`, `>` escaped, CR as `&#13;`; with `quotes`, also
    /// `"` and `'` (so the result is safe in attributes of either quote style, as TBX writes).
    static func escaped(_ text: String, quotes: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, quotes: quotes) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&apos;"
            case _ where cannotAppearInXML(scalar): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func escapedAttribute(_ text: String) -> String {
        var out = ""
        for scalar in escaped(text).unicodeScalars {
            switch scalar {
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, quotes: Bool) -> Bool {
        switch scalar {
        case "&", "<", ">", "\r": true
        case "\"", "'": quotes
        default: cannotAppearInXML(scalar)
        }
    }

    private static func cannotAppearInXML(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
