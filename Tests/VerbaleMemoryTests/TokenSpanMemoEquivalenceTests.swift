import Foundation
import Testing
@testable import VerbaleCore
@testable import VerbaleMemory

/// The import's analysers share one `TokenSpanMemo` per thread (the concordance's Khmer
/// tokenizer and the fuzzy-match tokenizers): with it, each text must give the concordance row
/// and the fuzzy-match bytes it gives without — in both orders the analysers may run in — and
/// the memo must actually serve (else these tests would prove nothing).
@Suite("TokenSpanMemo: word spans shared between the concordance and fuzzy-match passes change no byte")
struct TokenSpanMemoEquivalenceTests {
    /// One text's analyses as the import makes them: the concordance row (`indexText`) and the
    /// fuzzy-match encoding. (One pass each, so that a hit is one pass served by the other.)
    struct Analysis: Equatable {
        var row: String
        var fuzzy: [UInt8]
    }

    /// The analyses of `texts` by one concordance and one fuzzy-match tokenizer of `language`,
    /// sharing `memo` (none: the reference), the concordance first (the import's order,
    /// `SQLiteMemory.standardIndexes`) or the fuzzy-match pass first.
    static func analyses(_ texts: [String], language: Language, memo: TokenSpanMemo?, fuzzyFirst: Bool) throws -> [Analysis] {
        let words = ConcordanceWords()
        words.spanMemo = memo
        let tokenizer = try Tokenizer(language: language)
        tokenizer.spanMemo = memo
        var scratch = MatchEntryEncoder.Scratch()
        return texts.map { text in
            if fuzzyFirst {
                let fuzzy = MatchEntryEncoder.encoded(text, tokenizer: tokenizer, scratch: &scratch)
                return Analysis(row: words.indexText(text), fuzzy: fuzzy)
            }
            let row = words.indexText(text)
            return Analysis(row: row, fuzzy: MatchEntryEncoder.encoded(text, tokenizer: tokenizer, scratch: &scratch))
        }
    }

    /// Compares each text's analyses with and without a memo; returns the memo's hits.
    static func compare(_ texts: [String], language: Language) throws -> Int {
        let reference = try analyses(texts, language: language, memo: nil, fuzzyFirst: false)
        var hits = 0
        for fuzzyFirst in [false, true] {
            let memo = TokenSpanMemo()
            let shared = try analyses(texts, language: language, memo: memo, fuzzyFirst: fuzzyFirst)
            let differing = zip(texts, zip(reference, shared)).filter { $0.1.0 != $0.1.1 }.map(\.0)
            #expect(differing.isEmpty, "\(language) fuzzyFirst \(fuzzyFirst): \(differing.count) texts differ, first \(differing.prefix(2))")
            hits += memo.hits
        }
        return hits
    }

    @Test("khPOS Khmer (spaced, with U+200B, glued, inside Latin text): same rows, words and fuzzy bytes; the memo serves",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func khpos() throws {
        let texts = try ConcordanceKhmerFastPathTests.khposTexts()
        #expect(texts.count > 400)
        let hits = try Self.compare(texts, language: .khmer)
        // Every text is segmented by both passes; in each order, the second pass is served from
        // the memo for each text but those whose masked copy differs (the mixed fourth).
        #expect(hits >= texts.count * 3 / 2, "\(hits) hits for \(texts.count) texts")
        // A fuzzy-match tokenizer of another language is not served the Khmer tokenizer's spans
        // (`keyedByUnitsAndConfiguration`); its bytes are the same.
        _ = try Self.compare(Array(texts.prefix(400)), language: .english)
    }

    /// khPOS sentences with Latin words, ASCII and Khmer digits, punctuation and U+200B among
    /// their words: set off by spaces (each Khmer run between two U+0020, what
    /// `Tokenizer.spansAroundKhmerRuns` serves), and glued or with other spaces (which it must
    /// leave to the tokenizer).
    static func mixedTexts() throws -> [String] {
        let url = try #require(SharedData.file("khmer/khpos-train-sample.word"))
        var spaced: [String] = [], other: [String] = []
        for (n, line) in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").enumerated() {
            let words = line.split(separator: " ").map { WordSegmentationScore.text(ofReference: $0) }
            guard words.count > 3 else { continue }
            let head = words.prefix(words.count / 2).joined(), tail = words.suffix(from: words.count / 2).joined(separator: "\u{200B}")
            let middle = words[1..<3].joined(separator: " ")
            spaced.append("\(head) Note No. \(n),000/MFA \(tail) 2024 ។ \(middle) ១២៣ ETAT-\(n)")
            spaced.append("(\(n)) \(head) \u{200B}\(tail) ៥ 12.5% \(middle) A")
            spaced.append("\(tail) , \(head)")
            other.append("\(head)2024 \(tail)ABC \(middle) A\u{17B6}")
            other.append("No.\(head) \(tail)\u{00A0}\(middle) 1")
            other.append("\(head)\u{2003}x\u{19E0} \(tail) ១២\(middle)")
        }
        return spaced + other
    }

