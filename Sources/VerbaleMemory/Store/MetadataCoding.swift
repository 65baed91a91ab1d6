import Foundation
import VerbaleCore

/// How list-valued metadata is stored: JSON text, or NULL when the list is empty (the common
/// case, which then costs nothing to write or read).
enum MetadataCoding {
    static func encode<T: Encodable>(_ values: [T]) -> String? {
        encodeWithJSONEncoder(values)
    }

    /// `encode` of notes: the same text, written by `MetadataJSONWriter` (no `JSONEncoder` run)
    /// unless a note holds a control character.
    static func encode(_ values: [String]) -> String? {
        guard !values.isEmpty else { return nil }
        return MetadataJSONWriter.strings(values) ?? encodeWithJSONEncoder(values)
    }

    /// `encode` of properties or attributes, as `encode(_: [String])`.
    static func encode(_ values: [Property]) -> String? {
        guard !values.isEmpty else { return nil }
        return MetadataJSONWriter.properties(values) ?? encodeWithJSONEncoder(values)
    }

    /// The stored form by definition (what every `encode` returns): `JSONEncoder`'s, keys
    /// sorted, slashes not escaped; nil for an empty list.
    static func encodeWithJSONEncoder<T: Encodable>(_ values: [T]) -> String? {
        guard !values.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(values)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func decode<T: Decodable>(_ text: String?, as type: [T].Type) -> [T] {
        guard let text, !text.isEmpty else { return [] }
        return (try? JSONDecoder().decode(type, from: Data(text.utf8))) ?? []
    }

    /// `decode(_:as: [String].self)` of a column's bytes (nil or empty: none), through
    /// `MetadataJSON` with `JSONDecoder` for what it does not read. Same values.
    static func strings(_ bytes: UnsafeBufferPointer<UInt8>?) -> [String] {
        guard let bytes, !bytes.isEmpty else { return [] }
        return MetadataJSON.strings(bytes) ?? decode(String(decoding: bytes, as: UTF8.self), as: [String].self)
    }

    /// `decode(_:as: [Property].self)` of a column's bytes, as `strings`.
    static func properties(_ bytes: UnsafeBufferPointer<UInt8>?) -> [Property] {
        guard let bytes, !bytes.isEmpty else { return [] }
        return MetadataJSON.properties(bytes) ?? decode(String(decoding: bytes, as: UTF8.self), as: [Property].self)
    }

    static func seconds(_ date: Date?) -> Double? { date?.timeIntervalSince1970 }
    static func date(_ seconds: Double?) -> Date? { seconds.map { Date(timeIntervalSince1970: $0) } }
}

extension ReviewStatus {
    /// Trust order used when merging duplicates: the better-attested status wins, but a
    /// rejection is never overridden silently.
    var trust: Int {
        switch self {
        case .rejected: 5
        case .approved: 4
        case .reviewed: 3
        case .translated: 2
        case .unreviewed: 1
        }
    }
}
