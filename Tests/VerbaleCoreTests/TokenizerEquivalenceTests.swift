import Foundation
import Testing
@testable import VerbaleCore

/// Proves the tokenizer's Swift fast path (`LatinWordBreaks`, `LatinKeys`) gives exactly the
/// tokens of the pure-ICU path: word-break classes unit by unit against ICU, then whole
/// tokenizations (text, keys, scalar ranges, kind, placeables) on real corpora, hand-made
/// tricky strings and seeded random strings.
@Suite("Tokenizer fast path equals the ICU path")
struct TokenizerEquivalenceTests {
    /// Every unit the fast path accepts (separators included).
    static let domain: [UInt16] = (0...0xFFFF).map(UInt16.init).filter { LatinWordBreaks.wordClass($0) != .unknown }

    static func hex(_ units: [UInt16]) -> String { units.map { String($0, radix: 16) }.joined(separator: " ") }

    @Test("Every unit of the fast path's domain breaks as in ICU beside a letter, a digit, each mid class, _, - and space",
          arguments: ["en", "fr", "km"])
    func classesMatchICU(locale: String) throws {
        let words = try BreakIterator(.word, locale: locale)
        #expect(Self.domain.count == 352)  // ASCII but controls, Latin-1 but C1 (NEL kept) and soft hyphen, Latin Extended-A, 10 punctuation marks, 18 spaces
        // One unit of each class, and each unit of the domain in every position of every
        // string of three and of four (where WB6/7 and WB11/12 look one unit further).
        let representatives: [UInt16] = Array("a1.·,_- ".utf16)
        var mismatches: [String] = []
        func check(_ units: [UInt16]) {
            guard mismatches.count < 10 else { return }
            let fast = LatinWordBreaks.fastPieces(units)
            if fast != LatinWordBreaks.icuPieces(units, words: words) { mismatches.append(Self.hex(units)) }
        }
        for c in Self.domain {
            let alphabet = representatives + [c]
            for x in alphabet { for y in alphabet { for z in alphabet where x == c || y == c || z == c { check([x, y, z]) } } }
            for x in ["a", "1"].map({ Array($0.utf16)[0] }) {
                for mid in representatives.prefix(5) { check([x, c, mid, x]); check([x, mid, c, x]); check([c, x, mid, x]); check([x, mid, x, c]) }
            }
        }
        for w in representatives { for x in representatives { for y in representatives { for z in representatives { check([w, x, y, z]) } } } }
        #expect(mismatches.isEmpty, "fast pieces differ from ICU (\(locale)) on: \(mismatches)")
    }

    @Test("The fast path declines combining marks, soft hyphen, U+FEFF, ZWJ, Greek, Khmer and controls")
    func declines() {
        for unit: UInt16 in [0x0301, 0x00AD, 0x200D, 0x03B1, 0x1780, 0x17E0, 0x0000, 0x0081, 0xFEFF, 0xD83D] {
            #expect(LatinWordBreaks.fastPieces(Array("ab".utf16) + [unit]) == nil, "U+\(String(unit, radix: 16))")
        }
    }

    /// A token as bytes: its strings' UTF-8 (Swift's `==` on strings is canonical equivalence,
    /// under which "é" and "e\u{301}" are equal, but keys are compared byte-wise downstream — the
    /// match index's string table, SQLite), with range, kind and placeable.
    struct TokenBytes: Equatable, CustomStringConvertible {
        var text: [UInt8], key: [UInt8], looseKey: [UInt8]
        var range: Range<Int>
        var kind: Token.Kind
        var placeable: PlaceableBytes?

        init(_ token: Token) {
            text = Array(token.text.utf8)
            key = Array(token.key.utf8)
            looseKey = Array(token.looseKey.utf8)
            range = token.range
            kind = token.kind
            placeable = token.placeable.map(PlaceableBytes.init)
        }

        var description: String {
            "\(String(decoding: text, as: UTF8.self).debugDescription) key \(TokenKeysTests.hex(key)) loose \(TokenKeysTests.hex(looseKey)) \(range) \(kind) \(placeable.map { "\($0)" } ?? "")"
        }
    }

    /// A placeable as bytes (text and value in UTF-8).
    struct PlaceableBytes: Equatable {
        var kind: Placeable.Kind
        var text: [UInt8], value: [UInt8]
        var range: Range<Int>

        init(_ placeable: Placeable) {
            kind = placeable.kind
            text = Array(placeable.text.utf8)
            value = Array(placeable.value.utf8)
            range = placeable.range
        }
    }

