import VerbaleCore

/// Finds exact and fuzzy matches for a text in a memory, in any language the memory has.
///
/// Usage:
/// ```swift
/// let matcher = FuzzyMatcher(index: index, archive: archive)
/// let matches = try matcher.search("The Embassy presents its compliments", language: .en)
/// ```
/// Cost per search: one tokenization of the query, `MatchIndex.search` (sublinear: only the
/// postings of admissible lengths are read), then for the `limit` shown matches one
/// tokenization of the source and targets plus an O(n·m) alignment for the diff. Not
/// thread-safe (tokenizers are cached).
public final class FuzzyMatcher {
    public let index: MatchIndex
    public let archive: any MatchUnits
    public var model: CostModel
    /// Names glossary entities in target languages (placeable transfer); nil without glossary.
    public var entities: (any EntityNaming)?
    private var tokenizers: [Language: Tokenizer] = [:]
    /// Finds the personal data of queries (`queryPlaceholders`); made on first need.
    private var personalData: PersonalDataScrubber?
    private let scratch = SearchScratch()
    /// How many recorded-entity searches took each way to the entity-holding entries (the
    /// tests check both are exercised and each equals scoring every entry).
    var entityPathCounts = EntityPathCounts()

    public init(index: MatchIndex, archive: any MatchUnits, model: CostModel = .standard, entities: (any EntityNaming)? = nil) {
        self.index = index
        self.archive = archive
        self.model = model
        self.entities = entities
    }

    public func tokenizer(for language: Language) throws(MatchError) -> Tokenizer {
        if let tokenizer = tokenizers[language] { return tokenizer }
        do {
            let tokenizer = try Tokenizer(language: language)
            tokenizers[language] = tokenizer
            return tokenizer
        } catch {
            throw .tokenizer(error.description)
        }
    }

    /// The query as the index sees it.
    public func analyse(_ text: String, language: Language) throws(MatchError) -> MatchText {
        MatchText(text: text, language: language, tokenizer: try tokenizer(for: language))
    }

    /// The personal data of a query (names after a title, e-mail addresses, phone, passport and
    /// identity numbers, dates of birth) as placeholder placeables, when the memory holds
    /// placeholders in that language (`PersonalDataScrubber.placeholders(in:)`): so "Mr. Chan
    /// Thy" meets a memory's "Mr. {PERSON}" as one placeable with another value, and the
    /// translations get "Chan Thy". Cost: an O(log n) vocabulary lookup, then the scrubber's
    /// byte pass over the query.
    func queryPlaceholders(_ text: String, language: Language) -> [Placeable] {
        let scoped = MatchVocabulary.scoped(MatchVocabulary.languageIndex(language), "#" + Placeable.Kind.placeholder.rawValue)
        guard index.vocabulary.classID(scoped) != nil else { return [] }
        if personalData == nil { personalData = try? PersonalDataScrubber() }
        return personalData?.placeholders(in: text) ?? []
    }

    /// The context key of the query's previous segment: its personal data replaced, then hashed,
    /// as the import keys each unit's predecessor (`ContextKeys`: keys are never of personal
    /// data). Nil for a blank segment. Cost: one scrub of one sentence, once per search.
    func contextKey(_ previousSegment: String, language: Language) -> String? {
        if personalData == nil { personalData = try? PersonalDataScrubber() }
        let key: String
        if let scrubber = personalData {
            key = ContextKeys.key(ofPreviousSegment: previousSegment, language: LanguageTag(language), scrubber: scrubber)
        } else {
            key = ContextKeys(texts: [previousSegment]).value
        }
        return key.isEmpty ? nil : key
    }

    /// The memory's best matches for `text`, best first.
    ///
    /// - Parameters:
    ///   - targets: languages of the translations to return (nil: all other languages).
    ///   - threshold: lowest score returned (1…100).
    ///   - previousSegment: the segment before `text` in the document; an exact match whose
    ///     unit has the same previous segment scores 101 (context match).
    public func search(_ text: String, language: Language, targets: [LanguageTag]? = nil, threshold: Int = 70, limit: Int = 5,
                       previousSegment: String? = nil) throws(MatchError) -> [FuzzyMatch] {
        let readings = try lookups(text, language: language, threshold: threshold)
        let hits = Self.best(readings)
        let context = previousSegment.flatMap { contextKey($0, language: language) }
        let exactCount = hits.prefix { $0.hit.score == 100 }.count
        let considered = hits.prefix(max(limit, min(exactCount, 50)))
        var matches: [FuzzyMatch] = []
        for (hit, reading) in considered {
            let lookup = readings[reading]
            if let match = try makeMatch(hit, query: lookup.query, queryIDs: lookup.queryIDs, entityQuery: lookup.entityQuery,
                                         targets: targets, context: context),
               match.score >= threshold {
                matches.append(match)
            }
        }
        matches.sort { $0.score != $1.score ? $0.score > $1.score : $0.cost < $1.cost }
        return Self.markingAlternatives(Array(Self.withoutRepeats(matches).prefix(max(limit, 0))))
    }

