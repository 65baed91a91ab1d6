import VerbaleCore

/// Turns a term or a text into the key the glossary matches on, so a term keyed at import
/// time and the same words met in a text later agree.
///
/// A key is the sequence of the tokenizer's word and number tokens (punctuation dropped), each
/// as its `looseKey` (NFKC, case-folded, ’ → ', U+200B removed, Latin diacritics dropped),
/// joined by one space — except between two Khmer tokens, which are joined with nothing, because
/// Khmer writes no spaces between words and ICU's dictionary may cut the same phrase
/// differently in and out of context. So "Chargé d’affaires, a.i." keys as
/// "charge d'affaires a i", and ព្រះរាជាណាចក្រ​កម្ពុជា (with or without U+200B) as
/// ព្រះរាជាណាចក្រកម្ពុជា.
///
/// Cost: one tokenizer pass, O(n). Holds one ICU word iterator per language; not thread-safe.
public final class TermKeyer {
    private var tokenizers: [Language: Tokenizer] = [:]

    public init() {}

    /// The tokenizer for `language` (created once, then reused).
    public func tokenizer(for language: Language) -> Tokenizer? {
        if let tokenizer = tokenizers[language] { return tokenizer }
        guard let tokenizer = try? Tokenizer(language: language) else { return nil }
        tokenizers[language] = tokenizer
        return tokenizer
    }

    /// The language whose tokenizer to use for a term tagged `tag` (Khmer text is tokenised
    /// as Khmer whatever its tag says; unsupported languages use the English rules).
    public static func language(for tag: LanguageTag?, text: String) -> Language {
        if text.unicodeScalars.contains(where: isKhmer) { return .khmer }
        return tag?.language ?? .english
    }

    /// The word and number tokens of `text` (punctuation dropped), with French elisions split
    /// off (`l'ambassade` → `l'` `ambassade`), because ICU keeps them in one word and a term
    /// ("ambassade") must still be found after an article.
    public func words(_ text: String, language: Language) -> [Token] {
        guard let tokenizer = tokenizer(for: language) else { return [] }
        var words: [Token] = []
        for token in tokenizer.tokenize(text) where token.kind != .punctuation {
            if token.kind == .word, let split = Self.splitElision(token) {
                words.append(contentsOf: split)
            } else {
                words.append(token)
            }
        }
        return words
    }

    /// Elided French words that ICU glues to the next word.
    static let elisions: Set<String> = ["l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'"]

    /// What `Normalizer.key` turns into a plain apostrophe.
    static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}", "\u{00B4}", "\u{0060}"]

    /// `l'ambassade` → [`l'`, `ambassade`], keeping scalar ranges exact; nil when not elided.
    static func splitElision(_ token: Token) -> [Token]? {
        guard let apostrophe = token.key.firstIndex(of: "'") else { return nil }
        let head = String(token.key[...apostrophe])
        guard elisions.contains(head), token.key.index(after: apostrophe) < token.key.endIndex else { return nil }
        let scalars = Array(token.text.unicodeScalars)
        guard let cut = scalars.firstIndex(where: { Self.apostrophes.contains($0) }), cut + 1 < scalars.count else { return nil }
        let first = String(String.UnicodeScalarView(scalars[...cut]))
        let rest = String(String.UnicodeScalarView(scalars[(cut + 1)...]))
        let restKey = Normalizer.key(rest)
        let start = token.range.lowerBound
        return [
            Token(text: first, key: head, looseKey: head, range: start..<(start + cut + 1), kind: .word),
            Token(text: rest, key: restKey, looseKey: Normalizer.stripLatinDiacritics(restKey), range: (start + cut + 1)..<token.range.upperBound, kind: .word),
        ]
    }

    /// The loose matching key of `text` (see the type's documentation).
    public func key(_ text: String, language: Language) -> String {
        Self.join(words(text, language: language).map(\.looseKey))
    }

    /// The strict key: as `key`, but keeping Latin diacritics (to tell `Thaïlande` from
    /// `Thailande` when scoring).
    public func strictKey(_ text: String, language: Language) -> String {
        Self.join(words(text, language: language).map(\.key))
    }

    /// Joins token keys: nothing between two Khmer tokens, a space otherwise.
    public static func join<S: Sequence>(_ keys: S) -> String where S.Element == String {
        var out = ""
        for key in keys { append(key, to: &out) }
        return out
    }

    /// Appends one token key to a joined key, with the separator `join` would use.
    @inline(__always)
    public static func append(_ key: String, to joined: inout String) {
        if !joined.isEmpty {
            let khmerPair = joined.unicodeScalars.last.map(isKhmer) == true && key.unicodeScalars.first.map(isKhmer) == true
            if !khmerPair { joined.append(" ") }
        }
        joined.append(key)
    }

    /// Whether `scalar` is in the Khmer or Khmer Symbols blocks.
    @inline(__always)
    public static func isKhmer(_ scalar: Unicode.Scalar) -> Bool {
        (0x1780...0x17FF).contains(scalar.value) || (0x19E0...0x19FF).contains(scalar.value)
    }
}
