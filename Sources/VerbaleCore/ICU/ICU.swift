import CICU

/// Thin Swift wrappers over the CICU shim. ICU works in UTF-16; these functions convert at the
/// edge so the rest of Verbale deals in `String`.
public enum ICU {
    /// The linked ICU version, e.g. "72.1".
    public static var version: String { String(cString: cicu_version()) }

    /// The Unicode normalisation forms Verbale uses.
    public enum NormalizationForm: Int32, Sendable {
        case nfc = 0, nfd = 1, nfkc = 2, nfkcCasefold = 3
    }

    /// Normalises `text`; O(n). Returns the text unchanged if ICU fails (it only fails on
    /// allocation errors), so callers never lose text.
    public static func normalize(_ text: String, _ form: NormalizationForm) -> String {
        transform(text) { source, length, dest, capacity, status in
            cicu_normalize(form.rawValue, source, length, dest, capacity, status)
        }
    }

    /// Full Unicode case folding; O(n).
    public static func foldCase(_ text: String) -> String {
        transform(text) { source, length, dest, capacity, status in
            cicu_fold_case(source, length, dest, capacity, status)
        }
    }

    /// Full case folding of one scalar (ICU `u_strFoldCase` on it), appended to `output`: `ß` →
    /// `ss`, `ﬃ` → `ffi`, `İ` → `i̇`, `É` → `é`. What ICU's case-insensitive matching of a literal
    /// string compares. O(1); `scalar` itself when ICU fails (it only fails on allocation).
    public static func appendFullFolding(of scalar: Unicode.Scalar, to output: inout [Unicode.Scalar]) {
        var buffer: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
        let count = withUnsafeMutableBytes(of: &buffer) { raw in
            cicu_fold_code_point_full(Int32(bitPattern: scalar.value), raw.baseAddress?.assumingMemoryBound(to: Int32.self), 4)
        }
        guard count > 0 else {
            output.append(scalar)
            return
        }
        func append(_ point: Int32) { output.append(Unicode.Scalar(UInt32(bitPattern: point)) ?? scalar) }
        append(buffer.0)
        if count > 1 { append(buffer.1) }
        if count > 2 { append(buffer.2) }
        if count > 3 { append(buffer.3) }
    }

    /// CLDR's name of the region in `regionCode` (e.g. "KH") in the language `displayLanguage`.
    public static func displayCountry(_ regionCode: String, in displayLanguage: String) -> String? {
        let name = fill { dest, capacity, status in
            cicu_display_country("und_\(regionCode)", displayLanguage, dest, capacity, status)
        }
        return name.flatMap { $0.isEmpty || $0 == regionCode ? nil : $0 }
    }

    /// CLDR's name of the language `code` (e.g. "km") in the language `displayLanguage`.
    public static func displayLanguage(_ code: String, in displayLanguage: String) -> String? {
        let name = fill { dest, capacity, status in
            cicu_display_language(code, displayLanguage, dest, capacity, status)
        }
        return name.flatMap { $0.isEmpty || $0 == code ? nil : $0 }
    }

    /// The message name of an ICU status code (e.g. "U_REGEX_RULE_SYNTAX").
    public static func errorName(_ status: Int32) -> String { String(cString: cicu_error_name(status)) }

    typealias Transform = (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32, UnsafeMutablePointer<Int32>?) -> Int32

    static func transform(_ text: String, _ body: Transform) -> String {
        if text.isEmpty { return text }
        let source = Array(text.utf16)
        return source.withUnsafeBufferPointer { src in
            let result = fill { dest, capacity, status in
                body(src.baseAddress, Int32(src.count), dest, capacity, status)
            }
            return result ?? text
        }
    }

    /// Calls an ICU "fill a buffer" function, growing the buffer once if ICU asks for more.
    static func fill(_ body: (UnsafeMutablePointer<UInt16>?, Int32, UnsafeMutablePointer<Int32>?) -> Int32) -> String? {
        var capacity: Int32 = 64
        for _ in 0..<3 {
            var buffer = [UInt16](repeating: 0, count: Int(capacity))
            var status: Int32 = 0
            let written = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress, capacity, &status) }
            if written >= 0 { return String(decoding: buffer[0..<Int(written)], as: UTF16.self) }
            if written == Int32.min { return nil }
            capacity = max(-written, capacity * 2) + 1
        }
        return nil
    }
}
