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
    private func visit(_ units: UnsafeBufferPointer<UInt16>, _ utf8: UnsafeBufferPointer<UInt8>, mergingPlaceables: Bool,
                       mayHoldKhmer: Bool, _ body: (TokenParts) -> Void) -> Bool {
        var buffers = visitBuffers
        visitBuffers = VisitBuffers()
        defer { visitBuffers = buffers }
        wordSpans(units, into: &buffers.spans, mayHoldKhmer: mayHoldKhmer)
        var found: [Placeable.Found] = []
        var merged = false
        // A text without a digit, `@`, `{`, `:` or `www.` holds no placeable: not scanned
        // (`PlaceableRecognizer.mayHoldPlaceable`; the reference engine scans every text).
        if mergingPlaceables, engine == .icu || PlaceableRecognizer.mayHoldPlaceable(utf8: utf8) {
            found = placeableRecognizer().recognize(units)
            if !found.isEmpty {
                merge(buffers.spans, with: found, into: &buffers.merged)
                merged = true
            }
        }
        // A word a U+200B or a space between Khmer words fell inside (`KhmerInvisibleBreaks`):
        // its text leaves the separator out, so it is no slice of the UTF-8 — `tokenize` answers
        // (a U+200B was declined by its key mapping already; a space, keyed as ASCII, would not
        // be). Only text that may hold Khmer can have one: Latin text pays no look.
        if mayHoldKhmer, buffers.spans.contains(where: \.holdsSeparator) { return false }
        let latin = engine == .fast
        return (merged ? buffers.merged : buffers.spans).withUnsafeBufferPointer { spans in
            buffers.visits.removeAll(keepingCapacity: true)
            buffers.visits.reserveCapacity(spans.count)
            var previousEnd = 0, byte = 0
            for (n, span) in spans.enumerated() {
                // Spans come in order without overlaps; anything else is declined (`tokenize` then
                // answers, correctly) rather than given wrong offsets.
                guard span.range.lowerBound >= previousEnd else { return false }
                var spaced = false
                for j in previousEnd..<span.range.lowerBound {
                    let u = units[j]
                    byte &+= Self.utf8Length(u)
                    if !spaced, Self.isWhiteSpace(u) { spaced = true }
                }
                // A space between two Khmer words counts as none (`KhmerWordGap`), as in `MatchText`.
                if spaced, previousEnd > 0, KhmerWordGap.between(UInt32(units[previousEnd - 1]), UInt32(units[span.range.lowerBound])) { spaced = false }
                let start = byte
                let mapping: TokenKeys.Mapping
                if span.placeable != nil {
                    mapping = .text
                    for j in span.range { byte &+= Self.utf8Length(units[j]) }
                } else {
                    var size = 0
                    guard let keyed = TokenKeys.mapping(TokenKeys.Request(range: span.range, isNumber: span.kind == .number), units,
                                                        latin: latin, utf8Count: &size) else { return false }
                    mapping = keyed
                    byte &+= size
                }
                buffers.visits.append(SpanVisit(mapping: mapping, spaced: n > 0 && spaced, utf8Start: start, utf8End: byte))
                previousEnd = span.range.upperBound
            }
            // The offsets must land inside the text's UTF-8 (they do: the units are its transcoding).
            guard byte <= utf8.count else { return false }
            buffers.visits.withUnsafeBufferPointer { visits in
                for (n, span) in spans.enumerated() {
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
            return true
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
