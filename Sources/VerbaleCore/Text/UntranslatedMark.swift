import Foundation

/// The mark `verbale draft translate` puts around the parts of a pre-translation it left in the
/// source language: `ស្ថានទូត ⟦of the Republic of Korea⟧ សូមគោរពជូន…` (U+27E6, U+27E7).
///
/// Why it is known outside drafting: a text holding it is a draft with a gap, never a
/// translation, so the import refuses to store it in any format (review 1130f m5: a pre-
/// translation exported as XLIFF and imported back was offered at 100 % with the English
/// inside its "Khmer").
public enum UntranslatedMark {
    public static let open: Character = "⟦"
    public static let close: Character = "⟧"

    /// How `verbale draft new` writes a name part it cannot render in the note's language, kept in
    /// English: `à [untranslated: Zorbian Rhetoric Society]`, `ធ្វើនៅ [untranslated: Siem Reap]`.
    public static let bracketOpening = "[untranslated: "
    private static let bracketBytes = Array(bracketOpening.utf8)

    /// Whether `text` holds `[untranslated: ` followed, anywhere after it, by `]`: a note `draft
    /// new` could not render whole, never a translation (as ⟦…⟧ in a pre-translation). Cost: one
    /// `memchr` pass for `[` and a 15-byte compare at each; a text without `[` is one `memchr`.
    public static func marksBracketGap(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            let needle = bracketBytes
            guard let base = bytes.baseAddress, bytes.count > needle.count else { return false }
            var at = 0
            while at + needle.count < bytes.count {
                guard let found = memchr(base + at, Int32(UInt8(ascii: "[")), bytes.count - at - needle.count) else { return false }
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                let end = index + needle.count
                if (0..<needle.count).allSatisfy({ bytes[index + $0] == needle[$0] }),
                   memchr(base + end, Int32(UInt8(ascii: "]")), bytes.count - end) != nil {
                    return true
                }
                at = index + 1
            }
            return false
        }
    }

    /// Whether `text` holds a ⟦ followed, anywhere after it, by a ⟧. Cost: one `memchr` pass over
    /// the UTF-8 bytes for 0xE2 (the lead byte of both marks, and of ’ – … in French), three byte
    /// compares at each; a text without 0xE2 is one `memchr`.
    public static func marksGap(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard let base = bytes.baseAddress, bytes.count >= 6 else { return false }
            var opened = false
            var at = 0
            while at + 2 < bytes.count {
                guard let found = memchr(base + at, 0xE2, bytes.count - at - 2) else { return false }
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if bytes[index + 1] == 0x9F {
                    if bytes[index + 2] == 0xA6 { opened = true }
                    if bytes[index + 2] == 0xA7, opened { return true }
                }
                at = index + 1
            }
            return false
        }
    }
}
