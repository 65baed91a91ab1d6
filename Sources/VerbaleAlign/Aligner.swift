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
        /// Whether the lexical pass splits a `2-2` bead whose halves each translate each other
        /// (`Aligner.splitSupported`).
        public var splitsSupportedBeads: Bool
        /// Whether a small lexicon (learnt from fewer than `Aligner.smallLexiconPairs` beads: one
        /// note, a few notes) is bootstrapped: the lexical pass keeps the cognate test beside it,
        /// and the lexicon is learnt again from that pass's beads for another pass (at most
        /// `Aligner.smallLexiconRounds` in all).
        public var bootstrapsSmallLexicons: Bool
        /// Whether a Latin-script pair too short to measure its cognates (a note verbale) counts
        /// them with `CognateModel.latinPrior` rather than not at all (review 1130c M7).
        public var assumesCognatesInShortPairs: Bool
        /// Whether a bead whose sides share no content, beside a bead that is not `1-1` with no
        /// shared content in between, has its confidence capped (`DocumentEvidence.doubtfulBeads`,
        /// review 1130c M7).
        public var capsUnsupportedBeads: Bool
        /// Whether a merge bead holding an edge sentence that brings no content evidence of its
        /// own and spoils the length fit is split into a `1-1` and a bead without counterpart
        /// (`PaddedMerge`, review 1130d M7: a sentence the translation left out, hidden in a `2-1`).
        public var splitsPaddedMerges: Bool

        public init(concepts: [TermConcept] = [], lengthModel: LengthModel? = nil, costModel: CostModel? = nil, paragraphsFirst: Bool = true,
                    splitsSupportedBeads: Bool = true, bootstrapsSmallLexicons: Bool = true,
                    assumesCognatesInShortPairs: Bool = true, capsUnsupportedBeads: Bool = true,
                    splitsPaddedMerges: Bool = true) {
            self.concepts = concepts
            self.lengthModel = lengthModel
            self.costModel = costModel
            self.paragraphsFirst = paragraphsFirst
            self.splitsSupportedBeads = splitsSupportedBeads
            self.bootstrapsSmallLexicons = bootstrapsSmallLexicons
            self.assumesCognatesInShortPairs = assumesCognatesInShortPairs
            self.capsUnsupportedBeads = capsUnsupportedBeads
            self.splitsPaddedMerges = splitsPaddedMerges
        }
    }

    public var options: Options

    /// How many source sentences the estimating first pass looks at.
    static let estimationPrefix = 600
    /// The lexicon learns from 1-1 beads at least this confident…
    static let trainingConfidence = 0.5
    /// …and from at most this many of them per document (enough for the words that matter;
    /// bounds the cost)…
    static let trainingPairs = 3_000
    /// …and this many in an archive.
    static let archiveTrainingPairs = 40_000
    /// A sentence's words looked up in a bead: its most telling (rarest) linked words only, which
    /// carry most of the evidence and bound the search's cost per bead. 16 rather than 8 since
    /// lexicons are learnt from whole archives: measured on Europarl line-parallel documents
    /// (archive mode, 60 documents) F1 0.9765 / 0.9805 / 0.9821 / 0.9830 / 0.9830 for 5 / 8 /
    /// 12 / 16 / 24 links on seed 1 and 0.9822 → 0.9854 (8 → 16) on seed 3; 5,000 × 5,000
    /// sentences: 3.7 → 4.2 s CPU.
    static let linksPerSentence = 16
    /// The lexical evidence (nats) each half of a `2-2` bead needs for `splitSupported` to split
    /// it: 0, "at least as likely a translation as not".
    static let splitEvidence = 0.0

    /// A lexicon learnt from fewer confident `1-1` beads than this (a few notes, not an archive)
    /// is "small": `Options.bootstrapsSmallLexicons` then keeps the cognate test beside it and
    /// learns it again from the lexical pass's beads (`smallLexiconRounds`). 300: three 100-sentence documents; one note teaches ≈ 35–90.
    static let smallLexiconPairs = 300
    /// How many times a small lexicon is learnt at most (each from the previous pass's beads),
    /// stopping early when a pass leaves the beads as they were. Measured per document, 2 → 3
    /// rounds: seed 1 EN–KM F1 0.9316 → 0.9384, line-parallel Europarl 0.9804 → 0.9805; held
    /// out, seed 2 all lines equal (Europarl all 0.9495 → 0.9496), seed 3 line-parallel 0.9807
    /// → 0.9808, the others equal.
    static let smallLexiconRounds = 3

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Aligns `source` with `target`. Throws when either is empty.
    public func align(_ source: AlignmentDocument, _ target: AlignmentDocument) throws(AlignmentError) -> PairAlignment {
        var results = try align(archive: [(source, target)])
        return results.removeFirst()
    }

    /// Aligns every document pair of an archive (the same two languages throughout), learning one
    /// word-translation lexicon from all of them — the way hunalign bootstraps its dictionary
    /// from the whole corpus it aligns.
    ///
    /// Why: a 40- or 100-sentence note teaches a lexicon little, while an archive of notes shares
    /// its vocabulary ("Ambassade", "note verbale", "ក្រសួងការបរទេស"); the words learnt from the
    /// confident `1-1` beads of all the notes then tell apart the hard beads of each. Each pair is
    /// still aligned on its own (its own length model, paragraphs and anchors); only the lexicon
    /// is shared. Results come in the order of `pairs`, and a one-pair archive is exactly
    /// `align(_:_:)`. Cost: the per-document passes (O(n · band) each) plus one lexicon learnt
    /// from at most `trainingPairs` beads per document and `archiveTrainingPairs` in all
    /// (O(Σ |s|·|t|) over them); memory: every document's features at once.
    public func align(archive pairs: [(AlignmentDocument, AlignmentDocument)]) throws(AlignmentError) -> [PairAlignment] {
        guard let first = pairs.first else { return [] }
        let languages = (first.0.language, first.1.language)
        var drafts: [Draft] = []
        drafts.reserveCapacity(pairs.count)
        for (source, target) in pairs {
            guard source.language == languages.0, target.language == languages.1 else {
                throw .badLanguages("an archive is aligned in one language pair (\(languages.0.rawValue)–\(languages.1.rawValue)); found \(source.language.rawValue)–\(target.language.rawValue)")
            }
            drafts.append(try draft(source, target))
        }
        let costs = options.costModel ?? .default(khmer: languages.0 == .khmer || languages.1 == .khmer)
        let caps = options.capsUnsupportedBeads, splits = options.splitsPaddedMerges
        guard costs.lexicalWeight > 0 else { return drafts.map { $0.result(capsUnsupported: caps, splitsPaddedMerges: splits) } }

        // Lexical pass: word translations learnt from the trusted 1-1 beads of every document,
        // then each document's search again with them in place of the cognate test (the lexicon
        // learns the cognates that matter — "Commission" ↔ "Commission" — and the pass is twice
        // as fast without both; measured on Europarl seed 1: F1 0.947 either way).
        //
        // A small lexicon (one note, a few notes: fewer than `smallLexiconPairs` training beads)
        // is bootstrapped: it knows too few words to replace the cognate test, so both count
        // (their sum floored once, `BeadScorer.anchorCost`), and it is learnt again from the
        // beads of its own pass for another pass — hunalign's bootstrap, up to
        // `smallLexiconRounds` rounds. Measured per document, three rounds (seed 1, the
        // development set; seeds 2 and 3 held out): line-parallel Europarl F1 0.9777 / 0.9781 /
        // 0.9782 → 0.9805 / 0.9808 / 0.9808, EN–KM 0.931 / 0.949 / 0.914 → 0.938 / 0.952 /
        // 0.914, FR–KM 0.913 / 0.942 / 0.935 → 0.940 / 0.946 / 0.948. An archive's lexicon
        // (thousands of beads) is left as it is: there a second round moved the Khmer lines
        // both ways. Cost: a pass per round, only for documents small enough that a pass is
        // cheap (a 5,000-sentence document trains on 3,000 beads and is not bootstrapped).
        var sourceVocabulary = WordVocabulary(language: languages.0)
        var targetVocabulary = WordVocabulary(language: languages.1)
        var words: [(SentenceWords, SentenceWords)] = []
        for draft in drafts {
            words.append((SentenceWords(draft.source.sentences, vocabulary: &sourceVocabulary),
                          SentenceWords(draft.target.sentences, vocabulary: &targetVocabulary)))
        }
        var current = drafts
        var rounds = 1, small = false
        var round = 0
        while round < rounds {
            round += 1
            var training: [([Int32], [Int32])] = []
            for (draft, words) in zip(current, words) {
                guard training.count < Self.archiveTrainingPairs else { break }
                training += draft.beads.lazy.filter { $0.shape == .oneToOne && $0.confidence >= Self.trainingConfidence }
                    .prefix(min(Self.trainingPairs, Self.archiveTrainingPairs - training.count))
                    .map { (words.0.sentences[$0.source.lowerBound], words.1.sentences[$0.target.lowerBound]) }
            }
            let previous = current
            let lexicon = TranslationLexicon.learned(from: training, sourceVocabulary: sourceVocabulary.count,
                                                     targetVocabulary: targetVocabulary.count)
            guard !lexicon.links.isEmpty else { break }
            if round == 1, options.bootstrapsSmallLexicons, training.count < Self.smallLexiconPairs {
                small = true
                rounds = Self.smallLexiconRounds
            }
            current = zip(current, words).map { draft, words in
                var draft = draft
                let scores = LexicalScores(lexicon, sourceSentences: words.0.sentences, targetSentences: words.1.sentences)
                for index in draft.sourceFeatures.indices {
                    draft.sourceFeatures[index].links = scores.mostTelling(lexicon.sourceLinks(words.0.sentences[index]), worth: scores.sourceFound, limit: Self.linksPerSentence)
                }
                for index in draft.targetFeatures.indices {
                    draft.targetFeatures[index].links = scores.mostTelling(lexicon.targetLinks(words.1.sentences[index]), worth: scores.targetFound, limit: Self.linksPerSentence)
                }
                draft.beads = pass(draft.source, draft.target, draft.sourceFeatures, draft.targetFeatures, draft.model, draft.costs, small ? draft.cognates : .off, scores)
                return draft
            }
            // Beads as the round before: the next lexicon would be the same one.
            if round > 1, zip(previous, current).allSatisfy({ $0.beads == $1.beads }) { break }
        }
        return current.map { $0.result(capsUnsupported: caps, splitsPaddedMerges: splits) }
    }

    /// One document pair aligned by length and anchors (and cognates), before the lexical pass.
    private struct Draft {
        var source: AlignmentDocument
        var target: AlignmentDocument
        var sourceFeatures: [SentenceFeatures]
        var targetFeatures: [SentenceFeatures]
        var model: LengthModel
        var costs: CostModel
        var cognates: CognateModel
        var beads: [Bead]

        /// The alignment, judged on content (`DocumentEvidence`): a pair that does not look like
        /// translations has every bead's confidence capped at `DocumentEvidence.unrelatedConfidence`;
        /// otherwise (`capsUnsupported`) a bead placed by length alone beside a bead that is not
        /// `1-1` is capped at `DocumentEvidence.doubtfulConfidence`. Applied to the result only —
        /// the lexicon still learns from the beads as scored — so the beads themselves (and bead
        /// precision/recall) are exactly those of the search — except that, first
        /// (`splitsPaddedMerges`), a merge padded with a sentence the other side leaves out is
        /// split (`PaddedMerge`), which does change the beads.
        func result(capsUnsupported: Bool, splitsPaddedMerges: Bool) -> PairAlignment {
            var beads = splitsPaddedMerges ? PaddedMerge.split(self.beads, source: sourceFeatures, target: targetFeatures, model: model) : self.beads
            let evidence = DocumentEvidence(beads: beads, source: sourceFeatures, target: targetFeatures)
            if evidence.looksUnrelated {
                for index in beads.indices { beads[index].confidence = min(beads[index].confidence, DocumentEvidence.unrelatedConfidence) }
            } else if capsUnsupported {
                for index in DocumentEvidence.doubtfulBeads(beads, source: sourceFeatures, target: targetFeatures) {
                    beads[index].confidence = min(beads[index].confidence, DocumentEvidence.doubtfulConfidence)
                }
            }
            return PairAlignment(sourceLanguage: source.language, targetLanguage: target.language, beads: beads,
                                 lengthModel: model, sourceParagraphs: source.paragraphs.count, targetParagraphs: target.paragraphs.count,
                                 evidence: evidence)
        }
    }

    private func draft(_ source: AlignmentDocument, _ target: AlignmentDocument) throws(AlignmentError) -> Draft {
        guard !source.isEmpty else { throw .emptyDocument(name: source.language.rawValue) }
        guard !target.isEmpty else { throw .emptyDocument(name: target.language.rawValue) }
        let sourceFeatures = source.sentences.map(AnchorExtractor(language: source.language, concepts: options.concepts).features)
        let targetFeatures = target.sentences.map(AnchorExtractor(language: target.language, concepts: options.concepts).features)
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
        let latinPair = source.language != .khmer && target.language != .khmer
        let cognates = CognateModel.estimated(beads: trusted, source: sourceFeatures, target: targetFeatures,
                                              shortFallback: options.assumesCognatesInShortPairs && latinPair ? .latinPrior : .off)
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
        return Draft(source: source, target: target, sourceFeatures: sourceFeatures, targetFeatures: targetFeatures,
                     model: model, costs: costs, cognates: cognates, beads: beads)
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
            var found = BandedSearch().run(scorer)
            if lexical != nil, options.splitsSupportedBeads { found = Self.splitSupported(found, scorer) }
            for (bs, bt) in found {
                let confidence = Confidence.of(shape: BeadShape(bs.count, bt.count), evidence: scorer.evidence(source: bs, target: bt))
                beads.append(Bead(source: (bs.lowerBound + s.lowerBound)..<(bs.upperBound + s.lowerBound),
                                  target: (bt.lowerBound + t.lowerBound)..<(bt.upperBound + t.lowerBound),
                                  confidence: confidence))
            }
        }
        return beads
    }

    /// Splits each `2-2` bead whose two diagonal halves are each, on their own, supported by the
    /// lexicon (a lexical log-likelihood ratio of at least `splitEvidence`) into two `1-1` beads.
    ///
    /// Why: when a translator moves a clause across a sentence boundary, the length model prefers
    /// the `2-2` bead (each half's lengths are off, the whole's are not), and the search takes
    /// it; but a memory wants the finest units that are translations, and two halves whose words
    /// translate each other are such units. Measured on Europarl seed 1 (the development set,
    /// 60 documents, archive mode): line-parallel F1 0.9793 → 0.9805; seed 3: 0.9822 with it.
    /// O(beads).
    static func splitSupported(_ beads: [(Range<Int>, Range<Int>)], _ scorer: BeadScorer) -> [(Range<Int>, Range<Int>)] {
        var result: [(Range<Int>, Range<Int>)] = []
        for (s, t) in beads {
            if s.count == 2, t.count == 2 {
                let first = (s.lowerBound..<(s.lowerBound + 1), t.lowerBound..<(t.lowerBound + 1))
                let second = ((s.lowerBound + 1)..<s.upperBound, (t.lowerBound + 1)..<t.upperBound)
                if scorer.evidence(source: first.0, target: first.1).lexicalScore >= Self.splitEvidence,
                   scorer.evidence(source: second.0, target: second.1).lexicalScore >= Self.splitEvidence {
                    result.append(first)
                    result.append(second)
                    continue
                }
            }
            result.append((s, t))
        }
        return result
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
    /// What the aligned beads share in content; `looksUnrelated` when the two documents do not
    /// look like translations of each other (every bead's confidence is then capped).
    public var evidence: DocumentEvidence = DocumentEvidence(beads: 0, supported: 0, chanceSupported: 0)
}
