import VerbaleCore

/// The reference line of a new note, written in each note's language from the one `--ref` the
/// drafter types: "លេខ ១២៣/២០២១" gives "No. 123/2021", "N° 123/2021" and "លេខ ១២៣/២០២១";
/// "Nos. 12 and 13" gives "Nos. 12 and 13", "N°s 12 et 13" and "លេខ ១២ និង ១៣".
///
/// Why not the typed text in every note: the reference number is a placeable (its identifier
/// crosses languages), but its label ("No.", "N°", "លេខ", "លេខយោង") and the words joining a list
/// ("and", "et", "និង") are words of the language they were typed in, and Khmer digits belong
/// to the Khmer note only. The line is rendered like the date line (`PlaceableRendering`): the
/// identifiers in the language's digits, the label in the language's word for the same kind
/// (`ReferenceLabel`; plural over several numbers), the language's connective
/// (`ReferenceConnective`), no label where none was typed.
///
/// Why anything else keeps the whole line as typed, flagged, in every note (and not a partial
/// rendering): words Verbale cannot account for ("12 (draft)", "No. 12 bis", "Our note 45")
/// have no rendering Verbale can vouch for, and translating the parts around them gives a line
/// nobody wrote ("លេខ ១២ bis": Verbale's Khmer label, the drafter's Latin word). The line as
/// typed is at least the drafter's own wording; `unrendered` names the words so the note says
/// `[as typed]`, `--json` carries `asTyped`, and `draft new` warns on stderr. Refusing instead
/// would cost the drafter the rest of the skeleton for a line they must edit anyway.
/// Cost: one placeable scan of the typed text.
struct NoteReference {
    /// The line in one language, and which Verbale-supplied Khmer it holds.
    struct Line: Sendable {
        var text: String
        /// Set when Verbale wrote the Khmer label itself: it has no attested source.
        var khmerLabel: String?
        /// Set when Verbale wrote the Khmer connective (និង) itself: no note attests it.
        var khmerConnective: String? = nil
        /// The typed words Verbale could not place in a reference; when any, `text` is the line
        /// exactly as typed.
        var unrendered: [String] = []
    }

    /// What a typed reference holds.
    struct Reading: Sendable, Equatable {
        var label: ReferenceLabel?
        /// The first reference as typed, when its label is Khmer the drafter typed (the Khmer
        /// note keeps it, digits made Khmer).
        var khmerTypedFirst: String?
        /// The identifiers, ASCII digits, in order.
        var identifiers: [String]
        /// Whether the list's last connective was typed as និង.
        var khmerConnectiveTyped: Bool
        /// Typed words that are neither label, identifier nor connective.
        var unrendered: [String]
    }

    private let tokenizer: Tokenizer

    init() throws(DraftError) {
        do {
            // References are language-neutral placeables; the English recogniser reads every
            // form (Latin or Khmer labels and digits).
            tokenizer = try Tokenizer(language: .english)
        } catch { throw .unreadable("ICU", error.description) }
    }

    /// Reads `typed` as a label (optional), then identifiers joined by connectives
    /// (`ReferenceList`); whatever does not fit that shape, from the first word that breaks
    /// it, is `unrendered`.
    func read(_ typed: String) -> Reading {
        let scalars = Array(typed.unicodeScalars)
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        guard let list = ReferenceList.lists(in: typed, placeables: tokenizer.placeables(in: typed)).first else {
            return Reading(label: nil, khmerTypedFirst: nil, identifiers: [], khmerConnectiveTyped: false, unrendered: Self.words(typed))
        }
        var label = list.label
        // A label word just before the placeable ("លេខយោង ២០២១/០១/០៤៥", "Ref. No. 12/2021")
        // is part of the reference: a file reference.
        var lead = text(0..<list.range.lowerBound)
        var labelBefore = false
        if let word = Self.trailingWord(of: lead), let before = ReferenceLabel(word: word.word) {
            label = before == .reference ? .reference : (label ?? before)
            lead = word.rest
            labelBefore = true
        }
        // A Khmer label the drafter typed ("លេខ​១២៣/២០២១" with U+200B, "លេខៈ", "លេខ៖") is the
        // drafter's wording: the Khmer note keeps it.
        let khmerTypedFirst = !labelBefore && list.label != nil && Self.hasKhmerLetter(list.first.text) ? list.first.text : nil
        return Reading(label: label, khmerTypedFirst: khmerTypedFirst, identifiers: list.identifiers, khmerConnectiveTyped: list.khmerConnectiveTyped,
                       unrendered: Self.words(lead) + Self.words(text(list.range.upperBound..<scalars.count)))
    }

    func line(_ typed: String, in language: Language) -> Line {
        let reading = read(typed)
        guard reading.unrendered.isEmpty, let firstIdentifier = reading.identifiers.first else {
            return Line(text: typed, khmerLabel: nil, unrendered: reading.unrendered)
        }
        var text = PlaceableRendering.references(reading.identifiers, label: reading.label, in: language)
        var khmerLabel: String?
        var khmerConnective: String?
        if language == .khmer {
            if let typedFirst = reading.khmerTypedFirst {
                if !typed.unicodeScalars.contains(where: { $0.properties.isAlphabetic && $0.isASCII }) {
                    // All Khmer (label, និង, commas, U+200B as typed): the drafter's line, digits made Khmer.
                    text = Digits.khmer(typed.trimmingCharacters(in: .whitespaces))
                } else {
                    // The drafter's label as typed, then the rest of the list in Khmer.
                    let list = PlaceableRendering.referenceList(reading.identifiers, in: .khmer)
                    text = Digits.khmer(typedFirst) + String(list.dropFirst(PlaceableRendering.referenceIdentifier(firstIdentifier, in: .khmer).count))
                }
            } else if let label = reading.label {
                khmerLabel = label.text(in: .khmer)
            }
            if reading.identifiers.count > 1, !reading.khmerConnectiveTyped { khmerConnective = ReferenceConnective.and(in: .khmer) }
            // What the drafter typed, as the Khmer note writes it, is the drafter's wording.
            if text == Digits.khmer(typed.trimmingCharacters(in: .whitespaces)) { khmerLabel = nil; khmerConnective = nil }
        }
        return Line(text: text, khmerLabel: khmerLabel, khmerConnective: khmerConnective)
    }

    /// The words of `text` (split at spaces, U+200B too).
    private static func words(_ text: String) -> [String] {
        text.unicodeScalars.split(whereSeparator: space).map { String(String.UnicodeScalarView($0)) }
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
