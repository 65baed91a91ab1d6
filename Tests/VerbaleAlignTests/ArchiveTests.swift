import Foundation
import Testing
import VerbaleCore
@testable import VerbaleAlign

@Suite("Aligning an archive with one lexicon")
struct ArchiveTests {
    static let hasEuroparl = SharedData.file("parallel/europarl-20k.en") != nil

    @Test("A one-pair archive is that pair aligned alone", .enabled(if: hasEuroparl, "../shared/data/parallel is absent; skipped"))
    func onePairArchive() throws {
        let pairs = try #require(AlignmentEvaluation.europarlPairs())
        let document = try #require(TestDocuments(documents: 1, length: 100).make(pairs: pairs, languages: (.english, .french), seed: 1).first)
        let alone = try Aligner().align(document.source, document.target)
        let archive = try Aligner().align(archive: [(document.source, document.target)])
        #expect(archive.count == 1)
        #expect(archive.first?.beads == alone.beads)
    }

    @Test("Khmer gettext documents align better with the archive's lexicon than each on its own",
          .enabled(if: Corpus.hasKhmerCatalogues, "no Khmer and French gettext catalogues in /usr/share/locale; skipped"))
    func khmerArchive() throws {
        let documents = TestDocuments(documents: 200, length: 40, threeWayMerges: true)
            .make(pairs: Corpus.englishKhmer(), languages: (.english, .khmer), seed: 1)
        try #require(documents.count >= 8, "too few English/Khmer messages on this machine")
        let alone = try AlignmentEvaluation.score(documents)
        let archive = try AlignmentEvaluation.archiveScores(documents).reduce(into: BeadScore()) { $0.add($1) }
        // Measured on seed 1 (18 documents): 0.931 alone, 0.982 as one archive.
        #expect(archive.f1 > alone.f1, "archive \(archive.f1), alone \(alone.f1)")
        #expect(archive.f1 >= 0.95, "archive \(archive.f1)")
        let results = try Aligner().align(archive: documents.map { ($0.source, $0.target) })
        for (document, result) in zip(documents, results) {
            #expect(result.beads.map(\.source.count).reduce(0, +) == document.source.sentences.count)
            #expect(result.beads.map(\.target.count).reduce(0, +) == document.target.sentences.count)
        }
    }

    @Test("Splitting 2-2 beads whose halves translate each other finds more true beads on Europarl",
          .enabled(if: hasEuroparl, "../shared/data/parallel is absent; skipped"))
    func splitting() throws {
        let pairs = try #require(AlignmentEvaluation.europarlPairs())
        let documents = TestDocuments(documents: 20, length: 100)
            .make(pairs: AlignmentEvaluation.lineParallelPairs(pairs), languages: (.english, .french), seed: 1)
        var options = Aligner.Options()
        options.splitsSupportedBeads = false
        let whole = try Aligner(options: options).align(archive: documents.map { ($0.source, $0.target) })
        let split = try Aligner().align(archive: documents.map { ($0.source, $0.target) })
        func count(_ results: [PairAlignment]) -> Int {
            results.reduce(0) { $0 + $1.beads.filter { $0.shape == BeadShape(2, 2) }.count }
        }
        #expect(count(split) < count(whole), "2-2 beads: \(count(split)) with splitting, \(count(whole)) without")
        func score(_ results: [PairAlignment]) -> BeadScore {
            zip(documents, results).reduce(into: BeadScore()) { score, pair in
                score.add(predicted: pair.1.beads.map { ($0.source, $0.target) }, gold: pair.0.gold.map { ($0.source, $0.target) })
            }
        }
        #expect(score(split).correct > score(whole).correct, "correct beads: \(score(split).correct) with splitting, \(score(whole).correct) without")
    }

    @Test("An archive mixing language pairs is refused, naming both pairs")
    func mixedLanguages() {
        let english = AlignmentDocument(language: .english, paragraphs: [["The Embassy presents its compliments."]])
        let french = AlignmentDocument(language: .french, paragraphs: [["L'Ambassade présente ses compliments."]])
        let khmer = AlignmentDocument(language: .khmer, paragraphs: [["ស្ថានទូតសូមគោរពជម្រាប។"]])
        #expect(throws: AlignmentError.self) { try Aligner().align(archive: [(english, french), (english, khmer)]) }
        do {
            _ = try Aligner().align(archive: [(english, french), (english, khmer)])
        } catch {
            #expect(error.description.contains("en–fr") && error.description.contains("en–km"), "\(error)")
        }
    }

    @Test("An empty archive gives no alignments")
    func emptyArchive() throws {
        #expect(try Aligner().align(archive: []).isEmpty)
    }
}
