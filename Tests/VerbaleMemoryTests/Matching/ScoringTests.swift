import Testing
import VerbaleCore
@testable import VerbaleMemory

@Suite("Scoring: the cost model and the diff")
struct ScoringTests {
    let matcher: FuzzyMatcher

    init() throws {
        matcher = try Matching.matcher(Matching.fixtureUnits())
    }

    func best(_ text: String, _ language: Language = .english, min: Int = 50) throws -> FuzzyMatch? {
        try matcher.search(text, language: language, threshold: min, limit: 1).first
    }

    @Test("An identical sentence scores 100 and is in the exact band")
    func exact() throws {
        let match = try #require(try best("The Embassy has 12 staff members."))
        #expect(match.score == 100)
        #expect(match.band == "100")
        #expect(match.diff.isEmpty)
    }

    @Test("A case difference costs a tenth of a word, not a full edit")
    func caseDifference() throws {
        let match = try #require(try best("the embassy has 12 staff members."))
        // Two case changes over 5 content tokens: 100 × (1 − 20/500) = 96.
        #expect(match.cost == 20)
        #expect(match.score == 96)
        #expect(match.diff.allSatisfy { $0.reason == "case" })
    }

    @Test("Missing diacritics cost less than a word")
    func diacritics() throws {
        let match = try #require(try best("Le Ministere des Affaires etrangeres et de la Cooperation internationale du Royaume du Cambodge", .french))
        #expect(match.cost == 60)
        #expect(match.score == 95)
        #expect(match.diff.filter { $0.reason == "diacritics" }.count == 3)
    }

    @Test("Punctuation and spacing are small penalties")
    func punctuationAndSpacing() throws {
        let noStop = try #require(try best("The Embassy has 12 staff members"))
        #expect(noStop.cost == CostModel.standard.punctuation)
        #expect(noStop.score == 95)
        let glued = try #require(try best("The Embassy has 12 staff members ."))
        #expect(glued.cost == CostModel.standard.whitespace)
    }

    @Test("Another number costs the placeable penalty and is carried into FR and KM (Khmer digits)")
    func numberTransfer() throws {
        let match = try #require(try best("The Embassy has 15 staff members."))
        #expect(match.cost == CostModel.standard.placeableValue)
        #expect(match.targets["fr"] == "L'Ambassade compte 15 agents.")
        #expect(match.targets["km"] == "ស្ថានទូតមានបុគ្គលិក ១៥ នាក់។")
        #expect(match.review["km"] == "unreviewed")
        #expect(match.hasUnreviewedTarget)
    }

    @Test("A missing word is a full edit, and the diff says which and where")
    func diff() throws {
        let match = try #require(try best("The Embassy presents compliments to the Ministry of Foreign Affairs"))
        #expect(match.score == 90)
        let deleted = try #require(match.diff.first)
        #expect(deleted.op == "deleted")
        #expect(deleted.source?.text == "its")
        #expect(deleted.source?.start == 21)
        #expect(deleted.source?.end == 24)
    }

    @Test("Khmer scores on dictionary words, not all-or-nothing")
    func khmerPartial() throws {
        // One word changed (បុគ្គលិក staff → មន្ត្រី officials) and another number.
        let match = try #require(try best("ស្ថានទូតមានមន្ត្រី ២០ នាក់។", .khmer))
        #expect(match.score > 50 && match.score < 95)
        #expect(match.targets["en"] == "The Embassy has 12 staff members.")  // a word differs: no transfer
        #expect(match.diff.contains { $0.op == "substituted" && $0.reason == "word" })
    }

    @Test("Score formula and bands")
    func formula() {
        #expect(CostModel.score(cost: 0, length: 10) == 100)
        #expect(CostModel.score(cost: 1, length: 1000) == 99)
        #expect(CostModel.score(cost: 300, length: 10) == 70)
        #expect(CostModel.score(cost: 301, length: 10) == 69)
        #expect(CostModel.maximumCost(threshold: 70, length: 10) == 300)
        #expect(MatchBand(score: 101) == .context)
        #expect(MatchBand(score: 97) == .high)
        #expect(MatchBand(score: 85) == .good)
        #expect(MatchBand(score: 75) == .fair)
        #expect(MatchBand(score: 50) == .low)
    }

    @Test("An exact match after the same previous segment scores 101")
    func context() throws {
        var units = try Matching.fixtureUnits()
        units[5].metadata.previousContext = ContextHash.of("The meeting was postponed until 1993.")
        let contextual = try Matching.matcher(units)
        let match = try #require(try contextual.search("The Embassy has 12 staff members.", language: .english,
                                                       previousSegment: "The meeting  was postponed until 1993.").first)
        #expect(match.score == 101)
        #expect(match.band == "101")
    }

    @Test("Empty queries, queries without words and absent languages are clear errors")
    func errors() throws {
        #expect(throws: MatchError.emptyQuery) { try matcher.search("  \u{200B} ", language: .english) }
        #expect(throws: MatchError.self) { try matcher.search("…!", language: .english) }
        let englishOnly = try Matching.matcher([TranslationUnit(variants: [Variant(language: try LanguageTag("en"), text: "Hello there")])])
        #expect(throws: MatchError.languageNotInMemory("km", available: ["en"])) { try englishOnly.search("សួស្តី", language: .khmer) }
    }

    @Test("Another date is carried into French and Khmer in their own forms")
    func dateTransfer() throws {
        let match = try #require(try best("The meeting will be held on 12 March 2021 in Phnom Penh."))
        #expect(match.cost == CostModel.standard.placeableValue)
        #expect(match.targets["fr"] == "La réunion se tiendra le 12 mars 2021 à Phnom Penh.")
        #expect(match.targets["km"] == "កិច្ចប្រជុំនឹងប្រព្រឹត្តទៅនៅថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០២១ នៅភ្នំពេញ។")
        let khmer = try #require(try best("កិច្ចប្រជុំនឹងប្រព្រឹត្តទៅនៅថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០២១ នៅភ្នំពេញ។", .khmer))
        #expect(khmer.targets["en"] == "The meeting will be held on 12 March 2021 in Phnom Penh.")
    }

    @Test("Another reference number is carried over, keeping the target's own prefix")
    func referenceTransfer() throws {
        let match = try #require(try best("With reference to Note No. 2022/07/311 of the Ministry"))
        #expect(match.targets["fr"] == "Se référant à la note N° 2022/07/311 du Ministère")
    }
}
