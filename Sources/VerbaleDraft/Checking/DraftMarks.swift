import VerbaleCore

/// Verbale's own drafting marks left in a note: the placeholders `draft new` writes for the
/// parts only the officer can fill ("[subject]", « [objet] », "[កម្មវត្ថុ]", "[Body of the note:
/// …]", "[number]", "[date]"…), the "[untranslated: …]" of a name `draft new` could not render,
/// the ⟦…⟧ around what `draft translate` left in the source language, and the "[unreviewed]" and
/// "[as typed]" marks on lines and segments, and the lines of `draft translate`'s text report
/// (its heading and segment table) when the report itself was saved as the note.
///
/// Why (review 1201a): `check` is the last step before a note is sent, and it passed `draft
/// new`'s skeleton as it was printed — "…has the honour to inform [subject]." and "[Body of the
/// note: facts, request, enclosures.]" gave "0 error(s), 0 warning(s)", as did a pre-translation
/// still holding ⟦…⟧. An unfilled placeholder or an untranslated part is an error (the note is
/// not finished); a provenance mark is a warning (the wording needs a reviewer, then the mark
/// goes).
///
/// Only Verbale's exact marks are looked for, so the editorial brackets real notes carry
/// ("[Red: niet opgenomen.]", "[MINBUZA-2015.347234]", "[...]") are never reported. Cost: one
/// pass over the text per mark kind, O(n · marks).
enum DraftMarks {
    struct Mark: Equatable {
        var range: Range<Int>
        var code: String
        var severity: Finding.Severity
        var message: String
        var suggestion: String
    }

    /// The placeholders `draft new` writes (`NoteComposer.placeholder` and the reply formula's
    /// "[number]"/« [numéro] » and "[date]"), in every language: a French note can hold an
    /// English placeholder pasted from the English draft.
    static let placeholders: [String] = {
        var all: [String] = []
        for what in ["subject", "body", "place", "date"] {
            for language in Language.allCases { all.append(NoteComposer.placeholder(what, language)) }
        }
        all += ["[number]", "[numéro]", "[លេខ]"]
        var seen = Set<String>()
        return all.filter { seen.insert($0).inserted }.sorted { $0.count > $1.count }
    }()

    /// Provenance marks `draft new`, `draft translate` and `suggest` append to text they print.
    static let provenanceMarks = ["[unreviewed]", "[as typed]"]

    /// Every mark in `scalars`, in order of position.
    static func find(in scalars: [Unicode.Scalar]) -> [Mark] {
        var marks: [Mark] = []
        for placeholder in placeholders {
            for start in EditorialMarkup.starts(of: Array(placeholder.unicodeScalars), in: scalars) {
                marks.append(Mark(range: start..<(start + placeholder.unicodeScalars.count), code: "draft-placeholder", severity: .error,
                                  message: "the placeholder \"\(placeholder)\" from `draft new` is still in the note",
                                  suggestion: "replace it with the note's own text"))
            }
        }
        for (open, close, label) in [("[untranslated: ", "]", "a name Verbale could not translate"),
                                     ("⟦", "⟧", "a part `draft translate` left in the source language")] {
            let closeScalar = Array(close.unicodeScalars)[0]
            for start in EditorialMarkup.starts(of: Array(open.unicodeScalars), in: scalars) {
                var end = start + open.unicodeScalars.count
                while end < scalars.count, scalars[end] != closeScalar, scalars[end] != "\n" { end += 1 }
                let upper = end < scalars.count && scalars[end] == closeScalar ? end + 1 : end
                let quoted = String(String.UnicodeScalarView(scalars[start..<upper]))
                marks.append(Mark(range: start..<upper, code: "draft-untranslated", severity: .error,
                                  message: "\(quoted): \(label) is still in the note",
                                  suggestion: "translate it, or write the name as the recipient writes it"))
            }
        }
        for mark in provenanceMarks {
            for start in EditorialMarkup.starts(of: Array(mark.unicodeScalars), in: scalars) {
                marks.append(Mark(range: start..<(start + mark.unicodeScalars.count), code: "draft-mark", severity: .warning,
                                  message: "Verbale's mark \"\(mark)\" is still in the note",
                                  suggestion: "have the wording reviewed, then delete the mark"))
            }
        }
        for line in reportLines(in: scalars) {
            let quoted = String(String.UnicodeScalarView(scalars[line].prefix(40))) + (line.count > 40 ? "…" : "")
            marks.append(Mark(range: line, code: "draft-report", severity: .error,
                              message: "a line of `draft translate`'s report (\"\(quoted)\") is in the note",
                              suggestion: "delete the line: the report is not part of the note (`draft translate --output F` writes the note alone)"))
        }
        return marks.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The lines of `draft translate`'s text report (`PretranslationRendering.text`) in
    /// `scalars`: a target's heading "=== en (English) — 75% of segments fully translated ===",
    /// the table heading "--- segments (score, method, flags) ---" and a table row "[3] 99%
    /// phrases name,unreviewed". Why (review 1201b m8): standard output saved as the note
    /// (`> en.txt`) passed `check` with only its ⟦…⟧ flagged, and the report would have gone out
    /// with the note. Only the report's exact shapes are matched — a heading names one of
    /// Verbale's languages as the report writes it, a row is a bracketed number, a percentage
    /// and one lowercase method word, then at most comma-separated lowercase flags — so a note's
    /// own "[1] 10% of the budget…" or "=== Annex ===" is never reported. Cost: O(n).
    static func reportLines(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var start = 0
        while start <= scalars.count {
            var end = start
            while end < scalars.count, scalars[end] != "\n" { end += 1 }
            var upper = end
            if upper > start, scalars[upper - 1] == "\r" { upper -= 1 }
            if isReportLine(String(String.UnicodeScalarView(scalars[start..<upper]))) { found.append(start..<upper) }
            start = end + 1
        }
        return found
    }

    static func isReportLine(_ line: String) -> Bool {
        if line == PretranslationRendering.tableHeading { return true }
        if line.hasPrefix("=== "), line.hasSuffix(" ==="), line.contains("% of segments fully translated") {
            return Language.allCases.contains { line.hasPrefix("=== \($0.rawValue) (\($0.englishName)) — ") }
        }
        return isTableRow(line)
    }

    /// "[N] S% method flags": digits in brackets, a percentage of at most three digits, a
    /// lowercase method word, and an optional space followed by lowercase flags and commas.
    private static func isTableRow(_ line: String) -> Bool {
        let fields = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count >= 3, fields.count <= 4 else { return false }
        let index = fields[0], score = fields[1], method = fields[2]
        guard index.count > 2, index.first == "[", index.last == "]",
              index.dropFirst().dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        guard score.count >= 2, score.count <= 4, score.last == "%",
              score.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        guard !method.isEmpty, method.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        guard fields.count == 4 else { return true }
        return fields[3].allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "," || $0 == "-" }
    }
}