    /// `matches` without a match that shows exactly what a better one above it shows (same
    /// source text, same translations in the languages asked for): two stored units can hold
    /// the same pair — a unit and one with a language more (`UnitWriter`'s contained case, the
    /// other order) — and the drafter would see one suggestion twice alike, pushing another out
    /// of `--limit` (review 1130h M1). The first, best-ranked, is kept with its origin. Texts
    /// are compared as the memory compares them (`sameText`).
    static func withoutRepeats(_ matches: [FuzzyMatch]) -> [FuzzyMatch] {
        guard matches.count > 1 else { return matches }
        var seen: Set<[UInt64]> = []
        return matches.filter { match in
            var key = [sameText(match.source, match.sourceLanguage)]
            for (tag, text) in match.targets.sorted(by: { $0.key < $1.key }) { key.append(sameText(text, tag)) }
            return seen.insert(key).inserted
        }
    }

    /// Sets `alternatives` and `alternativeNumber` on matches whose source text another listed
    /// match shares (review 1130h m6): the memory keeps alternatives — the same source, another
    /// translation — and three 100 % lines with one source looked like three memories agreeing.
    /// A group of one source counts only when two of its matches show different texts in one
    /// language: a unit and the same texts with a language more are no alternatives.
    static func markingAlternatives(_ matches: [FuzzyMatch]) -> [FuzzyMatch] {
        guard matches.count > 1 else { return matches }
        var groups: [UInt64: [Int]] = [:]
        var order: [UInt64] = []
        for (position, match) in matches.enumerated() {
            let key = sameText(match.source, match.sourceLanguage)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(position)
        }
        var marked = matches
        for key in order {
            guard let members = groups[key], members.count > 1 else { continue }
            let differ = members.contains { one in
                members.contains { other in
                    matches[one].targets.contains { tag, text in
                        matches[other].targets[tag].map { sameText($0, tag) != sameText(text, tag) } ?? false
                    }
                }
            }
            guard differ else { continue }
            for (number, position) in members.enumerated() {
                marked[position].alternatives = members.count
                marked[position].alternativeNumber = number + 1
            }
        }
        return marked
    }

    /// A text's key as the memory tells duplicates from alternatives (`UnitFingerprint.pair`: NFC,
    /// Khmer subscripts in order, U+200B and U+FEFF left out), so a Khmer text typed with
    /// U+200B between its words and the same text without are one translation here too.
    private static func sameText(_ text: String, _ tag: String) -> UInt64 {
        UnitFingerprint.pair(text: text, tag: tag)
    }

    /// Every entry scoring at least `threshold` against `text`, best first, without building
    /// matches (no unit read, no diff): what `search` ranks, for tools that need the whole set
    /// (the benchmark compares it with rapidfuzz's). With a glossary, entity-level scores.
    public func hits(_ text: String, language: Language, threshold: Int = 70) throws(MatchError) -> [IndexHit] {
        Self.best(try lookups(text, language: language, threshold: threshold)).map(\.hit)
    }

    /// One reading of the query — plain, as index ids, with its glossary entities merged when
    /// it has any — and the index's hits for it.
    struct Lookup {
        var query: MatchText
        var queryIDs: [TokenIDs]
        var entityQuery: MatchText?
        var hits: [IndexHit]
    }

