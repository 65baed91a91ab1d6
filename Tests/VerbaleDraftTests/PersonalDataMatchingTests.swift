import Testing
import VerbaleCore
import VerbaleDraft
import VerbaleGlossary
@testable import VerbaleMemory

/// Queries holding personal data against memories holding placeholders, with the shipped
/// glossary attached: the index still misses nothing, a unit kept with its names still meets
/// its own text, and a name that begins with a country name stays a person.
@Suite("Personal data in queries, with glossary entities")
struct PersonalDataMatchingTests {
    static let englishFrames = [
        "Please contact Mr. NAME at MAIL or PHONE.",
        "H.E. Mr. NAME, Ambassador of the COUNTRY, will meet Ms. NAME on Monday.",
        "The Embassy of the COUNTRY presents its compliments and informs that Mr. NAME, born on 12 March 1960, holds passport No. N0123456.",
        "Mr. NAME arrived.",
        "Ms. NAME will attend the dinner given by the Government of the COUNTRY.",
    ]
    static let khmerFrames = [
        "សូមទាក់ទង លោក KNAME តាម MAIL ឬ PHONE។",
        "ឯកឧត្តម KNAME ឯកអគ្គរាជទូតនៃCOUNTRY នឹងជួប លោកស្រី KNAME។",
        "លោក KNAME បានមកដល់។",
    ]
    // Names that begin with a country name ("Jordan Lee", "China Lim") beside ordinary ones.
    static let names = ["Jordan Lee", "China Lim", "Sok Dara", "Chan Thy", "Pich Sovann", "Jordan Lee Kim Soo", "France Dupont", "Keo Sophea"]
    static let khmerNames = ["សុខ ដារ៉ា", "ចាន់ ធី", "កែវ សុភា", "ពេជ្រ សុវណ្ណ"]
    static let mails = ["dara.sok@mfa.gov.kh", "chan.thy@example.org", "info@embassy.example"]
    static let phones = ["+855 12 345 678", "+33 1 23 45 67 89", "012 345 678"]

    static func shipped() throws -> GlossaryEntities {
        try #require(try GlossaryEntities.shipped(), "the shipped Glossaries/*.tbx must load")
    }

    static func fill(_ frame: String, _ generator: inout SeededGenerator) -> String {
        var text = frame
        while let range = text.range(of: "KNAME") { text.replaceSubrange(range, with: khmerNames.randomElement(using: &generator) ?? "") }
        while let range = text.range(of: "NAME") { text.replaceSubrange(range, with: names.randomElement(using: &generator) ?? "") }
        while let range = text.range(of: "MAIL") { text.replaceSubrange(range, with: mails.randomElement(using: &generator) ?? "") }
        while let range = text.range(of: "PHONE") { text.replaceSubrange(range, with: phones.randomElement(using: &generator) ?? "") }
        let countries = text.unicodeScalars.contains { (0x1780...0x17FF).contains($0.value) } ? EntityMatchingTests.khmerCountries : EntityMatchingTests.englishCountries
        while let range = text.range(of: "COUNTRY") { text.replaceSubrange(range, with: countries.randomElement(using: &generator) ?? "") }
        return text
    }

    /// Half the units scrubbed as `verbale import` does, half kept as written
    /// (`--keep-personal-data`): a memory holding both.
    static func matcher(entities: GlossaryEntities, recorded: Bool, seed: UInt64 = 7) throws -> FuzzyMatcher {
        var generator = SeededGenerator(seed: seed)
        let scrubber = try PersonalDataScrubber()
        let builder = MatchIndexBuilder(entities: recorded ? entities : nil)
        for number in 0..<120 {
            let english = fill(englishFrames[number % englishFrames.count], &generator)
            let khmer = fill(khmerFrames[number % khmerFrames.count], &generator)
            var unit = TranslationUnit(id: "u\(number)", variants: [
                Variant(language: try LanguageTag("en"), text: english), Variant(language: try LanguageTag("km"), text: khmer),
            ])
            if number % 2 == 0 { unit = scrubber.scrub(unit, file: "t", position: number).unit }
            _ = try builder.add(unit)
        }
        _ = try builder.add(TranslationUnit(id: "kept", variants: [Variant(language: try LanguageTag("en"), text: "Mr. Jordan Lee Kim Soo arrived.")]))
        let (index, archive) = builder.finish()
        return FuzzyMatcher(index: index, archive: archive, entities: entities)
    }

