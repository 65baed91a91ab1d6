import VerbaleCore

/// A token as the matcher compares it: the tokenizer's `Token` plus the two things scoring
/// needs that a token alone does not say — whether white space precedes it, and which *class*
/// it belongs to.
///
/// The class is what the index posts and what costs a full edit to change: a word's loose key
/// (case and Latin diacritics folded, so `Thaïlande`, `thailande` and `THAILANDE` share it), a
/// number's or placeable's type (`#number`, `#date`, `#reference`, …: two dates differ only by a
/// small penalty), or `#p` for all punctuation. Cost: O(1) per token.
public struct MatchToken: Hashable, Sendable {
    public var token: Token
    /// White space (not U+200B, which Khmer uses between words invisibly) precedes the token —
    /// and not only a space between two Khmer words (`KhmerWordGap`), which Khmer writers put
    /// or leave out as they do U+200B.
    public var spaced: Bool
    public var classKey: String
    /// The language-neutral value of a number or placeable (ASCII digits, ISO date…), else nil.
    public var value: String?

    public var isPunctuation: Bool { token.kind == .punctuation }
    /// Words, numbers and placeables: what the score's lengths count.
    public var isContent: Bool { token.kind != .punctuation }

    /// The token's text is kept composed, Khmer subscripts in order (`Normalizer.matchingForm`):
    /// it is the *form* scoring compares (same key, other form: a case or diacritic penalty),
    /// and a saved index compares forms by bytes, so a decomposed spelling, or a COENG RO typed
    /// first, must not become a second form.
    public init(token: Token, spaced: Bool) {
        var token = token
        token.text = Normalizer.matchingForm(token.text)
        self.token = token
        self.spaced = spaced
        switch token.kind {
        case .word:
            classKey = "w:" + token.looseKey
            value = nil
        case .number:
            classKey = "#number"
            value = token.placeable?.value ?? Self.digitValue(token.text)
        case .placeable:
            let kind = token.placeable?.kind ?? .tag
            classKey = kind == .number ? "#number" : "#" + kind.rawValue
            value = token.placeable?.value ?? token.key
        case .punctuation:
            classKey = "#p"
            value = nil
        }
    }

