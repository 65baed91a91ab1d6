/// The unit sequences a bounded `beforebreak` can end with, as a trie read backwards from a
/// position: a necessary condition for the rule, far sharper than one unit set per offset.
///
/// Why: the per-offset tests (`SegmentationRules.Check.before`) take the union over every
/// alternative, so "Embassy." passes the test of the title list `Mr|Mrs|…|Messrs` at every
/// offset and ICU's matcher is asked at almost every sentence end. Here each alternative stays a
/// path of its own, so "Embassy." is rejected after two or three units and ICU is asked only
/// where one of the listed words (or a sequence of the pattern's shape) really ends.
///
/// It is conservative like `PatternShape`: the sequences are a superset of what the pattern can
/// match (look-arounds and `\b` count as matching anything; a set with many non-ASCII units
/// counts as every non-ASCII unit), and a surrogate in the text admits the position, since
/// the shape counts a supplementary character as one unit. So a rejection is always right; an
/// admission still goes to ICU. Cost: built once per check; a test walks only the paths whose
/// units agree with the text (a few steps for a word list).
struct SuffixFilter: Sendable {
    /// An edge of the trie: the unit it accepts and the node it leads to.
    private struct Edge: Sendable {
        var low: UInt64
        var high: UInt64
        var anyNonASCII: Bool
        /// Up to two non-ASCII units (0: none).
        var other0: UInt16
        var other1: UInt16
        var child: Int32

        init(_ set: TriggerSet, child: Int) {
            low = set.low
            high = set.high
            let others = set.others
            anyNonASCII = set.anyNonASCII || others.count > 2
            other0 = anyNonASCII || others.isEmpty ? 0 : others[0]
            other1 = anyNonASCII || others.count < 2 ? 0 : others[1]
            self.child = Int32(child)
        }

        @inline(__always)
        func accepts(_ unit: UInt16) -> Bool {
            if unit < 64 { return low & (1 << UInt64(unit)) != 0 }
            if unit < 128 { return high & (1 << UInt64(unit - 64)) != 0 }
            return anyNonASCII || (unit == other0) || (unit == other1)
        }
    }

    private let edges: [Edge]
    /// Node n's edges are `edges[edgeStart[n]..<edgeStart[n + 1]]`.
    private let edgeStart: [Int32]
    /// A sequence ends at node n (anywhere, or only at the text's start).
    private let ends: [Bool]
    private let endsAtTextStart: [Bool]

    /// The filter of a pattern, or nil when it has more than `limit` sequences, none, or an
    /// empty one (which would admit every position anyway).
    init?(_ shape: PatternShape, limit: Int = 400) {
        guard let sequences = shape.expansions(limit: limit), !sequences.isEmpty,
              !sequences.contains(where: { $0.units.isEmpty && !$0.anchored }) else { return nil }
        // Build with per-node edge lists, reading each sequence from its last unit.
        var children: [[(set: TriggerSet, child: Int)]] = [[]]
        var ends = [false], endsAtTextStart = [false]
        for sequence in sequences {
            var node = 0
            for set in sequence.units.reversed() {
                if let existing = children[node].first(where: { $0.set == set }) {
                    node = existing.child
                } else {
                    children.append([])
                    ends.append(false)
                    endsAtTextStart.append(false)
                    children[node].append((set, children.count - 1))
                    node = children.count - 1
                }
            }
            if sequence.anchored { endsAtTextStart[node] = true } else { ends[node] = true }
        }
        var edges: [Edge] = [], edgeStart: [Int32] = []
        for list in children {
            edgeStart.append(Int32(edges.count))
            for (set, child) in list { edges.append(Edge(set, child: child)) }
        }
        edgeStart.append(Int32(edges.count))
        self.edges = edges
        self.edgeStart = edgeStart
        self.ends = ends
        self.endsAtTextStart = endsAtTextStart
    }

    /// Whether some sequence ends right before `position` (so the pattern may match there).
    func admits(_ text: UnsafeBufferPointer<UInt16>, before position: Int) -> Bool {
        edges.withUnsafeBufferPointer { edges in
            edgeStart.withUnsafeBufferPointer { edgeStart in
                ends.withUnsafeBufferPointer { ends in
                    endsAtTextStart.withUnsafeBufferPointer { endsAtTextStart in
                        Self.walk(0, position - 1, text, edges, edgeStart, ends, endsAtTextStart)
                    }
                }
            }
        }
    }

    private static func walk(_ node: Int, _ i: Int, _ text: UnsafeBufferPointer<UInt16>, _ edges: UnsafeBufferPointer<Edge>,
                             _ edgeStart: UnsafeBufferPointer<Int32>, _ ends: UnsafeBufferPointer<Bool>,
                             _ endsAtTextStart: UnsafeBufferPointer<Bool>) -> Bool {
        if ends[node] || (i < 0 && endsAtTextStart[node]) { return true }
        guard i >= 0 else { return false }
        let unit = text[i]
        if unit >= 0xD800, unit < 0xE000 { return true }
        var e = Int(edgeStart[node])
        let end = Int(edgeStart[node + 1])
        while e < end {
            let edge = edges[e]
            if edge.accepts(unit), walk(Int(edge.child), i - 1, text, edges, edgeStart, ends, endsAtTextStart) { return true }
            e += 1
        }
        return false
    }
}
