import VerbaleCore

/// The reference line of a new note, written in each note's language from the one `--ref` the
/// drafter types: "លេខ ១២៣/២០២១" gives "No. 123/2021", "N° 123/2021" and "លេខ ១២៣/២០២១".
///
/// Why not the typed text in every note: the reference number is a placeable (its identifier
/// crosses languages), but its label ("No.", "N°", "លេខ", "លេខយោង") is a word of the language
/// it was typed in, and Khmer digits belong to the Khmer note only. The line is rendered like
/// the date line (`PlaceableRendering`): the identifier in the language's digits, the label in
/// the language's word for the same kind (`ReferenceLabel`), no label where none was typed.
/// Text around a recognised reference that is not a label stays as typed; a `--ref` holding
/// no recognisable reference stays as typed. Cost: one placeable scan of the typed text.
struct NoteReference {
    /// The line in one language, and which Verbale-supplied Khmer it holds (nil when none).
    struct Line: Sendable {
        var text: String
        /// Set when Verbale wrote the Khmer label itself: it has no attested source.
        var khmerLabel: String?
    }

    private let tokenizer: Tokenizer

    init() throws(DraftError) {
        do {
            // References are language-neutral placeables; the English recogniser reads every
            // form (Latin or Khmer labels and digits).
            tokenizer = try Tokenizer(language: .english)
        } catch { throw .unreadable("ICU", error.description) }
    }

    func line(_ typed: String, in language: Language) -> Line {
        let scalars = Array(typed.unicodeScalars)
        let references = tokenizer.placeables(in: typed).filter { $0.kind == .reference }
        var output = String.UnicodeScalarView()
        var cursor = 0
        var khmerLabel: String?
        for reference in references where reference.range.lowerBound >= cursor && reference.range.upperBound <= scalars.count {
            var label = ReferenceLabel(placeableText: reference.text, value: reference.value)
            // A label word just before the placeable ("លេខយោង ២០២១/០១/០៤៥", "Ref. No. 12/2021")
            // is part of the reference: a file reference.
            let gap = String(String.UnicodeScalarView(scalars[cursor..<reference.range.lowerBound]))
            var keep = gap
            var labelBefore = false
            if let word = Self.trailingWord(of: gap), let before = ReferenceLabel(word: word.word) {
                label = before == .reference ? .reference : (label ?? before)
                keep = word.rest
                labelBefore = true
            }
            output.append(contentsOf: keep.unicodeScalars)
            var rendered = PlaceableRendering.reference(reference.value, label: label, in: language)
            // A Khmer label the drafter typed ("លេខ​១២៣/២០២១" with U+200B, "លេខៈ", "លេខ៖") is the
            // drafter's wording: the Khmer note keeps it as typed (only the identifier takes
            // Khmer digits), and Verbale credits itself with nothing.
            if language == .khmer, !labelBefore, label != nil, Self.hasKhmerLetter(reference.text) {
                rendered = Digits.khmer(reference.text)
                output.append(contentsOf: rendered.unicodeScalars)
                cursor = reference.range.upperBound
                continue
            }
            if language == .khmer, let label, rendered != reference.text { khmerLabel = label.text(in: .khmer) }
            output.append(contentsOf: rendered.unicodeScalars)
            cursor = reference.range.upperBound
        }
        guard cursor > 0 else { return Line(text: typed, khmerLabel: nil) }
        output.append(contentsOf: scalars[cursor...])
        let text = String(output)
        // The drafter's own Khmer label, typed as the note writes it, is the drafter's wording.
        return Line(text: text, khmerLabel: text == typed ? nil : khmerLabel)
    }

    /// The last word of `gap` (a label is one word, or "Ref. No."'s first word before a
    /// labelled placeable) and what precedes it, when the gap ends in white space or nothing.
    private static func trailingWord(of gap: String) -> (word: String, rest: String)? {
        let scalars = Array(gap.unicodeScalars)
        var end = scalars.count
        while end > 0, Self.space(scalars[end - 1]) { end -= 1 }
        var start = end
        while start > 0, !Self.space(scalars[start - 1]) { start -= 1 }
        guard start < end else { return nil }
        return (String(String.UnicodeScalarView(scalars[start..<end])), String(String.UnicodeScalarView(scalars[0..<start])))
    }

    /// Whether `text` holds a Khmer letter (U+1780–17B3): a label typed in Khmer.
    private static func hasKhmerLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x1780...0x17B3).contains($0.value) }
    }

        private static func space(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}"
    }
}
