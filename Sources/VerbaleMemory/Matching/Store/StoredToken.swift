import Foundation
import VerbaleCore

/// A token as the fuzzy-match index keeps it in the memory: what scoring needs (text, case-
/// folded key, class, value, kind, spacing), without positions. Stored so that the index can
/// be rebuilt from the database without running the tokenizer again.
public struct StoredToken: Hashable, Sendable {
    public var text: String
    public var key: String
    public var classKey: String
    public var value: String?
    public var kind: MatchVocabulary.Kind
    public var spaced: Bool

    public init(_ token: MatchToken) {
        text = token.token.text
        key = token.token.key
        classKey = token.classKey
        value = token.value
        kind = MatchVocabulary.kind(of: token)
        spaced = token.spaced
    }

    init(text: String, key: String, classKey: String, value: String?, kind: MatchVocabulary.Kind, spaced: Bool) {
        self.text = text
        self.key = key
        self.classKey = classKey
        self.value = value
        self.kind = kind
        self.spaced = spaced
    }

    static let spacedFlag: UInt8 = 0x10
    static let valueFlag: UInt8 = 0x20
    static let sameKeyFlag: UInt8 = 0x40
    /// The class key is not stored: it is `"w:" + key` (a word whose loose key is its key) or
    /// `#p` (punctuation). Blobs written before this flag never set it, so they still decode;
    /// it drops about a third of the bytes of an English or French row.
    static let derivedClassFlag: UInt8 = 0x80

    /// Whether two strings have the same UTF-8 bytes. Why not `==`: Swift compares strings up to
    /// canonical equivalence, so a key "été" (NFC, as ICU makes it) would equal the text
    /// "e\u{301}te\u{301}" (NFD, as macOS exports write it) and be left out of the blob, to be read
    /// back as the NFD text; the saved index looks keys up by bytes, so that entry's key would
    /// be unknown there. Cost: O(length), no allocation: one `memcmp` over the two strings'
    /// contiguous UTF-8 (the generic `utf8.elementsEqual` walk cost about 2 % of an import).
    @inline(__always)
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return true }  // both empty
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    /// The class key a token has when `derivedClassFlag` is set, or nil when it cannot be derived.
    static func derivedClass(kind: MatchVocabulary.Kind, key: String) -> String? {
        switch kind {
        case .word: "w:" + key
        case .punctuation: "#p"
        case .valued: nil
        }
    }

    /// Packs tokens into a blob: per token a flag byte (kind, spacing, has value, key equals
    /// text, class derived), then length-prefixed UTF-8 strings. O(total length).
    /// `MatchEntryEncoder` writes the same bytes straight from tokenizer tokens (the import's path).
    public static func encode(_ tokens: [StoredToken]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(tokens.count * 16)
        func string(_ text: String) {
            // (Appending the UTF-8 view directly: no temporary array per string.)
            var length = text.utf8.count
            while length >= 0x80 { bytes.append(UInt8(length & 0x7F) | 0x80); length >>= 7 }
            bytes.append(UInt8(length))
            bytes.append(contentsOf: text.utf8)
        }
        for token in tokens {
            let sameKey = sameBytes(token.key, token.text)
            let derived = derivedClass(kind: token.kind, key: token.key).map { sameBytes($0, token.classKey) } ?? false
            bytes.append(token.kind.rawValue | (token.spaced ? spacedFlag : 0) | (token.value != nil ? valueFlag : 0)
                         | (sameKey ? sameKeyFlag : 0) | (derived ? derivedClassFlag : 0))
            string(token.text)
            if !sameKey { string(token.key) }
            if !derived { string(token.classKey) }
            if let value = token.value { string(value) }
        }
        return Data(bytes)
    }

    /// The tokens of a blob made by `encode`, or nil if it is damaged. O(size).
    public static func decode(_ data: Data) -> [StoredToken]? {
        let bytes = [UInt8](data)
        var position = 0
        func string() -> String? {
            var length = 0, shift = 0
            while true {
                guard position < bytes.count, shift < 35 else { return nil }
                let byte = bytes[position]
                position += 1
                length |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            guard position + length <= bytes.count else { return nil }
            defer { position += length }
            return String(decoding: bytes[position..<position + length], as: UTF8.self)
        }
        var tokens: [StoredToken] = []
        while position < bytes.count {
            let flags = bytes[position]
            position += 1
            guard let kind = MatchVocabulary.Kind(rawValue: flags & 0x0F), let text = string() else { return nil }
            let key = flags & sameKeyFlag != 0 ? text : string()
            guard let key, let classKey = flags & derivedClassFlag != 0 ? derivedClass(kind: kind, key: key) : string() else { return nil }
            var value: String?
            if flags & valueFlag != 0 { guard let decoded = string() else { return nil }; value = decoded }
            tokens.append(StoredToken(text: text, key: key, classKey: classKey, value: value, kind: kind, spaced: flags & spacedFlag != 0))
        }
        return tokens
    }
}
