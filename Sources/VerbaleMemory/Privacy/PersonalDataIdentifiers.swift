import Foundation

/// Personal data in identifiers and file names: a unit's `tuid`/XLIFF `id` and its origin.
///
/// Why: tools mint unit ids from the translator's account or e-mail address
/// (`sokha.chan@mfa.gov.kh-0001`), and files are named after the person a note concerns with
/// `_` or `-` between the words (`visa_Vannak_Heng_2021.tmx`, `visa-vannak-heng.tmx`), so the
/// name found after "Mr." in the unit's text stayed in every unit's origin, and an e-mail in an
/// id was stored and exported as is (acceptance review 1130, M4).
///
/// Cost: the patterns' byte pass twice on the identifier (as written, and with `_ - .` read
/// as spaces), and, for units where the texts held personal data, the literal search of the
/// known values in the spaced copy: identifiers are short.
extension PersonalDataScrubber {
    /// File-name extensions an e-mail pattern must not take for a top-level domain
    /// (`sokha.chan@mfa.gov.kh.tmx` keeps `.tmx`).
    static let fileExtensions: Set<String> = ["tmx", "tsv", "csv", "txt", "xlf", "xliff", "sdlxliff", "mqxliff", "tbx", "xml", "po", "json", "zip"]

    /// `text` with `_`, `-` and `.` replaced by spaces: one UTF-16 unit for one, so every offset
    /// found in the copy is an offset in `text`.
    static func identifierWords(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5F || $0 == 0x2D || $0 == 0x2E }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "_" || $0 == "-" || $0 == "." ? " " : $0 }))
    }

    /// The personal-data spans of an identifier or a file name, and the text to look for the
    /// unit's known values in (`identifierWords`): the patterns run on the text as written (an
    /// e-mail needs its dots; a file extension after it is cut off) and on the spaced copy
    /// (`visa_Mr_Sok_Dara.tmx`), the copy's spans kept where they overlap none of the first.
    func identifierSpans(in text: String) -> (spans: [Span], searched: String) {
        let ns = text as NSString
        var found: [Span] = spans(in: text).map { span in
            guard span.kind == .email else { return span }
            var trimmed = span
            let value = ns.substring(with: span.range)
            if let dot = value.lastIndex(of: "."), Self.fileExtensions.contains(value[value.index(after: dot)...].lowercased()),
               value[..<dot].contains("@"), value[..<dot].split(separator: "@").last?.contains(".") ?? false {
                trimmed.range.length -= value[dot...].utf16.count
            }
            return trimmed
        }
        let spaced = Self.identifierWords(text)
        if spaced != text {
            for span in spans(in: spaced) where !found.contains(where: { NSIntersectionRange($0.range, span.range).length > 0 }) {
                found.append(span)
            }
        }
        return (found.sorted { $0.range.location < $1.range.location }, spaced)
    }
}
