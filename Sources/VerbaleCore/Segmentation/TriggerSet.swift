/// A set of UTF-16 code units, cheap to test: a bitmap for ASCII, a small set for other code
/// units, or "every non-ASCII unit".
///
/// The segmenter uses it as a necessary condition: a rule can only match where the text has one
/// of its trigger units (the first unit a match can start with, or the last unit before a break).
/// Testing a unit costs a few instructions, so a Swift loop over the text finds the few places
/// worth asking ICU about, instead of ICU trying its matcher at every position.
struct TriggerSet: Sendable, Hashable {
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    /// Non-ASCII members, sorted (when `anyNonASCII` is false).
    private(set) var others: [UInt16] = []
    private(set) var anyNonASCII = false
    /// Whether a position before the start of the text passes (a pattern anchored with `\A`).
    private(set) var atTextStart = false

    static let empty = TriggerSet()
    static var all: TriggerSet {
        var set = TriggerSet()
        set.low = ~0
        set.high = ~0
        set.anyNonASCII = true
        set.atTextStart = true
        return set
    }

    /// Only "before the start of the text".
    static var textStartOnly: TriggerSet {
        var set = TriggerSet()
        set.atTextStart = true
        return set
    }

    /// A rough count of how often the set's units occur in text: each ASCII member counts one,
    /// "any non-ASCII" two hundred. Used to pick the most selective test.
    var cost: Int { low.nonzeroBitCount + high.nonzeroBitCount + (anyNonASCII ? 200 : others.count) }

    /// Whether every code unit is in the set (no filtering possible).
    var isAll: Bool { low == ~0 && high == ~0 && anyNonASCII && atTextStart }

    @inline(__always)
    func contains(_ unit: UInt16) -> Bool {
        if unit < 64 { return low & (1 << UInt64(unit)) != 0 }
        if unit < 128 { return high & (1 << UInt64(unit - 64)) != 0 }
        if anyNonASCII { return true }
        if others.count <= 8 { return others.contains(unit) }
        var low = 0, high = others.count
        while low < high {
            let mid = (low + high) / 2
            if others[mid] < unit { low = mid + 1 } else { high = mid }
        }
        return low < others.count && others[low] == unit
    }

    /// Whether the set passes a position before the text start.
    var passesTextStart: Bool { atTextStart }

    mutating func insert(_ unit: UInt16) {
        if unit < 64 { low |= 1 << UInt64(unit) } else if unit < 128 { high |= 1 << UInt64(unit - 64) } else if !anyNonASCII {
            if let index = others.firstIndex(where: { $0 >= unit }) {
                if others[index] != unit { others.insert(unit, at: index) }
            } else {
                others.append(unit)
            }
        }
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
        atTextStart = atTextStart || other.atTextStart
        low |= other.low
        high |= other.high
        if other.anyNonASCII { insertAllNonASCII() } else if !anyNonASCII { for unit in other.others { insert(unit) } }
    }
}
