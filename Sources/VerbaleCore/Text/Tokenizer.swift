/// Splits text into word tokens for EN, FR and KM.
///
/// Words come from ICU's word boundaries (its dictionary segments Khmer, which has no spaces);
/// white space and U+200B never appear in tokens. Cost: O(n) per text, plus one ICU iterator
/// per tokenizer (reuse the tokenizer; it is not thread-safe).
public final class Tokenizer {
    public let language: Language
    private let words: BreakIterator

    public init(language: Language) throws(ICUError) {
        self.language = language
        words = try BreakIterator(.word, locale: language.rawValue)
    }

    /// The tokens of `text`, in order, with ranges in Unicode scalars.
    public func tokenize(_ text: String) -> [Token] {
        let utf16 = Array(text.utf16)
        let offsets = ScalarOffsets(utf16: utf16)
        var tokens: [Token] = []
        var start = 0
        for boundary in words.boundaries(utf16: utf16) {
            defer { start = boundary.utf16Offset }
            let piece = String(decoding: utf16[start..<boundary.utf16Offset], as: UTF16.self)
            let trimmed = piece.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{200B}" && $0 != "\u{FEFF}" }
            guard !trimmed.isEmpty else { continue }
            let kind: Token.Kind = switch boundary.ruleStatus {
            case 100..<200: .number
            case 200..<500: .word
            default: piece.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) ? .word : .punctuation
            }
            let text = String(String.UnicodeScalarView(trimmed))
            let key = Normalizer.key(text)
            tokens.append(Token(
                text: text, key: key, looseKey: Normalizer.stripLatinDiacritics(key),
                range: offsets.scalarOffset(ofUTF16: start)..<offsets.scalarOffset(ofUTF16: boundary.utf16Offset),
                kind: kind))
        }
        return tokens
    }
}

/// Converts UTF-16 offsets (ICU's) into Unicode-scalar offsets (what Verbale reports). O(n) to
/// build, O(1) per lookup.
public struct ScalarOffsets: Sendable {
    /// scalarIndex[i] = number of scalars before UTF-16 offset i.
    private let scalarIndex: [Int32]

    public init(utf16: [UInt16]) {
        var index = [Int32](repeating: 0, count: utf16.count + 1)
        var scalars: Int32 = 0
        for (i, unit) in utf16.enumerated() {
            index[i] = scalars
            if !UTF16.isTrailSurrogate(unit) { scalars += 1 }
        }
        index[utf16.count] = scalars
        self.scalarIndex = index
    }

    public func scalarOffset(ofUTF16 offset: Int) -> Int { Int(scalarIndex[min(max(offset, 0), scalarIndex.count - 1)]) }
}
