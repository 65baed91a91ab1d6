import Foundation
import Testing
import VerbaleCore
@testable import VerbaleGlossary

@Suite("Fuzzy lookup against brute force")
struct FuzzyLookupTests {
    static let latin = ["ka", "mo", "ri", "ta", "phi", "ne", "so", "lu", "ve", "dra", "é", "è", "ç"]
    static let consonants = Array("កខគងចជញដតទនបពមយរលវសហអ").map(String.init)
    static let vowels = ["ា", "ិ", "ី", "ុ", "ូ", "េ", "ែ", "ោ", "ំ", "", "្រ"]

    /// A termbase of EN/FR/KM terms built from a few syllables, so that many terms look alike
    /// (the hard case for a filter): half the Khmer terms have U+200B between words.
    static func concepts(_ count: Int, generator: inout SeededGenerator) -> [Concept] {
        func latinWord() -> String {
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in latin.randomElement(using: &generator) ?? "ka" }.joined()
        }
        func khmerWord() -> String {
            (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                (consonants.randomElement(using: &generator) ?? "ក") + (vowels.randomElement(using: &generator) ?? "")
            }.joined()
        }
        return (0..<count).map { index in
            let english = (0..<Int.random(in: 1...3, using: &generator)).map { _ in latinWord() }.joined(separator: " ")
            let french = (0..<Int.random(in: 1...3, using: &generator)).map { _ in latinWord() }.joined(separator: " ")
            let joiner = Bool.random(using: &generator) ? "\u{200B}" : ""
            let khmer = (0..<Int.random(in: 1...3, using: &generator)).map { _ in khmerWord() }.joined(separator: joiner)
            return Concept(id: String(format: "c%04d", index), terms: [
                Term(language: LanguageTag(.english), text: english.capitalized),
                Term(language: LanguageTag(.french), text: french),
                Term(language: LanguageTag(.khmer), text: khmer),
            ])
        }
    }

    /// `text` with `edits` random substitutions, deletions and insertions (Latin letters or
    /// Khmer signs), or a random part of it.
    static func typo(_ text: String, edits: Int, generator: inout SeededGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        let alphabet = Array("aeioxzក្ាេរ".unicodeScalars)
        if edits == 0, scalars.count > 6 {
            let start = Int.random(in: 0..<(scalars.count / 2), using: &generator)
            return String(String.UnicodeScalarView(scalars[start..<min(scalars.count, start + Int.random(in: 4...8, using: &generator))]))
        }
        for _ in 0..<edits where scalars.count > 2 {
            let at = Int.random(in: 0..<scalars.count, using: &generator)
            let scalar = alphabet.randomElement(using: &generator) ?? "x"
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: scalars[at] = scalar
            case 1: scalars.remove(at: at)
            default: scalars.insert(scalar, at: at)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Every term scored as `Termbase.lookup` documents it, best term per concept (highest
    /// score, then shortest, then first in the termbase), best concepts first.
    static func bruteForce(_ query: String, _ concepts: [Concept], options: LookupOptions) -> [String] {
        let keyer = TermKeyer()
        let key = Array(keyer.key(query, language: TermKeyer.language(for: options.language, text: query)).unicodeScalars)
        let n = key.count
        var best: [String: (score: Int, match: LookupMatch, term: Term)] = [:]
        for concept in concepts {
            for term in concept.terms {
                if let wanted = options.language, term.language.primary != wanted.primary { continue }
                let other = Array(keyer.key(term.text, language: TermKeyer.language(for: term.language, text: term.text)).unicodeScalars)
                guard !other.isEmpty, n >= 4 else { continue }
                let m = other.count
                var found: (Int, LookupMatch)?
                let full = Termbase.fuzzyScore(distance: EditDistance.levenshtein(key, other, limit: 10_000) ?? 10_000, n, m)
                if full >= options.minimumScore { found = (full, .fuzzy) }
                if m > n {
                    let partial = Termbase.partialScore(distance: EditDistance.bestSubstring(key, in: other), n)
                    if partial >= options.minimumScore, partial > (found?.0 ?? -1) { found = (partial, .partial) }
                }
                guard let (score, match) = found else { continue }
                if let existing = best[concept.id], (existing.score, -existing.term.text.count) >= (score, -term.text.count) { continue }
                best[concept.id] = (score, match, term)
            }
        }
        return best.sorted { ($0.value.score, -$0.value.term.text.count, $1.key) > ($1.value.score, -$1.value.term.text.count, $0.key) }
            .prefix(options.limit).map { "\($0.key) \($0.value.score) \($0.value.match) \($0.value.term.text)" }
    }

    @Test("Bit-parallel distances equal the dynamic programme, whole term and best part, Khmer included")
    func bitParallel() throws {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("abcéក្ារ\u{200B}".unicodeScalars)
        for _ in 0..<3000 {
            let a = (0..<Int.random(in: 1...64, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" }
            let b = (0..<Int.random(in: 0...80, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" }
            let pattern = try #require(BitParallelPattern(a.map(\.value)))
            let text = b.map(\.value)[...]
            let limit = Int.random(in: 0...40, using: &generator)
            #expect(pattern.distance(to: text, limit: limit) == EditDistance.levenshtein(a, b, limit: limit))
            #expect(pattern.bestSubstringDistance(in: text) == EditDistance.bestSubstring(a, in: b))
        }
        #expect(BitParallelPattern([]) == nil)
        #expect(BitParallelPattern([UInt32](repeating: 97, count: 65)) == nil)
    }

    @Test("Typo lookup returns exactly what a brute-force scan returns, in EN, FR and KM, at several minimums and limits")
    func equalsBruteForce() {
        var generator = SeededGenerator(seed: 2026)
        let concepts = Self.concepts(500, generator: &generator)
        let termbase = Termbase(concepts: concepts)
        var compared = 0, withResults = 0
        for round in 0..<300 {
            let concept = concepts[Int.random(in: 0..<concepts.count, using: &generator)]
            let term = concept.terms[round % 3]
            let query = Self.typo(term.text, edits: round % 4, generator: &generator)
            let options = LookupOptions(language: round % 5 == 0 ? term.language : nil,
                                        minimumScore: [75, 75, 60, 85][round % 4], limit: [10, 3, 1000][round % 3])
            let results = termbase.lookup(query, options: options)
            if results.contains(where: { $0.match == .exact || $0.match == .diacritics }) { continue }
            let expected = Self.bruteForce(query, concepts, options: options)
            let got = results.map { "\($0.concept.id) \($0.score) \($0.match) \($0.matchedTerm.text)" }
            #expect(got == expected, "query \(query.debugDescription) options \(options.minimumScore)/\(options.limit)")
            compared += 1
            if !expected.isEmpty { withResults += 1 }
        }
        #expect(compared > 250 && withResults > 170, "compared \(compared), with results \(withResults)")
    }

    @Test("Out-of-range minimums and limits are clamped (−5 → 0, 101 → 100, limit ≤ 0 → 1) and equal brute force at 0 and 100")
    func extremeMinimums() {
        var generator = SeededGenerator(seed: 11)
        let concepts = Self.concepts(200, generator: &generator)
        let termbase = Termbase(concepts: concepts)
        #expect(LookupOptions(minimumScore: -5).minimumScore == 0)
        #expect(LookupOptions(minimumScore: 101).minimumScore == 100)
        #expect(LookupOptions(limit: 0).limit == 1 && LookupOptions(limit: -3).limit == 1)
        var changed = LookupOptions()
        changed.minimumScore = -1
        changed.limit = -1
        #expect(changed.minimumScore == 0 && changed.limit == 1)
        for round in 0..<60 {
            let term = concepts[Int.random(in: 0..<concepts.count, using: &generator)].terms[round % 3]
            let query = Self.typo(term.text, edits: 1 + round % 3, generator: &generator)
            for minimum in [-5, 0, 100] {
                let options = LookupOptions(minimumScore: minimum, limit: [5, 0, -1][round % 3])
                let results = termbase.lookup(query, options: options)
                #expect(results.count <= max(options.limit, 1))
                if results.contains(where: { $0.match == .exact || $0.match == .diacritics }) { continue }
                let expected = Self.bruteForce(query, concepts, options: options)
                let got = results.map { "\($0.concept.id) \($0.score) \($0.match) \($0.matchedTerm.text)" }
                #expect(got == expected, "query \(query.debugDescription) minimum \(minimum)")
                if minimum == 100 { #expect(results.allSatisfy { $0.score == 100 }) }
            }
        }
    }

    @Test("A lower minimum never lowers a term's score: a term scores the better of whole term and part")
    func partialBeatsWeakerWholeTerm() throws {
        let concept = Concept(id: "c1", terms: [Term(language: LanguageTag(.english), text: "Minister Plenipotentiary")])
        let termbase = Termbase(concepts: [concept])
        let scores = [0, 40, 60, 75, 83].map { minimum in
            termbase.lookup("Plenipotentary", options: LookupOptions(minimumScore: minimum)).first.map { "\($0.score) \($0.match)" }
        }
        #expect(scores.allSatisfy { $0 == "83 partial" }, "\(scores)")
    }
}
