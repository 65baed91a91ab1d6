import VerbaleCore

/// A stock phrase found inside a longer text, fuzzily.
public struct PhraseMatch: Hashable, Sendable, Codable {
    /// Span in the searched text, in Unicode scalars.
    public var start: Int
    public var end: Int
    /// The canonical phrase (the memory unit's text).
    public var phrase: String
    /// Review status of the phrase itself (in the text's language).
    public var phraseReview: String
    public var score: Int
    /// The phrase in the other languages, and their review status.
    public var translations: [String: String]
    public var review: [String: String]
    public var origin: String?
    /// The draft's values written into the translations (its number, date, reference, name
    /// where the phrase has the memory's), as `search` carries them (`FuzzyMatch.transferred`);
    /// added beside the contract's fields (review 1201b M1).
    public var transferred: [PlaceableTransfer.Replacement] = []
    /// The draft's values the translations still hold the memory's value for, each named
    /// (`FuzzyMatch.notCarried`): the drafter must not paste « l'article 27 » into a note about
    /// Article 12.
    public var notCarried: [UncarriedPlaceable] = []
}

/// A continuation of the phrase the text ends in.
public struct PhraseCompletion: Hashable, Sendable, Codable {
    /// Span of the text that matched the phrase's beginning, in Unicode scalars.
    public var start: Int
    public var end: Int
    /// What would follow (the rest of the phrase). When the text ends inside a word — a
    /// half-typed word ("…to inf") or a French elision ("…l'honneur d'") — the completion
    /// starts with that whole word ("inform", "d'informer") and `typed` says what of it is
    /// already typed.
    public var completion: String
    /// The end of the text that `completion` repeats and replaces: the letters of a half-typed
    /// last word ("inf"), an elided word ("d'"); empty when the text ends on a whole word and
    /// the completion follows it. Added beside the contract's fields (review 1130e m4).
    public var typed: String = ""
    public var phrase: String
    public var phraseReview: String
    public var score: Int
    /// How many memory units carry this phrase.
    public var frequency: Int
    /// In how many notes of its source corpus the phrase is attested: the numerator of the
    /// variant's `x-attested-count` property ("144/184" → 144), which the shipped formula memory
    /// records from the real notes; 0 when no unit carrying the phrase records a count.
    public var attested: Int = 0
    /// The corpus size the count is out of ("144/184" → 184); nil without a count.
    public var attestedOutOf: Int?
    /// When the phrase's own language records no count (every Khmer formula: no public Khmer
    /// note attests them), the count of the same unit's wording in another language — the
    /// formula "មានកិត្តិយសសូមស្នើ" is "has the honour to propose", attested in 69 of 184
    /// English notes — and that language's tag; nil otherwise. Ranking only uses it (`usage`),
    /// so a Khmer drafter is offered the common formulas first, as an English one is; `attested`
    /// keeps saying what the phrase's own language attests (review 1201b M2).
    public var formulaAttested: Int?
    public var formulaAttestedOutOf: Int?
    public var formulaAttestedLanguage: String?
    /// The wording that count is of ("has the honour to propose"): which formula longer
    /// offered phrases extend is decided on it, since Khmer, written without spaces, cannot
    /// tell "…សូមស្នើ" (propose) extended from "…សូមស្នើសុំ" (request) by its letters.
    public var formulaPhrase: String?
    public var translations: [String: String]
    public var review: [String: String]

    /// How common the phrase is as offered, the completions' second ranking key after the
    /// score: the notes attesting it, less those that attest a longer phrase offered beside it
    /// (the 145 notes of "… opportunity to renew" include the 144 of "… opportunity to renew
    /// to"; the drafter wants the whole formula first), plus the units carrying it. Set when
    /// completions are ranked (`PhraseFinder.ranked`); the attestation count dominates where the
    /// memory records one, and the unit count decides among phrases no source counts.
    public var usage: Int = 0
}

extension PhraseCompletion {
    /// The count completions are ranked by, and the corpus it is out of: the phrase's own
    /// attestation where its language records one, else (`borrowing`: no phrase offered in its
    /// language has a count of its own) its unit's wording in another language
    /// (`formulaAttested`), else none (0).
    /// The wording counted decides which phrases extend which.
    func rankingCount(borrowing: Bool) -> (notes: Int, corpus: String, wording: String) {
        if let outOf = attestedOutOf { return (attested, "\(outOf)", phrase) }
        if borrowing, let notes = formulaAttested, let outOf = formulaAttestedOutOf, let wording = formulaPhrase {
            return (notes, "\(outOf) \(formulaAttestedLanguage ?? "")", wording)
        }
        return (0, "", phrase)
    }

