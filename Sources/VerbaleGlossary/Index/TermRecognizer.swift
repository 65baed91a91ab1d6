import VerbaleCore

extension Term {
    /// Whether the termbase keeps this term but doubts it: unreviewed and not preferred (the
    /// countries generator's demoted catalogue names, `KhmerNameDoubts`). Recognition and
    /// naming prefer any sound term of the concept to it.
    public var isDoubted: Bool { review == .unreviewed && status != .preferred }
}

extension ConceptOrigin {
    /// The prefix of the termbases Verbale ships (`shipped:countries.tbx`), which its glossary
    /// loader gives them (`GlossaryImport.seedShipped`).
    public static let shippedPrefix = "shipped:"

    /// Whether the concept comes from a termbase Verbale ships rather than one the user
    /// imported: where both name a term, the user's is the one recognised (review 1130h M4).
    public var isShipped: Bool { termbase.hasPrefix(Self.shippedPrefix) }
}

/// A termbase term found in a text.
public struct TermOccurrence: Sendable {
    /// Where, in Unicode scalars of the text (as `Token.range`).
    public var range: Range<Int>
    /// The text as it appears.
    public var text: String
    /// The concept the term names: its id, and its terms in every language (the equivalents).
    public var concept: Concept
    /// The termbase term that matched (its status says whether it is deprecated).
    public var term: Term

    /// The concept's terms in `language` that a translation should use: not deprecated,
    /// preferred first, and among those the same form as the matched term first (a formal
    /// name, "Kingdom of Thailand", calls for "Royaume de Thaïlande" rather than "Thaïlande").
    /// A doubted term (unreviewed and not preferred: Afghanistan's catalogue "formal name",
    /// which is Pakistan's) comes after every sound one, whatever its form, so drafting uses
    /// the sound short name and marks it as standing in rather than the doubted formal name.
    public func equivalents(in language: LanguageTag) -> [Term] {
        let terms = concept.terms(in: language).filter { $0.status != .deprecated }
        let sound = terms.filter { !$0.isDoubted }, doubted = terms.filter(\.isDoubted)
        guard let type = term.termType else { return sound + doubted }
        return [sound, doubted].flatMap { group in group.filter { $0.termType == type } + group.filter { $0.termType != type } }
    }

    /// The occurrence as a glossary-entity placeable (value: the concept id), for the matcher.
    public var placeable: Placeable { Placeable(kind: .entity, text: text, value: concept.id, range: range) }
}

extension Termbase {
    /// Every termbase term in `text`, left to right, longest first, never overlapping.
    ///
    /// Matches compare loose keys (case, Latin diacritics, ’ vs ', U+200B and punctuation
    /// aside). In Latin text they start and end on the tokenizer's word boundaries. In text
    /// that holds Khmer, Khmer runs are not cut into dictionary words: a Khmer term matches
    /// wherever its key occurs starting and ending on a Khmer cluster boundary (a cluster —
    /// consonant, subscripts, vowel, signs — is the unit no word boundary ever falls inside;
    /// `KhmerClusters`), and the rest of the text is tokenized as usual. Why this is the better
    /// boundary for terms, not only the faster one: Khmer writes no spaces between words, and
    /// dictionary segmentation of a multi-word term is ambiguous and context-dependent (ICU
    /// and the learned model may cut ព្រះរាជាណាចក្រកម្ពុជា differently in two sentences, or
    /// split a name the dictionary lacks inside a syllable's reach), so a term the tokenizer cut
    /// across would be missed; a term's own clusters are the same in every context, with or
    /// without U+200B. But a match must also start and end on a word boundary of the project's
    /// Khmer tokenizer (`KhmerWordBoundaries`; review 1130c M5): over clusters alone a term was
    /// found inside a longer word — ម៉ាលី "Mali" in the person's name ម៉ាលីន, ស្លូវ៉ាគី in
    /// ឆេកូស្លូវ៉ាគី, ឆេក in ឆេកសាំ "checksum" — and drafting wrote "Mali" for Mrs Malin. Measured
    /// on 3,073 real Khmer texts (the khPOS news sentences without their segmentation marks, and
    /// the gettext catalogues) with the shipped termbases: clusters alone found the 909
    /// occurrences recognition over the tokenizer's words finds plus 10 (five inside words or
    /// names, five correct ones the tokenizer cut across: នាយករដ្ឋមន្ត្រី three times after
    /// លោកនាយក, which the dictionary holds as one word; កម្ពុជា in an organisation's name;
    /// ស្វ៊ីស); with the word-boundary rule, exactly the 909. In English and French, a proper
    /// noun keeps its capitals (`keepsCapitals`). Only terms in `language` are recognised; `nil`
    /// accepts any.
    ///
    /// Cost: Latin text: one tokenizer pass, then per token at most a few hash probes (a
    /// candidate stops growing as soon as no term starts with it). Khmer text: one pass over the
    /// scalars to cut clusters (no dictionary, no learned model), the tokenizer only over the
    /// non-Khmer stretches, then the same probes per cluster. O(n) in the text.
    public func recognize(_ text: String, language: LanguageTag?) -> [TermOccurrence] {
        recognize(text, language: language, personNames: true)
    }

