import Foundation
import VerbaleCore
import VerbaleGlossary
import VerbaleMemory

/// Pre-translates a draft: for each segment, the memory's best match when it is good enough,
/// else a translation assembled from what Verbale knows for sure — stock phrases of the shipped
/// memory, institution names, glossary entities (countries…), placeables (dates rendered in the
/// target language, references and numbers carried over) — with every other part left in the
/// source language and marked ⟦…⟧ for the translator.
///
/// Why assemble instead of guessing: a note verbale is mostly formulas and names; translating
/// those exactly and *showing* the rest is what a drafting officer can trust. Cost per segment:
/// one matcher search (the matcher's cost, sublinear in the memory), one tokenisation, one
/// glossary recognition and one placeable pass, all O(segment length).
public final class Pretranslator {
    public let sourceLanguage: Language
    public let book: StockPhraseBook
    public var matcher: FuzzyMatcher?
    public var glossary: DraftGlossary?
    /// Lowest memory score used instead of assembly.
    public var threshold = 75
    /// Whether segments assembled completely (formulas, names, dates: nothing left ⟦…⟧) are
    /// still looked up in the memory for an exact match. Off by default: the assembly of such
    /// segments is deterministic, and short segments (letterhead lines, "Geneva, 8 March 2024")
    /// are the matcher's slowest exact lookups on a large memory (≈ 20 ms each at 100k units).
    public var lookUpCompleteSegments = false
    private let spotter: PhraseSpotter
    private let segmenter: Segmenter
    private let tokenizer: Tokenizer
    private let namer: InstitutionNamer
    private let verbatim: VerbatimSpans
    private var glue: [String: StockPhrase] = [:]

    public init(book: StockPhraseBook, sourceLanguage: Language, matcher: FuzzyMatcher? = nil, glossary: DraftGlossary? = nil) throws(DraftError) {
        self.book = book
        self.sourceLanguage = sourceLanguage
        self.matcher = matcher
        self.glossary = glossary
        do {
            spotter = try PhraseSpotter(book: book, language: sourceLanguage)
            segmenter = try Segmenter(language: sourceLanguage)
            tokenizer = try Tokenizer(language: sourceLanguage)
            verbatim = try VerbatimSpans()
        } catch { throw .unreadable("segmentation rules", "\(error)") }
        namer = InstitutionNamer(glossary: glossary)
        for phrase in book.phrases {
            if let text = phrase.text(sourceLanguage), !text.contains(" ") { glue[Normalizer.key(text)] = phrase }
        }
    }

    public func pretranslate(_ text: String, to targets: [Language]) -> Pretranslation {
        var segments: [PretranslatedSegment] = []
        var previous: String?
        let wanted = targets.filter { $0 != sourceLanguage }
        for (index, segment) in segmenter.segments(of: text).enumerated() {
            var translations: [String: SegmentTranslation] = [:]
            for target in wanted { translations[target.rawValue] = assemble(segment.text, to: target) }
            // One memory search per segment for all targets, asking only for what could beat
            // the assembly: a segment assembled at 99 needs an exact match, which the index
            // answers from one length band (the search's cost falls with its threshold).
            let weakest = translations.values.map(\.score).min() ?? 0
            let complete = translations.values.allSatisfy { $0.untranslated.isEmpty && $0.method != "none" }
            if let matcher, weakest < 100, lookUpCompleteSegments || !complete,
               let matches = try? matcher.search(segment.text, language: sourceLanguage, targets: wanted.map { LanguageTag($0) },
                                                 threshold: max(threshold, weakest + 1), limit: 3, previousSegment: previous) {
                for target in wanted {
                    guard let assembled = translations[target.rawValue],
                          let better = Self.memoryTranslation(matches, target: target, beating: assembled.score) else { continue }
                    translations[target.rawValue] = better
                }
            }
            segments.append(PretranslatedSegment(index: index + 1, source: segment.text, start: segment.range.lowerBound,
                                                 end: segment.range.upperBound, targets: translations))
            previous = segment.text
        }
        return Pretranslation(sourceLanguage: sourceLanguage, targetLanguages: targets, segments: segments, source: text)
    }

    /// One segment in `target`: the memory match when it beats the assembly, else the assembly.
    public func translate(_ segment: String, to target: Language, previous: String? = nil) -> SegmentTranslation {
        let assembled = assemble(segment, to: target)
        guard let matcher, assembled.score < 100,
              let matches = try? matcher.search(segment, language: sourceLanguage, targets: [LanguageTag(target)],
                                                threshold: max(threshold, assembled.score + 1), limit: 1, previousSegment: previous),
              let better = Self.memoryTranslation(matches, target: target, beating: assembled.score) else { return assembled }
        return better
    }

    /// The best match that has a `target` text and scores above `score`, as a translation.
    static func memoryTranslation(_ matches: [FuzzyMatch], target: Language, beating score: Int) -> SegmentTranslation? {
        for match in matches where match.score > score {
            guard let (tag, text) = match.targets.first(where: { (try? LanguageTag(parsing: $0.key))?.language == target }) else { continue }
            var flags = [match.score >= 100 ? "exact" : "fuzzy"]
            if match.review[tag] == ReviewStatus.unreviewed.rawValue { flags.append("unreviewed") }
            return SegmentTranslation(text: text, score: match.score, method: "memory", flags: flags, formulas: match.unitID.map { [$0] } ?? [],
                                      untranslated: [], matchedSource: match.source,
                                      differences: match.score >= 100 ? [] : differences(match, target: tag))
        }
        return nil
    }

