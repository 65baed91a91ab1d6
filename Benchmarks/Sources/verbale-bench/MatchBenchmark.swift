import Foundation
import VerbaleCore
import VerbaleDraft
import VerbaleMemory

/// `verbale-bench match`: fuzzy-match lookup on a memory of 1,000,000 EN/FR units generated
/// reproducibly from Europarl (`../shared/data/parallel`), 1,000 queries of 2–60 words,
/// threshold 70, top 5 — p50/p99 warm latency, first answer after process start (the release
/// `verbale search` binary on the saved index), index size and build time; beside, in the same
/// run, rapidfuzz `process.extract` (brute force) and translate-toolkit's `match.matcher`, with
/// the result sets above the threshold compared with rapidfuzz's.
///
/// Options: `--units N` (1000000), `--queries N` (1000), `--threshold T` (70), `--verify N`
/// queries checked against Verbale's own brute-force scan (30), `--rapidfuzz-units N` (100000)
/// and `--rapidfuzz-queries N` (200), `--ttk-units N` (20000), `--ttk-queries N` (20),
/// `--no-python`, `--out DIR` (Benchmarks/out); entity queries (`MatchEntityQueries`):
/// `--entity-queries N` (300 English) and `--khmer-entity-queries N` (100), `--entity-verify N`
/// (10 per language run again without the recorded entities, for the result and the time).
enum MatchBenchmark: Benchmark {
    static let name = "match"
    static let summary = "fuzzy-match p50/p99, first answer, index size/build vs rapidfuzz and translate-toolkit"

    struct Pair { var english: [String]; var french: [String] }

