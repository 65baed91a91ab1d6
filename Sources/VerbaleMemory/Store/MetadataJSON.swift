import Foundation
import VerbaleCore

/// Reads the two JSON shapes `MetadataCoding.encode` stores for most list columns — `[String]`
/// (notes) and `[Property]` (properties, attributes: `[{"type":"…","value":"…"}]`) — straight
/// from SQLite's bytes, without `JSONDecoder`.
///
/// Why: an export reads up to four such columns per unit and two per variant, and a new
/// `JSONDecoder` with its `Data` copy cost tens of thousands of instructions per column
/// (callgrind, issue 3: export of a CAT tool's memory with two props and two attributes a
/// unit). Anything else — another shape, an escape this reader does not take, a lone
/// surrogate, malformed text — returns nil and the caller decodes with `JSONDecoder` as before,
/// so the values are always `JSONDecoder`'s (`MetadataJSONTests` compares them). O(n).
struct MetadataJSON {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped
        count = bytes.baseAddress == nil ? 0 : bytes.count
    }

    /// `bytes` as a JSON array of strings, or nil (see the type).
    static func strings(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var reader = MetadataJSON(bytes)
        return reader.array { reader in reader.string() }
    }

    /// `bytes` as a JSON array of `{"type": string, "value": string}` objects, or nil.
    static func properties(_ bytes: UnsafeBufferPointer<UInt8>) -> [Property]? {
        var reader = MetadataJSON(bytes)
        return reader.array { reader in reader.property() }
    }

    private mutating func array<T>(_ element: (inout MetadataJSON) -> T?) -> [T]? {
        guard skip(UInt8(ascii: "[")) else { return nil }
        var result: [T] = []
        if skip(UInt8(ascii: "]")) { return atEnd() ? result : nil }
        while true {
            guard let value = element(&self) else { return nil }
            result.append(value)
            if skip(UInt8(ascii: ",")) { continue }
            guard skip(UInt8(ascii: "]")) else { return nil }
            return atEnd() ? result : nil
        }
    }

    private mutating func property() -> Property? {
        guard skip(UInt8(ascii: "{")) else { return nil }
        var type: String?, value: String?
        repeat {
            guard let key = string(), skip(UInt8(ascii: ":")), let text = string() else { return nil }
            switch key {
            case "type" where type == nil: type = text
            case "value" where value == nil: value = text
            default: return nil
            }
        } while skip(UInt8(ascii: ","))
        guard skip(UInt8(ascii: "}")), let type, let value else { return nil }
        return Property(type: type, value: value)
    }

    private mutating func atEnd() -> Bool {
        skipSpace()
        return index == count
    }

    private mutating func skipSpace() {
        while index < count, base[index] == 0x20 || base[index] == 0x0A || base[index] == 0x0D || base[index] == 0x09 { index += 1 }
    }

    private mutating func skip(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < count, base[index] == byte else { return false }
        index += 1
        return true
    }

    /// A JSON string: its bytes copied in one piece when it holds no escape, else unescaped
    /// (`\" \\ \/ \b \f \n \r \t \uXXXX`, surrogate pairs joined). nil for a control character,
    /// a lone surrogate or anything malformed.
    private mutating func string() -> String? {
        guard skip(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < count {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                // Invalid UTF-8 (never stored by us) is left to `JSONDecoder`, which refuses it.
                guard let text = String(validating: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self) else { return nil }
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
            if byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    private mutating func escapedString(from start: Int) -> String? {
        var bytes = Array(UnsafeBufferPointer(start: base + start, count: index - start))
        while index < count {
            let byte = base[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < count else { return nil }
                let escape = base[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escape)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    guard var value = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(value) {
                        guard index + 1 < count, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") else { return nil }
                        index += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(value) {
                        return nil
                    }
                    guard let scalar = Unicode.Scalar(value) else { return nil }
                    bytes.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            default:
                if byte < 0x20 { return nil }
                bytes.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = base[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
