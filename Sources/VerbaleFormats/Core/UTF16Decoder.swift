/// UTF-16 bytes (the BOM already removed) turned into UTF-8, one chunk at a time, for the
/// readers that take UTF-16 files (TMX/XLIFF through `UTF8Input`, TSV/CSV): Trados and
/// Windows tools export UTF-16 LE.
///
/// A character split between two chunks (an odd byte, or a high surrogate whose low half is
/// in the next chunk) is kept for the next one. A lone surrogate — half of a pair, which no
/// character is on its own — is an error naming the file and where it is, not a silent U+FFFD:
/// the text would be stored changed. U+FFFE and U+FFFF pass through as UTF-8 (EF BF BE/BF):
/// the readers refuse them there, where they know the line and column (`Noncharacters`).
/// Cost: one pass over the units, then one transcoding.
struct UTF16Decoder {
    let bigEndian: Bool
    private var carry: [UInt8] = []
    /// UTF-16 units decoded before this chunk: where an error is, counted from the text's start.
    private var unitsBefore = 0
    /// Bytes before the first decoded one (a byte-order mark: 2), so offsets count from the file's start.
    private let startOffset: Int
    /// Line breaks decoded so far, and characters decoded since the last one: where the input
    /// stops, for `truncation` (review 1130, m9: a file cut after an odd byte got no position).
    private var linesEnded = 0
    private var charactersOnLine = 0

    init(bigEndian: Bool, startOffset: Int = 0) {
        self.bigEndian = bigEndian
        self.startOffset = startOffset
    }

    /// Whether bytes of an unfinished character are waiting (an error at the end of the input).
    var isMidCharacter: Bool { !carry.isEmpty }

    /// The error for input that ended while `isMidCharacter`: an odd byte, or the first half
    /// of a surrogate pair, is all that is left of the last character, so the file was cut
    /// short (a copy or download that stopped) — converting it would not bring the character
    /// back. Gives where the cut is: the line and column where the broken character starts
    /// (right after the last whole one) and its byte offset in the file.
    func truncation(file: String) -> FormatError {
        let offset = startOffset + unitsBefore * 2
        let left = carry.count == 1 ? "1 byte" : "\(carry.count) bytes"
        return FormatError(file: file, line: linesEnded + 1, column: charactersOnLine + 1, reason: .truncated(
            "the file ends in the middle of a UTF-16 character (\(left) of it at byte \(offset), after the last whole character)"))
    }

    /// `chunk` as UTF-8; throws `invalidEncoding` naming `file` at a lone surrogate.
    mutating func decode(_ chunk: [UInt8], file: String) throws(FormatError) -> [UInt8] {
        let bytes = carry + chunk
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            units.append(bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
            i += 2
        }
        carry = Array(bytes[i...])
        // A high surrogate at the end waits for its low half in the next chunk.
        if let last = units.last, (0xD800...0xDBFF).contains(last) {
            units.removeLast()
            carry = (bigEndian ? [UInt8(last >> 8), UInt8(last & 0xFF)] : [UInt8(last & 0xFF), UInt8(last >> 8)]) + carry
        }
        var k = 0
        while k < units.count {
            let unit = units[k]
            if (0xD800...0xDBFF).contains(unit), k + 1 < units.count, (0xDC00...0xDFFF).contains(units[k + 1]) {
                k += 2
                charactersOnLine += 1
            } else if (0xD800...0xDFFF).contains(unit) {
                let hex = String(unit, radix: 16, uppercase: true)
                throw FormatError(file: file, reason: .invalidEncoding(
                    "a lone UTF-16 surrogate (\\u\(hex)) at UTF-16 unit \(unitsBefore + k + 1) of the text: half of a character, so the file is damaged or not UTF-16"))
            } else {
                k += 1
                if unit == 0x0A {
                    linesEnded += 1
                    charactersOnLine = 0
                } else {
                    charactersOnLine += 1
                }
            }
        }
        unitsBefore += units.count
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
