import Foundation
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

/// Builds matchers over our own fixture and over shared data, for the matching tests.
enum Matching {
    static var fixtureURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/matching/stock.tmx")
    }

    /// The units of `Tests/Fixtures/matching/stock.tmx` (EN/FR/KM, Khmer marked unreviewed).
    static func fixtureUnits() throws -> [TranslationUnit] {
        var reader = try TMXReader.make(source: try ByteSource(url: fixtureURL))
        return try reader.readAll()
    }

    static func matcher(_ units: [TranslationUnit], model: CostModel = .standard) throws -> FuzzyMatcher {
        let builder = MatchIndexBuilder()
        for unit in units { try builder.add(unit) }
        let (index, archive) = builder.finish()
        return FuzzyMatcher(index: index, archive: archive, model: model)
    }

    /// Raw Khmer sentences from the khPOS sample: its word separators removed, so ICU's
    /// dictionary has to find the words again as it would in real text.
    static func khmerSentences(limit: Int) -> [String] {
        guard let url = SharedData.file("khmer/khpos-train-sample.word"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").prefix(limit).map { line in
            String(line.unicodeScalars.filter { $0 != " " && $0 != "~" && $0 != "^" && $0 != "_" }.map(Character.init))
        }
    }

    static func lines(_ path: String, limit: Int) -> [String] {
        guard let url = SharedData.file(path), let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").prefix(limit).map(String.init)
    }
}
