import Foundation

/// A compiled gettext catalogue (`.mo` file): message id → translation.
///
/// The format (GNU gettext manual, "The Format of GNU MO Files"): a magic number 0x950412de
/// whose byte order gives the file's, a revision, the message count N, the offsets of two
/// tables of N (length, offset) pairs — originals and translations — each string
/// NUL-terminated. Plural forms are NUL-separated inside one string; a context precedes the
/// id, separated by U+0004. We keep the singular id and the first translation, and skip the
/// header entry (empty id) and untranslated entries. Cost: O(file), one pass.
public struct GettextCatalog: Sendable {
    public var translations: [String: String]
    /// The catalogue's header entry (Project-Id-Version, Language-Team…), for provenance.
    public var header: String

    public init(contentsOf url: URL) throws(GettextError) {
        guard let data = try? Data(contentsOf: url) else { throw .unreadable(path: url.path) }
        try self.init(data: data, name: url.path)
    }

    public init(data: Data, name: String) throws(GettextError) {
        let bytes = [UInt8](data)
        func word(_ offset: Int, bigEndian: Bool) -> Int? {
            guard offset >= 0, offset + 4 <= bytes.count else { return nil }
            let b = bytes[offset..<offset + 4].map(UInt32.init)
            return Int(bigEndian ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0])
        }
        guard let little = word(0, bigEndian: false) else { throw .notACatalogue(path: name, reason: "shorter than its header") }
        let bigEndian: Bool
        switch little {
        case 0x9504_12de: bigEndian = false
        case 0xde12_0495: bigEndian = true
        default: throw .notACatalogue(path: name, reason: "bad magic number 0x\(String(little, radix: 16))")
        }
        guard let revision = word(4, bigEndian: bigEndian), revision >> 16 <= 1,
              let count = word(8, bigEndian: bigEndian), let originals = word(12, bigEndian: bigEndian),
              let targets = word(16, bigEndian: bigEndian) else {
            throw .notACatalogue(path: name, reason: "truncated header")
        }
        func string(table: Int, index: Int) throws(GettextError) -> String {
            guard let length = word(table + 8 * index, bigEndian: bigEndian), let offset = word(table + 8 * index + 4, bigEndian: bigEndian),
                  length >= 0, offset >= 0, offset + length <= bytes.count else {
                throw .notACatalogue(path: name, reason: "string \(index) lies outside the file")
            }
            let slice = bytes[offset..<offset + length]
            guard let text = String(validating: slice, as: UTF8.self) else {
                throw .notACatalogue(path: name, reason: "string \(index) is not UTF-8")
            }
            return text
        }
        var translations: [String: String] = [:]
        var header = ""
        for index in 0..<count {
            let original = try string(table: originals, index: index)
            let translated = try string(table: targets, index: index)
            if original.isEmpty { header = translated; continue }
            let id = original.split(separator: "\u{04}", omittingEmptySubsequences: false).last.map { String($0.split(separator: "\0").first ?? "") } ?? original
            let first = String(translated.split(separator: "\0", omittingEmptySubsequences: false).first ?? "")
            if !first.isEmpty { translations[id] = first }
        }
        self.translations = translations
        self.header = header
    }

    public subscript(id: String) -> String? { translations[id] }

    /// A header field such as "Language-Team" or "PO-Revision-Date".
    public func headerField(_ name: String) -> String? {
        for line in header.split(separator: "\n") where line.hasPrefix("\(name):") {
            return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}

/// Why a `.mo` file could not be read.
public enum GettextError: Error, CustomStringConvertible, Sendable {
    case unreadable(path: String)
    case notACatalogue(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path): "\(path): cannot read the gettext catalogue"
        case let .notACatalogue(path, reason): "\(path): not a gettext .mo catalogue (\(reason))"
        }
    }
}
