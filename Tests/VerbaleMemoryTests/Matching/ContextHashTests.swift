import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The context key's byte pass (`ContextHash.hashBytes`) against the scalar rule it replaces
/// (`hashScalars`), and the key's definition pinned: keys are stored in memories and written
/// to exported TMX (`x-context-pre`), so a change of definition would silently stop old keys
/// from meeting new queries.
@Suite("Context keys")
struct ContextHashTests {
    /// The byte pass's answer, or the scalar rule's when the byte pass declines (a combining
    /// mark): what `ContextHash.of` computes, minus the hex.
    static func bytesOrNil(_ text: String) -> UInt64? {
        var copy = text
        return copy.withUTF8 { ContextHash.hashBytes($0) }
    }

    @Test("the byte pass equals the scalar rule on Europarl EN/FR, khPOS Khmer and the notes",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func corpora() throws {
        var texts = Matching.lines("parallel/europarl-20k.en", limit: 20_000)
        texts += Matching.lines("parallel/europarl-20k.fr", limit: 20_000)
        texts += Matching.lines("khmer/khpos-train-sample.word", limit: 20_000)
        let notes = try #require(SharedData.file("notes"))
        for name in try FileManager.default.contentsOfDirectory(atPath: notes.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: notes.appendingPathComponent(name), encoding: .utf8)
            texts += text.split(separator: "\n").map(String.init)
        }
        #expect(texts.count > 40_000)
        var differing: [String] = []
        var declined = 0
        for text in texts {
            guard let fast = Self.bytesOrNil(text) else {
                declined += 1
                continue
            }
            if fast != ContextHash.hashScalars(text) { differing.append(text) }
        }
        #expect(differing.isEmpty, "first: \(differing.prefix(3))")
        // The fallback is for decomposed marks only, which these corpora hardly hold.
        #expect(declined < texts.count / 100)
    }

