extension LatinWordBreaks {
    /// Strings on which ICU versions and tailorings differ, or on which a mistake in the classes
    /// would show: `@` (ALetter since ICU 72), `:` (not MidLetter in ICU), each mid class between
    /// letters and between digits, `_`, typographic apostrophes and the separators.
    static let probes: [String] = [
        "a@b", "info@mfa.gov.kh", "a:b", "12:30", "a.b", "U.N.", "1.5", "1.a", "a.1", "1,5", "a,b", "1;2", "a;b",
        "a'b", "a'1", "1'000", "l’été", "‘x’", "a·b", "1·2", "a_1", "_x_", "co-operation", "a\u{00A0}b", "a\u{202F}1",
        "x\u{200B}y", "«Œuvre»", "a–b…c", "€5",
    ]

    /// Whether the fast path's pieces equal the linked ICU's on every probe: computed once per
    /// process (one word break iterator and ~30 short texts, well under a millisecond).
    /// False — the tokenizer then takes the ICU engine — when ICU is not ICU 72's word.txt in
    /// these respects, or when no word break iterator can be opened.
    static let agreesWithLinkedICU: Bool = {
        guard let words = try? BreakIterator(.word, locale: "en") else { return false }
        return disagreements(probes, words: words).isEmpty
    }()

    /// The probes whose pieces differ between `fast` (the fast path unless a test injects
    /// another) and ICU's boundaries from `words`, split at separators as the tokenizer does.
    static func disagreements(_ probes: [String], words: BreakIterator,
                              fast: ([UInt16]) -> [Range<Int>]? = fastPieces) -> [String] {
        probes.filter { probe in
            let units = Array(probe.utf16)
            return fast(units) != icuPieces(units, words: words)
        }
    }

    /// The fast path's pieces of `units`, or nil when it declines them.
    static func fastPieces(_ units: [UInt16]) -> [Range<Int>]? {
        var result: [Range<Int>] = []
        let done = units.withUnsafeBufferPointer { pieces($0, into: &result) }
        return done ? result : nil
    }

    /// ICU's pieces of `units`: the runs of non-separators between ICU word boundaries.
    static func icuPieces(_ units: [UInt16], words: BreakIterator) -> [Range<Int>] {
        var positions: [Int32] = []
        var result: [Range<Int>] = []
        units.withUnsafeBufferPointer { buffer in
            let count = words.boundaryOffsets(units: buffer, into: &positions)
            var start = 0
            for n in 0..<count {
                let end = Int(positions[n])
                var pieceStart = start
                for i in start..<end where TextSpaces.isSeparator(buffer[i]) {
                    if i > pieceStart { result.append(pieceStart..<i) }
                    pieceStart = i + 1
                }
                if end > pieceStart { result.append(pieceStart..<end) }
                start = end
            }
        }
        return result
    }
}
