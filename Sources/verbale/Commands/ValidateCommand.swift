import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleFormats
import VerbaleMemory

/// `verbale validate`: reads memory files the way `import` does, and stores nothing.
///
/// Why beside `import --dry-run`: a dry run goes through the whole import (personal-data
/// scrubbing, the SQLite store and its indexes, then a rollback), which costs far more than
/// reading; this command runs the format reader alone, streaming, so a translator can check a
/// multi-gigabyte TMX from a CAT tool before importing it (cost: O(file) time, one unit and one
/// 64 KB chunk of memory).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check TMX, XLIFF or TSV/CSV files without importing them.",
        discussion: HelpText.paragraphs("""
        Reads every unit of each file with the same streaming reader as `import` and reports the \
        format, the number of units, the languages and what the import would skip, under the \
        import's reasons (empty segments, units without text, only one language, untranslated \
        ⟦…⟧ or [untranslated: …] text). The first error stops that file and is printed as file:line:column: \
        message (malformed XML, a <tuv> without a language, invalid UTF-8, an unsupported encoding, \
        entity declarations, a truncated file, a unit over the size limit). Nothing is stored.

        --lang-map takes what import takes: en-US=en rewrites a tag before languages are \
        counted, and English=en gives a TSV/CSV header cell in words (English, French, Khmer, \
        Source, Target: refused, never guessed) its language, so a spreadsheet is checked as \
        import would read it.

        Exit status: 0 when every file reads, 1 when any file has an error, 64 for bad usage.

        Examples:
          verbale validate old-memory.tmx
          verbale validate --json trados.tmx notes.xlf phrases.tsv
          verbale validate --lang-map English=en,French=fr,Khmer=km memoq-export.csv
          zcat memory-2021.tmx.gz | verbale validate --format tmx -
        """)
    )

    @Argument(help: ArgumentHelp("Files to check (- for standard input).", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("The format of every file: tmx, xliff, tsv or csv. Default: recognised per file.", valueName: "format"))
    var format: String?

    @Option(name: .customLong("lang-map"), help: ArgumentHelp("As import: rewrite a language tag (repeatable), e.g. en-US=en; or give a TSV/CSV header cell its language, e.g. English=en (\\, and \\= for a comma or = inside the cell).", valueName: "from=to"))
    var langMap: [String] = []

    @Flag(help: "Print {valid, files: [{name, format, units, languages: {tag: count}, warnings: {kind: count}, error, unknownLanguages, languageWarnings, warningDetails: [{file, line, column, kind, message}]}]} as JSON (unknownLanguages and languageWarnings only when a tag is none of en, fr, km; warningDetails only when the file has a place to look at: a last line without a line end, lang and xml:lang that disagree).")
    var json = false

    /// What one file turned out to hold.
    struct FileReport: Encodable {
        var name: String
        var format: String?
        var units = 0
        var languages: [String: Int] = [:]
        var warnings: [String: Int] = [:]
        var error: String?
        /// Tags read that are none of Verbale's languages, sorted (as `import --json` names
        /// them per file); nil when all are known.
        var unknownLanguages: [String]?
        /// The warning `import` prints for each of them (`UnsupportedLanguageWarning`): a
        /// `kh` tag gets "Khmer is \"km\"" and the `--lang-map` that fixes it.
        var languageWarnings: [String]?
        /// The places the user should look at though nothing is left out (a table ending
        /// inside a line — truncated? —, `lang` and `xml:lang` that disagree: review 1130j m1,
        /// m3), as `import --json` lists them in `warnings`; nil when there are none.
        var warningDetails: [ImportSummary.Warning]?
    }

    struct Report: Encodable {
        var valid: Bool
        var files: [FileReport]
    }

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to check (or - for standard input)") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        if let format, MemoryFormat(rawValue: format.lowercased()) == nil {
            throw ValidationError("unknown format \"\(format)\"; use one of: \(MemoryFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        // A missing file or a folder is a usage mistake (exit 64) with the shared wording, not a
        // format error (a folder quoted Foundation's "NSCocoaErrorDomain error 256").
        for file in files { try InputText.requireFile(file) }
        let chosen = format.flatMap { MemoryFormat(rawValue: $0.lowercased()) }
        let mapping = try LanguageMapping(parsing: langMap)
        var used: Set<String> = []
        let reports = files.map { Self.check($0, format: chosen, mapping: mapping, headerNamesUsed: &used) }
        let valid = reports.allSatisfy { $0.error == nil }
        if json {
            try printJSON(Report(valid: valid, files: reports))
        } else {
            for report in reports { print(Self.describe(report)) }
        }
        if valid {
            for warning in mapping.unusedHeaderNameWarnings(used: used) { Terminal.writeError("warning: \(warning)\n") }
        }
        for report in reports {
            // On standard error whatever the output, as `import` (with or without --json) says it.
            for warning in report.languageWarnings ?? [] { Terminal.writeError("warning: \(warning)\n") }
            if let error = report.error { Terminal.writeError("error: \(error)\n") }
        }
        if !valid { throw ExitCode(1) }
    }

    /// Reads `path` to the end (or the first error), counting units per language, with
    /// `mapping` applied as import applies it; adds the header names its table matched to
    /// `headerNamesUsed`.
    static func check(_ path: String, format chosen: MemoryFormat?, mapping: LanguageMapping = LanguageMapping(),
                      headerNamesUsed: inout Set<String>) -> FileReport {
        var report = FileReport(name: path == "-" ? "<stdin>" : path)
        do {
            let source = try ByteSource(url: URL(fileURLWithPath: path))
            report.name = source.name
            let prefix = try source.peek(4096)
            let format = chosen ?? MemoryFormat.detect(fileName: source.name, prefix: Data(prefix))
            report.format = format?.rawValue
            var reader = try MemoryFormat.makeReader(source: source, format: format, headerNames: mapping.headerNames)
            headerNamesUsed.formUnion((reader as? DelimitedReader)?.headerNamesUsed ?? [])
            // Language tags are counted by spelling: a file names a few languages a million times.
            while let unit = try reader.next() {
                report.units += 1
                for variant in unit.variants {
                    report.languages[(mapping.tags[variant.language] ?? variant.language).description, default: 0] += 1
                }
                // What the import would leave out, under the import's own reason (review 1130g:
                // validate said "valid" of `[untranslated: …]` and ⟦…⟧ drafts import skips).
                if let reason = SkipReason.reason(for: unit, languageMap: mapping.tags) { report.warnings[reason.rawValue, default: 0] += 1 }
            }
            for (kind, count) in reader.warningCounts { report.warnings[kind.rawValue, default: 0] += count }
            var attention = ImportSummary()
            attention.addWarnings(kept: reader.warnings, counts: reader.warningCounts)
            if !attention.warnings.isEmpty { report.warningDetails = attention.warnings }
        } catch {
            report.error = "\(error)"
        }
        // Counted up to an error too: what was read before it is what the import would warn of.
        let unknown = report.languages.keys.filter { tag in
            (try? LanguageTag(parsing: tag)).map(UnsupportedLanguageWarning.isUnsupported) ?? true
        }.sorted()
        if !unknown.isEmpty {
            report.unknownLanguages = unknown
            report.languageWarnings = unknown.map { UnsupportedLanguageWarning.message(file: report.name, tag: $0) }
        }
        return report
    }

    static func describe(_ report: FileReport) -> String {
        func number(_ value: Int) -> String { value.formatted(.number) }
        var line = "\(report.name): \((report.format ?? "unknown format").uppercased()), \(number(report.units)) unit\(report.units == 1 ? "" : "s")"
        if !report.languages.isEmpty {
            line += " (" + report.languages.sorted { $0.key < $1.key }.map { "\($0.key) \(number($0.value))" }.joined(separator: ", ") + ")"
        }
        let attentionKinds = Set(FormatWarning.Kind.allCases.filter(\.asksForAttention).map(\.rawValue))
        let skips = report.warnings.filter { !attentionKinds.contains($0.key) }
        if !skips.isEmpty {
            line += "; skipped: " + skips.sorted { $0.key < $1.key }.map { "\(number($0.value)) \($0.key)" }.joined(separator: ", ")
        }
        let warnings = report.warnings.filter { attentionKinds.contains($0.key) }.values.reduce(0, +)
        let warned = warnings == 0 ? "" : ", \(number(warnings)) warning\(warnings == 1 ? "" : "s") (below)"
        if report.error != nil {
            line += " before an error" + warned
        } else if report.units == 0 {
            line += " — the file holds no translation units" + warned
        } else {
            line += " — valid" + warned
        }
        // Each place on its own line, FILE:LINE:COLUMN first (review 1130j m1: a table cut
        // inside its last cell was called "valid" without a word).
        for detail in (report.warningDetails ?? []).prefix(ImportCommand.warningsShown) { line += "\n  warning: \(detail.message)" }
        if warnings > ImportCommand.warningsShown { line += "\n  … and \(number(warnings - ImportCommand.warningsShown)) more" }
        return line
    }
}
