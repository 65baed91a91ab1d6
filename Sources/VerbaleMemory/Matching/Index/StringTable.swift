import Foundation

/// A list of strings stored as one UTF-8 blob and offsets, so that it saves and maps back as
/// two flat arrays; `order`, when present, lists the ids sorted by their bytes, so a loaded
/// table is searched in place (binary search) instead of being hashed again at start.
///
/// Cost: `append` O(length); `string(at:)` O(length); `find` O(log n) byte comparisons;
/// `sortedOrder` O(n log n) comparisons (done once, when the index is written).
public struct StringTable: Sendable {
    public private(set) var offsets: IndexArray<UInt32> = [0]
    public private(set) var blob: IndexArray<UInt8> = []
    /// Ids sorted by bytes (or, for forms, by class then bytes); empty when not computed.
    var order: IndexArray<UInt32> = []

    public init() {}

    init(offsets: IndexArray<UInt32>, blob: IndexArray<UInt8>, order: IndexArray<UInt32>) {
        self.offsets = offsets
        self.blob = blob
        self.order = order
    }

    public var count: Int { Swift.max(offsets.count - 1, 0) }

    public mutating func append(_ string: String) {
        blob.append(contentsOf: string.utf8)
        offsets.append(UInt32(truncatingIfNeeded: blob.count))
    }

    /// The string `id` (empty when out of range or damaged).
    public func string(at id: Int) -> String {
        guard let range = byteRange(id) else { return "" }
        return blob.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The blob range of `id`, or nil when out of range or damaged (a mapped file is checked
    /// on use, not scanned at load).
    @inline(__always)
    func byteRange(_ id: Int) -> Range<Int>? {
        guard id >= 0, id + 1 < offsets.count else { return nil }
        let lower = Int(offsets[id]), upper = Int(offsets[id + 1])
        guard lower <= upper, upper <= blob.count else { return nil }
        return lower..<upper
    }

    /// Compares string `id` with `key` bytewise (−1, 0, 1).
    func compare(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        guard let range = byteRange(id) else { return -1 }
        return blob.withUnsafeBufferPointer { bytes in
            let common = Swift.min(range.count, key.count)
            if common > 0, let base = bytes.baseAddress, let other = key.baseAddress {
                let result = memcmp(base + range.lowerBound, other, common)
                if result != 0 { return result < 0 ? -1 : 1 }
            }
            return range.count == key.count ? 0 : range.count < key.count ? -1 : 1
        }
    }

    /// The id whose string is `key`, by binary search over `order` (which must be the byte
    /// order). `rank(id)` orders ids before the bytes are compared (the class of a form), with
    /// `target` the rank searched for.
    func find(_ key: String, rank: (Int) -> UInt32 = { _ in 0 }, target: UInt32 = 0) -> UInt32? {
        var key = key
        return key.withUTF8 { bytes -> UInt32? in
            var low = 0, high = order.count
            while low < high {
                let middle = (low + high) / 2
                let id = Int(order[middle])
                let r = rank(id)
                let comparison = r != target ? (r < target ? -1 : 1) : compare(id, bytes)
                if comparison == 0 { return UInt32(id) }
                if comparison < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// The ids sorted by (rank, bytes). O(n log n).
    func sortedOrder(rank: (Int) -> UInt32 = { _ in 0 }) -> [UInt32] {
        let ranks = (0..<count).map(rank)
        return blob.withUnsafeBufferPointer { bytes in
            (0..<UInt32(count)).sorted { a, b in
                let ra = ranks[Int(a)], rb = ranks[Int(b)]
                if ra != rb { return ra < rb }
                guard let x = byteRange(Int(a)), let y = byteRange(Int(b)) else { return a < b }
                return UnsafeBufferPointer(rebasing: bytes[x]).lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: bytes[y]))
            }
        }
    }
}
