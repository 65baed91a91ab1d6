import VerbaleCore

/// The context key of a segment (stored in `UnitMetadata.previousContext`): a 64-bit FNV-1a
/// hash, in hex, of the segment's normalised key (`Normalizer.key`) with white space collapsed,
/// so the same previous sentence typed again yields the same key. O(n).
public enum ContextHash {
    public static func of(_ text: String) -> String {
        let key = Normalizer.key(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
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
