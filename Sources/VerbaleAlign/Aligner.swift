import VerbaleCore

/// Aligns two documents: paragraphs first, then sentences inside aligned paragraphs.
///
/// ```swift
/// let aligner = Aligner()
/// let result = try aligner.align(english, french)
/// for bead in result.beads { print(bead.shape, bead.confidence) }
/// ```
///
/// Both passes use the same cost: Gale–Church's length model (`LengthModel`, its ratio and
/// variance estimated from the document pair) plus anchor evidence (`AnchorExtractor`). Paragraph
/// alignment only narrows the search: a paragraph bead that is not a confident `1-1` is merged
/// with its neighbours, so a paragraph split or joined on one side does not force sentences
/// apart. Cost: O(n · band) time and memory for n sentences (see `BandedSearch`); two passes
/// when the variance estimated from the first differs from the one it used.
public struct Aligner: Sendable {
    public struct Options: Sendable {
        /// Glossary concepts to anchor on.
        public var concepts: [TermConcept]
        /// A fixed length model; nil estimates it from the documents.
        public var lengthModel: LengthModel?
        /// Nil picks `CostModel.default(khmer:)` for the pair.
        public var costModel: CostModel?
        /// Whether to align paragraphs first (off: one search over all sentences).
        public var paragraphsFirst: Bool

        public init(concepts: [TermConcept] = [], lengthModel: LengthModel? = nil, costModel: CostModel? = nil, paragraphsFirst: Bool = true) {
            self.concepts = concepts
            self.lengthModel = lengthModel
            self.costModel = costModel
            self.paragraphsFirst = paragraphsFirst
        }
    }

    public var options: Options

    /// How many source sentences the estimating first pass looks at.
    static let estimationPrefix = 600
    /// The lexicon learns from 1-1 beads at least this confident…
    static let trainingConfidence = 0.5
    /// …and from at most this many of them (enough for the words that matter; bounds the cost).
    static let trainingPairs = 3_000
    /// A sentence's words looked up in a bead: its most telling (rarest) linked words only, which
    /// carry most of the evidence and bound the search's cost per bead.
    static let linksPerSentence = 8

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Aligns `source` with `target`. Throws when either is empty.
    public func align(_ source: AlignmentDocument, _ target: AlignmentDocument) throws(AlignmentError) -> PairAlignment {
        guard !source.isEmpty else { throw .emptyDocument(name: source.language.rawValue) }
        guard !target.isEmpty else { throw .emptyDocument(name: target.language.rawValue) }
        var sourceFeatures = source.sentences.map(AnchorExtractor(language: source.language, concepts: options.concepts).features)
        var targetFeatures = target.sentences.map(AnchorExtractor(language: target.language, concepts: options.concepts).features)
        let costs = options.costModel ?? .default(khmer: source.language == .khmer || target.language == .khmer)

        var model = options.lengthModel ?? LengthModel.withRatio(
            sourceTotal: sourceFeatures.reduce(0) { $0 + $1.length },
            targetTotal: targetFeatures.reduce(0) { $0 + $1.length })
        // First pass: length and anchors with the default variance, on at most the first
        // `estimationPrefix` sentences (enough to measure; keeps long documents at about one
        // pass). The variance and the worth of cognates are estimated from its 1-1 beads (the
        // last fifth dropped: a prefix cut ends misaligned), and the full pass uses them.
        let prefix = min(sourceFeatures.count, Self.estimationPrefix)
        let targetPrefix = min(targetFeatures.count, Int((Double(prefix) * Double(targetFeatures.count) / Double(max(sourceFeatures.count, 1))).rounded()) + 10)
        let whole = prefix == sourceFeatures.count && targetPrefix == targetFeatures.count
        let sample = whole ? (source, target) : (AlignmentDocument(language: source.language, paragraphs: [Array(source.sentences.prefix(prefix))]),
                                                 AlignmentDocument(language: target.language, paragraphs: [Array(target.sentences.prefix(targetPrefix))]))
        var beads = pass(sample.0, sample.1, Array(sourceFeatures.prefix(prefix)), Array(targetFeatures.prefix(targetPrefix)), model, costs, .off, nil)
        let trusted = whole ? beads : Array(beads.prefix(beads.count * 4 / 5))
        let cognates = CognateModel.estimated(beads: trusted, source: sourceFeatures, target: targetFeatures)
        let refined: LengthModel
        if options.lengthModel == nil {
            let pairs = trusted.filter { $0.shape == .oneToOne }
                .map { (sourceFeatures[$0.source.lowerBound].length, targetFeatures[$0.target.lowerBound].length) }
            refined = model.refined(with: pairs)
        } else {
            refined = model
        }
        if !whole || cognates.isOn || abs(refined.variance - model.variance) > 0.15 * model.variance {
            model = refined
            beads = pass(source, target, sourceFeatures, targetFeatures, model, costs, cognates, nil)
        }
        // Lexical pass: word translations learnt from this alignment's trusted 1-1 beads, then
        // the whole search again with them in place of the cognate test (the lexicon learns the
        // cognates that matter — "Commission" ↔ "Commission" — and the pass is twice as fast
        // without both; measured on Europarl seed 1: F1 0.947 either way).
        if costs.lexicalWeight > 0 {
            let sourceWords = SentenceWords(source.sentences, language: source.language)
            let targetWords = SentenceWords(target.sentences, language: target.language)
            let training = beads.lazy.filter { $0.shape == .oneToOne && $0.confidence >= Self.trainingConfidence }
                .prefix(Self.trainingPairs)
                .map { (sourceWords.sentences[$0.source.lowerBound], targetWords.sentences[$0.target.lowerBound]) }
            let lexicon = TranslationLexicon.learned(from: Array(training), sourceVocabulary: sourceWords.vocabularySize,
                                                     targetVocabulary: targetWords.vocabularySize)
            if !lexicon.links.isEmpty {
                let scores = LexicalScores(lexicon, sourceSentences: sourceWords.sentences, targetSentences: targetWords.sentences)
                for index in sourceFeatures.indices {
                    sourceFeatures[index].links = scores.mostTelling(lexicon.sourceLinks(sourceWords.sentences[index]), worth: scores.sourceFound, limit: Self.linksPerSentence)
                }
                for index in targetFeatures.indices {
                    targetFeatures[index].links = scores.mostTelling(lexicon.targetLinks(targetWords.sentences[index]), worth: scores.targetFound, limit: Self.linksPerSentence)
                }
                beads = pass(source, target, sourceFeatures, targetFeatures, model, costs, .off, scores)
            }
        }
        return PairAlignment(sourceLanguage: source.language, targetLanguage: target.language, beads: beads,
                             lengthModel: model, sourceParagraphs: source.paragraphs.count, targetParagraphs: target.paragraphs.count)
    }