    /// What a fuzzy match's translation may lack or add: the diff between the draft and the
    /// matched segment as `search` writes it (`+not`), then each value of the draft the
    /// translation still holds the memory's value for (`not carried: 7 March 2022`). Why: the
    /// one word a 94 % match lacks can be the meaning of the note (review 1130c M2).
    static func differences(_ match: FuzzyMatch, target tag: String) -> [String] {
        match.diff.map(\.summary) + match.notCarried.filter { $0.language == tag }.map { "not carried: \($0.value)" }
    }

    // MARK: - Assembly

    private struct Output {
        var pieces: [String] = []
        var covered: [Range<Int>] = []
        var flags: Set<String> = []
        var formulas: [String] = []
        var untranslated: [String] = []
        /// The segment's length in scalars (whether a name stands alone in it).
        var segmentLength = 0
    }

    func assemble(_ segment: String, to target: Language) -> SegmentTranslation {
        // The place-and-date line as a whole, written as `draft new` writes it.
        if let (place, date) = PlaceDateLine.parse(segment, language: sourceLanguage, tokenizer: tokenizer) {
            let name = PlaceNames.name(place, in: target)
            // Khmer: "ធ្វើនៅ" and the date frame have no attested source (as in `draft new`).
            let unreviewed = target == .khmer || name.isUnreviewed
            return SegmentTranslation(text: PlaceDateLine.render(place: place, date: date, in: target), score: 99, method: "phrases",
                                      flags: ["name", "placeable"] + (unreviewed ? ["unreviewed"] : []), formulas: [],
                                      untranslated: [], matchedSource: nil)
        }
        // A Khmer line that is only a city: the recipient block's last line as `draft new` writes
        // it ("ទីក្រុងប៉ារីស", "រាជធានីភ្នំពេញ"). English and French find their cities in running
        // text (`PlaceNames.known`); Khmer, with no spaces to cut a name at, did not, and the line
        // stayed ⟦ទីក្រុងប៉ារីស⟧ while the place-and-date line beside it was read (review 1201a M5).
        if sourceLanguage == .khmer, let place = PlaceNames.english(of: segment, in: .khmer) {
            let name = PlaceNames.name(place, in: target)
            return SegmentTranslation(text: name.text, score: 99, method: "phrases", flags: ["name"] + (name.isUnreviewed ? ["unreviewed"] : []),
                                      formulas: [], untranslated: [], matchedSource: nil)
        }
        let scalars = Array(segment.unicodeScalars)
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        var out = Output()
        out.segmentLength = scalars.count
        var cursor = 0
        let spots = spotter.spots(in: segment)
        for spot in spots {
            if cursor < spot.range.lowerBound {
                translateGap(cursor..<spot.range.lowerBound, text: text, to: target, atStart: cursor == 0,
                             beforeFormula: spot.phrase.wordings[target] != nil, into: &out)
            }
            if let wording = spot.phrase.wordings[target] {
                let atStart = text(0..<spot.range.lowerBound).allSatisfy(\.isWhitespace)
                out.pieces.append(atStart && target != .khmer ? Self.capitalizedFirst(wording.text) : wording.text)
                out.covered.append(spot.range)
                out.flags.insert("formula")
                out.formulas.append(spot.phrase.id)
                if wording.isUnreviewed { out.flags.insert("unreviewed") }
            } else {
                out.pieces.append("⟦\(text(spot.range))⟧")
                out.untranslated.append(text(spot.range))
            }
            cursor = spot.range.upperBound
        }
        if cursor < scalars.count {
            translateGap(cursor..<scalars.count, text: text, to: target, atStart: cursor == 0, wholeSegment: cursor == 0, into: &out)
        }

        let words = spotter.wordTokens(segment).filter { $0.kind != .punctuation }
        let coveredWords = words.filter { word in out.covered.contains { $0.contains(word.range.lowerBound) } }.count
        let score = words.isEmpty ? 0 : min(99, coveredWords * 100 / words.count)
        if !out.untranslated.isEmpty { out.flags.insert("untranslated") }
        // The sentence's full stop after the last ⟦…⟧, in the target's form (review 1201a m8).
        if let last = out.pieces.lastIndex(where: { !$0.isEmpty }),
           let (piece, part) = UntranslatedSentenceEnd.moved(out.pieces[last], to: target) {
            if let entry = out.untranslated.indices.last, out.pieces[last].hasSuffix("⟦\(out.untranslated[entry])⟧") {
                out.untranslated[entry] = part
            }
            out.pieces[last] = piece
        }
        let joined = Self.join(out.pieces, language: target)
        let order = ["formula", "name", "entity", "placeable", "untranslated", "unreviewed"]
        return SegmentTranslation(text: joined, score: score, method: coveredWords == 0 ? "none" : "phrases",
                                  flags: order.filter(out.flags.contains), formulas: out.formulas, untranslated: out.untranslated,
                                  matchedSource: nil)
    }

