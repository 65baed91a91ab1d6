/// French elided articles and pronouns (`l'`, `d'`, `qu'`, `jusqu'`…) as tokens of their own.
///
/// ICU keeps `l'honneur` as one word (the apostrophe is a mid-word letter joiner, as in
/// English `don't`); French matching needs `l'` + `honneur`, so that `l'honneur` and
/// `l’honneur` and `honneur` share a token. Words such as `aujourd'hui` and `quelqu'un` are
/// not elisions and stay whole. Cost: O(length of the prefix) per word token.
enum FrenchElision {
    /// Elided forms, lower-case, without the apostrophe, with the offsets where their
    /// apostrophe falls (one bit per prefix length, derived from the forms, so a form added
    /// later is found whatever its length).
    struct Prefixes {
        let forms: [[UInt16]]
        let apostropheOffsets: UInt64

        init(_ forms: [String]) {
            self.forms = forms.map { Array($0.utf16) }
            apostropheOffsets = self.forms.reduce(0) { $1.count < 64 ? $0 | 1 << UInt64($1.count) : $0 }
        }
    }

    /// The French elided forms.
    static let french = Prefixes(["l", "d", "qu", "n", "s", "j", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu"])

    /// The UTF-16 length of the elided prefix, apostrophe included, when `word` starts with one
    /// of `prefixes` (the French ones unless told) followed by more letters; nil otherwise.
    static func prefixLength(_ word: Range<Int>, _ units: UnsafeBufferPointer<UInt16>, _ prefixes: Prefixes = french) -> Int? {
        let count = word.count
        guard count >= 3 else { return nil }
        // Most words have no apostrophe where a prefix's would be: look there first.
        var offsets = prefixes.apostropheOffsets
        var apostrophe = false
        while offsets != 0 {
            let offset = offsets.trailingZeroBitCount
            offsets &= offsets - 1
            guard offset < count else { break }
            let u = units[word.lowerBound + offset]
            if u == 0x27 || u == 0x2019 { apostrophe = true; break }
        }
        guard apostrophe else { return nil }
        for prefix in prefixes.forms where prefix.count + 1 < count {
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
