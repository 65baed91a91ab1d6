/// The learned model's weights by feature hash, in an open-addressing table.
///
/// Why: a decision looks up about 14 features; with `[UInt64: Float]` each lookup re-hashes the
/// (already well-mixed) FNV key with SipHash and probes through the generic dictionary, which
/// showed as the largest cost of Khmer tokenizing. Here the key is mixed by one multiplication
/// and probed linearly in two flat arrays at most half full. A feature absent from the model
/// weighs 0, as before. Cost: O(1) expected per lookup; about 16 bytes per slot, so ≈ 1 MB for
/// the shipped 26k features.
struct FeatureWeights: Sendable {
    private let keys: [UInt64]
    private let values: [Float]
    private let shift: UInt64
    /// The weight of the feature whose hash is 0 (that key marks empty slots).
    private let zeroKeyWeight: Float

    /// Builds the table; a hash given twice keeps its last weight (as a dictionary would).
    init(_ entries: [(UInt64, Float)]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [Float](repeating: 0, count: capacity)
        var zero: Float = 0
        let shift = 64 - bits
        for (key, value) in entries {
            if key == 0 { zero = value; continue }
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.shift = shift
        self.zeroKeyWeight = zero
    }

    /// The weight of the feature with this hash, 0 when the model does not know it.
    subscript(key: UInt64) -> Float {
        if key == 0 { return zeroKeyWeight }
        return keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let found = keys[slot]
                if found == key { return values[slot] }
                if found == 0 { return 0 }
                slot = (slot + 1) & mask
            }
        }
    }
}
