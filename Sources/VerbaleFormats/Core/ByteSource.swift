import Foundation

/// The bytes of a memory file, read in chunks from a file, standard input or memory, with a
/// look-ahead for format sniffing. Memory use is one chunk (64 KB) plus the look-ahead.
public final class ByteSource: @unchecked Sendable {
    /// The name used in messages (`old.tmx`, `<stdin>`).
    public let name: String
    private let handle: FileHandle?
    private var memory: Data?
    private let generate: (() throws(FormatError) -> [UInt8]?)?
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var atEnd = false
    /// Bytes handed out so far (for progress bars).
    public private(set) var bytesRead: Int = 0
    /// The file's size when known (regular files), for progress bars.
    public let expectedSize: Int?

    static let chunkSize = 64 * 1024

    /// Opens `url` for reading; `-` (as a path) means standard input.
    public convenience init(url: URL) throws(FormatError) {
        if url.path == "-" || url.lastPathComponent == "-" && !FileManager.default.fileExists(atPath: url.path) {
            self.init(fileHandle: .standardInput, name: "<stdin>")
            return
        }
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw FormatError(file: url.path, reason: .io(exists ? "cannot read the file (\(error.localizedDescription))" : "no such file"))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
        self.init(fileHandle: handle, name: url.path, expectedSize: size)
    }

    public init(fileHandle: FileHandle, name: String, expectedSize: Int? = nil) {
        self.name = name
        self.handle = fileHandle
        self.memory = nil
        self.generate = nil
        self.expectedSize = expectedSize
    }

    public init(data: Data, name: String) {
        self.name = name
        self.handle = nil
        self.memory = data
        self.generate = nil
        self.expectedSize = data.count
    }

    /// Bytes produced on demand: `next` returns the next chunk, or nil at the end. Lets a
    /// generated memory file stream through a reader without a file or a pipe (tests of huge
    /// inputs, converters). Memory: whatever `next` holds, plus one chunk.
    public init(name: String, chunks next: @escaping () throws(FormatError) -> [UInt8]?) {
        self.name = name
        self.handle = nil
        self.memory = nil
        self.generate = next
        self.expectedSize = nil
    }

    /// Standard input, named `<stdin>` in messages.
    public static func standardInput() -> ByteSource { ByteSource(fileHandle: .standardInput, name: "<stdin>") }

    /// Up to `count` bytes from the current position, without consuming them.
    public func peek(_ count: Int) throws(FormatError) -> [UInt8] {
        while pending.count - pendingStart < count, !atEnd {
            guard let chunk = try readRaw() else { break }
            if pendingStart > 0 {
                pending.removeFirst(pendingStart)
                pendingStart = 0
            }
            pending.append(contentsOf: chunk)
        }
        let available = min(count, pending.count - pendingStart)
        return Array(pending[pendingStart..<(pendingStart + available)])
    }

    /// The next chunk of bytes, or nil at the end.
    public func nextChunk() throws(FormatError) -> [UInt8]? {
        if pendingStart < pending.count {
            let chunk = Array(pending[pendingStart...])
            pending = []
            pendingStart = 0
            bytesRead += chunk.count
            return chunk
        }
        guard let chunk = try readRaw() else { return nil }
        bytesRead += chunk.count
        return chunk
    }

    private func readRaw() throws(FormatError) -> [UInt8]? {
        if atEnd { return nil }
        if let data = memory {
            memory = nil
            atEnd = true
            return data.isEmpty ? nil : [UInt8](data)
        }
        if let generate {
            while true {
                guard let chunk = try generate() else {
                    atEnd = true
                    return nil
                }
                if !chunk.isEmpty { return chunk }
            }
        }
        guard let handle else { atEnd = true; return nil }
        do {
            guard let data = try handle.read(upToCount: Self.chunkSize), !data.isEmpty else {
                atEnd = true
                return nil
            }
            return [UInt8](data)
        } catch {
            throw FormatError(file: name, reason: .io("read failed (\(error.localizedDescription))"))
        }
    }
}
