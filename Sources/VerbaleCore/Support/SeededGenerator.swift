/// SplitMix64 (Steele, Lea and Flood, 2014): a seeded random generator, for everything that
/// must come out the same on every run and machine — evaluation documents, generated benchmark
/// memories and termbases, property tests whose failing seed must replay. Swift's
/// `SystemRandomNumberGenerator` cannot be seeded. Not for anything secret.
///
/// The sequence is part of the contract: benchmark inputs and test expectations are built from
/// it, so changing `next()` changes them. Cost: a few multiplications per number.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (0 when bound ≤ 1), by modulo: slightly biased for large bounds,
    /// which is fine for generated data and cheaper than `Int.random(in:using:)`.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}
