extension Tokenizer {
    /// One token of `visitTokens`, read in place from the text: what `tokenize` would put in its
    /// `Token`, for a writer that wants bytes rather than strings (the import's fuzzy-match
    /// encoder). Valid only inside the `visitTokens` call that passed it.
    public struct TokenParts {
        public let kind: Token.Kind
        /// Whether white space (Unicode White_Space: not U+200B or U+FEFF) lies between the
        /// previous token and this one, unless both sides are Khmer letters or digits
        /// (`KhmerWordGap`); false for the first token.
        public let spaced: Bool
        /// The placeable's kind and value, for a `.placeable` token (its `key` and `looseKey`).
        public let placeableKind: Placeable.Kind?
        public let placeableValue: String?
        // `@usableFromInline`, with the `@inlinable` accessors below: the encoder (another
        // module) asks them of every token, and each was a call (about 1 % of an import).
        @usableFromInline let units: UnsafeBufferPointer<UInt16>
        @usableFromInline let range: Range<Int>
        @usableFromInline let mapping: TokenKeys.Mapping
        /// The token's text in the text's own UTF-8 (the same bytes the units transcode to).
        @usableFromInline let utf8: UnsafeBufferPointer<UInt8>

        /// Whether the token's text is its own NFC and both its keys are that text (a lower-case
        /// word, most punctuation): then the text's UTF-8 (`textUTF8Count`, `appendText`) is all an
        /// encoder needs, with no key to make or compare. (A token that is not a placeable has
        /// a `mapping` only if every unit is one `TokenKeys.unitKey` or `LatinKeys` maps — ASCII,
        /// Khmer but U+17B4 U+17B5 U+17DD–U+17DF, U+0080–U+017F, U+02BC, U+2018, U+2019, U+2032 —
        /// all of which `isComposedWithoutICU` accepts: so no unit test is needed here.)
        @inlinable public var keysAreText: Bool {
            if case .text = mapping { return placeableValue == nil }
            return false
        }

        /// Whether the loose key is the key (a placeable's value, or a text no unit of which loses a
        /// mark): then an encoder need not make the loose key to compare it.
        @inlinable public var looseKeyIsKey: Bool {
            if case .looseDiffers = mapping { return placeableValue != nil }
            return true
        }

        /// Whether the token is no placeable and its keys are its units keyed one by one in Swift
        /// (`TokenKeys.Mapping` `.changed` or `.looseDiffers`: a capitalised word, `é` in a word
        /// whose loose key drops it): then its text is its own NFC (see `keysAreText`) and
        /// `writeKeyUTF8` writes either key in place, with no array, for an encoder that owns
        /// its memory.
        @inlinable public var keysAreUnitMapped: Bool {
            switch mapping {
            case .changed, .looseDiffers: placeableValue == nil
            case .text, .asciiDigits: false
            }
        }

        /// The most bytes `writeKeyUTF8` writes (3 per unit).
        @inlinable public var keyUTF8Capacity: Int { 3 * range.count }

        /// Writes the UTF-8 of the key (or, with `loose`, the loose key) at `out`, which has room
        /// for `keyUTF8Capacity` bytes, and returns how many were written: the bytes
        /// `appendKey(loose:to:)` appends, for a token that `keysAreUnitMapped`. O(length).
        public func writeKeyUTF8(loose: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
            TokenKeys.writeKeyUTF8(mapping, range, units, loose: loose, to: out)
        }

        /// The text's UTF-8 (valid only inside the `visitTokens` call that passed this token).
        @inlinable public var textUTF8: UnsafeBufferPointer<UInt8> { utf8 }

        /// The length of the text's UTF-8.
        @inlinable public var textUTF8Count: Int { utf8.count }

        /// Appends the UTF-8 of the text (use when `keysAreText`: then it is the composed text):
        /// one copy of the text's own bytes.
        public func appendText(to bytes: inout [UInt8]) {
            bytes.append(contentsOf: utf8)
        }

