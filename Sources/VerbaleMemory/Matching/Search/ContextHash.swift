import VerbaleCore

/// The context key of a segment (stored in `UnitMetadata.previousContext`): a 64-bit FNV-1a
/// hash, in hex, of the segment lower-cased, in NFC, with white space collapsed to one space and
/// trimmed and zero-width spaces (U+200B, U+FEFF) dropped, so the same previous sentence typed
/// again — in another case, spacing, or with or without Khmer U+200B — yields the same key.
///
/// Why not `Normalizer.key` (NFKC case folding through ICU, as the matcher's tokens): import
/// computes one key per variant of every unit (`ContextKeys`), and that ICU pass cost about
/// 11 µs a variant — 2.3 CPU-s per 100,000 units, +75–90% of the import's analysis. This is
/// one pass, with ICU only for text holding a Latin combining mark (a decomposed `é` typed on a
/// Mac meets the composed one). O(n).
///
/// The pass runs over the UTF-8 bytes (`hashBytes`): ASCII, Latin-1 letters and Khmer — nearly
/// every byte of a note — are hashed without decoding a scalar or asking its Unicode
/// properties; other scalars are decoded and take the general rule (`hashScalars`, which the
/// bytes path must equal: `ContextHashTests` compares them on the shared corpora).
public enum ContextHash {
    public static func of(_ text: String) -> String {
        hex(value(of: text))
    }

    /// The key of `text` as its 64-bit hash (`of` is its hex): `ContextKeys` compares and writes
    /// keys as numbers, with no string per key.
    static func value(of text: String) -> UInt64 {
        let fast = text.utf8.withContiguousStorageIfAvailable { hashBytes($0) } ?? nil
        if let fast { return fast }
        let composed = text.unicodeScalars.contains { (0x300...0x36F).contains($0.value) } ? Normalizer.composed(text) : text
        return hashScalars(composed)
    }

    /// Writes `hash` as 16 lower-case hex digits at `output[at...]` (what `of` returns).
    /// Eight digits a word (`hexDigits`), where a loop per digit with its branch cost ≈ 280
    /// instructions a key (callgrind, 20k slice); `ContextHashTests.hexDigits` compares it with
    /// `String(_:radix:)`.
    static func writeHex(_ hash: UInt64, to output: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        precondition(start >= 0 && start + 16 <= output.count)
        guard let base = output.baseAddress else { return }
        let raw = UnsafeMutableRawPointer(base + start)
        raw.storeBytes(of: hexDigits(UInt32(truncatingIfNeeded: hash >> 32)).littleEndian, as: UInt64.self)
        raw.storeBytes(of: hexDigits(UInt32(truncatingIfNeeded: hash)).littleEndian, toByteOffset: 8, as: UInt64.self)
    }

    /// The eight hex digits of `value`, most significant first, as the bytes of a word from its
    /// lowest (the order they are written in): each nibble spread to a byte of its own, byte-
    /// swapped, then `0`–`9` or `a`–`f` added per byte (a byte over 9 gets 0x27 more: 0x76
    /// added sets its top bit; no byte carries into the next, none is over 15).
    @inline(__always)
    static func hexDigits(_ value: UInt32) -> UInt64 {
        var v = UInt64(value)
        v = (v | (v << 16)) & 0x0000_FFFF_0000_FFFF
        v = (v | (v << 8)) & 0x00FF_00FF_00FF_00FF
        v = (v | (v << 4)) & 0x0F0F_0F0F_0F0F_0F0F
        v = v.byteSwapped
        let letters = ((v &+ 0x7676_7676_7676_7676) >> 7) & 0x0101_0101_0101_0101
        return v &+ 0x3030_3030_3030_3030 &+ letters &* 0x27
    }

    /// The key by the rule as written, scalar by scalar (what `of` computed before its byte
    /// pass): the fallback for texts with combining marks, and the reference that tests and
    /// `verbale-bench analyse` compare the byte pass with.
    public static func byScalars(_ text: String) -> String {
        let composed = text.unicodeScalars.contains { (0x300...0x36F).contains($0.value) } ? Normalizer.composed(text) : text
        return hex(hashScalars(composed))
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The general rule, scalar by scalar, over a text already in NFC (for Latin marks).
    static func hashScalars(_ text: String) -> UInt64 {
        var hash = offsetBasis
        @inline(__always) func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        func add(_ scalar: Unicode.Scalar) {
            if let encoded = UTF8.encode(scalar) { for byte in encoded { add(byte) } }
        }
        var pendingSpace = false
        var started = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value == 0x20 || (0x09...0x0D).contains(value) {
                    pendingSpace = started
                    continue
                }
                if pendingSpace { add(0x20); pendingSpace = false }
                started = true
                add(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
                continue
            }
            if value == 0x200B || value == 0xFEFF { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = started
                continue
            }
            if pendingSpace { add(0x20); pendingSpace = false }
            started = true
            if scalar.properties.changesWhenLowercased {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { add(lower) }
            } else {
                add(scalar)
            }
        }
        return hash
    }

