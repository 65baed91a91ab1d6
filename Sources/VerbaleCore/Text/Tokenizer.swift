/// Splits text into word tokens for EN, FR and KM.
///
/// Words come from ICU's word boundaries (its dictionary segments Khmer, which has no spaces),
/// then three language rules: Khmer orthographic repairs (`KhmerWordRules`: no break inside a
/// cluster, final consonants kept with their syllable, digits and ។ ៕ ៖ ៗ on their own; with
/// `.learned`, the boundary model; then `KhmerCompounds` joins the diplomatic words cut in two), French
/// elision (`l'honneur` → `l'` + `honneur`), and separators dropped (white space, NBSP and
/// narrow NBSP, U+200B and U+FEFF never appear in tokens).
///
/// ```swift
/// let tokenizer = try Tokenizer(language: .french)
/// tokenizer.tokenize("l’Ambassade").map(\.text)   // ["l’", "Ambassade"]
/// tokenizer.tokenize("le 1er mars 2020", mergingPlaceables: true).map(\.kind)
/// // [.word, .placeable]
/// ```
///
/// Cost: O(n) per text. Plain Latin text (English, French: ASCII, Latin-1, Latin Extended-A,
/// common typographic punctuation) takes a Swift fast path that finds ICU's word boundaries and
/// keys its tokens without calling ICU (`LatinWordBreaks`, `LatinKeys`); any other text takes
/// one ICU word-break pass and at most one ICU keying call (ASCII, Khmer and number tokens are
/// keyed in Swift). `Engine.icu` forces the ICU path, the reference `TokenizerEquivalenceTests`
/// proves the fast path equal to. Placeable recognition adds short anchored ICU regex matches
/// only where a placeable could start. Opening a tokenizer loads ICU's rules and Khmer
/// dictionary: reuse it. Not thread-safe: one per task.
public final class Tokenizer {
    /// How Khmer words are found.
    public enum KhmerWordBreaking: String, Sendable, CaseIterable {
        /// ICU's dictionary alone (boundary F1 0.90 on the khPOS sample).
        case icu
        /// ICU plus Verbale's orthographic rules (`KhmerWordRules`; 0.93).
        case icuAndRules
        /// Rules plus the learned boundary model (`KhmerBoundaryModel`; 0.95): the default.
        case learned
    }

    /// How word boundaries and keys are computed; both give the same tokens.
    public enum Engine: String, Sendable, CaseIterable {
        /// Swift for plain Latin text (`LatinWordBreaks`, `LatinKeys`), ICU for the rest: the
        /// default, about 1.6–1.8× the ICU engine on Europarl and the notes (README,
        /// `verbale-bench tokenize`).
        case fast
        /// ICU for every word boundary and every non-ASCII key: the reference the fast path is
        /// proved against (`TokenizerEquivalenceTests`) and the benchmark's baseline.
        case icu
    }