        /// `Normalizer.isComposedWithoutICU` of the text, read off its units: true without a read
        /// for a token that is not a placeable (see `keysAreText`).
        var isComposedWithoutICU: Bool {
            if placeableValue == nil { return true }
            for j in range {
                switch units[j] {
                case 0..<0x300, 0x2002...0x20CF, 0x19E0...0x19FF: continue
                case 0x1780...0x17FF where units[j] != 0x17DD: continue
                default: return false
                }
            }
            return true
        }

        /// Appends the UTF-8 of `Normalizer.composed(token.text)`: the text's own bytes when each
        /// unit is one `Normalizer.isComposedWithoutICU` accepts (then the text is its own NFC),
        /// else through that function. O(length).
        public func appendComposedText(to bytes: inout [UInt8]) {
            if placeableValue != nil, range.contains(where: { units[$0] == 0x200B || units[$0] == 0xFEFF })
                || (range.contains(where: { (0x1780...0x17FF).contains(units[$0]) || (0x19E0...0x19FF).contains(units[$0]) })
                    && range.contains(where: { Tokenizer.isWhiteSpace(units[$0]) })) {
                // A placeable spanning U+200B/U+FEFF or a space between Khmer words: its form is
                // without them (`Normalizer.matchingForm`). One string made.
                bytes.append(contentsOf: Normalizer.matchingForm(UTF16Text.string(units, range)).utf8)
            } else if isComposedWithoutICU {
                appendText(to: &bytes)
            } else {
                bytes.append(contentsOf: Normalizer.composed(UTF16Text.string(units, range)).utf8)
            }
        }

        /// Appends the UTF-8 of `token.key` (or, with `loose`, of `token.looseKey`). O(length).
        public func appendKey(loose: Bool, to bytes: inout [UInt8]) {
            if let placeableValue {
                bytes.append(contentsOf: placeableValue.utf8)
            } else {
                TokenKeys.appendKeyUTF8(mapping, range, units, loose: loose, to: &bytes)
            }
        }
    }