    /// `hashScalars` over UTF-8 bytes, or nil when the text holds a combining mark of
    /// U+0300–U+036F (UTF-8 `CC xx`, `CD 80`–`CD AF`): such a text may not be in NFC, and only
    /// the scalar path composes it. Decides exactly as `hashScalars` for every other text:
    /// ASCII through a table, Latin-1 letters (`C3 xx`: À–Þ but × lower-case by +0x20) and
    /// Khmer (`E1 9E xx`, `E1 9F xx`: no case, no white space) copied, the rest decoded.
    ///
    /// A run of ASCII that is not white space (most of a Latin text) is hashed by an inner loop
    /// of one table read, one xor and one multiply per byte (`asciiFold`): the loop before it
    /// decided white space and case with branches and recomputed the pending space's hash at
    /// every byte, about 30 instructions a byte (2.5 % of an import, callgrind, 30 Nov).
    static func hashBytes(_ p: UnsafeBufferPointer<UInt8>) -> UInt64? {
        asciiFold.withUnsafeBufferPointer { fold in hashBytes(p, fold: fold) }
    }

    /// By ASCII byte: its lower case, or `asciiSpace` for white space (tab to carriage return,
    /// space). Derived from the same tests as `hashScalars`.
    static let asciiFold: [UInt8] = (0..<128).map { (value: Int) -> UInt8 in
        if value == 0x20 || (0x09...0x0D).contains(value) { return asciiSpace }
        return UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
    }

    /// `asciiFold`'s mark for white space: no ASCII byte's lower case.
    static let asciiSpace: UInt8 = 0x80

    /// One FNV-1a step.
    @inline(__always)
    private static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// `mix` of the eight bytes of `word`, lowest first (the text's order: a little-endian load).
    @inline(__always)
    private static func mix8(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        mix(mix7(hash, word), UInt8(truncatingIfNeeded: word >> 56))
    }

