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
        var gaps = WhiteSpaceGaps(text)
        var previousEnd = 0
        for (index, token) in tokens.enumerated() {
            let spaced = index > 0 && gaps.containsWhiteSpace(from: previousEnd, to: token.range.lowerBound)
            previousEnd = token.range.upperBound
            append(token, spaced: spaced, to: &bytes)
        }
    }

    private static func append(_ token: Token, spaced: Bool, to bytes: inout [UInt8]) {
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
/// increasing gaps of one text, walking its scalars once. A gap before the walk's position
/// (tokens out of order, which the tokenizer does not produce) restarts the walk: correct,
/// only slower.
struct WhiteSpaceGaps {
    private let scalars: String.UnicodeScalarView
    private var iterator: String.UnicodeScalarView.Iterator
    private var position = 0

    init(_ text: String) {
        scalars = text.unicodeScalars
        iterator = scalars.makeIterator()
    }

    mutating func containsWhiteSpace(from lower: Int, to upper: Int) -> Bool {
        guard upper > lower else { return false }
        if lower < position {
            iterator = scalars.makeIterator()
            position = 0
        }
        while position < lower {
            guard iterator.next() != nil else { return false }
            position += 1
        }
        var found = false
        while position < upper {
            guard let scalar = iterator.next() else { return found }
            position += 1
            if !found, Self.isWhiteSpace(scalar) { found = true }
        }
        return found
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