    /// Translates the text between formulas: institution names, then glossary entities,
    /// placeables and one-word glue ("and" → "et"); the rest is marked untranslated.
    /// `beforeFormula`: a translated formula follows the gap (so an "and" ending it joins the
    /// opening's clauses: "… Affairs and has the honour …").
    private func translateGap(_ range: Range<Int>, text: (Range<Int>) -> String, to target: Language, atStart: Bool,
                              wholeSegment: Bool = false, beforeFormula: Bool = false, into out: inout Output) {
        // Split at commas and " and " so "the Office … (OHCHR) and, with reference to …" yields
        // the name alone.
        let gap = text(range)
        // A labelled list of references ("Nos. 12 and 13", "លេខ ១២ និង ១៣") is one part, written
        // whole in the target's label, connective and digits: split at its "and", the Khmer
        // would take the clause conjunction (ហើយ) and a Khmer list would keep និង untranslated.
        let lists = ReferenceList.lists(in: gap, placeables: tokenizer.placeables(in: gap))
            .filter(\.isUnambiguousInText)
        var listParts: [Range<Int>: ReferenceList] = [:]
        for list in lists { listParts[(range.lowerBound + list.range.lowerBound)..<(range.lowerBound + list.range.upperBound)] = list }
        var parts: [Range<Int>] = []
        var conjunctions: Set<Range<Int>> = []
        var partStart = range.lowerBound
        let gapScalars = Array(gap.unicodeScalars)
        // An "and"/« et » (or a comma: "Bonaire, Sint Eustatius and Saba") inside a glossary
        // term is the term's own, not a split point:
        // "Ambassador Extraordinary and Plenipotentiary" is one title, which split at "and"
        // came out « ambassadeur ⟦Extraordinary⟧ et ⟦Plenipotentiary⟧ » (review 1130g M2).
        // The recogniser matches longest first, so the longest term wins. Cost: one glossary
        // recognition of the gap.
        let terms = glossary?.recognize(gap, language: sourceLanguage).map(\.range) ?? []
        func insideTerm(_ conjunction: Range<Int>) -> Bool {
            terms.contains { $0.lowerBound < conjunction.lowerBound && conjunction.upperBound < $0.upperBound }
        }
        var i = 0
        while i < gapScalars.count {
            let absolute = range.lowerBound + i
            if let list = listParts.keys.first(where: { $0.lowerBound == absolute }) {
                if partStart < absolute { parts.append(partStart..<absolute) }
                parts.append(list)
                partStart = list.upperBound
                i = list.upperBound - range.lowerBound
                continue
            }
            if gapScalars[i] == ",", !insideTerm(i..<(i + 1)) {
                if partStart < absolute { parts.append(partStart..<absolute) }
                parts.append(absolute..<(absolute + 1))
                partStart = absolute + 1
            } else if let conjunction = Self.conjunction(at: i, in: gapScalars), !insideTerm((i + 1)..<(i + 1 + conjunction)) {
                if partStart < absolute { parts.append(partStart..<absolute) }
                parts.append((absolute + 1)..<(absolute + 1 + conjunction))
                conjunctions.insert((absolute + 1)..<(absolute + 1 + conjunction))
                partStart = absolute + 1 + conjunction
                i += 1 + conjunction
                continue
            }
            i += 1
        }
        if partStart < range.upperBound { parts.append(partStart..<range.upperBound) }

        let gapStart = out.pieces.count
        var pendingAnds: [(piece: Int, part: Range<Int>)] = []
        var n = 0
        while n < parts.count {
            let part = parts[n]
            let piece = text(part)
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { n += 1; continue }
            if let list = listParts[part] {
                let rendered = PlaceableRendering.references(list.identifiers, label: list.label, in: target)
                out.pieces.append(rendered)
                out.covered.append(part)
                out.flags.insert("placeable")
                // The Khmer label and និង are Verbale's words, not an attested source's.
                if target == .khmer { out.flags.insert("unreviewed") }
                n += 1
                continue
            }
            if trimmed == "," || trimmed == ";" || trimmed == ":" {
                if var last = out.pieces.popLast() { last += trimmed; out.pieces.append(last) } else { out.pieces.append(trimmed) }
                n += 1
                continue
            }
            if [".", "!", "?", "។"].contains(trimmed) {
                let mark = target == .khmer ? "។" : (trimmed == "។" ? "." : trimmed)
                if var last = out.pieces.popLast() { last += mark; out.pieces.append(last) } else { out.pieces.append(mark) }
                n += 1
                continue
            }
            // The longest run of parts from here that is one institution name ("… Office and
            // other International Organisations at Geneva" spans an "and").
            var named = false
            for last in stride(from: parts.count - 1, through: n, by: -1) {
                let span = part.lowerBound..<parts[last].upperBound
                let candidate = text(span).trimmingCharacters(in: .whitespaces)
                let alone = wholeSegment && n == 0 && last == parts.count - 1
                if let name = institutionName(candidate, to: target, atStart: atStart && n == 0, alone: alone, out: &out) {
                    out.pieces.append(name)
                    out.covered.append(span)
                    out.flags.insert("name")
                    n = last + 1
                    named = true
                    break
                }
            }
            if named { continue }
            // An "and" that does not end the gap before a formula (Khmer ហើយ joins clauses
            // only) is decided once its neighbours are known (`resolveAnds`), in every target.
            // A comma after it still ends the gap: "… Affairs and, with reference to …" joins
            // the opening's clauses as "… Affairs and has the honour …" does (it stayed ⟦and⟧ in
            // Khmer; review 1130g).
            let endsGap = parts[(n + 1)...].allSatisfy { text($0).allSatisfy { $0.isWhitespace || $0 == "," } }
            if conjunctions.contains(part), !(endsGap && beforeFormula) {
                pendingAnds.append((out.pieces.count, part))
                out.pieces.append("⟦\(trimmed)⟧")
                out.untranslated.append(trimmed)
                n += 1
                continue
            }
            translateWords(part, text: text, to: target, into: &out)
            n += 1
        }
        resolveAnds(pendingAnds, gapStart: gapStart, to: target, into: &out)
    }

