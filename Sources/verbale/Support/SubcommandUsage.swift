import ArgumentParser
import Foundation

/// Runs the parsed command and, when its `run()` refuses the input with a `ValidationError`,
/// prints the usage of *that* subcommand.
///
/// Why: swift-argument-parser attaches the right usage only to errors thrown while parsing and
/// from `validate()`; an error thrown from `run()` reaches `Verbale.main`, which printed the
/// root's `Usage: verbale <subcommand>` under a message about `export --format` (review 1130,
/// m9). Many checks can only run in `run()` (a query read from standard input, a format
/// resolved with the memory), so the routing is done once here rather than in each command.
/// Cost: one walk of the command tree, only on that error path.
enum SubcommandUsage {
    /// Parses the arguments as `root` does, runs the command, and exits with the message and
    /// exit status swift-argument-parser gives errors (64 for a usage error, 1 otherwise).
    static func main(_ root: ParsableCommand.Type, arguments: [String]? = nil) -> Never {
        let command: ParsableCommand
        do { command = try root.parseAsRoot(arguments) } catch { root.exit(withError: error) }
        var running = command
        do {
            try running.run()
        } catch let error as ValidationError {
            let type = Swift.type(of: command)
            Terminal.writeError(message(error.message, for: type, root: root))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch {
            root.exit(withError: error)
        }
        root.exit(withError: nil)
    }

    /// `Error: MESSAGE`, the usage line of `command` and where its help is, as the parser
    /// writes them for errors it finds itself.
    static func message(_ text: String, for command: ParsableCommand.Type, root: ParsableCommand.Type) -> String {
        let names = path(to: command, from: root) ?? [name(of: root)]
        let usage = root.usageString(for: command)
        return "Error: \(text)\nUsage: \(usage)\n  See '\(names.joined(separator: " ")) --help' for more information.\n"
    }

    /// The command names from `root` down to `command` (`["verbale", "glossary", "import"]`),
    /// or nil when `command` is not in `root`'s tree.
    static func path(to command: ParsableCommand.Type, from root: ParsableCommand.Type) -> [String]? {
        if command == root { return [name(of: root)] }
        for child in root.configuration.subcommands {
            if let rest = path(to: command, from: child) { return [name(of: root)] + rest }
        }
        return nil
    }

    private static func name(of command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }
}
