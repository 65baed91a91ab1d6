/// Text laid out in terminal columns: its display width, and lines wrapped where a reader may
/// break them.
///
/// Why: a human view that puts languages side by side (`verbale align`) must wrap each cell to
/// its column. Splitting at spaces and cutting over-long runs at a count of characters cut
/// Khmer inside its words ("…ទទួលបន្ទុ" | "កសិទ្ធិមនុស្ស"): Khmer writes no spaces between words,
/// and one word is several `Character`s (a subscript consonant after U+17D2 is its own
/// grapheme in Swift). Line-break opportunities come from ICU's line iterator (UAX #14), which
/// finds Khmer word ends with its dictionary, and widths count what a terminal draws.
public struct TextColumns {
    private let lines: BreakIterator?

    /// - Parameter locale: the text's language, for ICU's line rules (`km` breaks Khmer between
    ///   words by dictionary; every locale does for Khmer script, the tag only tailors).
    public init(locale: String = "km") {
        lines = try? BreakIterator(.line, locale: locale)
    }

    /// Columns `text` takes in a terminal, roughly: marks (U+17B6…U+17D3 vowels and signs, other
    /// combining marks), U+200B and a consonant subscribed after U+17D2 (COENG) take none.
    public static func width(_ text: some StringProtocol) -> Int {
        var count = 0
        var afterCoeng = false
        for scalar in text.unicodeScalars {
            defer { afterCoeng = scalar.value == 0x17D2 }
            if afterCoeng { continue }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format: continue
            default: count += 1
            }
        }
        return count
    }

    /// `text` in lines of at most `width` columns, broken at ICU's line-break opportunities
    /// (spaces, U+200B, between Khmer words, after hyphens); a single word wider than a line is
    /// cut between grapheme clusters, never inside a Khmer subscript. Trailing spaces and
    /// U+200B at a break are dropped; the text's words and their order are kept.
    public func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        let pieces = breakPieces(text)
        var result: [String] = []
        var current = ""
        for piece in pieces {
            if Self.width(current) + Self.width(piece.trimmingTrailingBreakSpace) <= width {
                current += piece
                continue
            }
            if !current.isEmpty { result.append(current.trimmingTrailingBreakSpace); current = "" }
            var rest = Substring(piece)
            while Self.width(rest.trimmingTrailingBreakSpace) > width {
                let head = Self.prefix(of: rest, width: width)
                result.append(String(head))
                rest = rest[head.endIndex...]
            }
            current = String(rest)
        }
        let last = current.trimmingTrailingBreakSpace
        if !last.isEmpty || result.isEmpty { result.append(last) }
        return result
    }

    /// The text cut at each line-break opportunity; each piece keeps its trailing spaces.
    private func breakPieces(_ text: String) -> [String] {
        let utf16 = Array(text.utf16)
        guard let lines, !utf16.isEmpty else { return text.isEmpty ? [] : [text] }
        var pieces: [String] = []
        var start = 0
        for boundary in lines.boundaries(utf16: utf16) where boundary.utf16Offset > start {
            let end = boundary.utf16Offset
            pieces.append(String(decoding: utf16[start..<end], as: UTF16.self))
            start = end
        }
        if start < utf16.count { pieces.append(String(decoding: utf16[start...], as: UTF16.self)) }
        return pieces
    }

    /// The longest prefix of `text` that fits `width` columns (at least one scalar run that
    /// keeps a COENG with its consonant), ending between grapheme clusters.
    private static func prefix(of text: Substring, width: Int) -> Substring {
        var end = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            var next = text.index(after: index)
            // A COENG ends a cluster in Swift's rules; keep the subscript consonant with it.
            while next < text.endIndex, text[text.index(before: next)].unicodeScalars.last?.value == 0x17D2 {
                next = text.index(after: next)
            }
            if Self.width(text[text.startIndex..<next]) > width, end > text.startIndex { break }
            end = next
            index = next
        }
        return text[text.startIndex..<end]
    }
}

private extension StringProtocol {
    /// Without the spaces and U+200B a line break leaves at its end.
    var trimmingTrailingBreakSpace: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let last = scalars.last, last == " " || last == "\u{200B}" || last == "\t" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
