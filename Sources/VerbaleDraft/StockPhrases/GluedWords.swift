import VerbaleCore

/// Splits word tokens that PDF-to-text conversion glued at a full stop ("consideration.The",
/// "considération.Budapest"): UAX #29 keeps letters around "." together (as in "e.g"), which
/// hides the formula before the stop. Abbreviations with one-letter parts ("U.S.") stay whole.
///
/// Cost: O(n) over the tokens; only tokens containing "." are rebuilt.
enum GluedWords {
    static func split(_ tokens: [Token]) -> [Token] {
        guard tokens.contains(where: { $0.kind == .word && $0.text.contains(".") }) else { return tokens }
        var result: [Token] = []
        result.reserveCapacity(tokens.count + 8)
        for token in tokens {
            guard token.kind == .word, token.text.contains(".") else { result.append(token); continue }
            let pieces = token.text.split(separator: ".", omittingEmptySubsequences: false)
            guard pieces.count > 1, pieces.allSatisfy({ $0.count >= 2 }) else { result.append(token); continue }
            var offset = token.range.lowerBound
            for (index, piece) in pieces.enumerated() {
                let text = String(piece)
                let length = text.unicodeScalars.count
                let key = Normalizer.key(text)
                result.append(Token(text: text, key: key, looseKey: Normalizer.stripLatinDiacritics(key),
                                    range: offset..<(offset + length), kind: .word))
                offset += length
                if index < pieces.count - 1 {
                    result.append(Token(text: ".", key: ".", looseKey: ".", range: offset..<(offset + 1), kind: .punctuation))
                    offset += 1
                }
            }
        }
        return result
    }
}
