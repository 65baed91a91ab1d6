import Foundation
import GRDB
import VerbaleCore

extension SQLiteMemory {
    /// Finds variants containing every word of the query, ranks them and marks the hits.
    ///
    /// Retrieval: one FTS5 query (`"w1" AND "w2" …`) over the concordance index, newest first,
    /// capped at `max(500, 25 × limit)` candidates so a very common word costs a bounded
    /// read. Ranking, among those: the words together and in order first, then shorter texts
    /// (denser hits), then newer units. Cost: the postings of the rarest words plus one
    /// variant row per candidate; measured p50/p99 in `verbale-bench concordance`.
    public func concordance(_ query: ConcordanceQuery) throws -> ConcordanceResult {
        let words = ConcordanceWords()
        let queryWords = words.words(query.text, includingParts: false).map(\.key)
        guard !queryWords.isEmpty else {
            return ConcordanceResult(query: query.text, words: [], hits: [], examined: 0, more: false)
        }
        let match = queryWords.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
        let cap = max(500, 25 * query.limit)
        return try read { db in
            func candidateIDs(_ match: String) throws -> [Int64] {
                let candidates = try RawStatement(db, sql: "SELECT rowid FROM concordance WHERE concordance MATCH ? ORDER BY rowid DESC LIMIT ?")
                candidates.bind(1, match)
                candidates.bind(2, Int64(cap + 1))
                var ids: [Int64] = []
                while try candidates.step() { ids.append(candidates.int64(0)) }
                return ids
            }
            var ids = try candidateIDs(match)
            // Nothing as typed: the same words with their accents ignored (`ConcordanceAccents`).
            var accentsIgnored = false
            if ids.isEmpty, let widened = ConcordanceAccents.match(queryWords) {
                ids = try candidateIDs(widened)
                accentsIgnored = !ids.isEmpty
            }
            // Compared as found: folded when accents are ignored (Khmer keys are left as they are).
            let foldAccents = accentsIgnored
            let key: (String) -> String = { (word: String) -> String in foldAccents ? ConcordanceAccents.folded(word) : word }
            let wantedKeys = queryWords.map(key)
            let more = ids.count > cap
            if more { ids.removeLast() }
            let variants = try VariantTextReader(db)
            struct Candidate {
                var id: Int64; var language: String; var text: String; var words: [ConcordanceWords.Word]; var phrase: Bool
                /// Words, not counting the parts of Khmer compounds (density ranks a hit).
                var wholeWords: Int
            }
            var ranked: [Candidate] = []
            for id in ids {
                guard let (language, text) = try variants.variant(id: id) else { continue }
                if let wanted = query.language {
                    guard let tag = try? LanguageTag(parsing: language), wanted.matches(tag) else { continue }
                }
                var textWords = words.words(text)
                if accentsIgnored { for i in textWords.indices { textWords[i].key = key(textWords[i].key) } }
                ranked.append(Candidate(id: id, language: language, text: text, words: textWords,
                                        phrase: Self.containsPhrase(wantedKeys, in: textWords),
                                        wholeWords: textWords.count { !$0.isPart }))
            }
            ranked.sort { a, b in
                if a.phrase != b.phrase { return a.phrase }
                if a.wholeWords != b.wholeWords { return a.wholeWords < b.wholeWords }
                return a.id > b.id
            }
            let top = ranked.prefix(query.limit)
            let units = try UnitReader.units(ids: top.map { VariantID.unit(of: $0.id) }, in: db)
            var hits: [ConcordanceHit] = []
            for (candidate, stored) in zip(top, units) {
                // A text holding the query as a phrase is marked where the phrase is, so the
                // `l` of a query `l'Ambassade` does not mark every elided article (review
                // 1130c, m13); other texts are marked word by word.
                let wanted = Set(wantedKeys)
                let spans = candidate.phrase && wantedKeys.count > 1
                    ? Self.merge(Self.phraseOccurrences(wantedKeys, in: candidate.words), in: candidate.text)
                    : Self.merge(candidate.words.filter { wanted.contains($0.key) }.map(\.range), in: candidate.text)
                let ordinal = VariantID.ordinal(of: candidate.id)
                let translations = stored.unit.variants.enumerated().filter { $0.offset != ordinal }
                    .map { ConcordanceHit.Translation(language: $0.element.language.description, text: $0.element.text,
                                                      review: $0.element.review(in: stored.unit).rawValue) }
                let review = ordinal < stored.unit.variants.count ? stored.unit.variants[ordinal].review(in: stored.unit) : stored.unit.metadata.review
                hits.append(ConcordanceHit(
                    unit: stored.id, unitID: stored.unit.id, language: candidate.language, text: candidate.text,
                    marked: Self.mark(candidate.text, spans: spans, open: "[[", close: "]]"),
                    highlights: spans.map { ConcordanceHit.Span(start: $0.lowerBound, end: $0.upperBound) },
                    translations: translations, review: review.rawValue,
                    origin: stored.unit.metadata.origin, phrase: candidate.phrase))
            }
            return ConcordanceResult(query: query.text, words: queryWords, hits: hits, examined: ids.count, more: more, accentsIgnored: accentsIgnored)
        }
    }