    public let language: Language
    public let khmerWordBreaking: KhmerWordBreaking
    /// The engine in use: `.icu` when asked for, or when the fast path disagreed with the
    /// linked ICU (another ICU version than the 72 it was proved on).
    public let engine: Engine
    private let words: BreakIterator
    private var positions: [Int32] = []
    private var recognizer: PlaceableRecognizer?
    private var khmerScratch = KhmerBoundaryModel.Scratch()
    /// Khmer text without its U+200B, when it has some (reused from text to text).
    private var invisibleBreaks = KhmerInvisibleBreaks()
    /// Buffers reused from text to text (taken out while in use).
    private var unitBuffer: [UInt16] = []
    /// The text's units as typed, when Khmer subscripts were reordered in `unitBuffer`.
    private var typedBuffer: [UInt16] = []
    private var pieceBuffer: [Range<Int>] = []
    private var splitBuffer: [Range<Int>] = []
    private var kindBuffer: [Token.Kind] = []
    /// The French elided forms, held here so that no global is read per word.
    let elisions = FrenchElision.french
    /// `visitTokens`' spans and their facts (reused like the buffers above).
    var visitBuffers = VisitBuffers()
    /// Whether `visitTokens` takes its one-pass path for plain Latin text (`latinVisits`); off
    /// only in `LatinVisitEquivalenceTests`, which compare it with the general path.
    var visitsLatinInOnePass = true
    /// Set by `tokenizeWithParts` only: `segmentSpans` then records, in `compoundCuts`, where
    /// the second part of a word `KhmerCompounds` joined starts (offsets in the units it was
    /// given; `wordSpans` maps them to the text's). Off for every other caller, which pays
    /// nothing for it.
    var recordsParts = false
    var compoundCuts: [Int] = []
    /// The word spans this thread's tokenizers found last (`TokenSpanMemo`): set by the import
    /// on the tokenizers of its analysers, so the concordance's and the fuzzy-match index's
    /// passes over one Khmer variant segment it once. Nil (the default) for every other use.
    public var spanMemo: TokenSpanMemo?
    /// Whether `segmentSpans` records `compoundCuts`: for `tokenizeWithParts`, and whenever the
    /// spans may be kept in a memo another tokenizer's `tokenizeWithParts` reads.
    private var recordsCuts: Bool { recordsParts || spanMemo != nil }
    /// Whether `wordSpans` may take a Khmer text's spans from the memo's spans of its Khmer runs
    /// (`spansAroundKhmerRuns`); off only in `TokenSpanMemoEquivalenceTests`' check that the
    /// shortcut is what serves.
    var sharesKhmerRuns = true
    /// `spansAroundKhmerRuns`' buffers (reused like those above).
    private var maskBuffer: [UInt16] = []
    private var khmerRunSpans: [Span] = []
    private var restSpans: [Span] = []

    public convenience init(language: Language, khmerWordBreaking: KhmerWordBreaking = .learned) throws(ICUError) {
        try self.init(language: language, khmerWordBreaking: khmerWordBreaking, engine: .fast)
    }

    /// A tokenizer on a chosen engine (`.icu` for the reference path). `.fast` becomes `.icu`
    /// (see `engine`) if the fast path's once-per-process check against the linked ICU
    /// (`LatinWordBreaks.agreesWithLinkedICU`) failed: correct, slower.
    public convenience init(language: Language, khmerWordBreaking: KhmerWordBreaking = .learned, engine: Engine) throws(ICUError) {
        try self.init(language: language, khmerWordBreaking: khmerWordBreaking, engine: engine,
                      fastPathAgreesWithICU: engine == .fast && LatinWordBreaks.agreesWithLinkedICU)
    }

    /// `fastPathAgreesWithICU` is the self-check's answer, passed in so that a test can force a
    /// mismatch.
    init(language: Language, khmerWordBreaking: KhmerWordBreaking, engine: Engine, fastPathAgreesWithICU: Bool) throws(ICUError) {
        self.language = language
        self.khmerWordBreaking = khmerWordBreaking
        self.engine = engine == .fast && fastPathAgreesWithICU ? .fast : .icu
        words = try BreakIterator(.word, locale: language.rawValue)
    }

    /// The tokens of `text`, in order, with ranges in Unicode scalars.
    public func tokenize(_ text: String) -> [Token] {
        tokenize(text, mergingPlaceables: false)
    }

    /// The tokens of `text`; with `mergingPlaceables`, the tokens a placeable covers (a date
    /// "12 January 2021", a reference "No. 2021/01/045", a number "1 000,50") become one token
    /// of kind `.placeable` whose `key` and `looseKey` are the placeable's value, so the same
    /// date written two ways has one key.
    public func tokenize(_ text: String, mergingPlaceables: Bool) -> [Token] {
        withUnits(of: text) { units, typed, offsets in
            var spans = wordSpans(units)
            var found: [Placeable.Found] = []
            if mergingPlaceables {
                found = placeableRecognizer().recognize(units)
                spans = merge(spans, with: found)
            }
            return makeTokens(spans, found, units, typed, offsets)
        }
    }

