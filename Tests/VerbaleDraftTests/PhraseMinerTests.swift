import Testing
import VerbaleCore
@testable import VerbaleDraft

@Suite("Mining formulas")
struct PhraseMinerTests {
    @Test("Counts documents, not repetitions, and drops phrases subsumed by a longer one")
    func ownDocuments() throws {
        let docs = [
            PhraseMiner.Document(name: "a", text: "The Embassy presents its compliments to the Ministry. The Embassy presents its compliments to the Ministry."),
            PhraseMiner.Document(name: "b", text: "The Mission presents its compliments to the Office."),
            PhraseMiner.Document(name: "c", text: "Nothing here but presents."),
        ]
        let phrases = try PhraseMiner(minCount: 2, minLength: 3, subsumption: 1.0).mine(docs, language: .english)
        let top = try #require(phrases.first)
        #expect(top.key == "presents its compliments to the")
        #expect(top.documents == 2)
        #expect(top.occurrences == 3)
        #expect(top.attestedIn == ["a", "b"])
        #expect(!phrases.contains { $0.key == "its compliments to" })
    }

    @Test("Khmer text mines too (words from ICU's dictionary, U+200B ignored)")
    func khmer() throws {
        let docs = (1...3).map { PhraseMiner.Document(name: "\($0)", text: "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា សូមគោរពជូនចំពោះ ក្រសួង \($0)") }
        let phrases = try PhraseMiner(minCount: 3, minLength: 2).mine(docs, language: .khmer)
        #expect(phrases.contains { $0.documents == 3 && $0.phrase.contains("កម្ពុជា") })
    }

    @Test("The closing formula is among the top phrases of the real English notes", .enabled(if: SharedData.isAvailable))
    func realNotes() throws {
        let docs = Fixtures.notes("en-").map { PhraseMiner.Document(name: $0.name, text: $0.text) }
        let phrases = try PhraseMiner(minCount: 40).mine(docs, language: .english)
        let closing = try #require(phrases.first { $0.key.contains("avails itself of this opportunity to renew to") })
        #expect(closing.documents >= 130)
        #expect(phrases.contains { $0.key.contains("the assurances of its highest consideration") })
    }

    @Test("A hyphenated name is one word: phrases end at \"Pays-Bas\", never at \"Pays\" (review 1130d m7)")
    func hyphenatedNames() throws {
        let docs = (1...3).map { PhraseMiner.Document(name: "\($0)", text: "L'Ambassade du Royaume des Pays-Bas présente ses compliments au ministère \($0). Le vice\u{2011}président viendra.") }
        let phrases = try PhraseMiner(minCount: 3, minLength: 2).mine(docs, language: .french)
        #expect(phrases.contains { $0.phrase.hasPrefix("L'Ambassade du Royaume des Pays-Bas présente ses compliments au ministère") })
        #expect(!phrases.contains { $0.phrase.hasSuffix("Pays") || $0.phrase.hasPrefix("Bas") })
        #expect(phrases.contains { $0.phrase == "Le vice\u{2011}président viendra" })
        // A spaced dash still ends a phrase.
        let dashed = (1...3).map { PhraseMiner.Document(name: "\($0)", text: "La réunion aura lieu - comme prévu - à Genève \($0).") }
        #expect(!(try PhraseMiner(minCount: 3, minLength: 2).mine(dashed, language: .french)).contains { $0.phrase.contains("-") })
    }

    @Test("The real French notes: no mined phrase ends inside \"Pays-Bas\"", .enabled(if: SharedData.isAvailable))
    func realFrenchNotes() throws {
        let docs = Fixtures.notes("fr-").map { PhraseMiner.Document(name: $0.name, text: $0.text) }
        let phrases = try PhraseMiner(minCount: 5).mine(docs, language: .french)
        #expect(phrases.contains { $0.phrase.hasSuffix("Royaume des Pays-Bas") })
        #expect(!phrases.contains { $0.phrase.uppercased().hasSuffix("DES PAYS") })
    }
}
