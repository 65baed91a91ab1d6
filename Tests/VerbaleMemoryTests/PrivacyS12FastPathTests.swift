import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The privacy fast paths of session 12 against the general paths they replace, on real data
/// (Europarl EN/FR, the notes verbales, khPOS Khmer) and random strings:
/// - `FurtherState.latinKeyAt` by pair and third byte (`FunctionTitleKeyIndex`) decides as the
///   by-letter comparison it replaces, at every letter;
/// - `LiteralPattern.Folded(utf8:)` folds any text as `Folded(scalarByScalar:)` does.
@Suite("Privacy fast paths (session 12) equal their general paths")
struct PrivacyS12FastPathTests {
    /// Real lines as written and in capitals (titles in capitals: "MR. SOK DARA"), and the
    /// identifiers the import scrubs beside them.
    static func realTexts() throws -> [String] {
        let lines = try PrivacyFilterEquivalenceTests.realLines()
        return lines + lines.prefix(4000).map { $0.uppercased() } + PrivacyFilterEquivalenceTests.identifiers(from: Array(lines.prefix(2000)))
    }

    /// Positions where `latinKeyAt` and `latinKeyAtByLetter` leave different title flags.
    static func keyIndexMismatches(_ texts: [String]) -> [String] {
        var differing: [String] = []
        for text in texts {
            var copy = text
            copy.withUTF8 { p in
                for i in 0..<p.count where PersonalDataScrubber.isASCIILetter(p[i]) {
                    var indexed = PersonalDataScrubber.FurtherState(), byLetter = PersonalDataScrubber.FurtherState()
                    indexed.latinKeyAt(p, i, p[i])
                    byLetter.latinKeyAtByLetter(p, i, p[i])
                    if indexed.latinTitle != byLetter.latinTitle || indexed.capitalTitle != byLetter.capitalTitle {
                        differing.append("\(text.debugDescription) at \(i)")
                    }
                }
            }
        }
        return differing
    }

    @Test("latinKeyAt by pair and third byte decides as by letter at every letter of real lines and random titles",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func functionTitleKeyIndex() throws {
        var titles = PersonalDataScrubber.latinFunctionTitleKeys.map { String(decoding: $0.bytes, as: UTF8.self) }
        titles += PersonalDataScrubber.capitalFunctionTitleKeys.map { String(decoding: $0.bytes, as: UTF8.self) }
        var random = SplitMix(state: 0x0112_0002)
        var texts = try Self.realTexts()
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<(1 + random.next(6)) {
                let title = titles[random.next(titles.count)]
                // Whole, in capitals, cut short, or with its first letter capitalised.
                switch random.next(4) {
                case 0: text += title
                case 1: text += title.uppercased()
                case 2: text += String(title.prefix(1 + random.next(max(1, title.count))))
                default: text += title.prefix(1).uppercased() + title.dropFirst()
                }
                text += [" ", "\u{A0}", " of ", " Sok", " X", "", "-"][random.next(7)]
            }
            texts.append(text)
        }
        let differing = Self.keyIndexMismatches(texts)
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        // The titles are there: some positions set a flag.
        var set = 0
        for text in texts.suffix(5000) {
            var copy = text
            copy.withUTF8 { p in
                for i in 0..<p.count where PersonalDataScrubber.isASCIILetter(p[i]) {
                    var state = PersonalDataScrubber.FurtherState()
                    state.latinKeyAt(p, i, p[i])
                    if state.latinTitle || state.capitalTitle { set += 1 }
                }
            }
        }
        #expect(set > 1000)
    }

