extension Tokenizer {
    /// One token of `visitTokens`, read in place from the text: what `tokenize` would put in its
    /// `Token`, for a writer that wants bytes rather than strings (the import's fuzzy-match
    /// encoder). Valid only inside the `visitTokens` call that passed it.
    public struct TokenParts {
        public let kind: Token.Kind
        /// Whether white space (Unicode White_Space: not U+200B or U+FEFF) lies between the
        /// previous token and this one; false for the first token.
        public let spaced: Bool
        /// The placeable's kind and value, for a `.placeable` token (its `key` and `looseKey`).
        public let placeableKind: Placeable.Kind?
        public let placeableValue: String?
        let units: UnsafeBufferPointer<UInt16>
        let range: Range<Int>
        let mapping: TokenKeys.Mapping

        /// Whether the token's text is its own NFC and both its keys are that text (a lower-case
        /// word, most punctuation): then the text's UTF-8 (`textUTF8Count`, `appendText`) is all an
        /// encoder needs, with no key to make or compare.
        public var keysAreText: Bool {
            placeableValue == nil && mapping == .text && isComposedWithoutICU
        }

        /// The length of the text's UTF-8 (the token covers no surrogate when `keysAreText`).
        public var textUTF8Count: Int {
            var count = 0
            for j in range {
                let u = units[j]
                count &+= u < 0x80 ? 1 : u < 0x800 ? 2 : 3
            }
            return count
        }

        /// Appends the UTF-8 of the text (use when `keysAreText`: then it is the composed text).
        public func appendText(to bytes: inout [UInt8]) {
            for j in range { Self.appendUTF8(units[j], to: &bytes) }
        }

        /// `Normalizer.isComposedWithoutICU` of the text, read off its units (no surrogates).
        var isComposedWithoutICU: Bool {
            for j in range {
                switch units[j] {
                case 0..<0x300, 0x2002...0x20CF, 0x19E0...0x19FF: continue
                case 0x1780...0x17FF where units[j] != 0x17DD: continue
                default: return false
                }
            }
            return true
        }

        /// Appends the UTF-8 of `Normalizer.composed(token.text)`: straight from the units when
        /// each is one `Normalizer.isComposedWithoutICU` accepts (then the text is its own NFC),
        /// else through that function. O(length).
        public func appendComposedText(to bytes: inout [UInt8]) {
            if isComposedWithoutICU {
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

        /// The UTF-8 of one code unit that is not a surrogate.
        @inline(__always)
        static func appendUTF8(_ u: UInt16, to bytes: inout [UInt8]) {
            if u < 0x80 {
                bytes.append(UInt8(u))
            } else if u < 0x800 {
                bytes.append(UInt8(0xC0 | (u >> 6))); bytes.append(UInt8(0x80 | (u & 0x3F)))
            } else {
                bytes.append(UInt8(0xE0 | (u >> 12))); bytes.append(UInt8(0x80 | ((u >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (u & 0x3F)))
            }
        }
    }

    /// Calls `body` with each token of `text`, in order, as `tokenize(text, mergingPlaceables:)`
    /// finds them, without making a `Token` or a string per token: the texts and keys are read
    /// from the text's units (`TokenParts`). Returns false, having called nothing, when a token
    /// needs ICU for its keys (text outside `TokenKeys.swiftKeys`' reach, or the `.icu` engine's
    /// non-ASCII words): the caller then uses `tokenize`.
    ///
    /// Why: the import analyses every variant; building each token's text, key and loose key
    /// strings, a `Token` array, then reading the strings back into bytes was about as costly as
    /// finding the tokens. `MatchEntryEncoderTests` holds the bytes written from here to those
    /// written from `tokenize`. Cost: `tokenize`'s word and placeable passes, then one pass over
    /// the units per token; no allocation once the tokenizer's buffers have grown.
    public func visitTokens(_ text: String, mergingPlaceables: Bool, _ body: (TokenParts) -> Void) -> Bool {
        withUnits(of: text) { units, _ in
            var spans = wordSpans(units)
            var found: [Placeable.Found] = []
            if mergingPlaceables {
                found = placeableRecognizer().recognize(units)
                spans = merge(spans, with: found)
            }
            let latin = engine == .fast
            var mappings = mappingBuffer
            mappingBuffer = []
            defer { mappingBuffer = mappings }
            mappings.removeAll(keepingCapacity: true)
            for span in spans {
                if span.placeable != nil {
                    mappings.append(.text)
                } else if let mapping = TokenKeys.mapping(TokenKeys.Request(range: span.range, isNumber: span.kind == .number), units, latin: latin) {
                    mappings.append(mapping)
                } else {
                    return false
                }
            }
            var previousEnd = 0
            for (n, span) in spans.enumerated() {
                let spaced = n > 0 && Self.containsWhiteSpace(units, from: previousEnd, to: span.range.lowerBound)
                previousEnd = span.range.upperBound
                let placeable = span.placeable.map { found[$0] }
                body(TokenParts(kind: span.kind, spaced: spaced, placeableKind: placeable?.kind, placeableValue: placeable?.value,
                                units: units, range: span.range, mapping: mappings[n]))
            }
            return true
        }
    }

    /// Whether a unit in `lower..<upper` is White_Space (surrogates, which only make scalars
    /// above U+FFFF, never are).
    static func containsWhiteSpace(_ units: UnsafeBufferPointer<UInt16>, from lower: Int, to upper: Int) -> Bool {
        var j = lower
        while j < upper {
            let u = units[j]
            j += 1
            if u < 0x80 {
                if u == 0x20 || (u >= 0x09 && u <= 0x0D) { return true }
            } else if let scalar = Unicode.Scalar(u), scalar.properties.isWhitespace {
                return true
            }
        }
        return false
    }
}
