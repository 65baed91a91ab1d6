/// The weighted token edit distance of `CostModel`, and the edit script behind it.
///
/// Classic Levenshtein dynamic programming over two token sequences, with the prices of
/// `CostModel`. Cost: O(|a|·|b|) time; `cost(…limit:)` uses two rows (O(|b|) memory) and stops
/// as soon as a whole row exceeds `limit` (costs never decrease along a path), which is what
/// makes verifying hopeless candidates cheap. `script` keeps the full matrix to trace the diff.
public struct TokenAlignment: Sendable {
    public var model: CostModel

    public init(model: CostModel) { self.model = model }

    @inline(__always)
    func indelCost(_ token: TokenIDs) -> Int {
        token.isPunctuation ? model.punctuation : CostModel.fullEdit
    }

    /// The cost of replacing memory token `b` by query token `a`.
    @inline(__always)
    func substitutionCost(_ a: TokenIDs, _ b: TokenIDs) -> Int {
        let spacing = a.spaced == b.spaced ? 0 : model.whitespace
        if a.form == b.form { return spacing }
        if a.cls != b.cls { return CostModel.fullEdit }
        switch a.kind {
        case MatchVocabulary.Kind.punctuation.rawValue:
            return model.punctuation + spacing
        case MatchVocabulary.Kind.valued.rawValue:
            return (a.value == b.value ? model.caseDifference : model.placeableValue) + spacing
        default:
            return (a.key == b.key ? model.caseDifference : model.diacriticDifference) + spacing
        }
    }

    /// Two reusable rows for `cost` (so verifying many candidates allocates nothing).
    public struct Rows: Sendable {
        var previous: [Int] = []
        var current: [Int] = []
        public init() {}
    }

    /// The cheapest cost turning `b` into `a`, or nil when it exceeds `limit`.
    public func cost(_ a: [TokenIDs], _ b: [TokenIDs], limit: Int) -> Int? {
        var rows = Rows()
        return cost(a, b, limit: limit, rows: &rows)
    }

    /// `cost(_:_:limit:)` in reused rows.
    public func cost(_ a: [TokenIDs], _ b: [TokenIDs], limit: Int, rows: inout Rows) -> Int? {
        let m = b.count
        if rows.previous.count < m + 1 {
            rows.previous = [Int](repeating: 0, count: m + 1)
            rows.current = [Int](repeating: 0, count: m + 1)
        }
        // Taken out of `rows` (not copied), so writing them does not copy the storage.
        var previous: [Int] = [], current: [Int] = []
        swap(&previous, &rows.previous)
        swap(&current, &rows.current)
        defer { swap(&previous, &rows.previous); swap(&current, &rows.current) }
        previous[0] = 0
        for j in 0..<m { previous[j + 1] = previous[j] + indelCost(b[j]) }
        for i in 0..<a.count {
            let ai = a[i]
            let delete = indelCost(ai)
            current[0] = previous[0] + delete
            var rowMinimum = current[0]
            for j in 0..<m {
                let bj = b[j]
                let value = min(previous[j + 1] + delete, current[j] + indelCost(bj), previous[j] + substitutionCost(ai, bj))
                current[j + 1] = value
                if value < rowMinimum { rowMinimum = value }
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[m] <= limit ? previous[m] : nil
    }

    /// One step of the edit script, seen from the memory segment towards the query.
    public enum Step: Hashable, Sendable {
        /// Same token (cost 0).
        case equal(query: Int, source: Int)
        /// The memory token at `source` stands where the query has `query` (full or small cost).
        case substituted(query: Int, source: Int, cost: Int)
        /// The query has a token the memory segment lacks.
        case inserted(query: Int, cost: Int)
        /// The memory segment has a token the query lacks.
        case deleted(source: Int, cost: Int)
    }

    /// The full edit script and its total cost. O(|a|·|b|) memory.
    public func script(_ a: [TokenIDs], _ b: [TokenIDs]) -> (cost: Int, steps: [Step]) {
        let n = a.count, m = b.count, width = m + 1
        var table = [Int](repeating: 0, count: (n + 1) * width)
        for j in 0..<m { table[j + 1] = table[j] + indelCost(b[j]) }
        for i in 0..<n {
            table[(i + 1) * width] = table[i * width] + indelCost(a[i])
            for j in 0..<m {
                table[(i + 1) * width + j + 1] = min(table[i * width + j + 1] + indelCost(a[i]),
                                                     table[(i + 1) * width + j] + indelCost(b[j]),
                                                     table[i * width + j] + substitutionCost(a[i], b[j]))
            }
        }
        var steps: [Step] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let here = table[i * width + j]
            if i > 0, j > 0 {
                let cost = substitutionCost(a[i - 1], b[j - 1])
                if table[(i - 1) * width + j - 1] + cost == here {
                    steps.append(cost == 0 ? .equal(query: i - 1, source: j - 1) : .substituted(query: i - 1, source: j - 1, cost: cost))
                    i -= 1; j -= 1
                    continue
                }
            }
            if i > 0, table[(i - 1) * width + j] + indelCost(a[i - 1]) == here {
                steps.append(.inserted(query: i - 1, cost: indelCost(a[i - 1])))
                i -= 1
            } else {
                steps.append(.deleted(source: j - 1, cost: indelCost(b[j - 1])))
                j -= 1
            }
        }
        return (table[n * width + m], steps.reversed())
    }
}
