import Foundation
import Testing
@testable import VerbaleCore

/// Proves `PlaceableRecognizer.prefixedReferenceMatch` (the Swift reading of the commonest
/// shape of `PlaceablePatterns.prefixedReference`) gives the ICU regex's match end and group 1
/// wherever it answers, and the rule's value: at every position of real texts, of the
/// reference strings of the placeable tests and of seeded strings around the prefixes.
@Suite("Prefixed-reference Swift path equals the ICU regex")
struct PrefixedReferenceEquivalenceTests {
    struct Tally {
        /// Positions where the regex matches, how many of those the Swift path answered, and
        /// how many answers it gave in all.
        var regexMatches = 0, answeredMatches = 0, answers = 0
        var mismatches: [String] = []
    }

    /// The rule's valuation as written in the recogniser's init (an independent copy): the
    /// identifier with digits made ASCII when it holds a decimal digit, else no placeable.
    static func regexValue(_ identifier: String) -> String? {
        identifier.unicodeScalars.contains { $0.properties.numericType == .decimal } ? Digits.ascii(identifier) : nil
    }

    static func compare(_ lines: [String], into tally: inout Tally) throws {
        let regex = try ICURegex(PlaceablePatterns.prefixedReference)
        for line in lines {
            let units = Array(line.utf16)
            regex.setText(utf16: units)
            units.withUnsafeBufferPointer { buffer in
                for i in 0..<units.count {
                    let end = regex.match(at: i)
                    let group = end == nil ? nil : regex.group(1)
                    if end != nil { tally.regexMatches += 1 }
                    guard let fast = PlaceableRecognizer.prefixedReferenceMatch(buffer, i) else { continue }
                    tally.answers += 1
                    let value = PlaceableRecognizer.prefixedReferenceValue(buffer, fast.identifier)
                    let wanted = group.flatMap { Self.regexValue(String(decoding: units[$0], as: UTF16.self)) }
                    if end == fast.end, group == fast.identifier, Array(value.utf8) == wanted.map({ Array($0.utf8) }) {
                        tally.answeredMatches += 1
                    } else if tally.mismatches.count < 10 {
                        tally.mismatches.append("«\(line.prefix(100))» at \(i): swift \(fast) \(value) regex \(String(describing: end)) \(String(describing: group)) \(String(describing: wanted))")
                    }
                }
            }
        }
    }

    /// The prefixes beside what makes them fail or leaves them to ICU, and the generator marker.
    static let tricky: [String] = [
        "(ref. 3/123)", "(ref. 160/2)", "(Ref. 1/61)", "REF 2021/01/045", "No. 2021/01/045", "No.: 1999", "No.:1999", "Nos 12/2021",
        "NO. 3", "No 5", "No.5", "No. 1 234", "No. 1\u{00A0}234", "No. 12\u{202F}345", "No. 1234 567", "No. 1\u{2009}234",
        "No. AB 12/3", "No.AL KHM 10/2020", "ref: AB/12", "ref. 12/AB/3", "ref. 12-AB.3/x", "ref. 12/", "ref. 12/a", "ref. 1/2/",
        "ref.\u{00A0}១២/២០២១", "ref. ១២៣ ៤៥៦", "ref. ១/២", "ref 5", "ref5", "ref_5", "refs 5", "reference 5", "xref 5", "1993No.: 1999",
        "éref. 5", "é ref. 5", "😀ref. 5", "ref.\u{0301} 5", "Ref.° 5", "No° 5", "N° 5", "Réf. 5", "RÉF 5", "réf 5", "Ref. ៖ 5",
        "No\t:\t5", "No. : 5", "No.. 5", "Now 5", "NOS 5", "No. -5", "No. 5.6.7", "No. 5..6", "No. 5-", "ref. 3/123) and No. 4",
        "លេខ ១២៣/២០២១", "№ 12/2021", "N°s 12/2021", "Ref. DFAT/12", "ref. 12 May 1989",
    ]

    @Test("The generator's (ref. N/M) marker, the reference strings and the prefixes' edges: the Swift path gives the regex's match, group and value")
    func trickyStrings() throws {
        var tally = Tally()
        try Self.compare(Self.tricky + TokenizerEquivalenceTests.tricky, into: &tally)
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches)")
        #expect(tally.answeredMatches >= 30, "\(tally)")
    }

    @Test("30,000 seeded strings of the recogniser's prefilter words (prefixes, digits, spaces, colons, codes): the Swift path gives the regex's match, group and value")
    func seededStrings() throws {
        var random = SeededGenerator(seed: 20_261_130_0125)
        let core = ["ref", "Ref", "REF", "No", "NO", "Nos", ".", " ", ":", "12", "1", "2021", "/", "-", "AB", "១២"]
        var lines: [String] = []
        for _ in 0..<30_000 {
            let length = Int.random(in: 1...8, using: &random)
            lines.append((0..<length).map { _ in
                (Int.random(in: 0..<3, using: &random) < 2 ? core : TokenizerEquivalenceTests.prefilterVocabulary).randomElement(using: &random) ?? ""
            }.joined())
        }
        var tally = Tally()
        try Self.compare(lines, into: &tally)
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches)")
        #expect(tally.answeredMatches > 250, "\(tally)")  // 340 of the regex's 2,088 matches measured
    }

    @Test("Europarl (20,000 English and 20,000 French sentences), the notes and the notes in Khmer digits: the Swift path gives the regex's match, group and value",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/parallel and notes"))
    func realTexts() throws {
        let english = try TextLayerData.text("parallel/europarl-20k.en").split(separator: "\n").map(String.init)
        let french = try TextLayerData.text("parallel/europarl-20k.fr").split(separator: "\n").map(String.init)
        let notes = try TokenPinningTests.noteLines("")
        var tally = Tally()
        for lines in [english, french, notes, notes.map { Digits.khmer($0) }] {
            #expect(!lines.isEmpty)
            try Self.compare(lines, into: &tally)
        }
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches)")
        // Measured: 129 of the regex's 508 matches answered in Swift (the rest `N°`, `Réf`,
        // `№`, `លេខ`, codes or spaced numbers, left to ICU).
        #expect(tally.answeredMatches > 100, "\(tally)")
    }
}
