import VerbaleCore

/// Encodes a variant's fuzzy-match tokens for `match_entry` straight from the tokenizer: the
/// same bytes as `StoredToken.encode(MatchText(…).tokens.map(StoredToken.init))`, without
/// building a `MatchToken` and a `StoredToken` per token — and, on the import's path
/// (`encode(_:tokenizer:scratch:into:)`), without a `Token` or any string per token either.
///
/// Why: the import analyses every variant; going through `MatchText` cost, per token, a class
/// key string (`"w:" + looseKey`), two struct copies with five strings each, and, per text, an
/// array of all its Unicode scalars (to see white space between tokens). Then, with tokens, each
/// token's text, key and loose key were still made as strings (and the `Token` copied twice)
/// only to be read back as bytes: about as much as finding the tokens. Now
/// `Tokenizer.visitTokens` hands over each token's parts, written as UTF-8 straight from the
/// text's units into reused buffers, then compared and copied here. Texts whose keys need ICU
/// take the `Token` path (`encode(_:of:into:)`), through the same writer. `MatchEntryEncoderTests`
/// checks both paths give the reference bytes on real English, French and Khmer texts and
/// random strings.
///
/// Cost: O(text length + encoded size); no allocation per token once `Scratch` has grown.
enum MatchEntryEncoder {
    /// Buffers reused from token to token and text to text (one per analysing thread).
    struct Scratch {
        var form: [UInt8] = []
        var key: [UInt8] = []
        var loose: [UInt8] = []
        var value: [UInt8] = []
        /// Where a text's encoding is written before it is copied out in one piece.
        let output = ByteArena()

        mutating func clear() {
            form.removeAll(keepingCapacity: true)
            key.removeAll(keepingCapacity: true)
            loose.removeAll(keepingCapacity: true)
            value.removeAll(keepingCapacity: true)
        }
    }

    /// Appends the encoding of `text`'s tokens (merged placeables included) to `bytes`: from
    /// `Tokenizer.visitTokens`, or from `tokenize` when that declines the text.
    static func encode(_ text: String, tokenizer: Tokenizer, scratch: inout Scratch, into bytes: inout [UInt8]) {
        let count = encode(text, tokenizer: tokenizer, scratch: &scratch)
        bytes.append(contentsOf: scratch.output.bytes(count))
    }

    /// The encoding of `text`'s tokens as an array of exactly its size (the import's rows).
    static func encoded(_ text: String, tokenizer: Tokenizer, scratch: inout Scratch) -> [UInt8] {
        let count = encode(text, tokenizer: tokenizer, scratch: &scratch)
        return [UInt8](scratch.output.bytes(count))
    }

    /// The encoding of `text`'s tokens appended to `batch` as a blob value (the import's rows:
    /// one copy from the arena, no array per row).
    static func encode(_ text: String, tokenizer: Tokenizer, scratch: inout Scratch, into batch: IndexRowBatch) {
        let count = encode(text, tokenizer: tokenizer, scratch: &scratch)
        batch.appendBlob(scratch.output.bytes(count))
    }

