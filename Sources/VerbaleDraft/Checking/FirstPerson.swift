import VerbaleCore

/// The first-person words a note verbale must not use of its sender, in each language.
///
/// Why a list per language: a note speaks of its sender in the third person ("the Embassy …
/// its", « l'Ambassade … sa », «ស្ថានទូត»); the usual slip is a sentence adapted from a letter —
/// "we wish", « nous organiserons … à notre ambassade », «ខ្ញុំ​សូម…». The exchange-of-notes
/// formula "between our two Governments" / « entre nos deux Gouvernements » is attested in real
/// notes (`../shared/data/notes`: all 7 "our" of the English notes are "between our states",
/// "between our two Governments" or "representatives of our two governments") and is not a
/// slip: a possessive right after "between"/« entre » or right before "two"/« deux »/"both"/
/// "respective" speaks of both parties, and is allowed.
///
/// Cost: one set lookup per token, and a look at the token before for possessives.
struct FirstPerson {
    private let words: Set<String>
    private let possessives: Set<String>
    private let between: Set<String>
    private let bothParties: Set<String>
    private let language: Language

    init(language: Language) {
        self.language = language
        switch language {
        case .french:
            words = ["je", "j'", "me", "m'", "moi", "nous", "mon", "ma", "mes", "notre", "nos", "nôtre", "nôtres"]
            possessives = ["notre", "nos"]
            between = ["entre"]
            bothParties = ["deux", "respectifs", "respectives"]
        case .khmer:
            // ខ្ញុំ "I", យើង "we" (យើងខ្ញុំ, the formal "we", is the two words).
            words = ["ខ្ញុំ", "យើង"]
            possessives = []
            between = []
            bothParties = []
        default:
            words = ["my", "we", "our", "ours", "us", "me", "myself", "ourselves"]
            possessives = ["our"]
            between = ["between"]
            bothParties = ["two", "both", "respective"]
        }
    }

    /// Whether `tokens[index]` is a first-person word of the sender.
    func isFirstPerson(at index: Int, in tokens: [Token]) -> Bool {
        let token = tokens[index]
        if language == .english, token.text == "I" {
            // "I" followed by a lower-case word; a Roman numeral "I" (Annex I. The …) is not.
            return index + 1 < tokens.count && tokens[index + 1].text.first?.isLowercase == true
        }
        guard words.contains(token.key) else { return false }
        switch token.key {
        case "us" where token.text != "us":
            return false  // "US", the United States
        case "me" where token.text != "me":
            return false  // French « Me Dupont » (Maître), English "ME" (Middle East)
        default:
            break
        }
        if possessives.contains(token.key) {
            let previous = tokens[..<index].last { $0.kind != .punctuation }
            let next = tokens[(index + 1)...].first { $0.kind != .punctuation }
            if let previous, between.contains(previous.key) { return false }
            if let next, bothParties.contains(next.key) { return false }
        }
        return true
    }
}
