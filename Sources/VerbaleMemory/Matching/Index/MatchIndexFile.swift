import Foundation
import VerbaleCore

/// Saves a `MatchIndex` and its `UnitArchive` as one binary file beside the memory, and opens
/// it again without re-tokenizing, copying or hashing anything (no rebuild on start).
///
/// Format (little-endian): the magic `VBLMATCH`, a version, then each array as a byte count
/// and its raw elements, padded to 8 bytes so every array starts aligned; string lists as
/// offsets, one UTF-8 blob and their ids in byte order (what lookups binary-search). Writing
/// goes to a temporary file renamed over the old one, so a crash leaves either the old or the
/// new index.
///
/// Cost: writing O(file size) plus sorting the vocabulary (O(F log F)); opening maps the file
/// (`mmap`) and checks the array sizes and the vocabulary (O(distinct forms)), so the first
/// answer pays only for the pages its search touches. Token and posting values are checked
/// where they are read rather than by a scan at open; the recorded glossary entities (version 6:
/// the glossary's fingerprint, per-entry entity counts and merged lengths, the entity list, the
/// merged tokens of the entries holding entities, and a 64-bit checksum over all of them) are
/// checked at open — shapes and order, then the checksum, O(entries + merged tokens) — since a
/// wrong value (a count 2 read as 1, a changed merged length or token) would lose matches
/// silently. Version 5 files (the same without the checksum), version 4 files (entities without
/// merged tokens) and version 3 files open without their entities (entity queries then
/// recognise entities at query time: slower, exact); version 2 files (unaligned, no sorted
/// lists) open by copying.
public enum MatchIndexFile {
    static let magic = Array("VBLMATCH".utf8)
    static let version: UInt32 = 6
    static let uncheckedVersion: UInt32 = 5
    static let countsOnlyVersion: UInt32 = 4
    static let unrecordedVersion: UInt32 = 3
    static let copiedVersion: UInt32 = 2

    /// Where the index of the memory at `memory` lives: `<memory>.match`.
    public static func location(forMemory memory: URL) -> URL {
        memory.deletingLastPathComponent().appendingPathComponent(memory.lastPathComponent + ".match")
    }

    /// Writes the index; `stamp` records which memory rows it reflects (see `MatchIndexCache`).
    public static func write(_ index: MatchIndex, archive: UnitArchive, stamp: [Int64] = [0, 0], to url: URL) throws(MatchIndexFileError) {
        try write(index, archive: archive, stamp: stamp, to: url, formatVersion: version)
    }

