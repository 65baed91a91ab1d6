import Foundation
import Testing
@testable import VerbaleCore

/// Proves `PlaceableRecognizer.bareReferenceMatch` (the Swift reading of
/// `PlaceablePatterns.bareReference`) says what the ICU regex says wherever it decides: at
/// every position of real texts (Europarl, notes, Khmer with Khmer digits), of the tricky
/// references and dates, and of seeded strings built from the pattern's own pieces; and that the
/// value it gives a match is the rule's valuation of the regex's group 1.
@Suite("Bare-reference Swift path equals the ICU regex")
struct BareReferenceEquivalenceTests {
    struct Tally {
        var positions = 0, decided = 0, matches = 0, undecided = 0
        /// Positions where the recogniser asks the rule (its trigger's prefilter passes: a
        /// capital or digit run before a `/`), and how many of those the Swift path left to ICU.
        var asked = 0, askedUndecided = 0
        var mismatches: [String] = []
    }

    /// The rule's valuation as it was written before the Swift path (an independent copy, not
    /// the shared function): nil without `/` or a decimal digit, else digits made ASCII.
    static func regexValue(_ identifier: String) -> String? {
        let hasDigit = identifier.unicodeScalars.contains { $0.properties.numericType == .decimal }
        return identifier.contains("/") && hasDigit ? Digits.ascii(identifier) : nil
    }

    /// Compares the Swift path with the regex at every position of every line.
    static func compare(_ lines: [String], into tally: inout Tally) throws {
        let regex = try ICURegex(PlaceablePatterns.bareReference)
        for line in lines {
            let units = Array(line.utf16)
            regex.setText(utf16: units)
            let lastSlash = units.lastIndex(of: 0x2F) ?? -1
            units.withUnsafeBufferPointer { buffer in
                for i in 0...units.count {
                    tally.positions += 1
                    let fast = PlaceableRecognizer.bareReferenceMatch(buffer, i)
                    let asked = i < lastSlash && PlaceableRecognizer.referenceShapeFollows(buffer, i)
                    if asked { tally.asked += 1 }
                    if fast == .undecided {
                        tally.undecided += 1
                        if asked { tally.askedUndecided += 1 }
                        continue
                    }
                    tally.decided += 1
                    let end = i < units.count ? regex.match(at: i) : nil
                    let expected: PlaceableRecognizer.BareReferenceMatch = end.map { .match(end: $0) } ?? .none
                    guard fast == expected else {
                        if tally.mismatches.count < 10 { tally.mismatches.append("«\(line.prefix(100))» at \(i): swift \(fast) regex \(expected)") }
                        continue
                    }
                    guard case .match(let matchEnd) = fast else { continue }
                    tally.matches += 1
                    let group = regex.group(1)
                    let value = PlaceableRecognizer.bareReferenceValue(buffer, i..<matchEnd)
                    let wanted = group.flatMap { Self.regexValue(String(decoding: units[$0], as: UTF16.self)) }
                    if group != i..<matchEnd || regex.group(0) != i..<matchEnd || value.map({ Array($0.utf8) }) != wanted.map({ Array($0.utf8) }) {
                        if tally.mismatches.count < 10 {
                            tally.mismatches.append("«\(line.prefix(100))» at \(i): group \(String(describing: group)) value \(String(describing: value)) regex value \(String(describing: wanted))")
                        }
                    }
                }
            }
        }
    }

