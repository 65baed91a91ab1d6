import Foundation
import Testing
@testable import VerbaleCore

/// Khmer typed glued, with U+200B between words or with plain spaces between words gives the
/// same word tokens (review 1130f m1: `ខែមករា` "January" glued is one word of ICU's dictionary,
/// `ខែ មករា` was two, so a search or concordance typed one way missed the other).
@Suite("Khmer glued, with U+200B and with spaces between words")
struct KhmerWordSpacesTests {
    typealias Breaks = KhmerInvisibleBreaksTests

    /// Each token's text, keys, kind and placeable value (a placeable's text without spaces,
    /// U+200B and U+FEFF: its text is the text as written).
    static func signature(_ tokens: [Token]) -> [String] {
        tokens.map { "\(written($0))|\($0.key)|\($0.looseKey)|\($0.kind.rawValue)|\($0.placeable?.value ?? "")" }
    }

    static func written(_ token: Token) -> String {
        guard token.kind == .placeable else { return token.text }
        return String(String.UnicodeScalarView(token.text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{200B}" && $0 != "\u{FEFF}" }))
    }

    /// Checks that each token's range, read from `text` without its separators, is its text.
    static func rangesHold(_ tokens: [Token], in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return tokens.allSatisfy { token in
            guard token.range.upperBound <= scalars.count else { return false }
            let slice = scalars[token.range].filter { !$0.properties.isWhitespace && $0 != "\u{200B}" && $0 != "\u{FEFF}" }
            return String(String.UnicodeScalarView(slice)) == written(token)
        }
    }

    @Test("The review's month: ខែមករា, ខែ មករា and ខែ\u{200B}មករា give the same tokens, in the review's sentence too")
    func reviewMonth() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        for placeables in [false, true] {
            let glued = tokenizer.tokenize("ខែមករា", mergingPlaceables: placeables)
            #expect(glued.map(\.text) == ["ខែមករា"])
            #expect(Self.signature(tokenizer.tokenize("ខែ មករា", mergingPlaceables: placeables)) == Self.signature(glued))
            #expect(Self.signature(tokenizer.tokenize("ខែ\u{200B}មករា", mergingPlaceables: placeables)) == Self.signature(glued))
            let sentence = "កិច្ចប្រជុំ\u{200B}បាន\u{200B}ប្រព្រឹត្ត\u{200B}ទៅ\u{200B}នៅ\u{200B}ខែមករា។"
            let spaced = sentence.replacingOccurrences(of: "ខែមករា", with: "ខែ មករា")
            let a = tokenizer.tokenize(sentence, mergingPlaceables: placeables), b = tokenizer.tokenize(spaced, mergingPlaceables: placeables)
            #expect(Self.signature(a) == Self.signature(b))
            #expect(Self.rangesHold(b, in: spaced))
        }
        // A word a space fell inside spans it; its text and keys leave it out.
        let month = try #require(tokenizer.tokenize("នៅ ខែ មករា").last)
        #expect(month.text == "ខែមករា" && month.key == "ខែមករា" && month.range == 3..<10)
        // Several spaces, NBSP and a space beside U+200B are one gap.
        for gap in ["  ", "\u{00A0}", " \u{200B}", "\u{200B} ", "\t"] {
            #expect(tokenizer.tokenize("ខែ\(gap)មករា").map(\.text) == ["ខែមករា"], "\(gap.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("khPOS sentences re-joined with spaces, with U+200B and with nothing between their words give the same tokens",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/khmer"))
    func khposSentences() throws {
        let lines = try TextLayerData.text("khmer/khpos-train-sample.word").split(separator: "\n").filter { !$0.isEmpty }
        let tokenizer = try Tokenizer(language: .khmer)
        var differing: [String] = [], wrongRanges = 0, withSpaces = 0
        for line in lines {
            let words = line.split(separator: " ").map { WordSegmentationScore.text(ofReference: $0) }
            let plain = Breaks.joined(words, separator: ""), zwsp = Breaks.joined(words, separator: "\u{200B}")
            let spaced = Breaks.joined(words, separator: " ")
            if spaced != plain { withSpaces += 1 }
            for placeables in [false, true] {
                let a = Self.signature(tokenizer.tokenize(plain, mergingPlaceables: placeables))
                let b = tokenizer.tokenize(spaced, mergingPlaceables: placeables)
                let c = Self.signature(tokenizer.tokenize(zwsp, mergingPlaceables: placeables))
                if Self.signature(b) != a || c != a { differing.append(spaced) }
                if !Self.rangesHold(b, in: spaced) { wrongRanges += 1 }
            }
        }
        #expect(withSpaces > 900)
        #expect(differing.isEmpty, "\(differing.prefix(3))")
        #expect(wrongRanges == 0)
    }

    @Test("The shipped formulas give the same tokens with a space between every two words as glued")
    func shippedFormulas() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        let texts = try Breaks.shippedKhmer()
        #expect(texts.count >= 40)
        for text in texts {
            let words = tokenizer.tokenize(text).map(\.text)
            let spaced = Breaks.joined(words, separator: " ")
            let glued = text.unicodeScalars.filter { $0 != " " }.map(String.init).joined()
            for placeables in [false, true] {
                let a = tokenizer.tokenize(glued, mergingPlaceables: placeables), b = tokenizer.tokenize(spaced, mergingPlaceables: placeables)
                #expect(Self.signature(a) == Self.signature(b), "\(spaced)")
                #expect(Self.rangesHold(b, in: spaced), "\(spaced)")
            }
        }
    }

    @Test("A space still separates two numbers, Khmer from Latin, a word from ។, and a line break always")
    func separatorsKept() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        // Khmer digits: two numbers typed apart stay apart; a word and a number are apart anyway.
        #expect(tokenizer.tokenize("លេខ ០២៣ ២១៦ ១៤១").map(\.text) == ["លេខ", "០២៣", "២១៦", "១៤១"])
        #expect(Self.signature(tokenizer.tokenize("ឆ្នាំ ២០២២")) == Self.signature(tokenizer.tokenize("ឆ្នាំ២០២២")))
        #expect(tokenizer.tokenize("ឆ្នាំ ២០២២").map(\.key) == ["ឆ្នាំ", "2022"])
        // A date with its spaces is still one placeable, valued as before.
        let date = tokenizer.tokenize("នៅ ថ្ងៃទី១២ ខែកក្កដា ឆ្នាំ២០១២", mergingPlaceables: true)
        #expect(date.map(\.kind) == [.word, .placeable])
        #expect(date.last?.placeable?.value == "2012-07-12")
        #expect(date.last?.text == "ថ្ងៃទី១២ ខែកក្កដា ឆ្នាំ២០១២")
        // Latin runs inside Khmer keep their words and their spaces.
        #expect(tokenizer.tokenize("សូម France គោរព").map(\.text) == ["សូម", "France", "គោរព"])
        #expect(tokenizer.tokenize("ស្ថានទូត UN Office at Geneva សូម").map(\.text) == ["ស្ថានទូត", "UN", "Office", "at", "Geneva", "សូម"])
        #expect(tokenizer.tokenize("ខែ 1 មករា").map(\.text) == ["ខែ", "1", "មករា"])
        // A space before Khmer punctuation is kept (the punctuation is its own token either way).
        #expect(tokenizer.tokenize("មករា ។").map(\.text) == ["មករា", "។"])
        #expect(tokenizer.tokenize("មករា ។")[1].range == 5..<6)
        // A line break ends a line of an address block: never taken out.
        #expect(tokenizer.tokenize("ខែ\nមករា").map(\.text) == ["ខែ", "មករា"])
        #expect(tokenizer.tokenize("ខែ\u{2028}មករា").map(\.text) == ["ខែ", "មករា"])
    }

    @Test("A Khmer word space is a TextSpaces space that ends no line, U+200B aside — the documented list, over every BMP unit")
    func wordSpacesAreTextSpaces() {
        var documented: Set<UInt32> = [0x09, 0x20, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000]
        documented.formUnion(0x2000...0x200A)
        var differing: [String] = []
        for value in UInt32(0)...0xFFFF {
            let unit = UInt16(value)
            let derived = TextSpaces.isSpace(unit) && !TextSpaces.isLineBreak(unit) && unit != 0x200B
            if KhmerWordGap.isWordSpace(value) != derived || derived != documented.contains(value) {
                differing.append(String(value, radix: 16))
            }
        }
        #expect(differing.isEmpty, "units where the word space, TextSpaces and the documented list differ: \(differing)")
        // Every line break TextSpaces knows is a space, and none is a word space.
        for unit: UInt16 in [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029] {
            #expect(TextSpaces.isSpace(unit) && TextSpaces.isLineBreak(unit) && !KhmerWordGap.isWordSpace(UInt32(unit)))
        }
        #expect(!KhmerWordGap.isWordSpace(0x1_0020), "no scalar beyond the BMP")
    }

    @Test("Text without Khmer is untouched: English and French keep every space")
    func latinUntouched() throws {
        let english = try Tokenizer(language: .english)
        #expect(english.tokenize("the January meeting").map(\.text) == ["the", "January", "meeting"])
        let khmerLocale = try Tokenizer(language: .khmer)
        #expect(khmerLocale.tokenize("Note No. 12 of 3 May").map(\.text) == ["Note", "No", ".", "12", "of", "3", "May"])
    }

    @Test("visitTokens gives what tokenize gives for Khmer with spaces inside words, or declines")
    func visitAgrees() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        for text in ["នៅ ខែ មករា។", "ក្រសួង ការបរទេស មាន កិត្តិយស", "លោក ជំទាវ ប៉ូលែន", "ឆ្នាំ ២០២២ ខែ មករា"] {
            var visited: [String] = []
            let accepted = tokenizer.visitTokens(text, mergingPlaceables: true) { parts in
                var bytes: [UInt8] = []
                parts.appendKey(loose: false, to: &bytes)
                visited.append(String(decoding: bytes, as: UTF8.self))
            }
            if accepted { #expect(visited == tokenizer.tokenize(text, mergingPlaceables: true).map(\.key), "\(text)") }
            #expect(!tokenizer.tokenize(text, mergingPlaceables: true).contains { $0.key.contains(" ") || $0.text.contains(" ") }, "\(text)")
        }
    }
}