    /// The placeables of `text` (numbers, dates, references, e-mail addresses, URLs), in order,
    /// without overlaps, with ranges in Unicode scalars.
    public func placeables(in text: String) -> [Placeable] {
        withUnits(of: text) { units, typed, offsets in
            placeableRecognizer().recognize(units).map { $0.placeable(typed, offsets) }
        }
    }

    /// Runs `body` on the UTF-16 units of `text`, transcoded into a buffer this tokenizer reuses
    /// (no allocation once it is large enough), with the scalar-offset table (none is built
    /// for text without surrogate pairs, known from the transcoding itself).
    ///
    /// `keyed` has the Khmer subscripts put in order (`KhmerClusterOrder`: COENG RO last):
    /// words are found and keyed on it, so both spellings of a cluster give one token. `typed`
    /// is the text as written, which tokens' and placeables' texts are cut from (stored text
    /// stays as typed; a token's text is the text at its range). They are the same buffer
    /// unless a subscript moved (then `typed` is a copy, kept in a reused buffer). Offsets are
    /// the same in both: the move is inside a cluster.
    func withUnits<R>(of text: String, _ body: (_ keyed: UnsafeBufferPointer<UInt16>, _ typed: UnsafeBufferPointer<UInt16>, ScalarOffsets) -> R) -> R {
        var buffer = unitBuffer
        unitBuffer = []
        // A huge text's buffer is not kept for the small ones that follow.
        defer { unitBuffer = buffer.count > 1 << 20 ? [] : buffer }
        let (count, surrogates) = UTF16Text.transcode(text, into: &buffer)
        var typed = typedBuffer
        typedBuffer = []
        defer { typedBuffer = typed.count > 1 << 20 ? [] : typed }
        let reordered = buffer.withUnsafeMutableBufferPointer { all -> Bool in
            let units = UnsafeMutableBufferPointer(rebasing: all[0..<count])
            guard KhmerClusterOrder.needsReordering(UnsafeBufferPointer(units)) else { return false }
            typed.removeAll(keepingCapacity: true)
            typed.append(contentsOf: units)
            return KhmerClusterOrder.reorder(units)
        }
        return buffer.withUnsafeBufferPointer { all in
            let units = UnsafeBufferPointer(rebasing: all[0..<count])
            let offsets = surrogates ? ScalarOffsets(units: units) : ScalarOffsets(withoutSurrogates: count)
            guard reordered else { return body(units, units, offsets) }
            return typed.withUnsafeBufferPointer { body(units, $0, offsets) }
        }
    }

    /// `withUnits(of:_:)` for a text given as its UTF-8 (`visitTokens`, which also reads the
    /// UTF-8), without the scalar-offset table (`visitTokens` reports no scalar offsets).
    /// `body` is told whether Khmer subscripts were reordered: the units then no longer spell
    /// the UTF-8 byte for byte; and whether the text may hold Khmer at all (a scalar of
    /// U+1000–U+1FFF, seen by the transcoding): without one, the reordering is not even looked
    /// for (it moves only Khmer subscripts), nor are invisible breaks (`wordSpans`).
    func withUnits<R>(ofUTF8 utf8: UnsafeBufferPointer<UInt8>,
                      _ body: (UnsafeBufferPointer<UInt16>, _ reordered: Bool, _ mayHoldKhmer: Bool) -> R) -> R {
        var buffer = unitBuffer
        unitBuffer = []
        defer { unitBuffer = buffer.count > 1 << 20 ? [] : buffer }
        let (count, mayHoldKhmer) = UTF16Text.transcodeNotingKhmer(utf8: utf8, into: &buffer)
        let reordered = mayHoldKhmer && buffer.withUnsafeMutableBufferPointer { all in
            KhmerClusterOrder.reorder(UnsafeMutableBufferPointer(rebasing: all[0..<count]))
        }
        return buffer.withUnsafeBufferPointer { all in body(UnsafeBufferPointer(rebasing: all[0..<count]), reordered, mayHoldKhmer) }
    }

    func placeableRecognizer() -> PlaceableRecognizer {
        if let recognizer { return recognizer }
        let made = PlaceableRecognizer(language: language, usesPrefilters: engine == .fast)
        recognizer = made
        return made
    }

