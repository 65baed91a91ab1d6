import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory
import VerbaleTestSupport

@Suite("Index: lossless against a brute-force scan")
struct IndexTests {
    /// Random edits of memory sentences: drop, duplicate, replace with another memory word,
    /// change case, cut to a short window (2–3 words) — so results are rarely empty.
    static func mutate(_ tokens: [String], vocabulary: [String], generator: inout SeededGenerator) -> [String] {
        var words = tokens
        if Int.random(in: 0..<4, using: &generator) == 0, words.count > 3 {
            let length = Int.random(in: 2...3, using: &generator)
            let start = Int.random(in: 0...(words.count - length), using: &generator)
            words = Array(words[start..<start + length])
        }
        for _ in 0..<Int.random(in: 0...4, using: &generator) where !words.isEmpty {
            let at = Int.random(in: 0..<words.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: words.remove(at: at)
            case 1: words.insert(words[at], at: at)
            case 2: words[at] = vocabulary.randomElement(using: &generator) ?? words[at]
            default: words[at] = words[at].uppercased()
            }
        }
        return words
    }

    func compare(_ matcher: FuzzyMatcher, sentences: [String], language: Language, queries: Int, seed: UInt64) throws -> (queries: Int, hits: Int) {
        var generator = SeededGenerator(seed: seed)
        let tokenizer = try matcher.tokenizer(for: language)
        let tokenized = sentences.map { tokenizer.tokenize($0).map(\.text) }
        let vocabulary = Array(Set(tokenized.flatMap { $0 })).sorted()
        let separator = language == .khmer ? "" : " "
        var total = 0
        for _ in 0..<queries {
            let base = tokenized.randomElement(using: &generator) ?? []
            let query = Self.mutate(base, vocabulary: vocabulary, generator: &generator).joined(separator: separator)
            let threshold = [50, 60, 70, 75, 85, 95, 100].randomElement(using: &generator) ?? 70
            let text = try matcher.analyse(query, language: language)
            let ids = text.tokens.map { matcher.index.vocabulary.ids(of: $0, language: MatchVocabulary.languageIndex(language)) }
            let indexed = matcher.index.search(ids, language: language, threshold: threshold)
            let scanned = matcher.index.bruteForce(ids, language: language, threshold: threshold)
            #expect(indexed == scanned, "\(language) query \"\(query)\" at \(threshold): index \(indexed.count) vs scan \(scanned.count)")
            if indexed != scanned { break }
            total += scanned.count
        }
        return (queries, total)
    }

    @Test("The fixture memory: index equals brute force in EN, FR and KM")
    func fixture() throws {
        let units = try Matching.fixtureUnits()
        let matcher = try Matching.matcher(units)
        for (offset, language) in Language.allCases.enumerated() {
            let sentences = units.compactMap { $0.variant(for: language.tag)?.text }
            let result = try compare(matcher, sentences: sentences, language: language, queries: 300, seed: 7 + UInt64(offset))
            #expect(result.hits > 0)
        }
    }

