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

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String($0, radix: 16) }.joined(separator: " ") }

    /// Whether two (key, looseKey) pairs are the same UTF-8 bytes (not merely canonically
    /// equivalent, as Swift's `==` would accept).
    static func sameBytes(_ a: (String, String), _ b: (String, String)) -> Bool {
        Array(a.0.utf8) == Array(b.0.utf8) && Array(a.1.utf8) == Array(b.1.utf8)
    }

    @Test("Keys are compared byte for byte: a decomposed key differs from the precomposed one")
    func comparesBytes() {
        #expect(("\u{E9}", "e") == ("e\u{301}", "e"))  // what Swift's == alone would accept
        #expect(!Self.sameBytes(("\u{E9}", "e"), ("e\u{301}", "e")))
        #expect(!Self.sameBytes(("e", "\u{E9}"), ("e", "e\u{301}")))
        #expect(Self.sameBytes(("\u{E9}", "e"), ("\u{E9}", "e")))
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
        for n in texts.indices where !Self.sameBytes(swift[n], reference[n]) {
            mismatches.append(texts[n].map { String($0, radix: 16) }.joined(separator: " "))
            if mismatches.count > 10 { break }
        }
        #expect(mismatches.isEmpty, "differs from ICU on: \(mismatches)")
    }

    @Test("The summed Latin mapping (one-pass Latin visit) gives mapping's answer and UTF-8 count on every unit and pair, as words and as numbers")
    func latinMappingMatchesMapping() {
        // Every unit below U+0180, a few above it (the fall-back), and NUL.
        let units = (0..<0x180).map(UInt16.init) + [0x2019, 0x2018, 0x02BC, 0x2032, 0x2013, 0x20AC, 0x17E1, 0x1780]
        var texts = units.map { [$0] }
        for a in units { for b in units { texts.append([a, b]) } }
        texts += [Array("Ambassade".utf16), Array("États-Unis".utf16), Array("12,5".utf16), Array("l’honneur".utf16)]
        var mismatches: [String] = []
        TokenKeys.latinUnitFacts.withUnsafeBufferPointer { facts in
            for text in texts where mismatches.count < 10 {
                text.withUnsafeBufferPointer { buffer in
                    for isNumber in [false, true] {
                        let request = TokenKeys.Request(range: 0..<text.count, isNumber: isNumber)
                        var expectedSize = 5, actualSize = 5
                        let expected = TokenKeys.mapping(request, buffer, latin: true, utf8Count: &expectedSize)
                        let actual = TokenKeys.latinMapping(request.range, isNumber: isNumber, buffer, facts: facts, utf8Count: &actualSize)
                        if expected != actual || (expected != nil && expectedSize != actualSize) {
                            mismatches.append("\(text.map { String($0, radix: 16) }) number \(isNumber): "
                                + "\(String(describing: expected)) \(expectedSize) vs \(String(describing: actual)) \(actualSize)")
                        }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
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
        for n in texts.indices where !Self.sameBytes(swift[n], reference[n]) {
            mismatches.append(texts[n].map { String($0, radix: 16) }.joined(separator: " "))
            if mismatches.count > 10 { break }
        }
        #expect(mismatches.isEmpty, "differs from ICU on: \(mismatches)")
    }

    @Test("Units that need normalisation still go to ICU (combining accent, ß, Ĳ, ſ, ½, atthacan, ignorables) and get its keys in tokens")
    func icuStillUsed() throws {
        let cases: [(String, String, String)] = [
            ("e\u{301}t\u{E9}", "\u{E9}t\u{E9}", "ete"), ("straße", "strasse", "strasse"), ("Ĳssel", "ijssel", "ijssel"),
            ("ſ", "s", "s"), ("½", "1\u{2044}2", "1\u{2044}2"), ("ﬁn", "fin", "fin"),
            ("ក\u{17B4}ខ", "កខ", "កខ"), ("ក\u{17DD}\u{17D2}ខ", "ក\u{17D2}\u{17DD}ខ", "ក\u{17D2}\u{17DD}ខ"),
        ]
        let tokenizer = try Tokenizer(language: .french)
        for (text, key, loose) in cases {
            let units = Array(text.utf16)
            let swift = units.withUnsafeBufferPointer {
                TokenKeys.swiftKeys(TokenKeys.Request(range: 0..<units.count, isNumber: false), $0, latin: true)
            }
            #expect(swift == nil, "\(text) is keyed in Swift, not by ICU")
            let keys = Normalizer.keys(text)
            #expect(Self.sameBytes((keys.key, keys.looseKey), (key, loose)), "\(text): \(keys)")
            let tokens = tokenizer.tokenize(text)
            #expect(tokens.count == 1, "\(text): \(tokens.map(\.text))")
            if let token = tokens.first { #expect(Self.sameBytes((token.key, token.looseKey), (key, loose)), "\(text): \(token)") }
        }
    }
}
