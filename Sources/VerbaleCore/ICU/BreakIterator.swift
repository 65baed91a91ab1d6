import CICU

/// ICU boundary analysis (characters, words, sentences) for one locale.
///
/// Opening an iterator loads ICU's rules (and, for Khmer words, its dictionary), which costs far
/// more than analysing a sentence, so keep one and reuse it. Not thread-safe: use one per task.
/// `boundaries(in:)` is O(n) in the text length.
public final class BreakIterator {
    public enum Kind: Int32, Sendable { case character = 0, word = 1, line = 2, sentence = 3 }

    /// One boundary: its offset in UTF-16 code units and ICU's rule status for the preceding
    /// span (for words: 0 none, 100 number, 200 letter…).
    public struct Boundary: Equatable, Sendable {
        public var utf16Offset: Int
        public var ruleStatus: Int32
    }

    private let handle: OpaquePointer
    public let kind: Kind
    public let locale: String

    public init(_ kind: Kind, locale: String) throws(ICUError) {
        var status: Int32 = 0
        guard let handle = cicu_break_open(kind.rawValue, locale, &status) else {
            throw ICUError(operation: "open \(kind) break iterator for \(locale)", status: status)
        }
        self.handle = handle
        self.kind = kind
        self.locale = locale
    }

    deinit { cicu_break_close(handle) }

    /// Every boundary after offset 0 of `utf16` text, in order (the last is the text's end).
    public func boundaries(utf16: [UInt16]) -> [Boundary] {
        var status: Int32 = 0
        let setOK = utf16.withUnsafeBufferPointer { cicu_break_set_text(handle, $0.baseAddress, Int32($0.count), &status) }
        guard setOK == 0 else { return utf16.isEmpty ? [] : [Boundary(utf16Offset: utf16.count, ruleStatus: 0)] }
        let capacity = utf16.count + 1
        var positions = [Int32](repeating: 0, count: capacity)
        var statuses = [Int32](repeating: 0, count: capacity)
        let count = positions.withUnsafeMutableBufferPointer { p in
            statuses.withUnsafeMutableBufferPointer { s in
                cicu_break_all(handle, p.baseAddress, s.baseAddress, Int32(capacity))
            }
        }
        return (0..<Int(max(count, 0))).map { Boundary(utf16Offset: Int(positions[$0]), ruleStatus: statuses[$0]) }
    }

    /// Boundary offsets only (no rule statuses) written into `positions`, which is grown as
    /// needed and reused across calls: the tokenizer's hot path. Returns how many were written.
    /// ICU reads `units` in place (no copy): every method sets its text again before use.
    func boundaryOffsets(units: UnsafeBufferPointer<UInt16>, into positions: inout [Int32]) -> Int {
        var status: Int32 = 0
        guard cicu_break_set_text_shared(handle, units.baseAddress, Int32(units.count), &status) == 0 else {
            if positions.isEmpty { positions.append(0) }
            positions[0] = Int32(units.count)
            return units.isEmpty ? 0 : 1
        }
        if positions.count < units.count + 1 { positions = [Int32](repeating: 0, count: units.count + 1) }
        let capacity = Int32(units.count + 1)
        let count = positions.withUnsafeMutableBufferPointer { cicu_break_all(handle, $0.baseAddress, nil, capacity) }
        return Int(max(count, 0))
    }

    /// Boundaries of `text`, in UTF-16 offsets.
    public func boundaries(in text: String) -> [Boundary] { boundaries(utf16: Array(text.utf16)) }
}

/// An ICU call failed; carries the operation and ICU's error name.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var status: Int32
    public var description: String { "ICU could not \(operation): \(ICU.errorName(status))" }
}