    /// Keeps the larger of the formula counts (the same wording in several units is attested by
    /// the same notes: the largest count, not a sum).
    mutating func keepLargerFormulaCount(_ count: PhraseFinder.FormulaCount) {
        guard count.notes > (formulaAttested ?? -1) else { return }
        (formulaAttested, formulaAttestedOutOf, formulaAttestedLanguage, formulaPhrase) = (count.notes, count.outOf, count.language, count.phrase)
    }
}

/// Finds stock phrases inside a sentence and completes the phrase a sentence ends in.
///
/// Phrases are the memory's short units (2…`maximumPhraseLength` content tokens), e.g. the
/// shipped `Memories/` formulas. *Inside*: approximate substring matching (Sellers' DP: free
/// start and end in the text) of each candidate phrase, scored like a match with
/// `L = max(phrase, window)` content tokens, so "presents compliments to" finds "presents its
/// compliments to" at 75. *Completion*: the text's end aligned with a phrase's beginning (free
/// start in the text, free end in the phrase), at least two content tokens matched, ranked by
/// score then usage (attestation count where the memory records one, plus units carrying it). Candidates come from the index postings of the text's classes at
/// phrase lengths, kept if they share at least half their classes (a heuristic pre-filter —
/// not the lossless bound, which holds for whole-segment lookup). Cost: O(Σ postings at phrase
/// lengths) + O(k·n) per candidate phrase.
public struct PhraseFinder {
    public let matcher: FuzzyMatcher
    public var maximumPhraseLength = 24
    public var threshold = 70

    /// A unit's attestation in another language than the phrase's (`PhraseCompletion.formulaAttested`).
    struct FormulaCount {
        var notes: Int
        var outOf: Int
        var language: String
        var phrase: String
    }

    public init(matcher: FuzzyMatcher) { self.matcher = matcher }

    private var index: MatchIndex { matcher.index }

    /// Candidate phrase entries of `language` sharing enough classes with `text`, with the
    /// number of units per identical phrase.
    private func candidates(_ ids: [TokenIDs], language: Language, classesFrom lower: Int = 0, minimumShared: Int? = nil) -> [Int] {
        var queryClasses = Set<UInt32>()
        for token in ids[min(lower, ids.count)...] where !token.isPunctuation { queryClasses.insert(token.cls) }
        var shared: [UInt32: Int] = [:]
        for cls in queryClasses {
            for length in 2...maximumPhraseLength {
                for posting in index.postings(ofClass: cls, length: length) {
                    shared[index.postingEntry[posting], default: 0] += 1
                }
            }
        }
        return shared.compactMap { entry, count in
            count >= (minimumShared ?? (Int(index.entryContentLength[Int(entry)]) + 1) / 2) ? Int(entry) : nil
        }.sorted()
    }

    /// Stock phrases inside `text` scoring at least `threshold`, by position then score;
    /// a phrase found twice at the same span is reported once. Each phrase's translations carry
    /// the text's numbers, dates, references and personal data where the span differs from the
    /// phrase only in them, and name them otherwise (review 1201b M1), as `search` does.
    public func phrases(in text: MatchText, targets: [LanguageTag]? = nil, limit: Int = 10) -> [PhraseMatch] {
        var found: [PhraseMatch] = []
        for reading in readings(of: text) { found += phrases(inReading: reading, targets: targets) }
        // One phrase on overlapping spans of the two readings: the better one.
        found.sort { ($0.score, $1.start, $0.end - $0.start) > ($1.score, $0.start, $1.end - $1.start) }
        var kept: [PhraseMatch] = []
        for phrase in found where !kept.contains(where: { $0.phrase == phrase.phrase && $0.start < phrase.end && phrase.start < $0.end }) {
            kept.append(phrase)
        }
        return Array(kept.prefix(limit)).sorted { ($0.start, -$0.score) < ($1.start, -$1.score) }
    }