    /// Whether the text's words (`ConcordanceWords.words`, in text order, Khmer compounds
    /// followed by their parts) hold `phrase` word after word. See `phraseOccurrences`.
    static func containsPhrase(_ phrase: [String], in words: [ConcordanceWords.Word]) -> Bool {
        !phraseOccurrences(phrase, in: words).isEmpty
    }

    /// Where the text's words hold `phrase` word after word: each occurrence from its first
    /// word's start to its last word's end (scalar offsets). Parts make the words a lattice,
    /// not a list: a word follows another when it starts at the first word start at or after
    /// that one's end, so `ក្រសួង ការ` is a phrase of `ក្រសួង​ការបរទេស` (through the part `ការ`)
    /// and `ការបរទេស នៃ` of `ការបរទេស​នៃ` (through the whole word). O(words · log words).
    static func phraseOccurrences(_ phrase: [String], in words: [ConcordanceWords.Word]) -> [Range<Int>] {
        guard let head = phrase.first, words.count >= phrase.count else { return [] }
        // The first word starting at or after `offset` (words are sorted by start).
        func firstStarting(atOrAfter offset: Int) -> Int {
            var low = 0, high = words.count
            while low < high {
                let middle = (low + high) / 2
                if words[middle].range.lowerBound < offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
        // Each path so far: where its first word starts, and the index of its last word.
        var reached = words.indices.filter { words[$0].key == head }.map { (start: words[$0].range.lowerBound, last: $0) }
        for key in phrase.dropFirst() {
            var next: [(start: Int, last: Int)] = []
            for path in reached {
                var j = firstStarting(atOrAfter: words[path.last].range.upperBound)
                let start = j < words.count ? words[j].range.lowerBound : 0
                while j < words.count, words[j].range.lowerBound == start {
                    if words[j].key == key, !next.contains(where: { $0 == (path.start, j) }) { next.append((path.start, j)) }
                    j += 1
                }
            }
            if next.isEmpty { return [] }
            reached = next
        }
        return reached.map { $0.start..<words[$0.last].range.upperBound }
    }

    /// Joins hit ranges separated only by white space, U+200B or apostrophes, or by one
    /// punctuation scalar inside a compound (`1,000`, `U.N`, `info@mfa.gov.kh` marked whole);
    /// overlapping ranges (a Khmer compound and its part both hit) become one.
    static func merge(_ ranges: [Range<Int>], in text: String) -> [Range<Int>] {
        let ranges = ranges.sorted { $0.lowerBound < $1.lowerBound }
        guard var current = ranges.first else { return [] }
        let scalars = Array(text.unicodeScalars)
        var merged: [Range<Int>] = []
        for range in ranges.dropFirst() {
            if range.lowerBound <= current.upperBound {
                current = current.lowerBound..<max(current.upperBound, range.upperBound)
                continue
            }
            let gap = scalars[min(current.upperBound, scalars.count)..<min(range.lowerBound, scalars.count)]
            let compound = gap.count == 1 && gap.first.map { !ConcordanceWords.isWordScalar($0) } == true
            if compound || gap.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{200B}" || $0 == "'" || $0 == "’" }) {
                current = current.lowerBound..<range.upperBound
            } else {
                merged.append(current)
                current = range
            }
        }
        merged.append(current)
        return merged
    }

    /// `text` with each span wrapped in `open` … `close` (spans in scalars, sorted).
    public static func mark(_ text: String, spans: [Range<Int>], open: String, close: String) -> String {
        var output = ""
        var offset = 0
        var index = spans.startIndex
        for scalar in text.unicodeScalars {
            if index < spans.endIndex, offset == spans[index].lowerBound { output += open }
            output.unicodeScalars.append(scalar)
            offset += 1
            if index < spans.endIndex, offset == spans[index].upperBound {
                output += close
                index += 1
            }
        }
        return output
    }
}

extension SQLiteMemory {
    /// How many texts contain `text`, by a full scan with SQL `LIKE` — what a memory without a
    /// word index must do. Only the concordance benchmark's baseline uses it. O(all text).
    public func scanCount(containing text: String) throws -> Int {
        try read { db in try VariantTextReader.countContaining(text, in: db) }
    }
}
