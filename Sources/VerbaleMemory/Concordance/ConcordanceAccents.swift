import VerbaleCore

/// The accent-insensitive second pass of concordance (review 30 Nov, m8): translators type
/// French without accents on QWERTY keyboards (`Ministere`, `etrangeres`), and a concordance
/// that finds `ministère` only when typed with its accent found nothing at all.
///
/// How: the index keeps the words as written (lower-cased, accents kept), and nothing is added
/// to it — an import pays nothing. Only when the exact pass finds no text, each Latin word of
/// the query is folded (its Latin diacritics removed: `Normalizer.stripLatinDiacritics`) and
/// expanded at query time into the spellings French and other Latin-script languages give it
/// (`ministere` → `ministere`, `ministére`, `ministère`, `ministêre`, `ministëre`, `mînistere`…),
/// each looked up in the FTS5 term index as one OR group. Hits are then marked and ranked on
/// folded words. Khmer words are searched as typed: Khmer vowel signs, subscripts and other marks
/// are letters of the word, not diacritics (only U+0300–U+036F are removed, and only from Latin
/// words), so a Khmer query never widens.
///
/// Cost: nothing on the exact path; on a miss, one FTS5 query whose OR groups hold at most
/// `budget` spellings per word (one term-dictionary probe each) and one fold per candidate word.
/// Limit: the spelling sets are cut to the common French accents when a long word would need more
/// than `budget` spellings (`développement` folded has 4 e's and an o: every é/è/ê/ë × ô is
/// 2,500; with é, è for e and none elsewhere it is 81), so a rare accent on a long word
/// (`ë`, `ô` beside many e's) may be missed.
enum ConcordanceAccents {
    /// At most this many spellings of one query word are looked up.
    static let budget = 256

    /// The accented letters each base letter may be written with, most complete first.
    static let tiers: [[Character: [Character]]] = [
        ["a": ["à", "â", "ä"], "c": ["ç"], "e": ["é", "è", "ê", "ë"], "i": ["î", "ï"], "o": ["ô", "ö"], "u": ["ù", "û", "ü"], "y": ["ÿ"], "n": ["ñ"]],
        ["a": ["à", "â"], "c": ["ç"], "e": ["é", "è", "ê"], "i": ["î"], "o": ["ô"], "u": ["û"]],
        ["c": ["ç"], "e": ["é", "è"]],
        ["e": ["é"]],
    ]

    /// `key` (an index key: lower-cased) without Latin diacritics; Khmer and other scripts as they
    /// are. ASCII costs one scan; other keys one NFD/NFC round trip.
    static func folded(_ key: String) -> String {
        key.utf8.allSatisfy { $0 < 0x80 } ? key : Normalizer.stripLatinDiacritics(key)
    }

    /// The spellings of the folded word `base` to look up: itself and its accented forms, within
    /// `budget`; only `base` when it holds anything but ASCII letters (a Khmer word, a number with
    /// letters beyond ASCII) or has no letter that takes an accent.
    static func spellings(of base: String) -> [String] {
        guard !base.isEmpty, base.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) else { return [base] }
        for tier in tiers {
            var count = 1
            for character in base { count *= 1 + (tier[character]?.count ?? 0); if count > budget { break } }
            guard count <= budget else { continue }
            var spellings = [""]
            for character in base {
                let options = [character] + (tier[character] ?? [])
                spellings = spellings.flatMap { prefix in options.map { prefix + String($0) } }
            }
            return spellings
        }
        return [base]
    }

    /// The FTS5 query for `words` (index keys): each word an OR group of its spellings, the groups
    /// joined by AND; nil when no word gains a spelling (the exact pass already asked it all).
    static func match(_ words: [String]) -> String? {
        var widened = false
        let groups = words.map { word -> String in
            let base = folded(word)
            let spellings = spellings(of: base)
            if spellings != [word] { widened = true }
            return "(" + spellings.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " OR ") + ")"
        }
        return widened ? groups.joined(separator: " AND ") : nil
    }
}