    /// The text as written and, when it holds personal data and the memory holds placeholders,
    /// the text with that data read as placeholders (`FuzzyMatcher.queryPlaceholders`, as
    /// `search` reads a query): "Mr. Chan Vuthy" then meets a phrase's "Mr. {PERSON}" as one
    /// placeable, and the name is carried. Cost: the scrubber's pass over the text, and a second
    /// phrase search only when it finds something.
    private func readings(of text: MatchText) -> [MatchText] {
        let personal = matcher.queryPlaceholders(text.text, language: text.language)
        guard !personal.isEmpty, let tokenizer = try? matcher.tokenizer(for: text.language) else { return [text] }
        return [text, MatchText(text: text.text, language: text.language, tokenizer: tokenizer, entities: personal)]
    }

    private func phrases(inReading text: MatchText, targets: [LanguageTag]?) -> [PhraseMatch] {
        let query = QueryTokens(text, finder: self, partialLastWord: false)
        let ids = query.ids
        let typed = text.tokensAsTyped
        var found: [PhraseMatch] = []
        var seen = Set<String>()
        for entry in candidates(ids, language: text.language) {
            let phrase = Self.unspaced(index.tokenIDs(ofEntry: entry))
            guard let best = Self.bestWindow(phrase: phrase, text: ids, cost: query.substitutionCost, aligner: query.aligner) else { continue }
            let window = ids[best.start..<best.end].reduce(0) { $0 + ($1.isPunctuation ? 0 : 1) }
            let score = CostModel.score(cost: best.cost, length: max(Int(index.entryContentLength[entry]), window))
            guard score >= threshold, best.start < best.end,
                  let unit = matcher.archive.unit(at: Int(index.entryUnit[entry])),
                  let variant = unit.variants.first(where: { $0.language.language == text.language }) else { continue }
            let start = text.tokens[best.start].token.range.lowerBound, end = text.tokens[best.end - 1].token.range.upperBound
            guard seen.insert("\(start):\(end):\(Normalizer.key(variant.text))").inserted else { continue }
            var match = PhraseMatch(start: start, end: end, phrase: variant.text, phraseReview: Self.review(of: variant, in: unit), score: score,
                                    translations: [:], review: [:], origin: unit.metadata.origin)
            if let carried = carried(unit: unit, phrase: variant.text, window: Array(typed[best.start..<best.end]),
                                     windowIDs: Array(ids[best.start..<best.end]), language: text.language, targets: targets) {
                (match.translations, match.review, match.transferred, match.notCarried) = (carried.texts, carried.review, carried.transferred, carried.notCarried)
            } else {
                (match.translations, match.review) = Self.translations(of: unit, except: text.language, targets: targets)
            }
            found.append(match)
        }
        return found
    }

    /// The phrase's translations with the window's values carried or named
    /// (`FuzzyMatcher.translations(of:…)`): the window aligned with the phrase's own tokens.
    /// Nil when the phrase cannot be analysed (then its translations are shown as stored).
    private func carried(unit: TranslationUnit, phrase: String, window: [MatchToken], windowIDs: [TokenIDs], language: Language,
                         targets: [LanguageTag]?) -> FuzzyMatcher.CarriedTranslations? {
        guard let source = try? matcher.analyse(phrase, language: language) else { return nil }
        let languageIndex = MatchVocabulary.languageIndex(language)
        let sourceIDs = Self.unspaced(source.tokens.map { index.vocabulary.ids(of: $0, language: languageIndex) })
        let steps = TokenAlignment(model: matcher.model).script(windowIDs, sourceIDs).steps
        return try? matcher.translations(of: unit, except: language, targets: targets, steps: steps, query: window, source: source.tokensAsTyped)
    }