    /// The byte pass's ASCII runs (`asciiFold`) meet every other branch inside one text: Khmer
    /// as written (no spaces), with U+200B between its words (as the Debian catalogues write it),
    /// with Khmer digits, and beside Latin words, numbers, upper case and NBSP.
    @Test("the byte pass equals the scalar rule on khPOS Khmer with and without U+200B, mixed with Latin",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func khmerMixed() throws {
        let words = Matching.lines("khmer/khpos-train-sample.word", limit: 1_000)
        let english = Matching.lines("parallel/europarl-20k.en", limit: 1_000)
        try #require(words.count == 1_000 && english.count == 1_000)
        var differing: [String] = []
        for (n, line) in words.enumerated() {
            let pieces = line.split(separator: " ").map { $0.filter { $0 != "~" && $0 != "^" && $0 != "_" } }
            let latin = english[n]
            let texts = [
                pieces.joined(),
                pieces.joined(separator: "\u{200B}"),
                "\(latin) \(pieces.joined(separator: "\u{200B}")) No. \(n)/២០២១",
                "\u{200B}\(latin.uppercased())\u{A0}\(pieces.joined(separator: " "))\t(REF. \(n))\u{200B}",
            ]
            for text in texts where Self.bytesOrNil(text) != ContextHash.hashScalars(text) { differing.append(text) }
        }
        #expect(differing.isEmpty, "first: \(differing.prefix(3))")
        // U+200B between Khmer words is no part of the key.
        let joined = words.prefix(50).map { $0.split(separator: " ").joined() }
        let broken = words.prefix(50).map { $0.split(separator: " ").joined(separator: "\u{200B}") }
        #expect(joined.map(ContextHash.of) == broken.map(ContextHash.of))
    }

    @Test("white space, case, Latin-1, Khmer, U+200B and scalars outside the fast paths hash as the scalar rule says")
    func edgeCases() {
        let cases = [
            "", " ", "\u{200B}", "  The  Embassy\tthanks\nthe Ministry.  ",
            "ÀÉÎÕÜÝÞ àéîõüýþ ß ÿ × ÷ Ÿ",
            "\u{00A0}non-breaking\u{00A0}space\u{0085}NEL\u{2028}line\u{3000}ideographic",
            "İstanbul ẞ Σίσυφος ΣΑΣ Ωμέγα Привет МИД",
            "ក្រសួង\u{200B}មាន\u{200B}កិត្តិយស\u{200B}ជម្រាប\u{200B}ស្ថានទូត\u{200B}។ ១២៣/២០២១",
            "\u{FEFF}BOM first", "emoji 🇰🇭 🙂 and Ⅻ roman ⅻ", "Ǆ ǅ ǆ titlecase digraphs",
            "fullwidth ＡＢＣ ａｂｃ", "\u{17B4}\u{17B5} Khmer inherent vowels",
            "ASCII controls\u{0}\u{1}\u{1C}\u{1F}\u{7F}END @[`{~ AZaz09", "Z", "a", "\t", "AZ\u{C0}\u{DE}\u{D7}\u{E0}",
        ]
        for text in cases {
            #expect(Self.bytesOrNil(text) == ContextHash.hashScalars(text), "\(text.debugDescription)")
            #expect(ContextHash.of(text) == ContextHash.byScalars(text))
        }
    }

    /// The byte pass hashes eight plain ASCII bytes at a time (`plainWindow`): windows must be
    /// declined around double spaces, a space at a window's end, tabs and line ends, controls and
    /// non-ASCII bytes, at every offset a window can start.
    @Test("random ASCII-heavy strings (spaces, tabs, capitals, Latin-1, Khmer) hash as the scalar rule says")
    func randomWindows() {
        var generator = SeededGenerator(seed: 20_261_130)
        let pieces = ["a", "Q", "z", "Z", "@", "[", "`", "{", "~", "\u{7F}", " ", "  ", "\t", "\n", "\u{1}", "\u{1F}", "é", "À",
                      "ក", "\u{200B}", "\u{A0}", "1", ".", "Embassy", "THE ", " of ", "AbCdEfGh", "x y z"]
        var differing: [String] = []
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 24)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            if Self.bytesOrNil(text) != ContextHash.hashScalars(text) { differing.append(text) }
        }
        #expect(differing.isEmpty, "first: \(differing.prefix(3).map { Array($0.utf8) })")
    }

    /// A space closing an eight-byte window (hashed as seven bytes and a pending space) must
    /// collapse with what follows as the byte loop collapses it: more white space, U+200B, a
    /// non-breaking space, the end of the text, a capital, Latin-1, Khmer.
    @Test("a space at every place of a window, followed by every kind of byte, hashes as the scalar rule says")
    func windowEndingInSpace() {
        let heads = ["", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "ABCDEFG", "abcdefgh", "abcdefghi", "abc d f", "Mr Sok D"]
        let tails = ["", " ", "  ", "\t", "\n", "x", "X", "\u{200B}", "\u{200B} y", "\u{A0}", "\u{A0}z", "é", "À", "ក", "\u{1}",
                     ". And so on", " , as Mr Schulz said , a", "ABCDEFGH IJ"]
        var differing: [String] = []
        for head in heads {
            for tail in tails {
                for text in [head + " " + tail, " " + head + " " + tail, head + " " + tail + " " + head] {
                    if Self.bytesOrNil(text) != ContextHash.hashScalars(text) { differing.append(text) }
                }
            }
        }
        #expect(differing.isEmpty, "first: \(differing.prefix(3).map { Array($0.utf8) })")
    }

    /// `writeHex` (digits made eight at a time) against the standard library's hex.
    @Test("a key's hex is the hash's 16 lower-case hex digits")
    func hexDigits() {
        var generator = SeededGenerator(seed: 20_261_201)
        var values: [UInt64] = [0, 1, 9, 10, 15, 16, 0xFF, 0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210, 0xA0A0_A0A0_0909_0909, .max, .max - 1]
        for _ in 0..<5_000 { values.append(generator.next()) }
        var differing: [UInt64] = []
        for value in values {
            let hex = String(unsafeUninitializedCapacity: 20) { buffer in
                ContextHash.writeHex(value, to: buffer, at: 2)
                buffer[0] = 0x3C
                buffer[1] = 0x3C
                buffer[18] = 0x3E
                buffer[19] = 0x3E
                return 20
            }
            let digits = String(value, radix: 16)
            if hex != "<<" + String(repeating: "0", count: 16 - digits.count) + digits + ">>" { differing.append(value) }
        }
        #expect(differing.isEmpty, "first: \(differing.prefix(3).map { String($0, radix: 16) })")
    }

    @Test("a decomposed Latin mark meets the composed one")
    func decomposedMarks() {
        #expect(Self.bytesOrNil("e\u{0301}") == nil)
        #expect(ContextHash.of("L'ambassade de France a\u{0300} Phnom Penh") == ContextHash.of("L'ambassade de France à Phnom Penh"))
    }

    /// 64-bit FNV-1a of the lower-cased, space-collapsed UTF-8, computed independently
    /// (Python: `h ^= b; h = h * 0x100000001b3 mod 2^64` from `0xcbf29ce484222325`).
    @Test("the key's definition is pinned (stored keys keep meeting queries)")
    func pinned() {
        #expect(ContextHash.of("The  Embassy thanks\tthe MINISTRY. ") == "995c1dc941cb6017")
        #expect(ContextHash.of("ក្រសួង\u{200B}មាន\u{200B}កិត្តិយស\u{200B}ជម្រាប\u{200B}ស្ថានទូត\u{200B}។") == "f86c6c007ce220be")
        #expect(ContextHash.of("L'Ambassade de France à Phnom Penh") == "f4351ee130989f6f")
        #expect(ContextHash.of("L'Ambassade de France a\u{0300} Phnom Penh") == "f4351ee130989f6f")
    }
}