    /// Calls `body` with each token of `text`, in order, as `tokenize(text, mergingPlaceables:)`
    /// finds them, without making a `Token` or a string per token: the texts and keys are read
    /// from the text's units (`TokenParts`). Returns false, having called nothing, when a token
    /// needs ICU for its keys (text outside `TokenKeys.swiftKeys`' reach, or the `.icu` engine's
    /// non-ASCII words) or when Khmer subscripts were reordered (`KhmerClusterOrder`): the
    /// caller then uses `tokenize`.
    ///
    /// Why: the import analyses every variant; building each token's text, key and loose key
    /// strings, a `Token` array, then reading the strings back into bytes was about as costly as
    /// finding the tokens. `MatchEntryEncoderTests` holds the bytes written from here to those
    /// written from `tokenize`. Cost: `tokenize`'s word and placeable passes, then one pass over
    /// the units per token; no allocation once the tokenizer's buffers have grown.
    public func visitTokens(_ text: String, mergingPlaceables: Bool, _ body: (TokenParts) -> Void) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            // Reordered Khmer subscripts (`KhmerClusterOrder`): the tokens' texts are no longer
            // slices of the UTF-8, so `tokenize` answers (rare: a COENG RO typed first).
            withUnits(ofUTF8: utf8) { units, reordered, mayHoldKhmer in
                reordered ? false : visit(units, utf8, mergingPlaceables: mergingPlaceables, mayHoldKhmer: mayHoldKhmer, body)
            }
        }
    }

    /// One span's facts found before any token is visited (so that a text declined costs no call).
    struct SpanVisit {
        var mapping: TokenKeys.Mapping
        var spaced: Bool
        /// The span's UTF-8 offsets in the text.
        var utf8Start: Int
        var utf8End: Int
    }

    /// Buffers `visitTokens` reuses from text to text (taken out of the tokenizer while in use:
    /// one exclusive access per text for all of them).
    struct VisitBuffers {
        var spans: [Span] = []
        var merged: [Span] = []
        var visits: [SpanVisit] = []
    }

    /// `visitTokens` on the text's units and UTF-8. One pass over the units after the spans are
    /// found gives each span its key mapping (`TokenKeys.mapping`), whether white space precedes
    /// it and where its UTF-8 lies (a running UTF-8 offset: 1, 2 or 3 bytes per unit, 2 per
    /// surrogate), so each token's text is then copied from the text's own bytes.
    ///
    /// Plain Latin text (`LatinWordBreaks`' domain, no Khmer, an English or French tokenizer on
    /// the fast engine) takes `latinVisits`: the same spans and facts made in the word-break pass
    /// itself, each piece merged with the placeables and given its facts as it is found.
    private func visit(_ units: UnsafeBufferPointer<UInt16>, _ utf8: UnsafeBufferPointer<UInt8>, mergingPlaceables: Bool,
                       mayHoldKhmer: Bool, _ body: (TokenParts) -> Void) -> Bool {
        var buffers = visitBuffers
        visitBuffers = VisitBuffers()
        defer { visitBuffers = buffers }
        var found: [Placeable.Found] = []
        // A text without a digit, `@`, `{`, `:` or `www.` holds no placeable: not scanned
        // (`PlaceableRecognizer.mayHoldPlaceable`; the reference engine scans every text).
        // (The placeables need only the units: found before the words, which the Latin pass merges as it goes.)
        if mergingPlaceables, engine == .icu || PlaceableRecognizer.mayHoldPlaceable(utf8: utf8) {
            found = placeableRecognizer().recognize(units)
        }
        if visitsLatinInOnePass, engine == .fast, !mayHoldKhmer, language != .khmer, !recordsParts {
            switch latinVisits(units, found, &buffers) {
            case let count? where count >= 0:
                // The offsets must land inside the text's UTF-8 (they do: the units are its transcoding).
                guard count == 0 || buffers.visits[count - 1].utf8End <= utf8.count else { return false }
                deliver(buffers.merged, buffers.visits, count: count, found, units, utf8, body)
                return true
            case _?:
                return false
            case nil:
                break  // a unit outside the Latin domain: the general path below
            }
        }
        wordSpans(units, into: &buffers.spans, mayHoldKhmer: mayHoldKhmer)
        var merged = false
        if !found.isEmpty {
            merge(buffers.spans, with: found, into: &buffers.merged)
            merged = true
        }
        // A word a U+200B or a space between Khmer words fell inside (`KhmerInvisibleBreaks`):
        // its text leaves the separator out, so it is no slice of the UTF-8 — `tokenize` answers
        // (a U+200B was declined by its key mapping already; a space, keyed as ASCII, would not
        // be). Only text that may hold Khmer can have one: Latin text pays no look.
        if mayHoldKhmer, buffers.spans.contains(where: \.holdsSeparator) { return false }
        var facts = SpanFacts(latin: engine == .fast)
        let accepted = (merged ? buffers.merged : buffers.spans).withUnsafeBufferPointer { spans -> Bool in
            buffers.visits.removeAll(keepingCapacity: true)
            buffers.visits.reserveCapacity(spans.count)
            for span in spans {
                guard let visit = facts.next(span.range, span.kind, isPlaceable: span.placeable != nil, units) else { return false }
                buffers.visits.append(visit)
            }
            return true
        }
        // The offsets must land inside the text's UTF-8 (they do: the units are its transcoding).
        guard accepted, facts.byte <= utf8.count else { return false }
        deliver(merged ? buffers.merged : buffers.spans, buffers.visits, found, units, utf8, body)
        return true
    }

    /// Finds, span after span in text order, what `visit` needs of each (`SpanVisit`): whether
    /// white space lies between it and the span before (not a space between two Khmer words:
    /// `KhmerWordGap`, as in `MatchText`), its key mapping (`TokenKeys.mapping`, `LatinKeys` when
    /// `latin`; `.text` for a placeable, keyed by its value) and its UTF-8 offsets (a running
    /// count over every unit: 1, 2 or 3 bytes a unit, 2 a surrogate). Shared by the general
    /// path's loop and the one-pass Latin path (`LatinVisitSink`).
    struct SpanFacts {
        let latin: Bool
        /// `TokenKeys.latinUnitFacts`, for the one-pass Latin path: spans are then keyed by
        /// `TokenKeys.latinMapping` (the same answer as `TokenKeys.mapping`, summed from the table).
        let latinUnitFacts: UnsafeBufferPointer<UInt64>?
        /// Where the last span ends, in units and in UTF-8 bytes.
        private(set) var previousEnd = 0, byte = 0
        private var first = true

        init(latin: Bool, latinUnitFacts: UnsafeBufferPointer<UInt64>? = nil) {
            self.latin = latin
            self.latinUnitFacts = latinUnitFacts
        }

        /// The facts of the next span, or nil when `visit` declines the text: a span out of
        /// order or overlapping the one before (`tokenize` then answers, correctly, rather than
        /// wrong offsets), or keys that need ICU.
        @inline(__always)
        mutating func next(_ range: Range<Int>, _ kind: Token.Kind, isPlaceable: Bool, _ units: UnsafeBufferPointer<UInt16>,
                           summed: UInt64? = nil) -> SpanVisit? {
            guard range.lowerBound >= previousEnd else { return nil }
            var spaced = false
            var j = previousEnd
            while j < range.lowerBound {
                let u = units[j]
                byte &+= Tokenizer.utf8Length(u)
                if !spaced, Tokenizer.isWhiteSpace(u) { spaced = true }
                j += 1
            }
            if spaced, previousEnd > 0, KhmerWordGap.between(UInt32(units[previousEnd - 1]), UInt32(units[range.lowerBound])) { spaced = false }
            let start = byte
            let mapping: TokenKeys.Mapping
            if isPlaceable {
                mapping = .text
                for j in range { byte &+= Tokenizer.utf8Length(units[j]) }
            } else {
                var size = 0
                let keyed = if let summed, range.count < 0xFFFF {
                    // The word-break pass summed the span's unit facts (`LatinPieceSink.wantsFacts`).
                    TokenKeys.latinMapping(sum: summed, count: range.count, isNumber: kind == .number, utf8Count: &size)
                } else if let latinUnitFacts {
                    TokenKeys.latinMapping(range, isNumber: kind == .number, units, facts: latinUnitFacts, utf8Count: &size)
                } else {
                    TokenKeys.mapping(TokenKeys.Request(range: range, isNumber: kind == .number), units, latin: latin, utf8Count: &size)
                }
                guard let keyed else { return nil }
                mapping = keyed
                byte &+= size
            }
            let visit = SpanVisit(mapping: mapping, spaced: !first && spaced, utf8Start: start, utf8End: byte)
            first = false
            previousEnd = range.upperBound
            return visit
        }
    }

    /// Calls `body` with each span's `TokenParts` (its facts in `visits`, at the same index).
    /// `count` (when given) is how many of them are the text's: the one-pass Latin path keeps
    /// its arrays at their largest size and writes in place (`LatinVisitSink`).
    private func deliver(_ spans: [Span], _ visits: [SpanVisit], count: Int? = nil, _ found: [Placeable.Found], _ units: UnsafeBufferPointer<UInt16>,
                         _ utf8: UnsafeBufferPointer<UInt8>, _ body: (TokenParts) -> Void) {
        spans.withUnsafeBufferPointer { spans in
            visits.withUnsafeBufferPointer { visits in
                for n in 0..<min(count ?? spans.count, spans.count, visits.count) {
                    let span = spans[n]
                    let visit = visits[n]
                    let text = UnsafeBufferPointer(rebasing: utf8[visit.utf8Start..<visit.utf8End])
                    // Two calls rather than one with optionals: a token that is no placeable (most)
                    // then holds no string to retain and release around `body`.
                    if let p = span.placeable {
                        body(TokenParts(kind: span.kind, spaced: visit.spaced, placeableKind: found[p].kind, placeableValue: found[p].value,
                                        units: units, range: span.range, mapping: visit.mapping, utf8: text))
                    } else {
                        body(TokenParts(kind: span.kind, spaced: visit.spaced, placeableKind: nil, placeableValue: nil,
                                        units: units, range: span.range, mapping: visit.mapping, utf8: text))
                    }
                }
            }
        }
    }

    /// The spans of plain Latin text with their facts, written into `buffers.merged` and
    /// `buffers.visits` in the word-break pass itself (`LatinWordBreaks.scan` with a
    /// `LatinVisitSink`): how many spans when done (the first that many elements of both
    /// arrays, which are kept at their largest size), -1 when `visit` would decline the text (a
    /// token needing ICU for its keys), nil when a unit lies outside `LatinWordBreaks`' domain
    /// (then the general path answers). The spans are those `segmentSpans` (French elision
    /// included) then `merge` give, the facts those `visit`'s loop gives them:
    /// `LatinVisitEquivalenceTests` compares both paths' tokens on the shared corpora.
    ///
    /// Why: the general path wrote each piece into arrays of pieces and kinds, copied them into
    /// spans, merged those with the placeables into a third array, then read the spans again for
    /// their facts — four passes of array traffic per token on the import's commonest text.
    /// The spans and facts are written through pointers into room made once per text (an
    /// `append` per token checked each array's uniqueness and capacity: about 40 instructions a
    /// token, callgrind).
    func latinVisits(_ units: UnsafeBufferPointer<UInt16>, _ found: [Placeable.Found], _ buffers: inout VisitBuffers) -> Int? {
        // Spans are written in text order, none empty, none overlapping (`SpanFacts.next`
        // declines any other): at most one per unit. The sink still checks.
        let room = units.count + found.count + 1
        var spans = buffers.merged, visits = buffers.visits
        buffers.merged = []
        buffers.visits = []
        defer {
            // A huge text's room is not kept for the small ones that follow.
            buffers.merged = room > 1 << 16 ? [] : spans
            buffers.visits = room > 1 << 16 ? [] : visits
        }
        if spans.count < room { spans.append(contentsOf: repeatElement(Span(range: 0..<0, kind: .punctuation), count: room - spans.count)) }
        if visits.count < room {
            visits.append(contentsOf: repeatElement(SpanVisit(mapping: .text, spaced: false, utf8Start: 0, utf8End: 0), count: room - visits.count))
        }
        let elisions = language == .french ? elisions : nil
        return found.withUnsafeBufferPointer { found in
            spans.withUnsafeMutableBufferPointer { spans in
                visits.withUnsafeMutableBufferPointer { visits in
                    TokenKeys.latinUnitFacts.withUnsafeBufferPointer { unitFacts in
                        var sink = LatinVisitSink(units: units, found: found, elisions: elisions, spans: spans, visits: visits,
                                                  unitFacts: unitFacts)
                        let inDomain = Self.latinUnitKinds.withUnsafeBufferPointer { LatinWordBreaks.scan(units, unitKinds: $0, into: &sink) }
                        guard inDomain else { return nil }
                        sink.finish()
                        return sink.declined ? -1 : sink.count
                    }
                }
            }
        }
    }

    /// Turns each piece `LatinWordBreaks.scan` finds into its token at once: French elision
    /// (`segmentSpans`), the merge with the placeables (`merge(_:with:into:)`: a placeable
    /// replaces the spans it overlaps, written once where the first of them was), then the
    /// facts `visit`'s loop finds (white space before, key mapping, UTF-8 offsets).
    struct LatinVisitSink: LatinPieceSink {
        let units: UnsafeBufferPointer<UInt16>
        let found: UnsafeBufferPointer<Placeable.Found>
        /// The French elided forms, for a French tokenizer; nil for any other.
        let elisions: FrenchElision.Prefixes?
        /// Where the spans and their facts go (`latinVisits` made the room), and how many are written.
        let spans: UnsafeMutableBufferPointer<Span>
        let visits: UnsafeMutableBufferPointer<SpanVisit>
        private(set) var count = 0
        /// The next placeable to write, and the one written last (-1: none, or a word since).
        private var p = 0, last = -1
        private var facts: SpanFacts
        /// A span came out of order or needs ICU for its keys: `visit` declines the text.
        private(set) var declined = false

        init(units: UnsafeBufferPointer<UInt16>, found: UnsafeBufferPointer<Placeable.Found>, elisions: FrenchElision.Prefixes?,
             spans: UnsafeMutableBufferPointer<Span>, visits: UnsafeMutableBufferPointer<SpanVisit>, unitFacts: UnsafeBufferPointer<UInt64>) {
            self.units = units
            self.found = found
            self.elisions = elisions
            self.spans = spans
            self.visits = visits
            facts = SpanFacts(latin: true, latinUnitFacts: unitFacts)
        }

        /// The pass sums each piece's `TokenKeys.latinUnitFacts` as it reads its units, so
        /// `write` keys a piece without reading it again (`TokenKeys.latinMapping(sum:…)`).
        static var wantsFacts: Bool { true }

        @inline(__always)
        mutating func piece(_ range: Range<Int>, _ kind: Token.Kind) {
            piece(range, kind, facts: nil)
        }

        @inline(__always)
        mutating func piece(_ range: Range<Int>, _ kind: Token.Kind, facts summed: UInt64?) {
            if kind == .word, let elisions, let length = FrenchElision.prefixLength(range, units, elisions) {
                // Two spans: each keyed from its own units.
                span(range.lowerBound..<range.lowerBound + length, .word, summed: nil)
                span(range.lowerBound + length..<range.upperBound, .word, summed: nil)
            } else {
                span(range, kind, summed: summed)
            }
        }

        /// One span of `segmentSpans`, merged as `merge(_:with:into:)` merges it.
        @inline(__always)
        private mutating func span(_ range: Range<Int>, _ kind: Token.Kind, summed: UInt64?) {
            while p < found.count, found[p].range.upperBound <= range.lowerBound {
                if last != p { write(found[p].range, .placeable, placeable: p); last = p }
                p += 1
            }
            if p < found.count, found[p].range.overlaps(range) {
                if last != p { write(found[p].range, .placeable, placeable: p); last = p }
                return
            }
            write(range, kind, placeable: nil, summed: summed)
            last = -1
        }

        /// The placeables after the last piece.
        mutating func finish() {
            while p < found.count {
                if last != p { write(found[p].range, .placeable, placeable: p); last = p }
                p += 1
            }
        }

        /// One merged span and its facts (`SpanFacts`, as `visit`'s loop finds them).
        private mutating func write(_ range: Range<Int>, _ kind: Token.Kind, placeable: Int?, summed: UInt64? = nil) {
            guard !declined else { return }
            guard count < spans.count, count < visits.count,
                  let visit = facts.next(range, kind, isPlaceable: placeable != nil, units, summed: summed) else { declined = true; return }
            visits[count] = visit
            spans[count] = Span(range: range, kind: kind, placeable: placeable)
            count &+= 1
        }
    }

    /// The UTF-8 length of a unit's share of its scalar (a surrogate: 2 of a pair's 4 bytes).
    @inline(__always)
    static func utf8Length(_ u: UInt16) -> Int {
        u < 0x80 ? 1 : u < 0x800 ? 2 : (u & 0xF800) == 0xD800 ? 2 : 3
    }

    /// Whether a unit is White_Space (a surrogate never is: it only makes scalars above U+FFFF).
    @inline(__always)
    static func isWhiteSpace(_ u: UInt16) -> Bool {
        if u < 0x80 { return u == 0x20 || (u >= 0x09 && u <= 0x0D) }
        if let scalar = Unicode.Scalar(u) { return scalar.properties.isWhitespace }
        return false
    }
}
