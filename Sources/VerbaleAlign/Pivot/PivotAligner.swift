import VerbaleCore

/// Aligns two or three documents into multilingual units through a pivot language.
///
/// With three documents it aligns pivot–A and pivot–B, then joins the two bead sequences on the
/// pivot's sentences: a unit spans the smallest run of pivot sentences that neither alignment
/// splits, and takes every A and B sentence aligned to it. A and B are never compared directly,
/// so an error costs at most the units it touches; the unit keeps the lower confidence. O(n)
/// beyond the pairwise alignments.
public struct PivotAligner: Sendable {
    public var aligner: Aligner
    /// Units below this confidence are flagged for review.
    public var minimumConfidence: Double

    public init(aligner: Aligner = Aligner(), minimumConfidence: Double = 0.5) {
        self.aligner = aligner
        self.minimumConfidence = minimumConfidence
    }

    public func align(_ documents: [AlignmentDocument], pivot: Language = .english) throws(AlignmentError) -> MultilingualAlignment {
        var results = try align(archive: [documents], pivot: pivot)
        return results.removeFirst()
    }

    /// Aligns every document set of an archive (the same languages in every set, in the same
    /// order), each other language to the pivot with one lexicon per language pair learnt from the
    /// whole archive (`Aligner.align(archive:)`). Why: notes of one archive share their vocabulary,
    /// so their confident beads teach each other's hard ones. Results come in the order of `sets`.
    /// Cost: the pairwise archive alignments plus O(n) per set to join them.
    public func align(archive sets: [[AlignmentDocument]], pivot: Language = .english) throws(AlignmentError) -> [MultilingualAlignment] {
        guard let first = sets.first else { return [] }
        let languages = first.map(\.language)
        for documents in sets {
            guard (2...3).contains(documents.count) else {
                throw .badLanguages("align takes two or three documents, got \(documents.count)")
            }
            guard Set(documents.map(\.language)).count == documents.count else {
                throw .badLanguages("each language may be given once; got \(documents.map(\.language.rawValue).joined(separator: ", "))")
            }
            guard documents.map(\.language) == languages else {
                throw .badLanguages("an archive is aligned in one set of languages (\(languages.map(\.rawValue).joined(separator: ", "))); found \(documents.map(\.language.rawValue).joined(separator: ", "))")
            }
        }
        guard let pivotIndex = languages.firstIndex(of: pivot) else {
            throw .badLanguages("the pivot \(pivot.rawValue) is not among the documents' languages (\(languages.map(\.rawValue).joined(separator: ", ")))")
        }
        let others = languages.indices.filter { $0 != pivotIndex }
        var pairsBySet = [[PairAlignment]](repeating: [], count: sets.count)
        for index in others {
            let results = try aligner.align(archive: sets.map { ($0[pivotIndex], $0[index]) })
            for (set, result) in results.enumerated() { pairsBySet[set].append(result) }
        }
        return zip(sets, pairsBySet).map { join($0, pairs: $1, pivot: pivot) }
    }

