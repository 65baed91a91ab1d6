import CICU

/// Computes the `key` and `looseKey` of many tokens of one text in a single call into ICU.
///
/// Why: the matcher tokenizes millions of units at import; a call into ICU per token (with
/// its buffers) would dominate. Tokens of ASCII and Khmer are keyed in Swift, unit by unit
/// (`unitKey`: lower-casing and Khmer digits as ASCII is all ICU's folding does to them), and
/// when that changes nothing the token's own text is its key (no string built); number tokens
/// get ASCII digits (`២០២១` → `2021`); the rest go to `cicu_key_spans` together. Cost: O(n)
/// for the text, at most one ICU call.
@usableFromInline
enum TokenKeys {
    struct Request {
        var range: Range<Int>
        var isNumber: Bool
    }

    /// The keys of one request. `.text` says both keys equal the span's own text (most Khmer
    /// words and lower-case Latin words), so the caller can share the token's text string.
    enum Keys {
        case text
        case same(String)
        case pair(String, String)
    }

    /// `(key, looseKey)` for each request, in order.
    static func keys(_ requests: [Request], _ units: UnsafeBufferPointer<UInt16>) -> [(String, String)] {
        let keys: [Keys] = keyKinds(requests, units)
        return zip(requests, keys).map { request, keys in
            switch keys {
            case .text:
                let text = UTF16Text.string(units, request.range)
                return (text, text)
            case .same(let key): return (key, key)
            case .pair(let key, let loose): return (key, loose)
            }
        }
    }

    /// The keys of each request, in order; spans that need Unicode normalisation go to ICU
    /// together in one call, the rest are keyed here (see `unitKey`, and `LatinKeys` for
    /// Latin-1 letters unless `latin` is false: the pure-ICU path the tests compare with).
    static func keyKinds(_ requests: [Request], _ units: UnsafeBufferPointer<UInt16>, latin: Bool = true) -> [Keys] {
        var result = [Keys](repeating: .text, count: requests.count)
        var pending: [Int] = []
        for (i, request) in requests.enumerated() {
            if let keys = swiftKeys(request, units, latin: latin) { result[i] = keys } else { pending.append(i) }
        }
        guard !pending.isEmpty else { return result }
        if let keys = icuKeys(pending.map { requests[$0].range }, units) {
            for (n, i) in pending.enumerated() { result[i] = .pair(keys[n].0, keys[n].1) }
        }
        // Else ICU failed (only on allocation failure): the text itself stands, losing nothing.
        return result
    }

    /// How a request's keys follow from its units when Swift can make them, without building
    /// them: `swiftKeys` turns it into strings, `appendKeyUTF8` into bytes (the import's
    /// fuzzy-match encoder). Nil when the span needs ICU.
    @usableFromInline
    enum Mapping {
        /// Both keys are the text itself.
        case text
        /// Both keys are the text keyed unit by unit (`unitKey`, `LatinKeys` key), and differ from it.
        case changed
        /// The key and the loose key are the text keyed unit by unit, and differ from each other.
        case looseDiffers
        /// A number with ASCII and Khmer digits only: both keys are its ASCII digits.
        case asciiDigits
    }

    /// The mapping of one request (see `Mapping`; `LatinKeys` only when `latin`). O(length).
    @inline(__always)
    static func mapping(_ request: Request, _ units: UnsafeBufferPointer<UInt16>, latin: Bool) -> Mapping? {
        var size = 0
        return mapping(request, units, latin: latin, utf8Count: &size)
    }