    /// One span of the text that becomes a token; `placeable` indexes the recognised placeable.
    struct Span {
        var range: Range<Int>
        var kind: Token.Kind
        var placeable: Int?
        /// The range holds U+200B, U+FEFF or a space taken out before the words were found (see
        /// `wordSpans(_:into:)`): the token's text leaves them out.
        var holdsSeparator = false
    }

    /// Word spans (UTF-16) from ICU (or, for plain Latin text, `LatinWordBreaks`, which finds
    /// the same ones), split at separators and repaired by the language rules.
    func wordSpans(_ units: UnsafeBufferPointer<UInt16>) -> [Span] {
        var spans: [Span] = []
        wordSpans(units, into: &spans)
        return spans
    }

    /// `wordSpans(_:)` written into `spans` (emptied first; its capacity reused).
    ///
    /// U+200B and U+FEFF between Khmer characters, and spaces between Khmer words, are taken out
    /// first (`KhmerInvisibleBreaks`): the words are found in the text without them and their
    /// ranges put back on the text, so Khmer typed glued, with U+200B or with spaces gives the
    /// same tokens (a word a separator fell inside spans it, with `holdsSeparator` set). `mayHoldKhmer` false (the caller knows the units
    /// hold no Khmer letter, so no invisible break sits between two) skips that scan.
    func wordSpans(_ units: UnsafeBufferPointer<UInt16>, into spans: inout [Span], mayHoldKhmer: Bool = true) {
        // (Emptied whatever the caller: cuts a `tokenizeWithParts` left must not be mapped below.)
        if !compoundCuts.isEmpty { compoundCuts.removeAll(keepingCapacity: true) }
        guard mayHoldKhmer else {
            segmentSpans(units, into: &spans)
            return
        }
        // Text that may hold Khmer: another tokenizer of this thread may have segmented these
        // very units (`TokenSpanMemo`); else they are, and kept for it.
        let memoKey = TokenSpanMemo.Configuration(language: language, engine: engine, khmerWordBreaking: khmerWordBreaking)
        if let spanMemo, spanMemo.recall(units, memoKey, spans: &spans, cuts: &compoundCuts) { return }
        defer { spanMemo?.remember(units, memoKey, spans: spans, cuts: compoundCuts) }
        if let spanMemo, spansAroundKhmerRuns(units, spanMemo, memoKey, into: &spans) { return }
        var breaks = invisibleBreaks
        invisibleBreaks = KhmerInvisibleBreaks()
        defer { invisibleBreaks = breaks.units.count > 1 << 20 ? KhmerInvisibleBreaks() : breaks }
        guard breaks.take(from: units) else {
            segmentSpans(units, into: &spans)
            return
        }
        breaks.units.withUnsafeBufferPointer { joined in segmentSpans(joined, into: &spans) }
        for i in spans.indices {
            let range = breaks.originalRange(spans[i].range)
            if range.count != spans[i].range.count { spans[i].holdsSeparator = true }
            spans[i].range = range
        }
        // A cut falls between two units of the joined text: in the text, before the second.
        for i in compoundCuts.indices { compoundCuts[i] = breaks.origin[compoundCuts[i]] }
    }