    /// The query's readings and their hits: the text as written and, when it holds personal
    /// data and the memory holds placeholders (`queryPlaceholders`), the text with that data
    /// read as placeholders. Both are searched because a memory may hold units scrubbed on
    /// import beside units kept as they were (`--keep-personal-data`, or imported before
    /// scrubbing): "Mr. Pich Sovann" must still find its own verbatim unit at 100 and meet
    /// "Mr. {PERSON}" as a placeable. Each reading is lossless on its own, so the best score per
    /// entry over both is too. Cost: a second index search, only for queries holding personal
    /// data.
    func lookups(_ text: String, language: Language, threshold: Int) throws(MatchError) -> [Lookup] {
        guard !text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{200B}" }) else { throw .emptyQuery }
        guard index.languages.contains(language) else {
            throw .languageNotInMemory(language.rawValue, available: index.languages.map(\.rawValue).sorted())
        }
        let found = entities?.entities(in: text, language: language) ?? []
        var readings = [try lookup(text, language: language, threshold: threshold, personal: [], entities: found)]
        let personal = queryPlaceholders(text, language: language)
        if !personal.isEmpty {
            // Overlaps are decided once, before either analysis: a glossary entity that touches a
            // personal span gives way ("Mr. Jordan Lee" is a person, not the country Jordan and a
            // word), so the entity-merged query is the personal reading with entity runs
            // replaced — the premise of `FilterBound.entityRequirement`.
            let apart = found.filter { entity in !personal.contains { $0.range.overlaps(entity.range) } }
            readings.append(try lookup(text, language: language, threshold: threshold, personal: personal, entities: apart))
        }
        return readings
    }

    /// One reading: `personal` spans merged as placeholders, `found` glossary entities (which
    /// must not overlap them) merged on top for the entity-level search.
    private func lookup(_ text: String, language: Language, threshold: Int, personal: [Placeable], entities found: [Placeable])
        throws(MatchError) -> Lookup {
        let query = personal.isEmpty ? try analyse(text, language: language)
            : MatchText(text: text, language: language, tokenizer: try tokenizer(for: language), entities: personal)
        guard query.contentLength > 0 else { throw .noWords(text) }
        let languageIndex = MatchVocabulary.languageIndex(language)
        let queryIDs = query.tokens.map { index.vocabulary.ids(of: $0, language: languageIndex) }
        // Glossary entities: scored as placeables (`entityIndexHits`: from the entities the
        // index recorded when they were made with this glossary, else from the word bound
        // `FilterBound.entityRequirement`; lossless either way).
        var entityQuery: MatchText?
        if entities != nil, !found.isEmpty {
            let merged = MatchText(text: text, language: language, tokenizer: try tokenizer(for: language), entities: found + personal)
            if merged.hasEntities { entityQuery = merged }
        }
        let hits: [IndexHit]
        if let entityQuery {
            hits = try entityIndexHits(entityQuery, queryIDs: queryIDs, threshold: threshold)
        } else {
            hits = index.search(queryIDs, language: language, threshold: threshold, model: model, scratch: scratch)
        }
        return Lookup(query: query, queryIDs: queryIDs, entityQuery: entityQuery, hits: hits)
    }

    /// Each entry once, with its best hit over the readings and the reading that gave it,
    /// ranked (`MatchIndex.ranking`); a tie keeps the earlier reading (the text as written).
    static func best(_ readings: [Lookup]) -> [(hit: IndexHit, reading: Int)] {
        guard readings.count > 1 else { return readings.first?.hits.map { ($0, 0) } ?? [] }
        var best: [Int: (hit: IndexHit, reading: Int)] = [:]
        for (reading, lookup) in readings.enumerated() {
            for hit in lookup.hits {
                if let kept = best[hit.entry], !MatchIndex.ranking(hit, kept.hit) { continue }
                best[hit.entry] = (hit, reading)
            }
        }
        return best.values.sorted { MatchIndex.ranking($0.hit, $1.hit) }
    }

    /// The entries the index cannot rule out for a query with glossary entities (see
    /// `FilterBound.entityRequirement`). Cost: the index's count filter over the lengths the
    /// bound admits; a query that is little more than an entity ("Kingdom of Thailand") admits
    /// every short entry (need 0), which is then a scan of the entries' lengths.
    func entityCandidates(_ merged: MatchText, queryIDs: [TokenIDs], threshold: Int) -> [Int] {
        let entityCount = merged.tokens.filter { $0.token.placeable?.kind == .entity }.count
        let requirement = FilterBound.entityRequirement(queryLength: merged.contentLength, entities: entityCount, threshold: threshold,
                                                        longestEntity: MatchText.longestEntity)
        var entries: [Int] = []
        var statistics = SearchStatistics()
        index.candidates(QueryClasses(queryIDs), language: merged.language, lengths: requirement.lengths, need: { _ in requirement.need },
                         scratch: scratch, statistics: &statistics) { entry, _ in entries.append(entry) }
        return entries
    }

