import VerbaleCore

/// Writes the two JSON shapes of the list columns — `[String]` (notes) and `[Property]`
/// (properties, attributes: `[{"type":"…","value":"…"}]`) — exactly as `MetadataCoding`'s
/// `JSONEncoder` (sorted keys, slashes not escaped) writes them, without `JSONEncoder`.
///
/// Why: the import encodes a unit's lists on its analysis threads (`UnitWriter.Keys`), and a
/// `JSONEncoder` run cost about 38,000 instructions a list — on a CAT tool's memory, whose units
/// all carry props and attributes (`x-client`, `usagecount`…), 381 M of the 1,850 M instructions
/// of importing the 5k CAT-tool slice (callgrind, 1 Dec), the largest single cost there. Here a
/// list costs a pass to size it and a pass to write it.
///
/// Exactness: a string holding a control character (U+0000–U+001F), the one case whose escapes
/// this writer does not make, is declined (nil) and the caller encodes with `JSONEncoder` as
/// before. Otherwise `"` and `\` are written `\"` and `\\`, and every other byte (`/`, U+007F,
/// non-ASCII UTF-8) as it stands: what `JSONEncoder` writes for them. `MetadataJSONWriterTests`
/// compares it with `JSONEncoder` on real memories' lists and on seeded strings. O(n).
enum MetadataJSONWriter {
    /// `values` (not empty) as `["…","…"]`, or nil (see the type).
    static func strings(_ values: [String]) -> String? {
        var size = values.count + 1  // the brackets and the commas between elements
        for index in values.indices {
            guard let length = quotedLength(values[index]) else { return nil }
            size += length
        }
        return String(unsafeUninitializedCapacity: size) { out in
            var at = 0
            put(0x5B, out, &at)
            for index in values.indices {
                if index > values.startIndex { put(0x2C, out, &at) }
                quote(values[index], out, &at)
            }
            put(0x5D, out, &at)
            return at
        }
    }

    /// `values` (not empty) as `[{"type":"…","value":"…"}, …]`, or nil (see the type).
    static func properties(_ values: [Property]) -> String? {
        // Per property: `{"type":` (8), `,"value":` (9), `}` (1); the brackets and commas.
        var size = values.count + 1 + 18 * values.count
        for index in values.indices {
            guard let type = quotedLength(values[index].type), let value = quotedLength(values[index].value) else { return nil }
            size += type + value
        }
        return String(unsafeUninitializedCapacity: size) { out in
            var at = 0
            put(0x5B, out, &at)
            for index in values.indices {
                if index > values.startIndex { put(0x2C, out, &at) }
                put(typeKey, out, &at)
                quote(values[index].type, out, &at)
                put(valueKey, out, &at)
                quote(values[index].value, out, &at)
                put(0x7D, out, &at)
            }
            put(0x5D, out, &at)
            return at
        }
    }

    private static let typeKey = Array(#"{"type":"#.utf8)
    private static let valueKey = Array(#","value":"#.utf8)

    /// The length of `text` written as a JSON string (quotes included), or nil when it holds a
    /// control character.
    private static func quotedLength(_ text: String) -> Int? {
        var length = 2
        for byte in text.utf8 {
            if byte < 0x20 { return nil }
            length += byte == 0x22 || byte == 0x5C ? 2 : 1
        }
        return length
    }

    @inline(__always)
    private static func put(_ byte: UInt8, _ out: UnsafeMutableBufferPointer<UInt8>, _ at: inout Int) {
        out[at] = byte
        at += 1
    }

    private static func put(_ bytes: [UInt8], _ out: UnsafeMutableBufferPointer<UInt8>, _ at: inout Int) {
        for byte in bytes { put(byte, out, &at) }
    }

    /// Writes `text` quoted, `"` and `\` escaped (the only escapes a string `quotedLength` took needs).
    private static func quote(_ text: String, _ out: UnsafeMutableBufferPointer<UInt8>, _ at: inout Int) {
        put(0x22, out, &at)
        for byte in text.utf8 {
            if byte == 0x22 || byte == 0x5C { put(0x5C, out, &at) }
            put(byte, out, &at)
        }
        put(0x22, out, &at)
    }
}
