/// A merge bead (`2-1`, `1-2`, `3-1`, `1-3`) that holds a sentence the other side does not
/// translate: the sentence is split off as a bead without counterpart.
///
/// Why (review 1130d M7): when a translation leaves a sentence out, the search often hides the
/// gap inside a merge — "The Embassy … from 3 to 5 March 2021." + "The delegation will be
/// composed of five officials of the Ministry of Health." paired with the one French sentence at
/// 0.999 and stored as translated. The shape prior favours the merge (`2-1` is about nine times
/// as likely as `1-0` in Gale and Church's counts) and the dropped sentence's common cognates
/// ("delegation", "Ministry") count as support for it, although the other sentence of the merge
/// shares them too. So the evidence is read per sentence: an edge sentence of the merge is
/// *padding* when
/// - everything it shares with the other side (numbers, dates, names, cognates, marks — the
///   content evidence of `DocumentEvidence.shareContent`) is shared by the rest of the merge as
///   well, while the rest does share something: it brings no evidence of its own; and
/// - the rest alone fits the other side's length better than the whole merge (|z| smaller).
/// A true merge passes neither test: its second sentence's content is in the translation (a
/// number, a name, a cognate only it has), and the translation is as long as both sentences.
/// The split keeps the merge's confidence on the `1-1` that remains (its evidence is the
/// merge's, by the first test) and gives the split sentence `Confidence.nullConfidence`, so it is
/// flagged for review and the good pair is kept. Khmer sides have no cognates: there only
/// numbers, names and marks count, and a merge whose rest shares none is left as it is.
/// Cost: O(anchors of the merge beads); none for `1-1` beads.
enum PaddedMerge {
    /// What a side shares with the other side, by kind (hashes as in `SentenceFeatures`).
    struct Shared: Equatable {
        var strong: Set<Int> = []
        var stems: Set<Int> = []
        /// Names of the side found among the other side's keys.
        var names: Set<Int> = []
        /// Names of the other side found among this side's keys.
        var namesFound: Set<Int> = []
        var marks: UInt8 = 0

        var isEmpty: Bool { strong.isEmpty && stems.isEmpty && names.isEmpty && namesFound.isEmpty && marks == 0 }

        func isSubset(of other: Shared) -> Bool {
            strong.isSubset(of: other.strong) && stems.isSubset(of: other.stems) && names.isSubset(of: other.names)
                && namesFound.isSubset(of: other.namesFound) && marks & ~other.marks == 0
        }
    }

    /// What `side` shares with `other`, the kinds `DocumentEvidence.shareContent` counts.
    static func shared(_ side: SentenceFeatures, with other: SentenceFeatures) -> Shared {
        let marks = SentenceFeatures.Marks.question | SentenceFeatures.Marks.exclamation | SentenceFeatures.Marks.colon
        return Shared(strong: Set(side.strong).intersection(other.strong),
                      stems: Set(side.stems).intersection(other.stems),
                      names: Set(side.names.filter(other.keys.contains)),
                      namesFound: Set(other.names.filter(side.keys.contains)),
                      marks: side.marks & other.marks & marks)
    }

    /// The beads with every padded merge split: the padding sentence becomes a `1-0`/`0-1` bead
    /// at `Confidence.nullConfidence` beside a `1-1` (or smaller merge) that keeps the merge's
    /// confidence. Beads that are not merges come back unchanged.
    static func split(_ beads: [Bead], source: [SentenceFeatures], target: [SentenceFeatures], model: LengthModel) -> [Bead] {
        var result: [Bead] = []
        result.reserveCapacity(beads.count)
        for bead in beads {
            result += split(bead, source: source, target: target, model: model)
        }
        return result
    }

    /// One bead, split when it is a padded merge (see the type's comment).
    static func split(_ bead: Bead, source: [SentenceFeatures], target: [SentenceFeatures], model: LengthModel) -> [Bead] {
        let manySource: Bool
        switch (bead.source.count, bead.target.count) {
        case (2...3, 1): manySource = true
        case (1, 2...3): manySource = false
        default: return [bead]
        }
        let many = manySource ? bead.source : bead.target
        let features = manySource ? source : target
        let other = manySource ? DocumentEvidence.joined(target, bead.target) : DocumentEvidence.joined(source, bead.source)
        let whole = DocumentEvidence.joined(features, many)
        func z(_ length: Int) -> Double {
            abs(manySource ? model.z(source: length, target: other.length) : model.z(source: other.length, target: length))
        }
        // The edge sentence that is padding, if one is: the last first (a sentence added after
        // the one translated is the commoner case), then the first.
        for edge in [many.upperBound - 1, many.lowerBound] {
            let rest = edge == many.lowerBound ? (many.lowerBound + 1)..<many.upperBound : many.lowerBound..<(many.upperBound - 1)
            let restFeatures = DocumentEvidence.joined(features, rest)
            let restShared = shared(restFeatures, with: other)
            guard !restShared.isEmpty,
                  shared(features[edge], with: other).isSubset(of: restShared),
                  z(restFeatures.length) < z(whole.length) else { continue }
            var kept = bead
            var padding = Bead(source: edge..<(edge + 1), target: bead.target.upperBound..<bead.target.upperBound,
                               confidence: Confidence.nullConfidence)
            if manySource {
                kept.source = rest
                padding.target = edge == many.lowerBound ? bead.target.lowerBound..<bead.target.lowerBound : padding.target
            } else {
                kept.target = rest
                padding = Bead(source: edge == many.lowerBound ? bead.source.lowerBound..<bead.source.lowerBound : bead.source.upperBound..<bead.source.upperBound,
                               target: edge..<(edge + 1), confidence: Confidence.nullConfidence)
            }
            return edge == many.lowerBound ? [padding, kept] : [kept, padding]
        }
        return [bead]
    }
}