    /// `mapping(_:_:latin:)`, also adding to `utf8Count` the UTF-8 length of the request's text
    /// when there is a mapping (such a text holds no surrogate: 1, 2 or 3 bytes per unit).
    @inline(__always)
    static func mapping(_ request: Request, _ units: UnsafeBufferPointer<UInt16>, latin: Bool, utf8Count: inout Int) -> Mapping? {
        var size = 0
        if request.isNumber, isDigitsAndASCII(request.range, units) {
            for j in request.range { size &+= units[j] < 0x80 ? 1 : 3 }
            utf8Count &+= size
            return .asciiDigits
        }
        var changed = false, looseDiffers = false
        var j = request.range.lowerBound
        while j < request.range.upperBound {
            let u = units[j]
            j += 1
            if u < 0x80, u != 0 {
                // ASCII but NUL (which `unitKey` leaves to ICU): one byte, changed by the key only
                // when an upper-case letter or the grave accent (`unitKey`), without its branches.
                size &+= 1
                if u &- 0x41 < 26 || u == 0x60 { changed = true }
                continue
            }
            let mapped = unitKey(u)
            if mapped != 0 {
                size &+= u < 0x80 ? 1 : 3
                if mapped != u { changed = true }
                continue
            }
            guard latin, u >= 0x80, let keys = LatinKeys.unitKeys(u) else { return nil }
            size &+= u < 0x800 ? 2 : 3
            if keys.key != u { changed = true }
            if keys.loose != keys.key { looseDiffers = true }
        }
        utf8Count &+= size
        return looseDiffers ? .looseDiffers : changed ? .changed : .text
    }

    /// `mapping(_:_:latin: true, utf8Count:)` for a span of plain Latin text, summed from a table
    /// (`latinUnitFacts`) in one load and one add per unit, for the one-pass Latin visit
    /// (`Tokenizer.LatinVisitSink`); a unit from U+0180 up, or a span of 65,535 units or more,
    /// takes `mapping` itself. The same answer and UTF-8 count for every span:
    /// `LatinVisitEquivalenceTests` holds the visit to the general path (which calls `mapping`)
    /// on real text, and `TokenKeysTests` compares both on every unit and pair.
    ///
    /// Why: `mapping` read each unit with two tests and two counts, about 97 instructions a token
    /// (1.9 % of an import on the 20k slice); this takes 76 (callgrind, 30 Nov). Still a call per
    /// token: the optimiser does not inline either into `LatinVisitSink.write`.
    @inline(__always)
    static func latinMapping(_ range: Range<Int>, isNumber: Bool, _ units: UnsafeBufferPointer<UInt16>,
                             facts: UnsafeBufferPointer<UInt64>, utf8Count: inout Int) -> Mapping? {
        var sum: UInt64 = 0
        var j = range.lowerBound
        let end = range.upperBound
        if range.count < 0xFFFF {
            while j < end {
                let u = units[j]
                guard u < 0x180 else { break }
                sum &+= facts[Int(u)]
                j &+= 1
            }
        }
        guard j == end else {
            return mapping(Request(range: range, isNumber: isNumber), units, latin: true, utf8Count: &utf8Count)
        }
        return latinMapping(sum: sum, count: range.count, isNumber: isNumber, utf8Count: &utf8Count)
    }

    /// `latinMapping(_:isNumber:_:facts:utf8Count:)` of a span of `count` units (fewer than
    /// 65,535), all below U+0180, whose `latinUnitFacts` sum to `sum`: what the word-break pass
    /// hands a `LatinPieceSink` that `wantsFacts` (`Tokenizer.LatinVisitSink`), which then keys
    /// the piece without reading its units again.
    @inline(__always)
    static func latinMapping(sum: UInt64, count: Int, isNumber: Bool, utf8Count: inout Int) -> Mapping? {
        let nonASCII = Int(truncatingIfNeeded: sum & 0xFFFF)
        // A number of ASCII units only (`isDigitsAndASCII`: no unit below U+0180 is a Khmer digit).
        if isNumber, nonASCII == 0 {
            utf8Count &+= count
            return .asciiDigits
        }
        guard sum >> 48 == 0 else { return nil }
        utf8Count &+= count &+ nonASCII
        return (sum >> 32) & 0xFFFF != 0 ? .looseDiffers : (sum >> 16) & 0xFFFF != 0 ? .changed : .text
    }

    /// For each unit below U+0180, what `mapping(latin: true)` makes of it alone, in four 16-bit
    /// counters a span's units are summed into: bits 0–15 one if the unit takes two UTF-8 bytes
    /// (U+0080 up), 16–31 one if its key differs from it (`.changed`), 32–47 one if its loose
    /// key differs from its key (`.looseDiffers`), 48–63 one if Swift cannot key it (nil). Each
    /// entry is derived from `mapping` itself, so the table cannot drift from it.
    static let latinUnitFacts: [UInt64] = (0..<0x180).map { (value: Int) -> UInt64 in
        let unit = [UInt16(value)]
        let mapped = unit.withUnsafeBufferPointer { mapping(Request(range: 0..<1, isNumber: false), $0, latin: true) }
        let wide: UInt64 = value >= 0x80 ? 1 : 0
        switch mapped {
        case nil: return wide | 1 << 48
        case .text?, .asciiDigits?: return wide
        case .changed?: return wide | 1 << 16
        case .looseDiffers?: return wide | 1 << 32
        }
    }

