/// Scores candidate beads between two lists of units (sentences or paragraphs): the length
/// cost of `LengthModel` plus anchor evidence, weighted by `CostModel`.
///
/// Cost per bead: O(a·b) in the (tiny) number of anchors of the joined units, no allocation;
/// the dynamic programme calls it for every cell of its band and every shape.
struct BeadScorer: Sendable {
    let source: [SentenceFeatures]
    let target: [SentenceFeatures]
    let length: LengthModel
    let costs: CostModel
    let cognates: CognateModel
    /// Scores of learnt word translations; nil before the lexical pass.
    let lexical: LexicalScores?
    let shapes: [BeadShape]
    let priorCosts: [Double]
    private let sourcePrefix: [Int]
    /// Every unit's `links`, end to end, and where each unit's start (one flat array each side:
    /// the search reads them millions of times, and nested arrays cost reference counting).
    private let sourceLinks: [Int32]
    private let sourceLinkStarts: [Int]
    private let targetLinks: [Int32]
    private let targetLinkStarts: [Int]
    private let targetPrefix: [Int]

    init(source: [SentenceFeatures], target: [SentenceFeatures], length: LengthModel, costs: CostModel,
         cognates: CognateModel = .off, lexical: LexicalScores? = nil, shapes: [BeadShape] = BeadShape.all) {
        self.source = source
        self.target = target
        self.length = length
        self.costs = costs
        self.cognates = cognates
        self.lexical = lexical
        self.shapes = shapes
        priorCosts = shapes.map { costs.priors[$0] ?? 20 }
        var prefix = [0]
        for unit in source { prefix.append((prefix.last ?? 0) + unit.length) }
        sourcePrefix = prefix
        prefix = [0]
        for unit in target { prefix.append((prefix.last ?? 0) + unit.length) }
        targetPrefix = prefix
        (sourceLinks, sourceLinkStarts) = Self.flatten(lexical == nil ? [] : source)
        (targetLinks, targetLinkStarts) = Self.flatten(lexical == nil ? [] : target)
    }

    private static func flatten(_ units: [SentenceFeatures]) -> ([Int32], [Int]) {
        var links: [Int32] = [], starts = [0]
        for unit in units {
            links += unit.links
            starts.append(links.count)
        }
        return (links, starts)
    }

    /// The cost of joining source units `i..<i+a` with target units `j..<j+b` (shape index `k`).
    @inline(__always)
    func cost(_ k: Int, i: Int, j: Int) -> Double {
        let shape = shapes[k]
        let s = sourcePrefix[i + shape.source] - sourcePrefix[i]
        let t = targetPrefix[j + shape.target] - targetPrefix[j]
        let z = length.z(source: s, target: t)
        if shape.isNull {
            return priorCosts[k] + costs.nullLengthWeight * LengthModel.tailCost(z)
        }
        let evidence = anchors(i: i, a: shape.source, j: j, b: shape.target)
        return priorCosts[k] + LengthModel.tailCost(z) + anchorCost(evidence)
    }

    func anchorCost(_ e: Evidence) -> Double {
        let cap = costs.anchorCap
        var words = costs.cognateWeight * (e.cognateBonus - cognates.missCost * Double(e.cognatesMissed))
        if lexical != nil {
            // When a small lexicon counts beside the cognate test (`Aligner.smallLexiconPairs`),
            // both count the same missing words: the floor holds for their sum, or a loose
            // translation loses to a `1-0` + `0-1` pair. Cognates off: the lexical floor alone.
            words = max(words + costs.lexicalWeight * e.lexicalScore, -costs.lexicalWeight * costs.lexicalFloor)
        }
        return -costs.strongMatch * Double(min(e.strongMatched, cap))
            + costs.strongMismatch * Double(min(e.strongUnmatched, cap))
            - costs.nameMatch * Double(min(e.namesMatched, cap))
            - costs.markMatch * Double(e.marksMatched)
            + costs.markMismatch * Double(e.marksMismatched)
            - words
    }

    /// The evidence of a bead, for its confidence. O(anchors).
    func evidence(source range: Range<Int>, target targetRange: Range<Int>) -> Evidence {
        let s = sourcePrefix[range.upperBound] - sourcePrefix[range.lowerBound]
        let t = targetPrefix[targetRange.upperBound] - targetPrefix[targetRange.lowerBound]
        var e = range.isEmpty || targetRange.isEmpty ? Evidence() : anchors(i: range.lowerBound, a: range.count, j: targetRange.lowerBound, b: targetRange.count)
        e.z = length.z(source: s, target: t)
        return e
    }

