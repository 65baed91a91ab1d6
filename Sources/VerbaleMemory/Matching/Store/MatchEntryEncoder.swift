import VerbaleCore

/// Encodes a variant's fuzzy-match tokens for `match_entry` straight from the tokenizer's
/// output: the same bytes as `StoredToken.encode(MatchText(…).tokens.map(StoredToken.init))`,
/// without building a `MatchToken` and a `StoredToken` per token.
///
/// Why: the import analyses every variant; going through `MatchText` cost, per token, a class
/// key string (`"w:" + looseKey`), two struct copies with five strings each, and, per text, an
/// array of all its Unicode scalars (to see white space between tokens) — about a third of the
/// fuzzy-match analysis beside the tokenizer itself. Here the spacing is read with one forward
/// walk over the scalars and the class key is written as bytes. `MatchEntryEncoderTests` checks
/// the bytes equal the reference path on real English, French and Khmer texts.
///
/// Cost: O(text length + encoded size); one output buffer, reused by the caller.
enum MatchEntryEncoder {
    /// Appends the encoding of `tokens` (the tokenizer's tokens of `text`, merged placeables
    /// included, in order) to `bytes`.
    static func encode(_ tokens: [Token], of text: String, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var gaps = WhiteSpaceGaps(utf8)
            var previousEnd = 0
            tokens.withUnsafeBufferPointer { tokens in
                for index in tokens.indices {
                    let range = tokens[index].range
                    let spaced = index > 0 && gaps.containsWhiteSpace(from: previousEnd, to: range.lowerBound)
                    previousEnd = range.upperBound
                    append(tokens[index], spaced: spaced, to: &bytes)
                }
            }
        }
    }

    private static func append(_ token: borrowing Token, spaced: Bool, to bytes: inout [UInt8]) {
        // The form composed, as `MatchToken` keeps it.
        let form = Normalizer.composed(token.text)
        let sameKey = StoredToken.sameBytes(token.key, form)
        var flags: UInt8 = (spaced ? StoredToken.spacedFlag : 0) | (sameKey ? StoredToken.sameKeyFlag : 0)
        switch token.kind {
        case .word:
            let derived = StoredToken.sameBytes(token.looseKey, token.key)
            flags |= MatchVocabulary.Kind.word.rawValue | (derived ? StoredToken.derivedClassFlag : 0)
            bytes.append(flags)
            appendString(form, to: &bytes)
            if !sameKey { appendString(token.key, to: &bytes) }
            if !derived { appendString(token.looseKey, prefix: "w:", to: &bytes) }
        case .punctuation:
            bytes.append(flags | MatchVocabulary.Kind.punctuation.rawValue | StoredToken.derivedClassFlag)
            appendString(form, to: &bytes)
            if !sameKey { appendString(token.key, to: &bytes) }
        case .number:
            bytes.append(flags | MatchVocabulary.Kind.valued.rawValue | StoredToken.valueFlag)
            appendString(form, to: &bytes)
            if !sameKey { appendString(token.key, to: &bytes) }
            appendString("#number", to: &bytes)
            appendString(token.placeable?.value ?? MatchToken.digitValue(form), to: &bytes)
        case .placeable:
            bytes.append(flags | MatchVocabulary.Kind.valued.rawValue | StoredToken.valueFlag)
            appendString(form, to: &bytes)
            if !sameKey { appendString(token.key, to: &bytes) }
            let kind = token.placeable?.kind ?? .tag
            if kind == .number { appendString("#number", to: &bytes) } else { appendString(kind.rawValue, prefix: "#", to: &bytes) }
            appendString(token.placeable?.value ?? token.key, to: &bytes)
        }
    }

    /// Appends a varint length and the UTF-8 of `prefix + text`.
    @inline(__always)
    private static func appendString(_ text: String, prefix: StaticString? = nil, to bytes: inout [UInt8]) {
        var length = text.utf8.count + (prefix?.utf8CodeUnitCount ?? 0)
        while length >= 0x80 { bytes.append(UInt8(length & 0x7F) | 0x80); length >>= 7 }
        bytes.append(UInt8(length))
        if let prefix { prefix.withUTF8Buffer { bytes.append(contentsOf: $0) } }
        bytes.append(contentsOf: text.utf8)
    }
}

/// Answers "is there white space (not U+200B or U+FEFF) between scalar offsets a and b?" for
/// increasing gaps of one text, walking its UTF-8 once (scalars counted by their lead bytes;
/// only a non-ASCII scalar inside a gap is decoded). A gap before the walk's position (tokens
/// out of order, which the tokenizer does not produce) restarts the walk: correct, only slower.
/// Valid for the lifetime of the buffer it reads (inside the caller's `withUTF8`).
struct WhiteSpaceGaps {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The walk's position: `byte` is where scalar number `scalar` starts.
    private var byte = 0
    private var scalar = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func containsWhiteSpace(from lower: Int, to upper: Int) -> Bool {
        guard upper > lower else { return false }
        if lower < scalar {
            byte = 0
            scalar = 0
        }
        while scalar < lower {
            guard byte < bytes.count else { return false }
            byte += Self.length(bytes[byte])
            scalar += 1
        }
        var found = false
        while scalar < upper {
            guard byte < bytes.count else { return found }
            let lead = bytes[byte]
            let length = Self.length(lead)
            if !found {
                if lead < 0x80 {
                    found = lead == 0x20 || (lead >= 0x09 && lead <= 0x0D)
                } else if let decoded = decode(at: byte, length: length) {
                    found = Self.isWhiteSpace(decoded)
                }
            }
            byte += length
            scalar += 1
        }
        return found
    }

    /// The length of the UTF-8 sequence a lead byte starts (valid UTF-8: a Swift string's).
    @inline(__always)
    private static func length(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    private func decode(at start: Int, length: Int) -> Unicode.Scalar? {
        guard start + length <= bytes.count else { return nil }
        var value = UInt32(bytes[start]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[start + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// Unicode White_Space, which never includes U+200B or U+FEFF; ASCII answered without a
    /// property lookup.
    @inline(__always)
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return scalar.properties.isWhitespace
    }
}