    /// The entity-level hits the search returns, equal to `entityHits` over every entry of the
    /// language (the tests check it). When the index recorded every entry's entities with this
    /// glossary (`MatchIndex.hasEntities(recordedWith:)`), `recordedEntityHits`; else
    /// `entityCandidates`, each scored by `entityHits` unless recognition finds no entity in it
    /// and `EntityBound` proves it below `threshold`.
    func entityIndexHits(_ merged: MatchText, queryIDs: [TokenIDs], threshold: Int) throws(MatchError) -> [IndexHit] {
        let bound = EntityBound(merged, index: index, threshold: threshold)
        if let entities, index.hasEntities(recordedWith: entities.fingerprint) {
            return try recordedEntityHits(merged, bound: bound, threshold: threshold)
        }
        return try entityHits(merged, entries: entityCandidates(merged, queryIDs: queryIDs, threshold: threshold), threshold: threshold,
                              entityFree: bound)
    }

    /// The entity-level hits from the entities the index recorded, in two disjoint parts:
    ///
    /// - entries holding no entity (`count` 0): their merged analysis *is* their stored tokens
    ///   (`m′ = m`), so their entity-level score is the ordinary score of the merged query
    ///   against the stored tokens, and the ordinary lossless filter (`MatchIndex.candidates`
    ///   with `need(max(n′, m))` over the lengths admissible for `n′`, `FilterBound`) finds
    ///   every one that can reach `threshold` — the query's `#entity` tokens have no postings
    ///   and count as unknown words. Scored on the stored tokens: no text, no recognition.
    /// - entries holding entities: read from the entity list over the merged lengths admissible
    ///   for `n′` (`EntityBound`, part 1), kept when `EntityBound` admits them (part 2), and
    ///   scored on the merged tokens the index recorded for them — their entity-level analysis,
    ///   interned in the same vocabulary as the query's ids, so equal tokens get equal ids and
    ///   the alignment costs what `entityHits` computes from the text.
    /// - the unrecorded ones (`EntryEntities.unknown`, always read): scored by `entityHits`.
    ///
    /// Cost: an ordinary search for the merged query, plus O(log E + k) for the k entity-holding
    /// entries of admissible merged length (or, for a long query, the fewer postings of its
    /// rarest words), an O(m) count each and an O(n′·m′) alignment for each one admitted; no
    /// text is read. A bare-entity query reads no postings.
    func recordedEntityHits(_ merged: MatchText, bound: EntityBound, threshold: Int) throws(MatchError) -> [IndexHit] {
        let threshold = min(max(threshold, 1), 100)
        let index = self.index, scratch = self.scratch
        let language = MatchVocabulary.languageIndex(merged.language)
        let mergedIDs = merged.tokens.map { index.vocabulary.ids(of: $0, language: language) }
        let n = merged.contentLength
        let lengths = FilterBound.admissibleLengths(query: n, threshold: threshold)
        guard let shortest = lengths.first, let longest = lengths.last else { return [] }
        let aligner = TokenAlignment(model: model)
        var hits: [IndexHit] = []
        var statistics = SearchStatistics()
        index.candidates(QueryClasses(mergedIDs), language: merged.language, lengths: shortest...longest,
                         need: { FilterBound.need(length: max(n, $0), threshold: threshold) }, scratch: scratch,
                         statistics: &statistics) { entry, m in
            guard index.entryEntityCount[entry] == 0 else { return }
            let length = max(n, m)
            index.tokenIDs(ofEntry: entry, into: &scratch.entryTokens)
            if let cost = aligner.cost(mergedIDs, scratch.entryTokens, limit: CostModel.maximumCost(threshold: threshold, length: length),
                                       rows: &scratch.rows) {
                hits.append(IndexHit(entry: entry, cost: cost, score: CostModel.score(cost: cost, length: length)))
            }
        }
        var unrecorded: [Int] = []
        for position in index.entityEntries(language: language, mergedLengths: 0...0) { unrecorded.append(Int(index.entityEntries[position])) }
        // The entity-holding entries to examine: the entity list over the admissible merged
        // lengths; or, when each of them must share k = need(n′) − E > 0 word classes with the
        // query (`EntityBound` part 2, as `need` grows with the length and min(E, e) ≤ E) and
        // the posting lists that guarantees (prefix filter) are shorter than that list, the
        // count filter's candidates with need k over the stored lengths such an entry can have
        // (`FilterBound.entityRequirement`), keeping those holding entities. Either way no
        // qualifying entry is left out; part 1 is checked below for both.
        let queryClasses = QueryClasses(mergedIDs)
        let queryEntities = merged.tokens.reduce(0) { $0 + ($1.token.placeable?.kind == .entity ? 1 : 0) }
        let listed = index.entityEntries(language: language, mergedLengths: shortest...longest)
        let requirement = FilterBound.entityRequirement(queryLength: n, entities: queryEntities, threshold: threshold,
                                                        longestEntity: MatchText.longestEntity)
        var examined: [Int] = []
        if requirement.need > 0, index.minimalPostings(queryClasses, lengths: requirement.lengths, need: requirement.need) < listed.count {
            entityPathCounts.rarestPostings += 1
            index.candidates(queryClasses, language: merged.language, lengths: requirement.lengths, need: { _ in requirement.need },
                             scratch: scratch, statistics: &statistics) { entry, _ in
                let count = index.entryEntityCount[entry]
                if count > 0, count != EntryEntities.unknown { examined.append(entry) }
            }
        } else {
            entityPathCounts.entityList += 1
            for position in listed { examined.append(Int(index.entityEntries[position])) }
        }
        // Part 2 of the bound counted with the per-class slot table of the ordinary filter:
        // O(1) per stored token.
        scratch.prepare(entries: index.entryCount, classes: index.vocabulary.classCount)
        let generation = scratch.markClasses(queryClasses.classes)
        if scratch.used.count < queryClasses.classes.count { scratch.used = [Int](repeating: 0, count: queryClasses.classes.count) }
        for entry in examined {
            let recorded = index.entities(ofEntry: entry)
            guard let need = bound.requirement(recorded) else { continue }
            if need > 0, index.sharedClasses(entry, query: queryClasses, generation: generation, scratch: scratch) < need { continue }
            let length = max(n, Int(recorded.mergedLength))
            index.mergedTokenIDs(ofEntry: entry, into: &scratch.entryTokens)
            if let cost = aligner.cost(mergedIDs, scratch.entryTokens, limit: CostModel.maximumCost(threshold: threshold, length: length),
                                       rows: &scratch.rows) {
                hits.append(IndexHit(entry: entry, cost: cost, score: CostModel.score(cost: cost, length: length)))
            }
        }
        hits += try entityHits(merged, entries: unrecorded, threshold: threshold)
        return hits.sorted(by: MatchIndex.ranking)
    }