    @Test("Any text is folded from its UTF-8 exactly as scalar by scalar: real lines, decomposed, random accents, marks and astral scalars",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func foldedFromUTF8() throws {
        let lines = try PrivacyFilterEquivalenceTests.realLines()
        var texts = lines + lines.map { $0.decomposedStringWithCanonicalMapping }
        var random = SplitMix(state: 0x0112_0003)
        let pieces = ["a", "Z", "é", "É", "e\u{301}", "\u{301}\u{323}", "\u{323}\u{302}", "ß", "ﬃ", "İ", "\u{345}", "µ", "Ǘ", "ǘ", "ΐ", "ẞ",
                      "សុខ", "\u{17D2}", "០", "\u{200B}", "\u{A0}", "\u{1D400}", "😀", "\u{10400}", " ", "\t", "Ω", "ﬆ", "Ⅻ", "\u{85}"]
        for _ in 0..<3000 {
            texts.append((0..<(1 + random.next(20))).map { _ in pieces[random.next(pieces.count)] }.joined())
        }
        var differing: [String] = []
        var nonASCII = 0
        for text in texts where !text.utf8.allSatisfy({ $0 < 0x80 }) {
            nonASCII += 1
            var copy = text
            let fast = try #require(copy.withUTF8 { LiteralPattern.Folded(utf8: $0) })
            let general = LiteralPattern.Folded(scalarByScalar: text)
            if !(fast.scalars == general.scalars && fast.offsets == general.offsets && fast.folded == general.folded && fast.owner == general.owner) {
                differing.append(text.debugDescription)
            }
        }
        #expect(nonASCII > 5000)
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
    }
}

@Suite("LiteralPattern's ASCII path (session 12) builds the elements of the property path")
struct LiteralPatternASCIIPathTests {
    @Test("Every ASCII scalar alone and in pairs, the values found in real lines' words, and random values: the same elements")
    func asciiPathAsProperties() throws {
        var values: [String] = []
        for a in 0..<128 {
            values.append(String(UnicodeScalar(UInt8(a))))
            for b in [0x09, 0x0B, 0x0D, 0x1C, 0x20, 0x30, 0x39, 0x41, 0x5A, 0x5F, 0x61, 0x7A, 0x7F] {
                values.append(String(UnicodeScalar(UInt8(a))) + String(UnicodeScalar(UInt8(b))) + "x")
            }
        }
        if SharedData.isAvailable {
            let lines = try PrivacyFilterEquivalenceTests.realLines()
            for line in lines.prefix(3000) {
                let words = line.split(separator: " ")
                for start in stride(from: 0, to: words.count, by: 3) { values.append(words[start..<min(words.count, start + 3)].joined(separator: " ")) }
            }
        }
        var random = SplitMix(state: 0x0112_0004)
        let pieces = ["Sok", "DARA", "é", "e\u{301}\u{323}", "ß", "៣", "0", "12", " ", "\t", "\u{A0}", "\u{200B}", "\u{85}", "-", "'", "İ", "ﬃ", "\u{1D400}"]
        for _ in 0..<3000 { values.append((0..<(1 + random.next(6))).map { _ in pieces[random.next(pieces.count)] }.joined()) }
        #expect(values.count > 5000)
        var differing: [String] = []
        for value in values where LiteralPattern(value)?.elements != LiteralPattern.elementsByProperties(value) {
            differing.append(value.debugDescription)
        }
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
    }
}

@Suite("valueKey's Khmer path (session 12) keys as the scalar path")
struct PrivacyKhmerValueKeyTests {
    @Test("khPOS words and lines, the notes' lines, every Khmer-block scalar and random Khmer, NBSP, U+200B, ASCII: the same key, or no fast key")
    func khmerValueKeyAsScalars() throws {
        var values: [String] = (0x1780...0x17FF).compactMap { Unicode.Scalar($0).map { String($0) } }
        if SharedData.isAvailable {
            let lines = try PrivacyFilterEquivalenceTests.realLines()
            values += lines
            for line in lines where line.unicodeScalars.contains(where: { (0x1780...0x17FF).contains($0.value) }) {
                values += line.split(whereSeparator: { $0 == " " || $0 == "\u{200B}" }).map(String.init)
            }
        }
        var random = SplitMix(state: 0x0112_0005)
        let pieces = ["សុខ", "ដារា", "០១២", "៣៤៥", "\u{200B}", "\u{A0}", " ", ".", "A", "z", "9", "\t", "é", "\u{17D2}", "៕", "\u{17DD}", "\u{2009}"]
        for _ in 0..<3000 { values.append((0..<(1 + random.next(8))).map { _ in pieces[random.next(pieces.count)] }.joined()) }
        #expect(values.count > 5000)
        var fast = 0
        var differing: [String] = []
        for value in values {
            guard let key = PersonalDataScrubber.khmerValueKey(value) else { continue }
            fast += 1
            if key != PersonalDataScrubber.valueKeyByScalars(value) { differing.append(value.debugDescription) }
        }
        #expect(fast > 3000)
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        // Outside its scalars it answers nil (the general path keys them).
        #expect(PersonalDataScrubber.khmerValueKey("Élise") == nil)
        #expect(PersonalDataScrubber.khmerValueKey("a\u{2009}b") == nil)
    }
}
