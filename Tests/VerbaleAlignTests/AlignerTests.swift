import Foundation
import Testing
import VerbaleCore
@testable import VerbaleAlign

@Suite("Sentence alignment")
struct AlignerTests {
    static let english = [
        "The Embassy presents its compliments to the Ministry.",
        "The delegation will arrive on 12 March 2024.",
        "It will consist of 5 members.",
        "Could the Ministry confirm the arrangements?",
        "Please reply to protocol@embassy.example.",
        "The Embassy renews the assurances of its highest consideration.",
    ]
    static let french = [
        "L'Ambassade présente ses compliments au Ministère.",
        "La délégation arrivera le 12 mars 2024.",
        "Elle sera composée de 5 membres.",
        "Le Ministère pourrait-il confirmer les dispositions ?",
        "Merci de répondre à protocol@embassy.example.",
        "L'Ambassade renouvelle les assurances de sa très haute considération.",
    ]

    @Test("Parallel sentences align one to one with high confidence")
    func oneToOne() throws {
        let result = try Aligner().align(AlignmentDocument(language: .english, paragraphs: [Self.english]),
                                         AlignmentDocument(language: .french, paragraphs: [Self.french]))
        #expect(result.beads.map(\.shape) == Array(repeating: .oneToOne, count: 6))
        #expect(result.beads.allSatisfy { $0.confidence > 0.8 })
    }

    @Test("A sentence missing on one side becomes a 1-0 bead flagged for review")
    func deletion() throws {
        var french = Self.french
        french.remove(at: 3)
        let result = try Aligner().align(AlignmentDocument(language: .english, paragraphs: [Self.english]),
                                         AlignmentDocument(language: .french, paragraphs: [french]))
        let null = result.beads.filter { $0.shape.isNull }
        #expect(null.count == 1)
        #expect(null.first?.source == 3..<4)
        #expect((null.first?.confidence ?? 1) < 0.5)
    }

    @Test("Two sentences merged in the translation become a 2-1 bead")
    func merge() throws {
        var french = Self.french
        french[1] = french[1] + " " + french[2]
        french.remove(at: 2)
        let result = try Aligner().align(AlignmentDocument(language: .english, paragraphs: [Self.english]),
                                         AlignmentDocument(language: .french, paragraphs: [french]))
        #expect(result.beads.contains { $0.source == 1..<3 && $0.target == 1..<2 })
    }

    @Test("Khmer digits agree with Latin digits, and group separators do not matter")
    func khmerDigits() {
        let english = AnchorExtractor(language: .english).features(of: "Note No. 1,250 of 12 March 2024")
        let khmer = AnchorExtractor(language: .khmer).features(of: "កំណត់\u{200B}ទូត\u{200B}លេខ ១២៥០ ចុះ\u{200B}ថ្ងៃទី ១២ មីនា ២០២៤")
        #expect(Set(english.strong) == Set(khmer.strong))
        let french = AnchorExtractor(language: .french).features(of: "Note n° 1 250 du 12 mars 2024")
        #expect(Set(english.strong) == Set(french.strong))
    }

    @Test("Glossary concepts anchor on whole words only")
    func glossaryAnchors() {
        let concepts = [TermConcept(renderings: [.english: ["Oman"], .khmer: ["អូម៉ង់"]])]
        let hit = AnchorExtractor(language: .english, concepts: concepts).features(of: "The Sultanate of Oman replied.")
        let miss = AnchorExtractor(language: .english, concepts: concepts).features(of: "The woman replied.")
        let khmer = AnchorExtractor(language: .khmer, concepts: concepts).features(of: "ប្រទេស\u{200B}អូម៉ង់")
        #expect(hit.names.contains(AnchorExtractor.hash("term:0")))
        #expect(!miss.names.contains(AnchorExtractor.hash("term:0")))
        #expect(khmer.names.contains(AnchorExtractor.hash("term:0")))
    }

