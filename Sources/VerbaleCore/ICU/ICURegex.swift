import CICU
import Synchronization

/// A compiled ICU regular expression (Java-like syntax, look-behind included), as SRX needs.
///
/// Not thread-safe (it holds the subject text): compile once per task. Matching cost is that of
/// ICU's backtracking engine, linear for the simple patterns SRX rules use.
public final class ICURegex {
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseInsensitive = Options(rawValue: 2)
        public static let comments = Options(rawValue: 4)
        public static let multiline = Options(rawValue: 8)
        public static let dotAll = Options(rawValue: 32)
    }

    /// A pattern ICU rejected, with where in the pattern.
    public struct SyntaxError: Error, CustomStringConvertible, Sendable {
        public var pattern: String
        public var line: Int
        public var offset: Int
        public var icuError: String
        public var description: String {
            "invalid regular expression \(pattern.debugDescription) (\(icuError) at pattern line \(line), offset \(offset))"
        }
    }

    private let handle: OpaquePointer
    public let pattern: String
    private var textLength = 0

    public init(_ pattern: String, options: Options = []) throws(SyntaxError) {
        let utf16 = Array(pattern.utf16)
        var line: Int32 = 0, offset: Int32 = 0, status: Int32 = 0
        let handle = utf16.withUnsafeBufferPointer {
            cicu_regex_open($0.baseAddress, Int32($0.count), options.rawValue, &line, &offset, &status)
        }
        guard let handle else {
            throw SyntaxError(pattern: pattern, line: Int(line), offset: Int(offset), icuError: ICU.errorName(status))
        }
        self.handle = handle
        self.pattern = pattern
    }

    private init(handle: OpaquePointer, pattern: String) {
        self.handle = handle
        self.pattern = pattern
    }

    /// A regex of `pattern` cloned from the one compiled the first time this process asked for
    /// that pattern and those options (`uregex_clone`: the compiled pattern is shared, read
    /// only; each clone has its own subject text and match state, so one per task still).
    ///
    /// Why: every `Tokenizer` builds a `PlaceableRecognizer`, whose eleven patterns took ICU
    /// about 30 M instructions to compile — per language and per import worker, and again for
    /// each tokenizer a search or a draft opens (1.2 % of a 20,000-unit import under callgrind).
    /// A clone costs a few thousand. The compiled templates stay for the life of the process
    /// (a few patterns, never matched against: only cloned, under the lock).
    public static func shared(_ pattern: String, options: Options = []) throws(SyntaxError) -> ICURegex {
        let key = "\(options.rawValue) \(pattern)"
        if let clone = templates.withLock({ $0[key]?.clone() }) { return ICURegex(handle: clone, pattern: pattern) }
        // Compiled outside the lock (a syntax error is thrown as by `init`); a template another
        // thread stored meanwhile wins, and this one is dropped.
        let compiled = try ICURegex(pattern, options: options)
        let clone = templates.withLock { templates -> OpaquePointer? in
            let template = templates[key] ?? Template(compiled)
            templates[key] = template
            return template.clone()
        }
        // A failed clone (only on allocation failure): the regex just compiled serves.
        guard let clone else { return compiled }
        return ICURegex(handle: clone, pattern: pattern)
    }

    /// A compiled regex kept only to be cloned (always under `templates`' lock).
    private final class Template: @unchecked Sendable {
        let regex: ICURegex
        init(_ regex: ICURegex) { self.regex = regex }
        func clone() -> OpaquePointer? {
            var status: Int32 = 0
            return cicu_regex_clone(regex.handle, &status)
        }
    }

    private static let templates = Mutex<[String: Template]>([:])

    deinit { cicu_regex_close(handle) }

    /// Sets the subject text (UTF-16); later calls search it.
    public func setText(utf16: [UInt16]) {
        var status: Int32 = 0
        _ = utf16.withUnsafeBufferPointer { cicu_regex_set_text(handle, $0.baseAddress, Int32($0.count), &status) }
        textLength = utf16.count
    }

    /// Sets the subject text without copying it. The caller must keep `buffer` alive and
    /// unchanged while this regex searches it (e.g. inside one `withUnsafeBufferPointer`).
    /// Bounds are transparent and non-anchoring: `match(at:)` sees `^`, `\A` and look-behind
    /// context before the position. Saves a copy of the text per pattern.
    public func setSharedText(_ buffer: UnsafeBufferPointer<UInt16>) {
        var status: Int32 = 0
        _ = cicu_regex_set_text_shared(handle, buffer.baseAddress, Int32(buffer.count), &status)
        textLength = buffer.count
    }

    /// The next match at or after `from` (UTF-16 offsets), or nil.
    public func firstMatch(from: Int) -> Range<Int>? {
        guard from <= textLength else { return nil }
        var start: Int32 = 0, end: Int32 = 0, status: Int32 = 0
        let found = cicu_regex_find(handle, Int32(from), &start, &end, &status)
        return found == 1 ? Int(start)..<Int(end) : nil
    }

    /// Every successive, non-overlapping match in the subject text (UTF-16 offsets).
    public func allMatches() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var from = 0
        while from <= textLength, let match = firstMatch(from: from) {
            result.append(match)
            from = match.isEmpty ? match.upperBound + 1 : match.upperBound
        }
        return result
    }

    /// The range (UTF-16) of capture group `group` of the last match, or nil when that group
    /// took no part in it.
    public func group(_ group: Int) -> Range<Int>? {
        var start: Int32 = 0, end: Int32 = 0, status: Int32 = 0
        return cicu_regex_group(handle, Int32(group), &start, &end, &status) == 1 ? Int(start)..<Int(end) : nil
    }

    /// Whether the pattern matches starting exactly at `position`; look-behind sees the text
    /// before it. Returns the match end.
    public func match(at position: Int) -> Int? {
        var end: Int32 = 0, status: Int32 = 0
        return cicu_regex_matches_at(handle, Int32(position), &end, &status) == 1 ? Int(end) : nil
    }
}
