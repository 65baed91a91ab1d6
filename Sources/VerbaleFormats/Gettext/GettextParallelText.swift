import Foundation
import VerbaleCore

/// Parallel sentences drawn from the gettext catalogues installed on the machine: the English
/// message (`msgid`) with its translations in other languages, for every program that ships a
/// catalogue in all of them.
///
/// Used to build Khmer evaluation documents from real translations. Messages are cleaned (white
/// space collapsed, `_` accelerator marks dropped) and kept only when the English is at least
/// `minimumLength` characters, every translation differs from the English, and Khmer
/// translations contain Khmer letters. Order: by program, then as in the catalogue (sorted by
/// `msgid`). O(total catalogue size).
public enum GettextParallelText {
    public static let defaultDirectory = URL(fileURLWithPath: "/usr/share/locale")

    /// Rows of [language: text], English always present.
    public static func rows(languages: [Language], directory: URL = defaultDirectory, minimumLength: Int = 30) -> [[Language: String]] {
        let others = languages.filter { $0 != .english }
        guard let first = others.first else { return [] }
        let folder = directory.appendingPathComponent(first.rawValue).appendingPathComponent("LC_MESSAGES")
        let domains = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".mo") }.sorted()
        var rows: [[Language: String]] = []
        for domain in domains {
            var catalogues: [Language: [String: String]] = [:]
            for language in others {
                let url = directory.appendingPathComponent(language.rawValue).appendingPathComponent("LC_MESSAGES").appendingPathComponent(domain)
                guard let catalogue = try? MOCatalog(contentsOf: url) else { catalogues = [:]; break }
                var table: [String: String] = [:]
                for message in catalogue.messages where !message.original.isEmpty && !message.translation.isEmpty {
                    table[message.original] = message.translation
                }
                catalogues[language] = table
            }
            guard catalogues.count == others.count, let primary = catalogues[first] else { continue }
            for original in primary.keys.sorted() {
                let english = clean(original)
                guard english.count >= minimumLength else { continue }
                var row: [Language: String] = [.english: english]
                for language in others {
                    guard let translation = catalogues[language]?[original] else { row = [:]; break }
                    let text = clean(translation)
                    guard text != english, !text.isEmpty else { row = [:]; break }
                    if language == .khmer, !text.unicodeScalars.contains(where: { (0x1780...0x17FF).contains($0.value) }) { row = [:]; break }
                    row[language] = text
                }
                if !row.isEmpty { rows.append(row) }
            }
        }
        return rows
    }

    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "_", with: "")
            .split(whereSeparator: { $0.isWhitespace && $0 != "\u{200B}" })
            .joined(separator: " ")
    }
}