    @Test("An empty side is a clear error")
    func emptySide() {
        #expect(throws: AlignmentError.emptyDocument(name: "fr")) {
            try Aligner().align(AlignmentDocument(language: .english, paragraphs: [Self.english]),
                                AlignmentDocument(language: .french, paragraphs: [["  ", "\u{200B}"]]))
        }
    }

    @Test("Different numbers of paragraphs still align the sentences")
    func paragraphMismatch() throws {
        let result = try Aligner().align(
            AlignmentDocument(language: .english, paragraphs: [Array(Self.english[0..<3]), Array(Self.english[3...])]),
            AlignmentDocument(language: .french, paragraphs: [Array(Self.french[0..<1]), Array(Self.french[1..<4]), Array(Self.french[4...])]))
        #expect(result.beads.map(\.shape) == Array(repeating: .oneToOne, count: 6))
        #expect(result.sourceParagraphs == 2 && result.targetParagraphs == 3)
    }

    @Test("The band widens until the path is clear of its edge: same result as the full matrix", .enabled(if: SharedData.isAvailable))
    func bandIsExact() throws {
        guard let pairs = AlignmentEvaluation.europarlPairs() else { return }
        let documents = TestDocuments(documents: 3, length: 150).make(pairs: pairs, languages: (.english, .french), seed: 11)
        for document in documents {
            let source = document.source.sentences.map(AnchorExtractor(language: .english).features)
            let target = Array(document.target.sentences.map(AnchorExtractor(language: .french).features).dropFirst(12))
            let scorer = BeadScorer(source: source, target: target, length: LengthModel(ratio: 1.1), costs: CostModel())
            let narrow = BandedSearch(initialHalfWidth: 4).run(scorer)
            let full = BandedSearch(initialHalfWidth: 10_000).run(scorer)
            #expect(narrow.map { "\($0.0)\($0.1)" } == full.map { "\($0.0)\($0.1)" })
        }
    }

    @Test("Length model: ratio from the totals, tail cost grows with the difference")
    func lengthModel() {
        let model = LengthModel.withRatio(sourceTotal: 1_000, targetTotal: 600)
        #expect(abs(model.ratio - 0.6) < 1e-9)
        #expect(abs(model.z(source: 100, target: 60)) < 1e-9)
        #expect(LengthModel.tailCost(0) < 1e-9)
        #expect(LengthModel.tailCost(3) > LengthModel.tailCost(1))
        #expect(LengthModel.tailCost(60).isFinite)
        #expect(LengthModel.withRatio(sourceTotal: 10, targetTotal: 30) == .galeChurch)
    }
}

@Suite("Alignment quality on documents with a known alignment")
struct AlignmentQualityTests {
    /// Floors below the figures measured with `verbale-bench align-eval` (README), so a
    /// regression fails while the run stays short (40 of the 200 Europarl documents).
    @Test("Europarl EN–FR: bead F1 stays above its floor",
          .enabled(if: SharedData.file("parallel/europarl-20k.en") != nil && SharedData.file("parallel/europarl-20k.fr") != nil,
                   "../shared/data/parallel/europarl-20k.{en,fr} are absent; skipped"))
    func europarl() throws {
        let pairs = try #require(AlignmentEvaluation.europarlPairs(), "europarl-20k.{en,fr} could not be read")
        let documents = TestDocuments(documents: 40, length: 100).make(pairs: pairs, languages: (.english, .french), seed: 2)
        let score = try AlignmentEvaluation.score(documents)
        #expect(score.f1 >= 0.87, "F1 \(score.f1)") // measured 0.886
    }

    @Test("Real Khmer: gettext EN–KM documents align above the floor", .enabled(if: Corpus.hasKhmerCatalogues))
    func englishKhmer() throws {
        let pairs = Corpus.englishKhmer()
        #expect(pairs.count > 400)
        #expect(pairs.contains { $0.1.contains("\u{200B}") })
        let documents = TestDocuments(documents: 200, length: 40, threeWayMerges: true).make(pairs: pairs, languages: (.english, .khmer), seed: 2)
        let score = try AlignmentEvaluation.score(documents)
        #expect(score.f1 >= 0.90, "F1 \(score.f1)") // measured 0.925
    }

    @Test("Three languages through the English pivot give EN–FR–KM units", .enabled(if: Corpus.hasKhmerCatalogues))
    func trilingual() throws {
        let rows = Array(Corpus.trilingual().prefix(30))
        #expect(rows.count == 30)
        let documents = [Language.khmer, .english, .french].map { language in
            AlignmentDocument(language: language, paragraphs: [rows.compactMap { $0[language] }])
        }
        var khmer = documents[0]
        khmer.paragraphs[0].remove(at: 10)
        let result = try PivotAligner().align([khmer, documents[1], documents[2]], pivot: .english)
        let complete = result.units.filter { $0.variants.count == 3 }
        #expect(complete.count >= 26)
        #expect(result.units.allSatisfy { $0.bead.split(separator: "-").count == 3 })
        // Every sentence of every document is in exactly one unit, in order.
        for language in [Language.khmer, .english, .french] {
            let ranges = result.units.compactMap { $0.sentences[language] }
            #expect(ranges.map(\.count).reduce(0, +) == (language == .khmer ? 29 : 30))
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        }
        // Each complete unit's French is the translation of its English.
        let french = Dictionary(rows.map { ($0[.english] ?? "", $0[.french] ?? "") }, uniquingKeysWith: { a, _ in a })
        let right = complete.filter { unit in unit.variants[.english].map { french[$0] == unit.variants[.french] } ?? false }
        #expect(right.count >= complete.count - 2)
    }

    @Test("Bead scoring counts exact beads; unaligned sentences match wherever they sit")
    func scoring() {
        var score = BeadScore()
        score.add(predicted: [(0..<1, 0..<1), (1..<2, 1..<1), (2..<4, 1..<2)], gold: [(0..<1, 0..<1), (1..<2, 0..<0), (2..<3, 1..<2), (3..<4, 2..<2)])
        #expect(score.correct == 2 && score.predicted == 3 && score.expected == 4)
        let beads = AlignmentEvaluation.beads(fromLinks: [(0, 0), (1, 1), (2, 1), (4, 2)], sourceCount: 5, targetCount: 4)
        #expect(beads.count == 5)
        #expect(beads.contains { $0.0 == 1..<3 && $0.1 == 1..<2 })
    }
}