    func recognize(_ text: String, language: LanguageTag?, personNames: Bool) -> [TermOccurrence] {
        let tokenLanguage = TermKeyer.language(for: language, text: text)
        guard tokenLanguage == .khmer else {
            return recognize(text, pieces: RecognitionPieces(tokens: keyer.words(text, language: tokenLanguage)), language: language,
                             personNames: personNames)
        }
        let stretchLanguage = language?.language.flatMap { $0 == .khmer ? nil : $0 } ?? .khmer
        return recognize(text, pieces: clusterPieces(text, stretchLanguage: stretchLanguage), language: language, personNames: personNames)
    }

    /// Recognition over tokens the caller already has (the matcher and drafting tokenize each
    /// segment once): `tokens` must be `TermKeyer.words(text, …)` of `text` (word and number
    /// tokens, punctuation dropped, elisions split); matches start and end on those tokens.
    /// Cost: O(tokens × tokens tried per start), integer hashing only; strings are built only
    /// to confirm a hit.
    public func recognize(_ text: String, tokens: [Token], language: LanguageTag?) -> [TermOccurrence] {
        recognize(text, pieces: RecognitionPieces(tokens: tokens), language: language)
    }

    /// Longest match, left to right, over pieces (tokens or Khmer clusters), by the joined key's
    /// incremental hash: a candidate grows piece by piece while some term starts with it.
    /// `personNames: false` keeps one-word names a surname follows ("Chad Smith"), which
    /// `isPersonFirstName` otherwise skips: for the tests that measure what the rule drops.
    func recognize(_ text: String, pieces: RecognitionPieces, language: LanguageTag?, personNames: Bool = true) -> [TermOccurrence] {
        var found: [TermOccurrence] = []
        var scalars: [Unicode.Scalar]?
        var boundaries = KhmerWordBoundaries()
        let wanted = language?.primary
        var i = 0
        while i < pieces.count {
            var hash = KeyHash()
            var best: (end: Int, entry: Int32)?
            var j = i
            var length = 0
            while j < pieces.count {
                let key = pieces.key(j)
                hash.appendToken(key)
                length += key.count
                if let hits = exactHashes[hash.value] {
                    let joined = pieces.joined(i...j)
                    let range = pieces.ranges[i].lowerBound..<pieces.ranges[j].upperBound
                    if scalars == nil { scalars = Array(text.unicodeScalars) }
                    let fitting = hits.filter { hit in
                        let entry = entries[Int(hit)]
                        guard entry.key == joined, wanted == nil || entry.language == wanted else { return false }
                        return scalars.map { Self.keepsCapitals(resolve(hit).term, surface: $0[range]) } ?? true
                    }
                    // A name two concepts share (a catalogue slip: លីបេរីយ៉ា for Libya and
                    // Liberia) names the concept whose term is sound, not the doubted one; then
                    // the user's own termbase before a shipped one (review 1130h M4).
                    if let hit = fitting.min(by: { precedence($0) < precedence($1) }),
                       boundaries.isWordBoundary(range.lowerBound, in: pieces, piece: i, text: scalars ?? [], keyer: keyer),
                       boundaries.isWordBoundary(range.upperBound, in: pieces, piece: j, text: scalars ?? [], keyer: keyer) {
                        best = (j, hit)
                    }
                }
                if length > maxKeyLength || !viablePrefixes.contains(hash.value) { break }
                j += 1
            }
            guard let match = best else { i += 1; continue }
            let range = pieces.ranges[i].lowerBound..<pieces.ranges[match.end].upperBound
            let (concept, term) = resolve(match.entry)
            // "Chad Smith": a first name, not the country (review 1130d m6).
            if personNames, let scalars, isPersonFirstName(term, match: i...match.end, pieces: pieces, text: scalars) { i += 1; continue }
            let surface = scalars.map { String(String.UnicodeScalarView($0[range])) } ?? ""
            found.append(TermOccurrence(range: range, text: surface, concept: concept, term: term))
            i = match.end + 1
        }
        return found
    }

