import Foundation
import Testing
import VerbaleCore

/// Review 1130g: a lower-case "no." before a reference cut real notes' opening formulas (M6);
/// a Khmer abbreviation in brackets, "(គ.ស.)", ended a Khmer sentence (m1).
@Suite("Segmentation: review 1130g — \"no.\" before a reference, Khmer abbreviations in brackets")
struct Review1130gSegmentationTests {
    func texts(_ text: String, _ language: Language) throws -> [String] {
        try Segmenter(language: language).segments(of: text).map(\.text)
    }

    @Test("M6: lower-case no. / nr. before a reference is no sentence end",
          arguments: [
            "The Royal Netherlands Embassy, with reference to the Ministry's Note no. Ex/160/01-758 of 7 July 1987, has the honour to propose the following.",
            "The Embassy has the honour to refer to the Ministry's Note of 18 January, 1972, no. FR/TRT/16-2, which reads as follows.",
            "The Ministry acknowledges receipt of the Embassy's Note of today's date, J. nr. 55, which reads as follows.",
            "The Embassy refers to Notes nos. 12 and 13 of the Ministry.",
          ])
    func lowerCaseNumberSign(sentence: String) throws {
        #expect(try texts(sentence, .english) == [sentence])
    }

    @Test("M6: \"no.\" still ends a sentence when no reference follows")
    func noStillEndsSentences() throws {
        #expect(try texts("The answer of the Ministry was no. The Embassy regrets it.", .english)
            == ["The answer of the Ministry was no.", "The Embassy regrets it."])
    }

    @Test("M6: the real notes' openings with \"Note no. <reference>\" are one segment",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/notes"))
    func realNotes() throws {
        for (file, reference) in [("en-BWBV0001048-I.txt", "no. Ex/160/01-758"), ("en-BWBV0003964-II.txt", "no. FR/TRT/16-2")] {
            let text = try TextLayerData.text("notes/\(file)")
            let segments = try texts(text, .english)
            let holding = try #require(segments.first { $0.contains(reference) }, "\(file)")
            #expect(holding.contains("has the honour"), "\(file): \(holding)")
            #expect(!segments.contains { $0.hasSuffix(" no.") }, "\(file)")
        }
    }

    @Test("m1: a Khmer abbreviation in brackets does not end the sentence (km, en, fr)",
          arguments: [Language.khmer, .english, .french])
    func khmerAbbreviationInBrackets(language: Language) throws {
        #expect(try texts("កិច្ចប្រជុំ​នឹង​ប្រព្រឹត្ត​ទៅ​នៅ​ឆ្នាំ២០២១ (គ.ស.) នៅ​ទីក្រុង​ភ្នំពេញ។ ស្ថានទូត​សូម​អរគុណ។", language)
            == ["កិច្ចប្រជុំ​នឹង​ប្រព្រឹត្ត​ទៅ​នៅ​ឆ្នាំ២០២១ (គ.ស.) នៅ​ទីក្រុង​ភ្នំពេញ។", "ស្ថានទូត​សូម​អរគុណ។"])
        #expect(try texts("ស្ថានទូត​សូម​ជម្រាប​ជូន (ឯ.ឧ.) ប្រាក់ សុខុន។", language) == ["ស្ថានទូត​សូម​ជម្រាប​ជូន (ឯ.ឧ.) ប្រាក់ សុខុន។"])
        #expect(try texts("ឆ្នាំ២៥៦៥ «ព.ស.» ២០២១។", language) == ["ឆ្នាំ២៥៦៥ «ព.ស.» ២០២១។"])
    }

    @Test("m1: at the end of a line the bracketed abbreviation still ends its segment")
    func khmerBracketAtLineEnd() throws {
        #expect(try texts("ព្រឹត្តិការណ៍​នេះ​កើត​ឡើង​ក្នុង​ឆ្នាំ២០២១ (គ.ស.)\nស្ថានទូត​សូម​អរគុណ។", .khmer)
            == ["ព្រឹត្តិការណ៍​នេះ​កើត​ឡើង​ក្នុង​ឆ្នាំ២០២១ (គ.ស.)", "ស្ថានទូត​សូម​អរគុណ។"])
    }

    @Test("m1: an English dotted acronym closed by a bracket does not end the sentence unless a sentence starts after it")
    func englishAcronymInBrackets() throws {
        #expect(try texts("The Embassy (of the U.N.) Office is closed. It reopens on Monday.", .english)
            == ["The Embassy (of the U.N.) Office is closed.", "It reopens on Monday."])
        #expect(try texts("The meeting was held at the Palais (U.N.) The delegation arrived late.", .english)
            == ["The meeting was held at the Palais (U.N.)", "The delegation arrived late."])
        // One letter is a list's label or a note's letter, not an acronym.
        #expect(try texts("See the annex (note a.) Office hours follow.", .english)
            == ["See the annex (note a.)", "Office hours follow."])
        // At a line end the bracket still ends its segment, as for Khmer.
        #expect(try texts("The Embassy thanks the U.N. (the U.N.)\nOffice hours follow.", .english)
            == ["The Embassy thanks the U.N. (the U.N.)", "Office hours follow."])
    }
}
