import CICU

/// Computes the `key` and `looseKey` of many tokens of one text in a single call into ICU.
///
/// Why: the matcher tokenizes millions of units at import; a call into ICU per token (with
/// its buffers) would dominate. ASCII tokens are keyed in Swift (lower-casing is all NFKC
/// case folding does to them); number tokens get ASCII digits (`២០២១` → `2021`); the rest
/// go to `cicu_key_spans` together. Cost: O(n) for the text, one ICU call.
enum TokenKeys {
    struct Request {
        var range: Range<Int>
        var isNumber: Bool
    }

    /// `(key, looseKey)` for each request, in order.
    static func keys(_ requests: [Request], _ units: UnsafeBufferPointer<UInt16>) -> [(String, String)] {
        var result = [(String, String)](repeating: ("", ""), count: requests.count)
        var pending: [Int] = []
        var starts: [Int32] = [], ends: [Int32] = []
        for (i, request) in requests.enumerated() {
            if request.isNumber, let ascii = asciiDigits(request.range, units) {
                result[i] = (ascii, ascii)
                continue
            }
            var isASCII = true
            for j in request.range where units[j] >= 0x80 { isASCII = false; break }
            if isASCII {
                let key = lowercasedASCII(request.range, units)
                result[i] = (key, key)
            } else {
                pending.append(i)
                starts.append(Int32(request.range.lowerBound))
                ends.append(Int32(request.range.upperBound))
            }
        }
        guard !pending.isEmpty else { return result }
        let total = pending.reduce(0) { $0 + requests[$1].range.count }
        var capacity = total * 2 + 16
        for _ in 0..<4 {
            var keys = [UInt16](repeating: 0, count: capacity), loose = [UInt16](repeating: 0, count: capacity)
            var keyEnds = [Int32](repeating: 0, count: pending.count), looseEnds = [Int32](repeating: 0, count: pending.count)
            var status: Int32 = 0
            let outcome = keys.withUnsafeMutableBufferPointer { k in
                loose.withUnsafeMutableBufferPointer { l in
                    cicu_key_spans(units.baseAddress, Int32(units.count), starts, ends, Int32(pending.count),
                                   k.baseAddress, Int32(capacity), &keyEnds, l.baseAddress, Int32(capacity), &looseEnds, &status)
                }
            }
            if outcome == 0 {
                var keyStart = 0, looseStart = 0
                for (n, i) in pending.enumerated() {
                    let keyEnd = Int(keyEnds[n]), looseEnd = Int(looseEnds[n])
                    result[i] = keys.withUnsafeBufferPointer { k in
                        loose.withUnsafeBufferPointer { l in
                            (UTF16Text.string(k, keyStart..<keyEnd), UTF16Text.string(l, looseStart..<looseEnd))
                        }
                    }
                    keyStart = keyEnd
                    looseStart = looseEnd
                }
                return result
            }
            if outcome == Int32.min { break }
            capacity = max(Int(-outcome), capacity * 2)
        }
        // ICU failed (only on allocation failure): fall back to the text itself, losing nothing.
        for i in pending {
            let text = UTF16Text.string(units, requests[i].range)
            result[i] = (text, text)
        }
        return result
    }

    /// An ASCII span lower-cased (and the grave accent typed for an apostrophe made `'`, as ICU's
    /// path does), written straight into a new string.
    static func lowercasedASCII(_ range: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            var out = 0
            for j in range {
                let u = units[j]
                buffer[out] = u >= 0x41 && u <= 0x5A ? UInt8(u + 0x20) : u == 0x60 ? 0x27 : UInt8(truncatingIfNeeded: u)
                out += 1
            }
            return out
        }
    }

    /// The number's text with every decimal digit in ASCII, or nil if it holds a unit that is
    /// neither a digit nor ASCII (then the general path keys it).
    static func asciiDigits(_ range: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> String? {
        for j in range where units[j] >= 0x80 && !KhmerScript.isDigit(units[j]) { return nil }
        return String(unsafeUninitializedCapacity: range.count) { buffer in
            var out = 0
            for j in range {
                let u = units[j]
                buffer[out] = u < 0x80 ? UInt8(u) : UInt8(u - 0x17E0 + 0x30)
                out += 1
            }
            return out
        }
    }
}