    /// The entity-level scores of `entries` at or above `threshold`, best first: each entry's
    /// unit text analysed with its own glossary entities and aligned with the query. Also the
    /// brute-force reference (all entries of the language, no `entityFree` bound) the tests
    /// compare with. O(n·m) and one tokenization plus one entity recognition per entry; with
    /// `entityFree`, an entry the bound rejects costs one recognition (and one O(m) count over
    /// its stored tokens) and is tokenized and aligned only when it holds an entity.
    func entityHits(_ merged: MatchText, entries: [Int], threshold: Int, entityFree: EntityBound? = nil) throws(MatchError) -> [IndexHit] {
        guard let entities else { return [] }
        let threshold = min(max(threshold, 1), 100)
        let aligner = TokenAlignment(model: model)
        var hits: [IndexHit] = []
        for entry in entries {
            let admittedWithoutEntities = entityFree?.admitsWithoutEntities(entry, index: index) ?? true
            guard let unit = archive.unit(at: Int(index.entryUnit[entry])),
                  let variant = unit.variants.first(where: { $0.language.language == merged.language }) else { continue }
            let found = entities.entities(in: variant.text, language: merged.language)
            if found.isEmpty, !admittedWithoutEntities { continue }
            let source = MatchText(text: variant.text, language: merged.language, tokenizer: try tokenizer(for: merged.language),
                                   entities: found)
            let length = max(merged.contentLength, source.contentLength)
            guard length > 0 else { continue }
            let (a, b) = Self.localIDs(merged.tokens, source.tokens)
            if let cost = aligner.cost(a, b, limit: CostModel.maximumCost(threshold: threshold, length: length)) {
                hits.append(IndexHit(entry: entry, cost: cost, score: CostModel.score(cost: cost, length: length)))
            }
        }
        return hits.sorted(by: MatchIndex.ranking)
    }

