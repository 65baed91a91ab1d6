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

/// A run of references read as one list: a first reference or number ("Nos. 12", "លេខ ១២",
/// "12"), then identifiers each after a connective ("and 13", ", 13/2021", "និង ១៣"), a repeated
/// label of the same kind allowed ("No. 12 and No. 13").
///
/// Why read lists and not single placeables: the tokenizer reads "Nos. 12 and 13" as a
/// reference, the word "and" and a number; written one by one into Khmer, the "and" is a word
/// of the English sentence and comes out as the clause "and" (ហើយ) or untranslated, and the
/// label stays singular ("No. 12 និង 13"). Cost: O(number of placeables + length of the gaps).
public struct ReferenceList: Sendable, Hashable {
    /// The items as read, never empty: references and numbers (the first one's text holds the
    /// label as typed, when there is one).
    public var items: [Placeable]
    /// The first item.
    public var first: Placeable { items[0] }
    /// The label of the first item (nil for a bare reference or number).
    public var label: ReferenceLabel?
    /// The identifiers in order, ASCII digits (a reference's value, a number as typed).
    public var identifiers: [String]
    /// Scalars from the first item's start to the last identifier's end.
    public var range: Range<Int>
    /// Whether the last connective was typed as និង (a Khmer list: the connective is the
    /// writer's, not Verbale's).
    public var khmerConnectiveTyped: Bool

    /// Whether running text can be trusted to mean a list here, not a reference followed by a
    /// count ("Note No. 12 and 3 annexes"): a plural label ("Nos.", "N°s"), a Khmer label (Khmer
    /// writes no plural), or items after the first that are references themselves ("Ref.
    /// 12/2021 and 13/2021"). A `--ref` is a reference as a whole and needs no such test.
    public var isUnambiguousInText: Bool {
        guard identifiers.count > 1, let label else { return false }
        return label == .numbers || first.text.unicodeScalars.contains { (0x1780...0x17B3).contains($0.value) }
            || items.dropFirst().allSatisfy { $0.kind == .reference }
    }

    /// Every maximal list in `text`, one per run, in order (a lone reference or number is a
    /// list of one), given the text's placeables as the tokenizer reads them.
    public static func lists(in text: String, placeables: [Placeable]) -> [ReferenceList] {
        let scalars = Array(text.unicodeScalars)
        let items = groupingThousands(placeables.filter { ($0.kind == .reference || $0.kind == .number) && $0.range.upperBound <= scalars.count }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }, in: scalars)
        var lists: [ReferenceList] = []
        var cursor = 0
        for item in items where item.range.lowerBound >= cursor {
            if var list = lists.last, list.range.upperBound == cursor {
                let gap = String(String.UnicodeScalarView(scalars[cursor..<item.range.lowerBound]))
                let itemLabel = item.kind == .reference ? ReferenceLabel(placeableText: item.text, value: item.value) : nil
                if ReferenceConnective.joins(gap), itemLabel == nil || sameKind(itemLabel, list.label) {
                    list.items.append(item)
                    list.identifiers.append(identifier(item))
                    list.range = list.range.lowerBound..<item.range.upperBound
                    list.khmerConnectiveTyped = ReferenceConnective.isKhmer(gap)
                    lists[lists.count - 1] = list
                    cursor = item.range.upperBound
                    continue
                }
            }
            let label = item.kind == .reference ? ReferenceLabel(placeableText: item.text, value: item.value) : nil
            lists.append(ReferenceList(items: [item], label: label, identifiers: [identifier(item)], range: item.range, khmerConnectiveTyped: false))
            cursor = item.range.upperBound
        }
        return lists
    }

    /// A list item's identifier: a reference's value, or a number as typed (ASCII digits).
    private static func identifier(_ item: Placeable) -> String {
        item.kind == .reference ? item.value : Digits.ascii(item.text)
    }

    /// Whether two labels name the same kind (one note number or several count as one kind).
    private static func sameKind(_ a: ReferenceLabel?, _ b: ReferenceLabel?) -> Bool {
        func family(_ label: ReferenceLabel?) -> ReferenceLabel? { label == .numbers ? .number : label }
        return family(a) == family(b)
    }

    /// `items` with a number of one to three digits and the three-digit number one space after
    /// it made one number ("Nos. 1 234 and 1 235": the English recogniser reads a plain space
    /// as no grouping, so "1 235" comes as "1" and "235"), as the reference rule reads "N° 1 234".
    /// O(items).
    private static func groupingThousands(_ items: [Placeable], in scalars: [Unicode.Scalar]) -> [Placeable] {
        func isDigit(_ c: Character) -> Bool { ("0"..."9").contains(c) }
        var merged: [Placeable] = []
        for item in items {
            if var last = merged.last, item.kind == .number, last.range.upperBound + 1 == item.range.lowerBound,
               [" ", "\u{00A0}", "\u{202F}"].contains(scalars[last.range.upperBound]),
               item.text.unicodeScalars.count == 3, item.text.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal }),
               let group = Digits.ascii(last.text).split(whereSeparator: { !isDigit($0) }).last, (1...3).contains(group.count),
               Digits.ascii(last.text).last.map(isDigit) == true {
                last.text += String(scalars[last.range.upperBound]) + item.text
                last.value += " " + Digits.ascii(item.text)
                last.range = last.range.lowerBound..<item.range.upperBound
                merged[merged.count - 1] = last
            } else {
                merged.append(item)
            }
        }
        return merged
    }
}
