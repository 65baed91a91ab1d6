/// The dynamic programme that finds the cheapest sequence of beads, restricted to a band
/// around the diagonal so that memory is O(n · band) rather than O(n · m).
///
/// The band follows the line from (0, 0) to (n, m), so documents of different lengths are
/// handled without widening it. If the best path comes within `margin` of the band's edge
/// (a run of deletions can push it there), the band doubles and the search runs again, up to
/// the full matrix: the result is then the same as an unbanded search would find whenever the
/// path stays clear of the edge. Time O(n · band · shapes).
struct BandedSearch {
    var initialHalfWidth = 24
    var margin = 3

    /// Beads as (source range, target range), in order, covering both sides.
    func run(_ scorer: BeadScorer) -> [(Range<Int>, Range<Int>)] {
        let n = scorer.source.count, m = scorer.target.count
        if n == 0 || m == 0 {
            return (0..<n).map { ($0..<($0 + 1), 0..<0) } + (0..<m).map { (n..<n, $0..<($0 + 1)) }
        }
        var half = max(initialHalfWidth, 4)
        while true {
            let full = 2 * half + 1 >= m + 1
            let (path, touchesEdge) = search(scorer, n: n, m: m, half: full ? m + 1 : half)
            if !touchesEdge || full { return path }
            half *= 2
        }
    }

    private func search(_ scorer: BeadScorer, n: Int, m: Int, half: Int) -> ([(Range<Int>, Range<Int>)], Bool) {
        let width = 2 * half + 1
        let slope = Double(m) / Double(n)
        var lows = [Int](repeating: 0, count: n + 1)
        var highs = [Int](repeating: 0, count: n + 1)
        for i in 0...n {
            let center = Int((Double(i) * slope).rounded())
            lows[i] = max(0, center - half)
            highs[i] = min(m, center + half)
        }
        var cost = [Double](repeating: .infinity, count: (n + 1) * width)
        var back = [UInt8](repeating: UInt8.max, count: (n + 1) * width)
        let shapes = scorer.shapes
        cost[0] = 0 // (0, 0): lows[0] == 0.
        for i in 0...n {
            let low = lows[i], high = highs[i]
            guard low <= high else { continue }
            for j in low...high {
                if i == 0 && j == 0 { continue }
                var best = Double.infinity
                var bestShape = UInt8.max
                for k in shapes.indices {
                    let a = shapes[k].source, b = shapes[k].target
                    let pi = i - a, pj = j - b
                    guard pi >= 0, pj >= 0, pj >= lows[pi], pj <= highs[pi] else { continue }
                    let previous = cost[pi * width + pj - lows[pi]]
                    guard previous.isFinite else { continue }
                    let total = previous + scorer.cost(k, i: pi, j: pj)
                    if total < best {
                        best = total
                        bestShape = UInt8(k)
                    }
                }
                cost[i * width + j - low] = best
                back[i * width + j - low] = bestShape
            }
        }
        var path: [(Range<Int>, Range<Int>)] = []
        var touches = false
        var i = n, j = m
        while i > 0 || j > 0 {
            let k = back[i * width + j - lows[i]]
            guard k != UInt8.max else {
                // Unreachable in this band (cannot happen with 0-1 and 1-0 shapes); fall back to
                // the full matrix.
                return ([], true)
            }
            if (j - lows[i] < margin && lows[i] > 0) || (highs[i] - j < margin && highs[i] < m) { touches = true }
            let shape = shapes[Int(k)]
            path.append(((i - shape.source)..<i, (j - shape.target)..<j))
            i -= shape.source
            j -= shape.target
        }
        return (path.reversed(), touches)
    }
}
