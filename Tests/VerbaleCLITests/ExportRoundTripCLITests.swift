import Foundation
import Testing

/// A fresh default memory (seeded with the shipped formulas on first use) in its own folder.
func shippedMemoryEnvironment(_ folder: URL) -> [String: String] {
    ["VERBALE_MEMORY": "", "XDG_DATA_HOME": folder.appendingPathComponent("xdg").path]
}

/// `stats --json`'s `reviewByLanguage` as `language → status → texts`.
func reviewByLanguage(_ arguments: [String], environment: [String: String] = [:]) throws -> [String: [String: Int]] {
    let stats = try CLI.run(["stats", "--json"] + arguments, environment: environment)
    let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
    var out: [String: [String: Int]] = [:]
    for entry in object?["reviewByLanguage"] as? [[String: Any]] ?? [] {
        guard let language = entry["language"] as? String else { continue }
        for count in entry["review"] as? [[String: Any]] ?? [] {
            if let name = count["name"] as? String, let units = count["units"] as? Int { out[language, default: [:]][name] = units }
        }
    }
    return out
}

@Suite("verbale export, then import: the shipped memory comes back as it was")
struct ExportRoundTripCLITests {
    @Test("TSV and CSV keep each text's own review status: the shipped Khmer formulas stay unreviewed after export and import",
          arguments: ["tsv", "csv"])
    func tableKeepsVariantReview(format: String) throws {
        let folder = try temporaryFolder()
        let environment = shippedMemoryEnvironment(folder)
        let before = try reviewByLanguage([], environment: environment)
        #expect(before["km"] == ["unreviewed": 50], "the shipped memory's Khmer: \(before)")
        #expect((before["en"]?["unreviewed"] ?? 0) > 0 && (before["fr"]?["unreviewed"] ?? 0) > 0)

        let table = folder.appendingPathComponent("ship.\(format)")
        let export = try CLI.run(["export", "--format", format, table.path], environment: environment)
        #expect(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOf: table, encoding: .utf8)
        let header = text.split(whereSeparator: \.isNewline).first.map(String.init)
        let separator = format == "tsv" ? "\t" : ","
        #expect(header == ["en", "fr", "km", "note", "origin", "review", "en review", "fr review", "km review"].joined(separator: separator))

        let memory = folder.appendingPathComponent("again.sqlite").path
        let imported = try CLI.run(["import", "--memory", memory, table.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try reviewByLanguage(["--memory", memory]) == before)

        let khmer = try CLI.run(["search", "--memory", memory, "--lang", "km", "--to", "en", "សូមគោរពជូនចំពោះ"])
        #expect(khmer.status == 0, "\(khmer.stderr)")
        #expect(khmer.stdout.contains("សូមគោរពជូនចំពោះ  [unreviewed]"), "\(khmer.stdout)")
        let toKhmer = try CLI.run(["search", "--memory", memory, "--lang", "en", "--to", "km", "--json", "presents its compliments to"])
        let matches = try JSONSerialization.jsonObject(with: Data(toKhmer.stdout.utf8)) as? [[String: Any]]
        let first = try #require(matches?.first)
        #expect(first["unreviewed"] as? [String] == ["km"])
        #expect((first["review"] as? [String: String])?["km"] == "unreviewed")
    }
}