    /// The references, days and codes of the placeable and reference tests, and the memory
    /// benchmark generator's end-of-segment marker.
    static let tricky: [String] = [
        "Exchange of Letters of 8/10 May 1989, 16/17 December 1992", "8/10 May 1989", "16/17 décembre", "16/17 déc. 2020",
        "១៦/១៧ ខែធ្នូ", "១៦/១៧ធ្នូ", "១២/២០២១", "លេខ ១២/២០២១", "លេខយោង ១២/២០២១ ចុះថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១", "សេចក្ដីយោង ១២/២០២១។",
        "1/2", "a 1/2 b", "69/71 Edward Street", "FCO/WED/1/95", "FCO/WED", "2021/01/045", "No. 2021/01/045", "12/2021", "is 12/2021.",
        "reference AL KHM 10/2020 in", "AL\u{00A0}KHM ១០/២០២០", "AB CD EF GH 1/2", "ABCDEFG 1/2", "AL KHM 10", "AL  KHM 10/2020",
        "(ref. 3/123)", "(ref. 160/2)", "Ex/160/01-758", "83.130/96-MPO", "DJZ/VE-1074/02", "Alm/0001/2002", "090/03/HG",
        "12/2021 May", "12/2021 Mayday", "12/2021 mai 2020", "12/2021 Jan.", "12/2021 janv.", "12/2021\u{00A0}ខែមករា", "12/2021 of May",
        "12/2021/", "12/2021a", "12/2021é", "12/2021😀", "😀12/2021", "é12/2021", "x/12/2021", "1/2/3/4/5", "AB/12/cd", "AB/១២",
        "16/17Dec", "8/10 Mayday", "1/2\u{0301}", "1/2\u{17D7}", "1/2\u{17D4}", "AB/1\u{00A0}", "AB/1 May",
    ]

    /// Pieces of the pattern and units around it: codes, digits (Latin, Khmer, other scripts'),
    /// slashes, every kind of space, month names and stems in both cases, letters, marks,
    /// punctuation and surrogate pairs.
    static let vocabulary: [String] = [
        "AB", "FCO", "AL", "KHM", "ABCDEF", "ABCDEFG", "A", "X", "ab", "x", "é", "É", "ß", "/", "//", "1", "12", "2021", "0",
        "០", "១២", "២០២១", " ", "  ", "\u{00A0}", "\u{202F}", "\u{200B}", "\u{2009}", "\t", "\n", "\u{85}", "\u{0B}", "\u{3000}",
        "\u{FEFF}", "May", "Mayday", "mai", "Mai", "Jan.", "jan", "janv.", "Sept", "sep", "déc.", "dec", "de\u{0301}c", "décembre",
        "Dec", "août", "aout", "Août", "ខែ", "ធ្នូ", "មករា", "កុម្ភះ", "ក", "ថ្ងៃ", "ៗ", "។", "៖", ".", ",", ")", "(", "-", "«", "»", "’",
        "–", "\u{0301}", "😀", "𝟙", "١٢", "Ⅻ", "½", "ª", "µ", "of", "ref. ", "No ", "°", "§",
    ]

    static let core: [String] = ["AB", "KHM", "12", "2021", "១២", "/", "/", "/", " ", "1", "AB ", "12/"]

