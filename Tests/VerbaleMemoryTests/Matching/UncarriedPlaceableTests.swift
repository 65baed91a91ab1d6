import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Review 30 Nov, m3: a differing date, number or reference that could not be written into a
/// translation is named on that translation, so the drafter does not paste the old date.
@Suite("Placeables not carried into a translation are named")
struct UncarriedPlaceableTests {
    static func unit(_ texts: [(String, String)]) throws -> TranslationUnit {
        TranslationUnit(variants: try texts.map { Variant(language: try LanguageTag($0.0), text: $0.1) })
    }

    @Test("The review's case: French says \"5 janvier dernier\" (no year, so no date): fr is flagged with the date in French")
    func frenchWithoutYear() throws {
        let matcher = try Matching.matcher([try Self.unit([("en", "The note of 5 January 2021 refers."), ("fr", "La note du 5 janvier dernier est citée.")])])
        let match = try #require(try matcher.search("The note of 7 March 2022 refers.", language: .english, limit: 1).first)
        #expect(match.targets["fr"] == "La note du 5 janvier dernier est citée.")
        #expect(match.transferred.isEmpty)
        #expect(match.notCarried == [UncarriedPlaceable(language: "fr", kind: "date", value: "7 March 2022", memoryValue: "5 January 2021",
                                                        suggestion: "7 mars 2022", reason: .notFound)])
    }

    @Test("A Khmer date ថ្ងៃទី១២ ខែកក្កដា ឆ្នាំ២០១២ is carried into Khmer while the French, which has no year, is flagged — from an English and from a Khmer query")
    func khmerCarriedFrenchFlagged() throws {
        let matcher = try Matching.matcher([try Self.unit([
            ("en", "The note of 12 July 2012 refers to the visit."),
            ("fr", "La note du 12 juillet dernier se réfère à la visite."),
            ("km", "កំណត់ទូត\u{200B}ចុះ\u{200B}ថ្ងៃទី១២ ខែកក្កដា ឆ្នាំ២០១២ សំដៅ\u{200B}ដល់\u{200B}ដំណើរ\u{200B}ទស្សនកិច្ច។"),
        ])])
        let english = try #require(try matcher.search("The note of 7 March 2022 refers to the visit.", language: .english, limit: 1).first)
        #expect(english.targets["km"] == "កំណត់ទូត\u{200B}ចុះ\u{200B}ថ្ងៃទី៧ ខែមីនា ឆ្នាំ២០២២ សំដៅ\u{200B}ដល់\u{200B}ដំណើរ\u{200B}ទស្សនកិច្ច។")
        #expect(english.notCarried.map(\.language) == ["fr"])
        #expect(english.notCarried.first?.suggestion == "7 mars 2022")

        let khmer = try #require(try matcher.search("កំណត់ទូត\u{200B}ចុះ\u{200B}ថ្ងៃទី៧ ខែមីនា ឆ្នាំ២០២២ សំដៅ\u{200B}ដល់\u{200B}ដំណើរ\u{200B}ទស្សនកិច្ច។",
                                                    language: .khmer, limit: 1).first)
        #expect(khmer.targets["en"] == "The note of 7 March 2022 refers to the visit.")
        #expect(khmer.notCarried == [UncarriedPlaceable(language: "fr", kind: "date", value: "ថ្ងៃទី៧ ខែមីនា ឆ្នាំ២០២២", memoryValue: "ថ្ងៃទី១២ ខែកក្កដា ឆ្នាំ២០១២",
                                                        suggestion: "7 mars 2022", reason: .notFound)])
    }

    @Test("A Khmer translation that says \"last month\" instead of the date is flagged with the date in Khmer")
    func khmerFlagged() throws {
        let matcher = try Matching.matcher([try Self.unit([
            ("en", "The meeting of 3 May 2019 was postponed."),
            ("km", "កិច្ចប្រជុំ\u{200B}កាលពី\u{200B}ខែ\u{200B}មុន ត្រូវ\u{200B}បាន\u{200B}ពន្យារពេល។"),
        ])])
        let match = try #require(try matcher.search("The meeting of 12 July 2012 was postponed.", language: .english, limit: 1).first)
        #expect(match.notCarried.map(\.suggestion) == ["ថ្ងៃទី១២ ខែកក្កដា ឆ្នាំ២០១២"])
        #expect(match.notCarried.map(\.language) == ["km"])
    }

    @Test("When a word differs too nothing is carried, and every translation holding the old value says so")
    func wordsDiffer() throws {
        let matcher = try Matching.matcher([try Self.unit([
            ("en", "The meeting of 3 May 2019 was postponed."), ("fr", "La réunion du 3 mai 2019 a été reportée."),
            ("km", "កិច្ចប្រជុំ\u{200B}កាលពី\u{200B}ថ្ងៃទី៣ ខែឧសភា ឆ្នាំ២០១៩ ត្រូវ\u{200B}បាន\u{200B}ពន្យារពេល។"),
        ])])
        let match = try #require(try matcher.search("The meeting of 7 March 2022 was cancelled.", language: .english, threshold: 50, limit: 1).first)
        #expect(match.transferred.isEmpty)
        #expect(match.targets["fr"] == "La réunion du 3 mai 2019 a été reportée.")
        #expect(Set(match.notCarried.map(\.language)) == ["fr", "km"])
        #expect(match.notCarried.allSatisfy { $0.reason == .wordsDiffer && $0.value == "7 March 2022" })
    }

    @Test("Numbers and references carried everywhere leave nothing to flag; an exact match flags nothing")
    func nothingToFlag() throws {
        let matcher = try Matching.matcher([try Self.unit([
            ("en", "The Embassy has 12 staff members."), ("fr", "L'Ambassade compte 12 agents."), ("km", "ស្ថានទូតមានបុគ្គលិក ១២ នាក់។"),
        ])])
        let changed = try #require(try matcher.search("The Embassy has 15 staff members.", language: .english, limit: 1).first)
        #expect(changed.transferred.count == 2)
        #expect(changed.notCarried.isEmpty)
        let exact = try #require(try matcher.search("The Embassy has 12 staff members.", language: .english, limit: 1).first)
        #expect(exact.notCarried.isEmpty)
    }

    @Test("The JSON carries notCarried beside the contract fields, which keep their names")
    func json() throws {
        let matcher = try Matching.matcher([try Self.unit([("en", "The note of 5 January 2021 refers."), ("fr", "La note du 5 janvier dernier est citée.")])])
        let match = try #require(try matcher.search("The note of 7 March 2022 refers.", language: .english, limit: 1).first)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(match)) as? [String: Any])
        for key in ["score", "band", "source", "targets", "origin", "diff", "transferred", "notCarried"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        let first = try #require((object["notCarried"] as? [[String: Any]])?.first)
        #expect(first["language"] as? String == "fr")
        #expect(first["value"] as? String == "7 March 2022")
        #expect(first["reason"] as? String == "not found in the translation")
    }
}
