import Testing
import VerbaleCore
import VerbaleDraft
import VerbaleGlossary
@testable import VerbaleMemory

/// Glossary entities in fuzzy matching: a country name that differs between the query and the
/// memory costs one placeable penalty, and the suggested translations get the query's country
/// from the termbase (issue 4, item 3).
@Suite("Glossary entities in matching")
struct EntityMatchingTests {
    static let thaiEN = "The Embassy of the Kingdom of Thailand presents its compliments to the Ministry of Foreign Affairs."
    static let thaiFR = "L'Ambassade du Royaume de Thaïlande présente ses compliments au Ministère des Affaires étrangères."
    static let thaiKM = "ស្ថានទូតនៃព្រះរាជាណាចក្រ\u{200B}ថៃ សូមគោរពជម្រាបមកក្រសួងការបរទេស។"

    static func matcher(entities: (any EntityNaming)?) throws -> FuzzyMatcher {
        let builder = MatchIndexBuilder()
        _ = try builder.add(TranslationUnit(id: "thai", variants: [
            Variant(language: try LanguageTag("en"), text: thaiEN),
            Variant(language: try LanguageTag("fr"), text: thaiFR),
            Variant(language: try LanguageTag("km"), text: thaiKM),
        ]))
        _ = try builder.add(TranslationUnit(id: "other", variants: [
            Variant(language: try LanguageTag("en"), text: "The Ministry acknowledges receipt of the note."),
            Variant(language: try LanguageTag("fr"), text: "Le Ministère accuse réception de la note."),
        ]))
        let (index, archive) = builder.finish()
        return FuzzyMatcher(index: index, archive: archive, entities: entities)
    }

    static func shipped() throws -> GlossaryEntities {
        try #require(try GlossaryEntities.shipped(), "the shipped Glossaries/*.tbx must load")
    }

    @Test("Another country scores as one placeable difference and is named in French and Khmer from the termbase")
    func countrySwap() throws {
        let query = "The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs."
        let match = try #require(try Self.matcher(entities: try Self.shipped()).search(query, language: .english, threshold: 70).first)
        // 14 content tokens, the entity counted once; cost = one placeable penalty (30).
        #expect(match.cost == CostModel.standard.placeableValue)
        #expect(match.score == CostModel.score(cost: 30, length: 14))
        #expect(match.band == "95-99")
        #expect(match.diff.count == 1)
        #expect(match.diff.first?.reason == "placeable")
        #expect(match.diff.first?.query?.text == "Kingdom of Cambodia")
        #expect(match.diff.first?.source?.text == "Kingdom of Thailand")
        #expect(match.targets["fr"] == "L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère des Affaires étrangères.")
        #expect(match.targets["km"] == "ស្ថានទូតនៃព្រះរាជាណាចក្រ\u{200B}កម្ពុជា សូមគោរពជម្រាបមកក្រសួងការបរទេស។")
        #expect(Set(match.transferred.map(\.language)) == ["fr", "km"])
        #expect(match.transferred.allSatisfy { $0.kind == "entity" })
    }

    @Test("Without a glossary the same query costs a full word edit and the translation keeps Thailand")
    func withoutGlossary() throws {
        let query = "The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs."
        let plain = try #require(try Self.matcher(entities: nil).search(query, language: .english, threshold: 70).first)
        let entity = try #require(try Self.matcher(entities: try Self.shipped()).search(query, language: .english, threshold: 70).first)
        #expect(plain.cost == CostModel.fullEdit)
        #expect(plain.targets["fr"] == Self.thaiFR)
        #expect(entity.score > plain.score)
    }

    @Test("An entity of five tokens replaces one of three, and the score stays a single placeable penalty")
    func differentLengths() throws {
        let query = "The Embassy of the Lao People's Democratic Republic presents its compliments to the Ministry of Foreign Affairs."
        let match = try #require(try Self.matcher(entities: try Self.shipped()).search(query, language: .english, threshold: 90).first)
        #expect(match.cost == CostModel.standard.placeableValue)
        #expect(match.diff.first?.source?.text == "Kingdom of Thailand")
        #expect(match.diff.first?.query?.text == "Lao People's Democratic Republic")
        #expect(match.targets["fr"]?.contains("Thaïlande") == false)
        #expect(match.targets["km"]?.contains("សាធារណ\u{200B}រដ្ឋ\u{200B}ប្រជាធិបតេយ្យ") == true)
    }

    @Test("A Khmer query with another country gives the English formal name")
    func khmerQuery() throws {
        let query = "ស្ថានទូតនៃព្រះរាជាណាចក្រ\u{200B}កម្ពុជា សូមគោរពជម្រាបមកក្រសួងការបរទេស។"
        let match = try #require(try Self.matcher(entities: try Self.shipped()).search(query, language: .khmer, threshold: 70).first)
        #expect(match.cost == CostModel.standard.placeableValue)
        #expect(match.targets["en"] == "The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs.")
        #expect(match.targets["fr"]?.contains("Royaume du Cambodge") == true)
    }

