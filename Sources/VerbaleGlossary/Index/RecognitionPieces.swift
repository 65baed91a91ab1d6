import VerbaleCore

/// The units recognition walks through: Khmer clusters and the tokenizer's word and number
/// tokens, in text order, each with its range in Unicode scalars and its matching key.
struct RecognitionPieces {
    var ranges: [Range<Int>] = []
    /// `keys[keyStarts[i]..<keyStarts[i + 1]]`: the key scalars of piece `i`.
    var keyStarts: [Int32] = [0]
    var keys: [UInt32] = []
    /// The Khmer runs (scalar ranges) the cluster pieces come from, and per piece the index of
    /// its run (-1: a token, whose edges are word boundaries already).
    var khmerRuns: [Range<Int>] = []
    var runOfPiece: [Int32] = []

    var count: Int { ranges.count }

    /// The Khmer run piece `piece` was cut from; nil for a tokenizer token.
    func khmerRun(of piece: Int) -> Range<Int>? {
        guard piece < runOfPiece.count, runOfPiece[piece] >= 0 else { return nil }
        return khmerRuns[Int(runOfPiece[piece])]
    }

    mutating func append(range: Range<Int>, key: some Sequence<UInt32>, run: Int32 = -1) {
        keys.append(contentsOf: key)
        if Int(keyStarts[keyStarts.count - 1]) == keys.count { return }  // nothing to match on
        ranges.append(range)
        keyStarts.append(Int32(keys.count))
        if run >= 0 || !runOfPiece.isEmpty {
            // Pieces before the first cluster were tokens.
            while runOfPiece.count < ranges.count - 1 { runOfPiece.append(-1) }
            runOfPiece.append(run)
        }
    }

    func key(_ piece: Int) -> ArraySlice<UInt32> { keys[Int(keyStarts[piece])..<Int(keyStarts[piece + 1])] }

    /// The pieces' keys joined as `TermKeyer.join` joins token keys.
    func joined(_ pieces: ClosedRange<Int>) -> String {
        var scalars = String.UnicodeScalarView()
        var last: UInt32?
        for piece in pieces {
            let key = self.key(piece)
            if let last, let first = key.first, !(KeyHash.isKhmer(last) && KeyHash.isKhmer(first)) { scalars.append(" ") }
            for value in key { if let scalar = Unicode.Scalar(value) { scalars.append(scalar) } }
            last = key.last ?? last
        }
        return String(scalars)
    }

    /// Pieces of `tokens` (as `TermKeyer.words` gives them).
    init(tokens: [Token]) {
        ranges.reserveCapacity(tokens.count)
        keyStarts.reserveCapacity(tokens.count + 1)
        for token in tokens { append(range: token.range, key: token.looseKey.unicodeScalars.lazy.map(\.value)) }
    }

    init() {}
}

