import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// The export's escaping reads eight bytes at a time while none can need an escape
/// (`XMLEscapeScan`), and dates are printed straight into the buffer (`CompactDate.write`).
/// Both must write exactly what the byte-by-byte loop and the array-building `format` wrote
/// before (issue 3, export throughput): compared here on seeded strings made of every byte
/// class the escaping treats apart, at every alignment, and on random dates.
@Suite("XML escaping fast path and CompactDate.write equal their references")
struct XMLEscapeFastPathTests {
    /// The escaping loop as it was before the word scan (reference).
    static func reference(_ text: String, attribute: Bool) -> [UInt8] {
        var out: [UInt8] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte > 0x3E && byte != 0xEF { index += 1; continue }
                let replacement: String?
                var length = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = attribute ? "&quot;" : nil
                case 0x0D: replacement = "&#13;"
                case 0x0A: replacement = attribute ? "&#10;" : nil
                case 0x09: replacement = attribute ? "&#9;" : nil
                case 0x00..<0x20: replacement = "\u{FFFD}"
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && bytes[index + 2] & 0xFE == 0xBE:
                    replacement = "\u{FFFD}"
                    length = 3
                default: replacement = nil
                }
                if let replacement {
                    out.append(contentsOf: bytes[start..<index])
                    out.append(contentsOf: replacement.utf8)
                    start = index + length
                }
                index += length
            }
            out.append(contentsOf: bytes[start..<count])
        }
        return out
    }

    static func escaped(_ text: String, attribute: Bool) -> [UInt8] {
        let sink = ByteSink()
        sink.appendEscaped(text, attribute: attribute)
        return [UInt8](sink.data)
    }

    /// Pieces of every class: plain ASCII, each special byte, C0 controls, Khmer (U+200B,
    /// digits), Latin-1, U+FEFF and U+F8FF (0xEF lead bytes that stay), U+FFFE/U+FFFF.
    static let pieces = ["a", "Embassy ", "1996 ", ", ", ".", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{1}", "\u{1F}", "\u{0}",
                         "ស្ថានទូត", "\u{200B}", "១២", "é", "«", "\u{FEFF}", "\u{F8FF}", "\u{FFFE}", "\u{FFFF}", "=", "?", "~"]

    @Test("Seeded strings, text and attribute: the same bytes", arguments: [UInt64(1), 2, 3])
    func seeded(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...24, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng) ?? "" }.joined()
            for attribute in [false, true] {
                let got = Self.escaped(text, attribute: attribute), want = Self.reference(text, attribute: attribute)
                if got != want {
                    Issue.record("\(attribute ? "attribute" : "text") \(text.debugDescription): \(String(decoding: got, as: UTF8.self).debugDescription) != \(String(decoding: want, as: UTF8.self).debugDescription)")
                    return
                }
            }
        }
    }

    @Test("Each special byte at every offset of a 20-byte text")
    func everyOffset() {
        for special in ["&", "<", ">", "\"", "\t", "\n", "\r", "\u{7}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}"] {
            for offset in 0...20 {
                let text = String(repeating: "x", count: offset) + special + String(repeating: "y", count: 20 - offset)
                for attribute in [false, true] {
                    #expect(Self.escaped(text, attribute: attribute) == Self.reference(text, attribute: attribute), "\(special.debugDescription) at \(offset)")
                }
            }
        }
    }

    /// `CompactDate.format` as it was: digits into an array, then a string (reference).
    static func referenceFormat(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        var out = [UInt8](repeating: 0, count: 16)
        func put(_ value: Int, _ at: Int, _ width: Int) {
            var value = value
            for i in stride(from: at + width - 1, through: at, by: -1) {
                out[i] = UInt8(48 + value % 10)
                value /= 10
            }
        }
        put(year, 0, 4); put(month, 4, 2); put(day, 6, 2)
        out[8] = UInt8(ascii: "T")
        put(rest / 3_600, 9, 2); put(rest % 3_600 / 60, 11, 2); put(rest % 60, 13, 2)
        out[15] = UInt8(ascii: "Z")
        return String(decoding: out, as: UTF8.self)
    }

    @Test("CompactDate.format (written in place) equals the array form on random dates")
    func dates() {
        var rng = SeededGenerator(seed: 20210112)
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_610_443_800), Date(timeIntervalSince1970: 1_610_443_800.999)]
        for _ in 0..<5_000 { dates.append(Date(timeIntervalSince1970: Double.random(in: 0...4_000_000_000, using: &rng))) }
        for date in dates {
            #expect(CompactDate.format(date) == Self.referenceFormat(date), "\(date.timeIntervalSince1970)")
        }
        #expect(CompactDate.format(Date(timeIntervalSince1970: 1_610_443_800)) == "20210112T093000Z")
    }
}