    private func pass(_ source: AlignmentDocument, _ target: AlignmentDocument,
                      _ sourceFeatures: [SentenceFeatures], _ targetFeatures: [SentenceFeatures],
                      _ model: LengthModel, _ costs: CostModel, _ cognates: CognateModel, _ lexical: LexicalScores?) -> [Bead] {
        let sourceStarts = source.paragraphStarts, targetStarts = target.paragraphStarts
        var groups: [(Range<Int>, Range<Int>)] = [(0..<sourceFeatures.count, 0..<targetFeatures.count)]
        if options.paragraphsFirst, source.paragraphs.count > 1 || target.paragraphs.count > 1 {
            let sourceParagraphs = sourceStarts.indices.dropLast().map { SentenceFeatures.joined(sourceFeatures[sourceStarts[$0]..<sourceStarts[$0 + 1]]) }
            let targetParagraphs = targetStarts.indices.dropLast().map { SentenceFeatures.joined(targetFeatures[targetStarts[$0]..<targetStarts[$0 + 1]]) }
            let scorer = BeadScorer(source: sourceParagraphs, target: targetParagraphs, length: model, costs: costs, cognates: cognates)
            let paragraphBeads = BandedSearch().run(scorer).map { s, t in
                (s, t, Confidence.of(shape: BeadShape(s.count, t.count), evidence: scorer.evidence(source: s, target: t)))
            }
            groups = Self.groups(paragraphBeads).map { s, t in
                (sourceStarts[s.lowerBound]..<sourceStarts[s.upperBound], targetStarts[t.lowerBound]..<targetStarts[t.upperBound])
            }
        }
        var beads: [Bead] = []
        for (s, t) in groups {
            let scorer = BeadScorer(source: Array(sourceFeatures[s]), target: Array(targetFeatures[t]), length: model, costs: costs,
                                    cognates: cognates, lexical: lexical)
            for (bs, bt) in BandedSearch().run(scorer) {
                let confidence = Confidence.of(shape: BeadShape(bs.count, bt.count), evidence: scorer.evidence(source: bs, target: bt))
                beads.append(Bead(source: (bs.lowerBound + s.lowerBound)..<(bs.upperBound + s.lowerBound),
                                  target: (bt.lowerBound + t.lowerBound)..<(bt.upperBound + t.lowerBound),
                                  confidence: confidence))
            }
        }
        return beads
    }

    /// Joins paragraph beads into the groups sentences are aligned within: a boundary between two
    /// paragraph beads is kept only when both are confident `1-1` beads.
    static func groups(_ beads: [(Range<Int>, Range<Int>, Double)]) -> [(Range<Int>, Range<Int>)] {
        func firm(_ bead: (Range<Int>, Range<Int>, Double)) -> Bool {
            bead.0.count == 1 && bead.1.count == 1 && bead.2 >= 0.5
        }
        var groups: [(Range<Int>, Range<Int>)] = []
        for (index, bead) in beads.enumerated() {
            if let last = groups.last, index > 0, !(firm(beads[index - 1]) && firm(bead)) {
                groups[groups.count - 1] = (last.0.lowerBound..<bead.0.upperBound, last.1.lowerBound..<bead.1.upperBound)
            } else {
                groups.append((bead.0, bead.1))
            }
        }
        return groups
    }
}

/// The alignment of two documents.
public struct PairAlignment: Sendable {
    public var sourceLanguage: Language
    public var targetLanguage: Language
    /// In order, covering every sentence of both documents exactly once.
    public var beads: [Bead]
    /// The length model the final pass used (estimated from the documents unless fixed).
    public var lengthModel: LengthModel
    public var sourceParagraphs: Int
    public var targetParagraphs: Int
}
