import VerbaleCore

/// The words concordance indexes and searches: lower-cased runs of letters, marks and digits.
///
/// Texts containing Khmer go through Verbale's `Tokenizer` (ICU's dictionary splits Khmer,
/// which has no spaces; SQLite's own tokenizers cannot). Other texts take a fast path that
/// splits at every scalar that is not a letter, mark or digit — the same words ICU's rules give
/// for English and French except that `l'honneur` is two words (`l`, `honneur`), which is also
/// how a query is split, so index and query agree. Cost: O(n) scalars on the fast path (about
/// 20× cheaper than an ICU pass with NFKC case folding, which is what keeps import at
/// 100k units/s); the Khmer path costs one ICU word-break pass.
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
        var scalarBytes: [UInt8] = []
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
            } else if Self.isWordScalar(scalar) {
                if !inWord, !output.isEmpty { output.append(0x20) }
                inWord = true
                scalarBytes.removeAll(keepingCapacity: true)
                var lowered = String.UnicodeScalarView()
                Self.appendLowercased(scalar, to: &lowered)
                for piece in lowered { scalarBytes.append(contentsOf: UTF8.encode(piece).map { Array($0) } ?? []) }
                output.append(contentsOf: scalarBytes)
            } else {
                inWord = false
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The words of `text`, with ranges (for highlighting).
    public func words(_ text: String) -> [Word] {
        if Self.containsKhmer(text) {
            if khmer == nil { khmer = try? Tokenizer(language: .khmer) }
            if let khmer {
                return khmer.tokenize(text).compactMap { token in
                    guard token.kind != .punctuation else { return nil }
                    let key = token.key.unicodeScalars.filter(Self.isWordScalar)
                    return key.isEmpty ? nil : Word(key: String(String.UnicodeScalarView(key)), range: token.range)
                }
            }
        }
        var result: [Word] = []
        var key = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if Self.isWordScalar(scalar) {
                if key.isEmpty { start = offset }
                Self.appendLowercased(scalar, to: &key)
            } else if !key.isEmpty {
                result.append(Word(key: String(key), range: start..<offset))
                key = String.UnicodeScalarView()
            }
            offset += 1
        }
        if !key.isEmpty { result.append(Word(key: String(key), range: start..<offset)) }
        return result
    }

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
