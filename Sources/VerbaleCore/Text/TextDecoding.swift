import Foundation

/// Turns the bytes of a file (or standard input) into text, refusing what is not text.
///
/// Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM. Invalid UTF-8 is an error giving
/// the line and column (what an editor shows) and the byte offset, unless `lossy` (then U+FFFD
/// replaces bad bytes); NUL bytes in UTF-8 input mean binary input and are refused either way.
/// O(n); the position is counted only when there is an error.
public enum TextDecoding {
    public static func decode(_ data: Data, name: String, lossy: Bool = false) throws(TextDecodingError) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let bigEndian = bytes[0] == 0xFE
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2 - 1)
            var i = 2
            while i + 1 < bytes.count {
                units.append(bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
                i += 2
            }
            var text = ""
            var iterator = units.makeIterator()
            var decoder = UTF16()
            var offset = 2
            loop: while true {
                switch decoder.decode(&iterator) {
                case let .scalarValue(scalar):
                    text.unicodeScalars.append(scalar)
                    offset += scalar.value > 0xFFFF ? 4 : 2
                case .emptyInput: break loop
                case .error:
                    if !lossy {
                        let (line, column) = position(after: text)
                        throw .invalidUTF16(name: name, byteOffset: offset, line: line, column: column, truncated: false)
                    }
                    text.unicodeScalars.append("\u{FFFD}")
                    offset += 2
                }
            }
            // An odd byte count: the last character is cut in half (a truncated file).
            if bytes.count % 2 != 0 {
                if lossy { return text + "\u{FFFD}" }
                let (line, column) = position(after: text)
                throw .invalidUTF16(name: name, byteOffset: bytes.count - 1, line: line, column: column, truncated: true)
            }
            return text
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let nul = body.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: body)
            throw .binary(name: name, byteOffset: nul, line: line, column: column)
        }
        if let bad = firstInvalidUTF8Offset(body) {
            if !lossy {
                let (line, column) = position(of: bad, in: body)
                throw .invalidUTF8(name: name, byteOffset: bad, byte: bytes[bad], line: line, column: column)
            }
            return String(decoding: body, as: UTF8.self)
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// The 1-based line and column (in characters as decoded, U+FFFD for bad bytes) of byte
    /// `offset` of UTF-8 `body`: where an editor puts the cursor.
    static func position(of offset: Int, in body: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        let before = body[body.startIndex..<offset]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? before.startIndex
        return (line, String(decoding: body[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1)
    }

    /// The 1-based line and column just after `text`, the part decoded before an error.
    static func position(after text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// Offset (into the original buffer) of the first byte that is not valid UTF-8, or nil.
    public static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

/// Input that is not text Verbale can read.
/// Positions are 1-based lines and columns (characters) as an editor shows them, with the
/// byte offset beside them for tools.
public enum TextDecodingError: Error, CustomStringConvertible, Equatable, Sendable {
    case invalidUTF8(name: String, byteOffset: Int, byte: UInt8, line: Int, column: Int)
    /// `truncated`: the input ends in the middle of a character (an odd number of bytes).
    case invalidUTF16(name: String, byteOffset: Int, line: Int, column: Int, truncated: Bool)
    case binary(name: String, byteOffset: Int, line: Int, column: Int)

    public var description: String {
        switch self {
        case let .invalidUTF8(name, offset, byte, line, column):
            "\(name):\(line):\(column): invalid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) at byte \(offset) (convert the file to UTF-8, or pass --lossy to replace bad bytes with U+FFFD)"
        case let .invalidUTF16(name, offset, line, column, truncated):
            truncated
                ? "\(name):\(line):\(column): the file ends in the middle of a UTF-16 character (1 byte of it at byte \(offset), after the last whole character): it looks truncated (cut short when it was copied, downloaded or saved); get the complete file again"
                : "\(name):\(line):\(column): invalid UTF-16 at byte \(offset) (a lone surrogate; convert the file to UTF-8, or pass --lossy)"
        case let .binary(name, offset, line, column):
            "\(name):\(line):\(column): looks like a binary file (NUL byte at offset \(offset)), not text"
        }
    }
}
