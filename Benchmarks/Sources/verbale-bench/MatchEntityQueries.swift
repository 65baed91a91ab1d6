import Foundation
import VerbaleCore
import VerbaleDraft
import VerbaleMemory

/// The entity queries of `verbale-bench match`: short queries made of the shipped glossary's
/// proper names (countries and institutions), which the matcher merges into single `#entity`
/// placeables — the case where the word filter alone admits every short entry.
///
/// English: a name, "the" + name, and "the X and the Y"; Khmer: a name as the termbase writes
/// it (with U+200B), the same without U+200B (as Khmer is usually typed), and "X និង Y"
/// ("X and Y"). Reproducible (SplitMix64 per query number); only queries in which recognition
/// finds an entity are kept.
enum MatchEntityQueries {
    /// The glossary's proper names in `language`, as the termbase spells them, sorted.
    static func names(_ entities: GlossaryEntities, language: Language) -> [String] {
        let tag = LanguageTag(language)
        let names = entities.glossary.termbase.concepts.flatMap { concept in
            concept.terms.filter { $0.language.primary == tag.primary && $0.partOfSpeech == "properNoun" && $0.status != .deprecated }.map(\.text)
        }
        return Array(Set(names)).sorted()
    }

    static func queries(_ count: Int, language: Language, entities: GlossaryEntities) -> [String] {
        let names = names(entities, language: language)
        guard !names.isEmpty else { return [] }
        var queries: [String] = []
        var number: UInt64 = 0
        while queries.count < count, number < UInt64(count * 20) {
            var random = SeededGenerator(seed: ((language == .khmer ? 0x454B_0000 : 0x4545_0000) &+ number) &* 0x9E37_79B9_7F4A_7C15)
            number += 1
            let x = names[random.below(names.count)], y = names[random.below(names.count)]
            let query: String
            switch (language, random.below(3)) {
            case (.khmer, 0): query = x
            case (.khmer, 1): query = x.replacingOccurrences(of: "\u{200B}", with: "")
            case (.khmer, _): query = x + " និង" + y
            case (_, 0): query = x
            case (_, 1): query = "the " + x
            default: query = "the " + x + " and the " + y
            }
            if !entities.entities(in: query, language: language).isEmpty { queries.append(query) }
        }
        return queries
    }
}

/// A glossary that recognises what `GlossaryEntities` does but has no fingerprint, so the
/// matcher never trusts recorded entities with it: the path without them, for comparison.
struct UnrecordedEntities: EntityNaming {
    let base: GlossaryEntities
    func name(ofConcept concept: String, in language: Language) -> String? { base.name(ofConcept: concept, in: language) }
    func name(ofConcept concept: String, in language: Language, replacing found: String) -> EntityName? {
        base.name(ofConcept: concept, in: language, replacing: found)
    }
    func entities(in text: String, language: Language) -> [Placeable] { base.entities(in: text, language: language) }
    var fingerprint: UInt64? { nil }
}

