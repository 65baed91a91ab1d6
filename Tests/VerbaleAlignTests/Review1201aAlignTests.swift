import Foundation
import Testing
import VerbaleCore
@testable import VerbaleAlign

/// Review 1201a: a one-page English/Khmer note verbale, every line a correct translation, was
/// judged "these documents do not look like translations of each other" and all its units were
/// capped at 0.20 and flagged. The chance rate was measured on one pairing only, each sentence
/// with the one half a document away — and a note is symmetric around its middle: the opening
/// and the closing name the same sender and recipient, the reference line and the date line
/// share the year. That one pairing found as much shared content as the true alignment.
@Suite("Documents that are translations: a short note's symmetry is not chance (review 1201a)")
struct Review1201aAlignTests {
    static let english = [
        ["Embassy of the Kingdom of Cambodia"],
        ["No. 123/2024"],
        ["The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs of the Kingdom of the Netherlands and has the honour to request the issuance of a visa for the Minister of Commerce."],
        ["The Minister will attend the regional trade conference."],
        ["The Embassy of the Kingdom of Cambodia avails itself of this opportunity to renew to the Ministry of Foreign Affairs of the Kingdom of the Netherlands the assurances of its highest consideration."],
        ["The Hague, 5 March 2024"],
        ["Ministry of Foreign Affairs of the Kingdom of the Netherlands", "The Hague"],
    ]
    static let khmer = [
        ["ស្ថានទូតនៃព្រះរាជាណាចក្រ\u{200B}កម្ពុជា"],
        ["លេខ ១២៣/២០២៤"],
        ["ស្ថានទូតនៃព្រះរាជាណាចក្រ\u{200B}កម្ពុជា សូមគោរពជូនចំពោះក្រសួងការបរទេសនៃព្រះរាជាណាចក្រ\u{200B}ហូល្លង់ ហើយមានកិត្តិយសសូមស្នើសុំការចេញទិដ្ឋាការជូន រដ្ឋមន្ត្រីក្រសួងពាណិជ្ជកម្ម។"],
        ["រដ្ឋមន្ត្រីនឹងចូលរួមសន្និសីទពាណិជ្ជកម្មថ្នាក់តំបន់។"],
        ["ស្ថានទូតនៃព្រះរាជាណាចក្រ\u{200B}កម្ពុជា សូមឆ្លៀតឱកាសនេះ សម្តែងជាថ្មីជូនចំពោះក្រសួងការបរទេសនៃព្រះរាជាណាចក្រ\u{200B}ហូល្លង់ នូវការគោរពដ៏ខ្ពង់ខ្ពស់បំផុត។"],
        ["ធ្វើនៅទីក្រុងឡាអេ ថ្ងៃទី៥ ខែមីនា ឆ្នាំ២០២៤"],
        ["ក្រសួងការបរទេសនៃព្រះរាជាណាចក្រ\u{200B}ហូល្លង់", "ទីក្រុងឡាអេ"],
    ]

    @Test("The English/Khmer visa note is not judged unrelated and keeps its confidence")
    func symmetricNote() throws {
        let result = try Aligner().align(AlignmentDocument(language: .english, paragraphs: Self.english),
                                         AlignmentDocument(language: .khmer, paragraphs: Self.khmer))
        #expect(!result.evidence.looksUnrelated, "\(result.evidence.summary)")
        #expect(result.beads.count == 8)
        #expect(result.beads.contains { $0.confidence >= 0.5 }, "\(result.beads.map(\.confidence))")
        let pivot = try PivotAligner().align([AlignmentDocument(language: .english, paragraphs: Self.english),
                                              AlignmentDocument(language: .khmer, paragraphs: Self.khmer)])
        #expect(pivot.unrelatedPairs.isEmpty)
    }

    @Test("The same English note against an unrelated Khmer text of the same shape is still judged unrelated")
    func unrelatedStillCaught() throws {
        let other = [
            ["ក្រសួងសុខាភិបាល"],
            ["សេចក្តីជូនដំណឹង"],
            ["អាកាសធាតុ\u{200B}ល្អ\u{200B}ណាស់\u{200B}ថ្ងៃនេះ ហើយ​ភ្លៀង​នឹង​ធ្លាក់​នៅ​ពេល​ល្ងាច​នៅ​តំបន់​ភ្នំ​ជា​ច្រើន​នៃ​ប្រទេស។"],
            ["ខ្ញុំ\u{200B}ចូលចិត្ត\u{200B}បាយ។"],
            ["សិស្ស​ទាំង​អស់​ត្រូវ​មក​សាលា​រៀន​ឱ្យ​ទាន់​ពេល​វេលា ហើយ​ត្រូវ​ពាក់​ឯកសណ្ឋាន​ឱ្យ​បាន​ត្រឹមត្រូវ​គ្រប់​ពេល។"],
            ["សូម\u{200B}អរគុណ\u{200B}ច្រើន"],
            ["ផ្សារ​ធំ​ថ្មី", "ផ្លូវ​ជាតិ"],
        ]
        let result = try Aligner().align(AlignmentDocument(language: .english, paragraphs: Self.english),
                                         AlignmentDocument(language: .khmer, paragraphs: other))
        #expect(result.evidence.looksUnrelated, "\(result.evidence.summary)")
    }
}
