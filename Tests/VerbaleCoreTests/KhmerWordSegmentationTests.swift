import Testing
@testable import VerbaleCore

@Suite("Khmer word segmentation quality")
struct KhmerWordSegmentationTests {
    @Test("Scoring: optional compound boundaries cost nothing, wrong breaks do")
    func scoring() {
        var score = WordSegmentationScore()
        let added = score.add(reference: "ការ~ប្រជុំ នៅ ថ្ងៃ", predicted: ["ការ", "ប្រជុំ", "នៅ", "ថ្ងៃ"])
        #expect(added)
        #expect(score.boundaryF1 == 1)
        #expect(score.wordF1 < 1)
        var wrong = WordSegmentationScore()
        let addedWrong = wrong.add(reference: "ab cd", predicted: ["a", "bcd"])
        #expect(addedWrong)
        #expect(wrong.boundaryF1 == 0)
        let mismatched = wrong.add(reference: "ab", predicted: ["abc"])
        #expect(!mismatched)
    }

    @Test("Against the khPOS sample: ICU alone < ICU + rules < learned model, boundary F1 ≥ 0.95",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/khmer"))
    func khpos() throws {
        let lines = try TextLayerData.text("khmer/khpos-train-sample.word").split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 1_000)
        let tokenizer = try Tokenizer(language: .khmer)
        let rulesOnly = try Tokenizer(language: .khmer, khmerWordBreaking: .icuAndRules)
        let icu = try BreakIterator(.word, locale: "km")
        var ours = WordSegmentationScore(), rules = WordSegmentationScore(), icuAlone = WordSegmentationScore()
        for line in lines {
            let text = WordSegmentationScore.text(ofReference: line)
            let addedOurs = ours.add(reference: line, predicted: tokenizer.tokenize(text).map(\.text))
            #expect(addedOurs)
            let addedRules = rules.add(reference: line, predicted: rulesOnly.tokenize(text).map(\.text))
            #expect(addedRules)
            let utf16 = Array(text.utf16)
            var start = 0
            var words: [String] = []
            for boundary in icu.boundaries(utf16: utf16) {
                words.append(String(decoding: utf16[start..<boundary.utf16Offset], as: UTF16.self))
                start = boundary.utf16Offset
            }
            let addedICU = icuAlone.add(reference: line, predicted: words)
            #expect(addedICU)
        }
        print("Khmer word segmentation on khPOS sample — Verbale (learned): \(ours); ICU + rules: \(rules); ICU alone: \(icuAlone)")
        #expect(ours.boundaryF1 >= 0.95)
        #expect(ours.wordF1 >= icuAlone.wordF1)
        #expect(rules.boundaryF1 >= 0.93)
        #expect(rules.wordF1 >= 0.77)
        #expect(rules.boundaryF1 > icuAlone.boundaryF1 + 0.02)
        #expect(ours.boundaryF1 > rules.boundaryF1)
    }
}