    /// The eight bytes of `raw` (an unaligned load at the window) with A–Z lowered, when
    /// `hashBytes` may hash them as they stand: all ASCII, none below 0x20 (controls, tab, line
    /// ends), no two spaces side by side (a space inside is then one `0x20` between two hashed
    /// bytes, as the byte loop makes it); nil otherwise. `trailingSpace`: the last byte is a
    /// space, which is not hashed with the window but left pending (it may be followed by more
    /// white space, or end the text), as the byte loop leaves it. Each test is exact per byte:
    /// every byte is below 0x80 once the first passes, so the additions never carry into the
    /// next byte. `ContextHashTests` compares the result with the scalar rule.
    @inline(__always)
    static func plainWindow(_ raw: UInt64) -> (word: UInt64, trailingSpace: Bool)? {
        let w = UInt64(littleEndian: raw)
        let high: UInt64 = 0x8080_8080_8080_8080
        guard w & high == 0 else { return nil }
        // A byte below 0x20 keeps its high bit clear when 0x60 is added.
        guard (w &+ 0x6060_6060_6060_6060) & high == high else { return nil }
        // Spaces: the bytes where w ^ 0x20… is zero (its high bit set exactly there).
        let x = w ^ 0x2020_2020_2020_2020
        let spaces = ~((x &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & high
        guard spaces & (spaces >> 8) == 0 else { return nil }
        // A–Z (0x41–0x5A): adding 0x3F sets the high bit from 0x41 up, adding 0x25 from 0x5B up.
        let upper = (w &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(w &+ 0x2525_2525_2525_2525) & high
        return (w | (upper >> 2), spaces >> 63 != 0)
    }

    /// `mix` of the seven low bytes of `word` (a window whose last byte is a pending space).
    @inline(__always)
    private static func mix7(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        var h = hash
        h = mix(h, UInt8(truncatingIfNeeded: word))
        h = mix(h, UInt8(truncatingIfNeeded: word >> 8))
        h = mix(h, UInt8(truncatingIfNeeded: word >> 16))
        h = mix(h, UInt8(truncatingIfNeeded: word >> 24))
        h = mix(h, UInt8(truncatingIfNeeded: word >> 32))
        h = mix(h, UInt8(truncatingIfNeeded: word >> 40))
        return mix(h, UInt8(truncatingIfNeeded: word >> 48))
    }

    /// `hashBytes` with `asciiFold` in hand. Written without nested functions: captured by
    /// them, the hash and the offset were kept in memory and stored at every byte.
    private static func hashBytes(_ p: UnsafeBufferPointer<UInt8>, fold: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash = offsetBasis
        // White space seen since the last scalar hashed, after some scalar was hashed: one space
        // goes in before the next scalar (runs collapse, leading and trailing ones vanish).
        var pendingSpace = false
        var started = false
        var i = 0
        let end = p.count
        while i < end {
            let byte = p[i]
            if byte < 0x80 {
                var folded = fold[Int(byte)]
                if folded == asciiSpace {
                    pendingSpace = started
                    i &+= 1
                    continue
                }
                if pendingSpace { hash = mix(hash, 0x20); pendingSpace = false }
                started = true
                // Eight bytes at a time while they are plain words: ASCII, no control or white
                // space but single spaces after another byte (the byte before the window is
                // not white space either: `p[i]` here, then each window's last byte), hashed as
                // they stand with A–Z lowered — exactly what the byte loop below does to them,
                // without its table read and branches per byte (about a third of its instructions).
                // A window ending in a space (one in six of a text's, words being about five
                // letters) is hashed without it and ends the run, the space left pending as the
                // byte loop leaves it: such windows used to fall to the byte loop (this function
                // 72.5 → 62.5 M instructions in the import of the 20k Europarl slice, 1 Dec).
                if i &+ 8 <= end, let base = p.baseAddress {
                    var h = hash, j = i
                    var endsInSpace = false
                    while j &+ 8 <= end, let window = Self.plainWindow(UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)) {
                        j &+= 8
                        if window.trailingSpace {
                            h = Self.mix7(h, window.word)
                            endsInSpace = true
                            break
                        }
                        h = Self.mix8(h, window.word)
                    }
                    if j > i {
                        hash = h
                        i = j
                        pendingSpace = endsInSpace
                        continue
                    }
                }
                // The run of ASCII bytes that are not white space, in one tight loop.
                var h = hash, j = i
                repeat {
                    h = mix(h, folded)
                    j &+= 1
                    if j == end { break }
                    let next = p[j]
                    if next >= 0x80 { break }
                    folded = fold[Int(next)]
                } while folded != asciiSpace
                hash = h
                i = j
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard i + length <= end else { return nil }
            let second = p[i + 1]
            if byte == 0xCC || (byte == 0xCD && second <= 0xAF) { return nil }
            if byte == 0xC3 && second != 0x97 {
                // U+00C0–U+00FF but ×: letters; À–Þ lower-case by +0x20, ß and à–ÿ (÷ too) unchanged.
                if pendingSpace { hash = mix(hash, 0x20); pendingSpace = false }
                started = true
                hash = mix(mix(hash, 0xC3), second >= 0x80 && second <= 0x9E ? second &+ 0x20 : second)
                i += 2
                continue
            }
            if byte == 0xE1 && (second == 0x9E || second == 0x9F) {
                if pendingSpace { hash = mix(hash, 0x20); pendingSpace = false }
                started = true
                hash = mix(mix(mix(hash, 0xE1), second), p[i + 2])
                i += 3
                continue
            }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(p[i + k] & 0x3F) }
            i += length
            if value == 0x200B || value == 0xFEFF { continue }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            if scalar.properties.isWhitespace {
                pendingSpace = started
                continue
            }
            if pendingSpace { hash = mix(hash, 0x20); pendingSpace = false }
            started = true
            if scalar.properties.changesWhenLowercased {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    if let encoded = UTF8.encode(lower) { for piece in encoded { hash = mix(hash, piece) } }
                }
            } else {
                for k in (i - length)..<i { hash = mix(hash, p[k]) }
            }
        }
        return hash
    }

    /// The hash as 16 lower-case hex digits.
    private static func hex(_ hash: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            writeHex(hash, to: buffer, at: 0)
            return 16
        }
    }

    /// Whether a unit's stored previous context stands for the segment whose key is `key`.
    /// `stored` is either keys written by import (`ContextKeys`: one per variant, space-separated)
    /// or what a file carried in `x-context-pre`/`context-pre`: a key, or the previous
    /// segment's text itself (other tools write the text), which is hashed here. Only exact
    /// matches ask, so the cost (O(length of `stored`)) is paid a handful of times per search.
    public static func matches(stored: String, key: String) -> Bool {
        if stored == key { return true }
        let parts = stored.split(separator: " ")
        if parts.allSatisfy({ $0.count == 16 && $0.allSatisfy(\.isHexDigit) }) {
            return parts.contains { $0 == key }
        }
        return of(stored) == key
    }
}
