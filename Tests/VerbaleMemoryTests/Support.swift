import Foundation
import VerbaleCore
@testable import VerbaleMemory
import VerbaleTestSupport

/// A fresh memory in a folder of its own under the test process's scratch folder (removed at exit).
func temporaryMemory(_ name: String = #function) throws -> SQLiteMemory {
    let folder = Scratch.path("verbale-memory-tests")
    return try SQLiteMemory(path: folder.appendingPathComponent("memory.sqlite"))
}

func tag(_ text: String) -> LanguageTag {
    // Test literals are well-formed.
    (try? LanguageTag(parsing: text)) ?? LanguageTag(.english)
}

func unit(_ texts: [(String, String)], id: String? = nil, metadata: UnitMetadata = UnitMetadata()) -> TranslationUnit {
    TranslationUnit(id: id, variants: texts.map { Variant(language: tag($0.0), text: $0.1) }, metadata: metadata)
}

/// A source that fails after `after` units, like a file malformed half-way.
final class FailingSource: UnitSource {
    struct Broken: Error, CustomStringConvertible { var description: String { "broken.tmx:40:7: malformed XML" } }
    let name = "broken.tmx"
    private var remaining: [TranslationUnit]
    init(units: [TranslationUnit]) { remaining = units }
    var totalBytes: Int64? { nil }
    var bytesRead: Int64 { 0 }
    func next() throws -> TranslationUnit? {
        guard !remaining.isEmpty else { throw Broken() }
        return remaining.removeFirst()
    }
}

extension PersonalDataScrubber {
    /// A one-text unit scrubbed as an import scrubs it: its text and findings (the privacy
    /// suites' shorthand).
    func scrubbed(_ text: String, language: String) -> (text: String, findings: [PersonalDataFinding]) {
        let result = scrub(unit([(language, text)]), file: "t", position: 1)
        return (result.unit.variants[0].text, result.findings)
    }
}
