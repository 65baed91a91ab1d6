import Foundation
import Testing
import VerbaleCore
@testable import VerbaleAlign

@Suite("Lexical pass and glossary anchors")
struct LexiconTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/align")

    @Test("Competitive linking pairs words that occur together, each word at most once")
    func competitiveLinking() {
        // Source words 0 "embassy", 1 "note", 2 "the"; target 0 "ambassade", 1 "note", 2 "la", 3 "le".
        let pairs: [([Int32], [Int32])] = [([0, 2], [0, 2]), ([0, 1, 2], [0, 1, 3]), ([1, 2], [1, 2]), ([0, 2], [0, 3]), ([1], [1])]
        let lexicon = TranslationLexicon.learned(from: pairs, sourceVocabulary: 3, targetVocabulary: 4)
        let linked = Set(lexicon.links.map { "\($0.source)-\($0.target)" })
        #expect(linked.contains("0-0") && linked.contains("1-1"))
        #expect(Set(lexicon.links.map(\.source)).count == lexicon.links.count)
        #expect(Set(lexicon.links.map(\.target)).count == lexicon.links.count)
        // "the" (2) occurs with "la" (2) twice and "le" (3) twice: linked to one of them only.
        #expect(lexicon.links.filter { $0.source == 2 }.count <= 1)
    }

    @Test("A pair seen together once is not a translation: it would only confirm its own bead")
    func hapaxNotLinked() {
        let lexicon = TranslationLexicon.learned(from: [([0], [0]), ([1], [1])], sourceVocabulary: 2, targetVocabulary: 2)
        #expect(lexicon.links.isEmpty)
    }

    @Test("Finding a rare word's translation is worth more than a frequent one's, and a miss costs")
    func scores() {
        // Link 0: a word in every sentence; link 1: a word in two sentences of ten.
        var source: [[Int32]] = Array(repeating: [0], count: 10), target: [[Int32]] = Array(repeating: [0], count: 10)
        source[3] = [0, 1]; source[7] = [0, 1]; target[3] = [0, 1]; target[7] = [0, 1]
        let lexicon = TranslationLexicon.learned(from: Array(zip(source, target)), sourceVocabulary: 2, targetVocabulary: 2)
        let scores = LexicalScores(lexicon, sourceSentences: source, targetSentences: target)
        #expect(lexicon.sourceLink[1] >= 0)
        guard lexicon.sourceLink[1] >= 0 else { return }
        let rare = Int(lexicon.sourceLink[1])
        #expect(scores.sourceFound[rare * 3] > 1)
        #expect(scores.sourceMissed[rare * 3] < 0)
        // Looking in three sentences, finding it by chance is likelier: worth less.
        #expect(scores.sourceFound[rare * 3 + 2] < scores.sourceFound[rare * 3])
        let common = Int(lexicon.sourceLink[0])
        if common >= 0 { #expect(scores.sourceFound[common * 3] < scores.sourceFound[rare * 3]) }
    }

    @Test("Khmer words come from the project's tokenizer, U+200B or not")
    func khmerWords() {
        let words = SentenceWords(["ក្រសួង\u{200B}ការ\u{200B}បរទេស", "ក្រសួងការបរទេស"], language: .khmer)
        #expect(words.sentences[0].count >= 2)
        // The same words found with and without the zero-width spaces (at least the first one).
        #expect(!Set(words.sentences[0]).intersection(words.sentences[1]).isEmpty)
    }

    @Test("The lexical pass does not lose beads on Europarl and keeps every sentence once",
          .enabled(if: SharedData.file("parallel/europarl-20k.en") != nil, "../shared/data/parallel is absent; skipped"))
    func lexicalPassHelps() throws {
        let pairs = try #require(AlignmentEvaluation.europarlPairs())
        let documents = TestDocuments(documents: 12, length: 100).make(pairs: pairs, languages: (.english, .french), seed: 1)
        var without = Aligner.Options()
        without.costModel = CostModel(lexicalWeight: 0)
        let off = try AlignmentEvaluation.score(documents, aligner: Aligner(options: without))
        let on = try AlignmentEvaluation.score(documents)
        #expect(on.f1 >= off.f1, "with the lexicon \(on.f1), without \(off.f1)")
        for document in documents.prefix(3) {
            let beads = try Aligner().align(document.source, document.target).beads
            #expect(beads.map(\.source.count).reduce(0, +) == document.source.sentences.count)
            #expect(beads.map(\.target.count).reduce(0, +) == document.target.sentences.count)
        }
    }

    @Test("Out-of-step stretches of a line-aligned corpus are told from parallel ones",
          .enabled(if: SharedData.file("parallel/europarl-20k.en") != nil, "../shared/data/parallel is absent; skipped"))
    func lineParallel() throws {
        let pairs = try #require(AlignmentEvaluation.europarlPairs())
        let aligned = pairs[2000..<2100]
        let shifted = zip(pairs[2000..<2100].map(\.0), pairs[2010..<2110].map(\.1)).map { ($0, $1) }
        #expect(AlignmentEvaluation.lineParallelShare(aligned) >= 0.5)
        #expect(AlignmentEvaluation.lineParallelShare(shifted[...]) < 0.2)
    }

    @Test("Termbases become anchors for the languages aligned; an unreadable file is named, not fatal")
    func termbaseConcepts() {
        let termbases = TermbaseConcepts(files: [Self.fixtures.appendingPathComponent("anchors.tbx"), Self.fixtures.appendingPathComponent("broken.tbx")])
        let englishKhmer = termbases.read(for: [.english, .khmer])
        #expect(englishKhmer.concepts.count == 1)
        #expect(englishKhmer.concepts.first?.renderings[.french] == nil)
        #expect(englishKhmer.problems.count == 1)
        #expect(englishKhmer.problems.first?.contains("broken.tbx") == true)
        let englishFrench = termbases.read(for: [.english, .french])
        #expect(englishFrench.concepts.count == 2)
        #expect(throws: (any Error).self) { try termbases.termConcepts(for: [.english, .french]) }
        // The concepts anchor: the ministry's English and Khmer names share a `term:` anchor.
        let concepts = englishKhmer.concepts
        let english = AnchorExtractor(language: .english, concepts: concepts).features(of: "The Ministry of Foreign Affairs replied.")
        let khmer = AnchorExtractor(language: .khmer, concepts: concepts).features(of: "ក្រសួងការបរទេស​បាន​ឆ្លើយ")
        #expect(!Set(english.names).intersection(khmer.names).isEmpty)
    }

    @Test("The shipped termbases load as anchors", .enabled(if: ShippedData.glossaries != nil, "Glossaries/ not found; skipped"))
    func shipped() throws {
        let termbases = try #require(TermbaseConcepts.shipped)
        let reading = termbases.read(for: [.english, .french, .khmer])
        #expect(reading.problems.isEmpty)
        #expect(reading.concepts.count > 100)
    }
}
