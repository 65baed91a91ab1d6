import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Review 1130b M3: a date carried into a stored Khmer translation replaces the whole stored
/// date — `ថ្ងៃ​ទី​៥ ខែ​ឧសភា ឆ្នាំ​២០២១` (U+200B between the words, as the Debian Khmer
/// catalogues write), `ថ្ងៃ ទី ៥ …` (spaces) and `ថ្ងៃទី៥ …` alike — so the rendered
/// `ថ្ងៃទី៧ ខែមិថុនា ឆ្នាំ២០២២` never lands after a stored `ថ្ងៃ​ទី` ("on day day 7 June").
@Suite("Khmer dates carried into translations in every spelling")
struct KhmerDateTransferTests {
    let matcher: FuzzyMatcher

    init() throws {
        func unit(_ en: String, _ km: String) throws -> TranslationUnit {
            TranslationUnit(variants: [Variant(language: try LanguageTag("en"), text: en), Variant(language: try LanguageTag("km"), text: km)])
        }
        matcher = try Matching.matcher([
            try unit("The delegation will arrive on 5 May 2021.",
                     "គណៈប្រតិភូ\u{200B}នឹង\u{200B}មក\u{200B}ដល់\u{200B}នៅ\u{200B}ថ្ងៃ\u{200B}ទី\u{200B}៥ ខែ\u{200B}ឧសភា ឆ្នាំ\u{200B}២០២១។"),
            try unit("The meeting will be held on 5 May 2021.",
                     "កិច្ចប្រជុំ\u{200B}នឹង\u{200B}ប្រព្រឹត្ត\u{200B}ទៅ\u{200B}នៅ\u{200B}ថ្ងៃទី៥ ខែឧសភា ឆ្នាំ២០២១។"),
            try unit("The Minister will leave on 5 May 2021.",
                     "រដ្ឋមន្ត្រី\u{200B}នឹង\u{200B}ចាកចេញ\u{200B}នៅ ថ្ងៃ ទី ៥ ខែ ឧសភា ឆ្នាំ ២០២១។"),
        ])
    }

    @Test("The stored Khmer date is replaced whole, ថ្ងៃ and ទី included, whatever separates them", arguments: [
        ("The delegation will arrive on 7 June 2022.", "គណៈប្រតិភូ\u{200B}នឹង\u{200B}មក\u{200B}ដល់\u{200B}នៅ\u{200B}ថ្ងៃទី៧ ខែមិថុនា ឆ្នាំ២០២២។",
         "ថ្ងៃ\u{200B}ទី\u{200B}៥ ខែ\u{200B}ឧសភា ឆ្នាំ\u{200B}២០២១"),
        ("The meeting will be held on 7 June 2022.", "កិច្ចប្រជុំ\u{200B}នឹង\u{200B}ប្រព្រឹត្ត\u{200B}ទៅ\u{200B}នៅ\u{200B}ថ្ងៃទី៧ ខែមិថុនា ឆ្នាំ២០២២។",
         "ថ្ងៃទី៥ ខែឧសភា ឆ្នាំ២០២១"),
        ("The Minister will leave on 7 June 2022.", "រដ្ឋមន្ត្រី\u{200B}នឹង\u{200B}ចាកចេញ\u{200B}នៅ ថ្ងៃទី៧ ខែមិថុនា ឆ្នាំ២០២២។",
         "ថ្ងៃ ទី ៥ ខែ ឧសភា ឆ្នាំ ២០២១"),
    ])
    func wholeDate(query: String, expected: String, stored: String) throws {
        let match = try #require(try matcher.search(query, language: .english, threshold: 50, limit: 1).first)
        #expect(match.targets["km"] == expected)
        #expect(match.transferred.contains(PlaceableTransfer.Replacement(language: "km", kind: "date", from: stored, to: "ថ្ងៃទី៧ ខែមិថុនា ឆ្នាំ២០២២")))
        // Never the doubled "day": ថ្ងៃ (with or without a separator) before the rendered ថ្ងៃទី.
        #expect(match.targets["km"]?.components(separatedBy: "ថ្ងៃ").count == 2)
    }
}
