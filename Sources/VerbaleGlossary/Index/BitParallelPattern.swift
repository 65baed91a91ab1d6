/// A lookup query prepared for bit-parallel edit distances (Myers 1999, in Hyyrö's
/// formulation): the same Levenshtein distances as `EditDistance`, on Unicode scalars, but one
/// text character costs a handful of 64-bit operations instead of a row of `|query|` cells.
///
/// Why: fuzzy lookup verifies thousands of candidate terms per query; the dynamic programme
/// costs O(|q|·|t|) each, this O(|t|). Only queries of at most 64 scalars fit one machine
/// word; longer ones (rare for a term) fall back to `EditDistance`.
///
/// ```swift
/// let pattern = BitParallelPattern(Array("plenipotentary".unicodeScalars.map(\.value)))
/// pattern?.distance(to: Array("plenipotentiary".unicodeScalars.map(\.value))[...], limit: 3)  // 1
/// ```
///
/// Cost: preparing is O(|q|); each distance O(|t|), with no allocation.
struct BitParallelPattern {
    /// Length of the query in scalars (1…64).
    let count: Int
    /// Bit `count − 1`: the cell of the last query row.
    private let lastBit: UInt64
    /// Positions of each ASCII scalar in the query.
    private var ascii = [UInt64](repeating: 0, count: 128)
    /// Positions of each scalar of the Khmer block (U+1780–U+17FF) in the query.
    private var khmer = [UInt64](repeating: 0, count: 128)
    /// Positions of any other scalar (few in a query: a linear scan is cheapest).
    private var others: [(scalar: UInt32, mask: UInt64)] = []

    init?(_ query: [UInt32]) {
        guard !query.isEmpty, query.count <= 64 else { return nil }
        count = query.count
        lastBit = 1 << UInt64(count - 1)
        for (i, scalar) in query.enumerated() {
            let bit = UInt64(1) << UInt64(i)
            if scalar < 0x80 {
                ascii[Int(scalar)] |= bit
            } else if scalar &- 0x1780 < 0x80 {
                khmer[Int(scalar - 0x1780)] |= bit
            } else if let at = others.firstIndex(where: { $0.scalar == scalar }) {
                others[at].mask |= bit
            } else {
                others.append((scalar, bit))
            }
        }
    }

    /// The query positions holding `scalar`, as bits.
    @inline(__always)
    private func mask(_ scalar: UInt32) -> UInt64 {
        if scalar < 0x80 { return ascii[Int(scalar)] }
        if scalar &- 0x1780 < 0x80 { return khmer[Int(scalar - 0x1780)] }
        for other in others where other.scalar == scalar { return other.mask }
        return 0
    }

    /// One text character of Hyyrö's column step, shared by both distances: updates the
    /// vertical deltas (`positive`: +1 bits, `negative`: −1 bits) and the last row's `score`.
    /// `rowZero` is what row 0 adds per column (1: D[0][j] = j, whole-text distance; 0: a match
    /// may start anywhere). Inlined so the hot loops stay as they were: a few 64-bit operations.
    @inline(__always)
    private func advance(over scalar: UInt32, positive: inout UInt64, negative: inout UInt64, score: inout Int, rowZero: UInt64) {
        let equal = mask(scalar)
        let vertical = equal | negative
        let horizontal = (((equal & positive) &+ positive) ^ positive) | equal
        let plus = negative | ~(horizontal | positive)
        let minus = positive & horizontal
        if plus & lastBit != 0 { score += 1 } else if minus & lastBit != 0 { score -= 1 }
        let shiftedPlus = (plus << 1) | rowZero
        positive = (minus << 1) | ~(vertical | shiftedPlus)
        negative = shiftedPlus & vertical
    }

    /// Levenshtein distance between the query and `text`, or nil when it exceeds `limit`
    /// (stops as soon as the rest of the text cannot bring it back under the limit).
    func distance(to text: ArraySlice<UInt32>, limit: Int) -> Int? {
        text.withUnsafeBufferPointer { distance(to: $0, limit: limit) }
    }

    /// `distance(to:limit:)` over raw storage (the fuzzy lookup's hot path: no reference
    /// counting per term).
    func distance(to text: UnsafeBufferPointer<UInt32>, limit: Int) -> Int? {
        if abs(text.count - count) > limit { return nil }
        var positive: UInt64 = ~0, negative: UInt64 = 0
        var score = count
        var remaining = text.count
        for scalar in text {
            // Row 0 is D[0][j] = j: every column adds one.
            advance(over: scalar, positive: &positive, negative: &negative, score: &score, rowZero: 1)
            remaining -= 1
            // The last row can fall by at most one per remaining text character.
            if score - remaining > limit { return nil }
        }
        return score <= limit ? score : nil
    }

    /// The smallest edit distance between the query and any substring of `text` (the query
    /// may start and end anywhere in the text); equals `EditDistance.bestSubstring`.
    func bestSubstringDistance(in text: ArraySlice<UInt32>) -> Int {
        text.withUnsafeBufferPointer { bestSubstringDistance(in: $0) }
    }

    /// `bestSubstringDistance(in:)` over raw storage.
    func bestSubstringDistance(in text: UnsafeBufferPointer<UInt32>) -> Int {
        var positive: UInt64 = ~0, negative: UInt64 = 0
        var score = count
        var best = count
        for scalar in text {
            // Row 0 is all zeros: a match may start anywhere.
            advance(over: scalar, positive: &positive, negative: &negative, score: &score, rowZero: 0)
            best = min(best, score)
        }
        return best
    }
}