    /// Writes the encoding of `text` into `scratch.output` and returns its length. Each token is
    /// written through a pointer after one capacity check (`ByteWriter`): appending byte by byte
    /// to an array checked its uniqueness and capacity at every byte.
    private static func encode(_ text: String, tokenizer: Tokenizer, scratch: inout Scratch) -> Int {
        var out = ByteWriter(scratch.output)
        let visited = tokenizer.visitTokens(text, mergingPlaceables: true) { token in
            if token.keysAreText, token.kind == .word || token.kind == .punctuation {
                // Key and loose key equal the composed text: flags, then the text alone (`write`
                // would find the same by comparing three copies of it).
                let kind = token.kind == .word ? MatchVocabulary.Kind.word : .punctuation
                let text = token.textUTF8
                out.reserve(text.count + 6)
                out.append((token.spaced ? StoredToken.spacedFlag : 0) | StoredToken.sameKeyFlag | kind.rawValue | StoredToken.derivedClassFlag)
                out.appendLength(text.count)
                out.appendShort(text)
                return
            }
            if token.keysAreUnitMapped, token.kind == .word || token.kind == .punctuation, token.keyUTF8Capacity < 126,
               token.textUTF8Count < 128 {
                // A capitalised word, a word with a mark its loose key drops: the composed text is
                // the text, each key is written in place by `writeKeyUTF8` (`writeUnitMapped`).
                writeUnitMapped(token, to: &out)
                return
            }
            if token.kind == .placeable, let kind = token.placeableKind, let value = token.placeableValue, isASCII(token.textUTF8) {
                // A number, date or reference written in ASCII (most placeables): its form is its
                // text, its key its value (`writePlaceable`).
                writePlaceable(token.textUTF8, kind: kind, value: value, spaced: token.spaced, to: &out)
                return
            }
            // Only the buffers this token uses are emptied (`write` reads `loose` for a word
            // whose loose key may differ from its key, `value` is emptied where it is made).
            scratch.form.removeAll(keepingCapacity: true)
            scratch.key.removeAll(keepingCapacity: true)
            token.appendComposedText(to: &scratch.form)
            token.appendKey(loose: false, to: &scratch.key)
            let looseIsKey = token.looseKeyIsKey
            if token.kind == .word, !looseIsKey {
                scratch.loose.removeAll(keepingCapacity: true)
                token.appendKey(loose: true, to: &scratch.loose)
            }
            let placeable = token.placeableKind.map { ($0, token.placeableValue ?? "") }
            write(token.kind, spaced: token.spaced, placeable: placeable, looseIsKey: looseIsKey, &scratch, to: &out)
        }
        if !visited {
            out.count = 0
            encode(tokenizer.tokenize(text, mergingPlaceables: true), of: text, scratch: &scratch, into: &out)
        }
        out.finish()
        return out.count
    }

    /// `write` for a word or punctuation token that `keysAreUnitMapped`, whose text is under 128
    /// bytes and whose keys fit in 125 (so every length below is one varint byte): the form is
    /// the text's own UTF-8 (such a text is its own NFC); the key, then for a word the loose
    /// key, are written by the tokenizer straight after where their length byte goes, compared
    /// with the form (the key) and the key (the loose key) in place, and kept only when they
    /// differ — the bytes, flags and order `write` gives from the scratch arrays, without
    /// filling and comparing three arrays (about 800 instructions a capitalised word before).
    private static func writeUnitMapped(_ token: Tokenizer.TokenParts, to out: inout ByteWriter) {
        let text = token.textUTF8
        let room = token.keyUTF8Capacity
        // Flags, the form, the key and the loose key ("w:" and its bytes), each with its length byte.
        out.reserve(1 + 1 + text.count + 1 + room + 3 + room)
        let flagsAt = out.count
        out.append(0)
        out.append(UInt8(text.count))
        out.appendShort(text)
        let keyAt = out.count
        let keyCount = token.writeKeyUTF8(loose: false, to: out.pointer(at: keyAt + 1))
        let written = UnsafeBufferPointer(start: out.pointer(at: keyAt + 1), count: keyCount)
        let sameKey = sameBytes(written, text)
        // The key's bytes: when they equal the text, the text's own (the loose key below may be
        // written over the bytes just compared, which are not kept).
        let key = sameKey ? text : written
        var flags: UInt8 = (token.spaced ? StoredToken.spacedFlag : 0) | (sameKey ? StoredToken.sameKeyFlag : 0)
        if !sameKey {
            out.set(UInt8(keyCount), at: keyAt)
            out.count = keyAt + 1 + keyCount
        }
        if token.kind == .word {
            var derived = token.looseKeyIsKey
            if !derived {
                let looseAt = out.count
                let looseCount = token.writeKeyUTF8(loose: true, to: out.pointer(at: looseAt + 3))
                derived = sameBytes(UnsafeBufferPointer(start: out.pointer(at: looseAt + 3), count: looseCount), key)
                if !derived {
                    out.set(UInt8(looseCount + 2), at: looseAt)
                    out.set(0x77, at: looseAt + 1)  // "w:"
                    out.set(0x3A, at: looseAt + 2)
                    out.count = looseAt + 3 + looseCount
                }
            }
            flags |= MatchVocabulary.Kind.word.rawValue | (derived ? StoredToken.derivedClassFlag : 0)
        } else {
            flags |= MatchVocabulary.Kind.punctuation.rawValue | StoredToken.derivedClassFlag
        }
        out.set(flags, at: flagsAt)
    }