    /// `write` in `formatVersion` 6, 5 (no checksum), 4 (entity counts without merged tokens) or
    /// 3 (no entities): what older releases wrote, for the tests that check such files still
    /// open and answer exactly. `checksum` replaces the entities' true checksum (tests simulate
    /// damage with it).
    static func write(_ index: MatchIndex, archive: UnitArchive, stamp: [Int64], to url: URL, formatVersion: UInt32,
                      checksum: UInt64? = nil) throws(MatchIndexFileError) {
        var vocabulary = index.vocabulary
        vocabulary.sortForLookup()
        var data = Data()
        data.append(contentsOf: magic)
        let written = [unrecordedVersion, countsOnlyVersion, uncheckedVersion].contains(formatVersion) ? formatVersion : version
        append(&data, IndexArray([written]))
        append(&data, IndexArray(stamp))
        for table in [vocabulary.forms, vocabulary.classes, vocabulary.keys, vocabulary.values] {
            append(&data, table.offsets)
            append(&data, table.blob)
            append(&data, table.order)
        }
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
        if written != unrecordedVersion {
            append(&data, IndexArray(index.entityFingerprint.map { [$0] } ?? []))
            append(&data, index.entityFingerprint == nil ? [] : index.entryEntityCount)
            append(&data, index.entityFingerprint == nil ? [] : index.entryMergedLength)
            append(&data, index.entityFingerprint == nil ? [] : index.entityEntries)
        }
        if written >= uncheckedVersion {
            append(&data, index.entityFingerprint == nil ? [] : index.entryMergedStart)
            append(&data, index.entityFingerprint == nil ? [] : index.mergedTokens)
        }
        if written == version {
            append(&data, IndexArray(index.entityFingerprint == nil ? [] : [checksum ?? entityChecksum(index)]))
        }
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
        let mapping = try MappedFile(path: url.path)
        guard mapping.bytes.count >= magic.count, Array(mapping.bytes.prefix(magic.count)) == magic else { throw .notAnIndex(url.path) }
        var reader = Reader(mapping: mapping, path: url.path, position: magic.count, aligned: false)
        let versions: IndexArray<UInt32> = try reader.array()
        guard versions.count == 1, [version, uncheckedVersion, countsOnlyVersion, unrecordedVersion, copiedVersion].contains(versions[0]) else {
            throw .unsupportedVersion(url.path, versions.first ?? 0)
        }
        let current = versions[0] != copiedVersion
        reader.aligned = current
        reader.position = current ? magic.count + 16 : reader.position
        let stamp = Array(try reader.array() as IndexArray<Int64>)
        var vocabulary = MatchVocabulary()
        var tables: [StringTable] = []
        for _ in 0..<4 {
            let offsets: IndexArray<UInt32> = try reader.array()
            let blob: IndexArray<UInt8> = try reader.array()
            let order: IndexArray<UInt32> = current ? try reader.array() : []
            guard offsets.first == 0, let last = offsets.last, Int(last) == blob.count,
                  current ? order.count == offsets.count - 1 : order.isEmpty,
                  order.allSatisfy({ Int($0) < offsets.count - 1 }) else { throw .damaged(url.path, "bad string table") }
            tables.append(StringTable(offsets: offsets, blob: blob, order: order))
        }
        (vocabulary.forms, vocabulary.classes, vocabulary.keys, vocabulary.values) = (tables[0], tables[1], tables[2], tables[3])
        vocabulary.formLanguage = try reader.array()
        vocabulary.formKey = try reader.array()
        vocabulary.formClass = try reader.array()
        vocabulary.formValue = try reader.array()
        vocabulary.formKind = try reader.array()
        var index = MatchIndex()
        index.entryUnit = try reader.array()
        index.entryLanguage = try reader.array()
        index.entryContentLength = try reader.array()
        index.entryStart = try reader.array()
        index.tokens = try reader.array()
        index.classStart = try reader.array()
        index.postingEntry = try reader.array()
        index.postingLength = try reader.array()
        var checksum: IndexArray<UInt64> = []
        if versions[0] == version {
            let fingerprint: IndexArray<UInt64> = try reader.array()
            index.entityFingerprint = fingerprint.first
            index.entryEntityCount = try reader.array()
            index.entryMergedLength = try reader.array()
            index.entityEntries = try reader.array()
            index.entryMergedStart = try reader.array()
            index.mergedTokens = try reader.array()
            checksum = try reader.array()
            guard fingerprint.count <= 1, checksum.count == fingerprint.count else { throw .damaged(url.path, "bad entity fingerprint") }
        } else if versions[0] == uncheckedVersion {
            // Entities without a checksum: skipped, searched as if none were recorded.
            let _: IndexArray<UInt64> = try reader.array()
            let _: IndexArray<UInt8> = try reader.array()
            let _: IndexArray<UInt16> = try reader.array()
            let _: IndexArray<UInt32> = try reader.array()
            let _: IndexArray<UInt32> = try reader.array()
            let _: IndexArray<UInt32> = try reader.array()
        } else if versions[0] == countsOnlyVersion {
            // Entities without merged tokens: skipped, searched as if none were recorded.
            let _: IndexArray<UInt64> = try reader.array()
            let _: IndexArray<UInt8> = try reader.array()
            let _: IndexArray<UInt16> = try reader.array()
            let _: IndexArray<UInt32> = try reader.array()
        }
        var archive = UnitArchive()
        archive.bytes = try reader.array()
        archive.offsets = try reader.array()
        let forms = vocabulary.forms.count
        guard vocabulary.formKey.count == forms, vocabulary.formClass.count == forms, vocabulary.formKind.count == forms,
              vocabulary.formValue.count == forms, vocabulary.formLanguage.count == forms,
              index.entryStart.count == index.entryUnit.count + 1, index.entryLanguage.count == index.entryUnit.count,
              index.entryContentLength.count == index.entryUnit.count, index.classStart.count == vocabulary.classCount + 1,
              index.postingLength.count == index.postingEntry.count, archive.offsets.first == 0,
              vocabulary.formClass.allSatisfy({ Int($0) < vocabulary.classCount }),
              vocabulary.formKey.allSatisfy({ Int($0) < vocabulary.keys.count }),
              vocabulary.formKind.allSatisfy({ $0 <= MatchVocabulary.Kind.punctuation.rawValue })
        else { throw .damaged(url.path, "inconsistent sizes") }
        guard entitiesAreConsistent(index) else { throw .damaged(url.path, "inconsistent glossary entities") }
        if let recorded = checksum.first, recorded != entityChecksum(index) {
            throw .damaged(url.path, "the glossary entities fail their checksum")
        }
        if !current {
            // Version 2 has no sorted lists: hash them as before (O(forms)).
            vocabulary.rebuildLookups()
        }
        index.vocabulary = vocabulary
        index.recomputeLanguages()
        return (index, archive, stamp)
    }

