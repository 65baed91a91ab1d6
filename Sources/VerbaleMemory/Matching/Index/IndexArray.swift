import Foundation

/// A flat run of fixed-width integers that the match index is made of: owned memory while an
/// index is built, or a read-only view into a memory-mapped index file once it is loaded.
///
/// Why: loading a 1M-unit index by copying its arrays touches every page of a 400 MB file
/// before the first answer; a view costs nothing at load and only the pages a search reads are
/// ever brought in. Mutating a view (adding units to a loaded index) first copies it, once
/// (copy-on-write), so mapped memory is never written.
///
/// Cost: reads O(1) (a pointer and an offset); `append` amortised O(1); copying a view O(n).
public struct IndexArray<Element: FixedWidthInteger>: @unchecked Sendable {
    /// Keeps the memory alive (an owned allocation or the file mapping) and says which it is.
    private var storage: IndexArrayStorage
    @usableFromInline var base: UnsafePointer<Element>?
    public private(set) var count: Int

    public init() {
        storage = IndexArrayStorage(capacityBytes: 0)
        base = nil
        count = 0
    }

    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        self.init()
        append(contentsOf: elements)
    }

    public init(repeating value: Element, count: Int) {
        self.init()
        guard count > 0 else { return }
        grow(to: count)
        storage.pointer.unsafelyUnwrapped.initializeMemory(as: Element.self, repeating: value, count: count)
        self.count = count
    }

    /// A view of `count` elements at `pointer` inside `mapping` (which must outlive nothing:
    /// the view keeps it alive).
    init(mapping: MappedFile, pointer: UnsafePointer<Element>, count: Int) {
        storage = IndexArrayStorage(mapping: mapping)
        base = count > 0 ? pointer : nil
        self.count = count
    }

    /// True when the elements are read from a mapped file rather than owned.
    public var isMapped: Bool { storage.mapping != nil }

    @inlinable @inline(__always)
    public subscript(position: Int) -> Element {
        base.unsafelyUnwrapped[position]
    }

    /// Calls `body` with the elements as a buffer (for tight loops).
    @inlinable @inline(__always)
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    public mutating func reserveCapacity(_ minimum: Int) {
        if minimum > writableCapacity { grow(to: minimum) }
    }

    public mutating func append(_ element: Element) {
        if count >= writableCapacity { grow(to: Swift.max(16, count * 2)) }
        storage.pointer.unsafelyUnwrapped.assumingMemoryBound(to: Element.self)[count] = element
        count += 1
    }

    public mutating func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        let expected = elements.underestimatedCount
        if count + expected > writableCapacity { grow(to: Swift.max(count + expected, count * 2)) }
        for element in elements { append(element) }
    }

    /// Sets element `position` (copying a shared or mapped buffer first).
    public mutating func set(_ position: Int, to element: Element) {
        precondition(position >= 0 && position < count, "IndexArray index out of range")
        if writableCapacity < count { grow(to: count) }
        storage.pointer.unsafelyUnwrapped.assumingMemoryBound(to: Element.self)[position] = element
    }

    /// How many elements fit without reallocating, or 0 when the buffer may not be written
    /// (mapped, or shared with another copy of this array).
    private var writableCapacity: Int {
        mutating get {
            guard storage.mapping == nil, isKnownUniquelyReferenced(&storage) else { return 0 }
            return storage.capacityBytes / MemoryLayout<Element>.stride
        }
    }

    private mutating func grow(to minimum: Int) {
        let fresh = IndexArrayStorage(capacityBytes: Swift.max(minimum, count) * MemoryLayout<Element>.stride)
        if count > 0, let base, let target = fresh.pointer {
            target.copyMemory(from: UnsafeRawPointer(base), byteCount: count * MemoryLayout<Element>.stride)
        }
        storage = fresh
        base = fresh.pointer.map { UnsafePointer($0.assumingMemoryBound(to: Element.self)) }
    }
}

extension IndexArray: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
}

extension IndexArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension IndexArray: Equatable {
    public static func == (a: IndexArray, b: IndexArray) -> Bool { a.elementsEqual(b) }
}

/// The memory behind an `IndexArray`: an allocation it owns, or a share of a file mapping.
final class IndexArrayStorage {
    let pointer: UnsafeMutableRawPointer?
    let capacityBytes: Int
    let mapping: MappedFile?

    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
        pointer = capacityBytes > 0 ? UnsafeMutableRawPointer.allocate(byteCount: capacityBytes, alignment: 16) : nil
        mapping = nil
    }

    init(mapping: MappedFile) {
        pointer = nil
        capacityBytes = 0
        self.mapping = mapping
    }

    deinit { if mapping == nil { pointer?.deallocate() } }
}

/// A whole file mapped read-only into memory (`mmap`, private), unmapped when the last view
/// of it goes. Pages are read from disk (or the page cache) only when touched.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    init(path: String) throws(MatchIndexFileError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .cannotRead(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .cannotRead(path, String(cString: strerror(errno))) }
        let size = Int(status.st_size)
        guard size > 0 else { throw .notAnIndex(path) }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw .cannotRead(path, String(cString: strerror(errno)))
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
