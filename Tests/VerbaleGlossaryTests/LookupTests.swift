import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleGlossary

@Suite("Glossary lookup")
struct LookupTests {
    @Test("Exact lookup ignores case, ’ versus ', punctuation and U+200B, from any language")
    func exact() throws {
        let termbase = try GlossaryTestData.termbase()
        for query in ["chargé d’affaires A.I.", "CHARGÉ D'AFFAIRES A.I", "chargé d'affaires ad interim"] {
            let results = termbase.lookup(query)
            #expect(results.first?.concept.id == "charge", "\(query)")
            #expect(results.first?.score == 100, "\(query)")
        }
        let khmer = termbase.lookup("ព្រះរាជាណាចក្រកម្ពុជា")
        #expect(khmer.first?.concept.id == "kingdom-cambodia")
        #expect(khmer.first?.score == 100)
        #expect(khmer.first?.concept.terms(in: LanguageTag(.french)).first?.text == "Royaume du Cambodge")
    }

    @Test("A missing diacritic still matches, one point lower")
    func diacritics() throws {
        let results = try GlossaryTestData.termbase().lookup("Royaume de Thailande")
        #expect(results.first?.concept.id == "thailand")
        #expect(results.first?.score == 99)
        #expect(results.first?.match == .diacritics)
    }

    @Test("Typos are found by fuzzy matching with a score, whole term or part of one")
    func fuzzy() throws {
        let termbase = try GlossaryTestData.termbase()
        let typo = termbase.lookup("Kingdom of Thialand")
        #expect(typo.first?.concept.id == "thailand")
        #expect(typo.first?.match == .fuzzy)
        #expect((80..<100).contains(typo.first?.score ?? 0))
        let partial = termbase.lookup("Cambodja")
        #expect(partial.first?.concept.id == "kingdom-cambodia")
        #expect(partial.first?.match == .partial)
        #expect(termbase.lookup("zzzzqqqq").isEmpty)
    }

    @Test("--lang restricts the language of the query")
    func language() throws {
        let termbase = try GlossaryTestData.termbase()
        #expect(termbase.lookup("note verbale", options: LookupOptions(language: LanguageTag(.french))).first?.matchedTerm.language == LanguageTag(.french))
        #expect(termbase.lookup("Royaume de Thaïlande", options: LookupOptions(language: LanguageTag(.english))).isEmpty)
    }

    @Test("Prefix search completes what is being typed")
    func prefix() throws {
        let termbase = try GlossaryTestData.termbase()
        let results = termbase.lookup("royaume d", options: LookupOptions(prefix: true))
        #expect(Set(results.map(\.concept.id)) == ["thailand", "kingdom-cambodia"])
        #expect(results.allSatisfy { $0.match == .prefix })
    }

    @Test("Fuzzy lookup finds what a brute-force scan finds (the bigram filter loses nothing)")
    func fuzzyRecall() throws {
        var concepts: [Concept] = []
        var generator = SeededGenerator(seed: 42)
        let syllables = ["ka", "mo", "ri", "ta", "phi", "ne", "so", "lu", "ve", "dra"]
        for index in 0..<400 {
            let words = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                (0..<Int.random(in: 2...4, using: &generator)).map { _ in syllables.randomElement(using: &generator) ?? "ka" }.joined()
            }
            concepts.append(Concept(id: "c\(index)", terms: [Term(language: LanguageTag(.english), text: words.joined(separator: " "))]))
        }
        let termbase = Termbase(concepts: concepts)
        for concept in concepts.prefix(120) {
            var query = Array(concept.terms[0].text)
            if query.count > 4 { query.remove(at: query.count / 2) }
            let text = String(query)
            let found = Set(termbase.lookup(text, options: LookupOptions(limit: 1000)).map(\.concept.id))
            // Brute force: every term scored the same way.
            let key = Array(TermKeyer().key(text, language: .english).unicodeScalars)
            var expected = Set<String>()
            var expectedScores: [Int] = []
            for candidate in concepts {
                let other = Array(TermKeyer().key(candidate.terms[0].text, language: .english).unicodeScalars)
                let full = EditDistance.levenshtein(key, other, limit: 1000) ?? 1000
                let fullScore = Termbase.fuzzyScore(distance: full, key.count, other.count)
                let partialScore = other.count > key.count ? Termbase.partialScore(distance: EditDistance.bestSubstring(key, in: other), key.count) : 0
                let full75 = fullScore >= 75 ? fullScore : 0
                if max(full75, partialScore) >= 75 {
                    expected.insert(candidate.id)
                    expectedScores.append(full75 > 0 ? full75 : partialScore)
                }
            }
            // The early stop keeps the top results exact: the best three scores equal a scan's.
            let topThree = termbase.lookup(text, options: LookupOptions(limit: 3)).map(\.score)
            if !termbase.lookup(text, options: LookupOptions(limit: 1000)).contains(where: { $0.score == 100 }) {
                #expect(topThree == Array(expectedScores.sorted(by: >).prefix(3)), "query \(text)")
            }
            if !expected.isEmpty, !termbase.lookup(text, options: LookupOptions(limit: 1000)).contains(where: { $0.score == 100 }) {
                #expect(found == expected, "query \(text)")
            }
        }
    }
}
