import Testing
@testable import VerbaleCore

/// `PlaceableRecognizer.recognize` stops trying the date, reference and number rules after the
/// text's last digit (`DigitTail`), and stops its scan there unless a URL may start later. The
/// reference is `PlaceableRecognizerReferenceTests.reference`: every rule tried at every position
/// its trigger allows, with no digit tail, on real text — Europarl, the notes (English, French:
/// numbers, dates, references, URLs after the last digit), khPOS Khmer (Khmer digits, U+200B) —
/// and on lines written to put each kind of placeable just after, or just before, the last digit.
@Suite("Placeable recognizer: the digit tail finds what every rule tried everywhere finds")
struct PlaceableDigitTailTests {
    /// Lines whose placeables the recognizer and the reference disagree on (at most five), and
    /// how many lines had units past their last digit that the recognizer skipped or searched
    /// only for URLs, e-mail addresses and placeholders.
    static func compare(_ lines: [String], _ language: Language) -> (mismatches: [String], tails: Int) {
        let recognizer = PlaceableRecognizer(language: language)
        var mismatches: [String] = []
        var tails = 0
        for line in lines where mismatches.count < 5 {
            let units = Array(line.utf16)
            let (found, tail) = units.withUnsafeBufferPointer { ($0.isEmpty ? [] : recognizer.recognize($0), PlaceableRecognizer.digitTail($0)) }
            if tail.lastDigit < units.count - 1 { tails += 1 }
            let fast = PlaceableRecognizerReferenceTests.describe(found)
            let expected = PlaceableRecognizerReferenceTests.describe(PlaceableRecognizerReferenceTests.reference(recognizer, units))
            if fast != expected { mismatches.append("\(language.rawValue) «\(line.prefix(120))»: \(fast) reference \(expected)") }
        }
        return (mismatches, tails)
    }

    /// Each kind of placeable right after the last digit, or holding it, in the three scripts.
    static let lines = [
        "12 and see www.un.org", "Note 5: http://x.org/a", "5 HTTPS://X.ORG.", "in 1999, ftp://a.b/c", "5 WwW.un.org", "5 wwwx.org",
        "see www.un.org/2021/5", "ref. 5 then info@mfa.gov.kh", "5 {PERSON}", "{PERSON2} 5", "Mr {PERSON}, 12 May", "No. ABC 12",
        "No. ABC", "FCO/WED/AB", "FCO/WED/1", "12 January", "January 12", "January 2021", "1er mars", "ref: AB/12", "12/2021",
        "ថ្ងៃទី១២ ខែកក្កដា", "ខែកក្កដា ឆ្នាំ២០១២", "លេខ ១២៣/២០២១", "លេខ ១២៣ នៅ www.mfa.gov.kh", "១២ http://x.kh", "№ 12", "N° 1 234 x",
        "12:30 at the Ministry, Phnom Penh", "a:b://c 1", "1 a://b", "1 ://", "1 www.", "1 ww.w.", "x1y www.a.b", "1@2", "@1", "{1}",
    ]

    @Test("Lines placing each kind of placeable about the last digit, in English, French and Khmer rules")
    func writtenLines() {
        for language in Language.allCases {
            let (mismatches, tails) = Self.compare(Self.lines + TokenizerEquivalenceTests.tricky, language)
            #expect(mismatches.isEmpty, "\(mismatches)")
            #expect(tails > 100)
        }
    }

    @Test("Europarl (20,000 English and 20,000 French sentences): the same placeables as every rule tried everywhere",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/parallel"))
    func europarl() throws {
        for language in [Language.english, .french] {
            let lines = try TextLayerData.text("parallel/europarl-20k.\(language.rawValue)").split(separator: "\n").map(String.init)
            let (mismatches, tails) = Self.compare(lines, language)
            #expect(mismatches.isEmpty, "\(mismatches)")
            // Most sentences hold no digit, or words after their last one.
            #expect(tails > lines.count / 2, "only \(tails) of \(lines.count) lines had a tail")
        }
    }

    @Test("The notes (English, French) and khPOS Khmer: the same placeables as every rule tried everywhere",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/notes and khmer"))
    func notesAndKhmer() throws {
        let english = try TokenPinningTests.noteLines("en-") + TokenPinningTests.noteLines("seed")
        let french = try TokenPinningTests.noteLines("fr-")
        let khmer = try TokenPinningTests.khposLines()
        #expect(khmer.contains { $0.unicodeScalars.contains { (0x17E0...0x17E9).contains($0.value) } }, "khPOS should hold Khmer digits")
        for (lines, language) in [(english, Language.english), (french, .french), (khmer, .khmer), (english, .khmer)] {
            #expect(!lines.isEmpty)
            let (mismatches, tails) = Self.compare(lines, language)
            #expect(mismatches.isEmpty, "\(mismatches)")
            #expect(tails > lines.count / 4, "only \(tails) of \(lines.count) lines had a tail")
        }
    }
}
