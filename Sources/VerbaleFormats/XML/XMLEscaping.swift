import Foundation

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
        text.withUTF8 { appendEscaped(bytes: $0, attribute: attribute) }
    }

    /// `appendEscaped(_:attribute:)` on UTF-8 bytes. Eight bytes at a time while none of them
    /// can need an escape (`XMLEscapeScan`: most texts hold none at all, and spaces, digits and
    /// punctuation other than `& < > "` need none), then byte by byte through the word that
    /// may; the bytes between escapes are copied in one piece.
    func appendEscaped(bytes: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count,
               !XMLEscapeScan.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self), attribute: attribute) {
                index += 8
                continue
            }
            let byte = base[index]
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
                if index > start { append(bytes: UnsafeBufferPointer(start: base + start, count: index - start)) }
                append(replacement)
                start = index + length
            }
            index += length
        }
        if count > start { append(bytes: UnsafeBufferPointer(start: base + start, count: count - start)) }
    }

    /// ` name="value"` with the value escaped.
    @inline(__always) func appendAttribute(_ name: String, _ value: String) {
        append(byte: 0x20)
        append(name)
        append("=\"")
        appendEscapedAttribute(value)
        append(byte: 0x22)
    }

    /// ` name="value"` for a name known when compiling, `prefix` being ` name="` (one copy).
    @inline(__always) func appendAttribute(prefix: StaticString, _ value: String) {
        append(prefix)
        appendEscapedAttribute(value)
        append(byte: 0x22)
    }

    /// ` name="YYYYMMDDThhmmssZ"` (`CompactDate`), `prefix` being ` name="`: the date is
    /// printed into the buffer, no string made.
    @inline(__always) func appendDateAttribute(prefix: StaticString, _ date: Date) {
        append(prefix)
        CompactDate.write(date, to: reserve(CompactDate.length))
        append(byte: 0x22)
    }
}

/// Which 8-byte words of UTF-8 may hold a byte `appendEscaped` treats specially: a C0
/// control (below 0x20: tab, LF and CR included), `&`, `<`, `>`, 0xEF (the lead byte of
/// U+FFFE/U+FFFF) and, in attributes, `"`. A word without any is copied as it is. Exact in that
/// direction (never false for a word holding one); the byte loop decides what each byte needs.
/// Bit tricks from Sean Anderson's "Bit Twiddling Hacks" (`haszero`, `hasless`): a byte below
/// `n` (n ≤ 128) or equal to zero leaves its high bit set after the subtraction.
enum XMLEscapeScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always) private static func hasByte(_ word: UInt64, _ byte: UInt64) -> UInt64 {
        let y = word ^ (ones &* byte)
        return (y &- ones) & ~y & highs
    }

    @inline(__always) static func mayNeedEscape(_ word: UInt64, attribute: Bool) -> Bool {
        var found = (word &- ones &* 0x20) & ~word & highs
        found |= hasByte(word, 0x26) | hasByte(word, 0x3C) | hasByte(word, 0x3E) | hasByte(word, 0xEF)
        if attribute { found |= hasByte(word, 0x22) }
        return found != 0
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
