import Foundation
import Testing
@testable import VerbaleCore

/// Lines wrapped for a terminal column (review 1130g m8: `align`'s side-by-side view cut Khmer
/// inside its words, "…ទទួលបន្ទុ" | "កសិទ្ធិមនុស្ស", and counted its width in scalars).
@Suite("Text wrapped to terminal columns, Khmer between its words")
struct TextColumnsTests {
    /// Scalars without the spaces and U+200B a break may drop: what a reader must still find.
    static func letters(_ text: some StringProtocol) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0 != " " && $0 != "\u{200B}" }
    }

    /// UTF-16 offsets (in the text without spaces and U+200B) where each line but the last ends.
    static func cuts(_ lines: [String]) -> [Int] {
        var offset = 0
        return lines.dropLast().map { line in
            offset += String(String.UnicodeScalarView(letters(line))).utf16.count
            return offset
        }
    }

    @Test("The review's line: ទទួលបន្ទុកសិទ្ធិមនុស្ស is never cut inside ទទួលបន្ទុក, and no line is wider than its column")
    func reviewLine() {
        let text = "ឧត្តមស្នងការទទួលបន្ទុកសិទ្ធិមនុស្សនៃអង្គការសហប្រជាជាតិ"
        let columns = TextColumns()
        for width in 8...30 {
            let lines = columns.wrap(text, width: width)
            #expect(lines.allSatisfy { TextColumns.width($0) <= width }, "width \(width): \(lines)")
            #expect(Self.letters(lines.joined()) == Self.letters(text))
            #expect(!lines.contains { $0.hasSuffix("ទទួលបន្ទុ") }, "width \(width): \(lines)")
        }
    }

    @Test("Width: Khmer vowels, signs, U+200B and a consonant subscribed after COENG take no column")
    func width() {
        #expect(TextColumns.width("ក្ស") == 1)
        #expect(TextColumns.width("សិទ្ធិ") == 2)
        #expect(TextColumns.width("ខែ\u{200B}មករា") == 4)
        #expect(TextColumns.width("Ministère") == 9)
    }

    @Test("English and French wrap at spaces; a word longer than the column is cut, not lost")
    func latin() {
        let columns = TextColumns(locale: "fr")
        let lines = columns.wrap("La Mission permanente du Royaume du Cambodge présente ses compliments", width: 20)
        #expect(lines == ["La Mission", "permanente du", "Royaume du Cambodge", "présente ses", "compliments"])
        #expect(columns.wrap("", width: 10) == [""])
        let long = columns.wrap("Hochkommissariatsgebäude", width: 10)
        #expect(long.allSatisfy { TextColumns.width($0) <= 10 })
        #expect(long.joined() == "Hochkommissariatsgebäude")
    }

    @Test("khPOS Khmer typed glued: every line fits, nothing is lost, and lines end only where ICU's Khmer word breaker ends a word",
          .enabled(if: SharedData.file("khmer/khpos-train-sample.word") != nil, "needs ../shared/data/khmer"))
    func khposGlued() throws {
        let url = try #require(SharedData.file("khmer/khpos-train-sample.word"))
        let sentences = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { $0.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "~", with: "") }
            .filter { TextColumns.width($0) > 40 }
            .prefix(300)
        try #require(sentences.count >= 100)
        let columns = TextColumns()
        let words = try BreakIterator(.word, locale: "km")
        var wrapped = 0
        for sentence in sentences {
            let lines = columns.wrap(sentence, width: 24)
            #expect(lines.allSatisfy { TextColumns.width($0) <= 24 }, "\(lines)")
            #expect(Self.letters(lines.joined()) == Self.letters(sentence))
            let wordEnds = Set(words.boundaries(in: sentence).map(\.utf16Offset))
            // A line cut inside a word only when that word alone is wider than the column.
            let longestWord = zip([0] + wordEnds.sorted(), wordEnds.sorted()).map { pair in
                TextColumns.width(String(decoding: Array(sentence.utf16)[pair.0..<pair.1], as: UTF16.self))
            }.max() ?? 0
            if longestWord <= 24 {
                #expect(Set(Self.cuts(lines)).isSubset(of: wordEnds), "\(lines)")
                wrapped += 1
            }
        }
        #expect(wrapped >= 100)
    }
}
