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

    /// The memo the Khmer tokenizer shares with the thread's other tokenizers (`TokenSpanMemo`:
    /// the import's fuzzy-match pass then segments a Khmer variant the concordance segmented).
    public var spanMemo: TokenSpanMemo? {
        didSet { khmer?.spanMemo = spanMemo }
    }

    /// A word of a text: its key and where it is, in Unicode scalars.
    public struct Word: Equatable, Sendable {
        public var key: String
        public var range: Range<Int>
        /// A part of a Khmer compound word also listed whole (`បរទេស` in `ការបរទេស`; see
        /// `words(_:includingParts:)`): its range lies inside the whole word's.
        public var isPart = false

        public init(key: String, range: Range<Int>, isPart: Bool = false) {
            self.key = key
            self.range = range
            self.isPart = isPart
        }
    }

    /// The keys of `text`'s words joined by single spaces (what the index stores).
    ///
    /// Works on UTF-8 bytes: ASCII letters and digits are lower-cased in place, other bytes
    /// decoded only when non-ASCII (so English and most French cost one byte loop); the first
    /// Khmer scalar sends the whole text to the Khmer path. Cost: one pass over the bytes,
    /// writing into a buffer this instance keeps (no allocation but the returned string).
    public func indexText(_ text: String) -> String {
        let result = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            let capacity = 2 * bytes.count + 8
            if scratch.count < capacity { scratch = [UInt8](repeating: 0, count: capacity) }
            return scratch.withUnsafeMutableBufferPointer { output -> String? in
                guard let written = Self.indexBytes(bytes, into: output) else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: output[..<written]), as: UTF8.self)
            }
        }
        switch result {
        case .some(.some(let keyed)): return keyed
        case .some(.none): return words(text).map(\.key).joined(separator: " ")
        case .none: return indexScalars(text)
        }
    }

    /// `indexText(text)` appended to `batch` as a text value: the byte pass writes straight into
    /// the batch's buffer (no scratch copy, no `String` made and validated); a text holding Khmer,
    /// or one whose UTF-8 is not contiguous, goes through `indexText` and is copied in.
    public func appendIndexText(_ text: String, to batch: IndexRowBatch) {
        let written = text.utf8.withContiguousStorageIfAvailable { bytes in
            batch.appendText(capacity: 2 * bytes.count + 8) { output in Self.indexBytes(bytes, into: output) }
        }
        if written != true { batch.appendText(indexText(text)) }
    }

    /// Where `indexText` writes before making its string: at most twice the text's bytes (a
    /// scalar's lower case takes at most 1.5 times its bytes — `İ` 2 → `i̇` 3 — and a space
    /// goes in only where a separator of at least one byte was).
    private var scratch: [UInt8] = []

    /// `indexText` over the UTF-8 of a text: the bytes written to `output`, or nil when the
    /// text holds Khmer (the caller then takes the Khmer path). Decides exactly as
    /// `indexScalars` (the scalar loop it replaces; `indexTextAgreesWithScalarLoop` compares
    /// them), byte by byte for ASCII and Latin-1, decoding other scalars.
    ///
    /// A run of ASCII letters and digits (most of a Latin text) is keyed by an inner loop of
    /// one table read and one write per byte; the loop before it paid a branch-free space
    /// decision at every byte (about 21 instructions a byte, 1.7 % of an import, callgrind).
    static func indexBytes(_ p: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        asciiKeys.withUnsafeBufferPointer { keys in indexBytes(p, into: output, keys: keys) }
    }

    private static func indexBytes(_ p: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>,
                                   keys asciiKeys: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let input = p.baseAddress, let target = output.baseAddress else { return 0 }
        var count = 0
        var inWord = false
        var i = 0
        let end = p.count
        while i < end {
            let byte = p[i]
            if byte < 0x80 {
                guard asciiKeys[Int(byte)] != 0 else {
                    inWord = false
                    i &+= 1
                    continue
                }
                if !inWord, count > 0 { output[count] = 0x20; count &+= 1 }
                inWord = true
                // The run of ASCII letters and digits; the byte that ends it (a separator, or a
                // non-ASCII byte) is left to the loop above, with `inWord` still set. Eight bytes
                // at a time while they are ASCII (`asciiRunLength`), then byte by byte.
                while i &+ 8 <= end, count &+ 8 <= output.count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(input + i).loadUnaligned(as: UInt64.self))
                    guard let (length, keys) = asciiRunLength(word) else { break }
                    UnsafeMutableRawPointer(target + count).storeBytes(of: keys.littleEndian, as: UInt64.self)
                    i &+= length
                    count &+= length
                    guard length == 8 else { break }
                }
                while i < end {
                    let next = p[i]
                    guard next < 0x80 else { break }
                    let key = asciiKeys[Int(next)]
                    guard key != 0 else { break }
                    output[count] = key
                    count &+= 1
                    i &+= 1
                }
                continue
            }
            if byte == 0xC3 {
                // U+00C0–U+00FF: Latin-1 letters but × (C3 97) and ÷ (C3 B7); À–Þ lower-case by +0x20.
                let second = i + 1 < end ? p[i + 1] : 0
                if second == 0x97 || second == 0xB7 {
                    inWord = false
                } else {
                    if !inWord, count > 0 { output[count] = 0x20; count += 1 }
                    inWord = true
                    output[count] = 0xC3
                    output[count + 1] = second <= 0x9E ? second + 0x20 : second
                    count += 2
                }
                i += 2
                continue
            }
            // Khmer (U+1780–U+17FF, E1 9E xx / E1 9F xx): ICU's dictionary splits it.
            if byte == 0xE1, i + 1 < end, p[i + 1] == 0x9E || p[i + 1] == 0x9F { return nil }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard i + length <= end else { break }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(p[i + k] & 0x3F) }
            i += length
            guard let scalar = Unicode.Scalar(value), isWordScalar(scalar) else {
                inWord = false
                continue
            }
            if !inWord, count > 0 { output[count] = 0x20; count += 1 }
            inWord = true
            if scalar.properties.changesWhenLowercased {
                for piece in scalar.properties.lowercaseMapping.unicodeScalars { appendUTF8(piece.value, to: output, at: &count) }
            } else {
                appendUTF8(value, to: output, at: &count)
            }
        }
        return count
    }

    /// For eight bytes read as a little-endian word, all ASCII: how many of them, from the first,
    /// are ASCII letters and digits (0–8), and the eight bytes with A–Z lower-cased — the key
    /// bytes of those (`asciiKeys`), which the caller keeps; nil when a byte is not ASCII (the
    /// byte loop decides there). Each class is a range test on every byte at once: adding
    /// `0x80 - low` to a byte below 0x80 sets its high bit from `low` up, adding `0x7F - high`
    /// from above `high`, and no sum carries into the next byte.
    ///
    /// Why: a Latin text is mostly runs of letters, which the byte loop keyed at about 14
    /// instructions a byte (54 M of the 20k Europarl slice's 87 M in `indexBytes`, callgrind).
    @inline(__always)
    static func asciiRunLength(_ word: UInt64) -> (Int, UInt64)? {
        let high: UInt64 = 0x8080_8080_8080_8080
        guard word & high == 0 else { return nil }
        let upper = (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525) & high  // 0x41–0x5A
        let lower = (word &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(word &+ 0x0505_0505_0505_0505) & high  // 0x61–0x7A
        let digit = (word &+ 0x5050_5050_5050_5050) & ~(word &+ 0x4646_4646_4646_4646) & high  // 0x30–0x39
        let others = ~(upper | lower | digit) & high
        return (others.trailingZeroBitCount &>> 3, word | upper &>> 2)
    }

    /// By ASCII byte: its key byte (letters lower-cased, digits as they are), 0 for a separator.
    private static let asciiKeys: [UInt8] = (0..<128).map { value -> UInt8 in
        let byte = UInt8(value)
        if byte >= 0x41 && byte <= 0x5A { return byte + 0x20 }
        return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) ? byte : 0
    }

    /// The scalar loop `indexBytes` replaces, kept for texts without contiguous UTF-8 (bridged
    /// strings) and as the reference the byte loop is tested against.
    func indexScalars(_ text: String) -> String {
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

    /// The words of `text`, with ranges (for highlighting), in text order. With
    /// `includingParts` (what the index stores and a hit is ranked and marked by), each Khmer
    /// compound word that holds a boundary — a U+200B its writer typed inside it, or a cut the
    /// tokenizer's `KhmerCompounds` joined — is followed by its parts (`isPart`), so a query
    /// for `បរទេស` finds `ជន​បរទេស` and `ក្រសួង​ការបរទេស` as "Affairs" finds "Foreign Affairs"
    /// (review finding M9). A query is split without them: every word it types must be in the
    /// text, whole or as a part. Parts cost one more key per compound word in the index.
    ///
    /// Only the Khmer runs of a text go through ICU (`khmerWords`); everything else — the Latin
    /// words, numbers, e-mail addresses and references a Khmer note is full of — is split by the
    /// same scalar loop as a Latin-only text or query, so `1,000`, `U.N.` or `info@mfa.gov.kh`
    /// give the same words wherever they appear. Cost: the scalar loop plus, when the text holds
    /// Khmer, one tokenizer pass over a copy of the text in which every non-Khmer scalar is a
    /// space or a line break (so the ranges stay the text's, each Khmer run is segmented on its
    /// own, and runs a space alone separates are one, as the tokenizer reads them).
    public func words(_ text: String, includingParts: Bool = true) -> [Word] {
        let khmerText = Self.containsKhmer(text)
        if khmerText, khmer == nil {
            khmer = try? Tokenizer(language: .khmer)
            khmer?.spanMemo = spanMemo
        }
        // Without a Khmer tokenizer (ICU failed to load), Khmer runs are split like any other.
        let runs = khmerText ? khmer : nil
        var result: [Word] = []
        // The masked copy as UTF-8 bytes: appending scalars to a `String.UnicodeScalarView` cost
        // about 475 instructions a scalar (84 M of the concordance's 1,276 M on the Khmer 3k slice, callgrind).
        var masked: [UInt8] = []
        if runs != nil { masked.reserveCapacity(text.utf8.count) }
        var key = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if runs != nil, Self.isKhmerRunScalar(scalar) {
                Self.appendUTF8(scalar.value, to: &masked)
                if !key.isEmpty {
                    result.append(Word(key: String(key), range: start..<offset))
                    key = String.UnicodeScalarView()
                }
            } else {
                // A space stays a space: between two Khmer words the tokenizer takes it out, so
                // `ខែ មករា` gives the words of `ខែមករា` (`KhmerInvisibleBreaks`). Anything else
                // becomes a line break, which it never takes out: a Latin word, a number or `។`
                // between two Khmer runs keeps them apart, each segmented on its own.
                if runs != nil { masked.append(KhmerRunMask.gap(scalar.value)) }
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
        let khmerWords: [Word]
        if includingParts {
            let (tokens, parts) = runs.tokenizeWithParts(String(decoding: masked, as: UTF8.self))
            khmerWords = Self.withParts(Self.khmerWords(tokens), Self.khmerWords(parts).map { Word(key: $0.key, range: $0.range, isPart: true) })
        } else {
            khmerWords = Self.khmerWords(runs.tokenize(String(decoding: masked, as: UTF8.self)))
        }
        // Both lists are in text order and never overlap: merge them.
        return mergeSorted(result, khmerWords) { $0.range.lowerBound }
    }

    /// `words` with each part put after the word it lies in (both lists in text order). A part
    /// whose key is the whole word's (a U+200B at a compound's edge) is left out.
    static func withParts(_ words: [Word], _ parts: [Word]) -> [Word] {
        guard !parts.isEmpty else { return words }
        var result: [Word] = []
        result.reserveCapacity(words.count + parts.count)
        var p = 0
        for word in words {
            while p < parts.count, parts[p].range.lowerBound < word.range.lowerBound { result.append(parts[p]); p += 1 }
            result.append(word)
            while p < parts.count, parts[p].range.lowerBound < word.range.upperBound {
                if parts[p].key != word.key { result.append(parts[p]) }
                p += 1
            }
        }
        result.append(contentsOf: parts[p...])
        return result
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
                if let key = wordKey(token.key) { words.append(Word(key: key, range: token.range)) }
                continue
            }
            // Rare (the Khmer rules put punctuation and signs on their own): key each piece.
            var piece = String.UnicodeScalarView()
            var start = token.range.lowerBound
            var offset = token.range.lowerBound
            func flush() {
                if let key = wordKey(Normalizer.key(String(piece))) { words.append(Word(key: key, range: start..<offset)) }
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

    /// `key` without its scalars that are not word scalars, nil when none is left. A token's
    /// key nearly always holds only word scalars and is then returned as it is: filtering it
    /// into a scalar array and a new string (the code before) cost about 200 M of the
    /// concordance's 1,276 M instructions on the Khmer 3k slice (callgrind). Same scalars, same string.
    static func wordKey(_ key: String) -> String? {
        if key.unicodeScalars.allSatisfy(isWordScalar) { return key.isEmpty ? nil : key }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.utf8.count)
        for scalar in key.unicodeScalars where isWordScalar(scalar) { appendUTF8(scalar.value, to: &bytes) }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// Scalars the Khmer tokenizer sees: the Khmer block (the range `containsKhmer` looks for),
    /// zero-width (non-)joiners, which shape Khmer clusters, and U+200B and U+FEFF, which the
    /// tokenizer takes out between Khmer characters before finding the words
    /// (`KhmerInvisibleBreaks`: Khmer typed with and without U+200B gives the same words; as a
    /// space here, each U+200B would cut the text in two). Every other scalar is split like
    /// Latin text.
    @inline(__always)
    static func isKhmerRunScalar(_ scalar: Unicode.Scalar) -> Bool {
        KhmerRunMask.isRunScalar(scalar.value)
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
        // The Khmer block, read from `khmerBlockWords` (what `isWordScalarByProperties` says of
        // each of its 128 scalars): the property lookups (ICU tables) took over 40 M instructions
        // of the Khmer 3k slice's concordance (callgrind); a Khmer text is mostly these scalars.
        if value >= 0x1780 && value <= 0x17FF { return khmerBlockWords[Int(value &- 0x1780)] }
        return isWordScalarByProperties(scalar)
    }

    /// By scalar of the Khmer block U+1780–U+17FF: `isWordScalarByProperties` of it, computed once.
    static let khmerBlockWords: [Bool] = (UInt32(0x1780)...0x17FF).map { value in
        Unicode.Scalar(value).map(isWordScalarByProperties) ?? false
    }

    /// `isWordScalar` of a non-ASCII scalar, from its Unicode properties (the general path).
    static func isWordScalarByProperties(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
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

    /// Writes the UTF-8 of scalar `value` at `output[count...]` and advances `count`.
    @inline(__always)
    static func appendUTF8(_ value: UInt32, to output: UnsafeMutableBufferPointer<UInt8>, at count: inout Int) {
        if value < 0x80 {
            output[count] = UInt8(value); count += 1
        } else if value < 0x800 {
            output[count] = UInt8(0xC0 | (value >> 6)); output[count + 1] = UInt8(0x80 | (value & 0x3F)); count += 2
        } else if value < 0x10000 {
            output[count] = UInt8(0xE0 | (value >> 12)); output[count + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
            output[count + 2] = UInt8(0x80 | (value & 0x3F)); count += 3
        } else {
            output[count] = UInt8(0xF0 | (value >> 18)); output[count + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
            output[count + 2] = UInt8(0x80 | ((value >> 6) & 0x3F)); output[count + 3] = UInt8(0x80 | (value & 0x3F)); count += 4
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
