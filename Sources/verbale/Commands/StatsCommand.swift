import ArgumentParser
import Foundation
import VerbaleMemory

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what the translation memory holds: units, languages, pairs, origins, size.",
        discussion: HelpText.paragraphs("""
        Examples:
          verbale stats
          verbale stats --json --memory team.sqlite
        """)
    )

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var memoryOption: MemoryOption

    func run() throws {
        let memory = try memoryOption.open()
        let stats: MemoryStatistics
        do { stats = try memory.statistics() } catch { throw CommandFailure("\(error)") }
        if json {
            try printJSON(stats)
            return
        }
        func number(_ value: Int) -> String { value.formatted(.number) }
        print("Memory: \(stats.path) (\(String(format: "%.1f", Double(stats.bytes) / 1_048_576)) MB)")
        print("Units: \(number(stats.units)) (\(number(stats.variants)) texts)")
        print("Languages: " + stats.languages.map { "\($0.name) \(number($0.units))" }.joined(separator: ", "))
        print("Pairs: " + stats.pairs.prefix(20).map { "\($0.name) \(number($0.units))" }.joined(separator: ", "))
        // The headline counts units by their own status; a shipped unit is "translated" while its
        // Khmer text is unreviewed. Say so on the same line, so "translated 50" is not read as
        // "all reviewed" (review 1201a m5).
        let unreviewedTexts = stats.reviewByLanguage.compactMap { language in
            language.review.first { $0.name == "unreviewed" }.map { "\(language.language) \(number($0.units))" }
        }
        let textsNote = unreviewedTexts.isEmpty ? "" : " (texts marked unreviewed: " + unreviewedTexts.joined(separator: ", ") + ")"
        print("Review: " + stats.review.map { "\($0.name) \(number($0.units))" }.joined(separator: ", ") + textsNote)
        for language in stats.reviewByLanguage {
            print("  \(language.language): " + language.review.map { "\($0.name) \(number($0.units))" }.joined(separator: ", "))
        }
        print("Origins:")
        for origin in stats.origins { print("  \(number(origin.units))\t\(origin.name)") }
    }
}