    /// The "and" of a gap, which the pieces around it decide (review 1130c m3: ហើយ, the
    /// clause "and", joined nouns — "⟦Minister for Europe⟧ ហើយ ⟦Foreign Affairs⟧"). Khmer:
    /// between two translated parts of the gap (names, entities, placeables) it is និង, the
    /// "and" of attested Khmer names (Verbale's word here: unreviewed); beside an untranslated
    /// part Verbale cannot tell what it joins, so it stays in the source language inside that
    /// part's ⟦…⟧ ("⟦Minister for Europe and Foreign Affairs⟧"). English and French: with
    /// untranslated words on both sides it stays inside one ⟦…⟧ the same way — « au ⟦Ministère
    /// de l'Europe et des Affaires étrangères⟧ », not "⟦Ministère de l'Europe⟧ and ⟦des Affaires
    /// étrangères⟧", which read as two addressees (review 1130g M4) —; elsewhere it is the
    /// stock phrases' one-word wording ("and" → « et »), as before. `pending` holds the indices
    /// of the "⟦and⟧" pieces, each with its own `untranslated` entry, and the source part.
    /// Cost: O(pieces of the gap).
    private func resolveAnds(_ pending: [(piece: Int, part: Range<Int>)], gapStart: Int, to target: Language, into out: inout Output) {
        func isUntranslated(_ index: Int) -> Bool {
            index >= gapStart && index < out.pieces.count && out.pieces[index].hasPrefix("⟦") && out.pieces[index].hasSuffix("⟧")
        }
        func isTranslated(_ index: Int) -> Bool {
            index >= gapStart && index < out.pieces.count && !out.pieces[index].contains("⟦")
        }
        for (at, part) in pending.reversed() {
            // The entry of piece `at` in `untranslated`: one entry per ⟦…⟧ piece, in order.
            let later = out.pieces[(at + 1)...].filter { $0.contains("⟦") }.count
            let entry = out.untranslated.count - 1 - later
            if target == .khmer, isTranslated(at - 1), isTranslated(at + 1) {
                out.pieces[at] = "និង"
                out.untranslated.remove(at: entry)
                out.flags.insert("unreviewed")
                continue
            }
            // Punctuation the gap appended to the "and" piece ("and," before "with reference
            // to") stays after it; such an "and" is not merged (its comma would be lost).
            let word = out.untranslated[entry]
            let trailing = out.pieces[at].hasPrefix("⟦\(word)⟧") ? String(out.pieces[at].dropFirst(word.count + 2)) : ""
            if target != .khmer, !trailing.isEmpty || !(isUntranslated(at - 1) && isUntranslated(at + 1)) {
                guard let wording = glue[Normalizer.key(word)]?.wordings[target] else { continue }
                out.pieces[at] = wording.text + trailing
                out.untranslated.remove(at: entry)
                out.covered.append(part)
                out.flags.insert("formula")
                if wording.isUnreviewed { out.flags.insert("unreviewed") }
                continue
            }
            if isUntranslated(at + 1) {
                out.untranslated[entry] += " " + out.untranslated[entry + 1]
                out.untranslated.remove(at: entry + 1)
                out.pieces.remove(at: at + 1)
                out.pieces[at] = "⟦\(out.untranslated[entry])⟧"
            }
            if isUntranslated(at - 1) {
                out.untranslated[entry - 1] += " " + out.untranslated[entry]
                out.untranslated.remove(at: entry)
                out.pieces.remove(at: at)
                out.pieces[at - 1] = "⟦\(out.untranslated[entry - 1])⟧"
            }
        }
    }

    /// "the Office of the High Commissioner for Human Rights (OHCHR)" → "au Haut-Commissariat …"
    /// when the head and every qualifier are known; nil otherwise.
    /// `alone`: the name is the whole segment (a letterhead or an address line), written
    /// without article.
    private func institutionName(_ piece: String, to target: Language, atStart: Bool, alone: Bool = false, out: inout Output) -> String? {
        var core = piece
        var trailing = ""
        if core.hasSuffix("."), !core.hasSuffix("..") { core.removeLast(); trailing = target == .khmer ? "។" : "." }
        var acronym = ""
        if core.hasSuffix(")"), let open = core.lastIndex(of: "(") {
            acronym = " " + core[open...]
            core = String(core[..<open]).trimmingCharacters(in: .whitespaces)
        }
        var hasArticle = core.lowercased().hasPrefix("the ")
        // A Khmer or French name is read back to English first, then named like an English one;
        // it takes the article unless it stands alone (a letterhead or recipient line).
        switch sourceLanguage {
        case .khmer:
            if core.hasSuffix("។") { core.removeLast(); trailing = target == .khmer ? "។" : "." }
            guard let english = namer.englishName(fromKhmer: core) else { return nil }
            core = english
            hasArticle = !alone
        case .french:
            guard let (english, hadArticle) = namer.englishName(fromFrench: core) else { return nil }
            core = english
            hasArticle = hadArticle || !alone
        case .english:
            break
        }
        let name = namer.name(core, in: target)
        guard name.untranslated.isEmpty, Self.startsWithHead(core) else { return nil }
        if name.isUnreviewed { out.flags.insert("unreviewed") }
        var rendered: String
        switch target {
        case .english: rendered = hasArticle ? name.withArticle(capitalized: atStart) : name.text
        case .khmer: rendered = name.text
        case .french:
            if hasArticle, let last = out.pieces.last, last.hasSuffix(" à") {
                out.pieces[out.pieces.count - 1] = String(last.dropLast(2))
                rendered = name.dative
            } else if hasArticle, let last = out.pieces.last, last.hasSuffix(" de") {
                out.pieces[out.pieces.count - 1] = String(last.dropLast(3))
                rendered = name.genitive
            } else {
                rendered = hasArticle ? name.withArticle(capitalized: atStart) : name.text
            }
        }
        return rendered + acronym + trailing
    }

