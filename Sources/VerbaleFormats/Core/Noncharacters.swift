import Foundation

/// U+FFFE and U+FFFF, the two noncharacters XML 1.0 leaves out of `Char` (production [2]):
/// a conforming parser refuses them, and XML cannot carry them even as `&#xFFFE;`. The XML
/// readers refuse them as they refuse C0 controls, the TSV/CSV reader too (whatever a memory
/// holds must be writable as TMX), and the writers turn them into U+FFFD as they do controls.
/// U+FFFE in a file is most often a byte-order mark read in the wrong byte order.
enum Noncharacters {
    /// The offset and value of the first U+FFFE or U+FFFF in the UTF-8 `bytes` (their only
    /// encodings are EF BF BE and EF BF BF), or nil. Cost: one `memchr` for 0xEF (vectorised;
    /// English, French and Khmer text almost never holds that byte: it leads U+F000–U+FFFF
    /// only), two comparisons per hit.
    @inline(__always)
    static func first(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, value: UInt32)? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        while index + 2 < count, let hit = memchr(base + index, 0xEF, count - index - 2) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if base[at + 1] == 0xBF, base[at + 2] & 0xFE == 0xBE {
                return (at, base[at + 2] == 0xBE ? 0xFFFE : 0xFFFF)
            }
            index = at + 1
        }
        return nil
    }

    /// Whether `bytes[index...]` starts with EF BF BE or EF BF BF (`bytes[index]` is 0xEF).
    @inline(__always)
    static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, count: Int) -> Bool {
        index + 2 < count && bytes[index + 1] == 0xBF && bytes[index + 2] & 0xFE == 0xBE
    }

    /// `U+FFFE` or `U+FFFF`, for messages.
    static func name(_ value: UInt32) -> String { value == 0xFFFE ? "U+FFFE" : "U+FFFF" }

    /// Why it is refused, after "the noncharacter U+FFFE …".
    static let why = "U+FFFE and U+FFFF are not characters (a byte-order mark read in the wrong byte order, or damaged text?)"
}