    /// Continuations of the phrase `text` ends in, best first (score, then usage: `ranked`).
    public func completions(of text: MatchText, targets: [LanguageTag]? = nil, limit: Int = 5) -> [PhraseCompletion] {
        // A finished sentence is not mid-phrase.
        if let last = text.tokens.last, last.isPunctuation, [".", "!", "?", "។", "៕"].contains(last.token.text) { return [] }
        let query = QueryTokens(text, finder: self, partialLastWord: true)
        let text = query.text, ids = query.ids
        let tail = max(ids.count - maximumPhraseLength, 0)
        let aligner = query.aligner
        var byPhrase: [String: PhraseCompletion] = [:]
        for entry in candidates(ids, language: text.language, classesFrom: max(ids.count - 3, 0), minimumShared: 2) {
            let phrase = Self.unspaced(index.tokenIDs(ofEntry: entry))
            // A half-typed last word may be finished by the phrase's last word ("inf" → "… to inform").
            guard let best = Self.bestPrefix(phrase: phrase, text: Array(ids[tail...]), cost: { query.substitutionCost(tail + $0, $1) },
                                             aligner: aligner, throughEnd: query.unfinished != nil) else { continue }
            let matched = phrase[..<best.phraseEnd].reduce(0) { $0 + ($1.isPunctuation ? 0 : 1) }
            let window = ids[(tail + best.textStart)...].reduce(0) { $0 + ($1.isPunctuation ? 0 : 1) }
            let score = CostModel.score(cost: best.cost, length: max(matched, window))
            // A text ending in an elision or a half-typed word is completed only by phrases that
            // continue it: « d' » by « d'informer », not by « de proposer » at 75.
            let finishes = query.unfinished == nil ? nil : query.finishes(phrase[best.phraseEnd - 1])
            guard matched >= 2, best.phraseEnd < phrase.count || finishes == true, score >= threshold, query.unfinished == nil || finishes != nil,
                  let unit = matcher.archive.unit(at: Int(index.entryUnit[entry])),
                  let variant = unit.variants.first(where: { $0.language.language == text.language }),
                  let tokenizer = try? matcher.tokenizer(for: text.language) else { continue }
            let phraseTokens = MatchText(text: variant.text, language: text.language, tokenizer: tokenizer).tokens
            // The completion starts with the word the text ends inside, which `typed` repeats.
            let typed = finishes == true ? query.unfinished ?? "" : ""
            let restToken = best.phraseEnd - (typed.isEmpty ? 0 : 1)
            guard restToken < phraseTokens.count else { continue }
            let restStart = phraseTokens[restToken].token.range.lowerBound
            let completion = String(String.UnicodeScalarView(Array(variant.text.unicodeScalars)[restStart...]))
            // An elision that ends the phrase leaves nothing to offer.
            guard completion.unicodeScalars.count > typed.unicodeScalars.count else { continue }
            let key = Normalizer.key(variant.text)
            let count = Self.attestedCount(of: variant)
            let formula = count == nil ? Self.formulaAttestation(of: unit, except: text.language) : nil
            if var existing = byPhrase[key] {
                existing.frequency += 1
                if score > existing.score { existing.score = score }
                // The same wording in several units is attested by the same notes: the largest
                // count, not a sum.
                if let count, count.notes > existing.attested { (existing.attested, existing.attestedOutOf) = (count.notes, count.outOf) }
                if let formula { existing.keepLargerFormulaCount(formula) }
                byPhrase[key] = existing
                continue
            }
            let (translations, review) = Self.translations(of: unit, except: text.language, targets: targets)
            byPhrase[key] = PhraseCompletion(start: text.tokens[tail + best.textStart].token.range.lowerBound,
                                             end: text.tokens.last?.token.range.upperBound ?? 0,
                                             completion: completion, typed: typed, phrase: variant.text, phraseReview: Self.review(of: variant, in: unit),
                                             score: score, frequency: 1, attested: count?.notes ?? 0, attestedOutOf: count?.outOf,
                                             formulaAttested: formula?.notes, formulaAttestedOutOf: formula?.outOf,
                                             formulaAttestedLanguage: formula?.language, formulaPhrase: formula?.phrase,
                                             translations: translations, review: review)
        }
        return Array(Self.ranked(Array(byPhrase.values)).prefix(limit))
    }