    /// Joins the pivot's pairwise alignments of one document set into multilingual units.
    private func join(_ documents: [AlignmentDocument], pairs: [PairAlignment], pivot: Language) -> MultilingualAlignment {
        let languages = documents.map(\.language)
        let sentences = Dictionary(uniqueKeysWithValues: documents.map { ($0.language, $0.sentences) })
        let pivotCount = sentences[pivot]?.count ?? 0

        // Boundaries after pivot sentence i kept by every pairwise alignment.
        var cut = [Bool](repeating: true, count: pivotCount + 1)
        for pair in pairs {
            var inside = [Bool](repeating: false, count: pivotCount + 1)
            for bead in pair.beads where bead.source.count > 1 {
                for k in (bead.source.lowerBound + 1)..<bead.source.upperBound { inside[k] = true }
            }
            for k in 0...pivotCount where inside[k] { cut[k] = false }
        }
        var pivotUnits: [Range<Int>] = []
        var start = 0
        for k in 1...max(pivotCount, 1) where k <= pivotCount && cut[k] {
            pivotUnits.append(start..<k)
            start = k
        }
        if pivotCount == 0 { pivotUnits = [] }

        // Each pivot unit's partners, and the beads that have no pivot sentence.
        var partners = [[Language: Range<Int>]](repeating: [:], count: pivotUnits.count)
        var confidences = [Double](repeating: 1, count: pivotUnits.count)
        var unitOf = [Int](repeating: 0, count: pivotCount + 1)
        for (u, range) in pivotUnits.enumerated() { for k in range { unitOf[k] = u } }
        unitOf[pivotCount] = pivotUnits.count
        var orphans: [(before: Int, language: Language, range: Range<Int>, confidence: Double)] = []
        for pair in pairs {
            let language = pair.targetLanguage
            for bead in pair.beads {
                if bead.source.isEmpty {
                    // A sentence the pivot lacks: it goes into the unit around it when that unit
                    // already spans both neighbours, otherwise it stands alone.
                    let next = bead.source.lowerBound
                    if next > 0, next < pivotCount, unitOf[next - 1] == unitOf[next] {
                        let u = unitOf[next]
                        partners[u][language] = Self.union(partners[u][language], bead.target)
                        confidences[u] = min(confidences[u], bead.confidence)
                    } else {
                        orphans.append((unitOf[next], language, bead.target, bead.confidence))
                    }
                    continue
                }
                let u = unitOf[bead.source.lowerBound]
                confidences[u] = min(confidences[u], bead.confidence)
                if !bead.target.isEmpty { partners[u][language] = Self.union(partners[u][language], bead.target) }
            }
        }

        var units: [AlignedUnit] = []
        var orphanIndex = 0
        orphans.sort { $0.before < $1.before }
        func emitOrphans(upTo u: Int) {
            while orphanIndex < orphans.count, orphans[orphanIndex].before <= u {
                let orphan = orphans[orphanIndex]
                units.append(makeUnit([orphan.language: orphan.range], languages: languages, sentences: sentences, confidence: orphan.confidence))
                orphanIndex += 1
            }
        }
        for (u, range) in pivotUnits.enumerated() {
            emitOrphans(upTo: u)
            var ranges = partners[u]
            ranges[pivot] = range
            units.append(makeUnit(ranges, languages: languages, sentences: sentences, confidence: confidences[u]))
        }
        emitOrphans(upTo: Int.max)
        // A document that does not look like a translation of the pivot (`DocumentEvidence`)
        // puts every unit in doubt, whatever --min-confidence says: flagged, stored unreviewed.
        if pairs.contains(where: \.evidence.looksUnrelated) {
            for index in units.indices { units[index].needsReview = true }
        }
        return MultilingualAlignment(languages: languages, pivot: pivot, units: units, pairs: pairs, minimumConfidence: minimumConfidence)
    }

    private func makeUnit(_ ranges: [Language: Range<Int>], languages: [Language], sentences: [Language: [String]], confidence: Double) -> AlignedUnit {
        var variants: [Language: String] = [:]
        for (language, range) in ranges where !range.isEmpty {
            variants[language] = sentences[language].map { $0[range].joined(separator: " ") }
        }
        let shape = languages.map { String(ranges[$0]?.count ?? 0) }.joined(separator: "-")
        let complete = languages.allSatisfy { variants[$0] != nil }
        let value = complete ? confidence : min(confidence, Confidence.nullConfidence)
        return AlignedUnit(variants: variants, sentences: ranges.filter { !$0.value.isEmpty }, confidence: value, bead: shape,
                           needsReview: !complete || value < minimumConfidence)
    }

    private static func union(_ a: Range<Int>?, _ b: Range<Int>) -> Range<Int> {
        guard let a else { return b }
        return min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
    }
}
