/// Converts UTF-16 offsets (ICU's) into Unicode-scalar offsets (what Verbale reports). O(n) to
/// build, O(1) per lookup; text without surrogate pairs (all of Khmer, French and English)
/// needs no table at all, since there the two offsets are equal.
public struct ScalarOffsets: Sendable {
    /// scalarIndex[i] = number of scalars before UTF-16 offset i; empty when the text has no
    /// surrogate pair.
    private let scalarIndex: [Int32]
    private let count: Int

    public init(utf16: [UInt16]) {
        self.init(units: utf16)
    }

    init<C: Collection>(units utf16: C) where C.Element == UInt16, C.Index == Int {
        count = utf16.count
        guard utf16.contains(where: { UTF16.isTrailSurrogate($0) }) else {
            scalarIndex = []
            return
        }
        var index = [Int32](repeating: 0, count: utf16.count + 1)
        var scalars: Int32 = 0
        var i = 0
        for unit in utf16 {
            index[i] = scalars
            if !UTF16.isTrailSurrogate(unit) { scalars += 1 }
            i += 1
        }
        index[utf16.count] = scalars
        self.scalarIndex = index
    }

    /// The table of a text of `count` UTF-16 units known to hold no surrogate pair (no scan).
    init(withoutSurrogates count: Int) {
        self.count = count
        scalarIndex = []
    }

    public func scalarOffset(ofUTF16 offset: Int) -> Int {
        let clamped = min(max(offset, 0), count)
        return scalarIndex.isEmpty ? clamped : Int(scalarIndex[clamped])
    }

    /// The UTF-16 offset of a scalar offset (the inverse lookup); O(log n).
    public func utf16Offset(ofScalar offset: Int) -> Int {
        guard !scalarIndex.isEmpty else { return min(max(offset, 0), count) }
        var low = 0, high = scalarIndex.count - 1
        while low < high {
            let mid = (low + high) / 2
            if Int(scalarIndex[mid]) < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