    @Test("The tricky references, days before months, Khmer digits and the generator's (ref. N/M) marker: the Swift path says what the regex says")
    func trickyStrings() throws {
        var tally = Tally()
        try Self.compare(Self.tricky, into: &tally)
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches)")
        // What these strings decide without the regex (measured), so a change that sends
        // everything back to ICU shows.
        #expect(tally.matches >= 30, "\(tally)")  // 37 measured
        #expect(tally.askedUndecided * 5 < tally.asked, "\(tally)")  // 17 of 151 measured (the edges are here on purpose)
    }

    @Test("30,000 seeded strings of the pattern's pieces and the units around it: the Swift path says what the regex says")
    func seededStrings() throws {
        var random = SeededGenerator(seed: 20_261_130_0115)
        var lines: [String] = []
        for _ in 0..<30_000 {
            let length = Int.random(in: 1...8, using: &random)
            // Two pieces in three from the pattern's core (codes, digits, slashes, a space), so
            // that matches are drawn often; the rest from the whole vocabulary.
            lines.append((0..<length).map { _ in
                (Int.random(in: 0..<3, using: &random) < 2 ? Self.core : Self.vocabulary).randomElement(using: &random) ?? ""
            }.joined())
        }
        var tally = Tally()
        try Self.compare(lines, into: &tally)
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches)")
        #expect(tally.matches > 700, "\(tally)")  // 900 measured
        #expect(tally.askedUndecided * 4 < tally.asked, "\(tally)")
    }

    @Test("Europarl (20,000 English and 20,000 French sentences), the notes, and the Khmer sample and notes with Khmer digits: the Swift path says what the regex says",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/parallel, notes and khmer"))
    func realTexts() throws {
        let english = try TextLayerData.text("parallel/europarl-20k.en").split(separator: "\n").map(String.init)
        let french = try TextLayerData.text("parallel/europarl-20k.fr").split(separator: "\n").map(String.init)
        let notes = try TokenPinningTests.noteLines("")
        let khmer = try TokenPinningTests.khposLines()
        // Real lines with Khmer digits: the notes' numbers and references written in Khmer
        // digits, as a Khmer note writes them (`១២/២០២១`), and the Khmer sample's own.
        let khmerDigits = notes.map { Digits.khmer($0) }
        var tally = Tally()
        for lines in [english, french, notes, khmer, khmerDigits] {
            #expect(!lines.isEmpty)
            try Self.compare(lines, into: &tally)
        }
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches)")
        // Measured: 376 matches (the notes' references, in both digit forms, and Europarl's
        // `A5-0123/2001`-style numbers); of the 3,513 positions where the recogniser asks the
        // rule, 16 left to ICU.
        #expect(tally.matches > 300, "\(tally)")
        #expect(tally.askedUndecided * 50 < tally.asked, "\(tally)")
    }

    @Test("The units the Swift path classes as letter, number or slash, or as neither, are exactly that to ICU's [\\p{L}\\p{N}/]")
    func unitClassesMatchICU() throws {
        let regex = try ICURegex("[\\p{L}\\p{N}/]")
        var wrong: [String] = []
        var known = 0
        for u in (0...0xFFFF).map(UInt16.init) {
            let unitClass = PlaceableRecognizer.unitClass(u)
            if UTF16.isLeadSurrogate(u) || UTF16.isTrailSurrogate(u) {
                #expect(unitClass == .unknown, "U+\(String(u, radix: 16))")
                continue
            }
            guard unitClass != .unknown else { continue }
            known += 1
            regex.setText(utf16: [u])
            if (regex.match(at: 0) == 1) != (unitClass == .letterNumberOrSlash) { wrong.append(String(u, radix: 16)) }
        }
        #expect(wrong.isEmpty, "classed wrongly: \(wrong)")
        #expect(known > 600)  // 622 measured
    }

    @Test("The codes' space is exactly PlaceablePatterns.space: every BMP unit it matches is a TextSpaces space and the reverse")
    func spaceClassIsExact() throws {
        let space = try ICURegex(PlaceablePatterns.space)
        var differing: [String] = []
        for u in (0...0xFFFF).map(UInt16.init) where !UTF16.isLeadSurrogate(u) && !UTF16.isTrailSurrogate(u) {
            space.setText(utf16: [u])
            if (space.match(at: 0) == 1) != TextSpaces.isSpace(u) { differing.append(String(u, radix: 16)) }
        }
        #expect(differing.isEmpty, "units where the pattern's space and TextSpaces.isSpace differ: \(differing)")
    }

    @Test("Every month alternative of the English, French and Khmer patterns starts with a stem or initial the Swift path checks")
    func monthStartsAreCovered() {
        func alternatives(_ pattern: String) -> [String] {
            var text = pattern
            for piece in ["(?:", "\\b", "\\.?", "\\.", "(", ")"] { text = text.replacingOccurrences(of: piece, with: "") }
            return text.split(separator: "|").map(String.init)
        }
        let latin = alternatives(PlaceablePatterns.englishMonth) + alternatives(PlaceablePatterns.frenchMonth)
        #expect(latin.count >= 40)
        for name in latin {
            let units = Array(name.utf16)
            let stem = units.prefix(3).reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
            #expect(units.count >= 3 && PlaceableRecognizer.bareReferenceMonthStems.contains(stem), "\(name)")
        }
        let khmer = alternatives(PlaceablePatterns.khmerMonth) + ["ខែ"]
        #expect(khmer.count >= 13)
        for name in khmer {
            #expect(name.utf16.first.map { PlaceableRecognizer.khmerMonthInitials.contains($0) } == true, "\(name)")
        }
    }
}