    @Test("A Khmer name the termbase marks unreviewed makes the Khmer suggestion unreviewed")
    func unreviewedTerm() throws {
        func concept(_ id: String, _ terms: [(String, String, ReviewStatus)]) throws -> Concept {
            Concept(id: id, terms: try terms.map {
                Term(language: try LanguageTag($0.0), text: $0.1, partOfSpeech: "properNoun", status: .preferred, termType: "fullForm", review: $0.2)
            })
        }
        let glossary = DraftGlossary(concepts: [
            try concept("TH", [("en", "Kingdom of Thailand", .translated), ("fr", "Royaume de Thaïlande", .translated), ("km", "ព្រះរាជាណាចក្រ\u{200B}ថៃ", .translated)]),
            try concept("XX", [("en", "Kingdom of Examplia", .translated), ("fr", "Royaume d'Exemplie", .translated), ("km", "ព្រះរាជាណាចក្រ\u{200B}គំរូ", .unreviewed)]),
        ])
        let query = "The Embassy of the Kingdom of Examplia presents its compliments to the Ministry of Foreign Affairs."
        let match = try #require(try Self.matcher(entities: GlossaryEntities(glossary: glossary)).search(query, language: .english, threshold: 70).first)
        #expect(match.targets["fr"]?.contains("Royaume d'Exemplie") == true)
        #expect(match.targets["km"]?.contains("ព្រះរាជាណាចក្រ\u{200B}គំរូ") == true)
        #expect(match.review["km"] == "unreviewed")
        #expect(match.review["fr"] != "unreviewed")
        #expect(match.unreviewedLanguages.contains("km"))
    }

    @Test("Common glossary terms (not proper names) stay words")
    func commonTermsStayWords() throws {
        let entities = try Self.shipped()
        #expect(entities.entities(in: "the embassy and the note verbale", language: .english).isEmpty)
        #expect(entities.entities(in: Self.thaiEN, language: .english).map(\.value).contains("iso3166-1:TH"))
    }

    /// Countries in their short and formal forms (1 to 5 words), English and Khmer.
    static let englishCountries = ["Kingdom of Thailand", "Kingdom of Cambodia", "Thailand", "Cambodia", "Lao People's Democratic Republic",
                                   "Republic of Albania", "Argentina", "Argentine Republic", "United Arab Emirates", "Principality of Andorra"]
    static let khmerCountries = ["ព្រះរាជាណាចក្រ\u{200B}ថៃ", "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា", "សាធារណ\u{200B}រដ្ឋ\u{200B}អាល់បានី", "អាហ្សង់ទីន"]

