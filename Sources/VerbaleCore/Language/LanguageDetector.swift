/// Guesses the language of a text from its script and a few function words, for `--lang`
/// defaults: Khmer script → km; otherwise English unless French is clearly more likely.
/// O(n) over at most the first 4,000 scalars.
public enum LanguageDetector {
    public static func detect(_ text: String) -> Language {
        var khmer = 0, latin = 0
        for scalar in text.unicodeScalars.prefix(4_000) {
            switch scalar.value {
            case 0x1780...0x17FF, 0x19E0...0x19FF: khmer += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            default: break
            }
        }
        if khmer > 0, khmer * 2 >= latin { return .khmer }
        var french = 0, english = 0
        for word in text.prefix(4_000).lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" }) {
            if frenchWords.contains(String(word)) || word.hasPrefix("l'") || word.hasPrefix("d'") || word.hasPrefix("l’") || word.hasPrefix("d’") { french += 1 }
            if englishWords.contains(String(word)) { english += 1 }
        }
        return french >= 2 && french > english * 2 ? .french : .english
    }

    private static let frenchWords: Set<String> = ["le", "la", "les", "des", "du", "et", "à", "au", "aux", "est", "une", "un", "pour", "que", "qui", "dans", "sur", "par", "avec", "ses", "sa", "son", "ce", "cette", "été", "ambassade", "ministère", "honneur"]
    private static let englishWords: Set<String> = ["the", "of", "and", "to", "in", "is", "that", "for", "with", "on", "by", "its", "has", "be", "this", "embassy", "ministry", "honour"]
}