extension Termbase {
    /// Pieces of a text that holds Khmer: every Khmer run cut into clusters (`KhmerClusters`; no
    /// dictionary, no learned model), and
    /// everything else — Latin words, numbers in any digits — tokenized as usual, in one
    /// tokenizer call for the whole text (the non-Khmer stretches joined by line breaks, which
    /// always separate words).
    ///
    /// Cost: O(n) over the scalars, plus the tokenizer over the non-Khmer stretches that hold a
    /// letter or digit (in Khmer prose: numbers and the odd Latin name).
    func clusterPieces(_ text: String, stretchLanguage: Language) -> RecognitionPieces {
        let scalars = text.unicodeScalars.map(\.value)
        /// A Khmer cluster (with its run's index), or the index of a non-Khmer stretch to tokenize.
        enum Part { case cluster(Range<Int>, run: Int32), stretch(Int) }
        var runs: [Range<Int>] = []
        var parts: [Part] = []
        parts.reserveCapacity(scalars.count / 2)
        var stretches: [Range<Int>] = []
        scalars.withUnsafeBufferPointer { scalars in
            var i = 0
            let end = scalars.count
            while i < end {
                if KhmerClusters.isLetter(scalars[i]) {
                    var runEnd = i + 1
                    while runEnd < end, KhmerClusters.continuesRun(scalars[runEnd]) { runEnd += 1 }
                    var start = i
                    let run = Int32(runs.count)
                    runs.append(i..<runEnd)
                    while start < runEnd {
                        let clusterEnd = KhmerClusters.clusterEnd(scalars, from: start, to: runEnd)
                        parts.append(.cluster(start..<clusterEnd, run: run))
                        start = clusterEnd
                    }
                    i = runEnd
                } else {
                    var stretchEnd = i
                    var needsTokenizer = false
                    while stretchEnd < end, !KhmerClusters.isLetter(scalars[stretchEnd]) {
                        if !needsTokenizer, Self.mayHoldWord(scalars[stretchEnd]) { needsTokenizer = true }
                        stretchEnd += 1
                    }
                    if needsTokenizer {
                        parts.append(.stretch(stretches.count))
                        stretches.append(i..<stretchEnd)
                    }
                    i = stretchEnd
                }
            }
        }
        // Tokenize every stretch in one call.
        var stretchTokens = [[Token]](repeating: [], count: stretches.count)
        if !stretches.isEmpty {
            var combined = String.UnicodeScalarView()
            var combinedStarts: [Int] = []
            var offset = 0
            for stretch in stretches {
                if offset > 0 { combined.append("\n"); offset += 1 }
                combinedStarts.append(offset)
                for value in scalars[stretch] { if let scalar = Unicode.Scalar(value) { combined.append(scalar) } }
                offset += stretch.count
            }
            var k = 0
            for token in keyer.words(String(combined), language: stretchLanguage) {
                while k + 1 < combinedStarts.count, combinedStarts[k + 1] <= token.range.lowerBound { k += 1 }
                var shifted = token
                let shift = stretches[k].lowerBound - combinedStarts[k]
                shifted.range = (token.range.lowerBound + shift)..<(token.range.upperBound + shift)
                stretchTokens[k].append(shifted)
            }
        }
        var pieces = RecognitionPieces()
        pieces.khmerRuns = runs
        pieces.runOfPiece.reserveCapacity(parts.count)
        pieces.ranges.reserveCapacity(parts.count)
        pieces.keyStarts.reserveCapacity(parts.count + 1)
        pieces.keys.reserveCapacity(scalars.count)
        for part in parts {
            switch part {
            case let .cluster(range, run):
                let cluster = scalars[range]
                if cluster.contains(0x17DD) || RecognitionPieces.hasCoengRoBeforeSubscript(cluster) {
                    // Atthacan (combining class 230) may be reordered by normalisation; a COENG
                    // RO typed before another subscript is put after it, as every key has it
                    // (`Normalizer.key`: `ស្រ្តី` keys as `ស្ត្រី`).
                    let text = String(String.UnicodeScalarView(cluster.compactMap(Unicode.Scalar.init)))
                    pieces.append(range: range, key: Normalizer.looseKey(text).unicodeScalars.lazy.map(\.value), run: run)
                } else {
                    pieces.append(range: range, key: cluster.lazy.filter { !KhmerClusters.isIgnorable($0) }, run: run)
                }
            case let .stretch(k):
                for token in stretchTokens[k] { pieces.append(range: token.range, key: token.looseKey.unicodeScalars.lazy.map(\.value)) }
            }
        }
        return pieces
    }

    /// Whether the tokenizer could make a word or number token of `scalar` (white space,
    /// U+200B and common punctuation never do, so a stretch of only those is skipped).
    @inline(__always)
    static func mayHoldWord(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 {
            return (0x30...0x39).contains(scalar) || (0x41...0x5A).contains(scalar) || (0x61...0x7A).contains(scalar)
        }
        switch scalar {
        case 0x85, 0xA0, 0xAB, 0xBB, 0x1680, 0x17D4...0x17D6, 0x17D8...0x17DA, 0x2000...0x205F, 0x3000, 0xFEFF: return false
        default: return true
        }
    }
}

extension RecognitionPieces {
    /// Whether a cluster holds COENG RO followed by COENG (the order the keys change, see
    /// `Normalizer.orderingKhmerSubscripts`). O(cluster length).
    static func hasCoengRoBeforeSubscript(_ cluster: ArraySlice<UInt32>) -> Bool {
        var i = cluster.startIndex
        while i + 2 < cluster.endIndex {
            if cluster[i] == 0x17D2, cluster[i + 1] == 0x179A, cluster[i + 2] == 0x17D2 { return true }
            i += 1
        }
        return false
    }
}
