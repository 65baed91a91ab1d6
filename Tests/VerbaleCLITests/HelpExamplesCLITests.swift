import Foundation
import Testing

/// Review 1130g m11: help examples were hard-wrapped at 80 columns inside the command
/// (`draft new --help`: `--to` | `"Office of …"`), so a copied example was a broken command.
/// Every command's examples must come out at 80 columns exactly as written: one command per
/// line, or a shell continuation (` \` then an indented line).
@Suite("Help examples are copy-pasteable at 80 columns (review 1130g m11)")
struct HelpExamplesCLITests {
    /// Every command and subcommand, read from the help's SUBCOMMANDS sections (so a new
    /// command is checked without editing this list).
    static func commands() throws -> [[String]] {
        var found: [[String]] = [[]]
        var queue: [[String]] = [[]]
        while let command = queue.popLast() {
            let help = try CLI.run(command + ["--help"], environment: ["COLUMNS": "1000"]).stdout
            guard let start = help.range(of: "\nSUBCOMMANDS:\n") else { continue }
            // The section ends at its first blank line ("  See 'verbale help <subcommand>'…"
            // follows it, indented like a command: taken as one, it made `verbale See See …`
            // for ever). A command name is lower-case letters and hyphens; three levels at most.
            for line in help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
                guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
                guard let name = line.split(separator: " ").first.map(String.init), name != "help",
                      name.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }), command.count < 3 else { continue }
                found.append(command + [name])
                queue.append(command + [name])
            }
        }
        return found
    }

    /// The example lines of a help text: the indented lines of its discussion, each with the
    /// lines that continue it.
    static func exampleLines(_ help: String) -> [Substring] {
        guard let usage = help.range(of: "\nUSAGE: ") else { return [] }
        return help[..<usage.lowerBound].split(separator: "\n").filter { $0.hasPrefix("  ") }
    }

    @Test("At 80 columns every example line is as written (no command cut across lines), and every continuation is marked")
    func examplesNotCut() throws {
        let commands = try Self.commands()
        #expect(commands.count >= 20, "\(commands)")
        var checked = 0
        for command in commands {
            let wide = try CLI.run(command + ["--help"], environment: ["COLUMNS": "1000"]).stdout
            let narrow = try CLI.run(command + ["--help"], environment: ["COLUMNS": "80"]).stdout
            let narrowLines = Set(narrow.split(separator: "\n"))
            for line in Self.exampleLines(wide) where line.contains("verbale ") || line.hasSuffix("\\") {
                checked += 1
                #expect(line.count <= 79, "\(command): an example of \(line.count) characters: \(line)")
                #expect(narrowLines.contains(line), "\(command): the example is cut at 80 columns: \(line)")
            }
            // A line ending in a continuation is followed by an indented one.
            let lines = wide.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where line.hasPrefix("  ") && line.hasSuffix(" \\") {
                #expect(index + 1 < lines.count && lines[index + 1].hasPrefix("    "), "\(command): a continuation leads nowhere: \(line)")
            }
        }
        #expect(checked >= 40, "examples found: \(checked)")
    }
}