    /// `wordSpans` of a Khmer text holding Latin words, numbers or punctuation, from the memo's
    /// spans of its Khmer runs: true (and `spans`, `compoundCuts` written) when the memo holds
    /// the spans of `KhmerRunMask.masked(units)` — the text the concordance hands its Khmer
    /// tokenizer (`ConcordanceWords.words`) — and the text is one `KhmerRunMask.mask` accepts
    /// (every Khmer run set off by U+0020 or the text's edge). The spans of the rest are found
    /// here, on the text with its Khmer runs blanked out, and the two lists merged.
    ///
    /// Why: the import's concordance runs first and masks every non-Khmer scalar, so without
    /// this the fuzzy-match pass segmented again every Khmer variant holding a digit or a Latin
    /// letter (2,967 of the Khmer 3k slice's variants, ~123 M instructions, callgrind).
    ///
    /// Same spans as segmenting the text: the tokenizer never carries a decision across a
    /// separator (pieces end at every separator; the Khmer rules, the boundary model and
    /// `KhmerCompounds` join or re-cut only adjacent pieces; ICU's Khmer dictionary works on
    /// runs of Khmer letters between rule boundaries, and U+0020 is one), so with a U+0020
    /// (or the edge) on both sides of each Khmer run, each run and each stretch between runs is
    /// segmented alone — the runs as in the masked text, whose units there are the same, the
    /// rest as in the blanked text. The invisible breaks taken out are the same too: a run of
    /// spaces and U+200B is taken out by what stands on its two sides, which is a Khmer-run unit
    /// in both texts or, where they differ, no Khmer character in either (U+19E0–U+19FF, Khmer
    /// to the tokenizer but not to the concordance, and any word space but U+0020, which the
    /// mask makes U+0020, turn the shortcut off). `TokenSpanMemoEquivalenceTests` compare it
    /// with segmenting on khPOS Khmer with Latin words, ASCII and Khmer digits and U+200B.
    private func spansAroundKhmerRuns(_ units: UnsafeBufferPointer<UInt16>, _ memo: TokenSpanMemo,
                                      _ key: TokenSpanMemo.Configuration, into spans: inout [Span]) -> Bool {
        guard sharesKhmerRuns, units.count <= TokenSpanMemo.largestText else { return false }
        var masked = maskBuffer
        maskBuffer = []
        defer { maskBuffer = masked }
        guard KhmerRunMask.mask(units, into: &masked) else { return false }
        var khmerSpans = khmerRunSpans
        khmerRunSpans = []
        defer { khmerRunSpans = khmerSpans }
        var cuts = compoundCuts
        let found = masked.withUnsafeBufferPointer { memo.recall($0, key, spans: &khmerSpans, cuts: &cuts) }
        guard found else { return false }
        memo.khmerRunHits += 1
        // The stretches between the runs: the text with its Khmer runs blanked out.
        KhmerRunMask.blankRuns(units, into: &masked)
        var rest = restSpans
        restSpans = []
        defer { restSpans = rest }
        masked.withUnsafeBufferPointer { blanked in segmentSpans(blanked, into: &rest) }
        compoundCuts = cuts
        mergeSorted(khmerSpans, rest, into: &spans) { $0.range.lowerBound }
        return true
    }

    /// Appends to `cuts`, for each range of `joined` that `KhmerCompounds` made of several
    /// `pieces`, where its listed word's second part starts (`KhmerCompounds.partStart`: the
    /// word's own parts, not the model's cut, which may not be a word). O(pieces).
    static func cuts(joining pieces: [Range<Int>], into joined: [Range<Int>], _ units: UnsafeBufferPointer<UInt16>,
                     append cuts: inout [Int]) {
        guard joined.count < pieces.count else { return }
        var k = 0
        for range in joined {
            while k < pieces.count, pieces[k].upperBound <= range.lowerBound { k += 1 }
            guard k < pieces.count, pieces[k] != range else { continue }
            if let start = KhmerCompounds.partStart(of: range, units) { cuts.append(start) }
        }
    }

