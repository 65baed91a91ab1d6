import Testing
@testable import VerbaleCore

@Suite("Fast path self-check against the linked ICU")
struct LatinWordBreaksSelfCheckTests {
    @Test("The fast path agrees with this ICU on every probe, so tokenizers take it")
    func agreesWithThisICU() throws {
        let words = try BreakIterator(.word, locale: "en")
        #expect(LatinWordBreaks.disagreements(LatinWordBreaks.probes, words: words).isEmpty)
        #expect(LatinWordBreaks.agreesWithLinkedICU)
        #expect(try Tokenizer(language: .english).engine == .fast)
        #expect(try Tokenizer(language: .french, engine: .icu).engine == .icu)
    }

    @Test("The probes catch an ICU where `@` is not a letter or `:` joins letters")
    func probesCatchOtherRules() throws {
        let words = try BreakIterator(.word, locale: "en")
        // Stand-ins for the fast path built for another ICU: each must be caught.
        let atNotLetter: ([UInt16]) -> [Range<Int>]? = { units in
            guard let pieces = LatinWordBreaks.fastPieces(units) else { return nil }
            return pieces.flatMap { piece -> [Range<Int>] in
                guard let at = piece.first(where: { units[$0] == 0x40 }) else { return [piece] }
                return [piece.lowerBound..<at, at..<at + 1, at + 1..<piece.upperBound].filter { !$0.isEmpty }
            }
        }
        let colonJoins: ([UInt16]) -> [Range<Int>]? = { units in
            guard let pieces = LatinWordBreaks.fastPieces(units) else { return nil }
            var merged: [Range<Int>] = []
            for piece in pieces {
                if let last = merged.last, last.upperBound == piece.lowerBound, units[piece.lowerBound] == 0x3A || units[last.upperBound - 1] == 0x3A {
                    merged[merged.count - 1] = last.lowerBound..<piece.upperBound
                } else {
                    merged.append(piece)
                }
            }
            return merged
        }
        #expect(LatinWordBreaks.disagreements(LatinWordBreaks.probes, words: words, fast: atNotLetter).contains("a@b"))
        #expect(LatinWordBreaks.disagreements(LatinWordBreaks.probes, words: words, fast: colonJoins).contains("a:b"))
    }

    @Test("A forced mismatch switches the tokenizer to the ICU engine, with the ICU engine's tokens")
    func mismatchSwitchesEngine() throws {
        let forced = try Tokenizer(language: .french, khmerWordBreaking: .learned, engine: .fast, fastPathAgreesWithICU: false)
        #expect(forced.engine == .icu)
        let agreeing = try Tokenizer(language: .french, khmerWordBreaking: .learned, engine: .fast, fastPathAgreesWithICU: true)
        #expect(agreeing.engine == .fast)
        let icu = try Tokenizer(language: .french, engine: .icu)
        let text = "L’Ambassade (info@mfa.gov.kh) présente, le 12 janvier 2021, la note n° 2021/01/045 : 1 000,50 €."
        for placeables in [false, true] {
            #expect(forced.tokenize(text, mergingPlaceables: placeables) == icu.tokenize(text, mergingPlaceables: placeables))
        }
    }
}