    private func anchors(i: Int, a: Int, j: Int, b: Int) -> Evidence {
        var e = Evidence()
        var sourceMarks: UInt8 = 0, targetMarks: UInt8 = 0
        for x in i..<(i + a) { sourceMarks |= source[x].marks }
        for y in j..<(j + b) { targetMarks |= target[y].marks }
        e.marksMatched = (sourceMarks & targetMarks).nonzeroBitCount
        e.marksMismatched = (sourceMarks ^ targetMarks).nonzeroBitCount

        for x in i..<(i + a) {
            for value in source[x].strong where !Self.seen(value, in: source, i..<x) {
                if Self.seen(value, in: target, j..<(j + b)) { e.strongMatched += 1 } else { e.strongUnmatched += 1 }
            }
            for name in source[x].names where target[j..<(j + b)].contains(where: { $0.keys.contains(name) }) {
                e.namesMatched += 1
            }
        }
        for y in j..<(j + b) {
            for value in target[y].strong where !Self.seen(value, in: target, j..<y) && !Self.seen(value, in: source, i..<(i + a)) {
                e.strongUnmatched += 1
            }
            for name in target[y].names where source[i..<(i + a)].contains(where: { $0.keys.contains(name) }) {
                e.namesMatched += 1
            }
        }
        if cognates.isOn {
            var sourceWords = 0, targetWords = 0
            for x in i..<(i + a) { sourceWords += source[x].stems.count }
            for y in j..<(j + b) { targetWords += target[y].stems.count }
            var sourceFound = 0, targetFound = 0
            for x in i..<(i + a) {
                for stem in source[x].stems where Self.contains(stem, in: target, j..<(j + b)) { sourceFound += 1 }
            }
            for y in j..<(j + b) {
                for stem in target[y].stems where Self.contains(stem, in: source, i..<(i + a)) { targetFound += 1 }
            }
            e.cognatesMatched = sourceFound + targetFound
            e.cognatesMissed = sourceWords + targetWords - sourceFound - targetFound
            e.cognateBonus = Double(sourceFound) * cognates.matchBonus(otherWords: targetWords)
                + Double(targetFound) * cognates.matchBonus(otherWords: sourceWords)
        }
        if let lexical {
            var score = 0.0
            let toTarget = min(b, 3) - 1, toSource = min(a, 3) - 1
            for k in sourceLinkStarts[i]..<sourceLinkStarts[i + a] {
                let link = sourceLinks[k]
                if k >= sourceLinkStarts[i + 1], Self.holds(link, sourceLinks, sourceLinkStarts, i..<(i + a), before: k) { continue }
                let index = Int(link) * 3 + toTarget
                score += Self.holds(link, targetLinks, targetLinkStarts, j..<(j + b)) ? lexical.sourceFound[index] : lexical.sourceMissed[index]
            }
            for k in targetLinkStarts[j]..<targetLinkStarts[j + b] {
                let link = targetLinks[k]
                if k >= targetLinkStarts[j + 1], Self.holds(link, targetLinks, targetLinkStarts, j..<(j + b), before: k) { continue }
                let index = Int(link) * 3 + toSource
                score += Self.holds(link, sourceLinks, sourceLinkStarts, i..<(i + a)) ? lexical.targetFound[index] : lexical.targetMissed[index]
            }
            e.lexicalScore = max(score, -costs.lexicalFloor)
        }
        return e
    }

    /// Whether one of `units` (each a sorted run of `links`) holds `link` at a position before
    /// `before`: binary search per unit.
    @inline(__always)
    private static func holds(_ link: Int32, _ links: [Int32], _ starts: [Int], _ units: Range<Int>, before: Int = .max) -> Bool {
        for unit in units {
            var low = starts[unit], high = min(starts[unit + 1], before)
            guard low < high else { break }
            while low < high {
                let mid = (low + high) / 2
                if links[mid] < link { low = mid + 1 } else { high = mid }
            }
            if low < min(starts[unit + 1], before), links[low] == link { return true }
        }
        return false
    }

    /// Whether a sorted `stems` array of one of `units[range]` holds `value`: binary search.
    @inline(__always)
    private static func contains(_ value: Int, in units: [SentenceFeatures], _ range: Range<Int>) -> Bool {
        for index in range {
            let stems = units[index].stems
            var low = 0, high = stems.count
            while low < high {
                let mid = (low + high) / 2
                if stems[mid] < value { low = mid + 1 } else { high = mid }
            }
            if low < stems.count, stems[low] == value { return true }
        }
        return false
    }

    @inline(__always)
    private static func seen(_ value: Int, in units: [SentenceFeatures], _ range: Range<Int>) -> Bool {
        for index in range where units[index].strong.contains(value) { return true }
        return false
    }
}
