import Foundation
import Testing
@testable import VerbaleCore

/// Khmer typed with U+200B between words and the same Khmer typed without it give the same
/// tokens (audit finding F15): U+200B between Khmer characters is taken out before the words
/// are found, so both spellings go through the same segmentation.
@Suite("Khmer with and without U+200B")
struct KhmerInvisibleBreaksTests {
    /// What matching compares: each token's text, keys and kind (ranges differ by the U+200B).
    /// A placeable's text is the text as written, spaces and U+200B included (its key is its
    /// value): compared without them.
    static func signature(_ tokens: [Token]) -> [String] {
        tokens.map { "\(written($0))|\($0.key)|\($0.looseKey)|\($0.kind.rawValue)|\($0.placeable?.value ?? "")" }
    }

    static func written(_ token: Token) -> String {
        token.kind == .placeable ? token.text.replacingOccurrences(of: "\u{200B}", with: "").replacingOccurrences(of: "\u{FEFF}", with: "") : token.text
    }

    /// Checks that each token's range, read from `text` without its U+200B/U+FEFF, is the token's text.
    /// (Since tokens-2026-11-30d a word's range may also span a space between two Khmer words,
    /// `KhmerWordSpacesTests`, which a word's text leaves out too: the Khmer gettext catalogues
    /// write `ចេញ\u{200B} ហើយ`.)
    static func rangesHold(_ tokens: [Token], in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return tokens.allSatisfy { token in
            guard token.range.upperBound <= scalars.count else { return false }
            let slice = scalars[token.range].filter { $0 != "\u{200B}" && $0 != "\u{FEFF}" && (token.kind == .placeable || !$0.properties.isWhitespace) }
            return String(String.UnicodeScalarView(slice)) == written(token)
        }
    }

    /// Joins words as a writer who separates Khmer words with U+200B would: between two Khmer
    /// characters, except between two digits (two numbers), where nothing is put in either text.
    static func joined(_ words: [String], separator: String) -> String {
        var result = ""
        for word in words where !word.isEmpty {
            if let last = result.unicodeScalars.last, let first = word.unicodeScalars.first,
               isKhmer(last), isKhmer(first), !(isKhmerDigit(last) && isKhmerDigit(first)) {
                result += separator
            }
            result += word
        }
        return result
    }

    static func isKhmer(_ s: Unicode.Scalar) -> Bool { (0x1780...0x17FF).contains(s.value) }
    static func isKhmerDigit(_ s: Unicode.Scalar) -> Bool { (0x17E0...0x17E9).contains(s.value) }

    /// The shipped memory's Khmer texts (written without U+200B), from the repository.
    static func shippedKhmer() throws -> [String] {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tmx = try String(contentsOf: repository.appendingPathComponent("Memories/note-verbale-formulas.tmx"), encoding: .utf8)
        var texts: [String] = []
        var rest = tmx[...]
        while let open = rest.range(of: "<seg>"), let close = rest.range(of: "</seg>", range: open.upperBound..<rest.endIndex) {
            let seg = String(rest[open.upperBound..<close.lowerBound])
            if seg.unicodeScalars.contains(where: isKhmer) { texts.append(seg) }
            rest = rest[close.upperBound...]
        }
        return texts
    }

