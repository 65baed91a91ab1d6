import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The import writes `match_entry` blobs with `MatchEntryEncoder`, straight from tokenizer
/// tokens; the matcher reads them with `StoredToken.decode`. These tests hold the fast path to
/// the reference one (`MatchText` → `StoredToken` → `encode`) byte for byte.
@Suite("Fuzzy-match entry encoding")
struct MatchEntryEncoderTests {
    private func reference(_ text: String, _ tokenizer: Tokenizer, _ language: Language) -> [UInt8] {
        [UInt8](StoredToken.encode(MatchText(text: text, language: language, tokenizer: tokenizer).tokens.map(StoredToken.init)))
    }

    private func fast(_ text: String, _ tokenizer: Tokenizer) -> [UInt8] {
        var bytes: [UInt8] = []
        MatchEntryEncoder.encode(tokenizer.tokenize(text, mergingPlaceables: true), of: text, into: &bytes)
        return bytes
    }

    /// The import's path: `Tokenizer.visitTokens` (no `Token`s), or `tokenize` when it declines.
    private func visited(_ text: String, _ tokenizer: Tokenizer, _ scratch: inout MatchEntryEncoder.Scratch) -> [UInt8] {
        var bytes: [UInt8] = [0xAA]  // what the caller had written before stays
        MatchEntryEncoder.encode(text, tokenizer: tokenizer, scratch: &scratch, into: &bytes)
        return Array(bytes.dropFirst())
    }

    /// Lines for which either path's bytes differ from the reference's; with the count of lines
    /// `visitTokens` took (the rest went through `tokenize`).
    private func compare(_ lines: [String], _ language: Language) throws -> (wrong: [String], visited: Int) {
        let tokenizer = try Tokenizer(language: language)
        var scratch = MatchEntryEncoder.Scratch()
        var wrong: [String] = []
        var taken = 0
        for line in lines where wrong.count < 5 {
            let expected = reference(line, tokenizer, language)
            if fast(line, tokenizer) != expected { wrong.append("tokens: \(line)") }
            if visited(line, tokenizer, &scratch) != expected { wrong.append("visited: \(line)") }
            if tokenizer.visitTokens(line, mergingPlaceables: true, { _ in }) { taken += 1 }
        }
        return (wrong, taken)
    }

    private func mismatches(_ lines: [String], _ language: Language) throws -> [String] {
        try compare(lines, language).wrong
    }

    @Test("Hand-picked texts: placeables, spacing, NBSP, U+200B, Khmer digits, diacritics")
    func handPicked() throws {
        let english = ["The Embassy has 15 staff members.", "Note No. 2021/01/045 of 12 January 2021", "  leading  and\ttabs ,  odd ( spacing ) ",
                       "E-mail: protocol@mfa.gov.kh or https://mfa.gov.kh", "1,000.50 USD", "", "!!!", "Thaïlande’s MISSION",
                       // Non-ASCII white space between tokens (ideographic, em and thin spaces, NEL, Ogham), a
                       // four-byte scalar before them, and U+200B / U+FEFF, which are not spacing.
                       "a\u{3000}b\u{2003}c\u{85}d \u{1680}e", "😀 café\u{2009}noir 12", "x\u{200B}y\u{FEFF}z ,w"]
        let french = ["L’Ambassade a l'honneur de transmettre :", "le 1er mars 2020", "« Objet » ; n° 37.870", "1 000,50\u{A0}€ aujourd'hui",
                      "Résumé\u{202F}!"]
        let khmer = ["ស្ថានទូតមានបុគ្គលិក ១៥ នាក់។", "ថ្ងៃទី១២ ខែកក្កដា ឆ្នាំ២០១២", "ក្រសួង\u{200B}ការបរទេស\u{200B}និង", "លេខ ១២៣/២០២១ {PERSON1}"]
        #expect(try mismatches(english, .english).isEmpty)
        #expect(try mismatches(french, .french).isEmpty)
        #expect(try mismatches(khmer, .khmer).isEmpty)
    }

    @Test("A decomposed (NFD) text keeps its composed key in the blob, on both paths")
    func decomposedTextKeepsItsKey() throws {
        let tokenizer = try Tokenizer(language: .french)
        let decomposed = "L\u{2019}e\u{301}te\u{301} a\u{300} Pnom Penh"
        let tokens = tokenizer.tokenize(decomposed, mergingPlaceables: true)
        let position = try #require(tokens.firstIndex { $0.text.unicodeScalars.contains("\u{301}") })
        let ete = tokens[position]
        // The tokenizer's key is composed, so it differs byte-wise from the text.
        #expect(!StoredToken.sameBytes(ete.key, ete.text))
        let decoded = try #require(StoredToken.decode(Data(fast(decomposed, tokenizer))))
        try #require(decoded.count == tokens.count)
        let stored = decoded[position]
        #expect(Array(stored.key.utf8) == Array(ete.key.utf8), "the NFD text must not stand in for the NFC key")
        // The form is stored composed (as `MatchToken` keeps it): "\u{E9}t\u{E9}", not "e\u{301}te\u{301}".
        #expect(Array(stored.text.utf8) == Array("\u{E9}t\u{E9}".utf8))
        #expect(fast(decomposed, tokenizer) == reference(decomposed, tokenizer, .french))
        var scratch = MatchEntryEncoder.Scratch()
        #expect(visited(decomposed, tokenizer, &scratch) == reference(decomposed, tokenizer, .french))
    }

