import VerbaleCore

/// Whether a one-word proper name the termbase knows is, in this text, a person's first name:
/// "contact Chad Smith or Jordan Lee" names two people, not Chad and Jordan (review 1130d m6:
/// `draft translate` wrote « Tchad ⟦Smith or⟧ Jordanie ⟦Lee…⟧ »).
///
/// The sign: the name is directly followed (spaces only, no punctuation or line break) by
/// another capitalised word that starts no term of the termbase — a surname. Not a person:
/// - a name of several words ("Sri Lanka", "United Kingdom Government");
/// - a name after an article ("the Netherlands Government", « du Tchad Mahamat ») or "Royal"
///   ("the Royal Netherlands Government"): a first name takes neither;
/// - a next word that starts a term ("Netherlands Embassy": "embassy" is a term) — a known
///   name or noun, not a surname;
/// - text in capitals ("CHAD SMITH" could be a heading; nothing tells), and Khmer (no case).
/// A title before the name ("Mr. Jordan Lee") already makes the whole a person's name for
/// privacy; the surname test covers the name without one. Measured on the 206 real notes and
/// Europarl EN/FR (`PersonNameGuardTests`), country mentions before → after: notes EN 2317 →
/// 2314, notes FR 208 → 208, Europarl EN 1549 → 1545, Europarl FR 1470 → 1469. Of the 8
/// dropped, four are not the country ("Netherlands Antilles", "Mexico City", "China Business
/// School", "France Telecom") and four are, in names or title-case headings ("Algeria
/// Concerning the Settlement…", "Barbados Building", "Norway Schengen", "Slovakia Joint
/// Committee"): the price of the rule.
/// Cost: on a one-word proper-noun hit only, a look at the next piece and one hash probe.
extension Termbase {
    /// Words a country name follows and a first name does not (loose keys: lower case): the
    /// articles, French contractions, and "Royal" ("the Royal Netherlands Government", 1 of
    /// the 5 mentions the rule dropped in the real notes without it).
    static let articlesBeforeNames: Set<String> = ["the", "le", "la", "l", "les", "du", "au", "aux", "des", "royal"]

    func isPersonFirstName(_ term: Term, match: ClosedRange<Int>, pieces: RecognitionPieces, text scalars: [Unicode.Scalar]) -> Bool {
        guard term.partOfSpeech == "properNoun", match.count == 1, match.upperBound + 1 < pieces.count else { return false }
        let name = scalars[pieces.ranges[match.lowerBound]]
        guard Self.isCapitalised(name) else { return false }
        let next = match.upperBound + 1
        let surname = scalars[pieces.ranges[next]]
        let gap = scalars[pieces.ranges[match.upperBound].upperBound..<pieces.ranges[next].lowerBound]
        guard !gap.isEmpty, gap.allSatisfy({ $0 == " " || $0 == "\u{A0}" }), Self.isCapitalised(surname) else { return false }
        if match.lowerBound > 0 {
            let before = String(String.UnicodeScalarView(pieces.key(match.lowerBound - 1).compactMap(Unicode.Scalar.init)))
            if Self.articlesBeforeNames.contains(before) { return false }
        }
        var hash = KeyHash()
        hash.appendToken(pieces.key(next))
        return exactHashes[hash.value] == nil && !viablePrefixes.contains(hash.value)
    }

    /// A Latin word written with a capital and then small letters ("Chad", not "CHAD", "chad").
    static func isCapitalised(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = word.first, first.properties.isUppercase, first.properties.isAlphabetic,
              !TermKeyer.isKhmer(first) else { return false }
        return word.dropFirst().contains { $0.properties.isLowercase }
    }
}
