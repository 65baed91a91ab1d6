import Foundation
import VerbaleCore
@testable import VerbaleDraft

enum Fixtures {
    static let book: StockPhraseBook = {
        do { return try StockPhraseBook.shipped() } catch { fatalError("shipped memory: \(error)") }
    }()

    static func notes(_ prefix: String) -> [(name: String, text: String)] {
        guard let folder = SharedData.file("notes") else { return [] }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }.sorted()
        return names.compactMap { name in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
        }
    }

    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/drafting").appendingPathComponent(name)
        return try String(contentsOf: url, encoding: .utf8)
    }
}
