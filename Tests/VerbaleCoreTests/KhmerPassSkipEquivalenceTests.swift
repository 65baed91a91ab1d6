import Foundation
import Testing
@testable import VerbaleCore

/// `visitTokens` (the import's fuzzy-match path) skips the Khmer passes over a text's units —
/// `KhmerClusterOrder.reorder` and the invisible-break scan of `wordSpans` — when its
/// transcoding met no scalar of U+1000–U+1FFF (`UTF16Text.transcodeNotingKhmer`). These tests
/// hold both halves of that claim on real text: the flag is set on every text holding a Khmer
/// unit, and on every text where it is not set, the word spans with the skip equal those
/// without it, for each language's tokenizer.
@Suite("Skipping the Khmer passes on text without Khmer changes no span")
struct KhmerPassSkipEquivalenceTests {
    /// Hand-made lines around the flag: Khmer with U+200B and U+FEFF, COENG RO typed first,
    /// Khmer symbols (U+19E0–U+19FF), and three-byte scalars that are not Khmer (’ … € U+200B
    /// between Latin words, ideographic space), which must not be mistaken for it.
    static let handMade = [
        "ក្រសួង\u{200B}ការបរទេស\u{200B}និង", "ស\u{17D2}\u{179A}\u{17D2}\u{178F}ី", "\u{19E0}\u{19E1} ᧠", "a\u{200B}b\u{FEFF}c",
        "L’Ambassade… 5 €", "x\u{3000}y", "Phnom Penh (ភ្នំពេញ)", "១២/២០២១", "ថ្ងៃទី១២ ខែកក្កដា", "plain ASCII only",
        "\u{1000}\u{1001} Myanmar", "\u{1E9E} ẞ", "",
    ]

    static func lines() throws -> [String] {
        var lines = handMade
        lines += try TokenPinningTests.noteLines("en-") + TokenPinningTests.noteLines("fr-")
        for side in ["en", "fr"] {
            lines += try TextLayerData.text("parallel/europarl-20k.\(side)").split(separator: "\n").prefix(5_000).map(String.init)
        }
        // The khPOS sentences as written, and with U+200B between some words (the invisible-break path).
        let khpos = try TextLayerData.text("khmer/khpos-train-sample.word").split(separator: "\n").filter { !$0.isEmpty }
        lines += khpos.map { WordSegmentationScore.text(ofReference: $0) }
        lines += khpos.map { $0.replacingOccurrences(of: "~", with: "").replacingOccurrences(of: "_", with: "").replacingOccurrences(of: " ", with: "\u{200B}") }
        return lines
    }

    @Test("The transcoding flags every real line holding a Khmer unit; without the flag, the spans are those of the full path",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data"))
    func skipIsExact() throws {
        let lines = try Self.lines()
        let tokenizers = try [Language.english, .french, .khmer].map { try Tokenizer(language: $0) }
        var buffer: [UInt16] = []
        var unflagged = 0, flaggedKhmer = 0
        var wrong: [String] = []
        for line in lines where wrong.count < 5 {
            var text = line
            let (count, mayHoldKhmer) = text.withUTF8 { UTF16Text.transcodeNotingKhmer(utf8: $0, into: &buffer) }
            let units = Array(buffer[0..<count])
            #expect(units == Array(line.utf16), "transcoding changed: \(line)")
            let holdsKhmer = units.contains { KhmerScript.isKhmer($0) }
            if holdsKhmer {
                flaggedKhmer += 1
                if !mayHoldKhmer { wrong.append("Khmer not flagged: \(line)") }
            }
            guard !mayHoldKhmer else { continue }
            unflagged += 1
            units.withUnsafeBufferPointer { units in
                for tokenizer in tokenizers {
                    var full: [Tokenizer.Span] = [], skipped: [Tokenizer.Span] = []
                    tokenizer.wordSpans(units, into: &full)
                    tokenizer.wordSpans(units, into: &skipped, mayHoldKhmer: false)
                    let same = full.count == skipped.count && zip(full, skipped).allSatisfy {
                        $0.range == $1.range && $0.kind == $1.kind && $0.placeable == $1.placeable && $0.holdsSeparator == $1.holdsSeparator
                    }
                    if !same { wrong.append("\(tokenizer.language.rawValue) spans differ: \(line)") }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
        // Both sides of the flag are exercised: most Europarl and note lines skip, every Khmer line does not.
        #expect(unflagged > 10_000 && flaggedKhmer >= 2_000, "unflagged \(unflagged), Khmer \(flaggedKhmer)")
    }
}