    @Test("Tokens are compared byte for byte: an NFC/NFD difference in text, key or loose key counts")
    func comparesBytes() {
        let nfc = Token(text: "\u{E9}t\u{E9}", key: "\u{E9}t\u{E9}", looseKey: "ete", range: 0..<3, kind: .word)
        for change in [\Token.text, \Token.key, \Token.looseKey] {
            var nfd = nfc
            nfd[keyPath: change] = "e\u{301}te\u{301}"
            #expect(nfd == nfc || change == \Token.looseKey)  // what Swift's == alone would accept
            #expect(TokenBytes(nfd) != TokenBytes(nfc))
        }
        var placeable = nfc
        placeable.placeable = Placeable(kind: .date, text: "1er ao\u{FB}t", value: "--08-01", range: 0..<3)
        var decomposed = placeable
        decomposed.placeable?.text = "1er aou\u{302}t"
        #expect(decomposed == placeable)
        #expect(TokenBytes(decomposed) != TokenBytes(placeable))
        #expect(TokenBytes(nfc) == TokenBytes(nfc))
    }

    /// Lines whose tokens differ between the two engines (with and without placeables), and how
    /// many lines the fast path took.
    static func compare(_ lines: [String], _ language: Language) throws -> (mismatches: [String], fast: Int) {
        let fast = try Tokenizer(language: language), icu = try Tokenizer(language: language, engine: .icu)
        var mismatches: [String] = []
        var taken = 0
        for line in lines {
            if LatinWordBreaks.fastPieces(Array(line.utf16)) != nil { taken += 1 }
            for placeables in [false, true] where mismatches.count < 5 {
                let a = fast.tokenize(line, mergingPlaceables: placeables).map(TokenBytes.init)
                let b = icu.tokenize(line, mergingPlaceables: placeables).map(TokenBytes.init)
                if a != b {
                    let first = zip(a, b).first { $0 != $1 }
                    mismatches.append("\(language.rawValue) placeables=\(placeables) «\(line.prefix(120))»: fast \(String(describing: first?.0 ?? a.last)) icu \(String(describing: first?.1 ?? b.last))")
                }
            }
        }
        return (mismatches, taken)
    }