    /// The recorded entities cover every entry or none, and the entity list holds exactly the
    /// entries with entities, in `entityKey` order. O(entries).
    static func entitiesAreConsistent(_ index: MatchIndex) -> Bool {
        guard index.entityFingerprint != nil else {
            return index.entryEntityCount.isEmpty && index.entryMergedLength.isEmpty && index.entityEntries.isEmpty
                && index.entryMergedStart.isEmpty && index.mergedTokens.isEmpty
        }
        guard index.entryEntityCount.count == index.entryCount, index.entryMergedLength.count == index.entryCount,
              index.entryMergedStart.count == index.entryCount + 1, index.entryMergedStart.first == 0,
              index.entryMergedStart.last.map({ Int($0) == index.mergedTokens.count }) ?? false else { return false }
        // Merged tokens only for entries holding entities, in order.
        var consistent = true
        index.entryMergedStart.withUnsafeBufferPointer { starts in
            index.entryEntityCount.withUnsafeBufferPointer { counts in
                for entry in 0..<index.entryCount {
                    let size = Int(starts[entry + 1]) - Int(starts[entry])
                    let holding = counts[entry] > 0 && counts[entry] != EntryEntities.unknown
                    if size < 0 || (holding ? size == 0 : size != 0) { consistent = false; return }
                }
            }
        }
        guard consistent else { return false }
        var holding = 0
        index.entryEntityCount.withUnsafeBufferPointer { counts in for count in counts where count > 0 { holding += 1 } }
        guard holding == index.entityEntries.count else { return false }
        var previous: UInt64?
        for position in 0..<index.entityEntries.count {
            let entry = Int(index.entityEntries[position])
            guard entry < index.entryCount, index.entryEntityCount[entry] > 0 else { return false }
            let key = index.entityKey(entry)
            if let previous, previous >= key { return false }
            previous = key
        }
        return true
    }

    /// A 64-bit checksum of the recorded entities (fingerprint, counts, merged lengths, entity
    /// list, merged starts and tokens): FNV-1a's step over 8-byte words (each step is a
    /// bijection of the running value, so any one changed word changes the result), each array
    /// preceded by its size. O(bytes / 8).
    static func entityChecksum(_ index: MatchIndex) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ raw: UnsafeRawBufferPointer) {
            hash = (hash ^ UInt64(raw.count)) &* prime
            var position = 0
            while position + 8 <= raw.count {
                hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))) &* prime
                position += 8
            }
            while position < raw.count {
                hash = (hash ^ UInt64(raw[position])) &* prime
                position += 1
            }
        }
        func mix<T: FixedWidthInteger>(_ values: IndexArray<T>) {
            values.withUnsafeBufferPointer { mix(UnsafeRawBufferPointer($0)) }
        }
        mix(IndexArray(index.entityFingerprint.map { [$0] } ?? []))
        mix(index.entryEntityCount)
        mix(index.entryMergedLength)
        mix(index.entityEntries)
        mix(index.entryMergedStart)
        mix(index.mergedTokens)
        return hash
    }

    private static func append<T: FixedWidthInteger>(_ data: inout Data, _ values: IndexArray<T>) {
        let bytes = values.count * MemoryLayout<T>.size
        var count = UInt64(bytes).littleEndian
        withUnsafeBytes(of: &count) { data.append(contentsOf: $0) }
        values.withUnsafeBufferPointer { data.append(contentsOf: UnsafeRawBufferPointer($0)) }
        let padding = (8 - bytes % 8) % 8
        if padding > 0 { data.append(contentsOf: [UInt8](repeating: 0, count: padding)) }
    }

    private struct Reader {
        let mapping: MappedFile
        let path: String
        var position: Int
        /// Version 3: arrays padded to 8 bytes, so they are used in place.
        var aligned: Bool

        mutating func array<T: FixedWidthInteger>() throws(MatchIndexFileError) -> IndexArray<T> {
            let file = mapping.bytes
            guard position + 8 <= file.count else { throw .damaged(path, "truncated at byte \(position)") }
            var count: UInt64 = 0
            withUnsafeMutableBytes(of: &count) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: file[position..<position + 8])) }
            let available = UInt64(file.count - position - 8)
            let size = UInt64(littleEndian: count)
            guard size <= available, size % UInt64(MemoryLayout<T>.size) == 0 else {
                throw .damaged(path, "bad array size at byte \(position)")
            }
            let bytes = Int(size), start = position + 8
            position = start + bytes + (aligned ? (8 - bytes % 8) % 8 : 0)
            guard position <= file.count else { throw .damaged(path, "truncated at byte \(start + bytes)") }
            let elements = bytes / MemoryLayout<T>.size
            guard let base = file.baseAddress, elements > 0 else { return [] }
            let address = base + start
            if Int(bitPattern: address) % MemoryLayout<T>.alignment == 0 {
                return IndexArray(mapping: mapping, pointer: address.assumingMemoryBound(to: T.self), count: elements)
            }
            var values = [T](repeating: 0, count: elements)
            values.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(start: address, count: bytes)) }
            return IndexArray(values)
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
