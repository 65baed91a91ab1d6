import Foundation
import Testing
@testable import VerbaleCore

/// Khmer subscripts keyed in Unicode's order, COENG RO last (review finding M13).
@Suite("Khmer subscript order: COENG RO typed first or last gives one token")
struct KhmerClusterOrderTests {
    /// ស្ត្រី "woman" as Unicode stores it (ស ្ត ្រ ី) and as many typists type it (ស ្រ ្ត ី).
    static let roLast = "\u{179F}\u{17D2}\u{178F}\u{17D2}\u{179A}\u{17B8}"
    static let roFirst = "\u{179F}\u{17D2}\u{179A}\u{17D2}\u{178F}\u{17B8}"

    @Test("ស្រ្តី and ស្ត្រី look the same and differ in bytes; NFC does not make them equal")
    func theTwoSpellings() {
        #expect(Self.roLast.unicodeScalars.count == Self.roFirst.unicodeScalars.count)
        #expect(Array(Self.roLast.utf8) != Array(Self.roFirst.utf8))
        #expect(ICU.normalize(Self.roFirst, .nfc) == Self.roFirst)
        #expect(KhmerClusterOrder.ordered(Self.roFirst) == Self.roLast)
        #expect(KhmerClusterOrder.ordered(Self.roLast) == Self.roLast)
    }

    @Test("A sentence typed with COENG RO first has the tokens, keys and ranges of the one typed with it last")
    func sameTokens() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        let stored = "សិទ្ធិ\u{200B}\(Self.roLast)\u{200B}ត្រូវ\u{200B}បាន\u{200B}ការពារ។"
        let typed = "សិទ្ធិ\u{200B}\(Self.roFirst)\u{200B}ត្រូវ\u{200B}បាន\u{200B}ការពារ។"
        let a = tokenizer.tokenize(stored, mergingPlaceables: true), b = tokenizer.tokenize(typed, mergingPlaceables: true)
        #expect(a.map(\.key) == b.map(\.key))
        #expect(a.map(\.range) == b.map(\.range))
        #expect(a.map(\.key).contains(Self.roLast))
        // Each token's text is the text as typed at its range: only the keys are reordered.
        #expect(a.map(\.text).contains(Self.roLast))
        #expect(b.map(\.text).contains(Self.roFirst))
        #expect(!b.map(\.text).contains(Self.roLast))
        #expect(tokenizer.placeables(in: "\(Self.roFirst) ១២").map(\.text) == ["១២"])
        #expect(Normalizer.matchingForm(Self.roFirst) == Self.roLast)
        // Without U+200B as well, and through the key every other part of Verbale uses.
        #expect(tokenizer.tokenize("សិទ្ធិ\(Self.roFirst)").map(\.key) == tokenizer.tokenize("សិទ្ធិ\(Self.roLast)").map(\.key))
        #expect(Normalizer.key(Self.roFirst) == Normalizer.key(Self.roLast))
        #expect(Normalizer.key("មន្រ្តី") == Normalizer.key("មន្ត្រី"))
    }

    @Test("The import's token visitor declines a reordered text (tokenize answers), and visits the other spelling")
    func visitorDeclines() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        var visited = 0
        #expect(tokenizer.visitTokens("សិទ្ធិ\(Self.roFirst)", mergingPlaceables: true) { _ in visited += 1 } == false)
        #expect(visited == 0)
        #expect(tokenizer.visitTokens("សិទ្ធិ\(Self.roLast)", mergingPlaceables: true) { _ in visited += 1 } == true)
        #expect(visited > 0)
    }

    @Test("Only COENG RO before another subscript moves; it moves past every further subscript; nothing else changes")
    func whatMoves() {
        func reordered(_ scalars: [UInt16]) -> [UInt16] {
            var units = scalars
            units.withUnsafeMutableBufferPointer { _ = KhmerClusterOrder.reorder($0) }
            return units
        }
        // ង ្រ ្ក ា → ង ្ក ្រ ា (the sample's អង្គការ-like cluster).
        #expect(reordered([0x1784, 0x17D2, 0x179A, 0x17D2, 0x1780, 0x17B6]) == [0x1784, 0x17D2, 0x1780, 0x17D2, 0x179A, 0x17B6])
        // Two further subscripts: RO goes after both.
        #expect(reordered([0x179F, 0x17D2, 0x179A, 0x17D2, 0x178F, 0x17D2, 0x1799]) == [0x179F, 0x17D2, 0x178F, 0x17D2, 0x1799, 0x17D2, 0x179A])
        // A lone subscript RO (ក្រ), RO already last, RO + RO, and RO before a vowel stay as they are.
        for units: [UInt16] in [[0x1780, 0x17D2, 0x179A], [0x179F, 0x17D2, 0x178F, 0x17D2, 0x179A], [0x1780, 0x17D2, 0x179A, 0x17D2, 0x179A],
                                [0x1780, 0x17D2, 0x179A, 0x17B6, 0x17D2, 0x178F], Array("The Ministry".utf16)] {
            #expect(reordered(units) == units)
        }
    }

    @Test("Every COENG-RO-first cluster of the khPOS sample keys as its COENG-RO-last spelling",
          .enabled(if: SharedData.file("khmer/khpos-train-sample.word") != nil, "needs ../shared/data/khmer"))
    func khposSample() throws {
        let url = try #require(SharedData.file("khmer/khpos-train-sample.word"))
        let words = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let tokenizer = try Tokenizer(language: .khmer)
        let roFirst = words.filter { Self.hasRoFirst($0) }
        // The sample holds 11 such clusters (and 45 with RO last): the test must see some.
        #expect(roFirst.count >= 10)
        for word in roFirst {
            let plain = word.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "~", with: "").replacingOccurrences(of: "^", with: "")
            let fixed = KhmerClusterOrder.ordered(plain)
            #expect(fixed != plain)
            #expect(tokenizer.tokenize(plain).map(\.key) == tokenizer.tokenize(fixed).map(\.key), "\(plain)")
            #expect(Normalizer.key(plain) == Normalizer.key(fixed))
        }
    }
}

extension KhmerClusterOrderTests {
    /// Whether `word` holds COENG RO followed by COENG + another consonant (written out here,
    /// independently of `KhmerClusterOrder`).
    static func hasRoFirst(_ word: String) -> Bool {
        let values: [UInt32] = word.unicodeScalars.map(\.value)
        guard values.count >= 4 else { return false }
        for i in 0...(values.count - 4) {
            let coeng: UInt32 = 0x17D2, ro: UInt32 = 0x179A
            let other = values[i + 3]
            if values[i] == coeng, values[i + 1] == ro, values[i + 2] == coeng, other >= 0x1780, other <= 0x17A2, other != ro { return true }
        }
        return false
    }
}
