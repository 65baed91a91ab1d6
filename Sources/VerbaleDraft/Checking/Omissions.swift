import VerbaleCore

/// Words a formula cannot do without and that drafts drop: "avails of this opportunity" for
/// "avails itself of this opportunity" (en-BWBV0006134-I, where the treaty series' editor
/// notes the missing "itself").
///
/// Why: without the word the closing is not found at all, and the note would be reported as
/// having no closing; restoring it finds the closing and reports the one missing word.
/// Cost: O(t) in the word tokens.
enum Omissions {
    /// (word before, word after) → the missing word between them, by language.
    static let table: [Language: [(before: String, after: String, missing: String)]] = [
        .english: [("avails", "of", "itself"), ("avail", "of", "itself")],
        .french: [],
        .khmer: [],
    ]

    /// Inserts each missing word as an empty token at the gap; returns the inserted indices.
    static func restore(_ tokens: inout [Token], language: Language) -> Set<Int> {
        guard let rules = table[language], !rules.isEmpty else { return [] }
        var inserted: Set<Int> = []
        var i = 0
        while i + 1 < tokens.count {
            if let rule = rules.first(where: { $0.before == tokens[i].key && $0.after == tokens[i + 1].key }) {
                let at = tokens[i].range.upperBound
                tokens.insert(Token(text: "", key: rule.missing, looseKey: rule.missing, range: at..<at, kind: .word), at: i + 1)
                inserted.insert(i + 1)
                i += 2
            } else {
                i += 1
            }
        }
        return inserted
    }
}
