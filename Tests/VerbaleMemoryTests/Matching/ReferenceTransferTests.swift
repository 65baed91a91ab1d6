import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Audit F6: a reference carried into a stored translation keeps the translation's own label
/// (or none) and takes its digits; the query's label ("No.") is never pasted in.
@Suite("Reference numbers carried into translations")
struct ReferenceTransferTests {
    let matcher: FuzzyMatcher

    init() throws {
        func unit(_ en: String, _ fr: String, _ km: String) throws -> TranslationUnit {
            TranslationUnit(variants: [Variant(language: try LanguageTag("en"), text: en), Variant(language: try LanguageTag("fr"), text: fr),
                                       Variant(language: try LanguageTag("km"), text: km)])
        }
        matcher = try Matching.matcher([
            try unit("Reference No. 2021/01/045 of 12 January 2021.", "Référence N° 2021/01/045 du 12 janvier 2021.",
                     "លេខយោង ២០២១/០១/០៤៥ ចុះថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១។"),
            try unit("The Embassy acknowledges receipt of Note No. 2021/01/045.", "L'Ambassade accuse réception de la note N° 2021/01/045.",
                     "ស្ថានទូតបានទទួលកំណត់ទូតលេខ ២០២១/០១/០៤៥។"),
        ])
    }

    @Test("Into Khmer where the label stands outside the reference: លេខយោង then the new number in Khmer digits, no No.")
    func khmerWithoutLabel() throws {
        let match = try #require(try matcher.search("Reference No. 2022/03/046 of 15 March 2022.", language: .english, threshold: 50, limit: 1).first)
        #expect(match.targets["km"] == "លេខយោង ២០២២/០៣/០៤៦ ចុះថ្ងៃទី១៥ ខែមីនា ឆ្នាំ២០២២។")
        #expect(match.targets["fr"] == "Référence N° 2022/03/046 du 15 mars 2022.")
        #expect(match.transferred.contains(PlaceableTransfer.Replacement(language: "km", kind: "reference", from: "២០២១/០១/០៤៥", to: "២០២២/០៣/០៤៦")))
    }

    @Test("Into Khmer where the reference has its own label: លេខ stays, the digits are Khmer")
    func khmerWithLabel() throws {
        let match = try #require(try matcher.search("The Embassy acknowledges receipt of Note No. 2022/03/046.", language: .english, threshold: 50, limit: 1).first)
        #expect(match.targets["km"] == "ស្ថានទូតបានទទួលកំណត់ទូតលេខ ២០២២/០៣/០៤៦។")
        #expect(match.targets["fr"] == "L'Ambassade accuse réception de la note N° 2022/03/046.")
    }

    @Test("From Khmer into English and French: the target's No./N° stays, the Khmer digits become Latin")
    func fromKhmer() throws {
        let match = try #require(try matcher.search("ស្ថានទូតបានទទួលកំណត់ទូតលេខ ២០២២/០៣/០៤៦។", language: .khmer, threshold: 50, limit: 1).first)
        #expect(match.targets["en"] == "The Embassy acknowledges receipt of Note No. 2022/03/046.")
        #expect(match.targets["fr"] == "L'Ambassade accuse réception de la note N° 2022/03/046.")
    }
}
