import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// `ConcordanceWords`' Khmer fast paths (the masked copy built as UTF-8 bytes, token keys kept
/// as they are when they hold only word scalars, the Khmer block's word scalars read from a
/// table) give exactly the words of the general path they replaced, kept here as the reference.
@Suite("Concordance: Khmer fast paths agree with the general path")
struct ConcordanceKhmerFastPathTests {
    /// khPOS sentences four ways: words separated by spaces (as in the corpus), by U+200B, glued,
    /// and glued inside Latin text, numbers and punctuation (the masked copy's line breaks).
    static func khposTexts() throws -> [String] {
        let url = try #require(SharedData.file("khmer/khpos-train-sample.word"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").flatMap { line -> [String] in
            let words = line.split(separator: " ").map { WordSegmentationScore.text(ofReference: $0) }
            let glued = words.joined()
            return [words.joined(separator: " "), words.joined(separator: "\u{200B}"), glued,
                    "Note No. 1,000/MFA (info@mfa.gov.kh): \(glued)។ Ref. ១២៣ – \(words.prefix(3).joined(separator: "\u{200B}")) ÉTAT"]
        }
    }

    @Test("words(_:) and indexText(_:) equal the general path's on khPOS Khmer, spaced, with U+200B, glued and mixed",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func khposWords() throws {
        let texts = try Self.khposTexts()
        #expect(texts.count > 400)
        let words = ConcordanceWords()
        let reference = try Reference()
        var differing: [String] = []
        for text in texts {
            for parts in [true, false] where words.words(text, includingParts: parts) != reference.words(text, includingParts: parts) {
                differing.append(text)
            }
            if words.indexText(text) != reference.words(text, includingParts: true).map(\.key).joined(separator: " ") { differing.append(text) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(3))")
    }

    @Test("The Khmer block's table says what the Unicode properties say of each of its scalars")
    func khmerBlockTable() {
        for value in UInt32(0x1780)...0x17FF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ConcordanceWords.isWordScalar(scalar) == ConcordanceWords.isWordScalarByProperties(scalar), "U+\(String(value, radix: 16))")
        }
        // Letters, signs and digits are words; punctuation, the riel sign and the lek attak are not.
        #expect(ConcordanceWords.isWordScalar("ក") && ConcordanceWords.isWordScalar("\u{17B6}") && ConcordanceWords.isWordScalar("០"))
        #expect(!ConcordanceWords.isWordScalar("។") && !ConcordanceWords.isWordScalar("៛") && !ConcordanceWords.isWordScalar("\u{17F0}"))
    }

    @Test("wordKey drops exactly the scalars that are not word scalars")
    func wordKeys() {
        for key in ["ក្រសួង", "ការបរទេស", "", "។", "ក\u{200C}ខ", "a-b", "១២៣", "ៗ", "ក៛ខ", "\u{200B}"] {
            let filtered = String(String.UnicodeScalarView(key.unicodeScalars.filter(ConcordanceWords.isWordScalarByPropertiesOrASCII)))
            #expect(ConcordanceWords.wordKey(key) == (filtered.isEmpty ? nil : filtered), "\(key)")
        }
    }

    /// `ConcordanceWords.words` as it was before the fast paths (scalar views, filtered copies,
    /// property lookups for every scalar).
    struct Reference {
        let khmer: Tokenizer
        init() throws { khmer = try Tokenizer(language: .khmer) }

        func words(_ text: String, includingParts: Bool) -> [ConcordanceWords.Word] {
            typealias Word = ConcordanceWords.Word
            let runs = ConcordanceWords.containsKhmer(text) ? khmer : nil
            var result: [Word] = []
            var masked = String.UnicodeScalarView()
            var key = String.UnicodeScalarView()
            var start = 0, offset = 0
            for scalar in text.unicodeScalars {
                if runs != nil, ConcordanceWords.isKhmerRunScalar(scalar) {
                    masked.append(scalar)
                    if !key.isEmpty { result.append(Word(key: String(key), range: start..<offset)); key = String.UnicodeScalarView() }
                } else {
                    if runs != nil { masked.append(KhmerWordGap.isWordSpace(scalar.value) ? " " : "\n") }
                    if ConcordanceWords.isWordScalarByPropertiesOrASCII(scalar) {
                        if key.isEmpty { start = offset }
                        ConcordanceWords.appendLowercased(scalar, to: &key)
                    } else if !key.isEmpty {
                        result.append(Word(key: String(key), range: start..<offset)); key = String.UnicodeScalarView()
                    }
                }
                offset += 1
            }
            if !key.isEmpty { result.append(Word(key: String(key), range: start..<offset)) }
            guard let runs else { return result }
            let khmerWords: [Word]
            if includingParts {
                let (tokens, parts) = runs.tokenizeWithParts(String(masked))
                khmerWords = ConcordanceWords.withParts(Self.khmerWords(tokens), Self.khmerWords(parts).map { Word(key: $0.key, range: $0.range, isPart: true) })
            } else {
                khmerWords = Self.khmerWords(runs.tokenize(String(masked)))
            }
            var merged: [Word] = []
            var i = 0, j = 0
            while i < result.count || j < khmerWords.count {
                if j == khmerWords.count || (i < result.count && result[i].range.lowerBound < khmerWords[j].range.lowerBound) {
                    merged.append(result[i]); i += 1
                } else {
                    merged.append(khmerWords[j]); j += 1
                }
            }
            return merged
        }

        static func khmerWords(_ tokens: [Token]) -> [ConcordanceWords.Word] {
            let isWord = ConcordanceWords.isWordScalarByPropertiesOrASCII
            var words: [ConcordanceWords.Word] = []
            for token in tokens where token.kind != .punctuation {
                if token.text.unicodeScalars.allSatisfy({ isWord($0) || ConcordanceWords.isJoiner($0) }) {
                    let key = token.key.unicodeScalars.filter(isWord)
                    if !key.isEmpty { words.append(.init(key: String(String.UnicodeScalarView(key)), range: token.range)) }
                    continue
                }
                var piece = String.UnicodeScalarView()
                var start = token.range.lowerBound, offset = token.range.lowerBound
                func flush() {
                    let key = Normalizer.key(String(piece)).unicodeScalars.filter(isWord)
                    if !key.isEmpty { words.append(.init(key: String(String.UnicodeScalarView(key)), range: start..<offset)) }
                    piece = String.UnicodeScalarView()
                }
                for scalar in token.text.unicodeScalars {
                    if isWord(scalar) || ConcordanceWords.isJoiner(scalar) {
                        if piece.isEmpty { start = offset }
                        piece.append(scalar)
                    } else if !piece.isEmpty {
                        flush()
                    }
                    offset += 1
                }
                if !piece.isEmpty { flush() }
            }
            return words
        }
    }
}

extension ConcordanceWords {
    /// `isWordScalar` without the Khmer table: ASCII by range, every other scalar by its properties.
    static func isWordScalarByPropertiesOrASCII(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? isWordScalar(scalar) : isWordScalarByProperties(scalar)
    }
}