    @Test("With glossary entities the index still misses nothing: equal to scoring every entry, EN and KM, random queries, entities recorded at build or not",
          arguments: [false, true])
    func entityPathIsLossless(recorded: Bool) throws {
        let entities = try Self.shipped()
        var generator = SeededGenerator(seed: 44)
        let englishFrames = [
            "The Embassy of the X presents its compliments to the Ministry of Foreign Affairs and has the honour to inform it of the visit.",
            "The X and the Y agree to exchange notes on visas.",
            "X", "Y", "Embassy of the X", "The Government of the X requests the agrément of the Y.",
            "The Permanent Mission of the X to the United Nations avails itself of this opportunity to renew to the Y the assurances of its highest consideration.",
            "Notes from the X on the delegation of the Y and of the X in Geneva, for the meeting of the committee on the X.",
        ]
        let khmerFrames = ["ស្ថានទូតនៃX សូមគោរពជម្រាបមកក្រសួងការបរទេស។", "X", "រដ្ឋាភិបាលX និងY", "ក្រសួងការបរទេសនៃX សូមជម្រាបY"]
        func fill(_ frame: String, _ countries: [String]) -> String {
            frame.replacingOccurrences(of: "X", with: countries.randomElement(using: &generator) ?? "")
                .replacingOccurrences(of: "Y", with: countries.randomElement(using: &generator) ?? "")
        }
        let builder = MatchIndexBuilder(entities: recorded ? entities : nil)
        for number in 0..<160 {
            _ = try builder.add(TranslationUnit(id: "en\(number)", variants: [
                Variant(language: try LanguageTag("en"), text: fill(englishFrames[number % englishFrames.count], Self.englishCountries)),
            ]))
            _ = try builder.add(TranslationUnit(id: "km\(number)", variants: [
                Variant(language: try LanguageTag("km"), text: fill(khmerFrames[number % khmerFrames.count], Self.khmerCountries)),
            ]))
        }
        // Long entries naming a country in words no frame uses: many entity-holding entries of
        // a long query's lengths that share none of its rarest words, so the recorded path
        // often reads those words' lists rather than the entity list (both branches are checked).
        let fillerWords = ["treaty", "protocol", "ratification", "customs", "fisheries", "maritime", "boundary", "commission",
                           "tariff", "scholarship", "consular", "archive", "heritage", "aviation", "vaccine", "drought", "harvest",
                           "railway", "bridge", "satellite", "census", "election", "observer", "budget", "pension", "tribunal",
                           "extradition", "asylum", "wildlife", "forestry", "mining", "energy", "canal", "summit", "forum", "workshop"]
        for number in 0..<120 {
            let words = (0..<(16 + number % 10)).map { _ in fillerWords.randomElement(using: &generator) ?? "" }
            _ = try builder.add(TranslationUnit(id: "filler\(number)", variants: [
                Variant(language: try LanguageTag("en"), text: fill("X ", Self.englishCountries) + words.joined(separator: " ") + "."),
            ]))
        }
        let (index, archive) = builder.finish()
        #expect(index.hasEntities(recordedWith: entities.fingerprint) == recorded)
        let matcher = FuzzyMatcher(index: index, archive: archive, entities: entities)
        var compared = 0, found = 0
        // Per branch of the recorded path (entity list / rarest postings): searches equal to the scan.
        var equalByBranch = EntityPathCounts()
        for round in 0..<200 {
            let language: Language = round % 4 == 3 ? .khmer : .english
            var words = (language == .khmer ? fill(khmerFrames.randomElement(using: &generator) ?? "", Self.khmerCountries)
                                            : fill(englishFrames.randomElement(using: &generator) ?? "", Self.englishCountries))
                .split(separator: " ").map(String.init)
            if words.count > 3, Bool.random(using: &generator) { words.remove(at: Int.random(in: 0..<words.count, using: &generator)) }
            let query = words.joined(separator: " ")
            let threshold = [50, 70, 75, 85, 95].randomElement(using: &generator) ?? 70
            let merged = MatchText(text: query, language: language, tokenizer: try matcher.tokenizer(for: language),
                                   entities: entities.entities(in: query, language: language))
            guard merged.hasEntities else { continue }
            let ids = try matcher.analyse(query, language: language).tokens.map { index.vocabulary.ids(of: $0, language: MatchVocabulary.languageIndex(language)) }
            let every = (0..<index.entryCount).filter { index.entryLanguage[$0] == MatchVocabulary.languageIndex(language) }
            let before = matcher.entityPathCounts
            let viaIndex = try matcher.entityIndexHits(merged, queryIDs: ids, threshold: threshold)
            let after = matcher.entityPathCounts
            let scanned = try matcher.entityHits(merged, entries: every, threshold: threshold)
            #expect(viaIndex == scanned, "\(language) \"\(query)\" at \(threshold): index \(viaIndex.count) vs scan \(scanned.count)")
            if viaIndex == scanned {
                equalByBranch.entityList += after.entityList - before.entityList
                equalByBranch.rarestPostings += after.rarestPostings - before.rarestPostings
            }
            compared += 1
            found += scanned.count
        }
        #expect(compared > 100)
        #expect(found > 500)
        if recorded {
            // Both ways to the entity-holding entries ran often, each equal to the scan every time.
            #expect(matcher.entityPathCounts.entityList + matcher.entityPathCounts.rarestPostings == compared)
            #expect(equalByBranch == matcher.entityPathCounts)
            #expect(equalByBranch.entityList >= 20, "entity-list searches: \(equalByBranch.entityList)")
            #expect(equalByBranch.rarestPostings >= 20, "rarest-postings searches: \(equalByBranch.rarestPostings)")
        } else {
            #expect(matcher.entityPathCounts == EntityPathCounts())
        }
    }

    /// A memory of bare entities and short phrases around them, EN and KM (with and without
    /// U+200B), and the bare-entity queries asked of it.
    static func bareEntityMemory(entities: (any EntityNaming)?) throws -> (index: MatchIndex, archive: UnitArchive) {
        let builder = MatchIndexBuilder(entities: entities)
        let english = Self.englishCountries + ["the French Republic", "French Republic", "France", "the Kingdom of Thailand",
                                               "Embassy of the Kingdom of Thailand", "Thailand and Cambodia", "the Ministry", "Kingdom of Spain",
                                               "The Kingdom of Thailand presents its compliments.", "Notes on the Kingdom", "the Thailand",
                                               "Kingdom of Thailand.", "the Kingdom of Cambodia and the Kingdom of Thailand"]
        let khmer = Self.khmerCountries + ["ស្ថានទូតនៃព្រះរាជាណាចក្រ\u{200B}ថៃ", "ក្រសួងការបរទេស", "ព្រះរាជាណាចក្រ", "ព្រះរាជាណាចក្រថៃ",
                                           "ថៃ", "ព្រះរាជាណាចក្រ\u{200B}ថៃ និងព្រះរាជាណាចក្រ\u{200B}កម្ពុជា"]
        for (number, text) in english.enumerated() {
            _ = try builder.add(TranslationUnit(id: "en\(number)", variants: [Variant(language: try LanguageTag("en"), text: text)]))
        }
        for (number, text) in khmer.enumerated() {
            _ = try builder.add(TranslationUnit(id: "km\(number)", variants: [Variant(language: try LanguageTag("km"), text: text)]))
        }
        return builder.finish()
    }