    /// What `hits` must equal: every entry of the language scored under each reading of the
    /// query, the best per entry.
    static func scanned(_ matcher: FuzzyMatcher, _ query: String, _ language: Language, threshold: Int) throws -> [IndexHit] {
        let every = (0..<matcher.index.entryCount).filter { matcher.index.entryLanguage[$0] == MatchVocabulary.languageIndex(language) }
        let readings = try matcher.lookups(query, language: language, threshold: threshold).map { lookup in
            var scanned = lookup
            scanned.hits = try lookup.entityQuery.map { try matcher.entityHits($0, entries: every, threshold: threshold) }
                ?? matcher.index.bruteForce(lookup.queryIDs, language: language, threshold: threshold)
            return scanned
        }
        return FuzzyMatcher.best(readings).map(\.hit)
    }

    @Test("Queries holding names, e-mails, phones and countries: the index equals scoring every entry, EN and KM, entities recorded or not",
          arguments: [false, true])
    func lossless(recorded: Bool) throws {
        let matcher = try Self.matcher(entities: try Self.shipped(), recorded: recorded)
        var generator = SeededGenerator(seed: 99)
        var compared = 0, withPersonal = 0, found = 0
        for round in 0..<120 {
            let language: Language = round % 3 == 2 ? .khmer : .english
            let frames = language == .khmer ? Self.khmerFrames : Self.englishFrames
            var words = Self.fill(frames.randomElement(using: &generator) ?? "", &generator).split(separator: " ").map(String.init)
            if words.count > 4, Bool.random(using: &generator) { words.remove(at: Int.random(in: 0..<words.count, using: &generator)) }
            let query = words.joined(separator: " ")
            let threshold = [50, 70, 85, 95].randomElement(using: &generator) ?? 70
            let viaIndex = try matcher.hits(query, language: language, threshold: threshold)
            let scan = try Self.scanned(matcher, query, language, threshold: threshold)
            #expect(viaIndex == scan, "\(language) \"\(query)\" at \(threshold): index \(viaIndex.count) vs scan \(scan.count)")
            compared += 1
            found += scan.count
            if try matcher.lookups(query, language: language, threshold: threshold).count > 1 { withPersonal += 1 }
        }
        #expect(withPersonal > 60, "queries read with placeholders: \(withPersonal)")
        #expect(found > 300)
    }

    @Test("A unit kept with its names meets its own text at 100 beside scrubbed units, on every entity path")
    func keptUnitBesideScrubbed() throws {
        let entities = try Self.shipped()
        for recorded in [false, true] {
            let matcher = try Self.matcher(entities: entities, recorded: recorded)
            let match = try #require(try matcher.search("Mr. Jordan Lee Kim Soo arrived.", language: .english, limit: 1).first)
            #expect(match.score == 100, "recorded: \(recorded)")
        }
    }

    @Test("A name that begins with a country name is a person: it meets {PERSON} and is carried over with the rest")
    func countryInitialName() throws {
        let scrubbed = try PersonalDataScrubber().scrub(TranslationUnit(variants: [
            Variant(language: try LanguageTag("en"), text: "Please contact Mr. Sok Dara at dara.sok@mfa.gov.kh or +855 12 345 678."),
            Variant(language: try LanguageTag("fr"), text: "Veuillez contacter M. Sok Dara à dara.sok@mfa.gov.kh ou au +855 12 345 678."),
        ]), file: "t", position: 1).unit
        let builder = MatchIndexBuilder()
        _ = try builder.add(scrubbed)
        let (index, archive) = builder.finish()
        let matcher = FuzzyMatcher(index: index, archive: archive, entities: try Self.shipped())
        let match = try #require(try matcher.search("Please contact Mr. Jordan Lee at jordan@example.org or +33 1 23 45 67 89.",
                                                    language: .english, limit: 1).first)
        #expect(match.cost == 3 * CostModel.standard.placeableValue)
        #expect(match.targets["fr"] == "Veuillez contacter M. Jordan Lee à jordan@example.org ou au +33 1 23 45 67 89.")
    }
}
