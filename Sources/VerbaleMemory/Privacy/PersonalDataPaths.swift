import Foundation
import VerbaleCore

/// File paths in a unit's free texts: CAT tools store the document a segment came from in a
/// property of every unit — Trados Studio `<prop type="x-Document">C:\Users\sokha.chan\
/// Documents\visa-keo-rithy.docx</prop>`, memoQ `x-document`, OmegaT `file` — and termbases keep
/// a `source` path. A home folder names the user, and its folders and the file often name the
/// person a note concerns.
///
/// Why: an origin that is such a path keeps only its file name (`FileOrigin`), but the same
/// path in a property was stored and exported as it came (review 1130f M1). Two rules:
/// - a property value that is one local path (`localPath`) keeps its last component, as an
///   origin does, and that file name is then scrubbed like an origin (`_`, `-`, `.` as spaces,
///   values the unit's texts hold replaced);
/// - a home folder inside any other free text (a note "Source file: C:\Users\sokha.chan\…")
///   loses the user's name (`homeFolderSpans`: `C:\Users\{PERSON}\Documents\…`).
/// URLs other than `file://`, relative names and references (`2021/01/045`) are left alone.
/// Cost: one byte scan for `/` or `\` per text; a lower-cased copy only for texts holding one.
extension PersonalDataScrubber {
    /// `FileOrigin.homeFolderMarkers` (both separators) as UTF-16 units, for
    /// `homeFolderSpans`' unit-by-unit compare, built once: the path tests run on every free
    /// text holding a `/` or `\` (dates "12/01/2021" too).
    static let homeFolderMarkerUnits = FileOrigin.homeFolderMarkers.map { Array($0.utf16) }

    /// The file name of `value` when it is one local path that reveals folders
    /// (`FileOrigin.isLocalPath`: `~`, `\\server`, a drive, `file://`, or `/` through a home
    /// folder), holds no line break and has a name after its last separator; else nil.
    static func fileNameOfLocalPath(_ value: String) -> String? {
        // Most property values hold no separator: they cost one byte scan, no copy.
        guard holdsPathSeparator(value) else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.contains(where: \.isNewline), FileOrigin.isLocalPath(Substring(trimmed)) else { return nil }
        let name = FileOrigin.lastComponent(trimmed)
        guard !name.isEmpty, name != trimmed, !name.hasSuffix(":") else { return nil }
        return name
    }

    /// Whether `text` holds a `/` or a backslash, read from its UTF-8 storage. Why: the generic
    /// `utf8.contains(where:)` cost about 650 instructions per text, and every unit's origin,
    /// id and context pass here: 41 million instructions on the 20,000-unit slice (callgrind,
    /// 30 Nov), for texts of 5 to 35 bytes; this loop is a few instructions a byte.
    static func holdsPathSeparator(_ text: String) -> Bool { holdsByte(text) { $0 == 0x2F || $0 == 0x5C } }

    /// Whether a byte of `text`'s UTF-8 storage passes `test`: one loop over the bytes, for
    /// the cheap "can this text hold one at all?" checks of the hot path.
    @inline(__always)
    static func holdsByte(_ text: String, _ test: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where test(byte) { return true }
            return false
        }
    }

    /// The user-name component after each home folder in `text` (`/home/sokha/…`,
    /// `C:\Users\Keo Rithy\…`): up to the next separator, or to white space at the end of the
    /// path. Spans of kind `.person`, in order.
    static func homeFolderSpans(in text: String) -> [Span] {
        guard holdsPathSeparator(text) else { return [] }
        // Compared unit by unit, ASCII letters folded (the markers are ASCII), so the offsets are
        // the text's own UTF-16 offsets.
        let units = Array(text.utf16)
        let markers = homeFolderMarkerUnits
        func lowered(_ unit: UInt16) -> UInt16 { unit >= 0x41 && unit <= 0x5A ? unit + 0x20 : unit }
        func isSeparator(_ unit: UInt16) -> Bool { unit == 0x2F || unit == 0x5C }
        var spans: [Span] = []
        var index = 0
        while index < units.count {
            guard isSeparator(units[index]),
                  let marker = markers.first(where: { marker in
                      index + marker.count <= units.count && zip(units[index...], marker).allSatisfy { lowered($0) == $1 }
                  }) else {
                index += 1
                continue
            }
            let start = index + marker.count
            var end = start
            while end < units.count, !isSeparator(units[end]), units[end] != 0x0A, units[end] != 0x0D { end += 1 }
            if end == units.count || !isSeparator(units[end]) {
                // The path ends in the home folder itself: the name runs to the first white space.
                end = start
                while end < units.count, !isSeparator(units[end]), units[end] > 0x20 { end += 1 }
            }
            // A placeholder already there (`/home/{PERSON}/…`, a scrubbed text imported again) stays.
            if end > start, !(units[start] == 0x7B && units[end - 1] == 0x7D) {
                spans.append(Span(kind: .person, range: NSRange(location: start, length: end - start)))
            }
            index = max(end, index + 1)
        }
        return spans
    }
}
