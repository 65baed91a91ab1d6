import Foundation
import VerbaleCore

/// Saves a `MatchIndex` and its `UnitArchive` as one binary file beside the memory, and loads
/// it back without re-tokenizing anything (no rebuild on start).
///
/// Format (little-endian): the magic `VBLMATCH`, a version, then each array as a byte count
/// and its raw elements; string lists as offsets plus one UTF-8 blob. Writing goes to a
/// temporary file renamed over the old one, so a crash leaves either the old or the new index.
/// Cost: O(file size) both ways — a memory-mapped read and one copy per array; the only
/// per-item work on load is rebuilding the vocabulary's hash tables (O(distinct forms)).
public enum MatchIndexFile {
    static let magic = Array("VBLMATCH".utf8)
    static let version: UInt32 = 2

    /// Where the index of the memory at `memory` lives: `<memory>.match`.
    public static func location(forMemory memory: URL) -> URL {
        memory.deletingLastPathComponent().appendingPathComponent(memory.lastPathComponent + ".match")
    }

    /// Writes the index; `stamp` records which memory rows it reflects (see `MatchIndexCache`).
    public static func write(_ index: MatchIndex, archive: UnitArchive, stamp: [Int64] = [0, 0], to url: URL) throws(MatchIndexFileError) {
        var data = Data()
        data.append(contentsOf: magic)
        append(&data, [version])
        append(&data, stamp)
        let vocabulary = index.vocabulary
        for list in [vocabulary.formText, vocabulary.classText, vocabulary.keyText, vocabulary.valueText] { appendStrings(&data, list) }
        append(&data, vocabulary.formLanguage)
        append(&data, vocabulary.formKey)
        append(&data, vocabulary.formClass)
        append(&data, vocabulary.formValue)
        append(&data, vocabulary.formKind)
        append(&data, index.entryUnit)
        append(&data, index.entryLanguage)
        append(&data, index.entryContentLength)
        append(&data, index.entryStart)
        append(&data, index.tokens)
        append(&data, index.classStart)
        append(&data, index.postingEntry)
        append(&data, index.postingLength)
        append(&data, archive.bytes)
        append(&data, archive.offsets)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            // rename(2) replaces the old file atomically; Foundation's replaceItemAt on Linux
            // fails here ("file doesn't exist") and can leave no index at all.
            guard rename(temporary.path, url.path) == 0 else {
                throw MatchIndexFileError.cannotWrite(url.path, String(cString: strerror(errno)))
            }
        } catch let error as MatchIndexFileError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(url.path, error.localizedDescription)
        }
    }

    public static func read(from url: URL) throws(MatchIndexFileError) -> (index: MatchIndex, archive: UnitArchive) {
        let (index, archive, _) = try readStamped(from: url)
        return (index, archive)
    }

    /// The index, its archive and the stamp it was written with.
    public static func readStamped(from url: URL) throws(MatchIndexFileError) -> (index: MatchIndex, archive: UnitArchive, stamp: [Int64]) {
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch { throw .cannotRead(url.path, error.localizedDescription) }
        var reader = Reader(data: data, path: url.path)
        guard data.count >= magic.count, Array(data.prefix(magic.count)) == magic else { throw .notAnIndex(url.path) }
        reader.position = magic.count
        let versions: [UInt32] = try reader.array()
        guard versions == [version] else { throw .unsupportedVersion(url.path, versions.first ?? 0) }
        let stamp: [Int64] = try reader.array()
        var index = MatchIndex()
        var vocabulary = MatchVocabulary()
        vocabulary.formText = try reader.strings()
        vocabulary.classText = try reader.strings()
        vocabulary.keyText = try reader.strings()
        vocabulary.valueText = try reader.strings()
        vocabulary.formLanguage = try reader.array()
        vocabulary.formKey = try reader.array()
        vocabulary.formClass = try reader.array()
        vocabulary.formValue = try reader.array()
        vocabulary.formKind = try reader.array()
        index.entryUnit = try reader.array()
        index.entryLanguage = try reader.array()
        index.entryContentLength = try reader.array()
        index.entryStart = try reader.array()
        index.tokens = try reader.array()
        index.classStart = try reader.array()
        index.postingEntry = try reader.array()
        index.postingLength = try reader.array()
        var archive = UnitArchive()
        archive.bytes = try reader.array()
        archive.offsets = try reader.array()
        let forms = vocabulary.formText.count
        guard vocabulary.formKey.count == forms, vocabulary.formClass.count == forms, vocabulary.formKind.count == forms,
              vocabulary.formValue.count == forms, vocabulary.formLanguage.count == forms,
              index.entryStart.count == index.entryUnit.count + 1, index.classStart.count == vocabulary.classText.count + 1,
              index.postingLength.count == index.postingEntry.count, archive.offsets.first == 0,
              index.tokens.allSatisfy({ Int($0 & 0x7FFF_FFFF) < forms }) else { throw .damaged(url.path, "inconsistent sizes") }
        vocabulary.rebuildLookups()
        index.vocabulary = vocabulary
        index.recomputeLanguages()
        return (index, archive, stamp)
    }

    private static func append<T: FixedWidthInteger>(_ data: inout Data, _ values: [T]) {
        var count = UInt64(values.count * MemoryLayout<T>.size).littleEndian
        withUnsafeBytes(of: &count) { data.append(contentsOf: $0) }
        values.withUnsafeBytes { data.append(contentsOf: $0) }
    }

    private static func appendStrings(_ data: inout Data, _ strings: [String]) {
        var offsets: [UInt32] = [0]
        var blob: [UInt8] = []
        for string in strings {
            blob.append(contentsOf: string.utf8)
            offsets.append(UInt32(blob.count))
        }
        append(&data, offsets)
        append(&data, blob)
    }

    private struct Reader {
        let data: Data
        let path: String
        var position = 0

        mutating func array<T: FixedWidthInteger>() throws(MatchIndexFileError) -> [T] {
            guard position + 8 <= data.count else { throw .damaged(path, "truncated at byte \(position)") }
            var count: UInt64 = 0
            withUnsafeMutableBytes(of: &count) { $0.copyBytes(from: data[data.startIndex + position..<data.startIndex + position + 8]) }
            let bytes = Int(UInt64(littleEndian: count))
            position += 8
            guard bytes >= 0, bytes % MemoryLayout<T>.size == 0, position + bytes <= data.count else {
                throw .damaged(path, "bad array size at byte \(position - 8)")
            }
            var values = [T](repeating: 0, count: bytes / MemoryLayout<T>.size)
            values.withUnsafeMutableBytes { $0.copyBytes(from: data[data.startIndex + position..<data.startIndex + position + bytes]) }
            position += bytes
            return values
        }

        mutating func strings() throws(MatchIndexFileError) -> [String] {
            let offsets: [UInt32] = try array()
            let blob: [UInt8] = try array()
            guard let last = offsets.last, Int(last) == blob.count else { throw .damaged(path, "bad string table") }
            var strings: [String] = []
            strings.reserveCapacity(max(offsets.count - 1, 0))
            for i in 0..<max(offsets.count - 1, 0) {
                let lower = Int(offsets[i]), upper = Int(offsets[i + 1])
                guard lower <= upper else { throw .damaged(path, "bad string offsets") }
                strings.append(String(decoding: blob[lower..<upper], as: UTF8.self))
            }
            return strings
        }
    }
}

/// Why a match index file could not be used.
public enum MatchIndexFileError: Error, CustomStringConvertible, Equatable, Sendable {
    case cannotRead(String, String)
    case cannotWrite(String, String)
    case notAnIndex(String)
    case unsupportedVersion(String, UInt32)
    case damaged(String, String)

    public var description: String {
        switch self {
        case let .cannotRead(path, why): "\(path): cannot read the match index (\(why))"
        case let .cannotWrite(path, why): "\(path): cannot write the match index (\(why))"
        case let .notAnIndex(path): "\(path): not a Verbale match index"
        case let .unsupportedVersion(path, version): "\(path): match index version \(version) is not supported; rebuild it"
        case let .damaged(path, why): "\(path): damaged match index (\(why)); rebuild it"
        }
    }
}
