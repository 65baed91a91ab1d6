/// A set of UTF-16 code units, cheap to test: a bitmap for ASCII, a small set for other code
/// units, or "every non-ASCII unit".
///
/// The segmenter uses it as a necessary condition: a rule can only match where the text has one
/// of its trigger units (the first unit a match can start with, or the last unit before a break).
/// Testing a unit costs a few instructions, so a Swift loop over the text finds the few places
/// worth asking ICU about, instead of ICU trying its matcher at every position.
struct TriggerSet: Sendable, Equatable {
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    private(set) var others: Set<UInt16> = []
    private(set) var anyNonASCII = false

    static let empty = TriggerSet()
    static var all: TriggerSet {
        var set = TriggerSet()
        set.low = ~0
        set.high = ~0
        set.anyNonASCII = true
        return set
    }

    /// Whether every code unit is in the set (no filtering possible).
    var isAll: Bool { low == ~0 && high == ~0 && anyNonASCII }

    @inline(__always)
    func contains(_ unit: UInt16) -> Bool {
        if unit < 64 { return low & (1 << UInt64(unit)) != 0 }
        if unit < 128 { return high & (1 << UInt64(unit - 64)) != 0 }
        return anyNonASCII || others.contains(unit)
    }

    mutating func insert(_ unit: UInt16) {
        if unit < 64 { low |= 1 << UInt64(unit) } else if unit < 128 { high |= 1 << UInt64(unit - 64) } else if !anyNonASCII { others.insert(unit) }
    }

    /// Inserts a scalar (beyond the BMP, where first and last units differ: every non-ASCII unit).
    mutating func insert(scalar: Unicode.Scalar) {
        if scalar.value > 0xFFFF { insertAllNonASCII() } else { insert(UInt16(scalar.value)) }
    }

    mutating func insertAllNonASCII() {
        anyNonASCII = true
        others = []
    }

    mutating func formUnion(_ other: TriggerSet) {
        low |= other.low
        high |= other.high
        if other.anyNonASCII { insertAllNonASCII() } else if !anyNonASCII { others.formUnion(other.others) }
    }
}