    /// `write` for a `.placeable` token whose text is ASCII: such a text is its own NFC and holds
    /// no U+200B, U+FEFF or Khmer, so its composed form (`TokenParts.appendComposedText`) is its
    /// own bytes; its key is the placeable's value. The bytes, flags and order `write` gives
    /// from the scratch arrays, without filling them (a placeable cost about 1,650 instructions
    /// in the encoder on the 20k Europarl slice, against about 170 for a word; callgrind).
    /// `MatchEntryEncoderTests` holds it to the reference path on real notes, Europarl and khPOS.
    private static func writePlaceable(_ text: UnsafeBufferPointer<UInt8>, kind: Placeable.Kind, value: String, spaced: Bool,
                                       to out: inout ByteWriter) {
        var value = value
        value.withUTF8 { key in
            let sameKey = sameBytes(key, text)
            out.reserve(1 + 5 + text.count + 5 + key.count)
            out.append((spaced ? StoredToken.spacedFlag : 0) | (sameKey ? StoredToken.sameKeyFlag : 0)
                       | MatchVocabulary.Kind.valued.rawValue | StoredToken.valueFlag)
            out.appendLength(text.count)
            out.appendShort(text)
            if !sameKey {
                out.appendLength(key.count)
                out.appendShort(key)
            }
            if kind == .number { out.appendString("#number") } else { out.appendString(kind.rawValue, prefix: "#") }
            out.reserve(5 + key.count)
            out.appendLength(key.count)
            out.appendShort(key)
        }
    }