    /// The tokens of `text` (as `tokenize(_:)`), and the parts of those of its Khmer words that
    /// hold a boundary the text or the segmentation gives inside them: a U+200B the writer put
    /// inside a dictionary compound (`ជន​បរទេស` is one token `ជនបរទេស`, parts `ជន`, `បរទេស`),
    /// or a word `KhmerCompounds` joined that is made of two words (`ការបរទេស`: `ការ`, `បរទេស`;
    /// `ស្ថានទូត`: `ស្ថាន`, `ទូត`; see `KhmerCompounds.partStarts`).
    /// Parts are word tokens with their own keys and ranges, in text order; a token with no
    /// boundary inside has none.
    ///
    /// Why: the concordance indexes parts beside the whole word, so that a Khmer word is found
    /// inside the compounds it forms, as "Affairs" finds "Foreign Affairs" (review finding M9);
    /// matching keeps whole words (a part is not a token of the text). Cost: `tokenize`, plus
    /// one pass over the units of the words with a boundary inside and their keys.
    public func tokenizeWithParts(_ text: String) -> (tokens: [Token], parts: [Token]) {
        recordsParts = true
        defer { recordsParts = false }
        return withUnits(of: text) { units, typed, offsets in
            let spans = wordSpans(units)
            let tokens = makeTokens(spans, [], units, typed, offsets)
            guard spans.contains(where: \.holdsSeparator) || !compoundCuts.isEmpty else { return (tokens, []) }
            let cuts = compoundCuts.sorted()
            var partSpans: [Span] = []
            var c = 0
            for span in spans where span.kind == .word {
                while c < cuts.count, cuts[c] <= span.range.lowerBound { c += 1 }
                guard span.holdsSeparator || (c < cuts.count && cuts[c] < span.range.upperBound) else { continue }
                let first = partSpans.count
                var start = span.range.lowerBound
                for i in span.range {
                    if Self.isSeparator(units[i]) {
                        if i > start { partSpans.append(Span(range: start..<i, kind: .word)) }
                        start = i + 1
                    } else if c < cuts.count, cuts[c] == i {
                        if i > start { partSpans.append(Span(range: start..<i, kind: .word)) }
                        start = i
                        c += 1
                    }
                }
                if span.range.upperBound > start { partSpans.append(Span(range: start..<span.range.upperBound, kind: .word)) }
                // One piece is the word itself (a U+200B at its edge): no parts.
                if partSpans.count == first + 1 { partSpans.removeLast() }
            }
            for i in partSpans.indices { partSpans[i].kind = Self.kind(of: partSpans[i].range, units) }
            return (tokens, makeTokens(partSpans, [], units, typed, offsets))
        }
    }

    /// The word spans of `units` (see `wordSpans(_:into:)`), found without looking for
    /// invisible breaks to take out.
    private func segmentSpans(_ units: UnsafeBufferPointer<UInt16>, into spans: inout [Span]) {
        var pieces = pieceBuffer
        pieceBuffer = []
        var kinds = kindBuffer
        kindBuffer = []
        defer {
            pieceBuffer = pieces
            kindBuffer = kinds
        }
        var khmer = language == .khmer
        // Plain Latin text holds no Khmer, so `khmer` needs no scan there; its pieces come with
        // their kinds (`kindsFound`), from the same pass.
        var kindsFound = engine == .fast
            && Self.latinUnitKinds.withUnsafeBufferPointer { LatinWordBreaks.pieces(units, into: &pieces, kinds: &kinds, unitKinds: $0) }
        if !kindsFound {
            icuPieces(units, into: &pieces, khmer: &khmer)
        }
        if khmer, khmerWordBreaking != .icu {
            kindsFound = false
            var split = splitBuffer
            splitBuffer = []
            defer { splitBuffer = split }
            split.removeAll(keepingCapacity: true)
            split.reserveCapacity(pieces.count)
            for piece in pieces { KhmerWordRules.split(piece, units, into: &split) }
            KhmerWordRules.merge(split, units, into: &pieces)
            if khmerWordBreaking == .learned, let model = KhmerBoundaryModel.shipped {
                model.resegment(pieces, units, scratch: &khmerScratch)
                swap(&pieces, &khmerScratch.result)
            }
            // Words of diplomatic Khmer the model (or ICU) cuts in two, joined again.
            KhmerCompounds.join(pieces, units, into: &split)
            if recordsCuts { Self.cuts(joining: pieces, into: split, units, append: &compoundCuts) }
            swap(&pieces, &split)
        }
        spans.removeAll(keepingCapacity: true)
        spans.reserveCapacity(pieces.count)
        let french = language == .french
        for (n, piece) in pieces.enumerated() {
            let kind = kindsFound ? kinds[n] : Self.kind(of: piece, units)
            if french, kind == .word, let length = FrenchElision.prefixLength(piece, units, elisions) {
                spans.append(Span(range: piece.lowerBound..<piece.lowerBound + length, kind: .word))
                spans.append(Span(range: piece.lowerBound + length..<piece.upperBound, kind: .word))
            } else {
                spans.append(Span(range: piece, kind: kind))
            }
        }
    }

