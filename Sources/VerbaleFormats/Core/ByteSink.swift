import Foundation

/// A buffered byte output for writers: a file handle (standard output included) or memory.
///
/// Writers append UTF-8 into one growing buffer and flush it in 256 KB writes, so writing a
/// unit costs a few appends, not a system call.
public final class ByteSink: @unchecked Sendable {
    public let name: String
    private let handle: FileHandle?
    var buffer: [UInt8] = []
    private var written = Data()
    static let flushThreshold = 256 * 1024

    public init(fileHandle: FileHandle, name: String) {
        self.name = name
        self.handle = fileHandle
        buffer.reserveCapacity(Self.flushThreshold + 64 * 1024)
    }

    /// Creates or truncates the file at `url` and writes it in place; `-` means standard output.
    /// (Commands write a user's output with `OutputFile`, which never leaves half a file.)
    public convenience init(url: URL) throws(FormatError) {
        if url.path == "-" || url.lastPathComponent == "-" {
            self.init(fileHandle: .standardOutput, name: "<stdout>")
            return
        }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw FormatError(file: url.path, reason: .io("cannot create the file (\(String(cString: strerror(errno))))"))
        }
        self.init(fileHandle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true), name: url.path)
    }

    /// Collects output in memory (`data` after `flush()`).
    public init(name: String = "<memory>") {
        self.name = name
        self.handle = nil
    }

    /// Everything written, for an in-memory sink.
    public var data: Data { written + Data(buffer) }

    @inline(__always) func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    @inline(__always) func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    func flushIfNeeded() throws(FormatError) {
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes out what is buffered.
    public func flush() throws(FormatError) {
        guard !buffer.isEmpty else { return }
        if let handle {
            do { try handle.write(contentsOf: buffer) } catch {
                throw FormatError(file: name, reason: .io("write failed (\(error.localizedDescription))"))
            }
        } else {
            written.append(contentsOf: buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for files, closes (standard output and error stay open).
    public func close() throws(FormatError) {
        try flush()
        if let handle, handle !== FileHandle.standardOutput, handle !== FileHandle.standardError {
            do { try handle.close() } catch {
                throw FormatError(file: name, reason: .io("close failed (\(error.localizedDescription))"))
            }
        }
    }
}