    @Test("khPOS Khmer with Latin words, ASCII and Khmer digits and U+200B: the fuzzy pass takes the concordance's Khmer runs and changes no byte",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func khmerRunsAmongLatin() throws {
        let texts = try Self.mixedTexts()
        #expect(texts.count > 600)
        let hits = try Self.compare(texts, language: .khmer)
        // Concordance first (the import's order): the fuzzy pass is served every spaced text
        // (half of them; the other order and the glued texts are segmented twice).
        let spaced = texts.count / 2
        let memo = TokenSpanMemo()
        _ = try Self.analyses(texts, language: .khmer, memo: memo, fuzzyFirst: false)
        // (A khPOS word holding a digit or Latin letter glues it to a run: such texts are not.)
        #expect(memo.khmerRunHits >= spaced * 3 / 4 && memo.khmerRunHits <= spaced,
                "\(memo.khmerRunHits) texts served from their Khmer runs, \(spaced) spaced texts")
        #expect(hits >= memo.hits)
    }

    @Test("The notes and Europarl EN/FR: same rows, words and fuzzy bytes with the memo",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func notesAndEuroparl() throws {
        let texts = try PrivacyFilterEquivalenceTests.notesAndEuroparl()
        #expect(texts.count > 6000)
        // (The notes are English and French: their Khmer is khPOS's, above.)
        for language in [Language.english, .french, .khmer] { _ = try Self.compare(Array(texts.prefix(2500)), language: language) }
    }

    @Test("A memo entry is used only for the very same units and configuration")
    func keyedByUnitsAndConfiguration() {
        let memo = TokenSpanMemo()
        let khmer = TokenSpanMemo.Configuration(language: .khmer, engine: .fast, khmerWordBreaking: .learned)
        let text: [UInt16] = Array("ក្រសួងការបរទេស".utf16)
        let spans = [Tokenizer.Span(range: 0..<6, kind: .word), Tokenizer.Span(range: 6..<text.count, kind: .word)]
        text.withUnsafeBufferPointer { memo.remember($0, khmer, spans: spans, cuts: [8]) }
        var found: [Tokenizer.Span] = [], cuts: [Int] = []
        var other = text
        other[3] = 0x1780
        #expect(!other.withUnsafeBufferPointer { memo.recall($0, khmer, spans: &found, cuts: &cuts) })
        let icu = TokenSpanMemo.Configuration(language: .khmer, engine: .fast, khmerWordBreaking: .icu)
        #expect(!text.withUnsafeBufferPointer { memo.recall($0, icu, spans: &found, cuts: &cuts) })
        #expect(found.isEmpty && cuts.isEmpty)
        #expect(text.withUnsafeBufferPointer { memo.recall($0, khmer, spans: &found, cuts: &cuts) })
        #expect(found.map(\.range) == spans.map(\.range) && cuts == [8])
    }
}
