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

    /// Packs tokens into a blob: per token a flag byte (kind, spacing, has value, key equals
    /// text), then length-prefixed UTF-8 strings. O(total length).
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
            let sameKey = token.key == token.text
            bytes.append(token.kind.rawValue | (token.spaced ? 0x10 : 0) | (token.value != nil ? 0x20 : 0) | (sameKey ? 0x40 : 0))
            string(token.text)
            if !sameKey { string(token.key) }
            string(token.classKey)
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
            let key = flags & 0x40 != 0 ? text : string()
            guard let key, let classKey = string() else { return nil }
            var value: String?
            if flags & 0x20 != 0 { guard let decoded = string() else { return nil }; value = decoded }
            tokens.append(StoredToken(text: text, key: key, classKey: classKey, value: value, kind: kind, spaced: flags & 0x10 != 0))
        }
        return tokens
    }
}