    @Test("Europarl (20,000 English and 20,000 French sentences): same tokens both ways, most taken by the fast path",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/parallel"))
    func europarl() throws {
        for language in [Language.english, .french] {
            let lines = try TextLayerData.text("parallel/europarl-20k.\(language.rawValue)").split(separator: "\n").map(String.init)
            #expect(lines.count == 20_000)
            let (mismatches, fast) = try Self.compare(lines, language)
            #expect(mismatches.isEmpty, "\(mismatches)")
            #expect(fast > lines.count * 9 / 10, "fast path took only \(fast) of \(lines.count) \(language.englishName) lines")
        }
    }

    @Test("Notes (English, French) and the Khmer khPOS sample: same tokens both ways",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/notes and khmer"))
    func notesAndKhmer() throws {
        let english = try TokenPinningTests.noteLines("en-") + TokenPinningTests.noteLines("seed")
        let french = try TokenPinningTests.noteLines("fr-")
        let khmer = try TokenPinningTests.khposLines()
        for (lines, language) in [(english, Language.english), (french, .french), (khmer, .khmer), (english, .khmer)] {
            #expect(!lines.isEmpty)
            let (mismatches, _) = try Self.compare(lines, language)
            #expect(mismatches.isEmpty, "\(mismatches)")
        }
    }

    static let tricky: [String] = [
        "l'honneur", "l’honneur", "L’Ambassade d’Italie", "aujourd'hui", "don't", "rock 'n' roll", "'quoted'", "‘single’",
        "U.N.", "U.S.A.", "e.g. i.e.", "a.m.", "No. 2021/01/045", "Ref.: MFA/2021/0045", "1,000.50", "1 000,50", "1.000,50",
        "3.14", "1,2,3", "1;2", "1.a", "a.1", "a'1", "1'000", "e-mail", "co-operation", "well--known", "a_b", "_x_", "__",
        "https://www.un.org/en/about-us.", "www.mfa.gov.kh", "info@mfa.gov.kh.", "ftp://x.y/z?q=1&r=2#f",
        "a\u{00A0}b", "12\u{00A0}000", "« Excellence »", "«Excellence»", "a\u{202F}:", "a\u{200B}b", "ab\u{FEFF}c",
        "cafe\u{0301}", "Éte\u{0301}", "ÉTÉ", "Thaïlande", "Œuvre cœur", "Ÿ", "straße", "ﬁnal", "Ĳssel", "ŉ", "ſ",
        "µm", "1º", "2ª", "x²", "½", "×÷", "°C", "§ 12", "€ 5", "5 €", "£3", "…", "a…b", "—", "a–b", "“quote”", "„Zitat“",
        "a·b", "l·l", "a:b", "12:30", "a;b", "a,b", "a.b.", ".5", "5.", "..", "'", "’", "`quote`", "´", "ʼ", "′",
        "Α.Β", "Москва", "ភ្នំពេញ ២០២១", "Phnom Penh (ភ្នំពេញ)", "ក.ខ", "😀", "a\u{200D}b", "👍🏽 ok", "\u{00AD}soft",
        "tab\there", "line\r\nend", "NEL\u{0085}x", "\u{0001}ctl", "", " ", "  a  ", "12 January 2021", "1er mars 2020",
        "30 July 1993", "le 30 juillet 1993", "١٢٣", "ＡＢＣ", "ŒUVRE", "İstanbul", "ı", "ĸ", "Ŀl", "ÿ",
        "January 12, 2021", "Jan. 5, 2020", "Sept.\u{00A0}3, 2019", "juillet\u{202F}1993", "mars 2020", "May 2021", "Mayday 5",
        "décembre 2020", "Décision 12", "DÉCEMBRE 2020", "n° 5", "N°37.870", "No.: 1999", "Nos 12/2021", "NO. 3", "Réf. DFAT/12",
        "ref: AB/12", "RÉF 2021/4", "réf. 5/6/7", "FCO/WED/1/95", "2021/01/045", "http://x.org", "HTTPS://X.ORG/a.", "Www.un.org",
        "ftp.example", "hTtP://a.b", "wwwx", "n.5", "Nancy 5/6/7", "rapport 12/3/4", "ថ្ងៃទី១២ ខែកក្កដា ឆ្នាំ២០១២", "លេខ ១២៣/២០២១",
        // Bare references the Swift path decides (`bareReferenceMatch`) and days it must leave to the dates.
        "8/10 May 1989", "1/2", "69/71 Edward Street", "(ref. 3/123)", "១២/២០២១", "AL KHM 10/2020", "12/2021 mai", "AB/១២",
        "16/17 déc. 2020", "12/2021😀", "é12/2021", "AB/1 May", "1/2\u{17D7}",
    ]

    /// Words and marks the placeable rules start on, or nearly do.
    static let placeableVocabulary: [String] = [
        "January", "Jan.", "Sept", "May", "mai", "mais", "juillet", "décembre", "Décision", "mars", "marché", "1er", "12", "2021",
        "1", "000", ",", ".", "/", ":", "°", "º", " ", " ", "\u{00A0}", "\u{202F}", "\u{200B}", "No", "N", "n", "Nos", "Ref",
        "Réf", "ref", "réf", "RÉF", "nous", "Nancy", "AB", "FCO", "http", "https", "://", "ftp", "www", "x", "org", "@", "the",
        "of", "th", "st", "ខែ", "កក្កដា", "ឆ្នាំ", "២០១២", "ថ្ងៃទី", "លេខ",
    ]

    @Test("20,000 seeded strings of placeable-like words (dates, references, URLs, numbers): same tokens and placeables both ways")
    func placeableStrings() throws {
        var random = SeededGenerator(seed: 19_930_730)
        var lines: [String] = []
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...9, using: &random)
            lines.append((0..<length).map { _ in Self.placeableVocabulary.randomElement(using: &random) ?? "" }.joined())
        }
        for language in Language.allCases {
            let (mismatches, _) = try Self.compare(lines, language)
            #expect(mismatches.isEmpty, "\(mismatches)")
        }
    }

    /// Words around the recognizer's cheap checks before a regex: day-first dates (suffixes,
    /// `of`, month stems in any case, letters ICU folds such as `ſ` and `ﬆ`), Khmer dates at a
    /// digit, the `No`/`Nos`/`Ref`/`réf` reference prefixes beside longer words, and bare
    /// references' shapes (capitals or digits, slashes).
    static let prefilterVocabulary: [String] = [
        "5", "12", "1", "1er", "1re", "20th", "2nd", "th", "st", "ER", "of", "OF", "Of", "ofJanuary", " ", " ", "\u{00A0}",
        "\u{202F}", "\u{200B}", "\t", "January", "JANUARY", "jan", "Jan.", "février", "FÉVRIER", "fÉvrier", "août", "AOÛT",
        "aout", "déc.", "Déc.", "mai", "May", "Mayday", "ſeptember", "ſt", "ﬆ", "Auguſt", "Ｊanuary", "2021", "ref", "Ref",
        "REF", "Réf", "RÉF", "réf", "rÉf", "Re", "R", "r", "Reform", "reference", "refs", "ref_", "ref9", "No", "NO", "Nos",
        "NOS", "Now", "No_", "Noé", "N", "n", "°", "º", ".", ":", "/", "ខែ", "កក្កដា", "១២", "២០២១", "ថ្ងៃទី", "\u{0301}", "x",
        "-", "é", "AB", "FCO", "A", "Ab", "WED/", "/1", "12/", "//",
        // Labels and codes of the review of e5c1e47: Khmer file reference, Khmer colon, №, N°s,
        // capital codes before a slash number.
        "លេខ", "យោង", "លេខយោង", "៖", "ៈ", "№", "N°s", "s", "AL", "KHM", "ABCDEFG", "1 234", "\u{00A0}234",
    ]