    @Test("Thousands of random queries on Europarl EN/FR and khPOS Khmer: index equals brute force",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data (europarl, khPOS)"))
    func sharedData() throws {
        let english = Matching.lines("parallel/europarl-20k.en", limit: 300)
        let french = Matching.lines("parallel/europarl-20k.fr", limit: 300)
        let khmer = Matching.khmerSentences(limit: 300)
        try #require(!english.isEmpty && !khmer.isEmpty)
        var units: [TranslationUnit] = []
        for (en, fr) in zip(english, french) {
            units.append(TranslationUnit(variants: [Variant(language: try LanguageTag("en"), text: en), Variant(language: try LanguageTag("fr"), text: fr)]))
        }
        for km in khmer { units.append(TranslationUnit(variants: [Variant(language: try LanguageTag("km"), text: km)])) }
        let matcher = try Matching.matcher(units)
        var queries = 0, hits = 0
        for (language, sentences, seed) in [(Language.english, english, UInt64(1)), (.french, french, 2), (.khmer, khmer, 3)] {
            let result = try compare(matcher, sentences: sentences, language: language, queries: 1000, seed: seed)
            queries += result.queries
            hits += result.hits
        }
        #expect(queries == 3000)
        #expect(hits > 1000)
    }

    @Test("The admissible lengths follow the bound: 2-word queries only meet 2-token entries at 70")
    func lengths() {
        #expect(FilterBound.admissibleLengths(query: 2, threshold: 70) == [2])
        #expect(FilterBound.need(length: 10, threshold: 70) == 7)
        let long = FilterBound.admissibleLengths(query: 60, threshold: 70)
        #expect(long.first == 42 && long.last == 85)
    }

    @Test("The index saves beside the memory and loads back with identical answers")
    func roundTrip() throws {
        let builder = MatchIndexBuilder()
        for unit in try Matching.fixtureUnits() { try builder.add(unit) }
        let (builtIndex, builtArchive) = builder.finish()
        let matcher = FuzzyMatcher(index: builtIndex, archive: builtArchive)
        let folder = try Scratch.folder("verbale-match")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = MatchIndexFile.location(forMemory: folder.appendingPathComponent("memory.sqlite"))
        try MatchIndexFile.write(builtIndex, archive: builtArchive, to: url)
        let (index, archive) = try MatchIndexFile.read(from: url)
        let loaded = FuzzyMatcher(index: index, archive: archive)
        for query in ["The Embassy has 15 staff members.", "presents compliments to", "ស្ថានទូតមានបុគ្គលិក ២០ នាក់។"] {
            let language = LanguageDetector.detect(query)
            #expect(try loaded.search(query, language: language, threshold: 50) == matcher.search(query, language: language, threshold: 50))
        }
        try Data("VBLMATCH".utf8).write(to: url)
        #expect(throws: MatchIndexFileError.self) { try MatchIndexFile.read(from: url) }
    }

    @Test("Decomposed (NFD) and composed (NFC) spellings score the same in a built index and in its saved file")
    func composedAndDecomposedAgree() throws {
        // French typed on a Mac and exported often arrives decomposed: "e" + U+0301.
        let decomposed = "L\u{2019}e\u{301}te\u{301} a\u{300} Phnom Penh, la Thai\u{308}lande et l\u{2019}Ambassade"
        let composed = "L\u{2019}\u{E9}t\u{E9} \u{E0} Phnom Penh, la Tha\u{EF}lande et l\u{2019}Ambassade"
        let units = [TranslationUnit(variants: [Variant(language: try LanguageTag("fr"), text: decomposed), Variant(language: try LanguageTag("en"), text: "Summer in Phnom Penh")]),
                     TranslationUnit(variants: [Variant(language: try LanguageTag("fr"), text: "La Tha\u{EF}lande et le Cambodge"), Variant(language: try LanguageTag("en"), text: "Thailand and Cambodia")])]
        let builder = MatchIndexBuilder()
        for unit in units { try builder.add(unit) }
        let (builtIndex, builtArchive) = builder.finish()
        let folder = try Scratch.folder("verbale-nfc")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("nfc.match")
        try MatchIndexFile.write(builtIndex, archive: builtArchive, to: url)
        let (index, archive) = try MatchIndexFile.read(from: url)
        let built = FuzzyMatcher(index: builtIndex, archive: builtArchive), saved = FuzzyMatcher(index: index, archive: archive)
        for query in [composed, decomposed, "La Tha\u{EF}lande et le Cambodge", "La Thai\u{308}lande et le Cambodge"] {
            let fromBuilt = try built.search(query, language: .french, threshold: 50).map(\.score)
            let fromSaved = try saved.search(query, language: .french, threshold: 50).map(\.score)
            #expect(fromBuilt == fromSaved, "\(query.unicodeScalars.count) scalars")
            // Canonically equivalent spellings are the same text to a reader: an exact match.
            #expect(fromSaved.first == 100)
        }
    }

    @Test("A damaged index file (cut short or with random bytes changed) gives an error or answers, never a crash")
    func damagedFiles() throws {
        let builder = MatchIndexBuilder()
        for unit in try Matching.fixtureUnits() { try builder.add(unit) }
        let (builtIndex, builtArchive) = builder.finish()
        let folder = try Scratch.folder("verbale-damaged")
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = folder.appendingPathComponent("whole.match")
        try MatchIndexFile.write(builtIndex, archive: builtArchive, to: whole)
        let bytes = try Data(contentsOf: whole)
        var generator = SeededGenerator(seed: 20211012)
        var damaged: [Data] = [0, 8, bytes.count / 3, bytes.count / 2, bytes.count - 1].map { bytes.prefix($0) }
        for _ in 0..<300 {
            var copy = bytes
            for _ in 0..<Int.random(in: 1...20, using: &generator) {
                copy[Int.random(in: 8..<copy.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            damaged.append(copy)
        }
        var refused = 0
        for (number, data) in damaged.enumerated() {
            let url = folder.appendingPathComponent("damaged-\(number).match")
            try data.write(to: url)
            let index: MatchIndex, archive: UnitArchive
            do { (index, archive) = try MatchIndexFile.read(from: url) } catch { refused += 1; continue }
            // Loaded: every query must answer or throw; a trap here fails the whole test run.
            let matcher = FuzzyMatcher(index: index, archive: archive)
            for query in ["The Embassy has 15 staff members.", "presents compliments to", "ស្ថានទូតមានបុគ្គលិក ២០ នាក់។"] {
                _ = try? matcher.search(query, language: LanguageDetector.detect(query), threshold: 50)
            }
        }
        #expect(refused >= 5, "every file cut short is refused (\(refused) of \(damaged.count) refused)")
    }
}