extension MatchBenchmark {
    /// Warm latency of the entity queries (English and Khmer, with the shipped glossary, from
    /// the entities the index recorded), the same queries on the path without recorded entities
    /// for a sample (time and identical results), the ordinary queries with the glossary
    /// attached (as the CLI runs them), and the first answer of a new `verbale search` process
    /// for an entity query. Returns the English entity queries (for the rapidfuzz comparison).
    static func measureEntityQueries(index: MatchIndex, archive: UnitArchive, glossary: GlossaryEntities, ordinary: [String],
                                     arguments: [String], threshold: Int, units: Int, indexFile: URL) throws -> [String] {
        let matcher = FuzzyMatcher(index: index, archive: archive, entities: glossary)
        let unrecorded = FuzzyMatcher(index: index, archive: archive, entities: UnrecordedEntities(base: glossary))
        let verify = option(arguments, "entity-verify", 10)
        var english: [String] = []
        func summary(_ match: FuzzyMatch) -> String { "\(match.score) \(match.cost) \(match.unitID ?? "") \(match.source)" }
        for (language, count) in [(Language.english, option(arguments, "entity-queries", 300)), (.khmer, option(arguments, "khmer-entity-queries", 100))] {
            let queries = MatchEntityQueries.queries(count, language: language, entities: glossary)
            if language == .english { english = queries }
            guard !queries.isEmpty else { continue }
            var found = 0
            for q in queries { found += try matcher.search(q, language: language, threshold: threshold, limit: 5).count }
            var wall: [Double] = [], cpuTimes: [Double] = []
            for q in queries {
                let start = now(), startCPU = cpu()
                _ = try matcher.search(q, language: language, threshold: threshold, limit: 5)
                wall.append(now() - start)
                cpuTimes.append(cpu() - startCPU)
            }
            let sorted = wall.sorted(), cpuSorted = cpuTimes.sorted()
            emit(["benchmark": "match", "measure": "latency_warm_entities", "language": language.rawValue, "units": units, "queries": queries.count,
                  "threshold": threshold, "limit": 5, "entities_recorded": index.hasEntities(recordedWith: glossary.fingerprint),
                  "p50_ms": percentile(sorted, 0.5) * 1000, "p99_ms": percentile(sorted, 0.99) * 1000, "max_ms": (sorted.last ?? 0) * 1000,
                  "cpu_p50_ms": percentile(cpuSorted, 0.5) * 1000, "cpu_p99_ms": percentile(cpuSorted, 0.99) * 1000,
                  "matches_returned": found, "examples": Array(queries.prefix(4)),
                  "load_average_1min": (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"])
            // The path without recorded entities (recognition in every short entry), on a sample.
            var slowWall: [Double] = [], slowCPU: [Double] = [], fastSample: [Double] = []
            var identical = 0, compared = 0
            for q in queries.prefix(verify) {
                let start = now(), startCPU = cpu()
                let slow = try unrecorded.search(q, language: language, threshold: threshold, limit: 5)
                slowWall.append(now() - start)
                slowCPU.append(cpu() - startCPU)
                let fastStart = cpu()
                let fast = try matcher.search(q, language: language, threshold: threshold, limit: 5)
                fastSample.append(cpu() - fastStart)
                compared += 1
                if slow.map(summary) == fast.map(summary) { identical += 1 } else {
                    note("  ENTITY MISMATCH on \"\(q)\": recorded \(fast.map(summary)) vs unrecorded \(slow.map(summary))")
                }
            }
            let slowMean = slowCPU.reduce(0, +) / Double(max(slowCPU.count, 1)), fastMean = fastSample.reduce(0, +) / Double(max(fastSample.count, 1))
            emit(["benchmark": "match", "measure": "entities_unrecorded_path", "language": language.rawValue, "queries": compared,
                  "baseline": "the same matcher without recorded entities (recognition at query time, EntityBound)",
                  "unrecorded_cpu_mean_ms": slowMean * 1000, "unrecorded_wall_p50_ms": percentile(slowWall.sorted(), 0.5) * 1000,
                  "recorded_cpu_mean_ms_same_queries": fastMean * 1000, "ratio_cpu_mean": slowMean / max(fastMean, 1e-9),
                  "results_identical": identical])
        }
        // The ordinary queries as the CLI runs them: with the glossary, so those naming a
        // country take the entity path.
        var wall: [Double] = [], cpuTimes: [Double] = [], withEntities = 0
        for q in ordinary { _ = try matcher.search(q, language: .english, threshold: threshold, limit: 5) }
        for q in ordinary {
            if !glossary.entities(in: q, language: .english).isEmpty { withEntities += 1 }
            let start = now(), startCPU = cpu()
            _ = try matcher.search(q, language: .english, threshold: threshold, limit: 5)
            wall.append(now() - start)
            cpuTimes.append(cpu() - startCPU)
        }
        // Those naming an entity, on both paths (recorded entities or not): identical matches?
        var sameOnBoth = 0, checkedBoth = 0
        for q in ordinary where checkedBoth < verify && !glossary.entities(in: q, language: .english).isEmpty {
            checkedBoth += 1
            let fast = try matcher.search(q, language: .english, threshold: threshold, limit: 5).map(summary)
            let slow = try unrecorded.search(q, language: .english, threshold: threshold, limit: 5).map(summary)
            if fast == slow { sameOnBoth += 1 } else { note("  ENTITY MISMATCH on \"\(q)\": recorded \(fast) vs unrecorded \(slow)") }
        }
        emit(["benchmark": "match", "measure": "latency_warm_with_glossary", "units": units, "queries": ordinary.count,
              "queries_with_entities": withEntities, "entity_queries_checked_against_unrecorded_path": checkedBoth,
              "identical_to_unrecorded_path": sameOnBoth, "p50_ms": percentile(wall.sorted(), 0.5) * 1000, "p99_ms": percentile(wall.sorted(), 0.99) * 1000,
              "cpu_p50_ms": percentile(cpuTimes.sorted(), 0.5) * 1000, "cpu_p99_ms": percentile(cpuTimes.sorted(), 0.99) * 1000])
        // First answer of a new process for an entity query (the CLI attaches the glossary).
        if let binary = Measuring.verbaleBinary {
            for q in ["Kingdom of Thailand", "the Kingdom of Thailand"] {
                var runs: [Double] = []
                for _ in 0..<3 {
                    runs.append(try Measuring.timeCLI(binary, ["search", "--memory", indexFile.path, "--lang", "en", "--json", q]))
                }
                emit(["benchmark": "match", "measure": "first_answer_entity", "query": q, "command": "verbale search --memory <index> (new process)",
                      "seconds": runs, "best_seconds": runs.min() ?? .nan])
            }
        }
        return english
    }

    /// The English entity queries against rapidfuzz on the first `rapidfuzzUnits` Europarl units
    /// and all the Khmer-part units (whose English variants, gettext `msgid`s, include the
    /// country names short entity queries find — Europarl sentences are too long to reach 70):
    /// both sides see content-class sequences with each glossary entity merged into one token of
    /// one "entity" class (what `CostModel.levenshtein` scores on the entity path), and the
    /// result sets above the threshold are compared query by query.
    static func compareEntityQueriesWithRapidfuzz(_ queries: [String], index: MatchIndex, archive: UnitArchive, glossary: GlossaryEntities,
                                                  rapidfuzzUnits: Int, units: Int, khmerUnits: Int, threshold: Int, python: String,
                                                  script: URL, out: URL) throws {
        guard !queries.isEmpty else { return }
        let english = MatchVocabulary.languageIndex(.english)
        let entityClass = index.vocabulary.classCount
        let matcher = FuzzyMatcher(index: index, archive: archive, model: .levenshtein, entities: glossary)
        let tokenizer = try matcher.tokenizer(for: .english)
        func classes(_ text: MatchText) -> String {
            text.tokens.filter(\.isContent).map { token in
                token.token.placeable?.kind == .entity ? String(entityClass) : String(index.vocabulary.ids(of: token, language: english).cls)
            }.joined(separator: " ")
        }
        let chosen = Array(0..<min(rapidfuzzUnits, units)) + Array(units..<min(units + khmerUnits, archive.count))
        let line = Dictionary(uniqueKeysWithValues: chosen.enumerated().map { ($1, $0) })
        var choices = ""
        for u in chosen {
            guard let text = archive.unit(at: u)?.variants.first(where: { $0.language.language == .english })?.text else {
                choices += "\n"; continue
            }
            choices += classes(MatchText(text: text, language: .english, tokenizer: tokenizer, entities: glossary.entities(in: text, language: .english))) + "\n"
        }
        let queryLines = queries.map { q in
            classes(MatchText(text: q, language: .english, tokenizer: tokenizer, entities: glossary.entities(in: q, language: .english)))
        }
        let choicesURL = out.appendingPathComponent("rf-entity-choices.txt"), queriesURL = out.appendingPathComponent("rf-entity-queries.txt")
        let resultsURL = out.appendingPathComponent("rf-entity-results.txt")
        try choices.write(to: choicesURL, atomically: true, encoding: .utf8)
        try (queryLines.joined(separator: "\n") + "\n").write(to: queriesURL, atomically: true, encoding: .utf8)
        note("match: rapidfuzz over \(chosen.count) units × \(queries.count) entity queries …")
        let rapidfuzz = try runPython(python, [script.path, "rapidfuzz", choicesURL.path, queriesURL.path, String(threshold), resultsURL.path])
        let theirSets = try String(contentsOf: resultsURL, encoding: .utf8).components(separatedBy: "\n").prefix(queries.count)
            .map { Set($0.split(separator: " ").compactMap { Int($0) }.compactMap { $0 < chosen.count ? chosen[$0] : nil }) }
        var identical = 0, above = 0
        var ours: [Double] = []
        for (i, q) in queries.enumerated() {
            let start = now()
            let hits = try matcher.hits(q, language: .english, threshold: threshold)
            ours.append(now() - start)
            let set = Set(hits.map { Int(index.entryUnit[$0.entry]) }.filter { line[$0] != nil })
            above += set.count
            if i < theirSets.count, set == theirSets[i] { identical += 1 } else {
                let theirs = i < theirSets.count ? theirSets[i] : []
                note("  rapidfuzz entity set differs on \"\(q)\": verbale \(set.count), rapidfuzz \(theirs.count); only verbale \(set.subtracting(theirs).sorted().prefix(3)), only rapidfuzz \(theirs.subtracting(set).sorted().prefix(3))")
            }
        }
        let rfSeconds = (rapidfuzz["seconds"] as? [Double]) ?? []
        let rfMean = rfSeconds.reduce(0, +) / Double(max(rfSeconds.count, 1))
        let scale = Double(archive.count) / Double(chosen.count)
        let oursMean = ours.reduce(0, +) / Double(max(ours.count, 1))
        emit(["benchmark": "match", "measure": "rapidfuzz_entities", "baseline": "rapidfuzz.process.extract(scorer=Levenshtein.normalized_similarity, limit=None) on entity-merged class sequences",
              "units": chosen.count, "units_chosen": "the first \(min(rapidfuzzUnits, units)) Europarl units and the \(chosen.count - min(rapidfuzzUnits, units)) Khmer-part units",
              "queries": rfSeconds.count, "mean_ms": rfMean * 1000, "p50_ms": percentile(rfSeconds.sorted(), 0.5) * 1000,
              "extrapolated_to_units": archive.count, "extrapolated_mean_ms": rfMean * scale * 1000,
              "label": scale > 1 ? "EXTRAPOLATED linearly from \(chosen.count) units (brute force is linear in the memory); entity recognition in the units not timed for rapidfuzz" : "measured",
              "verbale_levenshtein_hits_mean_ms_full_memory": oursMean * 1000, "ratio_mean": rfMean * scale / max(oursMean, 1e-9),
              "result_sets_identical": identical, "result_sets_compared": queries.count, "units_above_threshold": above])
    }
}