    /// `text` with its head written as the name table writes it: the glossary's common term
    /// "embassy" (ស្ថានទូត) is "Embassy". Why (review 1201b m7): a Khmer sentence opening with
    /// its sender was "The embassy ⟦…⟧." in English, where a note names its sender "The
    /// Embassy" (and French already wrote « L'Ambassade », from the same row). A leading "the"
    /// is kept as it is; the words after the head are untouched.
    static func headAsTabled(_ text: String) -> String {
        let hasThe = text.lowercased().hasPrefix("the ")
        let rest = hasThe ? String(text.dropFirst(4)) : text
        guard let row = InstitutionNamer.row(of: InstitutionNamer.heads, startingWith: rest),
              row.english.count <= rest.count else { return text }
        return (hasThe ? String(text.prefix(4)) : "") + row.english + rest.dropFirst(row.english.count)
    }

    private static func startsWithHead(_ text: String) -> Bool {
        var rest = text.lowercased()
        if rest.hasPrefix("the ") { rest = String(rest.dropFirst(4)) }
        return InstitutionNamer.heads.contains { rest.hasPrefix($0.english.lowercased()) }
    }

    /// Placeables, glossary entities and glue words in `range`; the rest marked ⟦…⟧.
    private func translateWords(_ range: Range<Int>, text: (Range<Int>) -> String, to target: Language, into out: inout Output) {
        let piece = text(range)
        var replacements: [(Range<Int>, String, String)] = []   // local range, text, flag
        let scalars = Array(piece.unicodeScalars)
        let placeables = tokenizer.placeables(in: piece)
        // Names with digits ("COVID-19") and phone numbers are carried whole, as typed; dates,
        // references, e-mails and URLs (typed placeables) win over them, bare numbers do not.
        // A reference after "telephone" (ទូរស័ព្ទលេខ ០១២ ៣៤៥ ៦៧៨) is a phone number, not a note's
        // "No." (review 1130d M8): its label stays with the words before it.
        let carried = verbatim.spans(in: piece)
        let typed = placeables.filter { $0.kind != .number && !Self.isPhoneNumber($0, carried: carried, in: scalars) }
        for span in carried where !typed.contains(where: { $0.range.overlaps(span) }) {
            // Khmer digits are unreadable in an English or French note: Latin ones there (as
            // placeables are rendered); a Khmer note keeps the digits as typed.
            let typedText = String(String.UnicodeScalarView(scalars[span]))
            replacements.append((span, target == .khmer ? typedText : Digits.ascii(typedText), "placeable"))
        }
        for placeable in placeables where !replacements.contains(where: { $0.0.overlaps(placeable.range) }) {
            let rendered = placeable.rendered(in: target)
            replacements.append((placeable.range, rendered, "placeable"))
            // Khmer words in a rendering (month names, "ថ្ងៃទី") come from a list in code, not an
            // attested source: unreviewed. Khmer digits alone are a mechanical mapping.
            if target == .khmer, rendered.unicodeScalars.contains(where: { (0x1780...0x17D3).contains($0.value) }) {
                out.flags.insert("unreviewed")
            }
        }
        if let glossary {
            let segmentLength = out.segmentLength
            let occurrences = glossary.recognize(piece, language: sourceLanguage).map {
                Self.withClosingFullStop($0, in: scalars, segmentContinues: { end in
                    !text((range.lowerBound + end)..<segmentLength).allSatisfy(\.isWhitespace)
                })
            }
            for occurrence in occurrences
            where !replacements.contains(where: { $0.0.overlaps(occurrence.range) }) {
                // "Chad Smith", "Jordan Lee": a country's short name followed by a capitalised
                // word is a person's first name, left in ⟦…⟧ (review 1130d m6).
                if occurrence.concept.id.hasPrefix("iso3166"), occurrence.term.termType != "fullForm",
                   Self.startsPersonName(occurrence.range, in: scalars, language: sourceLanguage,
                                         entityStarts: Set(occurrences.map(\.range.lowerBound))) { continue }
                // "Deputy Prime Minister": a longer title the glossary does not know stays whole
                // in ⟦…⟧ rather than "⟦Deputy⟧ Premier ministre" (review 1130c m9).
                if occurrence.term.partOfSpeech != "properNoun", Self.extendsTitle(occurrence.range, in: scalars, language: sourceLanguage) { continue }
                // A country by its running-text name: "South Korea", « Corée du Sud », not the
                // catalogue's "Korea, Republic of", « Corée, République de ».
                let isCountry = occurrence.concept.id.hasPrefix("iso3166")
                let equivalents = occurrence.equivalents(in: LanguageTag(target))
                let term = isCountry ? InstitutionNamer.runningTextName(equivalents) : equivalents.first
                if let (covered, rendered) = institutionEntity(occurrence, in: scalars, piece: range, text: text, to: target, out: &out) {
                    replacements.append((covered, rendered, "name"))
                    // The glossary's doubt about its own term stays on the segment.
                    if term?.review == .unreviewed { out.flags.insert("unreviewed") }
                    continue
                }
                guard let term else { continue }
                if target == .english, sourceLanguage != .english, isCountry {
                    let (covered, rendered) = englishCountry(term, at: occurrence.range, in: scalars, piece: range, text: text,
                                                             segmentLength: out.segmentLength)
                    if term.review == .unreviewed || (occurrence.term.termType == "fullForm" && term.termType != "fullForm") {
                        out.flags.insert("unreviewed")
                    }
                    replacements.append((covered, rendered, "entity"))
                    continue
                }
                if target == .french, isCountry,
                   let (covered, rendered) = frenchCountryAfterPreposition(occurrence, in: scalars, out: &out) {
                    if term.review == .unreviewed { out.flags.insert("unreviewed") }
                    replacements.append((covered, rendered, "entity"))
                    continue
                }
                // A short name standing in for a formal one the target has no sound term for
                // ("Grand Duchy of Luxembourg" → លុចហ្សំបួរ: the catalogue's formal name,
                // "Kingdom of Luxembourg", is doubted) is unreviewed, as in `draft new` (review 1130d M5).
                let standsIn = occurrence.term.termType == "fullForm" && term.termType != "fullForm"
                if term.review == .unreviewed || standsIn { out.flags.insert("unreviewed") }
                replacements.append((occurrence.range, term.text, "entity"))
            }
        }
        for (place, english) in PlaceNames.known(in: sourceLanguage) {
            var from = piece.startIndex
            while let found = piece.range(of: place, range: from..<piece.endIndex) {
                let lower = piece.unicodeScalars.distance(from: piece.unicodeScalars.startIndex, to: found.lowerBound)
                let local = lower..<(lower + place.unicodeScalars.count)
                // A whole word: not "Paris" in "Parisian".
                let whole = Self.wordStartsAt(local.lowerBound, in: scalars)
                    && (local.upperBound == scalars.count || !scalars[local.upperBound].properties.isAlphabetic)
                if whole, !replacements.contains(where: { $0.0.overlaps(local) }) {
                    let name = PlaceNames.name(english, in: target)
                    replacements.append((local, name.text, "name"))
                    if name.isUnreviewed { out.flags.insert("unreviewed") }
                }
                from = found.upperBound
            }
        }
        for token in tokenizer.tokenize(piece) where token.kind == .word && !replacements.contains(where: { $0.0.overlaps(token.range) }) {
            if let phrase = glue[token.key], let wording = phrase.wordings[target] {
                replacements.append((token.range, wording.text, "formula"))
                if wording.isUnreviewed { out.flags.insert("unreviewed") }
            }
        }
        replacements.sort { $0.0.lowerBound < $1.0.lowerBound }
        var cursor = 0
        func flush(_ upTo: Int) {
            guard cursor < upTo else { return }
            let raw = String(String.UnicodeScalarView(scalars[cursor..<upTo]))
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
                out.pieces.append("⟦\(trimmed)⟧")
                out.untranslated.append(trimmed)
            } else if !trimmed.isEmpty {
                let mark = target == .khmer && trimmed == "." ? "។" : (target != .khmer && trimmed == "។" ? "." : trimmed)
                if [".", ",", ";", ":", ")", "។"].contains(mark), let last = out.pieces.last {
                    out.pieces[out.pieces.count - 1] = last + mark
                } else {
                    out.pieces.append(mark)
                }
            }
        }
        for (local, replacement, flag) in replacements {
            flush(local.lowerBound)
            out.pieces.append(replacement)
            out.covered.append((range.lowerBound + local.lowerBound)..<(range.lowerBound + local.upperBound))
            out.flags.insert(flag)
            cursor = local.upperBound
        }
        flush(scalars.count)
    }

    /// An institution the glossary found inside running text ("ក្រសួងការបរទេស", "the Ministry
    /// of Foreign Affairs"), written as the name table writes it: with its article ("The
    /// Ministry …", « Le Ministère … », « L'Ambassade royale … ») and a capital at the start of
    /// the segment. Why: the bare glossary term gave "Royal Embassy ⟦…⟧ Ministry of Foreign
    /// Affairs the assurances …" and a French segment starting « ministère des Affaires
    /// étrangères ⟦…⟧ » (review 1130c m9). Khmer has no articles, so a Khmer source's name
    /// takes one; an English or French source's takes one where it had one, which the
    /// replacement then covers. Nil (the glossary term as it is) unless the name table reads the
    /// concept's English name whole.
    private func institutionEntity(_ occurrence: TermOccurrence, in scalars: [Unicode.Scalar], piece: Range<Int>,
                                   text: (Range<Int>) -> String, to target: Language, out: inout Output) -> (Range<Int>, String)? {
        let glossaryEnglish = sourceLanguage == .english ? occurrence.text : occurrence.equivalents(in: LanguageTag(.english)).first?.text
        guard let glossaryEnglish, Self.startsWithHead(glossaryEnglish) else { return nil }
        let english = target == .english ? Self.headAsTabled(glossaryEnglish) : glossaryEnglish
        let name = namer.name(english, in: target)
        guard name.untranslated.isEmpty, name.grammarKnown else { return nil }
        // The source's own article, just before the name.
        let before = String(String.UnicodeScalarView(scalars[0..<occurrence.range.lowerBound]))
        let articles = sourceLanguage == .english ? ["the "] : ["le ", "la ", "les ", "l'", "l’"]
        let article = sourceLanguage == .khmer ? nil
            : articles.first { before.lowercased().hasSuffix($0) && Self.wordStartsAt(before.unicodeScalars.count - $0.unicodeScalars.count, in: scalars) }
        guard sourceLanguage == .khmer || article != nil else { return nil }
        let start = occurrence.range.lowerBound - (article?.unicodeScalars.count ?? 0)
        let atStart = text(0..<(piece.lowerBound + start)).allSatisfy { $0.isWhitespace }
        if name.isUnreviewed { out.flags.insert("unreviewed") }
        let rendered = target == .khmer ? name.text : name.withArticle(capitalized: atStart)
        return (start..<occurrence.range.upperBound, rendered)
    }

    /// A country right after a piece ending in « de » or « à » — the agrément formula's « …
    /// l'agrément du Gouvernement de » + "Japan" —, contracted with its article as `draft new`
    /// writes the same name (`InstitutionNamer.countryName`, then `InstitutionName.genitive` /
    /// `dative`, and `InstitutionNamer.frenchCountry(_:after:)` for the head the piece ends
    /// with: « l'Ambassade de France »): « du Japon », « de la Thaïlande », « des Philippines »,
    /// « des États-Unis », where the bare name gave « de Japon », « de ⟦the⟧ Philippines »
    /// (review 1130g M5). An English source's "the" before the name is read with it. Nil when
    /// anything else stands between the piece and the name, or the name table cannot name it;
    /// else the range covered and the French, and the preposition is taken off the piece.
    private func frenchCountryAfterPreposition(_ occurrence: TermOccurrence, in scalars: [Unicode.Scalar],
                                               out: inout Output) -> (Range<Int>, String)? {
        guard let last = out.pieces.last, !last.hasSuffix("⟧"),
              let preposition = [" de", " à"].first(where: { (" " + last).hasSuffix($0) }) else { return nil }
        let before = String(String.UnicodeScalarView(scalars[0..<occurrence.range.lowerBound]))
        let opener = before.trimmingCharacters(in: .whitespaces)
        guard opener.isEmpty || (sourceLanguage == .english && opener.lowercased() == "the") else { return nil }
        let start = opener.isEmpty ? occurrence.range.lowerBound : before.unicodeScalars.count - before.drop { $0 == " " }.unicodeScalars.count
        let english = sourceLanguage == .english ? String(String.UnicodeScalarView(scalars[start..<occurrence.range.upperBound]))
            : occurrence.equivalents(in: LanguageTag(.english)).first?.text
        guard let english, case let (country?, _) = namer.countryName(english, in: .french), country.untranslated.isEmpty else { return nil }
        let stem = String((" " + last).dropLast(preposition.count)).trimmingCharacters(in: .whitespaces)
        let rendered: String
        if preposition == " de" {
            let head = InstitutionNamer.heads.first { stem.lowercased().hasSuffix($0.french.lowercased()) }
            let (text, unattested) = InstitutionNamer.frenchCountry(country, after: head)
            rendered = text
            if unattested != nil { out.flags.insert("unreviewed") }
        } else {
            rendered = country.dative
        }
        if country.isUnreviewed { out.flags.insert("unreviewed") }
        out.pieces[out.pieces.count - 1] = stem
        return (start..<occurrence.range.upperBound, rendered)
    }

    /// A country the glossary found in a Khmer or French sentence, in English: its running-text
    /// name ("South Korea", not the catalogue's "Korea, Republic of") with "the" where English
    /// writes one — "the Philippines", "the Republic of Korea", "the United States", "the French
    /// Republic", but "France", "Cambodia" (`EnglishCountryArticle`, the rule names read from
    /// Khmer and French already follow). Why: the bare glossary term gave "the meeting between
    /// Philippines and Cambodia", "Netherlands and Thailand took part" (review 1130e m5, left out
    /// last stop). A French source's own article, or « du », « des », « de la », « de l' », just
    /// before the name is read with it (« les Philippines » → "the Philippines", « la France » →
    /// "France", « des États-Unis » → "of the United States") instead of staying ⟦les⟧ beside a
    /// "the"; « au », « aux », « en » are left to the translator (to or in). A name alone in its
    /// segment (an address line) takes no article, as an institution's name alone does.
    /// Returns the range covered (the name, and the French article read with it) and the English.
    private func englishCountry(_ term: Term, at range: Range<Int>, in scalars: [Unicode.Scalar], piece: Range<Int>,
                                text: (Range<Int>) -> String, segmentLength: Int) -> (Range<Int>, String) {
        var start = range.lowerBound
        var preposition = ""
        if sourceLanguage == .french {
            let before = String(String.UnicodeScalarView(scalars[0..<range.lowerBound])).lowercased()
            let openers: [(String, String)] = [("de la ", "of "), ("de l'", "of "), ("de l’", "of "), ("des ", "of "), ("du ", "of "),
                                               ("les ", ""), ("la ", ""), ("le ", ""), ("l'", ""), ("l’", "")]
            if let (french, english) = openers.first(where: { before.hasSuffix($0.0) }) {
                let at = range.lowerBound - french.unicodeScalars.count
                if Self.wordStartsAt(at, in: scalars) {
                    start = at
                    preposition = english
                }
            }
        }
        let absoluteStart = piece.lowerBound + start
        let atStart = text(0..<absoluteStart).allSatisfy { $0.isWhitespace }
        let after = piece.lowerBound + range.upperBound
        let alone = atStart && text(after..<segmentLength).allSatisfy { !$0.isLetter }
        var rendered = preposition + (alone ? term.text : EnglishCountryArticle.afterOf(term.text, formal: term.termType == "fullForm"))
        if atStart { rendered = Self.capitalizedFirst(rendered) }
        return (start..<range.upperBound, rendered)
    }

    /// A term that ends in an abbreviation's full stop ("Chargé d'affaires, a.i.", « chargé
    /// d’affaires a.i. ») matched without it — recognition compares words, punctuation aside —
    /// takes the full stop after it in the text, so the translation replaces it too: it was left
    /// behind, « Chargé d’affaires ad interim ⟦. of⟧ l'Ambassade » (review 1130g m7). Not when
    /// the full stop ends the segment ("He is Chargé d'affaires a.i."): there it is also the
    /// sentence's, which the target keeps. `segmentContinues(end)`: whether anything but spaces
    /// follows scalar `end` of the piece in the segment.
    static func withClosingFullStop(_ occurrence: TermOccurrence, in scalars: [Unicode.Scalar],
                                    segmentContinues: (Int) -> Bool) -> TermOccurrence {
        let end = occurrence.range.upperBound
        guard occurrence.term.text.hasSuffix("."), !occurrence.text.hasSuffix("."), end < scalars.count, scalars[end] == ".",
              segmentContinues(end + 1) else { return occurrence }
        var extended = occurrence
        extended.range = occurrence.range.lowerBound..<(end + 1)
        extended.text += "."
        return extended
    }

    /// Whether position `i` of `scalars` starts a word (nothing or a non-letter before it).
    static func wordStartsAt(_ i: Int, in scalars: [Unicode.Scalar]) -> Bool {
        i == 0 || !scalars[i - 1].properties.isAlphabetic
    }

    /// Whether the name at `range` is followed by a capitalised word that no glossary term
    /// starts and that is not an institution's first word ("Chad Smith", not "Thailand Embassy"
    /// or "France Thailand"): then it is a first name. Not for Khmer, which has no capitals.
    static func startsPersonName(_ range: Range<Int>, in scalars: [Unicode.Scalar], language: Language, entityStarts: Set<Int>) -> Bool {
        guard language != .khmer, range.upperBound + 1 < scalars.count, scalars[range.upperBound] == " ",
              scalars[range.upperBound + 1].properties.isUppercase, !entityStarts.contains(range.upperBound + 1) else { return false }
        var end = range.upperBound + 1
        while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
        let word = String(String.UnicodeScalarView(scalars[(range.upperBound + 1)..<end])).lowercased()
        return !institutionWords.contains(word)
    }

    /// The first words of the name table's heads in English and French ("embassy", "ministry",
    /// "ambassade", "royal"…), which may follow a country's name.
    static let institutionWords: Set<String> = Set(NameTable.shipped.rows("head").flatMap { row in
        [row.english, row.french].compactMap { $0.split(separator: " ").first.map { $0.lowercased() } }
    })

    /// Words for a telephone or fax line that a number label (លេខ, "No.", « n° ») may follow.
    static let phoneWords = ["ទូរស័ព្ទ", "ទូរសារ", "telephone", "phone", "tel", "fax", "téléphone", "télécopie", "portable", "mobile"]

    /// Whether `placeable` is a reference whose number is a phone number (a carried span ends
    /// it) written after a telephone word: "ទូរស័ព្ទលេខ ០១២ ៣៤៥ ៦៧៨", "telephone No. 012 345 678".
    static func isPhoneNumber(_ placeable: Placeable, carried: [Range<Int>], in scalars: [Unicode.Scalar]) -> Bool {
        guard placeable.kind == .reference,
              carried.contains(where: { $0.upperBound == placeable.range.upperBound && $0.lowerBound > placeable.range.lowerBound }) else { return false }
        let before = String(String.UnicodeScalarView(scalars[0..<placeable.range.lowerBound].filter { $0 != " " && $0.value != 0x200B }))
            .lowercased()
        return phoneWords.contains { before.hasSuffix($0) }
    }

    /// Words that may stand, capitalised, just before a title without being part of it:
    /// articles, possessives and forms of address ("The Prime Minister", "His Excellency",
    /// « Son Excellence », « Mme »).
    static let beforeTitle: Set<String> = ["the", "a", "an", "his", "her", "its", "their", "our", "your", "my", "this", "that",
                                           "mr", "mrs", "ms", "dr", "excellency", "excellencies", "h", "e", "le", "la", "les",
                                           "l", "un", "une", "son", "sa", "ses", "leur", "m", "mme", "excellence", "monsieur", "madame"]

    /// Whether the term at `range` (a title or common term: a proper name before a capitalised
    /// word, "On Monday Thailand …", is still a name) is the end of a longer capitalised title
    /// the glossary does not know: a capitalised word right before it ("Deputy Prime Minister", "Acting Consul
    /// General") or a hyphen joining it to one (« Vice-Premier ministre »). Not for Khmer, which
    /// has no capitals (ឧបនាយករដ្ឋមន្ត្រី is one word, so its Prime Minister is not found inside it).
    static func extendsTitle(_ range: Range<Int>, in scalars: [Unicode.Scalar], language: Language) -> Bool {
        guard language != .khmer, range.lowerBound > 0 else { return false }
        let previous = scalars[range.lowerBound - 1]
        if previous == "-" { return range.lowerBound > 1 && scalars[range.lowerBound - 2].properties.isAlphabetic }
        guard previous == " " else { return false }
        var start = range.lowerBound - 1
        while start > 0, scalars[start - 1].properties.isAlphabetic { start -= 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<(range.lowerBound - 1)]))
        guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
        // "H.E." and "Mr." end in a full stop: not a word of the title.
        if start > 0, scalars[start - 1] == "." { return false }
        return !beforeTitle.contains(word.lowercased())
    }

    /// The length of "and"/"et" standing as a word after position `i` (a space or U+200B), or of
    /// Khmer ហើយ there (glued to the next word, as Khmer writes), or nil.
    static func conjunction(at i: Int, in scalars: [Unicode.Scalar]) -> Int? {
        guard scalars[i] == " " || scalars[i].value == 0x200B else { return nil }
        // Khmer ហើយ ("and", joining the opening's clauses) is followed by the next word with no
        // space, as Khmer writes: "…ក្រសួងការបរទេស ហើយមានកិត្តិយស…".
        for (word, spaced) in [("and", true), ("et", true), ("ហើយ", false)] {
            let w = Array(word.unicodeScalars)
            guard i + 1 + w.count <= scalars.count, Array(scalars[(i + 1)..<(i + 1 + w.count)]) == w else { continue }
            let after = i + 1 + w.count
            if !spaced || after == scalars.count || scalars[after] == " " || scalars[after] == "," { return w.count }
        }
        return nil
    }

    static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Joins pieces with spaces, without a space before closing punctuation.
    static func join(_ pieces: [String], language: Language) -> String {
        var result = ""
        for piece in pieces where !piece.isEmpty {
            if result.isEmpty || [",", ".", ";", ":", ")", "។"].contains(where: { piece.hasPrefix($0) }) || result.hasSuffix("(") {
                result += piece
            } else {
                result += " " + piece
            }
        }
        return result
    }
}
