/// The words that join the identifiers of a reference list ("Nos. 12 and 13", "N°s 12 et 13",
/// "លេខ ១២ និង ១៣"), read in any of the three languages and written in one.
///
/// Why a connective is rendered and not carried: like a label (`ReferenceLabel`) it is a word
/// of the language it was typed in, so "and" pasted into a French or Khmer note is English in
/// the middle of the note. Only the identifiers cross languages.
///
/// The Khmer "and" is និង: it joins the parts of attested Khmer names in
/// `../shared/data/glossary/sourced-terms.tsv` ("ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ",
/// Ministry of Foreign Affairs *and* International Cooperation; "ក្រុមប្រឹក្សាសេដ្ឋកិច្ច និងសង្គម",
/// Economic *and* Social Council) and joins numbers after one label in the khPOS corpus
/// (`../shared/data/khmer/khpos-train-sample.word`, line 852: "មាត្រា ៤៥៦ និង ៤៥៧", articles 456
/// and 457; line 90: "ថ្ងៃទី ១៧ និង ១៨ ខែមិនា", 17 and 18 March). A longer Khmer list puts a comma
/// between the first items and និង before the last (khPOS line 49: "អង្គការ … , … , និង …"); the
/// ideographic comma 、 is read but never written (no Khmer text at hand uses it). None of these
/// is a note verbale, so a Khmer connective Verbale writes itself stays unreviewed.
public enum ReferenceConnective {
    /// The word before the last identifier in `language`.
    public static func and(in language: Language) -> String {
        switch language {
        case .english: "and"
        case .french: "et"
        case .khmer: "និង"
        }
    }

    /// Whether `gap` (the text between two identifiers) joins them as a list: a comma (`,`,
    /// `、`, Khmer text's `,` too), a joining word (`and`, `&`, `et`, `និង`), or a comma then a
    /// word (", and", the serial comma), with any spaces (U+200B too) around them. O(length).
    public static func joins(_ gap: String) -> Bool {
        var rest = trimmed(gap)
        if let first = rest.unicodeScalars.first, first == "," || first == "、" {
            rest = trimmed(String(rest.unicodeScalars.dropFirst()))
            if rest.isEmpty { return true }
        }
        return words.contains(rest.lowercased())
    }

    /// Whether `gap` joins with the Khmer word និង: a Khmer list typed by the drafter, whose
    /// connective is the drafter's wording and not Verbale's.
    public static func isKhmer(_ gap: String) -> Bool {
        trimmed(gap).hasSuffix("និង")
    }

    private static let words: Set<String> = ["and", "&", "et", "និង"]

    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}"
    }
}

extension PlaceableRendering {
    /// Identifiers (ASCII digits, as placeable values are) written as a list in `language`:
    /// "12 and 13", "12, 13 and 14"; "12 et 13"; "១២ និង ១៣", "១២, ១៣ និង ១៤" (no serial comma in
    /// any of the three). One identifier is written alone. O(total length).
    public static func referenceList(_ identifiers: [String], in language: Language) -> String {
        let written = identifiers.map { referenceIdentifier($0, in: language) }
        guard let last = written.last else { return "" }
        guard written.count > 1 else { return last }
        return written.dropLast().joined(separator: ", ") + " " + ReferenceConnective.and(in: language) + " " + last
    }

    /// A labelled list of references in `language`: "Nos. 12 and 13", "N°s 12 et 13",
    /// "លេខ ១២ និង ១៣". A note-number label (`number`) over several identifiers becomes the
    /// plural label (`numbers`): "No. 12 and 13" is not English, "N° 12 et 13" is the singular
    /// over a plural. No label where none was typed.
    public static func references(_ identifiers: [String], label: ReferenceLabel?, in language: Language) -> String {
        let list = referenceList(identifiers, in: language)
        let kind = identifiers.count > 1 && label == .number ? .numbers : label
        return kind.map { $0.text(in: language) + " " + list } ?? list
    }
}
