/// Character-bigram index over term keys, counting for a query how many of its distinct
/// bigrams every key shares: the pre-filter of fuzzy lookup.
///
/// Why a count: an edit changes at most two bigrams of a string, so a key within `d` edits of
/// the query (or of a part of it) shares at least `D − 2d` of the query's `D` distinct bigrams;
/// a key that shares fewer is skipped without loss (exact recall: the tests compare with a
/// brute-force scan).
///
/// Why bit-sliced: at the 75 % similarity users expect from typo lookup the bound lets through
/// keys sharing only half of the query's bigrams, so every key must be counted, and in a large
/// termbase common bigrams (`on`, `ti`, Khmer consonant + vowel) have postings of tens of
/// thousands of keys; incrementing a counter per posting cost ≈ 3 ms per query on 300,000
/// keys. Here a count is a column of bits across `planeCount` words ("planes"), so adding a
/// frequent bigram's bitset to the counts of 64 keys costs a few word operations, and the
/// comparison with a threshold another few. Rare bigrams keep ordinary postings lists.
///
/// Keys are stored by length (then by entry), so a query only counts, and only compares, the
/// lengths that can reach the minimum score.
///
/// Cost: building O(total key length); memory ≈ 4 bytes per (key, distinct bigram) pair at
/// most (a dense bitset is used only when it is no larger than the postings list it replaces),
/// plus every key's scalars. Per query: O(D × keys/64) word operations for the dense bigrams
/// plus their postings for the rare ones, then O(keys/64) to find the keys over the
/// threshold. Not thread-safe: it keeps its counting planes between queries.
struct BigramIndex {
    /// Entry id of the key at each position (positions are ordered by key length, then entry).
    let order: [Int32]
    /// Length in Unicode scalars of the key at each position.
    let lengths: [Int32]
    /// Number of distinct bigrams of the key at each position (a whole-term match within `d`
    /// edits shares at least this minus `2d` with the query, too).
    let gramCounts: [UInt16]
    /// `lengthStarts[ℓ]..<lengthStarts[ℓ + 1]`: the positions of keys of length `ℓ`.
    let lengthStarts: [Int]
    /// Every key's scalars end to end (position order), so verification allocates nothing.
    let flat: [UInt32]
    let starts: [Int32]
    /// Postings (positions, ascending) of the bigrams held by fewer than `keys/32` keys.
    let sparse: [UInt64: [Int32]]
    /// For the other bigrams, the offset of their bitset (`words` words) in `denseBits`.
    let dense: [UInt64: Int]
    let denseBits: [UInt64]
    /// Words per bitset: ⌈keys / 64⌉.
    let words: Int
    /// Counting planes, word-major (`planes[word × maxPlanes + plane]`), zeroed before use.
    private var planes: [UInt64]
    private let maxPlanes = 8
    /// Queries must have fewer distinct bigrams than this for `forEachCandidate`.
    static let countLimit = 1 << 8

    init(keys: [String]) {
        let scalars = keys.map { Array($0.unicodeScalars.map(\.value)) }
        let order = scalars.indices.sorted { (scalars[$0].count, $0) < (scalars[$1].count, $1) }.map(Int32.init)
        self.order = order
        var lengths: [Int32] = [], flat: [UInt32] = [], starts: [Int32] = []
        lengths.reserveCapacity(order.count)
        starts.reserveCapacity(order.count)
        let longest = scalars.map(\.count).max() ?? 0
        var lengthStarts = [Int](repeating: order.count, count: longest + 2)
        var postings: [UInt64: [Int32]] = [:]
        var gramCounts: [UInt16] = []
        gramCounts.reserveCapacity(order.count)
        for (position, entry) in order.enumerated() {
            let key = scalars[Int(entry)]
            if lengthStarts[key.count] == order.count { lengthStarts[key.count] = position }
            lengths.append(Int32(key.count))
            starts.append(Int32(flat.count))
            flat.append(contentsOf: key)
            let grams = Set(Self.bigrams(key))
            gramCounts.append(UInt16(min(grams.count, Int(UInt16.max))))
            for gram in grams { postings[gram, default: []].append(Int32(position)) }
        }
        self.gramCounts = gramCounts
        // Lengths no key has start where the next length starts.
        for length in stride(from: longest, through: 0, by: -1) where lengthStarts[length] == order.count {
            lengthStarts[length] = lengthStarts[length + 1]
        }
        self.lengths = lengths
        self.flat = flat
        self.starts = starts
        self.lengthStarts = lengthStarts
        let words = (order.count + 63) / 64
        self.words = words
        var sparse: [UInt64: [Int32]] = [:], dense: [UInt64: Int] = [:], denseBits: [UInt64] = []
        for (gram, list) in postings {
            if list.count * 32 >= order.count, order.count >= 64 {
                let offset = denseBits.count
                denseBits.append(contentsOf: repeatElement(0, count: words))
                for position in list { denseBits[offset + Int(position) / 64] |= 1 << UInt64(position % 64) }
                dense[gram] = offset
            } else {
                sparse[gram] = list
            }
        }
        self.sparse = sparse
        self.dense = dense
        self.denseBits = denseBits
        planes = [UInt64](repeating: 0, count: words * maxPlanes)
    }

