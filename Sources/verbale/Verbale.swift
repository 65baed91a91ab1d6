import ArgumentParser
import VerbaleCore
import VerbaleDraft
import VerbaleMemory

/// The `verbale` command: a translation-memory toolkit for notes verbales in English, French
/// and Khmer. Each subcommand lives in its own file under `Commands/`, parses its options,
/// calls the libraries and prints.
@main
struct Verbale: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verbale",
        abstract: "Draft, translate and check notes verbales in English, French and Khmer.",
        discussion: HelpText.paragraphs("""
        Verbale segments notes, finds translation-memory matches and stock phrases while you draft,
        and looks up diplomatic terminology. Languages are BCP 47 tags: en, fr-FR, km-KH.
        Every command that reads a file reads standard input when given "-".

        Exit status: 0 on success, also when a search finds nothing (search, suggest, concordance
        and glossary terms say so, and --json prints an empty list); 1 on failure, with the reason
        on standard error; 64 on bad usage. Checks exit 1 when they report problems (check:
        errors, or warnings with --strict; validate; glossary check), and glossary lookup exits
        1 when no term matches, as grep does, so a script can test whether a term is known.

        Examples:
          verbale segment Examples/transmittal.txt
          echo "ព្រះរាជាណាចក្រកម្ពុជា។" | verbale tokenize -
        """),
        version: VerbaleVersion.current,
        subcommands: [
            SegmentCommand.self,
            TokenizeCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            ValidateCommand.self,
            ConcordanceCommand.self,
            StatsCommand.self,
            GlossaryCommand.self,
            SearchCommand.self,
            SuggestCommand.self,
            MineCommand.self,
            DraftCommand.self,
            AlignCommand.self,
            CheckCommand.self,
        ]
    )

    /// Turns SQLite's allocation counters off (`SQLiteProcessSetup`), warns, once and on stderr,
    /// about shipped resources a stripped or damaged install lacks, then runs the command. The libraries fall back quietly (documented in each resource's
    /// type); the user must still learn that Khmer or names are handled less well.
    static func main() {
        // First, while no thread uses SQLite yet (`SQLiteProcessSetup`).
        SQLiteProcessSetup.turnOffMemoryStatistics()
        for missing in MissingResource.core() + MissingResource.draft() {
            Terminal.writeError("verbale: warning: \(missing)\n")
        }
        // Not `main(nil)`: a usage error thrown by a subcommand's `run()` shows that
        // subcommand's usage, not the root's (`SubcommandUsage`).
        SubcommandUsage.main(self)
    }
}

enum VerbaleVersion {
    static let current = "0.1.0"
}
