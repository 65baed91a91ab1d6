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

    private func mismatches(_ lines: [String], _ language: Language) throws -> [String] {
        let tokenizer = try Tokenizer(language: language)
        var wrong: [String] = []
        for line in lines where fast(line, tokenizer) != reference(line, tokenizer, language) { wrong.append(line) }
        return wrong
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
            english += try String(contentsOf: en, encoding: .utf8).components(separatedBy: "\n").prefix(2_000)
            french += try String(contentsOf: fr, encoding: .utf8).components(separatedBy: "\n").prefix(2_000)
        }
        let khpos = try #require(SharedData.file("khmer/khpos-train-sample.word"))
        let khmer = try String(contentsOf: khpos, encoding: .utf8).split(separator: "\n").prefix(500).map {
            $0.replacingOccurrences(of: "~", with: "").replacingOccurrences(of: "_", with: "").replacingOccurrences(of: " ", with: "")
        }
        #expect(english.count > 2_000 && french.count > 2_000 && khmer.count > 100)
        let wrong = try mismatches(english, .english) + mismatches(french, .french) + mismatches(khmer, .khmer)
        #expect(wrong.isEmpty, "\(wrong.prefix(3))")
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