    @Test("20,000 seeded random strings (accents, NFD marks, Khmer and its digits, every kind of space, emoji, ß, placeables): both paths give the reference bytes")
    func randomStrings() throws {
        let pieces = ["the", "Embassy", "l’", "l'", "d'", "Ambassade", "café", "cafe\u{301}", "ÉTÉ", "Thaïlande", "Œuvre", "straße", "ŉ",
                      "ſ", "µ", "x²", "½", "ﬁ", "İ", "Москва", "Α", "😀", "👍🏽", "a\u{200D}b", "\u{AD}", "ក្រសួង", "ការបរទេស", "ក\u{17DD}",
                      "\u{17B4}", "១២", "២០២១", "ខែកក្កដា", "ថ្ងៃទី", "។", "12", "1,000.50", "1 000,50", "2021/01/045", "No.", "Réf.",
                      "January", "1er", "mars", "2020", "12th", "of", "info@mfa.gov.kh", "https://un.org/x.", "{PERSON}", "{EMAIL2}",
                      "€", "«", "»", "—", ".", ",", ":", ";", "(", ")", "/", "-", "'", "`", " ", " ", " ", "\u{A0}", "\u{202F}",
                      "\u{2009}", "\u{3000}", "\u{85}", "\u{1680}", "\t", "\n", "\u{200B}", "\u{FEFF}"]
        var random = SeededGenerator(seed: 20_261_129)
        var lines: [String] = []
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...10, using: &random)
            lines.append((0..<length).map { _ in pieces.randomElement(using: &random) ?? "" }.joined())
        }
        var taken = 0
        for language in Language.allCases {
            let (wrong, visited) = try compare(lines, language)
            #expect(wrong.isEmpty, "\(language.rawValue): \(wrong)")
            taken += visited
        }
        // Both paths must be exercised: most lines are visited, those with ß, ŉ, ﬁ… declined.
        #expect(taken > 20_000 && taken < 55_000, "visitTokens took \(taken) of 60,000")
    }

    @Test("Real notes, Europarl and khPOS Khmer: the same bytes as the reference path", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func realText() throws {
        let folder = try #require(SharedData.file("notes"))
        var english: [String] = [], french: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".txt") {
            let lines = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).components(separatedBy: .newlines)
            if name.hasPrefix("fr-") { french += lines } else if name.hasPrefix("en-") { english += lines }
        }
        if let en = SharedData.file("parallel/europarl-20k.en"), let fr = SharedData.file("parallel/europarl-20k.fr") {
            english += try String(contentsOf: en, encoding: .utf8).components(separatedBy: "\n")
            french += try String(contentsOf: fr, encoding: .utf8).components(separatedBy: "\n")
        }
        let khpos = try #require(SharedData.file("khmer/khpos-train-sample.word"))
        let khmer = try String(contentsOf: khpos, encoding: .utf8).split(separator: "\n").map {
            $0.replacingOccurrences(of: "~", with: "").replacingOccurrences(of: "_", with: "").replacingOccurrences(of: " ", with: "")
        }
        #expect(english.count > 2_000 && french.count > 2_000 && khmer.count > 100)
        let (en, enVisited) = try compare(english, .english)
        let (fr, frVisited) = try compare(french, .french)
        let (km, kmVisited) = try compare(khmer, .khmer)
        #expect((en + fr + km).isEmpty, "\((en + fr + km).prefix(3))")
        // The import's path takes nearly all real text (the rest goes through `tokenize`).
        #expect(enVisited > english.count * 9 / 10 && frVisited > french.count * 9 / 10 && kmVisited > khmer.count * 9 / 10,
                "visited \(enVisited)/\(english.count) en, \(frVisited)/\(french.count) fr, \(kmVisited)/\(khmer.count) km")
    }

    @Test("Blobs decode to the tokens they were made from; derived class keys are not stored")
    func roundTrip() throws {
        let tokenizer = try Tokenizer(language: .french)
        let text = "L’Ambassade de Thaïlande, le 1er mars 2020 : 15 agents."
        let tokens = MatchText(text: text, language: .french, tokenizer: tokenizer).tokens.map(StoredToken.init)
        let blob = StoredToken.encode(tokens)
        #expect(StoredToken.decode(blob) == tokens)
        // "w:ambassade" is derived from the key; "w:thailande" (loose key ≠ key) is stored.
        let stored = String(decoding: blob, as: UTF8.self)
        #expect(!stored.contains("w:ambassade"))
        #expect(stored.contains("w:thailande"))
    }

    @Test("Blobs written before the derived-class flag still decode")
    func olderBlobs() {
        // Flags 0x40 (key = text) | 0x10 (spaced) | kind word; then text, class key — the old layout.
        var old: [UInt8] = [0x40, 3]
        old += Array("the".utf8)
        old += [5] + Array("w:the".utf8)
        old += [0x02 | 0x40 | 0x10, 1] + Array(".".utf8) + [2] + Array("#p".utf8)
        let decoded = StoredToken.decode(Data(old))
        #expect(decoded?.map(\.classKey) == ["w:the", "#p"])
        #expect(decoded?.map(\.spaced) == [false, true])
    }
}