    /// Number of indexed keys.
    var count: Int { order.count }

    /// The longest key, in scalars.
    var longest: Int { lengthStarts.count - 2 }

    /// The scalars of the key at `position`.
    @inline(__always)
    func scalars(at position: Int) -> ArraySlice<UInt32> {
        let start = Int(starts[position])
        return flat[start..<(start + Int(lengths[position]))]
    }

    /// Distinct bigrams of a key, each as two scalars in one integer.
    static func bigrams(_ scalars: [UInt32]) -> [UInt64] {
        guard scalars.count >= 2 else { return [] }
        return (0..<(scalars.count - 1)).map { UInt64(scalars[$0]) << 32 | UInt64(scalars[$0 + 1]) }
    }

    /// Calls `body(position, length, shared)` for every key at `positions` sharing at least
    /// `threshold(length)` of the distinct `grams` (nil: that length is skipped), in position
    /// order. `positions` must start and end on length boundaries; `grams.count < countLimit`.
    mutating func forEachCandidate(_ grams: [UInt64], positions: Range<Int>, threshold: (Int) -> Int?, _ body: (Int, Int, Int) -> Void) {
        guard !positions.isEmpty, grams.count < Self.countLimit else { return }
        let planeCount = min(maxPlanes, max(1, UInt64(grams.count).bitWidth - UInt64(grams.count).leadingZeroBitCount))
        let wordRange = (positions.lowerBound / 64)..<((positions.upperBound + 63) / 64)
        let maxPlanes = maxPlanes
        let (dense, sparse, denseBits, lengths, lengthStarts) = (self.dense, self.sparse, self.denseBits, self.lengths, self.lengthStarts)
        planes.withUnsafeMutableBufferPointer { planes in
            for word in wordRange {
                for plane in 0..<planeCount { planes[word * maxPlanes + plane] = 0 }
            }
            // Count: add each bigram's bitset (or postings) into the planes.
            for gram in grams {
                if let offset = dense[gram] {
                    denseBits.withUnsafeBufferPointer { bits in
                        for word in wordRange {
                            var carry = bits[offset + word]
                            var plane = 0
                            while carry != 0, plane < planeCount {
                                let slot = word * maxPlanes + plane
                                let next = planes[slot] & carry
                                planes[slot] ^= carry
                                carry = next
                                plane += 1
                            }
                        }
                    }
                } else if let list = sparse[gram] {
                    list.withUnsafeBufferPointer { list in
                        for position in list {
                            let p = Int(position)
                            guard positions.contains(p) else { continue }
                            var carry = UInt64(1) << UInt64(p % 64)
                            var slot = (p / 64) * maxPlanes
                            while carry != 0 {
                                let next = planes[slot] & carry
                                planes[slot] ^= carry
                                carry = next
                                slot += 1
                            }
                        }
                    }
                }
            }
            // Compare: per length, the keys whose count reaches its threshold.
            let firstLength = Int(lengths[positions.lowerBound])
            let lastLength = Int(lengths[positions.upperBound - 1])
            for length in firstLength...lastLength {
                let range = lengthStarts[length]..<lengthStarts[length + 1]
                guard !range.isEmpty, let wanted = threshold(length) else { continue }
                var word = range.lowerBound / 64
                while word * 64 < range.upperBound {
                    let low = max(range.lowerBound - word * 64, 0), high = min(range.upperBound - word * 64, 64)
                    var mask: UInt64 = high == 64 ? ~0 : (1 << UInt64(high)) - 1
                    mask &= ~((1 << UInt64(low)) - 1)
                    let base = word * maxPlanes
                    if wanted > 0 {
                        // Bit-sliced "count ≥ wanted", from the highest plane down.
                        var greater: UInt64 = 0, equal: UInt64 = ~0
                        if wanted >= 1 << planeCount { equal = 0 }
                        for plane in stride(from: planeCount - 1, through: 0, by: -1) {
                            let bits = planes[base + plane]
                            if wanted >> plane & 1 == 1 { equal &= bits } else { greater |= equal & bits; equal &= ~bits }
                        }
                        mask &= greater | equal
                    }
                    while mask != 0 {
                        let bit = mask.trailingZeroBitCount
                        mask &= mask - 1
                        var shared = 0
                        for plane in 0..<planeCount where planes[base + plane] >> UInt64(bit) & 1 == 1 { shared |= 1 << plane }
                        body(word * 64 + bit, length, shared)
                    }
                    word += 1
                }
            }
        }
    }
}
