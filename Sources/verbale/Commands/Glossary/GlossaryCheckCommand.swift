import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleGlossary

struct GlossaryCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a translation's terminology against the termbase.",
        discussion: HelpText.paragraphs("""
        Segments are aligned by line. Reports source terms whose target equivalent is missing, \
        deprecated terms on either side, and terms rendered in different ways across the \
        document. Exits 0 when nothing is found, 1 when issues are reported.

        Examples:
          verbale glossary check --source en=note-en.txt --target fr=note-fr.txt
          verbale glossary check --json --source fr=note-fr.txt --target km=note-km.txt
          cat note-fr.txt \\
              | verbale glossary check --source en=note-en.txt --target fr=-
        """)
    )

    @Option(help: ArgumentHelp("The source: LANG=FILE (FILE may be -).", valueName: "lang=file")) var source: String
    @Option(help: ArgumentHelp("The translation: LANG=FILE (FILE may be -).", valueName: "lang=file")) var target: String
    @Flag(help: "Print JSON: an array of {\"kind\", \"lines\", \"concept\", \"language\", \"term\", \"expected\", \"message\"}.") var json = false
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false
    @OptionGroup var store: GlossaryStoreOptions

    static func split(_ option: String, name: String) throws -> (LanguageTag, String) {
        guard let equals = option.firstIndex(of: "=") else { throw ValidationError("--\(name) takes LANG=FILE, e.g. en=note.txt") }
        return (try glossaryLanguage(String(option[..<equals])), String(option[option.index(after: equals)...]))
    }

    /// The text's lines, the segments the check pairs by number. Blank lines at the end are no
    /// segments: an editor's extra final line on one side only made the two sides' counts differ,
    /// an issue and exit 1 for a translation that matched line for line (review 1130g m2). Blank
    /// lines inside the text stay, so every issue's line number is still the file's.
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines
    }

    func run() throws {
        let (sourceLanguage, sourcePath) = try Self.split(source, name: "source")
        let (targetLanguage, targetPath) = try Self.split(target, name: "target")
        if sourcePath == "-" && targetPath == "-" { throw ValidationError("only one of --source and --target can read standard input") }
        let sourceText = try InputText.read(sourcePath, lossy: lossy)
        let targetText = try InputText.read(targetPath, lossy: lossy)
        let termbase = try store.open().load()
        let issues = ConsistencyCheck.run(source: Self.lines(sourceText.text), sourceLanguage: sourceLanguage,
                                          target: Self.lines(targetText.text), targetLanguage: targetLanguage, termbase: termbase)
        if json {
            try printJSON(issues)
        } else {
            for issue in issues {
                let where_ = issue.lines.isEmpty ? targetText.name : "\(targetText.name):\(issue.lines.map(String.init).joined(separator: ","))"
                print("\(where_): \(issue.kind.rawValue): \(issue.message)")
            }
            // Said when all is well too, as `check` does: silence could be a check that did
            // not run (review 1130c, m12).
            if issues.isEmpty { print("\(targetText.name): 0 terminology issues") }
        }
        if !issues.isEmpty {
            FileHandle.standardError.write(Data("\(issues.count) terminology issue\(issues.count == 1 ? "" : "s")\n".utf8))
            throw ExitCode(1)
        }
    }
}