    /// Completions best first: score, then `usage` (set here), then the phrase, so equal ones
    /// come in a stable order. A phrase's attestations inside a longer phrase among `completions`
    /// (same corpus) count for the longer one only; the largest such count is taken off, a lower
    /// bound of the overlap when several longer phrases extend it. O(n²) in the candidates, a
    /// handful per query.
    static func ranked(_ completions: [PhraseCompletion]) -> [PhraseCompletion] {
        // Where the language has counts of its own (English, French), a phrase without one is
        // unattested there and ranks so; only a language no note counts (Khmer) borrows them.
        let ownCounts = completions.contains { $0.attestedOutOf != nil }
        let counts = completions.map { $0.rankingCount(borrowing: !ownCounts) }
        let keys = counts.map { Normalizer.key($0.wording) }
        var result = completions
        for i in result.indices {
            var covered = 0
            for j in result.indices where j != i && counts[j].corpus == counts[i].corpus && Self.extends(keys[j], keys[i]) {
                covered = max(covered, counts[j].notes)
            }
            result[i].usage = max(counts[i].notes - covered, 0) + completions[i].frequency
        }
        return result.sorted { ($0.score, $0.usage, $1.phrase) > ($1.score, $1.usage, $0.phrase) }
    }

    /// Whether phrase key `longer` is `shorter` followed by more words ("renew to" extends
    /// "renew", "renewal" does not); Khmer, written without spaces, extends at any character.
    static func extends(_ longer: String, _ shorter: String) -> Bool {
        guard longer.count > shorter.count, longer.hasPrefix(shorter), let last = shorter.unicodeScalars.last else { return false }
        let next = longer.unicodeScalars[longer.unicodeScalars.index(longer.unicodeScalars.startIndex, offsetBy: shorter.unicodeScalars.count)]
        return next.properties.isWhitespace || (0x1780...0x17FF).contains(last.value)
    }

    /// The attestation count of `unit`'s wording in a language other than `language` (the
    /// phrase's own has none): the one counted over the largest corpus, the lower tag on a tie
    /// (English's 184 notes over French's 22); nil when no variant records one.
    static func formulaAttestation(of unit: TranslationUnit, except language: Language) -> FormulaCount? {
        var best: FormulaCount?
        for variant in unit.variants where variant.language.language != language {
            guard let count = attestedCount(of: variant) else { continue }
            let tag = variant.language.description
            if let kept = best, (kept.outOf, tag) >= (count.outOf, kept.language) { continue }
            best = FormulaCount(notes: count.notes, outOf: count.outOf, language: tag, phrase: variant.text)
        }
        return best
    }

    /// A variant's `x-attested-count` ("144/184": attested in 144 of 184 notes); nil when it has
    /// none or the value is not "N/M" with N ≤ M.
    static func attestedCount(of variant: Variant) -> (notes: Int, outOf: Int)? {
        guard let value = variant.properties.first(where: { $0.type == "x-attested-count" })?.value else { return nil }
        let parts = value.split(separator: "/")
        guard parts.count == 2,
              let notes = Int(parts[0].filter { !$0.isWhitespace }),
              let outOf = Int(parts[1].filter { !$0.isWhitespace }),
              notes >= 0, notes <= outOf else { return nil }
        return (notes, outOf)
    }

    /// Phrases from several phrase sources, one per span and phrase, by position. A phrase
    /// below 100 whose span lies within an exact (100) phrase's is left out: the text there is
    /// that phrase, and "has the honour to propose" (80) listed on the span of "has the honour
    /// to inform" (100) is noise to a drafter reading while typing (review 1130d m8). Wider
    /// phrases and phrases beside it stay.
    public static func merged(_ lists: [[PhraseMatch]], limit: Int = 10) -> [PhraseMatch] {
        var seen = Set<String>()
        let all = lists.flatMap { $0 }
        let exact = all.filter { $0.score >= 100 }
        let best = all.sorted { ($0.score, $1.end - $1.start) > ($1.score, $0.end - $0.start) }
            .filter { seen.insert("\($0.start):\($0.end):\(Normalizer.key($0.phrase))").inserted }
            .filter { phrase in phrase.score >= 100 || !exact.contains { $0.start <= phrase.start && phrase.end <= $0.end } }
            .filter { phrase in !exact.contains { isOtherFormula(phrase, inside: $0) } }
        return Array(best.prefix(limit)).sorted { ($0.start, -$0.score) < ($1.start, -$1.score) }
    }