    /// Whether every byte of `bytes` is ASCII (the few bytes of a token: a plain loop).
    @inline(__always)
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }

    /// Whether `a` and `b` hold the same bytes: a length check, then a plain loop over the few
    /// bytes of a word (the generic `elementsEqual` it replaces cost about 140 instructions a
    /// call, a tenth of `writeUnitMapped`).
    @inline(__always)
    private static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }  // both empty
        var k = 0
        while k < a.count {
            if x[k] != y[k] { return false }
            k &+= 1
        }
        return true
    }

    /// Appends the encoding of `tokens` (the tokenizer's tokens of `text`, merged placeables
    /// included, in order) to `bytes`.
    static func encode(_ tokens: [Token], of text: String, into bytes: inout [UInt8]) {
        var scratch = Scratch()
        var out = ByteWriter(scratch.output)
        encode(tokens, of: text, scratch: &scratch, into: &out)
        out.finish()
        bytes.append(contentsOf: scratch.output.bytes(out.count))
    }

    private static func encode(_ tokens: [Token], of text: String, scratch: inout Scratch, into out: inout ByteWriter) {
        var text = text
        text.withUTF8 { utf8 in
            var gaps = WhiteSpaceGaps(utf8)
            var previousEnd = 0
            for index in tokens.indices {
                let range = tokens[index].range
                let spaced = index > 0 && gaps.containsWhiteSpace(from: previousEnd, to: range.lowerBound)
                    && !MatchText.isKhmerWordGap(after: tokens[index - 1], before: tokens[index])
                previousEnd = range.upperBound
                scratch.clear()
                // The form composed, as `MatchToken` keeps it.
                scratch.form.append(contentsOf: Normalizer.matchingForm(tokens[index].text).utf8)
                scratch.key.append(contentsOf: tokens[index].key.utf8)
                if tokens[index].kind == .word { scratch.loose.append(contentsOf: tokens[index].looseKey.utf8) }
                let placeable = tokens[index].placeable.map { ($0.kind, $0.value) }
                write(tokens[index].kind, spaced: spaced, placeable: placeable, looseIsKey: false, &scratch, to: &out)
            }
        }
    }

    /// Appends one token whose composed text (`form`), key and, for a word, loose key are in
    /// `scratch`; `placeable` is a `.placeable` token's kind and value (its keys). `looseIsKey`
    /// says the loose key is known to equal the key (then `scratch.loose` is not read).
    private static func write(_ kind: Token.Kind, spaced: Bool, placeable: (Placeable.Kind, String)?, looseIsKey: Bool,
                              _ scratch: inout Scratch, to out: inout ByteWriter) {
        // Byte comparisons (not `String ==`, which is up to canonical equivalence: see `StoredToken.sameBytes`).
        let sameKey = scratch.key == scratch.form
        var flags: UInt8 = (spaced ? StoredToken.spacedFlag : 0) | (sameKey ? StoredToken.sameKeyFlag : 0)
        out.reserve(1)  // the flags; each text below makes its own room
        switch kind {
        case .word:
            let derived = looseIsKey || scratch.loose == scratch.key
            flags |= MatchVocabulary.Kind.word.rawValue | (derived ? StoredToken.derivedClassFlag : 0)
            out.append(flags)
            out.appendBytes(scratch.form)
            if !sameKey { out.appendBytes(scratch.key) }
            if !derived { out.appendBytes(scratch.loose, prefix: "w:") }
        case .punctuation:
            out.append(flags | MatchVocabulary.Kind.punctuation.rawValue | StoredToken.derivedClassFlag)
            out.appendBytes(scratch.form)
            if !sameKey { out.appendBytes(scratch.key) }
        case .number:
            out.append(flags | MatchVocabulary.Kind.valued.rawValue | StoredToken.valueFlag)
            out.appendBytes(scratch.form)
            if !sameKey { out.appendBytes(scratch.key) }
            out.appendString("#number")
            if let (_, value) = placeable {
                out.appendString(value)
            } else {
                // `MatchToken.digitValue(form)`: Khmer digits (UTF-8 E1 9F A0–A9) as ASCII.
                digitValue(scratch.form, into: &scratch.value)
                out.appendBytes(scratch.value)
            }
        case .placeable:
            out.append(flags | MatchVocabulary.Kind.valued.rawValue | StoredToken.valueFlag)
            out.appendBytes(scratch.form)
            if !sameKey { out.appendBytes(scratch.key) }
            let kind = placeable?.0 ?? .tag
            if kind == .number { out.appendString("#number") } else { out.appendString(kind.rawValue, prefix: "#") }
            if let (_, value) = placeable { out.appendString(value) } else { out.appendBytes(scratch.key) }
        }
    }

    /// The bytes of `MatchToken.digitValue` of the UTF-8 text `form`: each Khmer digit
    /// U+17E0–U+17E9 (E1 9F A0–A9; E1 only ever leads a scalar) as its ASCII digit.
    static func digitValue(_ form: [UInt8], into value: inout [UInt8]) {
        value.removeAll(keepingCapacity: true)
        var i = 0
        while i < form.count {
            if form[i] == 0xE1, i + 2 < form.count, form[i + 1] == 0x9F, form[i + 2] >= 0xA0, form[i + 2] <= 0xA9 {
                value.append(0x30 + form[i + 2] - 0xA0)
                i += 3
            } else {
                value.append(form[i])
                i += 1
            }
        }
    }
}