    private func makeMatch(_ hit: IndexHit, query plainQuery: MatchText, queryIDs plainQueryIDs: [TokenIDs], entityQuery: MatchText?,
                           targets: [LanguageTag]?, context: String?) throws(MatchError) -> FuzzyMatch? {
        guard let unit = archive.unit(at: Int(index.entryUnit[hit.entry])),
              let sourceVariant = unit.variants.first(where: { $0.language.language == plainQuery.language }) else { return nil }
        let query: MatchText, source: MatchText, script: (cost: Int, steps: [TokenAlignment.Step])
        var score = hit.score
        if let entityQuery, let entities {
            // Entities are not in the index's vocabulary: compare both sides with local ids.
            query = entityQuery
            source = MatchText(text: sourceVariant.text, language: plainQuery.language, tokenizer: try tokenizer(for: plainQuery.language),
                               entities: entities.entities(in: sourceVariant.text, language: plainQuery.language))
            let (a, b) = Self.localIDs(query.tokens, source.tokens)
            script = TokenAlignment(model: model).script(a, b)
            score = CostModel.score(cost: script.cost, length: max(query.contentLength, source.contentLength))
        } else {
            query = plainQuery
            source = try analyse(sourceVariant.text, language: plainQuery.language)
            let languageIndex = MatchVocabulary.languageIndex(plainQuery.language)
            let sourceIDs = source.tokens.map { index.vocabulary.ids(of: $0, language: languageIndex) }
            script = TokenAlignment(model: model).script(plainQueryIDs, sourceIDs)
        }
        // Shown and carried as typed (the forms compared drop invisible breaks and Khmer spaces).
        let queryTokens = query.tokensAsTyped, sourceTokens = source.tokensAsTyped
        if score == 100, let context, let stored = unit.metadata.previousContext, ContextHash.matches(stored: stored, key: context) { score = 101 }
        let carried = try translations(of: unit, except: query.language, targets: targets, steps: script.steps, query: queryTokens, source: sourceTokens)
        return FuzzyMatch(score: score, band: MatchBand(score: score).rawValue, source: sourceVariant.text,
                          sourceLanguage: sourceVariant.language.description,
                          sourceReview: sourceVariant.properties.first { $0.type == "x-review" }?.value ?? unit.metadata.review.rawValue,
                          targets: carried.texts, review: carried.review,
                          origin: unit.metadata.origin, unitID: unit.id, cost: script.cost,
                          diff: Self.diff(script.steps, query: queryTokens, source: sourceTokens), transferred: carried.transferred,
                          notCarried: carried.notCarried)
    }

    /// The unit's translations (languages other than `language`, those of `targets` when
    /// given) with the query's values carried in, when the alignment `steps` of `query` with
    /// `source` (tokens as typed) differ only in placeables; otherwise each differing value
    /// named as not carried, since each translation still holds the memory's. Shared by whole
    /// matches and the stock phrases found inside a sentence (`PhraseFinder`, review 1201b M1).
    /// Cost: one tokenization per translation when something is carried.
    func translations(of unit: TranslationUnit, except language: Language, targets: [LanguageTag]?, steps: [TokenAlignment.Step],
                      query queryTokens: [MatchToken], source sourceTokens: [MatchToken]) throws(MatchError) -> CarriedTranslations {
        let changes = PlaceableTransfer.changes(steps: steps, query: queryTokens, source: sourceTokens)
        var carried = CarriedTranslations()
        // Values that differ but are not carried because words differ too: each translation
        // still holds the memory's value, and says so.
        let uncarriable = changes == nil ? PlaceableTransfer.differingPlaceables(steps: steps, query: queryTokens, source: sourceTokens) : []
        for variant in unit.variants where variant.language.language != language {
            if let targets, !targets.contains(where: { $0.matches(variant.language) || $0.primary == variant.language.primary }) { continue }
            let tag = variant.language.description
            var text = variant.text
            var status = variant.properties.first { $0.type == "x-review" }?.value ?? unit.metadata.review.rawValue
            if let changes, let language = variant.language.language {
                let result = PlaceableTransfer.apply(changes, to: text, language: language, tokenizer: try tokenizer(for: language), entities: entities)
                text = result.text
                carried.transferred += result.replacements
                carried.notCarried += UncarriedPlaceable.records(result.missed, tag: tag, language: language)
                // A glossary name nobody has reviewed makes the whole suggestion unreviewed.
                if result.replacements.contains(where: { $0.review == ReviewStatus.unreviewed.rawValue }) { status = ReviewStatus.unreviewed.rawValue }
            }
            carried.notCarried += UncarriedPlaceable.records(uncarriable.map { ($0, .wordsDiffer) }, tag: tag, language: variant.language.language)
            carried.texts[tag] = text
            carried.review[tag] = status
        }
        return carried
    }

