import Foundation
import Testing
import VerbaleCore

/// One Pragmatic Segmenter "Golden Rule": an input and the segments it must give.
struct GoldenRule: Sendable, CustomTestStringConvertible {
    var number: Int
    var name: String
    var input: String
    var expected: [String]
    var testDescription: String { "#\(number) \(name)" }

    /// Reads `segmentation/golden_rules_<language>.tsv` in place (input TAB segments joined by
    /// " ||| ", with "\n" written as a backslash and n). Empty when the shared data is absent.
    static func load(_ language: String) -> [GoldenRule] {
        guard let url = SharedData.file("segmentation/golden_rules_\(language).tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let names = SharedData.file("segmentation/golden_rules_\(language)_names.txt")
            .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
            .map { $0.split(separator: "\n").map { $0.split(separator: "\t", maxSplits: 1).last.map(String.init) ?? "" } } ?? []
        return text.split(separator: "\n").enumerated().compactMap { index, line in
            let columns = line.split(separator: "\t", maxSplits: 1).map { $0.replacingOccurrences(of: "\\n", with: "\n") }
            guard columns.count == 2 else { return nil }
            return GoldenRule(number: index + 1, name: index < names.count ? names[index] : "",
                              input: columns[0], expected: columns[1].components(separatedBy: " ||| "))
        }
    }

    /// Segments compared with white-space runs collapsed (the files write a line break inside a
    /// segment as a space).
    static func normalized(_ segments: [String]) -> [String] {
        segments.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
    }
}

@Suite("Golden Rules", .enabled(if: SharedData.file("segmentation/golden_rules_en.tsv") != nil,
                                 "../shared/data/segmentation is absent: Golden Rules skipped"))
struct GoldenRulesTests {
    static let english = GoldenRule.load("en")
    static let french = GoldenRule.load("fr")
    @Test("English Golden Rule", arguments: english)
    func englishRule(_ rule: GoldenRule) throws {
        let segmenter = try Segmenter(language: .english)
        let actual = GoldenRule.normalized(segmenter.segments(of: rule.input).map(\.text))
        #expect(actual == GoldenRule.normalized(rule.expected))
    }

    @Test("French Golden Rule", arguments: french)
    func frenchRule(_ rule: GoldenRule) throws {
        let segmenter = try Segmenter(language: .french)
        #expect(GoldenRule.normalized(segmenter.segments(of: rule.input).map(\.text)) == GoldenRule.normalized(rule.expected))
    }

    @Test("All 52 English Golden Rules pass")
    func englishScore() throws {
        let segmenter = try Segmenter(language: .english)
        let passed = Self.english.filter {
            GoldenRule.normalized(segmenter.segments(of: $0.input).map(\.text)) == GoldenRule.normalized($0.expected)
        }
        #expect(Self.english.count == 52)
        #expect(passed.count == 52, "passed \(passed.count) of \(Self.english.count)")
    }
}