    static func emit(_ fields: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    static func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// CPU time of this thread: what a query costs when the shared machine does not preempt us.
    static func cpu() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func option(_ arguments: [String], _ name: String, _ fallback: Int) -> Int {
        guard let at = arguments.firstIndex(of: "--" + name), at + 1 < arguments.count, let value = Int(arguments[at + 1]) else { return fallback }
        return value
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    /// The Europarl pairs, as space-separated tokens (the corpus is tokenised).
    static func pairs() throws -> [Pair] {
        guard let en = SharedData.file("parallel/europarl-20k.en"), let fr = SharedData.file("parallel/europarl-20k.fr") else {
            throw MatchBenchmarkError("../shared/data/parallel/europarl-20k.{en,fr} not found (set VERBALE_SHARED_DATA)")
        }
        let english = try String(contentsOf: en, encoding: .utf8).components(separatedBy: "\n")
        let french = try String(contentsOf: fr, encoding: .utf8).components(separatedBy: "\n")
        return zip(english, french).compactMap { e, f in
            let ew = e.split(separator: " ").map(String.init), fw = f.split(separator: " ").map(String.init)
            return ew.count >= 2 && fw.count >= 2 ? Pair(english: ew, french: fw) : nil
        }
    }

    /// Unit `number` of the generated memory: a Europarl pair, lightly varied (a word replaced
    /// or dropped, a number added to both sides) so units repeat as in a real memory but differ.
    static func unit(_ number: Int, pairs: [Pair], vocabulary: [String]) -> TranslationUnit {
        // One stream per unit/query number (seed × the golden ratio), so any prefix of the memory is the same.
        var random = SeededGenerator(seed: (UInt64(number) &+ 1) &* 0x9E37_79B9_7F4A_7C15)
        let pair = pairs[random.below(pairs.count)]
        var english = pair.english, french = pair.french
        switch random.below(4) {
        case 1: english[random.below(english.count)] = vocabulary[random.below(vocabulary.count)]
        case 2: if english.count > 2 { english.remove(at: random.below(english.count)) }
        case 3:
            let value = String(1 + random.below(2000))
            english.insert(value, at: english.count - 1)
            french.insert(value, at: french.count - 1)
        default: break
        }
        return TranslationUnit(id: "bench-\(number)", variants: [
            Variant(language: LanguageTag(.english), text: english.joined(separator: " ")),
            Variant(language: LanguageTag(.french), text: french.joined(separator: " ")),
        ], metadata: UnitMetadata(origin: "europarl-20k (generated #\(number))"))
    }

    /// Query `number`: a window of 2–60 words from Europarl English (sentences joined when one
    /// is too short), with up to two edits.
    static func query(_ number: Int, pairs: [Pair], vocabulary: [String]) -> String {
        var random = SeededGenerator(seed: (0xABCD_0000 &+ UInt64(number)) &* 0x9E37_79B9_7F4A_7C15)
        let length = 2 + random.below(59)
        return window(length: length, sentences: pairs.count, words: { pairs[$0].english }, vocabulary: vocabulary, random: &random)
            .joined(separator: " ")
    }

    /// `length` words of consecutive sentences from a random one, with up to two edits (a word
    /// dropped, or replaced by one of `vocabulary`): what a query is, in any language.
    static func window(length: Int, sentences: Int, words: (Int) -> [String], vocabulary: [String], random: inout SeededGenerator) -> [String] {
        var text: [String] = []
        var at = random.below(sentences)
        while text.count < length { text += words(at); at = (at + 1) % sentences }
        let start = random.below(text.count - length + 1)
        var window = Array(text[start..<start + length])
        for _ in 0..<random.below(3) {
            if random.below(2) == 0, window.count > 2 { window.remove(at: random.below(window.count)) }
            else { window[random.below(window.count)] = vocabulary[random.below(vocabulary.count)] }
        }
        return window
    }

    static func run(arguments: [String]) throws {
        let units = option(arguments, "units", 1_000_000)
        let queryCount = option(arguments, "queries", 1000)
        let threshold = option(arguments, "threshold", 70)
        let verify = option(arguments, "verify", 30)
        let rapidfuzzUnits = min(option(arguments, "rapidfuzz-units", 100_000), units)
        let rapidfuzzQueries = min(option(arguments, "rapidfuzz-queries", 200), queryCount)
        let ttkUnits = min(option(arguments, "ttk-units", 20_000), units)
        let ttkQueries = min(option(arguments, "ttk-queries", 20), queryCount)
        let python = !arguments.contains("--no-python")
        let outIndex = arguments.firstIndex(of: "--out").map { arguments[$0 + 1] } ?? "Benchmarks/out"
        let out = URL(fileURLWithPath: outIndex)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)

        let pairs = try pairs()
        let vocabulary = Array(Set(pairs.flatMap(\.english))).sorted()
        let khmerUnits = option(arguments, "khmer-units", 20_000)
        let khmerQueryCount = option(arguments, "khmer-queries", 200)
        let khmer = try KhmerMatchCorpus.load()
        let reuse = !arguments.contains("--rebuild")
        // The shipped glossary: its entities are recorded per entry at build (what the CLI does
        // with a memory) and merged in queries; nil (with a note) when no termbase is shipped.
        let glossary = try GlossaryEntities.shipped()
        if glossary == nil { note("match: no shipped glossary (Glossaries/*.tbx); entity queries skipped") }
        let baseFile = out.appendingPathComponent("match-\(units).match")
        let indexFile = out.appendingPathComponent("match-\(units)-km\(khmerUnits).match")

        // Build: generate, tokenize, intern (the import's work), then sort the postings. The
        // Europarl part is kept in `--out` and reused unless `--rebuild` (it takes minutes to
        // tens of minutes on the shared machine); the Khmer units are added to it.
        var fields: [String: Any] = ["benchmark": "match", "measure": "build", "units": units, "khmer_units": khmerUnits]
        if !(reuse && (try? MatchIndexFile.read(from: indexFile)) != nil) {
            var base: (index: MatchIndex, archive: UnitArchive)? = reuse ? try? MatchIndexFile.read(from: baseFile) : nil
            if let loaded = base, loaded.archive.count != units { base = nil }
            if base == nil {
                note("match: building the index of \(units) generated units …")
                let builder = MatchIndexBuilder(entities: glossary)
                let buildStart = now()
                for number in 0..<units {
                    try builder.add(unit(number, pairs: pairs, vocabulary: vocabulary))
                    if number % 100_000 == 99_999 { note("  \(number + 1) units, \(Int(now() - buildStart)) s") }
                }
                let tokenized = now()
                base = builder.finish()
                let built = now()
                fields["tokenize_intern_seconds"] = tokenized - buildStart
                fields["postings_seconds"] = built - tokenized
                fields["build_seconds"] = built - buildStart
                fields["units_per_second"] = Double(units) / (built - buildStart)
                if let base { try MatchIndexFile.write(base.index, archive: base.archive, to: baseFile) }
            } else {
                fields["europarl_part"] = "reused \(baseFile.path) (built by an earlier run; --rebuild to time it)"
            }
            guard let base else { throw MatchBenchmarkError("no base index") }
            note("match: adding \(khmerUnits) Khmer units …")
            let builder = MatchIndexBuilder(index: base.index, archive: base.archive, entities: glossary)
            if let glossary, !base.index.hasEntities(recordedWith: glossary.fingerprint) {
                note("match: recording glossary entities in the reused Europarl part …")
                let recordStart = now()
                try builder.recordEntities()
                fields["europarl_record_entities_seconds"] = now() - recordStart
            }
            let khmerStart = now()
            for number in 0..<khmerUnits { try builder.add(khmer.unit(number)) }
            let khmerTokenized = now()
            let (index, archive) = builder.finish()
            let sorted = now()
            try MatchIndexFile.write(index, archive: archive, to: indexFile)
            fields["khmer_tokenize_intern_seconds"] = khmerTokenized - khmerStart
            fields["khmer_units_per_second"] = Double(khmerUnits) / max(khmerTokenized - khmerStart, 1e-9)
            fields["postings_all_seconds"] = sorted - khmerTokenized
            fields["save_seconds"] = now() - sorted
        } else {
            fields["reused"] = indexFile.path
            // A file from before entities were recorded (format 3) or with another glossary:
            // record them now, once, and save (what `MatchIndexCache` does for a memory).
            if let glossary, let stale = try? MatchIndexFile.read(from: indexFile), !stale.index.hasEntities(recordedWith: glossary.fingerprint) {
                note("match: recording glossary entities in \(indexFile.lastPathComponent) (\(stale.index.entryCount) entries) …")
                let recordStart = now(), recordStartCPU = cpu()
                let builder = MatchIndexBuilder(index: stale.index, archive: stale.archive, entities: glossary)
                try builder.recordEntities()
                let recorded = now()
                let (index, archive) = builder.finish()
                try MatchIndexFile.write(index, archive: archive, to: indexFile)
                fields["record_entities_seconds"] = recorded - recordStart
                fields["record_entities_cpu_seconds"] = cpu() - recordStartCPU
                fields["record_entities_and_save_seconds"] = now() - recordStart
            }
        }

        // Open the saved file as a process start would (memory-mapped, nothing copied).
        let loadStart = now(), loadStartCPU = cpu()
        let (loadedIndex, loadedArchive) = try MatchIndexFile.read(from: indexFile)
        let loadSeconds = now() - loadStart, loadCPU = cpu() - loadStartCPU
        let fileBytes = (try FileManager.default.attributesOfItem(atPath: indexFile.path)[.size] as? NSNumber)?.intValue ?? 0
        let archiveBytes = loadedArchive.bytes.count + loadedArchive.offsets.count * 8
        fields.merge(["entries": loadedIndex.entryCount, "postings": loadedIndex.postingCount, "tokens": loadedIndex.tokens.count,
                      "forms": loadedIndex.vocabulary.formCount, "index_file_bytes": fileBytes, "archive_bytes": archiveBytes,
                      "index_bytes_without_archive": fileBytes - archiveBytes, "open_seconds": loadSeconds, "open_cpu_seconds": loadCPU,
                      "entities_recorded": loadedIndex.hasEntities(recordedWith: glossary?.fingerprint),
                      "entries_holding_entities": loadedIndex.entityEntries.count]) { $1 }
        emit(fields)
        let matcher = FuzzyMatcher(index: loadedIndex, archive: loadedArchive)
        let queries = (0..<queryCount).map { query($0, pairs: pairs, vocabulary: vocabulary) }

        // Warm-up pass (and result counts), then the timed pass.
        var found = 0
        for q in queries { found += try matcher.search(q, language: .english, threshold: threshold, limit: 5).count }
        var latencies: [Double] = []
        var cpuTimes: [Double] = []
        var byLength: [Int: [Double]] = [:]
        for q in queries {
            let start = now(), startCPU = cpu()
            _ = try matcher.search(q, language: .english, threshold: threshold, limit: 5)
            let seconds = now() - start
            cpuTimes.append(cpu() - startCPU)
            latencies.append(seconds)
            byLength[min(q.split(separator: " ").count / 10, 5), default: []].append(seconds)
        }
        // The same queries, index lookup only (query analysis + `MatchIndex.search`), with the work done.
        var lookup: [Double] = []
        var work = SearchStatistics()
        var slowest: [(Double, Int, SearchStatistics)] = []
        let scratch = SearchScratch()
        for q in queries {
            let start = now()
            let ids = try matcher.analyse(q, language: .english).tokens.map { loadedIndex.vocabulary.ids(of: $0, language: MatchVocabulary.languageIndex(.english)) }
            var one = SearchStatistics()
            _ = loadedIndex.search(ids, language: .english, threshold: threshold, scratch: scratch, statistics: &one)
            lookup.append(now() - start)
            work.postingsRead += one.postingsRead; work.candidates += one.candidates; work.aligned += one.aligned
            slowest.append((lookup.last ?? 0, ids.count, one))
        }
        for (seconds, tokens, one) in slowest.sorted(by: { $0.0 > $1.0 }).prefix(5) {
            note("  slow lookup: \(String(format: "%.2f", seconds * 1000)) ms, \(tokens) tokens, \(one.postingsRead) postings, \(one.candidates) candidates, \(one.aligned) aligned")
        }
        let lookupSorted = lookup.sorted()
        emit(["benchmark": "match", "measure": "lookup_only", "units": units, "p50_ms": percentile(lookupSorted, 0.5) * 1000,
              "p99_ms": percentile(lookupSorted, 0.99) * 1000, "mean_postings_read": Double(work.postingsRead) / Double(queryCount),
              "mean_candidates": Double(work.candidates) / Double(queryCount), "mean_aligned": Double(work.aligned) / Double(queryCount)])
        let sorted = latencies.sorted()
        let mean = latencies.reduce(0, +) / Double(max(latencies.count, 1))
        emit(["benchmark": "match", "measure": "latency_warm", "units": units, "queries": queryCount, "threshold": threshold, "limit": 5,
              "p50_ms": percentile(sorted, 0.5) * 1000, "p99_ms": percentile(sorted, 0.99) * 1000, "max_ms": (sorted.last ?? 0) * 1000,
              "mean_ms": mean * 1000, "matches_returned": found, "load_seconds": loadSeconds,
              "cpu_p50_ms": percentile(cpuTimes.sorted(), 0.5) * 1000, "cpu_p99_ms": percentile(cpuTimes.sorted(), 0.99) * 1000,
              "load_average_1min": (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"])
        for (bucket, values) in byLength.sorted(by: { $0.key < $1.key }) {
            let s = values.sorted()
            emit(["benchmark": "match", "measure": "latency_by_words", "words": bucket == 0 ? "2-9" : "\(bucket * 10)-\(bucket * 10 + 9)",
                  "queries": values.count, "p50_ms": percentile(s, 0.5) * 1000, "p99_ms": percentile(s, 0.99) * 1000])
        }

        // First answer after process start: the release CLI on the saved index.
        if let binary = Measuring.verbaleBinary {
            var runs: [Double] = []
            for q in queries.prefix(3) {
                runs.append(try Measuring.timeCLI(binary, ["search", "--memory", indexFile.path, "--lang", "en", "--json", q]))
            }
            emit(["benchmark": "match", "measure": "first_answer", "units": units, "command": "verbale search --memory <index> (new process)",
                  "seconds": runs, "best_seconds": runs.min() ?? .nan])
        } else {
            note("match: verbale not built beside verbale-bench; skipping first-answer (swift build -c release)")
        }

        // Recall: the index against Verbale's own brute-force scan, standard cost model.
        var equal = 0
        var checked = 0
        for q in queries.prefix(verify) {
            let ids = try matcher.analyse(q, language: .english).tokens.map { loadedIndex.vocabulary.ids(of: $0, language: MatchVocabulary.languageIndex(.english)) }
            let a = loadedIndex.search(ids, language: .english, threshold: threshold)
            let b = loadedIndex.bruteForce(ids, language: .english, threshold: threshold)
            checked += 1
            if a == b { equal += 1 } else { note("  MISMATCH on \"\(q)\": index \(a.count), scan \(b.count)") }
        }
        emit(["benchmark": "match", "measure": "recall_vs_own_brute_force", "units": units, "queries": checked, "identical": equal])

        // Khmer: queries cut from the same real Khmer the Khmer units come from (words joined
        // as Khmer is written), warm latency and recall against the brute-force scan.
        let khmerQueries = (0..<khmerQueryCount).map { khmer.query($0) }
        for q in khmerQueries { _ = try? matcher.search(q, language: .khmer, threshold: threshold, limit: 5) }
        var khmerWall: [Double] = [], khmerCPU: [Double] = []
        var khmerFound = 0
        for q in khmerQueries {
            let start = now(), startCPU = cpu()
            khmerFound += (try? matcher.search(q, language: .khmer, threshold: threshold, limit: 5))?.count ?? 0
            khmerWall.append(now() - start)
            khmerCPU.append(cpu() - startCPU)
        }
        var khmerEqual = 0, khmerChecked = 0
        for q in khmerQueries.prefix(verify) {
            let ids = try matcher.analyse(q, language: .khmer).tokens.map { loadedIndex.vocabulary.ids(of: $0, language: MatchVocabulary.languageIndex(.khmer)) }
            khmerChecked += 1
            if loadedIndex.search(ids, language: .khmer, threshold: threshold) == loadedIndex.bruteForce(ids, language: .khmer, threshold: threshold) {
                khmerEqual += 1
            } else { note("  MISMATCH on Khmer query \(q)") }
        }
        emit(["benchmark": "match", "measure": "latency_warm_khmer", "khmer_units": khmerUnits, "queries": khmerQueries.count,
              "p50_ms": percentile(khmerWall.sorted(), 0.5) * 1000, "p99_ms": percentile(khmerWall.sorted(), 0.99) * 1000,
              "cpu_p50_ms": percentile(khmerCPU.sorted(), 0.5) * 1000, "cpu_p99_ms": percentile(khmerCPU.sorted(), 0.99) * 1000,
              "matches_returned": khmerFound, "recall_queries": khmerChecked, "recall_identical": khmerEqual])

        let entityQueries = try glossary.map { glossary in
            try measureEntityQueries(index: loadedIndex, archive: loadedArchive, glossary: glossary, ordinary: queries, arguments: arguments,
                                     threshold: threshold, units: units, indexFile: indexFile)
        } ?? []

        guard python else { return }
        let pythonPath = ProcessInfo.processInfo.environment["VERBALE_PYTHON"] ?? "/work/venv/bin/python"
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("python/match_baselines.py")
        guard FileManager.default.isExecutableFile(atPath: pythonPath) else { note("match: no Python at \(pythonPath); baselines skipped"); return }

        // rapidfuzz on the first N units: same content-class sequences, same threshold.
        let english = MatchVocabulary.languageIndex(.english)
        func classes(_ ids: [TokenIDs]) -> String { ids.filter { !$0.isPunctuation }.map { String($0.cls) }.joined(separator: " ") }
        var choices = ""
        var englishEntry = [Int](repeating: -1, count: rapidfuzzUnits)
        for entry in 0..<loadedIndex.entryCount where loadedIndex.entryLanguage[entry] == english {
            let u = Int(loadedIndex.entryUnit[entry])
            if u < rapidfuzzUnits, englishEntry[u] < 0 { englishEntry[u] = entry }
        }
        for u in 0..<rapidfuzzUnits where englishEntry[u] >= 0 { choices += classes(loadedIndex.tokenIDs(ofEntry: englishEntry[u])) + "\n" }
        let rfQueries = try queries.prefix(rapidfuzzQueries).map { q in
            try matcher.analyse(q, language: .english).tokens.map { loadedIndex.vocabulary.ids(of: $0, language: english) }
        }
        let choicesURL = out.appendingPathComponent("rf-choices.txt"), queriesURL = out.appendingPathComponent("rf-queries.txt")
        let resultsURL = out.appendingPathComponent("rf-results.txt")
        try choices.write(to: choicesURL, atomically: true, encoding: .utf8)
        try (rfQueries.map(classes).joined(separator: "\n") + "\n").write(to: queriesURL, atomically: true, encoding: .utf8)
        note("match: rapidfuzz over \(rapidfuzzUnits) units × \(rapidfuzzQueries) queries …")
        let rapidfuzz = try runPython(pythonPath, [script.path, "rapidfuzz", choicesURL.path, queriesURL.path, String(threshold), resultsURL.path])
        let theirSets = try String(contentsOf: resultsURL, encoding: .utf8).components(separatedBy: "\n").prefix(rfQueries.count)
            .map { Set($0.split(separator: " ").compactMap { Int($0) }) }
        var identical = 0, aboveThreshold = 0
        var ourLevenshteinSeconds: [Double] = []
        for (i, ids) in rfQueries.enumerated() {
            let start = now()
            let hits = loadedIndex.search(ids, language: .english, threshold: threshold, model: .levenshtein, scratch: scratch)
            ourLevenshteinSeconds.append(now() - start)
            let ours = Set(hits.compactMap { hit -> Int? in
                let u = Int(loadedIndex.entryUnit[hit.entry])
                return u < rapidfuzzUnits ? u : nil
            })
            aboveThreshold += ours.count
            if i < theirSets.count, ours == theirSets[i] { identical += 1 } else {
                let scan = Set(loadedIndex.bruteForce(ids, language: .english, threshold: threshold, model: .levenshtein)
                    .map { Int(loadedIndex.entryUnit[$0.entry]) }.filter { $0 < rapidfuzzUnits })
                let theirs = i < theirSets.count ? theirSets[i] : []
                note("  rapidfuzz set differs on query \(i): verbale index \(ours.count), verbale scan \(scan.count), rapidfuzz \(theirs.count); only verbale \(ours.subtracting(theirs).sorted().prefix(3)), only rapidfuzz \(theirs.subtracting(ours).sorted().prefix(3))")
            }
        }
        let rfSeconds = (rapidfuzz["seconds"] as? [Double]) ?? []
        let rfMean = rfSeconds.reduce(0, +) / Double(max(rfSeconds.count, 1))
        let rfSorted = rfSeconds.sorted()
        let scale = Double(units) / Double(rapidfuzzUnits)
        emit(["benchmark": "match", "measure": "rapidfuzz", "baseline": "rapidfuzz.process.extract(scorer=Levenshtein.normalized_similarity, limit=None)",
              "units": rapidfuzzUnits, "queries": rfSeconds.count, "mean_ms": rfMean * 1000, "p50_ms": percentile(rfSorted, 0.5) * 1000,
              "extrapolated_to_units": units, "extrapolated_mean_ms": rfMean * scale * 1000,
              "extrapolated_p50_ms": percentile(rfSorted, 0.5) * scale * 1000,
              "label": scale > 1 ? "EXTRAPOLATED linearly from \(rapidfuzzUnits) units (brute force is linear in the memory)" : "measured",
              "verbale_mean_ms_same_queries_full_memory": mean * 1000,
              "ratio_mean": rfMean * scale / mean, "ratio_p50": percentile(rfSorted, 0.5) * scale / percentile(sorted, 0.5),
              "result_sets_identical": identical, "result_sets_compared": rfQueries.count, "units_above_threshold": aboveThreshold,
              "verbale_levenshtein_mean_ms": ourLevenshteinSeconds.reduce(0, +) / Double(max(ourLevenshteinSeconds.count, 1)) * 1000])

        if let glossary {
            try compareEntityQueriesWithRapidfuzz(entityQueries, index: loadedIndex, archive: loadedArchive, glossary: glossary,
                                                  rapidfuzzUnits: rapidfuzzUnits, units: units, khmerUnits: khmerUnits, threshold: threshold, python: pythonPath,
                                                  script: script, out: out)
        }

        // translate-toolkit's matcher on the first N units.
        var sources = "", targets = ""
        for u in 0..<ttkUnits {
            let tu = unit(u, pairs: pairs, vocabulary: vocabulary)
            sources += tu.variants[0].text + "\n"
            targets += tu.variants[1].text + "\n"
        }
        let sourcesURL = out.appendingPathComponent("ttk-sources.txt"), targetsURL = out.appendingPathComponent("ttk-targets.txt")
        let ttkQueriesURL = out.appendingPathComponent("ttk-queries.txt")
        try sources.write(to: sourcesURL, atomically: true, encoding: .utf8)
        try targets.write(to: targetsURL, atomically: true, encoding: .utf8)
        try (queries.prefix(ttkQueries).joined(separator: "\n") + "\n").write(to: ttkQueriesURL, atomically: true, encoding: .utf8)
        note("match: translate-toolkit over \(ttkUnits) units × \(ttkQueries) queries …")
        let ttk = try runPython(pythonPath, [script.path, "ttk", sourcesURL.path, targetsURL.path, ttkQueriesURL.path, String(threshold)])
        let ttkSeconds = (ttk["seconds"] as? [Double]) ?? []
        let ttkMean = ttkSeconds.reduce(0, +) / Double(max(ttkSeconds.count, 1))
        let ttkScale = Double(units) / Double(ttkUnits)
        emit(["benchmark": "match", "measure": "translate_toolkit", "baseline": "translate.search.match.matcher(max_length=100000, min_similarity=\(threshold), max_candidates=5)",
              "units": ttkUnits, "queries": ttkSeconds.count, "mean_ms": ttkMean * 1000, "build_seconds": ttk["build_seconds"] ?? NSNull(),
              "extrapolated_to_units": units, "extrapolated_mean_ms": ttkMean * ttkScale * 1000,
              "label": ttkScale > 1 ? "EXTRAPOLATED linearly from \(ttkUnits) units" : "measured",
              "ratio_mean": ttkMean * ttkScale / mean])
    }

    static func runPython(_ python: String, _ arguments: [String]) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw MatchBenchmarkError("python \(arguments.dropFirst().first ?? "") failed with status \(process.terminationStatus)")
        }
        return object
    }
}

struct MatchBenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
