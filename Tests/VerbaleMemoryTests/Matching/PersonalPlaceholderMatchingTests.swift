import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Import leaves `{PERSON}`, `{EMAIL}`… where personal data was; these tests check that the
/// matcher treats them as placeables (issue 3: "Placeholders behave as placeables in
/// matching"), that a query's own personal data meets them, and that the query's values are
/// carried into the translations — in English, French and Khmer.
@Suite("Personal-data placeholders match as placeables")
struct PersonalPlaceholderMatchingTests {
    /// Our own trilingual units, scrubbed the way `verbale import` scrubs them.
    static func scrubbedUnits() throws -> [TranslationUnit] {
        let scrubber = try PersonalDataScrubber()
        let texts: [[(String, String)]] = [
            [("en", "Please contact Mr. Sok Dara at dara.sok@mfa.gov.kh or +855 12 345 678."),
             ("fr", "Veuillez contacter M. Sok Dara à dara.sok@mfa.gov.kh ou au +855 12 345 678."),
             ("km", "សូមទាក់ទង លោក សុខ ដារ៉ា តាម dara.sok@mfa.gov.kh ឬ +៨៥៥ ១២ ៣៤៥ ៦៧៨។")],
            [("en", "H.E. Mr. Ney Samol, born on 12 March 1960, holds passport No. N0123456."),
             ("fr", "S.E. M. Ney Samol, né le 12 mars 1960, est titulaire du passeport n° N0123456."),
             ("km", "ឯកឧត្តម នី សាមល កើតថ្ងៃទី១២ ខែមីនា ឆ្នាំ១៩៦០ កាន់លិខិតឆ្លងដែនលេខ N0123456។")],
            [("en", "The Embassy has 12 staff members."), ("fr", "L'Ambassade compte 12 agents."), ("km", "ស្ថានទូតមានបុគ្គលិក ១២ នាក់។")],
        ]
        return texts.enumerated().map { position, variants in scrubber.scrub(unit(variants), file: "fixture", position: position + 1).unit }
    }

    /// One unit (`unit(_:)`: language tag and text per variant), scrubbed as import does.
    static func scrubbed(_ variants: [(String, String)]) throws -> TranslationUnit {
        try PersonalDataScrubber().scrub(unit(variants), file: "t", position: 1).unit
    }

    let matcher: FuzzyMatcher

    init() throws {
        matcher = try Matching.matcher(Self.scrubbedUnits())
    }

    @Test("Every placeholder import writes is one placeable token valued by its name, in EN, FR and KM (glued and with U+200B)")
    func tokenizerReadsPlaceholders() throws {
        for kind in PersonalDataKind.allCases {
            for placeholder in [kind.placeholder(number: nil), kind.placeholder(number: 2)] {
                for (language, text) in [(Language.english, "Mr. \(placeholder), please."), (.french, "M. \(placeholder), merci."),
                                         (.khmer, "លោក\(placeholder)បានមកដល់។"), (.khmer, "លោក\u{200B}\(placeholder)\u{200B}បាន\u{200B}មក។")] {
                    let tokens = try Tokenizer(language: language).tokenize(text, mergingPlaceables: true)
                    let found = tokens.filter { $0.placeable?.kind == .placeholder }
                    #expect(found.count == 1, "\(text)")
                    #expect(found.first?.text == placeholder)
                    #expect(found.first?.placeable?.value == String(placeholder.dropFirst().dropLast()))
                    #expect(!tokens.contains { $0.text == "{" || $0.text == "}" }, "\(text)")
                }
            }
        }
        // Braces around anything else are not placeholders.
        for text in ["{NAME}", "{ PERSON }", "{person}", "{PERSON", "{1}"] {
            let tokens = try Tokenizer(language: .english).tokenize(text, mergingPlaceables: true)
            #expect(!tokens.contains { $0.placeable?.kind == .placeholder }, "\(text)")
        }
    }

    @Test("A query written with the placeholders themselves is an exact match")
    func literalPlaceholders() throws {
        let match = try #require(try matcher.search("Please contact Mr. {PERSON} at {EMAIL} or {PHONE}.", language: .english, limit: 1).first)
        #expect(match.score == 100)
        #expect(match.targets["fr"] == "Veuillez contacter M. {PERSON} à {EMAIL} ou au {PHONE}.")
    }