    /// The keys of one request when Swift can make them (`unitKey`, `LatinKeys` when `latin`,
    /// ASCII digits for numbers), or nil when the span needs ICU.
    @inline(__always)
    static func swiftKeys(_ request: Request, _ units: UnsafeBufferPointer<UInt16>, latin: Bool) -> Keys? {
        switch mapping(request, units, latin: latin) {
        case nil: nil
        case .asciiDigits?: .same(asciiDigitsString(request.range, units))
        case .looseDiffers?: .pair(simpleKey(request.range, units), simpleKey(request.range, units, loose: true))
        case .changed?: .same(simpleKey(request.range, units))
        case .text?: .text
        }
    }

    /// Appends the UTF-8 of the key (or, with `loose`, the loose key) `swiftKeys` gives a
    /// request of this `mapping`, without making the string: the same bytes. O(length).
    static func appendKeyUTF8(_ mapping: Mapping, _ range: Range<Int>, _ units: UnsafeBufferPointer<UInt16>, loose: Bool, to bytes: inout [UInt8]) {
        // Written into a stack buffer, then appended in one copy (an append per byte checked the
        // array's uniqueness and capacity each time). At most 3 bytes per unit.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count * 3) { out in
            guard let base = out.baseAddress else { return }
            let o = writeKeyUTF8(mapping, range, units, loose: loose, to: base)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: out[0..<o]))
        }
    }

    /// Writes the UTF-8 of the key (or, with `loose`, the loose key) at `out`, which has room
    /// for `3 * range.count` bytes, and returns how many were written: `appendKeyUTF8`'s bytes
    /// for a writer that owns its memory (the import's fuzzy-match encoder). O(length).
    @inline(__always)
    static func writeKeyUTF8(_ mapping: Mapping, _ range: Range<Int>, _ units: UnsafeBufferPointer<UInt16>, loose: Bool,
                             to out: UnsafeMutablePointer<UInt8>) -> Int {
        var o = 0
        var j = range.lowerBound
        while j < range.upperBound {
            let u = units[j]
            j += 1
            let key: UInt16
            if mapping == .asciiDigits {
                key = u < 0x80 ? u : u - 0x17E0 + 0x30
            } else {
                // As `simpleKey`: `unitKey`, else `LatinKeys`, else the unit (`.text`: every unit maps to itself).
                let mapped = unitKey(u)
                if mapped != 0 { key = mapped } else if let keys = LatinKeys.unitKeys(u) { key = loose ? keys.loose : keys.key } else { key = u }
            }
            // A `Mapping` never covers a surrogate (`unitKey` and `LatinKeys` map none).
            if key < 0x80 {
                out[o] = UInt8(key); o &+= 1
            } else if key < 0x800 {
                out[o] = UInt8(0xC0 | (key >> 6)); out[o &+ 1] = UInt8(0x80 | (key & 0x3F)); o &+= 2
            } else {
                out[o] = UInt8(0xE0 | (key >> 12)); out[o &+ 1] = UInt8(0x80 | ((key >> 6) & 0x3F)); out[o &+ 2] = UInt8(0x80 | (key & 0x3F))
                o &+= 3
            }
        }
        return o
    }

    /// `(key, looseKey)` of each range through ICU (`cicu_key_spans`, one call), or nil when
    /// ICU fails.
    static func icuKeys(_ ranges: [Range<Int>], _ units: UnsafeBufferPointer<UInt16>) -> [(String, String)]? {
        let starts = ranges.map { Int32($0.lowerBound) }, ends = ranges.map { Int32($0.upperBound) }
        let total = ranges.reduce(0) { $0 + $1.count }
        var capacity = total * 2 + 16
        for _ in 0..<4 {
            var keys = [UInt16](repeating: 0, count: capacity), loose = [UInt16](repeating: 0, count: capacity)
            var keyEnds = [Int32](repeating: 0, count: ranges.count), looseEnds = [Int32](repeating: 0, count: ranges.count)
            var status: Int32 = 0
            let outcome = keys.withUnsafeMutableBufferPointer { k in
                loose.withUnsafeMutableBufferPointer { l in
                    cicu_key_spans(units.baseAddress, Int32(units.count), starts, ends, Int32(ranges.count),
                                   k.baseAddress, Int32(capacity), &keyEnds, l.baseAddress, Int32(capacity), &looseEnds, &status)
                }
            }
            if outcome == 0 {
                var result: [(String, String)] = []
                result.reserveCapacity(ranges.count)
                var keyStart = 0, looseStart = 0
                keys.withUnsafeBufferPointer { k in
                    loose.withUnsafeBufferPointer { l in
                        for n in ranges.indices {
                            let keyEnd = Int(keyEnds[n]), looseEnd = Int(looseEnds[n])
                            result.append((UTF16Text.string(k, keyStart..<keyEnd), UTF16Text.string(l, looseStart..<looseEnd)))
                            keyStart = keyEnd
                            looseStart = looseEnd
                        }
                    }
                }
                return result
            }
            if outcome == Int32.min { return nil }
            capacity = max(Int(-outcome), capacity * 2)
        }
        return nil
    }

    /// The key of one code unit when keying it needs no Unicode normalisation, else 0.
    ///
    /// Why it is exact: for these units ICU's path (apostrophes as `'`, NFKC case folding,
    /// Khmer digits as ASCII; then, for the loose key, NFD, Latin diacritics removed, NFC) is a
    /// unit-by-unit map — ASCII letters are lower-cased and the grave accent becomes `'`; the
    /// Khmer letters, signs, punctuation and symbols have no decomposition, no case, are not
    /// default-ignorable, and take part in no composition; the only one with a non-zero
    /// combining class here is coeng (9), so no reordering can occur. Left out, to ICU: the
    /// default-ignorable U+17B4, U+17B5 (removed by case folding) and atthacan U+17DD (class 230).
    /// `TokenKeysTests` compares this map with ICU's on every unit and every pair of units.
    @inline(__always)
    static func unitKey(_ u: UInt16) -> UInt16 {
        if u < 0x80 {
            if u >= 0x41, u <= 0x5A { return u + 0x20 }
            return u == 0x60 ? 0x27 : u
        }
        guard u >= 0x1780, u <= 0x17F9 else { return 0 }
        if u >= 0x17E0 { return u <= 0x17E9 ? u - 0x17E0 + 0x30 : u >= 0x17F0 ? u : 0 }
        return u == 0x17B4 || u == 0x17B5 || u == 0x17DD || u == 0x17DE || u == 0x17DF ? 0 : u
    }

    /// A span every unit of which `unitKey` or `LatinKeys` maps, keyed unit by unit (its loose
    /// key with `loose`), written straight into a new string of the exact UTF-8 size.
    static func simpleKey(_ range: Range<Int>, _ units: UnsafeBufferPointer<UInt16>, loose: Bool = false) -> String {
        var ascii = true
        for j in range where units[j] >= 0x80 { ascii = false; break }
        if ascii { return lowercasedASCII(range, units) }
        let mapped = [UInt16](unsafeUninitializedCapacity: range.count) { buffer, count in
            for (n, j) in range.enumerated() {
                let u = units[j]
                let key = unitKey(u)
                if key != 0 {
                    buffer[n] = key
                } else if let keys = LatinKeys.unitKeys(u) {
                    buffer[n] = loose ? keys.loose : keys.key
                } else {
                    buffer[n] = u
                }
            }
            count = range.count
        }
        return mapped.withUnsafeBufferPointer { UTF16Text.string($0, 0..<$0.count) }
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

    /// Whether a number's text holds only ASCII units and Khmer digits (`asciiDigitsString` keys it).
    @inline(__always)
    static func isDigitsAndASCII(_ range: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> Bool {
        for j in range where units[j] >= 0x80 && !KhmerScript.isDigit(units[j]) { return false }
        return true
    }

    /// The number's text with every Khmer digit in ASCII (a text `isDigitsAndASCII` accepts).
    static func asciiDigitsString(_ range: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
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