    /// `text` with U+200B between every two Khmer character clusters (but not between digits):
    /// the most a writer could put in.
    static func everyClusterSplit(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let startsCluster = (0x1780...0x17B3).contains(scalar.value) || (0x17D4...0x17E9).contains(scalar.value)
            if let previous, startsCluster, previous != "\u{17D2}", isKhmer(previous), !(isKhmerDigit(previous) && isKhmerDigit(scalar)) {
                result.append("\u{200B}")
            }
            result.append(scalar)
            previous = scalar
        }
        return String(result)
    }

    @Test("The audit's sentence: has the honour to inform, typed with and without U+200B, gives the same words")
    func auditSentence() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        let spaced = "មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាប\u{200B}ជូន\u{200B}ថា"
        let unspaced = spaced.replacingOccurrences(of: "\u{200B}", with: "")
        let withBreaks = tokenizer.tokenize(spaced), without = tokenizer.tokenize(unspaced)
        #expect(Self.signature(withBreaks) == Self.signature(without))
        #expect(Self.rangesHold(withBreaks, in: spaced))
        #expect(!withBreaks.contains { $0.text.contains("\u{200B}") || $0.key.contains("\u{200B}") })
        // U+FEFF between Khmer letters likewise.
        #expect(Self.signature(tokenizer.tokenize(spaced.replacingOccurrences(of: "\u{200B}", with: "\u{FEFF}"))) == Self.signature(without))
    }

    @Test("Every shipped Khmer formula gives the same tokens with U+200B between every cluster as without, placeables too")
    func shippedFormulas() throws {
        let texts = try Self.shippedKhmer()
        #expect(texts.count >= 40)
        let tokenizer = try Tokenizer(language: .khmer)
        for text in texts {
            let split = Self.everyClusterSplit(text)
            #expect(split != text)
            for placeables in [false, true] {
                let a = tokenizer.tokenize(text, mergingPlaceables: placeables)
                let b = tokenizer.tokenize(split, mergingPlaceables: placeables)
                #expect(Self.signature(a) == Self.signature(b), "\(text)")
                #expect(Self.rangesHold(b, in: split), "\(split)")
            }
        }
    }

    @Test("khPOS sentences re-joined with U+200B between their words give the tokens of the same sentences re-joined without",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/khmer"))
    func khposSentences() throws {
        let lines = try TextLayerData.text("khmer/khpos-train-sample.word").split(separator: "\n").filter { !$0.isEmpty }
        let tokenizer = try Tokenizer(language: .khmer)
        let english = try Tokenizer(language: .english)
        var differing = 0, wrongRanges = 0, withBreaks = 0
        for line in lines {
            let words = line.split(separator: " ").map { WordSegmentationScore.text(ofReference: $0) }
            let plain = Self.joined(words, separator: ""), spaced = Self.joined(words, separator: "\u{200B}")
            if spaced != plain { withBreaks += 1 }
            for tokenizer in [tokenizer, english] {
                let a = tokenizer.tokenize(plain, mergingPlaceables: true), b = tokenizer.tokenize(spaced, mergingPlaceables: true)
                if Self.signature(a) != Self.signature(b) { differing += 1 }
                if !Self.rangesHold(b, in: spaced) { wrongRanges += 1 }
            }
        }
        #expect(withBreaks > 900)
        #expect(differing == 0)
        #expect(wrongRanges == 0)
    }

    @Test("Translators' own U+200B (the Khmer gettext catalogues) change no token's text or keys",
          .enabled(if: KhmerCatalogues.matchPinnedInput, "the Khmer gettext catalogues differ from the pinned ones (or are absent)"))
    func gettextCatalogues() throws {
        let messages = KhmerCatalogues.messages().filter { $0.contains("\u{200B}") }
        #expect(messages.count > 500)
        let tokenizer = try Tokenizer(language: .khmer)
        var differing = 0
        for message in messages {
            // The message as a writer who puts no U+200B between Khmer characters would type it.
            var plain = String.UnicodeScalarView()
            let scalars = Array(message.unicodeScalars)
            for (i, scalar) in scalars.enumerated() {
                if scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                    let before = plain.last, after = scalars[(i + 1)...].first { $0 != "\u{200B}" && $0 != "\u{FEFF}" }
                    if let before, let after, Self.isKhmer(before), Self.isKhmer(after), !(Self.isKhmerDigit(before) && Self.isKhmerDigit(after)) { continue }
                }
                plain.append(scalar)
            }
            let a = tokenizer.tokenize(message, mergingPlaceables: true), b = tokenizer.tokenize(String(plain), mergingPlaceables: true)
            if Self.signature(a) != Self.signature(b) || !Self.rangesHold(a, in: message) { differing += 1 }
        }
        #expect(differing == 0)
    }

    @Test("U+200B between two numbers, or beside Latin text or a space, still separates")
    func separatorsKept() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        #expect(tokenizer.tokenize("ឆ្នាំ\u{200B}២០២០\u{200B}២០២១").map(\.text) == ["ឆ្នាំ", "២០២០", "២០២១"])
        #expect(tokenizer.tokenize("សូម\u{200B}France\u{200B}គោរព").map(\.text) == ["សូម", "France", "គោរព"])
        let english = try Tokenizer(language: .english)
        #expect(english.tokenize("the\u{200B}Embassy").map(\.text) == ["the", "Embassy"])
        // A U+200B inside a word: the token spans it, its text and keys leave it out.
        let inside = tokenizer.tokenize("ក្រសួង\u{200B}ការ\u{200B}បរទេស")
        #expect(Self.signature(inside) == Self.signature(tokenizer.tokenize("ក្រសួងការបរទេស")))
        #expect(Self.rangesHold(inside, in: "ក្រសួង\u{200B}ការ\u{200B}បរទេស"))
    }

    @Test("visitTokens gives what tokenize gives for Khmer with U+200B inside words, or declines")
    func visitAgrees() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        let text = "ក្រសួង\u{200B}ការ\u{200B}បរទេស\u{200B}មាន\u{200B}កិត្តិយស"
        var visited: [String] = []
        let accepted = tokenizer.visitTokens(text, mergingPlaceables: true) { parts in
            var bytes: [UInt8] = []
            parts.appendKey(loose: false, to: &bytes)
            visited.append(String(decoding: bytes, as: UTF8.self))
        }
        if accepted { #expect(visited == tokenizer.tokenize(text, mergingPlaceables: true).map(\.key)) }
    }
}
