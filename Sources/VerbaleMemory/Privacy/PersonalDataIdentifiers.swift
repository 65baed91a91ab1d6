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
/// known values in the spaced copy: identifiers are short. Measured (30 Nov, perf of a one-thread
/// import of the benchmark's 100,000-unit file): as first written, the import's origin
/// `file.tmx#N` cost about 0.25 CPU-s per 100,000 units here (249 of 6,105 samples) — two ICU
/// searches (the parenthesised phone pattern, let through by the origin's six digits), two
/// bridges to `NSString` and a scalar-by-scalar copy — most of the privacy stage's +0.34 of that
/// stop; with `Triggers.parenDigit` and the byte copy no ICU search and no bridge is left, and
/// the scan costs 45 samples, mostly the two byte passes.
extension PersonalDataScrubber {
    /// File-name extensions an e-mail pattern must not take for a top-level domain
    /// (`sokha.chan@mfa.gov.kh.tmx` keeps `.tmx`).
    static let fileExtensions: Set<String> = ["tmx", "tsv", "csv", "txt", "xlf", "xliff", "sdlxliff", "mqxliff", "tbx", "xml", "po", "json", "zip",
                                              // The documents CAT tools name in properties (OmegaT `file`, Okapi `Txt::FileName`).
                                              "doc", "docx", "rtf", "odt", "pdf", "xls", "xlsx", "ods", "ppt", "pptx", "htm", "html", "md"]

    /// `text` with `_`, `-` and `.` replaced by spaces: one UTF-16 unit for one, so every offset
    /// found in the copy is an offset in `text`.
    ///
    /// Byte for byte: the three are ASCII and so is the space, and an ASCII byte is never part
    /// of a longer UTF-8 sequence, so replacing bytes replaces exactly the scalars
    /// `identifierWordsByScalars` replaces. Why: the scalar map built an array of scalars and a
    /// string from it for every unit's origin (`file.tmx#12`), a tenth of the import's privacy
    /// stage; this is one allocation. Cost: O(n), texts without the three are returned as they are.
    static func identifierWords(_ text: String) -> String {
        var text = text
        let spaced: String? = text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x5F || $0 == 0x2D || $0 == 0x2E }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    buffer[index] = byte == 0x5F || byte == 0x2D || byte == 0x2E ? 0x20 : byte
                }
                return bytes.count
            }
        }
        return spaced ?? text
    }

    /// `identifierWords` as first written, scalar by scalar: the reference the byte version must
    /// equal (`PrivacyFilterEquivalenceTests`).
    static func identifierWordsByScalars(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5F || $0 == 0x2D || $0 == 0x2E }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "_" || $0 == "-" || $0 == "." ? " " : $0 }))
    }

    /// The personal-data spans of an identifier or a file name, and the text to look for the
    /// unit's known values in (`identifierWords`): the patterns run on the text as written (an
    /// e-mail needs its dots; a file extension after it is cut off) and on the spaced copy
    /// (`visa_Mr_Sok_Dara.tmx`), the copy's spans kept where they overlap none of the first.
    ///
    /// Cost: the byte pass (`triggers`) twice on a short string, and one copy when the text
    /// holds `_`, `-` or `.`; ICU runs only where the byte pass lets a pattern through, which for
    /// the import's own origins (`file.tmx#12`) and numeric ids is never. The text is bridged to
    /// `NSString` only to trim an e-mail span.
    func identifierSpans(in text: String) -> (spans: [Span], searched: String) {
        var found: [Span] = spans(in: text)
        if found.contains(where: { $0.kind == .email }) {
            let ns = text as NSString
            found = found.map { Self.withoutFileExtension($0, in: ns) }
        }
        let spaced = Self.identifierWords(text)
        if spaced != text {
            var added = false
            for span in spans(in: spaced) where !found.contains(where: { NSIntersectionRange($0.range, span.range).length > 0 }) {
                found.append(span)
                added = true
            }
            if added { found.sort { $0.range.location < $1.range.location } }
        }
        return (found, spaced)
    }

    /// An e-mail span without the file extension an origin glued to it (`sokha@mfa.gov.kh.tmx`
    /// → `sokha@mfa.gov.kh`); any other span as it is. Shared by both paths above and below, so
    /// the reference differs from the fast path only where the fast path is meant to.
    private static func withoutFileExtension(_ span: Span, in ns: NSString) -> Span {
        guard span.kind == .email else { return span }
        var trimmed = span
        let value = ns.substring(with: span.range)
        if let dot = value.lastIndex(of: "."), fileExtensions.contains(value[value.index(after: dot)...].lowercased()),
           value[..<dot].contains("@"), value[..<dot].split(separator: "@").last?.contains(".") ?? false {
            trimmed.range.length -= value[dot...].utf16.count
        }
        return trimmed
    }

    /// `identifierSpans` as first written (review 1130 M4): the reference the version above must
    /// equal, span for span and in the text searched (`PrivacyFilterEquivalenceTests`).
    func identifierSpansReference(in text: String) -> (spans: [Span], searched: String) {
        let ns = text as NSString
        var found: [Span] = spans(in: text).map { Self.withoutFileExtension($0, in: ns) }
        let spaced = Self.identifierWordsByScalars(text)
        if spaced != text {
            for span in spans(in: spaced) where !found.contains(where: { NSIntersectionRange($0.range, span.range).length > 0 }) {
                found.append(span)
            }
        }
        return (found.sorted { $0.range.location < $1.range.location }, spaced)
    }
}
