import VerbaleCore

/// Whether an opening goes on to state its purpose: "… presents its compliments to X and has
/// the honour to …", or, as real notes also write, "… and acknowledges receipt of …", "… and
/// refers the Ministry to …", « … et, se référant à … ».
///
/// Why: the real notes state the purpose both ways (en-BWBV0006361-II, en-BWBV0006551-I/II,
/// fr-BWBV0005258-II use the plain verb); only an opening that does neither deserves the
/// `missing-honour` warning. Cost: O(w) over a window of w = 60 word tokens.
enum OpeningContinuation {
    /// Words that carry the honour, as loose keys (without Latin diacritics).
    static let honourWords: Set<String> = ["honour", "honor", "honneur", "l'honneur", "កិត្តិយស"]
    /// Third-person purpose verbs that can follow "and"/"et" directly after the recipient.
    static let purposeVerbs: [Language: Set<String>] = [
        .english: ["acknowledges", "refers", "informs", "requests", "transmits", "proposes", "encloses", "notifies", "confirms", "wishes"],
        .french: ["accuse", "informe", "transmet", "propose", "prie", "confirme", "souhaite", "referant", "refere", "reporte"],
    ]

    static func saysHonourOrPurpose(_ tokens: [Token], after index: Int, language: Language) -> Bool {
        let window = tokens[min(index, tokens.count)..<min(index + 60, tokens.count)]
        if window.contains(where: { honourWords.contains($0.looseKey) || $0.looseKey.hasSuffix("honneur") }) { return true }
        guard let verbs = purposeVerbs[language] else { return false }
        let conjunction = language == .french ? "et" : "and"
        let words = Array(window.prefix(40))
        for (i, word) in words.enumerated() where word.looseKey == conjunction && i + 1 < words.count {
            // « et, se référant à … »: the reflexive pronoun comes first.
            let next = words[i + 1].looseKey == "se" && i + 2 < words.count ? words[i + 2] : words[i + 1]
            if verbs.contains(next.looseKey) { return true }
        }
        return false
    }
}
