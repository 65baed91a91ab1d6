import VerbaleCore

/// Finds the stock phrases of a book inside a text, in one language: "… presents its
/// compliments to the Ministry …" contains `opening.compliments`.
///
/// Matching is on word keys without Latin diacritics (`Normalizer.looseKey`), punctuation
/// ignored, so line breaks, typographic apostrophes, case and "Etrangères"/"Étrangères" do not
/// hide a formula. Where formulas overlap the longest wins (leftmost first).
///
/// Cost: O(P·w) to index P phrases of w words; O(T·k) per text of T tokens, where k is the
/// number of phrases starting with the same word (≤ 10 in the shipped memory).
public final class PhraseSpotter {
    public let language: Language
    private let tokenizer: Tokenizer
    private var byFirstWord: [String: [(phrase: StockPhrase, keys: [String])]] = [:]

    /// A formula found in a text.
    public struct Spot: Sendable, Hashable {
        public var phrase: StockPhrase
        /// Where, in Unicode scalars of the text.
        public var range: Range<Int>
        /// Which word tokens of the text it covers.
        public var tokens: Range<Int>
    }

    public init(book: StockPhraseBook, language: Language) throws(ICUError) {
        self.language = language
        tokenizer = try Tokenizer(language: language)
        for phrase in book.phrases {
            guard let text = phrase.text(language) else { continue }
            let keys = Self.words(tokenizer.tokenize(text)).map(\.looseKey)
            // One-word phrases ("and") are template glue, too common to spot.
            guard keys.count >= 2, let first = keys.first else { continue }
            byFirstWord[first, default: []].append((phrase, keys))
            // French "à" contracts with the article that follows: "compliments au Ministère".
            if language == .french, keys.last == "a" {
                for contracted in ["au", "aux"] { byFirstWord[first, default: []].append((phrase, keys.dropLast() + [contracted])) }
            }
        }
        for key in byFirstWord.keys { byFirstWord[key]?.sort { $0.keys.count > $1.keys.count } }
    }

    static func words(_ tokens: [Token]) -> [Token] { tokens.filter { $0.kind != .punctuation } }

    /// The word tokens of `text` (what `Spot.tokens` indexes).
    public func wordTokens(_ text: String) -> [Token] { Self.words(GluedWords.split(tokenizer.tokenize(text))) }

    /// Every formula in `text`, left to right, non-overlapping, longest first.
    public func spots(in text: String) -> [Spot] { spots(inTokens: wordTokens(text)) }

    public func spots(inTokens tokens: [Token]) -> [Spot] {
        var result: [Spot] = []
        var i = 0
        while i < tokens.count {
            var matched = false
            for candidate in byFirstWord[tokens[i].looseKey] ?? [] where i + candidate.keys.count <= tokens.count {
                var ok = true
                for (offset, key) in candidate.keys.enumerated() where tokens[i + offset].looseKey != key {
                    ok = false
                    break
                }
                if ok {
                    let end = i + candidate.keys.count
                    result.append(Spot(phrase: candidate.phrase, range: tokens[i].range.lowerBound..<tokens[end - 1].range.upperBound, tokens: i..<end))
                    i = end
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        return result
    }

    /// The matching keys of the words of `text` (exact keys, case-folded).
    public func keys(_ text: String) -> [String] { wordTokens(text).map(\.key) }

    /// How many times the word sequence of `phrase` occurs in `text` (for provenance checks).
    public func occurrences(of phrase: String, in text: String) -> Int {
        Self.occurrences(of: keys(phrase), in: keys(text))
    }

    /// How many times `needle` occurs in `hay` (both word keys). O(|hay|·|needle|).
    public static func occurrences(of needle: [String], in hay: [String]) -> Int {
        guard !needle.isEmpty, hay.count >= needle.count else { return 0 }
        var count = 0
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) {
            count += 1
        }
        return count
    }
}