/// The memory a `ByteWriter` writes into, kept from text to text (one per analysing thread).
/// A class only to free it; the writer reads and grows it through its own copy of the pointer.
final class ByteArena {
    fileprivate var base: UnsafeMutablePointer<UInt8>
    fileprivate var capacity: Int
    /// A `ByteWriter` is open on it (between its `init` and `finish`). Two at once would each
    /// cache the pointer the other frees when it grows: checked in debug builds (tests), where
    /// a second writer on one arena (a copied `Scratch`, a nested encode) stops at once.
    fileprivate var writing = false

    init(capacity: Int = 4096) {
        base = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    deinit { base.deallocate() }

    /// The first `count` bytes written (valid until the next write).
    func bytes(_ count: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: min(count, capacity))
    }
}

/// Writes bytes through a pointer into a `ByteArena`: `reserve` once per token (growing the
/// arena when needed), then unchecked writes. `finish` when done: a huge text's memory is not
/// kept for the small ones that follow.
struct ByteWriter {
    private let arena: ByteArena
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    var count = 0

    init(_ arena: ByteArena) {
        assert(!arena.writing, "a second ByteWriter on one ByteArena: the first one's pointer would be freed under it")
        arena.writing = true
        self.arena = arena
        base = arena.base
        capacity = arena.capacity
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count &+ extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        let grown = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
        arena.base = moved
        arena.capacity = grown
    }

    /// Closes the writer (another may then open on the arena) and lets a huge text's memory
    /// go once its bytes have been copied out.
    mutating func finish() {
        arena.writing = false
        if capacity > 1 << 22, count < 1 << 16 {
            let small = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
            small.initialize(from: base, count: count)
            base.deallocate()
            base = small
            capacity = 4096
            arena.base = small
            arena.capacity = 4096
        }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    /// Where byte `offset` of the text being written is (inside the room `reserve` made).
    @inline(__always)
    func pointer(at offset: Int) -> UnsafeMutablePointer<UInt8> { base + offset }

    /// Overwrites byte `offset` (already written, or inside the room `reserve` made).
    @inline(__always)
    mutating func set(_ byte: UInt8, at offset: Int) { base[offset] = byte }

    /// `append(_:)` for the few bytes of a token's text: a loop below 16 bytes, where calling
    /// `memcpy` cost more than the copy.
    @inline(__always)
    mutating func appendShort(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count < 16, let source = bytes.baseAddress else { return append(bytes) }
        let target = base + count
        for k in 0..<bytes.count { target[k] = source[k] }
        count &+= bytes.count
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let source = bytes.baseAddress { (base + count).initialize(from: source, count: bytes.count) }
        count &+= bytes.count
    }

    /// A varint length (at most 5 bytes for any `Int32`-sized text).
    @inline(__always)
    mutating func appendLength(_ length: Int) {
        var length = length
        while length >= 0x80 { append(UInt8(length & 0x7F) | 0x80); length >>= 7 }
        append(UInt8(length))
    }

    /// A varint length and `prefix + bytes` (room for them made here).
    mutating func appendBytes(_ text: [UInt8], prefix: StaticString? = nil) {
        reserve(text.count + 5 + (prefix?.utf8CodeUnitCount ?? 0))
        appendLength(text.count + (prefix?.utf8CodeUnitCount ?? 0))
        if let prefix { prefix.withUTF8Buffer { append($0) } }
        text.withUnsafeBufferPointer { append($0) }
    }

    /// A varint length and the UTF-8 of `prefix + text` (room for them made here).
    mutating func appendString(_ text: String, prefix: StaticString? = nil) {
        var text = text
        text.withUTF8 { utf8 in
            reserve(utf8.count + 5 + (prefix?.utf8CodeUnitCount ?? 0))
            appendLength(utf8.count + (prefix?.utf8CodeUnitCount ?? 0))
            if let prefix { prefix.withUTF8Buffer { append($0) } }
            append(utf8)
        }
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
