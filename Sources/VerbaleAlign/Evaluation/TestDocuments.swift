import VerbaleCore

/// A pair of documents whose true alignment is known, for measuring the aligner.
public struct EvaluationDocument: Sendable {
    public var source: AlignmentDocument
    public var target: AlignmentDocument
    /// The true beads, in order.
    public var gold: [Bead]
}

/// Builds evaluation documents from sentence-aligned parallel text by damaging it the way real
/// document pairs differ: sentences deleted on one side, two (or three) sentences merged into one
/// on one side, paragraph breaks — occasionally a paragraph split on one side only.
///
/// Deterministic for a seed. The recipe per document of `length` consecutive pairs: 1–3
/// deletions (random side each), 1–2 two-sentence merges (random side), with `threeWayMerges`
/// one three-sentence merge on the target side in half the documents, paragraphs of 4–12 units,
/// and in 15 % of documents one extra paragraph break on one side.
public struct TestDocuments: Sendable {
    public var documents: Int
    public var length: Int
    public var threeWayMerges: Bool

    public init(documents: Int, length: Int, threeWayMerges: Bool = false) {
        self.documents = documents
        self.length = length
        self.threeWayMerges = threeWayMerges
    }

    public func make(pairs: [(String, String)], languages: (Language, Language), seed: UInt64) -> [EvaluationDocument] {
        var rng = SeededGenerator(seed: seed)
        var result: [EvaluationDocument] = []
        let count = min(documents, pairs.count / max(length, 1))
        for d in 0..<count {
            let slice = Array(pairs[(d * length)..<((d + 1) * length)])
            result.append(document(slice, languages: languages, rng: &rng))
        }
        return result
    }

    private enum Edit { case keep, deleteSource, deleteTarget, mergeSource(Int), mergeTarget(Int), merged }

    private func document(_ pairs: [(String, String)], languages: (Language, Language), rng: inout SeededGenerator) -> EvaluationDocument {
        let n = pairs.count
        var edits = [Edit](repeating: .keep, count: n)
        func free(_ range: Range<Int>) -> Bool {
            range.lowerBound >= 0 && range.upperBound <= n && range.allSatisfy { if case .keep = edits[$0] { return true } else { return false } }
        }
        var attempts = 0
        func place(_ size: Int, _ apply: (Int) -> Void) {
            while attempts < 1000 {
                attempts += 1
                let start = Int.random(in: 0..<n, using: &rng)
                // Keep a kept pair on each side of every edit, so edits stay separable.
                if free((start - 1)..<(start + size + 1)) { apply(start); return }
            }
        }
        if threeWayMerges, Bool.random(using: &rng) {
            place(3) { s in edits[s] = .mergeTarget(3); edits[s + 1] = .merged; edits[s + 2] = .merged }
        }
        for _ in 0..<Int.random(in: 1...2, using: &rng) {
            let onSource = Bool.random(using: &rng)
            place(2) { s in edits[s] = onSource ? .mergeSource(2) : .mergeTarget(2); edits[s + 1] = .merged }
        }
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let onSource = Bool.random(using: &rng)
            place(1) { s in edits[s] = onSource ? .deleteSource : .deleteTarget }
        }

        // Gold units: (source sentences, target sentences).
        var units: [([String], [String])] = []
        var i = 0
        while i < n {
            switch edits[i] {
            case .keep, .merged: units.append(([pairs[i].0], [pairs[i].1])); i += 1
            case .deleteSource: units.append(([], [pairs[i].1])); i += 1
            case .deleteTarget: units.append(([pairs[i].0], [])); i += 1
            case let .mergeSource(k):
                units.append(([pairs[i..<(i + k)].map(\.0).joined(separator: " ")], pairs[i..<(i + k)].map(\.1))); i += k
            case let .mergeTarget(k):
                units.append((pairs[i..<(i + k)].map(\.0), [pairs[i..<(i + k)].map(\.1).joined(separator: " ")])); i += k
            }
        }

        var sourceParagraphs: [[String]] = [[]], targetParagraphs: [[String]] = [[]]
        var gold: [Bead] = []
        var s = 0, t = 0
        var untilBreak = Int.random(in: 4...12, using: &rng)
        let extraBreakAt = Double.random(in: 0..<1, using: &rng) < 0.15 ? Int.random(in: 1..<max(units.count, 2), using: &rng) : -1
        let extraOnSource = Bool.random(using: &rng)
        for (index, unit) in units.enumerated() {
            if index == extraBreakAt {
                if extraOnSource, !(sourceParagraphs.last ?? []).isEmpty { sourceParagraphs.append([]) }
                if !extraOnSource, !(targetParagraphs.last ?? []).isEmpty { targetParagraphs.append([]) }
            }
            sourceParagraphs[sourceParagraphs.count - 1] += unit.0
            targetParagraphs[targetParagraphs.count - 1] += unit.1
            gold.append(Bead(source: s..<(s + unit.0.count), target: t..<(t + unit.1.count), confidence: 1))
            s += unit.0.count
            t += unit.1.count
            untilBreak -= 1
            if untilBreak == 0 {
                untilBreak = Int.random(in: 4...12, using: &rng)
                sourceParagraphs.append([])
                targetParagraphs.append([])
            }
        }
        return EvaluationDocument(source: AlignmentDocument(language: languages.0, paragraphs: sourceParagraphs),
                                  target: AlignmentDocument(language: languages.1, paragraphs: targetParagraphs),
                                  gold: gold)
    }
}
