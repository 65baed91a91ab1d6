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
        #expect(match.transferred.contains(PlaceableTransfer.Replacement(language: "km", kind: "reference", from: "លេខយោង ២០២១/០១/០៤៥", to: "លេខយោង ២០២២/០៣/០៤៦")))
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

    /// The review of e5c1e47's memory: the Khmer file-reference label Verbale writes, and a code
    /// read as one reference on both sides.
    static func reviewMatcher() throws -> FuzzyMatcher {
        func unit(_ pairs: [(String, String)]) throws -> TranslationUnit {
            TranslationUnit(variants: try pairs.map { Variant(language: try LanguageTag($0.0), text: $0.1) })
        }
        return try Matching.matcher([
            try unit([("en", "Reference No. 12/2021 of 12 January 2021."), ("km", "លេខយោង ១២/២០២១ ចុះថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១។")]),
            try unit([("en", "Please quote reference AL KHM 10/2020 in any reply."),
                      ("fr", "Prière de rappeler la référence AL KHM 10/2020 dans toute réponse."),
                      ("km", "សូម\u{200B}រំលឹក\u{200B}លេខ AL KHM ១០/២០២០ ក្នុង\u{200B}ការ\u{200B}ឆ្លើយតប។")]),
        ])
    }

    @Test("A Khmer translation labelled លេខយោង takes the new number (no stale ១២/២០២១), and a Khmer query carries it into English")
    func khmerFileReferenceLabel() throws {
        let matcher = try Self.reviewMatcher()
        let intoKhmer = try #require(try matcher.search("Reference No. 45/2022 of 15 March 2022.", language: .english, threshold: 50, limit: 1).first)
        #expect(intoKhmer.targets["km"] == "លេខយោង ៤៥/២០២២ ចុះថ្ងៃទី១៥ ខែមីនា ឆ្នាំ២០២២។")
        #expect(intoKhmer.transferred.contains { $0.language == "km" && $0.kind == "reference" })
        let fromKhmer = try #require(try matcher.search("លេខយោង ៤៥/២០២២ ចុះថ្ងៃទី១៥ ខែមីនា ឆ្នាំ២០២២។", language: .khmer, threshold: 50, limit: 1).first)
        #expect(fromKhmer.targets["en"] == "Reference No. 45/2022 of 15 March 2022.")
    }

    @Test("A code and number (AL KHM 11/2021) is carried into French and Khmer alike")
    func codeAndNumber() throws {
        let matcher = try Self.reviewMatcher()
        let match = try #require(try matcher.search("Please quote reference AL KHM 11/2021 in any reply.", language: .english, threshold: 50, limit: 1).first)
        #expect(match.targets["fr"] == "Prière de rappeler la référence AL KHM 11/2021 dans toute réponse.")
        #expect(match.targets["km"] == "សូម\u{200B}រំលឹក\u{200B}លេខ AL KHM ១១/២០២១ ក្នុង\u{200B}ការ\u{200B}ឆ្លើយតប។")
    }

    /// Finding 7, in search/suggest: a list is a run of placeables in the stored sentence, so
    /// only its identifiers are carried; the connectives are the stored translation's own words.
    static func listMatcher() throws -> FuzzyMatcher {
        try Matching.matcher([
            TranslationUnit(variants: [
                Variant(language: try LanguageTag("en"), text: "The Embassy acknowledges receipt of the Ministry's Notes Nos. 14 and 15."),
                Variant(language: try LanguageTag("fr"), text: "L'Ambassade accuse réception des notes du Ministère N°s 14 et 15."),
                Variant(language: try LanguageTag("km"), text: "ស្ថានទូតបានទទួលកំណត់ទូតរបស់ក្រសួងលេខ ១៤ និង ១៥។"),
            ]),
        ])
    }

    @Test("Finding 7: a query's list of references is carried into French and Khmer with the translation's own et/និង and digits")
    func listIntoTranslations() throws {
        let match = try #require(try Self.listMatcher().search("The Embassy acknowledges receipt of the Ministry's Notes Nos. 12 and 13.", language: .english, threshold: 50, limit: 1).first)
        #expect(match.targets["fr"] == "L'Ambassade accuse réception des notes du Ministère N°s 12 et 13.")
        #expect(match.targets["km"] == "ស្ថានទូតបានទទួលកំណត់ទូតរបស់ក្រសួងលេខ ១២ និង ១៣។")
    }

    @Test("Finding 7: a longer query list (Nos. 12, 13 and 14) is not carried at all: the stored translations stay as stored, with no English word in them")
    func longerListNotCarried() throws {
        let match = try #require(try Self.listMatcher().search("The Embassy acknowledges receipt of the Ministry's Notes Nos. 12, 13 and 14.", language: .english, threshold: 50, limit: 1).first)
        #expect(match.transferred.isEmpty)
        #expect(match.targets["km"] == "ស្ថានទូតបានទទួលកំណត់ទូតរបស់ក្រសួងលេខ ១៤ និង ១៥។")
        #expect(match.targets["fr"] == "L'Ambassade accuse réception des notes du Ministère N°s 14 et 15.")
    }
}
