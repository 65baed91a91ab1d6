/// The formal name in running order of an iso-codes entry that has only a sorted comma form:
/// "Korea, Republic of" → "Republic of Korea", « Corée, République de » → « République de
/// Corée », and a Khmer name composed for it.
///
/// Why: iso-codes gives the Republic of Korea no `official_name`, only the sorted `name`
/// "Korea, Republic of", so the countries termbase had no "Republic of Korea" — the name the
/// real notes write (`shared/data/notes/en-BWBV0001958-I` and `-II`, 9 times: "the Ministry of
/// Foreign Affairs of the Republic of Korea") — and « République de Corée » in a French note was
/// not read as a country at all. Its Khmer comma form, កូរ៉េ សាធារណរដ្ឋ​នៃរ៉េ, is garbled (the
/// catalogue's "Korea" + "Republic" + "of" + a stray syllable រ៉េ) and already doubted.
///
/// Only the form "X, Y of" with no official name is read (in iso-codes 4.15, Korea alone):
/// "Congo, The Democratic Republic of the" and "Saint Helena, Ascension and Tristan da Cunha"
/// are not. The English and French are the catalogue's own words, reordered. The Khmer is
/// composed, so it is unreviewed: the catalogue's state word for the English form of state
/// (`KhmerStateForms`: សាធារណរដ្ឋ for "Republic", written so in 84 of its formal names) before
/// the catalogue's own word for the country (the first word of its comma form, កូរ៉េ), kept only
/// when CLDR's Khmer name for the same country begins with that word (កូរ៉េខាងត្បូង) — two
/// sources agree on the country's word, none writes the whole name.
enum RunningOrderNames {
    /// "Republic of Korea" for "Korea, Republic of"; nil unless `name` is "X, Y of".
    static func english(_ name: String) -> String? {
        guard let (head, tail) = split(name), tail.hasSuffix(" of") else { return nil }
        return tail + " " + head
    }

    /// « République de Corée » for « Corée, République de »; nil unless the tail ends in « de »
    /// and the head starts with a consonant (before a vowel « de » elides, and the reordering
    /// would have to guess the elision).
    static func french(_ name: String) -> String? {
        guard let (head, tail) = split(name), tail.hasSuffix(" de"),
              let first = head.first, !"AEIOUYÉÈÊÎÏaeiouyéèêîï".contains(first) else { return nil }
        return tail + " " + head
    }

    /// សាធារណរដ្ឋ​កូរ៉េ for "Korea, Republic of", the catalogue's comma form កូរ៉េ សាធារណរដ្ឋ​នៃរ៉េ
    /// and CLDR's កូរ៉េខាងត្បូង; nil unless the English form of state is one state word and the
    /// comma form's first word begins CLDR's name. Words joined with U+200B, as the catalogue
    /// joins them.
    static func khmer(english name: String, catalogueComma: String, cldr: String) -> String? {
        guard let (_, tail) = split(name), tail.hasSuffix(" of") else { return nil }
        let form = Set(tail.dropLast(" of".count).split(separator: " ").map(String.init))
        guard let word = KhmerStateForms.words.first(where: { $0.english.contains { Set($0) == form } }),
              let head = catalogueComma.split(separator: " ").first.map(String.init),
              !head.isEmpty, KhmerNameDoubts.key(cldr).hasPrefix(KhmerNameDoubts.key(head)) else { return nil }
        return word.khmer + "\u{200B}" + KhmerNameDoubts.key(head)
    }

    /// Why the composed Khmer name is unreviewed (its usage note).
    static func khmerNote(english name: String, catalogueComma: String, composed: String) -> String {
        "unreviewed: composed by Verbale for “\(english(name) ?? name)”, which iso-codes gives only as “\(name)”: the catalogue’s "
            + "state word and its word for the country (the first of “\(catalogueComma)”, whose rest is garbled), which CLDR’s name "
            + "also begins with; no source here writes \(composed.replacingOccurrences(of: "\u{200B}", with: "")) whole"
    }

    /// ("Korea", "Republic of") for "Korea, Republic of": the text around its one ", ".
    private static func split(_ name: String) -> (head: String, tail: String)? {
        let parts = name.components(separatedBy: ", ")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (parts[0], parts[1])
    }
}