    static let bareEntityQueries: [(String, Language)] = [
        ("Kingdom of Thailand", .english), ("the Kingdom of Thailand", .english), ("the French Republic", .english),
        ("Thailand", .english), ("Thailand and Cambodia", .english), ("ព្រះរាជាណាចក្រ\u{200B}ថៃ", .khmer), ("ព្រះរាជាណាចក្រថៃ", .khmer),
        ("ថៃ", .khmer),
    ]

    /// For each bare-entity query and threshold, whether the index's answer equals scoring every
    /// entry; and how many hits scoring every entry found.
    static func compareBareEntityQueries(_ matcher: FuzzyMatcher, entities: GlossaryEntities) throws -> (mismatches: [String], found: Int) {
        var mismatches: [String] = [], found = 0
        let index = matcher.index
        for (query, language) in bareEntityQueries {
            let merged = MatchText(text: query, language: language, tokenizer: try matcher.tokenizer(for: language),
                                   entities: entities.entities(in: query, language: language))
            #expect(merged.hasEntities, "\(query) should hold a glossary entity")
            let ids = try matcher.analyse(query, language: language).tokens.map { index.vocabulary.ids(of: $0, language: MatchVocabulary.languageIndex(language)) }
            let every = (0..<index.entryCount).filter { index.entryLanguage[$0] == MatchVocabulary.languageIndex(language) }
            for threshold in [30, 50, 70, 85, 100] {
                let viaIndex = try matcher.entityIndexHits(merged, queryIDs: ids, threshold: threshold)
                let scanned = try matcher.entityHits(merged, entries: every, threshold: threshold)
                if viaIndex != scanned { mismatches.append("\(language) \"\(query)\" at \(threshold): index \(viaIndex.count) vs scan \(scanned.count)") }
                found += scanned.count
            }
        }
        return (mismatches, found)
    }

    @Test("Bare-entity queries (the query is little more than a country name) find exactly what scoring every entry finds, EN and KM, entities recorded at build or not",
          arguments: [false, true])
    func bareEntityQueriesAreLossless(recorded: Bool) throws {
        let entities = try Self.shipped()
        let (index, archive) = try Self.bareEntityMemory(entities: recorded ? entities : nil)
        #expect(index.hasEntities(recordedWith: entities.fingerprint) == recorded)
        if recorded { #expect(index.entityEntries.count > 20) }
        let (mismatches, found) = try Self.compareBareEntityQueries(FuzzyMatcher(index: index, archive: archive, entities: entities), entities: entities)
        #expect(mismatches.isEmpty, "\(mismatches)")
        // Each query finds at least its own country at 100 (other countries are small placeable edits).
        #expect(found > Self.bareEntityQueries.count * 4)
    }

    @Test("The equivalence check catches wrong recorded entities: claiming none, a wrong merged length, or wrong merged tokens")
    func wrongRecordsAreCaught() throws {
        let entities = try Self.shipped()
        let (index, archive) = try Self.bareEntityMemory(entities: entities)
        var noEntities = index
        var wrongLength = index
        var wrongTokens = index
        for entry in 0..<index.entryCount where index.entryEntityCount[entry] > 0 {
            noEntities.entryEntityCount.set(entry, to: 0)
            wrongLength.entryMergedLength.set(entry, to: index.entryMergedLength[entry] + 3)
        }
        // Each entity-holding entry's merged tokens replaced by its first stored token.
        for position in 0..<index.mergedTokens.count { wrongTokens.mergedTokens.set(position, to: index.tokens[0]) }
        noEntities.buildEntityList()
        wrongLength.buildEntityList()
        for damaged in [noEntities, wrongLength, wrongTokens] {
            #expect(damaged.hasEntities(recordedWith: entities.fingerprint))
            let (mismatches, _) = try Self.compareBareEntityQueries(FuzzyMatcher(index: damaged, archive: archive, entities: entities), entities: entities)
            #expect(mismatches.count >= 5)
        }
    }
}
