import Foundation
import Testing
@testable import VerbaleCore

/// `visitTokens` (the import's fuzzy-match path) finds the tokens of plain Latin text in the
/// word-break pass itself (`Tokenizer.latinVisits`: elision, the merge with the placeables, each
/// token's facts, with no arrays of pieces and spans in between). These tests hold it to the
/// general path (`visitsLatinInOnePass` off: `wordSpans`, `merge`, then the facts) on real
/// English, French and Khmer text: the same answer (taken or declined) and, token by token, the
/// same kind, spacing, placeable, range, key mapping and UTF-8 text.
@Suite("The one-pass Latin visit gives the general path's tokens")
struct LatinVisitEquivalenceTests {
    /// Hand-made lines around the one-pass path's edges: elisions (both apostrophes, upper case,
    /// not an elision), placeables that start or end inside a word or overlap several, numbers
    /// and references glued to words, e-mail, URL and placeholders, units the path declines
    /// (an en dash, typographic quotes, €: keys that need ICU) or leaves to the general path
    /// (Greek, a combining mark, U+FEFF, Khmer), separators of every kind, and empty text.
    static let handMade = [
        "L’Ambassade a l'honneur de transmettre : QU'IL jusqu’à aujourd'hui quelqu'un",
        "Note No. 2021/01/045 of 12 January 2021 (ref. 3/123)", "le 1er mars 2020, n° 37.870 et 1 000,50 €",
        "1993No.: 1999 FCO/WED/1/95 AL KHM 10/2020", "E-mail: protocol@mfa.gov.kh or https://mfa.gov.kh/notes.",
        "www.un.org. {PERSON1} et {EMAIL2}", "a – b “c” ‘d’ … • 5 €", "Ελλάδα and cafe\u{301}", "x\u{FEFF}y",
        "a\u{3000}b\u{2003}c\u{85}d \u{1680}e\u{A0}f\u{202F}g\u{200B}h", "  leading  and\ttabs ,  odd ( spacing ) ",
        "Phnom Penh (ភ្នំពេញ) ១២/២០២១", "Thaïlande’s MISSION, Œuvre, ÉTATS-UNIS", "don't U.N. 1,000.50 a_b ·x", "", "!!!",
    ]

    /// The hand-made lines, then the real ones `KhmerPassSkipEquivalenceTests` reads: the English
    /// and French notes, 5,000 Europarl lines a side, khPOS as written and with U+200B.
    static func lines() throws -> [String] {
        try handMade + KhmerPassSkipEquivalenceTests.lines()
    }

    /// What `visitTokens` answers for `text`: taken or declined, and each token's parts.
    static func visited(_ tokenizer: Tokenizer, _ text: String) -> (Bool, [String]) {
        var tokens: [String] = []
        let taken = tokenizer.visitTokens(text, mergingPlaceables: true) { parts in
            tokens.append("\(parts.kind) \(parts.spaced) \(String(describing: parts.placeableKind)) \(parts.placeableValue ?? "-") "
                + "\(parts.range) \(parts.mapping) \(Array(parts.textUTF8))")
        }
        return (taken, tokens)
    }

    @Test("Europarl EN/FR, the notes, khPOS and hand-made edges: the same tokens both ways",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data (Europarl, notes, khPOS)"))
    func onePassIsExact() throws {
        let lines = try Self.lines()
        var wrong: [String] = []
        var onePass = 0
        for language in [Language.english, .french, .khmer] {
            let fast = try Tokenizer(language: language), general = try Tokenizer(language: language)
            general.visitsLatinInOnePass = false
            for line in lines where wrong.count < 5 {
                let expected = Self.visited(general, line), actual = Self.visited(fast, line)
                if actual.0 != expected.0 || actual.1 != expected.1 {
                    wrong.append("\(language.rawValue): \(line)\n  general \(expected)\n  one pass \(actual)")
                }
                if language != .khmer, Self.takesOnePass(fast, line) { onePass += 1 }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
        // The one-pass path is what is compared: most English and French lines take it.
        #expect(onePass > 15_000, "one pass on \(onePass) lines")
    }

    /// Whether `line` is plain Latin text the one-pass path answers (taken or declined).
    static func takesOnePass(_ tokenizer: Tokenizer, _ line: String) -> Bool {
        let units = Array(line.utf16)
        guard !units.contains(where: { $0 >= 0x1000 && $0 <= 0x1FFF }) else { return false }
        var buffers = Tokenizer.VisitBuffers()
        return units.withUnsafeBufferPointer { tokenizer.latinVisits($0, [], &buffers) != nil }
    }
}
