import Foundation

/// Turns the bytes of a file (or standard input) into text, refusing what is not text.
///
/// Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM. Invalid UTF-8 is an error giving
/// the byte offset, unless `lossy` (then U+FFFD replaces bad bytes); NUL bytes in UTF-8 input
/// mean binary input and are refused either way. O(n).
public enum TextDecoding {
    public static func decode(_ data: Data, name: String, lossy: Bool = false) throws(TextDecodingError) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let bigEndian = bytes[0] == 0xFE
            // An odd count: the last character lost its second byte (the file was cut short).
            // The whole characters before it are decoded first, to say where the cut is.
            let truncated = bytes.count % 2 == 1
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
                    if !lossy { throw .invalidUTF16(name: name, byteOffset: offset) }
                    text.unicodeScalars.append("\u{FFFD}")
                    offset += 2
                }
            }
            if truncated {
                var line = 1, column = 1
                for scalar in text.unicodeScalars {
                    if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                throw .truncatedUTF16(name: name, byteOffset: bytes.count - 1, line: line, column: column)
            }
            return text
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let nul = body.firstIndex(of: 0) { throw .binary(name: name, byteOffset: nul) }
        if let bad = firstInvalidUTF8Offset(body) {
            if !lossy { throw .invalidUTF8(name: name, byteOffset: bad) }
            return String(decoding: body, as: UTF8.self)
        }
        return String(decoding: body, as: UTF8.self)
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
public enum TextDecodingError: Error, CustomStringConvertible, Equatable, Sendable {
    case invalidUTF8(name: String, byteOffset: Int)
    case invalidUTF16(name: String, byteOffset: Int)
    case binary(name: String, byteOffset: Int)
    /// UTF-16 input of an odd number of bytes: its last character is cut in half, where the
    /// file was cut short; `line` and `column` are where that broken character starts.
    case truncatedUTF16(name: String, byteOffset: Int, line: Int, column: Int)

    public var description: String {
        switch self {
        case let .invalidUTF8(name, offset):
            "\(name): invalid UTF-8 at byte \(offset) (convert the file to UTF-8, or pass --lossy to replace bad bytes with U+FFFD)"
        case let .invalidUTF16(name, offset):
            "\(name): invalid UTF-16 at byte \(offset)"
        case let .truncatedUTF16(name, offset, line, column):
            "\(name):\(line):\(column): the file ends in the middle of a UTF-16 character (1 byte of it at byte \(offset), after the last whole character): it looks truncated (cut short when it was copied, downloaded or saved); get the complete file again"
        case let .binary(name, offset):
            "\(name): looks like a binary file (NUL byte at offset \(offset)), not text"
        }
    }
}
