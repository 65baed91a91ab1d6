import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleDraft

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a note verbale against diplomatic protocol.",
        discussion: HelpText.paragraphs("""
        Checks that the opening ("… presents its compliments to …") and closing ("… avails itself
        of this opportunity to renew to … the assurances of its highest consideration") are
        present and name the same sender and recipient; that the note speaks in the third person
        ("its", not "his", "my", "we"); that the courtesy level fits the recipient; that the note
        has a reference number and a place and date; French agreement ("La Mission … présente
        ses", "L'Ambassade … a l'honneur", "au Ministère"); and flags personal data (passport
        numbers, dates of birth, e-mail addresses, telephone numbers, names after titles).

        Each finding: line:column, severity, code, message and a suggested fix.
        Exit status: 0 when no error was found (warnings allowed), 1 when at least one error
        was found (with --strict: when any warning or error was found), 64 for bad usage,
        and another non-zero status when the file cannot be read.

        Examples:
          verbale check Examples/transmittal.txt
          verbale check --lang fr --json note-fr.txt
          pbpaste | verbale check -
        """)
    )

    @OptionGroup var language: LanguageOption
    @Flag(help: "Print a JSON object {language, findings: [{code, severity, line, column, start, end, message, suggestion, aboutFormulas, suggestionUnreviewed}], …}; suggestionUnreviewed: the fix holds Khmer no source attests, shown [unreviewed].") var json = false
    @Flag(help: "Exit 1 on warnings too.") var strict = false
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false
    @Argument(help: "The note to check, or - for standard input.") var file: String?

    func run() throws {
        let input = try InputText.read(file, lossy: lossy)
        guard !input.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("\(input.name): the note is empty")
        }
        let lang = try language.resolve(for: input.text)
        let checker = try ProtocolChecker(book: try StockPhraseBook.shipped(), language: lang)
        let report = checker.check(input.text)
        if json {
            try printJSON(report)
        } else {
            for finding in report.findings {
                print("\(input.name):\(finding.line):\(finding.column): \(finding.severity.rawValue): [\(finding.code)] \(finding.message)")
                print("    fix: \(finding.suggestion)\(finding.suggestionUnreviewed ? " [unreviewed]" : "")")
            }
            let summary = "\(report.errors) error(s), \(report.warnings) warning(s)"
            FileHandle.standardError.write(Data("\(input.name): \(summary)\n".utf8))
        }
        if report.errors > 0 || (strict && report.warnings > 0) { throw ExitCode(1) }
    }
}
