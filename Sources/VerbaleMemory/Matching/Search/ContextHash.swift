import VerbaleCore

/// The context key of a segment (stored in `UnitMetadata.previousContext`): a 64-bit FNV-1a
/// hash, in hex, of the segment lower-cased, in NFC, with white space collapsed to one space and
/// trimmed and zero-width spaces (U+200B, U+FEFF) dropped, so the same previous sentence typed
/// again — in another case, spacing, or with or without Khmer U+200B — yields the same key.
///
/// Why not `Normalizer.key` (NFKC case folding through ICU, as the matcher's tokens): import
/// computes one key per variant of every unit (`ContextKeys`), and that ICU pass cost about
/// 11 µs a variant — 2.3 CPU-s per 100,000 units, +75–90% of the import's analysis. This is
/// one pass over the scalars, with ICU only for text holding a Latin combining mark (a
/// decomposed `é` typed on a Mac meets the composed one). O(n).
public enum ContextHash {
    public static func of(_ text: String) -> String {
        let composed = text.unicodeScalars.contains { (0x300...0x36F).contains($0.value) } ? Normalizer.composed(text) : text
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        func add(_ scalar: Unicode.Scalar) {
            if let encoded = UTF8.encode(scalar) { for byte in encoded { add(byte) } }
        }
        var pendingSpace = false
        var started = false
        for scalar in composed.unicodeScalars {
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
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
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
