import Foundation

/// Context keys (`ContextKeys`: 16 lower-case hex digits each, one space between) hold no
/// personal data any pattern can find, so the byte pass does not need to read them.
///
/// Why: every imported unit after the first carries its predecessor's keys as its
/// `previousContext`, and `scrubFreeText` scans that like any free text: the trigger pass, the
/// keyword pass (the keys hold digits), the introduction pass, and the Cambodian phone pattern's
/// ICU search for the keys that start `0` and a digit (about 60 M instructions per 20,000 units
/// of the memory benchmark's import, callgrind 30 Nov).
///
/// Why no pattern can match (the key list's alphabet is `0-9 a-f` and the space): every keyword,
/// title, label and introduction needs a letter outside `a-f` (`tel`, `fax`, `dob`, `ID`, `Mr`,
/// `name`, `by`/`par`…), a capital, a Khmer letter, `@`, `+`, `(` or a colon, none of which a
/// list holds (case-insensitive matching changes nothing: `0-9 a-f` fold to themselves). The only
/// pattern their bytes can start is the Cambodian local number (`0` and a digit, not after a word
/// character: only at a key's start), which needs a separator within its first four characters,
/// where a key has hex digits. So `spans(in:)` of a key list is always empty;
/// `PrivacyFilterEquivalenceTests` compares with the unfiltered patterns on real and random keys.
/// The unit's known values (`KnownValue`) are still looked for in the keys, as before: a literal
/// is no pattern.
extension PersonalDataScrubber {
    /// Whether `text` is exactly a list of context keys as `ContextKeys` writes it. O(n) bytes,
    /// most texts answer at their length or first bytes.
    static func isContextKeyList(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isContextKeyList($0) }
    }

    /// `isContextKeyList` over UTF-8 bytes: each key's sixteen bytes against a table, then the
    /// space after it. Why: every unit's context (its predecessor's keys) is tested twice, and
    /// the column-counting loop (`isContextKeyListReference`) cost about 630 instructions a
    /// list of two keys: 25 million on the 20,000-unit slice (callgrind, 30 Nov).
    static func isContextKeyList(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard p.count >= 16, (p.count + 1) % 17 == 0 else { return false }
        let hex = lowerHexBytes
        var start = 0
        while true {
            var all: UInt8 = 1
            for k in start..<start + 16 { all &= hex[Int(p[k])] }
            guard all != 0 else { return false }
            start += 17
            guard start < p.count else { return true }
            guard p[start - 1] == 0x20 else { return false }
        }
    }

    /// 1 for the bytes of `0-9 a-f`, 0 for every other byte.
    static let lowerHexBytes: [UInt8] = (0..<256).map { byte in (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) ? 1 : 0 }

    /// `isContextKeyList` as first written, column by column: the reference the table version
    /// must equal (`PrivacySpeedPathsTests`).
    static func isContextKeyListReference(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { p in
            guard p.count >= 16, (p.count + 1) % 17 == 0 else { return false }
            var column = 0
            for byte in p {
                if column == 16 {
                    guard byte == 0x20 else { return false }
                    column = 0
                } else {
                    guard (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) else { return false }
                    column += 1
                }
            }
            return true
        }
    }
}
