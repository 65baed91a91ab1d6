import Foundation
import Testing
import VerbaleCore

/// A lettered list written on one line ("a. … b. … c. …", Pragmatic Segmenter's Golden Rule 39)
/// is cut before each item, like the numbered list on one line; a letter with a full stop on an
/// ordinary line is not an item.
@Suite("Segmentation: lettered lists on one line")
struct LetteredListSegmentationTests {
    func texts(_ text: String, _ language: Language) throws -> [String] {
        try Segmenter(language: language).segments(of: text).map(\.text)
    }

    @Test("English: each item of a line that starts with \"a. \" is a segment")
    func english() throws {
        #expect(try texts("a. The Embassy shall notify the Ministry b. The Ministry shall reply within thirty days c. The Parties shall consult each other", .english)
            == ["a. The Embassy shall notify the Ministry", "b. The Ministry shall reply within thirty days", "c. The Parties shall consult each other"])
    }

    @Test("French: the same list in French")
    func french() throws {
        #expect(try texts("a. Le Ministère notifie l'Ambassade b. L'Ambassade répond dans un délai de trente jours", .french)
            == ["a. Le Ministère notifie l'Ambassade", "b. L'Ambassade répond dans un délai de trente jours"])
    }

    @Test("A list on its own line after an ordinary sentence line")
    func afterOtherLine() throws {
        #expect(try texts("The Parties agree as follows.\na. The first point of the agreement b. The second point of the agreement", .english)
            == ["The Parties agree as follows.", "a. The first point of the agreement", "b. The second point of the agreement"])
    }

    @Test("No break: a letter and a full stop on a line that does not start a lettered list",
          arguments: [
            "The figures are given in Annex b. The Embassy regrets the delay in their transmission.",
            "See the Ministry's letter, p. The Embassy has the honour to refer to it.",
            "The report was prepared by J. R. R. Tolkien and others for the Ministry.",
          ])
    func ordinaryLines(sentence: String) throws {
        // None of these may gain a break before the lower-case letter's item.
        let segments = try texts(sentence, .english)
        #expect(!segments.contains { $0.hasPrefix("b. ") || $0.hasPrefix("p. ") || $0.hasPrefix("R. ") }, "\(segments)")
    }

    @Test("No item break where the word before the letter is not a lower-case word")
    func upperCaseBefore() throws {
        let segments = try texts("a. The amount is paid in EUR b. The Ministry pays it", .english)
        #expect(!segments.contains { $0.hasPrefix("b. ") }, "\(segments)")
    }

    @Test("Khmer: a Khmer note's sentences are cut at ។ as before, Latin lettered items inside it too")
    func khmer() throws {
        let khmer = "ស្ថានបេសកកម្មអចិន្ត្រៃយ៍នៃព្រះរាជាណាចក្រកម្ពុជា សូមគោរពជូនចំពោះការិយាល័យឧត្តមស្នងការ។ ស្ថានបេសកកម្មមានកិត្តិយសជម្រាបជូន។"
        #expect(try texts(khmer, .khmer) == ["ស្ថានបេសកកម្មអចិន្ត្រៃយ៍នៃព្រះរាជាណាចក្រកម្ពុជា សូមគោរពជូនចំពោះការិយាល័យឧត្តមស្នងការ។", "ស្ថានបេសកកម្មមានកិត្តិយសជម្រាបជូន។"])
        #expect(try texts("a. The first item b. The second item", .khmer) == ["a. The first item", "b. The second item"])
    }
}