    /// ASCII digits of a number written with Latin or Khmer digits, keeping separators, so
    /// `១៩៩៣` and `1993` have the same value.
    static func digitValue(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x17E0...0x17E9).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0x17E0 + 0x30) {
                scalars.append(ascii)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

/// A text analysed for matching: its tokens with classes and spacing. Placeables (dates,
/// references, numbers, e-mails, URLs) are merged into single tokens by the tokenizer, so
/// "30 July 1993" is one date token valued `1993-07-30`. Cost: one tokenizer pass, O(n).
public struct MatchText: Sendable {
    public var text: String
    public var language: Language
    public var tokens: [MatchToken]

    /// Number of content tokens (`|a|` in the score formula).
    public var contentLength: Int { tokens.reduce(0) { $0 + ($1.isContent ? 1 : 0) } }

    public init(text: String, language: Language, tokenizer: Tokenizer) {
        self.text = text
        self.language = language
        let scalars = Array(text.unicodeScalars)
        var previousEnd = 0
        var tokens: [MatchToken] = []
        for token in tokenizer.tokenize(text, mergingPlaceables: true) {
            var spaced = false
            if !tokens.isEmpty {
                let lower = min(max(previousEnd, 0), scalars.count), upper = min(max(token.range.lowerBound, lower), scalars.count)
                spaced = scalars[lower..<upper].contains { $0.properties.isWhitespace && $0 != "\u{200B}" && $0 != "\u{FEFF}" }
                    && !Self.isKhmerWordGap(after: tokens[tokens.count - 1].token, before: token)
            }
            previousEnd = token.range.upperBound
            tokens.append(MatchToken(token: token, spaced: spaced))
        }
        self.tokens = tokens
    }

    /// Whether the white space between two tokens is a Khmer word gap (`KhmerWordGap`: a Khmer
    /// letter or digit on both sides), which matching counts as no space, like U+200B. Read off
    /// the tokens' texts (their edges are the text's: subscript reordering stays inside a
    /// cluster). O(1).
    public static func isKhmerWordGap(after previous: Token, before next: Token) -> Bool {
        guard let last = previous.text.unicodeScalars.last, let first = next.text.unicodeScalars.first else { return false }
        return KhmerWordGap.between(last.value, first.value)
    }

    /// The most content tokens an entity may span and still become one token; longer ones stay
    /// words. The bound makes the index's entity filter lossless (`FilterBound.entityRequirement`:
    /// a memory segment of m words has at least m / 8 tokens once its entities are merged).
    public static let longestEntity = 8

    /// The text analysed with glossary entities merged into single `#entity` tokens (valued by
    /// concept id) — or any other placeables found outside the tokenizer, such as a query's
    /// personal data as `#placeholder` tokens (`FuzzyMatcher.queryPlaceholders`); where two
    /// start at the same token, the first in order of position is kept. An entity whose edges fall inside a token, or that spans more than
    /// `longestEntity` content tokens, is left as words. Cost: one tokenizer pass plus
    /// O(tokens + entities).
    public init(text: String, language: Language, tokenizer: Tokenizer, entities: [Placeable]) {
        self.init(text: text, language: language, tokenizer: tokenizer)
        guard !entities.isEmpty else { return }
        var merged: [MatchToken] = []
        var i = 0
        // Around a query's personal data (`#placeholder`), white space counts as typed, Khmer
        // word gaps included: the memory writes `លោក {PERSON} តាម`, whose braces are no Khmer
        // letters, so `លោក ចាន់ធី តាម` must keep its spaces to agree with it.
        let scalars = entities.contains { $0.kind == .placeholder } ? Array(text.unicodeScalars) : []
        func typedSpace(before start: Int, after end: Int) -> Bool {
            let lower = min(max(end, 0), scalars.count), upper = min(max(start, lower), scalars.count)
            return scalars[lower..<upper].contains { $0.properties.isWhitespace && $0 != "\u{200B}" && $0 != "\u{FEFF}" }
        }
        var afterPlaceholder = false
        var remaining = entities.sorted { $0.range.lowerBound < $1.range.lowerBound }[...]
        while i < tokens.count {
            let token = tokens[i]
            while let next = remaining.first, next.range.lowerBound < token.token.range.lowerBound { remaining.removeFirst() }
            if let entity = remaining.first, entity.range.lowerBound == token.token.range.lowerBound {
                var j = i
                while j < tokens.count, tokens[j].token.range.upperBound < entity.range.upperBound { j += 1 }
                if j < tokens.count, tokens[j].token.range.upperBound == entity.range.upperBound,
                   tokens[i...j].filter(\.isContent).count <= Self.longestEntity {
                    remaining.removeFirst()
                    let folded = entity.text.lowercased()
                    let merge = Token(text: entity.text, key: folded, looseKey: folded, range: entity.range, kind: .placeable, placeable: entity)
                    var spaced = token.spaced
                    if entity.kind == .placeholder, let previous = merged.last {
                        spaced = typedSpace(before: token.token.range.lowerBound, after: previous.token.range.upperBound)
                    }
                    merged.append(MatchToken(token: merge, spaced: spaced))
                    afterPlaceholder = entity.kind == .placeholder
                    i = j + 1
                    continue
                }
            }
            var next = token
            if afterPlaceholder, let previous = merged.last {
                next.spaced = typedSpace(before: token.token.range.lowerBound, after: previous.token.range.upperBound)
            }
            afterPlaceholder = false
            merged.append(next)
            i += 1
        }
        tokens = merged
    }

    /// The tokens with their texts as typed (the slice of `text` each covers) instead of their
    /// matching forms, which drop U+200B, U+FEFF and spaces inside a Khmer placeable and
    /// compose or reorder marks: what a diff, a carried value or a warning shows, and what a
    /// carried reference is edited from, so a stored `លេខ ១២៣/២០២១` keeps its space. Classes
    /// and values are unchanged. O(text length), for the few matches shown.
    public var tokensAsTyped: [MatchToken] {
        let scalars = Array(text.unicodeScalars)
        return tokens.map { token in
            var typed = token
            let lower = min(max(token.token.range.lowerBound, 0), scalars.count), upper = min(max(token.token.range.upperBound, lower), scalars.count)
            typed.token.text = String(String.UnicodeScalarView(scalars[lower..<upper]))
            return typed
        }
    }

    /// True when some token is a glossary entity.
    public var hasEntities: Bool { tokens.contains { $0.token.placeable?.kind == .entity } }
}
