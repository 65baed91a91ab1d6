import Testing
@testable import VerbaleCore

@Suite("Token keys")
struct TokenKeysTests {
    /// Every code unit `TokenKeys.unitKey` keys in Swift.
    static let simpleUnits: [UInt16] = (0...0xFFFF).map(UInt16.init).filter { TokenKeys.unitKey($0) != 0 }

    /// Keys of `texts` (each one request) both ways: Verbale's path and ICU's alone.
    static func bothWays(_ texts: [[UInt16]]) -> (swift: [(String, String)], icu: [(String, String)]?) {
        var units: [UInt16] = [], ranges: [Range<Int>] = []
        for text in texts {
            ranges.append(units.count..<units.count + text.count)
            units += text
        }
        return units.withUnsafeBufferPointer { buffer in
            let requests = ranges.map { TokenKeys.Request(range: $0, isNumber: false) }
            return (TokenKeys.keys(requests, buffer), TokenKeys.icuKeys(ranges, buffer))
        }
    }

    @Test("Keying in Swift gives ICU's keys for every unit it handles, alone and in every pair")
    func swiftPathMatchesICU() throws {
        let units = Self.simpleUnits
        #expect(units.count == 238)  // ASCII 1–127, Khmer letters, signs, punctuation, digits, lek attak
        var texts = units.map { [$0] }
        for a in units { for b in units { texts.append([a, b]) } }
        let (swift, icu) = Self.bothWays(texts)
        let reference = try #require(icu)
        var mismatches: [String] = []
        for n in texts.indices where swift[n] != reference[n] {
            mismatches.append(texts[n].map { String($0, radix: 16) }.joined(separator: " "))
            if mismatches.count > 10 { break }
        }
        #expect(mismatches.isEmpty, "differs from ICU on: \(mismatches)")
    }

    @Test("Latin-1 letters, Œ œ Ÿ and typed apostrophes keyed in Swift give ICU's keys, alone, in every pair, and beside ASCII and Khmer")
    func latinKeysMatchICU() throws {
        let latin = (0x80...0xFFFF).map(UInt16.init).filter { TokenKeys.unitKey($0) == 0 && LatinKeys.unitKeys($0) != nil }
        #expect(latin.count == 94)
        let partners = latin + Self.simpleUnits
        var texts = latin.map { [$0] }
        for a in latin { for b in partners { texts.append([a, b]); texts.append([b, a]) } }
        let (swift, icu) = Self.bothWays(texts)
        let reference = try #require(icu)
        var mismatches: [String] = []
        for n in texts.indices where swift[n] != reference[n] {
            mismatches.append(texts[n].map { String($0, radix: 16) }.joined(separator: " "))
            if mismatches.count > 10 { break }
        }
        #expect(mismatches.isEmpty, "differs from ICU on: \(mismatches)")
    }

    @Test("Units that need normalisation still go to ICU: ignorables dropped, atthacan reordered, Latin accents loosened")
    func icuStillUsed() {
        let cases: [(String, String, String)] = [
            ("ក\u{17B4}ខ", "កខ", "កខ"), ("Thaïlande", "thaïlande", "thailande"), ("ÉTÉ", "été", "ete"),
            ("ក\u{17DD}\u{17D2}ខ", "ក\u{17D2}\u{17DD}ខ", "ក\u{17D2}\u{17DD}ខ"), ("l’Ambassade", "l'ambassade", "l'ambassade"),
            ("ឆ្នាំ២០២១", "ឆ្នាំ2021", "ឆ្នាំ2021"), ("`Quote", "'quote", "'quote"), ("ﬁn", "fin", "fin"),
        ]
        for (text, key, loose) in cases {
            let keys = Normalizer.keys(text)
            #expect(keys.key == key, "\(text)")
            #expect(keys.looseKey == loose, "\(text)")
        }
    }
}
