/// The unit tests of every check, flattened for the hot loops: each `TriggerSet` becomes a
/// 65,536-bit map, each test an (offset from the position, map) pair. No reference counting or
/// hashing per test: a test is one load, a shift and a mask.
///
/// Cost: 8 KB per distinct test, built once per `Segmenter`.
struct UnitFilter {
    /// `bits[set * 1024 + unit >> 6] >> (unit & 63) & 1`.
    let bits: [UInt64]
    /// Per map: whether a position before the text start passes.
    let startPasses: [Bool]
    /// Tests of check c: `testOffset[testStart[c]..<testStart[c + 1]]`, `testSet[…]`.
    let testStart: [Int]
    let testOffset: [Int]
    let testSet: [Int]
    /// Scanned-by-position checks: the map and offset of the test driving the filter pass.
    let primarySet: [Int]
    let primaryOffset: [Int]

    init(checks: [SegmentationRules.Check]) {
        var maps: [[UInt64]] = []
        var starts: [Bool] = []
        var index: [TriggerSet: Int] = [:]
        func map(_ set: TriggerSet) -> Int {
            if let existing = index[set] { return existing }
            var words = [UInt64](repeating: 0, count: 1024)
            for unit in 0..<65536 where set.contains(UInt16(unit)) { words[unit >> 6] |= 1 << UInt64(unit & 63) }
            maps.append(words)
            starts.append(set.passesTextStart)
            index[set] = maps.count - 1
            return maps.count - 1
        }
        var testStart = [0], testOffset: [Int] = [], testSet: [Int] = [], primarySet: [Int] = [], primaryOffset: [Int] = []
        for check in checks {
            for (j, set) in check.before.enumerated() { testOffset.append(-1 - j); testSet.append(map(set)) }
            for (j, set) in check.after.enumerated() { testOffset.append(j); testSet.append(map(set)) }
            testStart.append(testOffset.count)
            primarySet.append(map(check.primary))
            primaryOffset.append(check.primaryOffset)
        }
        bits = maps.flatMap { $0 }
        startPasses = starts
        self.testStart = testStart
        self.testOffset = testOffset
        self.testSet = testSet
        self.primarySet = primarySet
        self.primaryOffset = primaryOffset
    }

    @inline(__always)
    static func contains(_ bits: UnsafeBufferPointer<UInt64>, set: Int, unit: UInt16) -> Bool {
        bits[set &* 1024 &+ Int(unit &>> 6)] &>> UInt64(unit & 63) & 1 != 0
    }
}