    /// Whether exact `phrase` lies strictly inside exact `wider` and is another formula, not
    /// the wider one's beginning or end: none of its translations is found in the wider one's.
    /// Khmer is written without spaces, so "នូវការគោរពដ៏ខ្ពង់ខ្ពស់" (the assurances of its *high*
    /// consideration) is found, at 100, inside "នូវការគោរពដ៏ខ្ពង់ខ្ពស់បំផុត" (*highest*): offered
    /// there, it is the lesser courtesy formula (review 1201b m5). "has the honour to" inside
    /// "has the honour to transmit herewith" stays: its translations begin the wider one's.
    static func isOtherFormula(_ phrase: PhraseMatch, inside wider: PhraseMatch) -> Bool {
        guard phrase.score >= 100, wider.score >= 100, wider.start <= phrase.start, phrase.end <= wider.end,
              wider.end - wider.start > phrase.end - phrase.start else { return false }
        let shared = phrase.translations.keys.filter { wider.translations[$0] != nil }
        guard !shared.isEmpty else { return false }
        return shared.allSatisfy { tag in
            guard let inner = phrase.translations[tag], let outer = wider.translations[tag] else { return false }
            return !Normalizer.key(outer).contains(Normalizer.key(inner))
        }
    }

    /// Completions from several phrase sources: frequencies of the same phrase add up, unless
    /// both sources offer it with the same translations — then it is the same formula in both
    /// (the default memory is seeded with the shipped phrases `suggest` also reads, and a memory
    /// merges a unit imported twice), counted once: the larger frequency, not the sum ("×2" for
    /// one unit: review 1201b m1). The attestation count is the largest one (the same notes
    /// attest it whichever memory holds it).
    public static func merged(_ lists: [[PhraseCompletion]], limit: Int) -> [PhraseCompletion] {
        var byPhrase: [String: PhraseCompletion] = [:]
        for completion in lists.flatMap({ $0 }) {
            let key = Normalizer.key(completion.phrase)
            if var existing = byPhrase[key] {
                existing.frequency = existing.translations == completion.translations
                    ? max(existing.frequency, completion.frequency) : existing.frequency + completion.frequency
                existing.score = max(existing.score, completion.score)
                if completion.attested > existing.attested { (existing.attested, existing.attestedOutOf) = (completion.attested, completion.attestedOutOf) }
                if let notes = completion.formulaAttested, let outOf = completion.formulaAttestedOutOf, let language = completion.formulaAttestedLanguage,
                   let phrase = completion.formulaPhrase {
                    existing.keepLargerFormulaCount(FormulaCount(notes: notes, outOf: outOf, language: language, phrase: phrase))
                }
                byPhrase[key] = existing
            } else {
                byPhrase[key] = completion
            }
        }
        return Array(ranked(Array(byPhrase.values)).prefix(limit))
    }

    static func review(of variant: Variant, in unit: TranslationUnit) -> String {
        variant.properties.first { $0.type == "x-review" }?.value ?? unit.metadata.review.rawValue
    }

    /// Spacing is not a phrase's business: a phrase starts mid-sentence after a space.
    static func unspaced(_ ids: [TokenIDs]) -> [TokenIDs] {
        ids.map { var id = $0; id.spaced = false; return id }
    }

    static func translations(of unit: TranslationUnit, except language: Language, targets: [LanguageTag]?) -> ([String: String], [String: String]) {
        var translations: [String: String] = [:], review: [String: String] = [:]
        for variant in unit.variants where variant.language.language != language {
            if let targets, !targets.contains(where: { $0.primary == variant.language.primary }) { continue }
            translations[variant.language.description] = variant.text
            review[variant.language.description] = variant.properties.first { $0.type == "x-review" }?.value ?? unit.metadata.review.rawValue
        }
        return (translations, review)
    }