    /// A unit's translations as offered: texts and review status per tag, values carried and not.
    struct CarriedTranslations {
        var texts: [String: String] = [:]
        var review: [String: String] = [:]
        var transferred: [PlaceableTransfer.Replacement] = []
        var notCarried: [UncarriedPlaceable] = []
    }

    /// Comparable ids for two token lists interned between themselves (for tokens the index's
    /// vocabulary cannot know, such as glossary entities). O(n + m) hashing.
    static func localIDs(_ a: [MatchToken], _ b: [MatchToken]) -> ([TokenIDs], [TokenIDs]) {
        var table: [String: UInt32] = [:]
        func id(_ text: String) -> UInt32 {
            if let id = table[text] { return id }
            let id = UInt32(table.count)
            table[text] = id
            return id
        }
        func ids(_ token: MatchToken) -> TokenIDs {
            let kind: MatchVocabulary.Kind = token.isPunctuation ? .punctuation : token.token.kind == .word ? .word : .valued
            return TokenIDs(form: id("f\u{1}" + token.classKey + "\u{1}" + token.token.text), key: id("k\u{1}" + token.token.key),
                            cls: id("c\u{1}" + token.classKey), value: token.value.map { id("v\u{1}" + $0) } ?? UInt32.max,
                            kind: kind.rawValue, spaced: token.spaced)
        }
        return (a.map(ids), b.map(ids))
    }

    /// The non-equal steps of a script as highlightable diff steps.
    static func diff(_ steps: [TokenAlignment.Step], query: [MatchToken], source: [MatchToken]) -> [DiffStep] {
        func side(_ tokens: [MatchToken], _ index: Int) -> DiffStep.Side {
            let token = tokens[index].token
            return DiffStep.Side(token: index, text: token.text, start: token.range.lowerBound, end: token.range.upperBound)
        }
        return steps.compactMap { step in
            switch step {
            case .equal: return nil
            case let .inserted(q, cost):
                return DiffStep(op: "inserted", reason: query[q].isContent ? "word" : "punctuation", cost: cost, query: side(query, q), source: nil)
            case let .deleted(s, cost):
                return DiffStep(op: "deleted", reason: source[s].isContent ? "word" : "punctuation", cost: cost, query: nil, source: side(source, s))
            case let .substituted(q, s, cost):
                return DiffStep(op: "substituted", reason: reason(query[q], source[s]), cost: cost, query: side(query, q), source: side(source, s))
            }
        }
    }

    static func reason(_ a: MatchToken, _ b: MatchToken) -> String {
        if a.token.text == b.token.text { return "spacing" }
        if a.classKey != b.classKey { return "word" }
        if a.isPunctuation { return "punctuation" }
        if a.value != nil { return a.value == b.value ? "form" : "placeable" }
        return a.token.key == b.token.key ? "case" : "diacritics"
    }
}

/// The two ways `recordedEntityHits` reaches the entity-holding entries, counted.
struct EntityPathCounts: Equatable {
    /// The entity list over the admissible merged lengths.
    var entityList = 0
    /// The count filter's candidates over the query's rarest word lists.
    var rarestPostings = 0
}

/// Why a search could not run.
public enum MatchError: Error, CustomStringConvertible, Equatable, Sendable {
    case emptyQuery
    case noWords(String)
    case languageNotInMemory(String, available: [String])
    case tokenizer(String)

    public var description: String {
        switch self {
        case .emptyQuery:
            "the query is empty: give the text to look up (e.g. verbale search \"has the honour to inform\")"
        case let .noWords(text):
            "the query \"\(text.prefix(40))\" has no words, numbers or placeables to match"
        case let .languageNotInMemory(language, available):
            "the memory has no \(language) segments (it has: \(available.isEmpty ? "none" : available.joined(separator: ", ")))"
        case let .tokenizer(message):
            "cannot tokenize: \(message)"
        }
    }
}
