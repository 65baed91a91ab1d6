/// The unit sequences a bounded `beforebreak` can end with (a trie read backwards from a
/// position), or the first units an `afterbreak` can start with (read forwards): a necessary
/// condition for the rule, far sharper than one unit set per offset.
///
/// Why: the per-offset tests (`SegmentationRules.Check.before`) take the union over every
/// alternative, so "Embassy." passes the test of the title list `Mr|Mrs|…|Messrs` at every
/// offset and ICU's matcher is asked at almost every sentence end. Here each alternative stays a
/// path of its own, so "Embassy." is rejected after two or three units and ICU is asked only
/// where one of the listed words (or a sequence of the pattern's shape) really ends. Likewise
/// " 12 March" passes the per-offset tests of the list-item rule `[0-9]{1,2}\.?\)…|[0-9]{1,2}\.…`
/// but no path of its prefix trie.
///
/// It is conservative like `PatternShape`: the sequences are a superset of what the pattern can
/// match (look-arounds and `\b` count as matching anything; a set with many non-ASCII units
/// counts as every non-ASCII unit), and a surrogate in the text admits the position, since
/// the shape counts a supplementary character as one unit. So a rejection is always right; an
/// admission still goes to ICU. Cost: built once per check; a test walks only the paths whose
/// units agree with the text (a few steps for a word list).
struct SequenceFilter: Sendable {
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
    /// -1: read backwards from the unit before the position; +1: forwards from it.
    private let step: Int

    /// The filter of a bounded `beforebreak`: every sequence it can match, read from its end;
    /// nil when it has more than `limit` sequences, none, or an empty one (which would admit
    /// every position anyway).
    init?(before shape: PatternShape, limit: Int = 4000) {
        guard let sequences = shape.expansions(limit: limit) else { return nil }
        self.init(sequences.map { (Array($0.units.reversed()), $0.anchored) }, step: -1)
    }

    /// The filter of an `afterbreak`: the first `length` units of every match (fewer when the
    /// match is shorter); nil when there are more than `limit` such prefixes, none, or an empty
    /// one.
    init?(after shape: PatternShape, length: Int = 4, limit: Int = 400) {
        guard let sequences = shape.prefixes(length, limit: limit) else { return nil }
        self.init(sequences.map { ($0, false) }, step: 1)
    }

    private init?(_ sequences: [(units: [TriggerSet], anchored: Bool)], step: Int) {
        guard !sequences.isEmpty, !sequences.contains(where: { $0.units.isEmpty && !$0.anchored }) else { return nil }
        // Build with per-node edge lists, each sequence in reading order.
        var children: [[(set: TriggerSet, child: Int)]] = [[]]
        var ends = [false], endsAtTextStart = [false]
        for sequence in sequences {
            var node = 0
            for set in sequence.units {
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
        self.step = step
    }

    /// Whether some sequence ends right before `position` (a `before` filter) or starts at it
    /// (an `after` filter), so the pattern may match there.
    func admits(_ text: UnsafeBufferPointer<UInt16>, at position: Int) -> Bool {
        edges.withUnsafeBufferPointer { edges in
            edgeStart.withUnsafeBufferPointer { edgeStart in
                ends.withUnsafeBufferPointer { ends in
                    endsAtTextStart.withUnsafeBufferPointer { endsAtTextStart in
                        Self.walk(0, step < 0 ? position - 1 : position, step, text, edges, edgeStart, ends, endsAtTextStart)
                    }
                }
            }
        }
    }

    private static func walk(_ node: Int, _ i: Int, _ step: Int, _ text: UnsafeBufferPointer<UInt16>, _ edges: UnsafeBufferPointer<Edge>,
                             _ edgeStart: UnsafeBufferPointer<Int32>, _ ends: UnsafeBufferPointer<Bool>,
                             _ endsAtTextStart: UnsafeBufferPointer<Bool>) -> Bool {
        if ends[node] || (i < 0 && endsAtTextStart[node]) { return true }
        guard i >= 0, i < text.count else { return false }
        let unit = text[i]
        if unit >= 0xD800, unit < 0xE000 { return true }
        var e = Int(edgeStart[node])
        let end = Int(edgeStart[node + 1])
        while e < end {
            let edge = edges[e]
            if edge.accepts(unit), walk(Int(edge.child), i + step, step, text, edges, edgeStart, ends, endsAtTextStart) { return true }
            e += 1
        }
        return false
    }
}
