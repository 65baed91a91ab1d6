import Foundation
import Testing
@testable import VerbaleDraft

/// The faster scans of the checker give exactly what the plain scans gave. (Their speed is not
/// timed here; the all-notes checks in ProtocolCheckerTests keep their outputs honest.)
@Suite("Quotation and markup scans")
struct ScanCostTests {
    /// The scans as they were: every unclosed opener searches to the end; `contains` is linear.
    static func plainSpans(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var i = 0
        while i < scalars.count {
            let closers: Set<Unicode.Scalar>
            switch scalars[i] {
            case "“": closers = ["”", "\""]
            case "«": closers = ["»"]
            default: i += 1; continue
            }
            guard let end = scalars[(i + 1)...].firstIndex(where: closers.contains) else { i += 1; continue }
            spans.append(i..<(end + 1))
            i = end + 1
        }
        return spans
    }

    /// `EditorialMarkup.blanked` as it was: every `<sup>` searches forward for `</sup>`.
    static func plainBlanked(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = scalars
        func blank(_ range: Range<Int>) { for k in range where out[k] != "\n" { out[k] = " " } }
        func tagEnd(_ start: Int) -> Int? {
            var j = start + 1
            if j < scalars.count, scalars[j] == "/" { j += 1 }
            let nameStart = j
            while j < scalars.count, j - start < 12, scalars[j].isASCII, scalars[j].properties.isAlphabetic { j += 1 }
            guard j > nameStart, j < scalars.count, scalars[j] == ">" else { return nil }
            return j
        }
        let needle = Array("</sup>".unicodeScalars)
        func find(from: Int) -> Int? {
            guard scalars.count >= needle.count, from <= scalars.count - needle.count else { return nil }
            for k in from...(scalars.count - needle.count) where scalars[k..<(k + needle.count)].elementsEqual(needle) { return k }
            return nil
        }
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "<", let close = tagEnd(i) else { i += 1; continue }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<close])).lowercased()
            blank(i..<(close + 1))
            if name == "sup", let end = find(from: close + 1), scalars[(close + 1)..<end].contains(" ") { blank((close + 1)..<end) }
            i = close + 1
        }
        return String(String.UnicodeScalarView(out))
    }

    /// Random texts over the quotation marks and a few letters, so openers and closers of
    /// both kinds interleave, nest and run out in every order.
    static func texts(count: Int, alphabet: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" }
        }
    }

    @Test("Quotations finds the same spans, and contains agrees at every offset, on random texts")
    func quotationsMatchPlainScan() {
        let alphabet: [Unicode.Scalar] = ["“", "”", "\"", "«", "»", "a", " ", "b"]
        for scalars in Self.texts(count: 3000, alphabet: alphabet) + [Array("“a «b “c « d".unicodeScalars), Array("« “ » ” «".unicodeScalars)] {
            let quotations = Quotations(scalars)
            let plain = Self.plainSpans(scalars)
            #expect(quotations.spans == plain, "\(String(String.UnicodeScalarView(scalars)))")
            for offset in -1...(scalars.count + 1) {
                #expect(quotations.contains(offset) == plain.contains { $0.contains(offset) })
            }
        }
    }

    @Test("Editorial markup blanks the same scalars when <sup> is unclosed, nested or repeated")
    func markupMatchesPlainScan() {
        let alphabet = ["<sup>", "</sup>", "<b>", "</b>", " ", "x", "th", "<", ">", "\n"]
        var generator = SystemRandomNumberGenerator()
        let random = (0..<2000).map { _ in
            (0..<Int.random(in: 0...16, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "x" }.joined()
        }
        for text in random + ["a<sup>1 b<sup>2 c</sup> d", "<sup>x y", "<sup>th</sup><sup>a b</sup>", "<sup><sup><sup> a"] {
            #expect(EditorialMarkup.blanked(text) == Self.plainBlanked(text), "\(text)")
        }
        #expect(EditorialMarkup.blanked("<sup>x y") == "     x y")
        #expect(EditorialMarkup.starts(of: Array("</sup>".unicodeScalars), in: Array("</sup>x</sup>".unicodeScalars)) == [0, 7])
        #expect(EditorialMarkup.first(in: [3, 9, 20], atOrAfter: 4) == 9)
        #expect(EditorialMarkup.first(in: [3, 9, 20], atOrAfter: 9) == 9)
        #expect(EditorialMarkup.first(in: [3, 9, 20], atOrAfter: 21) == nil)
        #expect(EditorialMarkup.first(in: [], atOrAfter: 0) == nil)
    }

    @Test("The name table is found without Bundle.module, and a missing one is an error, not a trap")
    func nameTableLocation() throws {
        let found = try #require(NameTable.url)
        #expect(found.lastPathComponent == "institution-names.tsv")
        #expect(NameTable.locate(in: [URL(fileURLWithPath: "/nonexistent/verbale")]) == nil)
        #expect(throws: DraftError.self) { try NameTable.load(from: nil) }
        #expect(!NameTable.shipped.rows.isEmpty)
    }
}
