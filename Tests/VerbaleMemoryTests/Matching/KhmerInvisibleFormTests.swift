import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Review 30 Nov, m13: Khmer that differs only in U+200B, U+FEFF or the spaces between its
/// words is the same text to a Khmer reader, and scores 100.
@Suite("Khmer differing only in invisible breaks or word spaces scores 100")
struct KhmerInvisibleFormTests {
    static let stored = "កំណត់ទូត\u{200B}ចុះ\u{200B}ថ្ងៃទី១២\u{200B}ខែកក្កដា\u{200B}ឆ្នាំ២០១២ ស្ថានទូត\u{200B}សូម\u{200B}គោរព\u{200B}ជូន\u{200B}ក្រសួង។"

    static func matcher() throws -> FuzzyMatcher {
        try Matching.matcher([TranslationUnit(variants: [
            Variant(language: try LanguageTag("en"), text: "Note of 12 July 2012: the Embassy presents its compliments to the Ministry."),
            Variant(language: try LanguageTag("km"), text: stored),
        ])])
    }

    @Test("Without U+200B, with U+FEFF for U+200B, with spaces between the words: 100, no diff; the date (which spans U+200B) is one form")
    func sameText() throws {
        let matcher = try Self.matcher()
        let queries = [
            Self.stored.replacingOccurrences(of: "\u{200B}", with: ""),
            // U+FEFF between the words (inside a date the placeable patterns read only U+200B
            // and spaces as separators: a known limit).
            Self.stored.replacingOccurrences(of: "\u{200B}", with: "\u{FEFF}").replacingOccurrences(of: "១២\u{FEFF}ខែកក្កដា\u{FEFF}ឆ្នាំ", with: "១២\u{200B}ខែកក្កដា ឆ្នាំ"),
            Self.stored.replacingOccurrences(of: "\u{200B}", with: " "),
            "កំណត់ទូត ចុះ ថ្ងៃទី១២ ខែកក្កដា ឆ្នាំ២០១២ ស្ថានទូត សូម គោរព ជូន ក្រសួង។",
        ]
        for query in queries {
            let match = try #require(try matcher.search(query, language: .khmer, threshold: 50, limit: 1).first, "no match for \(query)")
            #expect(match.score == 100, "\(query): \(match.score) \(match.diff)")
            #expect(match.diff.isEmpty, "\(query): \(match.diff)")
        }
    }

    @Test("A space before Khmer punctuation, and a changed word, still count")
    func visibleDifferencesCount() throws {
        let matcher = try Self.matcher()
        let spacedStop = try #require(try matcher.search(Self.stored.replacingOccurrences(of: "ក្រសួង។", with: "ក្រសួង ។"), language: .khmer, threshold: 50, limit: 1).first)
        #expect(spacedStop.score == 98)
        #expect(spacedStop.diff.map(\.reason) == ["spacing"])
        let otherWord = try #require(try matcher.search(Self.stored.replacingOccurrences(of: "ក្រសួង។", with: "ស្ថានទូត។"), language: .khmer, threshold: 50, limit: 1).first)
        #expect(otherWord.score < 95)
    }

    @Test("The stored rows agree: the import's encoder writes the same bytes as the reference path for Khmer with U+200B, U+FEFF and spaces")
    func encoderAgrees() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        for text in [Self.stored, Self.stored.replacingOccurrences(of: "\u{200B}", with: " "), Self.stored.replacingOccurrences(of: "\u{200B}", with: "\u{FEFF}")] {
            var bytes: [UInt8] = []
            var scratch = MatchEntryEncoder.Scratch()
            MatchEntryEncoder.encode(text, tokenizer: tokenizer, scratch: &scratch, into: &bytes)
            let reference = StoredToken.encode(MatchText(text: text, language: .khmer, tokenizer: tokenizer).tokens.map(StoredToken.init))
            #expect(Data(bytes) == reference, "\(text)")
        }
        #expect(Normalizer.matchingForm("ថ្ងៃទី១២\u{200B}ខែកក្កដា ឆ្នាំ២០១២") == "ថ្ងៃទី១២ខែកក្កដាឆ្នាំ២០១២")
        #expect(Normalizer.matchingForm("12 July 2012") == "12 July 2012")
        #expect(Normalizer.matchingForm("លេខ 12/2021") == "លេខ 12/2021", "a space between Khmer and Latin digits stays")
    }
}