    @Test("A query's name, e-mail and phone meet the memory's placeholders and are carried into French and Khmer")
    func englishQueryCarriesValues() throws {
        let match = try #require(try matcher.search("Please contact Mr. Chan Thy at chan.thy@example.org or +33 1 23 45 67 89.",
                                                    language: .english, limit: 1).first)
        // Three placeables with other values over 8 content tokens (please contact mr {PERSON} at {EMAIL} or {PHONE}).
        #expect(match.cost == 3 * CostModel.standard.placeableValue)
        #expect(match.score == CostModel.score(cost: 90, length: 8))
        #expect(match.targets["fr"] == "Veuillez contacter M. Chan Thy à chan.thy@example.org ou au +33 1 23 45 67 89.")
        #expect(match.targets["km"] == "សូមទាក់ទង លោក Chan Thy តាម chan.thy@example.org ឬ +33 1 23 45 67 89។")
        #expect(match.transferred.filter { $0.kind == "placeholder" }.count == 6)
    }

    @Test("A Khmer query carries its name into English and French, with ASCII digits and without U+200B there")
    func khmerQueryCarriesValues() throws {
        let match = try #require(try matcher.search("សូមទាក់ទង លោក ចាន់\u{200B}ធី តាម chan.thy@example.org ឬ +៨៥៥ ៩៩ ៣៤៥ ៦៧៨។",
                                                    language: .khmer, limit: 1).first)
        #expect(match.cost == 3 * CostModel.standard.placeableValue)
        #expect(match.targets["en"] == "Please contact Mr. ចាន់ធី at chan.thy@example.org or +855 99 345 678.")
        #expect(match.targets["fr"] == "Veuillez contacter M. ចាន់ធី à chan.thy@example.org ou au +855 99 345 678.")
        // The Khmer-script name is the drafter's to spell in Latin letters: marked, in each note.
        let name = match.transferred.filter { $0.to == "ចាន់ធី" }
        #expect(Set(name.map(\.language)) == ["en", "fr"])
        #expect(name.allSatisfy { $0.check?.contains("Khmer script") == true }, "\(name)")
        #expect(match.transferred.filter { $0.to != "ចាន់ធី" }.allSatisfy { $0.check == nil }, "an address and a number need no check")
    }

    @Test("A numeric date of birth is copied as written and marked for a check of day and month; a written date is rendered and not marked")
    func numericDateOfBirthMarked() throws {
        let unit = try Self.scrubbed([("fr", "M. Sok Dara, né le 15 novembre 1935, assistera à la réception."), ("en", "Mr. Sok Dara, born on 15 November 1935, will attend the reception.")])
        #expect(unit.variants[1].text == "Mr. {PERSON}, born on {DATE_OF_BIRTH}, will attend the reception.")
        let matcher = try Matching.matcher([unit])
        let numeric = try #require(try matcher.search("M. Chan Thy, né le 03/04/1975, assistera à la réception.", language: .french, limit: 1).first)
        #expect(numeric.targets["en"] == "Mr. Chan Thy, born on 03/04/1975, will attend the reception.")
        let date = try #require(numeric.transferred.first { $0.language == "en" && $0.to == "03/04/1975" })
        #expect(date.check?.contains("day and month") == true)
        #expect(numeric.transferred.first { $0.to == "Chan Thy" }?.check == nil, "a Latin name in an English note needs no check")
        let written = try #require(try matcher.search("M. Chan Thy, né le 3 avril 1975, assistera à la réception.", language: .french, limit: 1).first)
        #expect(written.targets["en"] == "Mr. Chan Thy, born on 3 April 1975, will attend the reception.")
        #expect(written.transferred.allSatisfy { $0.check == nil })
    }

    @Test("Numbered placeholders are not filled: their numbers need not agree across languages (Khmer word order)")
    func numberedPlaceholdersStay() throws {
        // Import numbers people per variant in order of appearance; the Khmer note names the lady first.
        let unit = try Self.scrubbed([("en", "Mr. Sok Dara and Ms. Chea Lina will attend the dinner."), ("km", "លោកស្រី ជា លីណា និង លោក សុខ ដារ៉ា នឹងចូលរួមពិធីលៀង។")])
        #expect(unit.variants[0].text == "Mr. {PERSON1} and Ms. {PERSON2} will attend the dinner.")
        let matcher = try Matching.matcher([unit])
        let match = try #require(try matcher.search("Mr. Chan Thy and Ms. Keo Sophea will attend the dinner.", language: .english, limit: 1).first)
        #expect(match.cost == 2 * CostModel.standard.placeableValue)
        #expect(match.targets["km"] == "លោកស្រី {PERSON1} និង លោក {PERSON2} នឹងចូលរួមពិធីលៀង។")
        #expect(match.transferred.isEmpty)
    }

    @Test("An unnumbered placeholder the translation repeats is filled everywhere: one person")
    func repeatedPlaceholder() throws {
        let unit = try Self.scrubbed([("en", "Mr. Sok Dara will arrive on Monday."), ("fr", "M. Sok Dara arrivera lundi ; M. Sok Dara sera accompagné de son épouse.")])
        #expect(unit.variants[1].text == "M. {PERSON} arrivera lundi ; M. {PERSON} sera accompagné de son épouse.")
        let match = try #require(try Matching.matcher([unit]).search("Mr. Chan Thy will arrive on Monday.", language: .english, limit: 1).first)
        #expect(match.targets["fr"] == "M. Chan Thy arrivera lundi ; M. Chan Thy sera accompagné de son épouse.")
    }

    @Test("Where the memory names one person twice and the query names two, the placeholders stay: one name is not written over both")
    func twoPeopleForOnePlaceholder() throws {
        let unit = try Self.scrubbed([("en", "Mr. Sok Dara thanked Mr. Sok Dara."), ("fr", "M. Sok Dara a remercié M. Sok Dara.")])
        #expect(unit.variants[1].text == "M. {PERSON} a remercié M. {PERSON}.")
        let matcher = try Matching.matcher([unit])
        let two = try #require(try matcher.search("Mr. Chan Thy thanked Mr. Keo Sophea.", language: .english, limit: 1).first)
        #expect(two.targets["fr"] == "M. {PERSON} a remercié M. {PERSON}.")
        #expect(two.transferred.isEmpty)
        let one = try #require(try matcher.search("Mr. Chan Thy thanked Mr. Chan Thy.", language: .english, limit: 1).first)
        #expect(one.targets["fr"] == "M. Chan Thy a remercié M. Chan Thy.")
    }

    @Test("A unit kept with its names still meets its own text at 100 in a memory that also holds placeholders")
    func keptBesideScrubbed() throws {
        var units = try Self.scrubbedUnits()
        units.append(unit([("en", "The Ambassador thanks Mr. Pich Sovann for his kind letter."), ("fr", "L’Ambassadeur remercie M. Pich Sovann de son aimable lettre.")]))
        let mixed = try Matching.matcher(units)
        let verbatim = try #require(try mixed.search("The Ambassador thanks Mr. Pich Sovann for his kind letter.", language: .english, limit: 1).first)
        #expect(verbatim.score == 100)
        let other = try #require(try mixed.search("Please contact Mr. Chan Thy at chan.thy@example.org or +33 1 23 45 67 89.",
                                                  language: .english, limit: 1).first)
        #expect(other.cost == 3 * CostModel.standard.placeableValue)
    }

    @Test("A date of birth is carried over in each language's own date form")
    func dateOfBirth() throws {
        let match = try #require(try matcher.search("H.E. Mr. Hor Namhong, born on 15 November 1935, holds passport No. N0987654.",
                                                    language: .english, limit: 1).first)
        #expect(match.cost == 3 * CostModel.standard.placeableValue)
        #expect(match.targets["fr"] == "S.E. M. Hor Namhong, né le 15 novembre 1935, est titulaire du passeport n° N0987654.")
        #expect(match.targets["km"] == "ឯកឧត្តម Hor Namhong កើតថ្ងៃទី១៥ ខែវិច្ឆិកា ឆ្នាំ១៩៣៥ កាន់លិខិតឆ្លងដែនលេខ N0987654។")
    }

    @Test("A memory that kept its personal data (no placeholders) analyses queries as before")
    func memoryWithoutPlaceholders() throws {
        let kept = try Matching.matcher([unit([("en", "Please contact Mr. Sok Dara at dara.sok@mfa.gov.kh."), ("fr", "Veuillez contacter M. Sok Dara à dara.sok@mfa.gov.kh.")])])
        let query = "Please contact Mr. Chan Thy at chan.thy@example.org."
        #expect(kept.queryPlaceholders(query, language: .english).isEmpty)
        #expect(!matcher.queryPlaceholders(query, language: .english).isEmpty)
        let match = try #require(try kept.search(query, language: .english, threshold: 1, limit: 1).first)
        // Two name words substituted (full edits) and the e-mail another value: as without this feature.
        #expect(match.cost == 2 * CostModel.fullEdit + CostModel.standard.placeableValue)
    }
}
