import Foundation

/// A buffered byte output for writers: a file handle (standard output included) or memory.
///
/// Writers append UTF-8 into one growing buffer and flush it in 256 KB writes, so writing a
/// unit costs a few appends, not a system call.
///
/// The buffer is memory of the sink's own, reached through a pointer held in a constant, not a
/// `[UInt8]` property: an export appends 30–60 pieces per unit, and each append to an array
/// stored in a class costs a dynamic exclusivity check (two runtime calls) and a uniqueness
/// check before its `memcpy` — about a fifth of a TMX export's instructions (callgrind, issue 3).
public final class ByteSink: @unchecked Sendable {
    public let name: String
    private let handle: FileHandle?
    /// The bytes appended and not yet flushed (see `Pending`).
    private let pending: UnsafeMutablePointer<Pending>
    private var written = Data()
    static let flushThreshold = 256 * 1024

    /// A growable byte buffer: `count` bytes at `base`, room for `capacity`.
    struct Pending {
        var base: UnsafeMutablePointer<UInt8>
        var count: Int
        var capacity: Int
    }

    private init(name: String, handle: FileHandle?, capacity: Int) {
        self.name = name
        self.handle = handle
        pending = .allocate(capacity: 1)
        pending.initialize(to: Pending(base: .allocate(capacity: capacity), count: 0, capacity: capacity))
    }

    deinit {
        pending.pointee.base.deallocate()
        pending.deinitialize(count: 1)
        pending.deallocate()
    }

    public convenience init(fileHandle: FileHandle, name: String) {
        self.init(name: name, handle: fileHandle, capacity: Self.flushThreshold + 64 * 1024)
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
    public convenience init(name: String = "<memory>") {
        self.init(name: name, handle: nil, capacity: 4096)
    }

    /// Everything written, for an in-memory sink.
    public var data: Data { written + Data(bytes: pending.pointee.base, count: pending.pointee.count) }

    /// The number of bytes appended and not yet flushed.
    var pendingCount: Int { pending.pointee.count }

    /// Room for `count` more bytes, growing the buffer (doubling) when needed; returns where
    /// they go. The caller writes exactly `count` bytes there (`commit` is implied).
    @inline(__always) func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        let needed = pending.pointee.count + count
        if needed > pending.pointee.capacity { grow(to: needed) }
        let at = pending.pointee.base + pending.pointee.count
        pending.pointee.count = needed
        return at
    }

    private func grow(to needed: Int) {
        let capacity = max(needed, pending.pointee.capacity * 2)
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        base.update(from: pending.pointee.base, count: pending.pointee.count)
        pending.pointee.base.deallocate()
        pending.pointee.base = base
        pending.pointee.capacity = capacity
    }

    @inline(__always) func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count).update(from: source, count: bytes.count)
    }

    @inline(__always) func append(byte: UInt8) {
        reserve(1).pointee = byte
    }

    @inline(__always) func append(_ text: StaticString) {
        text.withUTF8Buffer { append(bytes: $0) }
    }

    @inline(__always) func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    func append(_ data: Data) {
        data.withUnsafeBytes { append(bytes: $0.bindMemory(to: UInt8.self)) }
    }

    func flushIfNeeded() throws(FormatError) {
        if pending.pointee.count >= Self.flushThreshold { try flush() }
    }

    /// Writes out what is buffered.
    public func flush() throws(FormatError) {
        guard pending.pointee.count > 0 else { return }
        let bytes = UnsafeRawBufferPointer(start: pending.pointee.base, count: pending.pointee.count)
        if let handle {
            do { try handle.write(contentsOf: bytes) } catch {
                throw FormatError(file: name, reason: .io("write failed (\(error.localizedDescription))"))
            }
        } else {
            written.append(contentsOf: bytes)
        }
        pending.pointee.count = 0
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