    /// Pieces from ICU's word boundaries: the runs of non-separator units between boundaries;
    /// sets `khmer` when a Khmer unit is seen.
    private func icuPieces(_ units: UnsafeBufferPointer<UInt16>, into pieces: inout [Range<Int>], khmer: inout Bool) {
        let count = words.boundaryOffsets(units: units, into: &positions)
        pieces.removeAll(keepingCapacity: true)
        pieces.reserveCapacity(count)
        var start = 0
        positions.withUnsafeBufferPointer { positions in
            for n in 0..<count {
                let end = Int(positions[n])
                var pieceStart = start
                for i in start..<end {
                    let u = units[i]
                    if u >= 0x1780, !khmer, KhmerScript.isKhmer(u) { khmer = true }
                    if Self.isSeparator(u) {
                        if i > pieceStart { pieces.append(pieceStart..<i) }
                        pieceStart = i + 1
                    }
                }
                if end > pieceStart { pieces.append(pieceStart..<end) }
                start = end
            }
        }
    }

    /// Replaces the spans each placeable overlaps with one span for the placeable.
    func merge(_ spans: [Span], with found: [Placeable.Found]) -> [Span] {
        guard !found.isEmpty else { return spans }
        var result: [Span] = []
        merge(spans, with: found, into: &result)
        return result
    }

    /// `merge(_:with:)` written into `result` (emptied first; its capacity reused).
    ///
    /// The placeables' ranges and the spans are read through buffer pointers, and the placeable
    /// last appended is kept in `last` (what `result.last?.placeable` answered, without reading
    /// the array back): the word spans never carry a placeable. O(spans + placeables).
    func merge(_ spans: [Span], with found: [Placeable.Found], into result: inout [Span]) {
        result.removeAll(keepingCapacity: true)
        result.reserveCapacity(spans.count + found.count)
        var p = 0
        // The placeable of the span last appended (-1: none, or a word span).
        var last = -1
        let placeables = found.count
        found.withUnsafeBufferPointer { found in
            spans.withUnsafeBufferPointer { spans in
                for span in spans {
                    while p < placeables, found[p].range.upperBound <= span.range.lowerBound {
                        if last != p { result.append(Span(range: found[p].range, kind: .placeable, placeable: p)); last = p }
                        p += 1
                    }
                    if p < placeables, found[p].range.overlaps(span.range) {
                        if last != p { result.append(Span(range: found[p].range, kind: .placeable, placeable: p)); last = p }
                        continue
                    }
                    result.append(span)
                    last = -1
                }
                while p < placeables {
                    if last != p { result.append(Span(range: found[p].range, kind: .placeable, placeable: p)); last = p }
                    p += 1
                }
            }
        }
    }

