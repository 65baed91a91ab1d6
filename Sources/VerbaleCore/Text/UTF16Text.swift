/// Makes `String`s from UTF-16 slices quickly.
///
/// Why: `String(decoding:as: UTF16.self)` takes the standard library's general transcoding
/// path, which showed as the tokenizer's largest Swift cost. Writing UTF-8 straight into the
/// new string's storage is several times faster. Unpaired surrogates become U+FFFD, as with
/// `String(decoding:)`. O(length).
enum UTF16Text {
    static func string(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> String {
        if range.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: range.count * 3) { buffer in
            var out = 0
            var i = range.lowerBound
            while i < range.upperBound {
                let u = UInt32(units[i])
                i += 1
                if u < 0x80 {
                    buffer[out] = UInt8(u); out += 1
                } else if u < 0x800 {
                    buffer[out] = UInt8(0xC0 | (u >> 6)); buffer[out + 1] = UInt8(0x80 | (u & 0x3F)); out += 2
                } else if u >= 0xD800, u < 0xDC00, i < range.upperBound, units[i] >= 0xDC00, units[i] < 0xE000 {
                    let scalar = 0x10000 + ((u - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                    i += 1
                    buffer[out] = UInt8(0xF0 | (scalar >> 18)); buffer[out + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                    buffer[out + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F)); buffer[out + 3] = UInt8(0x80 | (scalar & 0x3F)); out += 4
                } else {
                    let scalar = (u >= 0xD800 && u < 0xE000) ? 0xFFFD : u
                    buffer[out] = UInt8(0xE0 | (scalar >> 12)); buffer[out + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    buffer[out + 2] = UInt8(0x80 | (scalar & 0x3F)); out += 3
                }
            }
            return out
        }
    }
}
