import Foundation

/// A compiled gettext catalogue (`.mo`): the translated messages of one program in one
/// language, as Debian installs them under `/usr/share/locale/<lang>/LC_MESSAGES/`.
///
/// These catalogues are real, human translations of English messages (Khmer ones separate words
/// with U+200B), which makes them parallel text for testing the aligner. Format: GNU gettext
/// manual, "The Format of GNU MO Files" — a header, then two tables of (length, offset) pairs
/// pointing at NUL-terminated original and translated strings. Reads the whole file (catalogues
/// are small); O(n). Plural entries keep their first form; `msgctxt` is dropped.
public struct MOCatalog: Sendable {
    public struct Message: Hashable, Sendable {
        public var context: String?
        public var original: String
        public var translation: String
    }

    public var messages: [Message]

    public init(contentsOf url: URL) throws(MOError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(path: url.path, reason: error.localizedDescription) }
        try self.init(data: data, name: url.path)
    }

    public init(data: Data, name: String) throws(MOError) {
        let bytes = [UInt8](data)
        guard bytes.count >= 28 else { throw .malformed(path: name, reason: "shorter than the 28-byte header") }
        let magic = Self.word(bytes, 0, bigEndian: false)
        let bigEndian: Bool
        switch magic {
        case 0x9504_12DE: bigEndian = false
        case 0xDE12_0495: bigEndian = true
        default: throw .malformed(path: name, reason: "not a gettext .mo file (magic number \(String(magic, radix: 16)))")
        }
        let count = Int(Self.word(bytes, 8, bigEndian: bigEndian))
        let originals = Int(Self.word(bytes, 12, bigEndian: bigEndian))
        let translations = Int(Self.word(bytes, 16, bigEndian: bigEndian))
        guard count < 1_000_000, originals + count * 8 <= bytes.count, translations + count * 8 <= bytes.count else {
            throw .malformed(path: name, reason: "string tables run past the end of the file")
        }
        func string(_ table: Int, _ index: Int) throws(MOError) -> String {
            let length = Int(Self.word(bytes, table + index * 8, bigEndian: bigEndian))
            let offset = Int(Self.word(bytes, table + index * 8 + 4, bigEndian: bigEndian))
            guard offset >= 0, length >= 0, offset + length <= bytes.count else {
                throw .malformed(path: name, reason: "string \(index) runs past the end of the file")
            }
            let slice = bytes[offset..<(offset + length)]
            guard let text = String(validating: slice, as: UTF8.self) else {
                throw .malformed(path: name, reason: "string \(index) is not UTF-8")
            }
            return text
        }
        var messages: [Message] = []
        messages.reserveCapacity(count)
        for index in 0..<count {
            var original = try string(originals, index)
            let translation = try string(translations, index)
            var context: String?
            if let separator = original.firstIndex(of: "\u{04}") {
                context = String(original[..<separator])
                original = String(original[original.index(after: separator)...])
            }
            let singular = original.split(separator: "\0", omittingEmptySubsequences: false).first.map(String.init) ?? original
            let first = translation.split(separator: "\0", omittingEmptySubsequences: false).first.map(String.init) ?? translation
            messages.append(Message(context: context, original: singular, translation: first))
        }
        self.messages = messages
    }

    private static func word(_ bytes: [UInt8], _ offset: Int, bigEndian: Bool) -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { return 0 }
        let b = bytes[offset..<(offset + 4)].map(UInt32.init)
        return bigEndian ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
    }
}

/// A `.mo` file Verbale cannot read.
public enum MOError: Error, CustomStringConvertible, Equatable, Sendable {
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): cannot read (\(reason))"
        case let .malformed(path, reason): "\(path): \(reason)"
        }
    }
}