    @Test("20,000 seeded strings around the recognizer's pre-regex checks (day-first dates, Khmer dates, reference prefixes): same tokens and placeables both ways")
    func prefilterStrings() throws {
        var random = SeededGenerator(seed: 20_261_130)
        var lines = ["12 of January 2021", "12th OF january 2021", "1ſt January 2021", "1ﬆ January 2021", "12 ſeptember 2021",
                     "3 Auguſt 2020", "1er mars", "1ER MARS 2020", "5 of the", "1999 le", "១២ ខែកក្កដា ឆ្នាំ២០១២", "12\u{200B}កក្កដា",
                     "Ref. 12/3", "réf: AB/4", "Reform 12/3", "Nos 5/6", "Now 5/6", "No_5", "REF 7", "RÉF 2021/4",
                     "FCO/WED/1/95", "2021/01/045", "(ref. 1/61)", "A/B/C", "AB/", "1/2/", "១២/០១/២០២១", "AB/ CD",
                     "លេខយោង ១២/២០២១", "លេខ\u{200B}យោង ១២/២០២១", "លេខ៖ ១២៣/២០២១", "№ 12/2021", "N°s 12/2021", "N° 1 234",
                     "is 12/2021.", "reference AL KHM 10/2020 in", "ABCDEFG 1/2", "AL\u{00A0}KHM ១០/២០២០", "AL KHM 10",
                     "8/10 May 1989", "16/17 décembre", "១៦/១៧ ខែធ្នូ", "16/17Dec", "8/10 Mayday",
                     // The Swift bare-reference path's edges: marker, months after spaces, units it leaves to ICU.
                     "(ref. 160/2)", "69/71 Edward Street", "1/2", "12/2021 Jan.", "12/2021\u{00A0}ខែមករា", "12/2021/", "12/2021é",
                     "AB CD EF GH 1/2", "AL  KHM 10/2020", "Ex/160/01-758", "DJZ/VE-1074/02", "090/03/HG", "AB/12/cd"]
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...7, using: &random)
            lines.append((0..<length).map { _ in Self.prefilterVocabulary.randomElement(using: &random) ?? "" }.joined())
        }
        var found = 0
        for language in Language.allCases {
            let (mismatches, _) = try Self.compare(lines, language)
            #expect(mismatches.isEmpty, "\(mismatches)")
            let tokenizer = try Tokenizer(language: language)
            found += lines.reduce(0) { $0 + tokenizer.placeables(in: $1).filter { $0.kind == .date || $0.kind == .reference }.count }
        }
        // The strings must still make dates and references, or they test nothing.
        #expect(found > 300, "only \(found) dates and references")
    }

    @Test("Tricky strings (apostrophes, abbreviations, numbers, URLs, NBSP, U+200B, combining accents, mixed scripts): same tokens both ways")
    func trickyStrings() throws {
        for language in Language.allCases {
            let (mismatches, _) = try Self.compare(Self.tricky, language)
            #expect(mismatches.isEmpty, "\(mismatches)")
        }
    }

    @Test("20,000 seeded random strings over the domain and its edges: same tokens both ways")
    func randomStrings() throws {
        // The domain's units, weighted towards letters, digits and mid classes, plus units just
        // outside it, so that texts both taken and declined are drawn.
        let outside: [UInt16] = [0x0301, 0x0308, 0x00AD, 0xFEFF, 0x200D, 0x2044, 0x03B1, 0x0410, 0x1780, 0x17D2, 0x17E2, 0x0081, 0x200B, 0x202F]
        let common = Array("aeEzZ019.,;:'’_-/ @«»éÉçœ·\u{00A0}\u{202F}\u{200B}".utf16)
        var random = SeededGenerator(seed: 20_261_129)
        var lines: [String] = []
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...14, using: &random)
            var units: [UInt16] = []
            for _ in 0..<length {
                let roll = Int.random(in: 0..<100, using: &random)
                let unit = roll < 70 ? common.randomElement(using: &random) : roll < 95 ? Self.domain.randomElement(using: &random) : outside.randomElement(using: &random)
                units.append(unit ?? 0x61)
            }
            lines.append(String(decoding: units, as: UTF16.self))
        }
        for language in Language.allCases {
            let (mismatches, fast) = try Self.compare(lines, language)
            #expect(mismatches.isEmpty, "\(mismatches)")
            #expect(fast > 5_000)
        }
    }
}