    /// Which of the concepts sharing a term recognition names, lowest first: a sound term before
    /// a doubted one, then a concept of a termbase the user imported before one Verbale ships.
    /// Why: a ministry imports its termbase to have its own, reviewed renderings used; the
    /// shipped concepts (Khmer mostly unreviewed) came first in load order and always won, so
    /// `draft translate` wrote Verbale's unreviewed Khmer for "Permanent Mission" where the
    /// user's termbase held its approved one (review 1130h M4). Ties keep load order.
    func precedence(_ entry: Int32) -> Int {
        let (concept, term) = resolve(entry)
        return (term.isDoubted ? 2 : 0) + (concept.origin?.isShipped == true ? 1 : 0)
    }

    /// Whether `surface` writes the capitals a proper-noun term needs (review 1130c M5): in
    /// Latin script, every word of the term that starts with a capital starts with one in the
    /// text, except the first word of a term of several words (French and English write
    /// "la Réunion", "le royaume de Thaïlande", "the Kingdom of …" with a small first word, and a
    /// sentence start capitalises any word anyway). So « la réunion » ("the meeting"), "turkey",
    /// "guinea fowl", "chad" stay words, while "Turkey", "la Réunion" and text in capitals
    /// ("TURKEY", whose words all start with a capital) still match. Terms that are not proper
    /// nouns, and Khmer (no case), match whatever the case. Words are maximal runs of letters
    /// and marks (so "Timor-Leste" has two, "Côte d'Ivoire" three); when the term and the text do
    /// not have the same number of words the check cannot pair them and accepts the match, as
    /// matching ignored case before. Cost: O(term + match length), on a hit only.
    static func keepsCapitals(_ term: Term, surface: ArraySlice<Unicode.Scalar>) -> Bool {
        guard term.partOfSpeech == "properNoun" else { return true }
        let wanted = wordInitials(term.text.unicodeScalars)
        let written = wordInitials(surface)
        guard wanted.count == written.count else { return true }
        for (index, (initial, found)) in zip(wanted, written).enumerated() where index > 0 || wanted.count == 1 {
            if initial.properties.isUppercase, !found.properties.isUppercase { return false }
        }
        return true
    }

    /// The first letter of each maximal run of letters and marks.
    private static func wordInitials(_ scalars: some Sequence<Unicode.Scalar>) -> [Unicode.Scalar] {
        var initials: [Unicode.Scalar] = []
        var inWord = false
        for scalar in scalars {
            let category = scalar.properties.generalCategory
            let isLetter = scalar.properties.isAlphabetic
            let isMark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(category)
            if isLetter, !inWord, !isMark { initials.append(scalar) }
            inWord = isLetter || (inWord && isMark)
        }
        return initials
    }
}

/// Word boundaries inside Khmer runs, from the project's Khmer tokenizer, computed for a run
/// only when a match starts or ends inside it (review 1130c M5: ម៉ាលី "Mali" was found in the
/// name ម៉ាលីន). Khmer terms are matched over clusters (see `Termbase.recognize`); a match
/// must also start and end where the tokenizer puts a word boundary, so a term is never taken
/// from inside a word. A run is a stretch of Khmer letters between spaces, U+200B, punctuation
/// or other scripts: its edges are always boundaries, and ICU's dictionary cuts the run alone
/// as it cuts it in context. Cost: one tokenizer call per run that holds a match edge.
struct KhmerWordBoundaries {
    /// Per run start (scalar offset), the word boundaries inside it.
    private var cache: [Int: Set<Int>] = [:]

    /// Whether `offset` (the start of piece `piece` or the end of it) is a word boundary.
    mutating func isWordBoundary(_ offset: Int, in pieces: RecognitionPieces, piece: Int, text: [Unicode.Scalar], keyer: TermKeyer) -> Bool {
        guard let run = pieces.khmerRun(of: piece), offset > run.lowerBound, offset < run.upperBound else { return true }
        if let known = cache[run.lowerBound] { return known.contains(offset) }
        let runText = String(String.UnicodeScalarView(text[run]))
        var cuts: Set<Int> = []
        for token in keyer.words(runText, language: .khmer) {
            cuts.insert(token.range.lowerBound + run.lowerBound)
            cuts.insert(token.range.upperBound + run.lowerBound)
        }
        cache[run.lowerBound] = cuts
        return cuts.contains(offset)
    }
}
