import Foundation
import VerbaleCore
import VerbaleDraft
import VerbaleFormats
import VerbaleMemory

/// `verbale-bench draft`: warm pre-translation time of a two-page draft (the four notes of
/// `Examples/` twice, ≈ 1,150 words) into French and Khmer against a memory of `--units` EN/FR units
/// (default 1,000,000, generated reproducibly from Europarl in `../shared/data/parallel`, plus
/// the shipped formulas) — beside, in the same run, the named baseline "bruteforce": the same
/// segments' memory lookups done by a full scan of the memory (`MatchIndex.bruteForce`, what a
/// matcher without an index does), printed as a ratio. Also reports `verbale check` time on
/// the same draft and the index build time.
///
/// Options: `--units N` (1000000), `--index PATH` a saved `.match` index to use instead (then
/// `--units 0` skips the generation), `--repeats N` (best of, 5), `--baseline-segments N` segments
/// scanned by the baseline (4; the scan is slow, its time is scaled to all segments),
/// `--no-baseline`, `--no-entities` (match without the shipped glossary's entities, which the
/// CLI always attaches).
enum DraftBenchmark: Benchmark {
    static let name = "draft"
    static let summary = "pre-translation of a 2-page draft (fr, km) on a 1M-unit memory vs a brute-force scan; check"

    static func run(arguments: [String]) throws {
        let options = BenchmarkArguments(arguments)
        let units = options.int("units", default: 1_000_000)
        let repeats = options.int("repeats", default: 5)
        guard let en = SharedData.file("parallel/europarl-20k.en"), let fr = SharedData.file("parallel/europarl-20k.fr") else {
            throw BenchmarkError("../shared/data/parallel/europarl-20k.{en,fr} not found (set VERBALE_SHARED_DATA)")
        }
        let english = try String(contentsOf: en, encoding: .utf8).components(separatedBy: "\n").filter { !$0.isEmpty }
        let french = try String(contentsOf: fr, encoding: .utf8).components(separatedBy: "\n").filter { !$0.isEmpty }
        let pairs = Array(zip(english, french))
        guard !pairs.isEmpty else { throw BenchmarkError("empty Europarl sample") }

        // The memory: shipped formulas, then Europarl pairs, each repeat carrying its own
        // number so units differ (as a real memory's near-duplicates do).
        let book = try StockPhraseBook.shipped()
        let builder = MatchIndexBuilder()
        let buildStart = DispatchTime.now().uptimeNanoseconds
        if let folder = ShippedData.memories {
            var reader = try MemoryFormat.makeReader(url: folder.appendingPathComponent("note-verbale-formulas.tmx"))
            while let unit = try reader.next() { _ = try builder.add(unit) }
        }
        for number in 0..<units {
            let (e, f) = pairs[number % pairs.count]
            let round = number / pairs.count
            let suffix = round == 0 ? "" : " (\(round))"
            _ = try builder.add(TranslationUnit(id: "e\(number)", variants: [
                Variant(language: LanguageTag(.english), text: e + suffix), Variant(language: LanguageTag(.french), text: f + suffix),
            ]))
        }
        var (index, archive) = builder.finish()
        var buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - buildStart) / 1e9
        var memoryName = "generated: \(units) Europarl units + shipped formulas"
        if let path = options.values["index"], !path.isEmpty {
            // A saved match index (e.g. the matcher benchmark's 1M-unit one) instead.
            let loadStart = DispatchTime.now().uptimeNanoseconds
            (index, archive) = try MatchIndexFile.read(from: URL(fileURLWithPath: path))
            buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
            memoryName = "saved index \(path)"
        }
        Report.note("memory (\(memoryName)): \(index.entryCount) entries (one per unit variant) ready in \(String(format: "%.1f", buildSeconds)) s")

        // The draft: our four example notes (two pages).
        guard let examples = ShippedData.folder("Examples") else { throw BenchmarkError("Examples/ not found") }
        let names = ["transmittal.txt", "agrement-request.txt", "visa-request.txt", "reply-acknowledging.txt"]
        // Two pages ≈ 1,000 words: the four examples (≈ 580 words) twice.
        let notes = try names.map { try String(contentsOf: examples.appendingPathComponent($0), encoding: .utf8) }
        let draft = (notes + notes).joined(separator: "\n\n")
        let words = draft.split(whereSeparator: { $0.isWhitespace }).count

        // The matcher as `verbale draft translate` builds it: the shipped glossary's entities
        // attached, so country names in the draft take the (costlier) entity path they take for users.
        let matcher = FuzzyMatcher(index: index, archive: archive, entities: options.flag("no-entities") ? nil : try GlossaryEntities.shipped())
        let translator = try Pretranslator(book: book, sourceLanguage: .english, matcher: matcher, glossary: try DraftGlossary.shipped())
        var result = translator.pretranslate(draft, to: [.french, .khmer])   // warm-up
        let seconds = Clock.best(of: repeats) { result = translator.pretranslate(draft, to: [.french, .khmer]) }
        let assembler = try Pretranslator(book: book, sourceLanguage: .english, matcher: nil, glossary: translator.glossary)
        _ = assembler.pretranslate(draft, to: [.french, .khmer])
        let assemblySeconds = Clock.best(of: repeats) { _ = assembler.pretranslate(draft, to: [.french, .khmer]) }
        let searched = result.segments.filter { segment in segment.targets.values.contains { !$0.untranslated.isEmpty || $0.method == "none" } }
        let searchSeconds = Clock.best(of: repeats) {
            for segment in searched { _ = try? matcher.search(segment.source, language: .english, threshold: translator.threshold, limit: 3) }
        }
        let checker = try ProtocolChecker(book: book, language: .english)
        let checkSeconds = Clock.best(of: repeats) { _ = checker.check(draft) }

        var fields: [String: Any] = [
            "benchmark": "draft", "memory_entries": index.entryCount, "memory": memoryName, "draft_words": words, "segments": result.segments.count,
            "index_build_s": buildSeconds, "pretranslate_ms": seconds * 1000,
            "assembly_only_ms": assemblySeconds * 1000, "memory_search_ms": searchSeconds * 1000, "segments_searched": searched.count, "check_ms": checkSeconds * 1000,
            "targets": "fr,km", "repeats": repeats, "glossary_entities": matcher.entities != nil,
        ]
        if !options.flag("no-baseline") {
            // Baseline: the same lookups (one per segment with an untranslated part, as
            // pretranslate does) by scanning the whole memory.
            let tokenizer = try Tokenizer(language: .english)
            let languageIndex = MatchVocabulary.languageIndex(.english)
            let limit = options.int("baseline-segments", default: min(searched.count, 4))
            let segments = Array(searched.prefix(limit))
            var hits = 0
            let baseline = Clock.best(of: 1) {
                for segment in segments {
                    let query = MatchText(text: segment.source, language: .english, tokenizer: tokenizer)
                    let ids = query.tokens.map { index.vocabulary.ids(of: $0, language: languageIndex) }
                    hits += index.bruteForce(ids, language: .english, threshold: translator.threshold).count
                }
            }
            let scaled = baseline * Double(searched.count) / Double(max(segments.count, 1))
            fields["bruteforce_ms"] = scaled * 1000
            fields["bruteforce_segments_measured"] = segments.count
            fields["ratio_vs_bruteforce"] = scaled / seconds
        }
        Report.emit(fields)
    }
}