    /// The tokens of `spans`, keyed in Swift where `TokenKeys.swiftKeys` can, the rest by one
    /// ICU call for the whole text, written into their tokens afterwards (no per-text arrays of
    /// requests and keys). Keys come from `units` (Khmer subscripts in order), texts from
    /// `typed` (the text as written; the same buffer unless a subscript moved).
    private func makeTokens(_ spans: [Span], _ found: [Placeable.Found], _ units: UnsafeBufferPointer<UInt16>,
                            _ typed: UnsafeBufferPointer<UInt16>, _ offsets: ScalarOffsets) -> [Token] {
        let latin = engine == .fast
        let reordered = typed.baseAddress != units.baseAddress
        var tokens: [Token] = []
        tokens.reserveCapacity(spans.count)
        var pending: [Int] = [], pendingRanges: [Range<Int>] = []
        for span in spans {
            let range = offsets.scalarOffset(ofUTF16: span.range.lowerBound)..<offsets.scalarOffset(ofUTF16: span.range.upperBound)
            let text = span.holdsSeparator ? Self.textWithoutSeparators(typed, span.range) : UTF16Text.string(typed, span.range)
            if let p = span.placeable {
                let placeable = found[p].placeable(typed, offsets)
                tokens.append(Token(text: text, key: placeable.value, looseKey: placeable.value, range: range, kind: .placeable, placeable: placeable))
                continue
            }
            // `.text`: the keys are the keyed units' own text, the typed text unless a subscript moved.
            let keyText = !reordered ? text
                : span.holdsSeparator ? Self.textWithoutSeparators(units, span.range) : UTF16Text.string(units, span.range)
            switch TokenKeys.swiftKeys(TokenKeys.Request(range: span.range, isNumber: span.kind == .number), units, latin: latin) {
            case .text?: tokens.append(Token(text: text, key: keyText, looseKey: keyText, range: range, kind: span.kind))
            case .same(let key)?: tokens.append(Token(text: text, key: key, looseKey: key, range: range, kind: span.kind))
            case .pair(let key, let loose)?: tokens.append(Token(text: text, key: key, looseKey: loose, range: range, kind: span.kind))
            case nil:
                pending.append(tokens.count)
                pendingRanges.append(span.range)
                tokens.append(Token(text: text, key: keyText, looseKey: keyText, range: range, kind: span.kind))
            }
        }
        // If ICU fails (only on allocation failure), the text itself stands as the key.
        if !pending.isEmpty, let keys = TokenKeys.icuKeys(pendingRanges, units) {
            for (n, i) in pending.enumerated() {
                tokens[i].key = keys[n].0
                tokens[i].looseKey = keys[n].1
            }
        }
        return tokens
    }

    /// The text of `range` without its separators (U+200B, U+FEFF taken out inside a Khmer word).
    static func textWithoutSeparators(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> String {
        let kept = range.filter { !isSeparator(units[$0]) }.map { units[$0] }
        return kept.withUnsafeBufferPointer { UTF16Text.string($0, 0..<$0.count) }
    }

    /// White space (including NBSP and narrow NBSP), U+200B and U+FEFF: never part of a token.
    /// (`TextSpaces.isSeparator`, the list the placeable patterns' spaces share.)
    @inline(__always)
    static func isSeparator(_ u: UInt16) -> Bool { TextSpaces.isSeparator(u) }

    /// For each unit below U+0180, what `kind(of:)` makes of it alone: 1 a letter (`.word`),
    /// 2 a digit (`.number`), 0 neither; `LatinWordBreaks` finds a piece's kind from these
    /// while it finds the piece (a piece is a word if any unit is a letter, else a number if
    /// any is a digit, as `kind(of:)` decides). Derived from `kind(of:)` itself.
    static let latinUnitKinds: [UInt8] = {
        let units = (0..<0x180).map { UInt16($0) }
        return units.withUnsafeBufferPointer { units in
            (0..<units.count).map { u -> UInt8 in
                switch kind(of: u..<u + 1, units) {
                case .word: 1
                case .number: 2
                default: 0
                }
            }
        }
    }()

    /// `.number` for digits (any script) with separators, `.word` when there is a letter,
    /// `.punctuation` otherwise.
    static func kind(of piece: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> Token.Kind {
        var digit = false, letter = false
        var i = piece.lowerBound
        while i < piece.upperBound {
            let u = units[i]
            if u < 0x80 {
                if (0x30...0x39).contains(u) { digit = true } else if (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) { return .word }
            } else if u >= 0xC0, u <= 0x17F, u != 0xD7, u != 0xF7 {
                return .word  // Latin-1 and Latin Extended-A letters
            } else if KhmerScript.isLetter(u) || KhmerScript.isDigit(u) {
                if KhmerScript.isDigit(u) { digit = true } else { return .word }
            } else {
                var scalarValue = UInt32(u)
                if UTF16.isLeadSurrogate(u), i + 1 < piece.upperBound {
                    scalarValue = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                    i += 1
                }
                if let scalar = Unicode.Scalar(scalarValue) {
                    if scalar.properties.numericType == .decimal { digit = true } else if scalar.properties.isAlphabetic { letter = true }
                }
            }
            i += 1
        }
        if letter { return .word }
        return digit ? .number : .punctuation
    }
}
