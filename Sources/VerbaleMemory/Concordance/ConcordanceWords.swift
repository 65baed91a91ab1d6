import VerbaleCore

/// The words concordance indexes and searches: lower-cased runs of letters, marks and digits.
///
/// Every text is split at every scalar that is not a letter, mark or digit — the same words
/// ICU's rules give for English and French except that `l'honneur` is two words (`l`,
/// `honneur`) and `info@mfa.gov.kh` four, which is also how a query is split, so index and query
/// agree. Only the Khmer runs of a text (Khmer has no spaces) go through Verbale's `Tokenizer`
/// (ICU's dictionary plus the Khmer rules; SQLite's own tokenizers cannot split Khmer), each run
/// on its own, so a Latin word, number or address inside a Khmer note is keyed exactly as in a
/// Latin note or a query (until `concordance.v2-khmer-runs` the whole Khmer text went to ICU,
/// which joined `1,000` into `1000`; that migration re-indexes such memories). Cost: O(n)
/// scalars, about 20× cheaper than an ICU pass with NFKC case folding (import runs far below
/// its 100k units/s target, so every pass counts: see the README's memory section); a text
/// holding Khmer adds one tokenizer pass.
///
/// Not thread-safe (holds an ICU break iterator once Khmer was seen): one per task.
public final class ConcordanceWords {
    private var khmer: Tokenizer?

    public init() {}

    /// A word of a text: its key and where it is, in Unicode scalars.
    public struct Word: Equatable, Sendable {
        public var key: String
        public var range: Range<Int>
    }

    /// The keys of `text`'s words joined by single spaces (what the index stores).
    ///
    /// Works on UTF-8 bytes: ASCII letters and digits are lower-cased in place, other bytes
    /// decoded only when non-ASCII (so English and most French cost one byte loop); the first
    /// Khmer scalar sends the whole text to the Khmer path.
    public func indexText(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                let isLetter = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                let isUpper = byte >= 0x41 && byte <= 0x5A
                if isLetter || isUpper {
                    if !inWord, !output.isEmpty { output.append(0x20) }
                    inWord = true
                    output.append(isUpper ? byte + 0x20 : byte)
                } else {
                    inWord = false
                }
            } else if value >= 0x1780 && value <= 0x17FF {
                // Khmer (the range `containsKhmer` looks for): ICU's dictionary splits it.
                return words(text).map(\.key).joined(separator: " ")
            } else if value >= 0xC0 && value <= 0xFF && value != 0xD7 && value != 0xF7 {
                // Latin-1 letters (French accents): all word scalars; À–Þ lower-case by +0x20 —
                // what `appendLowercased` gives, without a property lookup (`indexTextAgreesWithWords`).
                if !inWord, !output.isEmpty { output.append(0x20) }
                inWord = true
                Self.appendUTF8(value <= 0xDE ? value + 0x20 : value, to: &output)
            } else if Self.isWordScalar(scalar) {
                if !inWord, !output.isEmpty { output.append(0x20) }
                inWord = true
                if scalar.properties.changesWhenLowercased {
                    for piece in scalar.properties.lowercaseMapping.unicodeScalars { Self.appendUTF8(piece.value, to: &output) }
                } else {
                    Self.appendUTF8(value, to: &output)
                }
            } else {
                inWord = false
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The words of `text`, with ranges (for highlighting).
    ///
    /// Only the Khmer runs of a text go through ICU (`khmerWords`); everything else — the Latin
    /// words, numbers, e-mail addresses and references a Khmer note is full of — is split by the
    /// same scalar loop as a Latin-only text or query, so `1,000`, `U.N.` or `info@mfa.gov.kh`
    /// give the same words wherever they appear. Cost: the scalar loop plus, when the text holds
    /// Khmer, one tokenizer pass over a copy of the text in which every non-Khmer scalar is a
    /// space (so the ranges stay the text's, and each Khmer run is segmented on its own).
    public func words(_ text: String) -> [Word] {
        let khmerText = Self.containsKhmer(text)
        if khmerText, khmer == nil { khmer = try? Tokenizer(language: .khmer) }
        // Without a Khmer tokenizer (ICU failed to load), Khmer runs are split like any other.
        let runs = khmerText ? khmer : nil
        var result: [Word] = []
        var masked = String.UnicodeScalarView()
        var key = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if runs != nil, Self.isKhmerRunScalar(scalar) {
                masked.append(scalar)
                if !key.isEmpty {
                    result.append(Word(key: String(key), range: start..<offset))
                    key = String.UnicodeScalarView()
                }
            } else {
                if runs != nil { masked.append(" ") }
                if Self.isWordScalar(scalar) {
                    if key.isEmpty { start = offset }
                    Self.appendLowercased(scalar, to: &key)
                } else if !key.isEmpty {
                    result.append(Word(key: String(key), range: start..<offset))
                    key = String.UnicodeScalarView()
                }
            }
            offset += 1
        }
        if !key.isEmpty { result.append(Word(key: String(key), range: start..<offset)) }
        guard let runs else { return result }
        let khmerWords = Self.khmerWords(runs.tokenize(String(masked)))
        // Both lists are in text order and never overlap: merge them.
        var merged: [Word] = []
        merged.reserveCapacity(result.count + khmerWords.count)
        var i = 0, j = 0
        while i < result.count || j < khmerWords.count {
            if j == khmerWords.count || (i < result.count && result[i].range.lowerBound < khmerWords[j].range.lowerBound) {
                merged.append(result[i]); i += 1
            } else {
                merged.append(khmerWords[j]); j += 1
            }
        }
        return merged
    }

