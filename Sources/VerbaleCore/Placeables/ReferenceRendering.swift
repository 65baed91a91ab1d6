/// How a note labels its reference number, in each language: "No." / "N°" / "លេខ" for a note's
/// number, "Ref." / "Réf." / "លេខយោង" for a file reference, "Nos." / "N°s" / "លេខ" for several.
///
/// Why a kind and not the label's text: a reference is a placeable whose value (the identifier)
/// crosses languages unchanged, while the label is a word of the language around it. Carrying
/// the label verbatim puts "លេខ" into an English note or "No." into a Khmer one; keeping only
/// what the label *means* lets each language write its own word, as dates write their own
/// month names (`PlaceableRendering.date`).
public enum ReferenceLabel: String, Sendable, Hashable, CaseIterable {
    case number
    case numbers
    case reference

    /// The label as `language` writes it before an identifier.
    public func text(in language: Language) -> String {
        switch (self, language) {
        case (.number, .english): "No."
        case (.number, .french): "N°"
        case (.numbers, .english): "Nos."
        case (.numbers, .french): "N°s"
        case (.reference, .english): "Ref."
        case (.reference, .french): "Réf."
        case (.reference, .khmer): "លេខយោង"
        case (.number, .khmer), (.numbers, .khmer): "លេខ"
        }
    }

    /// The label of a reference placeable: its text before the identifier (`value`, whose
    /// digits may be Khmer in `text`), nil for a bare reference ("2021/01/045", "FCO/WED/1/95").
    /// O(length of the text).
    public init?(placeableText text: String, value: String) {
        let ascii = Array(Digits.ascii(text).unicodeScalars)
        let identifier = Array(value.unicodeScalars)
        guard ascii.count > identifier.count, Array(ascii.suffix(identifier.count)) == identifier else { return nil }
        let prefix = String(String.UnicodeScalarView(ascii.dropLast(identifier.count)))
        self.init(word: prefix)
    }

    /// The kind of a label word ("No.", "n°", "№", "N.", "Nos", "N°s", "Réf.:", "លេខ", "លេខៈ",
    /// "លេខ៖", "លេខយោង"),
    /// nil when `word` is none of them.
    public init?(word: String) {
        let trimmed = word.unicodeScalars.filter { !Self.separators.contains($0) }
        let key = String(String.UnicodeScalarView(trimmed)).lowercased()
        switch key {
        case "no", "n", "n°", "nº", "n.°", "№": self = .number
        case "nos", "n°s", "nºs": self = .numbers
        case "ref", "réf", "reference", "référence", "refno", "réfno", "refn°", "réfn°", "លេខយោង": self = .reference
        case "លេខ", "លេខៈ": self = .number
        default: return nil
        }
    }

    /// What may stand between and around a label's letters: spaces (U+200B too), the full
    /// stop after an abbreviation, the colon and the Khmer colon ៖ (U+17D6; the colon-like ៈ
    /// is part of the word "លេខៈ").
    private static let separators: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "\u{200B}", "\t", ".", ":", "\u{17D6}"]
}

extension PlaceableRendering {
    /// A reference identifier (a placeable's value, ASCII digits) written in `language`:
    /// Khmer digits in Khmer, as written otherwise. Letters and separators stay ("AL KHM
    /// 10/2020" → "AL KHM ១០/២០២០"): they are codes, not words. O(length).
    public static func referenceIdentifier(_ value: String, in language: Language) -> String {
        language == .khmer ? Digits.khmer(value) : Digits.ascii(value)
    }

    /// A reference written in `language`: the label's word for that language (none for a bare
    /// reference), a space, the identifier in the language's digits ("No. 123/2021",
    /// "N° 123/2021", "លេខ ១២៣/២០២១").
    public static func reference(_ value: String, label: ReferenceLabel?, in language: Language) -> String {
        let identifier = referenceIdentifier(value, in: language)
        return label.map { $0.text(in: language) + " " + identifier } ?? identifier
    }
}
