import Foundation
import Testing
import VerbaleCore

/// Review 1130c M8: Khmer abbreviations — one letter and "." repeated (គ.ស., ព.ស., ឯ.ឧ., ល.រ,
/// អ.វ.ត.ក) — are not cut into sentences; Khmer sentences end with ។ / ៕.
@Suite("Khmer abbreviations in segmentation")
struct KhmerAbbreviationSegmentationTests {
    func texts(_ text: String, _ language: Language = .khmer) throws -> [String] {
        try Segmenter(language: language).segments(of: text).map(\.text)
    }

    @Test("Era, title, number and institution abbreviations stay inside their sentence (the review's km-abbr.txt)")
    func reviewLines() throws {
        let text = """
            ធ្វើ​នៅ​រាជធានី​ភ្នំពេញ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១ គ.ស. ស្ថានទូត​សូម​អរគុណ។
            អង្គជំនុំជម្រះវិសាមញ្ញក្នុងតុលាការកម្ពុជា (អ.វ.ត.ក) បាន​ប្រកាស​ថា កិច្ចប្រជុំ​នឹង​ធ្វើ​ឡើង។
            ឯ.ឧ. សុខ ចិន្តា រដ្ឋមន្ត្រី​ប្រតិភូ​អមនាយករដ្ឋមន្ត្រី។
            """
        #expect(try texts(text) == text.split(separator: "\n").map(String.init))
    }

    @Test("A number after ល.រ, a year after គ.ស. / ព.ស., a name after ឯ.ឧ. on one line: one sentence each",
          arguments: [Language.khmer, .english, .french])
    func oneLine(language: Language) throws {
        let text = "ស្ថានទូត​សូម​ជម្រាប​ថា ឯ.ឧ. សុខ ចិន្តា នឹង​មក​ដល់​នៅ​ឆ្នាំ ២០២១ គ.ស. ត្រូវ​នឹង​ឆ្នាំ ២៥៦៥ ព.ស. តាម​លិខិត ល.រ ០៤៥ របស់​ក្រសួង។ កិច្ចប្រជុំ​នឹង​ធ្វើ​ឡើង។"
        #expect(try texts(text, language) == [
            "ស្ថានទូត​សូម​ជម្រាប​ថា ឯ.ឧ. សុខ ចិន្តា នឹង​មក​ដល់​នៅ​ឆ្នាំ ២០២១ គ.ស. ត្រូវ​នឹង​ឆ្នាំ ២៥៦៥ ព.ស. តាម​លិខិត ល.រ ០៤៥ របស់​ក្រសួង។",
            "កិច្ចប្រជុំ​នឹង​ធ្វើ​ឡើង។",
        ])
        // Letters with vowel signs (ឌី.ខេ. = D.K.) and a year in Khmer digits after the era.
        #expect(try texts("មូលនិធិ ឌី.ខេ.គីម បាន​បង្កើត​ក្នុង គ.ស. ១៩៩៣។ ស្ថានទូត​សូម​អរគុណ។", language)
            == ["មូលនិធិ ឌី.ខេ.គីម បាន​បង្កើត​ក្នុង គ.ស. ១៩៩៣។", "ស្ថានទូត​សូម​អរគុណ។"])
    }

    @Test("។ after an abbreviation ends the sentence with it; Khmer list items stay apart")
    func stillBreaks() throws {
        #expect(try texts("ព្រឹត្តិការណ៍​នេះ​កើត​ឡើង​ក្នុង គ.ស.។ ស្ថានទូត​សូម​អរគុណ។")
            == ["ព្រឹត្តិការណ៍​នេះ​កើត​ឡើង​ក្នុង គ.ស.។", "ស្ថានទូត​សូម​អរគុណ។"])
        #expect(try texts("ក. ក្រសួង​ការបរទេស។\nខ. ស្ថានទូត។") == ["ក. ក្រសួង​ការបរទេស។", "ខ. ស្ថានទូត។"])
    }

    @Test("An inline numbered list inside a Khmer sentence is one sentence, as in English (review 1130d m5)",
          arguments: [Language.khmer, .english, .french])
    func inlineList(language: Language) throws {
        // Khmer digits, ASCII digits, U+200B between the words, and two sentences on one line.
        #expect(try texts("ឯកសារ ១. លិខិតឆ្លងដែន ២. រូបថត។", language) == ["ឯកសារ ១. លិខិតឆ្លងដែន ២. រូបថត។"])
        #expect(try texts("ឯកសារ​ភ្ជាប់ 1. លិខិតឆ្លងដែន 2. រូបថត។ ស្ថានទូត​សូម​អរគុណ។", language)
            == ["ឯកសារ​ភ្ជាប់ 1. លិខិតឆ្លងដែន 2. រូបថត។", "ស្ថានទូត​សូម​អរគុណ។"])
        #expect(try texts("ឯកសារ​ភ្ជាប់៖ ១.​លិខិតឆ្លងដែន ១២. រូបថត។", language) == ["ឯកសារ​ភ្ជាប់៖ ១.​លិខិតឆ្លងដែន ១២. រូបថត។"])
        // Still apart: items on their own lines, a number after ។, and a Latin sentence after a Khmer line's number.
        #expect(try texts("ឯកសារ៖\n១. លិខិតឆ្លងដែន។\n២. រូបថត។", language) == ["ឯកសារ៖", "១. លិខិតឆ្លងដែន។", "២. រូបថត។"])
        #expect(try texts("ស្ថានទូត​សូម​អរគុណ។ ២. ក្រសួង​ការបរទេស។", language) == ["ស្ថានទូត​សូម​អរគុណ។", "២. ក្រសួង​ការបរទេស។"])
    }

    @Test("khPOS: every sentence end (។ ៕) of the 1,000 sentences still ends a segment, and its era abbreviations are whole",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/khmer"))
    func khpos() throws {
        let lines = try TokenPinningTests.khposLines()
        let text = lines.joined(separator: " ")
        let segments = try Segmenter(language: .khmer).segments(of: text)
        // Where each khPOS sentence that ends with ។ or ៕ ends in the joined text (Unicode scalars).
        var ends: [Int] = [], offset = 0
        for line in lines {
            offset += line.unicodeScalars.count
            if line.hasSuffix("។") || line.hasSuffix("៕") { ends.append(offset) }
            offset += 1
        }
        #expect(ends.count > 200)
        let segmentEnds = Set(segments.map(\.range.upperBound))
        let lost = ends.filter { !segmentEnds.contains($0) }
        #expect(lost.isEmpty, "\(lost.count) sentence ends lost")
        let texts = segments.map(\.text)
        let eras = texts.filter { $0.contains("គ.ស.") || $0.contains("ព.ស.") }
        #expect(!eras.isEmpty)
        #expect(!texts.contains { $0.hasSuffix(" គ.") || $0.hasSuffix(" ព.") || $0.hasPrefix("ស. ") })
    }
}
