/// French elided articles and pronouns (`l'`, `d'`, `qu'`, `jusqu'`…) as tokens of their own.
///
/// ICU keeps `l'honneur` as one word (the apostrophe is a mid-word letter joiner, as in
/// English `don't`); French matching needs `l'` + `honneur`, so that `l'honneur` and
/// `l’honneur` and `honneur` share a token. Words such as `aujourd'hui` and `quelqu'un` are
/// not elisions and stay whole. Cost: O(length of the prefix) per word token.
enum FrenchElision {
    /// The elided forms, lower-case, without the apostrophe.
    static let prefixes: [[UInt16]] = ["l", "d", "qu", "n", "s", "j", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu"].map { Array($0.utf16) }

    /// The UTF-16 length of the elided prefix, apostrophe included, when `word` starts with one
    /// followed by more letters; nil otherwise.
    static func prefixLength(_ word: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> Int? {
        let count = word.count
        guard count >= 3 else { return nil }
        // Every prefix is 1, 2, 5 or 6 units long: most words have no apostrophe there.
        let isApostrophe = { (offset: Int) in
            offset < count && (units[word.lowerBound + offset] == 0x27 || units[word.lowerBound + offset] == 0x2019)
        }
        guard isApostrophe(1) || isApostrophe(2) || isApostrophe(5) || isApostrophe(6) else { return nil }
        for prefix in prefixes where prefix.count + 1 < count {
            let apostrophe = units[word.lowerBound + prefix.count]
            guard apostrophe == 0x27 || apostrophe == 0x2019 else { continue }
            var equal = true
            for (j, letter) in prefix.enumerated() {
                let u = units[word.lowerBound + j]
                if u != letter && u != letter - 0x20 { equal = false; break }
            }
            if equal { return prefix.count + 1 }
        }
        return nil
    }
}
