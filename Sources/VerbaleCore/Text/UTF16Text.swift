/// Makes `String`s from UTF-16 slices quickly.
///
/// Why: `String(decoding:as: UTF16.self)` takes the standard library's general transcoding
/// path, which showed as the tokenizer's largest Swift cost. Writing UTF-8 straight into the
/// new string's storage is several times faster. Unpaired surrogates become U+FFFD, as with
/// `String(decoding:)`. O(length).
enum UTF16Text {
    static func string(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> String {
        if range.isEmpty { return "" }
        // The exact UTF-8 size (an upper bound with surrogates): a string of up to 15 bytes is
        // then stored inline, with no allocation, which a 3-bytes-per-unit guess prevented.
        var size = 0
        for i in range {
            let u = units[i]
            size &+= u < 0x80 ? 1 : u < 0x800 ? 2 : 3
        }
        return String(unsafeUninitializedCapacity: size) { buffer in
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

    /// Writes the UTF-16 units of `text` into `buffer` (grown when needed, never shrunk) and
    /// returns how many were written and whether any surrogate pair was. Native strings are
    /// transcoded from their UTF-8 storage in one loop (the generic `text.utf16` view costs
    /// several times more on non-ASCII text). O(n), no allocation once `buffer` is large enough.
    static func transcode(_ text: String, into buffer: inout [UInt16]) -> (count: Int, surrogates: Bool) {
        let needed = text.utf8.count
        if buffer.count < needed { buffer = [UInt16](repeating: 0, count: max(needed, buffer.count * 2)) }
        let done = text.utf8.withContiguousStorageIfAvailable { utf8 in
            buffer.withUnsafeMutableBufferPointer { out in
                let done = transcode(utf8, into: out)
                return (done.count, done.surrogates)
            }
        }
        if let done { return done }
        var count = 0, surrogates = false
        for unit in text.utf16 {
            buffer[count] = unit
            if UTF16.isTrailSurrogate(unit) { surrogates = true }
            count += 1
        }
        return (count, surrogates)
    }

    /// `transcode(_:into:)` for a string's UTF-8 already in hand (the surrogate flag left out).
    static func transcode(utf8: UnsafeBufferPointer<UInt8>, into buffer: inout [UInt16]) -> Int {
        transcodeNotingKhmer(utf8: utf8, into: &buffer).count
    }

    /// `transcode(utf8:into:)`, also telling whether any scalar of U+1000–U+1FFF (UTF-8 lead
    /// byte E1) was met: without one the text holds no Khmer unit (U+1780–U+17FF, U+19E0–U+19FF),
    /// so the Khmer passes over the units (`KhmerClusterOrder.reorder`, `KhmerInvisibleBreaks`)
    /// have nothing to do and can be skipped. Known from the three-byte branch alone: ASCII and
    /// two-byte text pay nothing for it.
    static func transcodeNotingKhmer(utf8: UnsafeBufferPointer<UInt8>, into buffer: inout [UInt16]) -> (count: Int, mayHoldKhmer: Bool) {
        if buffer.count < utf8.count { buffer = [UInt16](repeating: 0, count: max(utf8.count, buffer.count * 2)) }
        return buffer.withUnsafeMutableBufferPointer { out in
            let done = transcode(utf8, into: out)
            return (done.count, done.leadE1)
        }
    }

    /// Well-formed UTF-8 (a Swift string's storage, so not validated again) into `out`, which
    /// holds at least `utf8.count` units.
    /// `leadE1`: a three-byte scalar with lead byte E1 (U+1000–U+1FFF) was met.
    private static func transcode(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt16>) -> (count: Int, surrogates: Bool, leadE1: Bool) {
        let n = utf8.count
        var i = 0, o = 0, surrogates = false, leadE1 = false
        guard let source = utf8.baseAddress, let target = out.baseAddress else { return (0, false, false) }
        while i < n {
            // Eight ASCII bytes at once (most of an English or French text): one load and test,
            // then eight widening stores, instead of a branch and two counters per byte.
            if i &+ 8 <= n {
                let word = UInt64(littleEndian: UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self))
                if word & 0x8080_8080_8080_8080 == 0 {
                    let t = target + o
                    t[0] = UInt16(truncatingIfNeeded: word) & 0xFF
                    t[1] = UInt16(truncatingIfNeeded: word >> 8) & 0xFF
                    t[2] = UInt16(truncatingIfNeeded: word >> 16) & 0xFF
                    t[3] = UInt16(truncatingIfNeeded: word >> 24) & 0xFF
                    t[4] = UInt16(truncatingIfNeeded: word >> 32) & 0xFF
                    t[5] = UInt16(truncatingIfNeeded: word >> 40) & 0xFF
                    t[6] = UInt16(truncatingIfNeeded: word >> 48) & 0xFF
                    t[7] = UInt16(truncatingIfNeeded: word >> 56)
                    i &+= 8; o &+= 8
                    continue
                }
            }
            let b = utf8[i]
            if b < 0x80 {
                out[o] = UInt16(b)
                i &+= 1; o &+= 1
            } else if b < 0xE0 {
                out[o] = UInt16(b & 0x1F) << 6 | UInt16(utf8[i &+ 1] & 0x3F)
                i &+= 2; o &+= 1
            } else if b < 0xF0 {
                out[o] = UInt16(b & 0x0F) << 12 | UInt16(utf8[i &+ 1] & 0x3F) << 6 | UInt16(utf8[i &+ 2] & 0x3F)
                if b == 0xE1 { leadE1 = true }
                i &+= 3; o &+= 1
            } else {
                let scalar = UInt32(b & 0x07) << 18 | UInt32(utf8[i &+ 1] & 0x3F) << 12
                    | UInt32(utf8[i &+ 2] & 0x3F) << 6 | UInt32(utf8[i &+ 3] & 0x3F)
                let v = scalar &- 0x10000
                out[o] = 0xD800 | UInt16(truncatingIfNeeded: v >> 10)
                out[o &+ 1] = 0xDC00 | UInt16(truncatingIfNeeded: v & 0x3FF)
                i &+= 4; o &+= 2
                surrogates = true
            }
        }
        return (o, surrogates, leadE1)
    }
}