    /// The words of the Khmer runs' tokens: each token's key (ICU's NFKC case folding, Khmer
    /// digits as ASCII), split — never joined — at any scalar that is not a letter, mark or
    /// digit, as every other text is. Zero-width (non-)joiners are invisible shaping controls
    /// inside a Khmer word: dropped from the key, not split at.
    static func khmerWords(_ tokens: [Token]) -> [Word] {
        var words: [Word] = []
        for token in tokens where token.kind != .punctuation {
            let textIsWhole = token.text.unicodeScalars.allSatisfy { isWordScalar($0) || isJoiner($0) }
            if textIsWhole {
                let key = token.key.unicodeScalars.filter(isWordScalar)
                if !key.isEmpty { words.append(Word(key: String(String.UnicodeScalarView(key)), range: token.range)) }
                continue
            }
            // Rare (the Khmer rules put punctuation and signs on their own): key each piece.
            var piece = String.UnicodeScalarView()
            var start = token.range.lowerBound
            var offset = token.range.lowerBound
            func flush() {
                let key = Normalizer.key(String(piece)).unicodeScalars.filter(isWordScalar)
                if !key.isEmpty { words.append(Word(key: String(String.UnicodeScalarView(key)), range: start..<offset)) }
                piece = String.UnicodeScalarView()
            }
            for scalar in token.text.unicodeScalars {
                if isWordScalar(scalar) || isJoiner(scalar) {
                    if piece.isEmpty { start = offset }
                    piece.append(scalar)
                } else if !piece.isEmpty {
                    flush()
                }
                offset += 1
            }
            if !piece.isEmpty { flush() }
        }
        return words
    }

    /// Scalars the Khmer tokenizer sees: the Khmer block (the range `containsKhmer` looks for)
    /// and zero-width (non-)joiners, which shape Khmer clusters; every other scalar is split
    /// like Latin text.
    @inline(__always)
    static func isKhmerRunScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x1780 && value <= 0x17FF) || isJoiner(scalar)
    }

    @inline(__always)
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool { scalar.value == 0x200C || scalar.value == 0x200D }

    static func containsKhmer(_ text: String) -> Bool {
        // Khmer letters and signs are U+1780–U+17FF: UTF-8 E1 9E xx or E1 9F xx.
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == 0xE1, byte == 0x9E || byte == 0x9F { return true }
            previous = byte
        }
        return false
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        if value == 0x200B || value == 0xFEFF { return false }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return true
        default: return false
        }
    }

    /// Appends the UTF-8 of scalar `value` (no intermediate string or array).
    @inline(__always)
    static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
        if value < 0x80 {
            output.append(UInt8(value))
        } else if value < 0x800 {
            output.append(UInt8(0xC0 | (value >> 6))); output.append(UInt8(0x80 | (value & 0x3F)))
        } else if value < 0x10000 {
            output.append(UInt8(0xE0 | (value >> 12))); output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            output.append(UInt8(0xF0 | (value >> 18))); output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F))); output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    @inline(__always)
    static func appendLowercased(_ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView) {
        let value = scalar.value
        if value < 0x80 {
            output.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
        } else if scalar.properties.changesWhenLowercased {
            output.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        } else {
            output.append(scalar)
        }
    }
}