    /// Sellers' algorithm: the text window [start, end) the phrase aligns with most cheaply.
    /// `cost(i, phraseToken)`: the price of text token `i` for a phrase token (`QueryTokens`).
    static func bestWindow(phrase: [TokenIDs], text: [TokenIDs], cost substitute: (Int, TokenIDs) -> Int,
                           aligner: TokenAlignment) -> (start: Int, end: Int, cost: Int)? {
        let k = phrase.count, n = text.count
        guard k > 0, n > 0 else { return nil }
        let width = n + 1
        var cost = [Int](repeating: 0, count: (k + 1) * width)
        var origin = [Int](repeating: 0, count: (k + 1) * width)
        for j in 0...n { origin[j] = j }
        fillAlignment(rows: k, columns: n, cost: &cost, origin: &origin,
                      rowStart: { i, above in (above + aligner.indelCost(phrase[i - 1]), 0) },
                      substitution: { i, j in substitute(j - 1, phrase[i - 1]) },
                      rowIndel: { i in aligner.indelCost(phrase[i - 1]) },
                      columnIndel: { j in aligner.indelCost(text[j - 1]) })
        var bestEnd = 1
        for j in 1...n where cost[k * width + j] < cost[k * width + bestEnd] { bestEnd = j }
        var start = origin[k * width + bestEnd], end = bestEnd
        // Trim unmatched punctuation at the window's edges.
        while start < end, text[start].isPunctuation, !(phrase.first?.isPunctuation ?? false) { start += 1 }
        while end > start, text[end - 1].isPunctuation, !(phrase.last?.isPunctuation ?? false) { end -= 1 }
        return (start, end, cost[k * width + bestEnd])
    }

    /// The cheapest alignment of the text's end (free start) with a phrase's beginning (free
    /// end): returns where in the text it starts, how much of the phrase it covers, its cost.
    /// `cost(i, phraseToken)`: the price of text token `i` for a phrase token (`QueryTokens`).
    /// `throughEnd`: the alignment may cover the whole phrase (its last word finishing a
    /// half-typed one); otherwise some of the phrase is left to offer.
    static func bestPrefix(phrase: [TokenIDs], text: [TokenIDs], cost substitute: (Int, TokenIDs) -> Int,
                           aligner: TokenAlignment, throughEnd: Bool = false) -> (textStart: Int, phraseEnd: Int, cost: Int)? {
        let k = phrase.count, n = text.count
        guard k > 0, n > 0 else { return nil }
        // Rows: text positions; columns: phrase positions. Free start in text: row start anywhere.
        let width = k + 1
        var cost = [Int](repeating: 0, count: (n + 1) * width)
        var origin = [Int](repeating: 0, count: (n + 1) * width)
        for i in 0...n { origin[i * width] = i }
        for j in 1...k { cost[j] = Int.max / 4 }
        fillAlignment(rows: n, columns: k, cost: &cost, origin: &origin,
                      rowStart: { i, _ in (0, i) },
                      substitution: { i, j in substitute(i - 1, phrase[j - 1]) },
                      rowIndel: { i in aligner.indelCost(text[i - 1]) },
                      columnIndel: { j in aligner.indelCost(phrase[j - 1]) })
        var bestEnd = 1
        for j in 1..<(throughEnd ? k + 1 : k) where cost[n * width + j] < cost[n * width + bestEnd] { bestEnd = j }
        guard bestEnd < k || k == 1 || throughEnd else { return nil }
        return (origin[n * width + bestEnd], bestEnd, cost[n * width + bestEnd])
    }

    /// Fills a (rows + 1) × (columns + 1) edit-distance table whose row 0 the caller has set,
    /// carrying in `origin` the column (or row) where each cell's cheapest alignment began, so
    /// both the free-window and the free-prefix searches above share one recurrence.
    /// `rowStart` gives column 0 of row i from column 0 of the row above. O(rows × columns).
    private static func fillAlignment(rows: Int, columns: Int, cost: inout [Int], origin: inout [Int],
                                      rowStart: (_ row: Int, _ costAbove: Int) -> (cost: Int, origin: Int),
                                      substitution: (Int, Int) -> Int, rowIndel: (Int) -> Int, columnIndel: (Int) -> Int) {
        let width = columns + 1
        for i in 1...rows {
            let start = rowStart(i, cost[(i - 1) * width])
            cost[i * width] = start.cost
            origin[i * width] = start.origin
            for j in 1...columns {
                let diagonal = cost[(i - 1) * width + j - 1] + substitution(i, j)
                let up = cost[(i - 1) * width + j] + rowIndel(i)
                let left = cost[i * width + j - 1] + columnIndel(j)
                if diagonal <= up, diagonal <= left {
                    cost[i * width + j] = diagonal; origin[i * width + j] = origin[(i - 1) * width + j - 1]
                } else if up <= left {
                    cost[i * width + j] = up; origin[i * width + j] = origin[(i - 1) * width + j]
                } else {
                    cost[i * width + j] = left; origin[i * width + j] = origin[i * width + j - 1]
                }
            }
        }
    }
}
