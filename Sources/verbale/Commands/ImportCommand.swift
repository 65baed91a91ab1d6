import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleFormats
import VerbaleMemory

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import TMX, XLIFF or TSV files into the translation memory.",
        discussion: HelpText.paragraphs("""
        All files of one command are imported in ONE transaction: if any file is malformed, or the \
        process is interrupted or killed, the memory is left exactly as it was. Units identical to \
        stored ones (same texts in all languages) are merged; units with the same source text but a \
        different translation are kept and counted as alternatives.

        Personal data — e-mail addresses, phone numbers, passport and ID numbers, names after a title \
        (Mr., Mme, H.E., លោក, ឯកឧត្តម…) and dates of birth — is replaced by placeholders such as \
        {PERSON} and {EMAIL} before anything is stored. --report FILE writes where, with the original \
        text: that report is the ONLY place the originals are kept, so protect or delete it.

        The format is recognised from the content, then the extension; --format overrides. A \
        file that does not start with < (after a byte-order mark and white space) is never read \
        as XML: a table saved as .tmx is read as TSV or CSV from its first line.

        Places to look at though nothing was left out are listed after the counts as \
        warning: FILE:LINE:COLUMN (--json: warnings): a TSV/CSV whose last line has no line end \
        (many tables end so, but a file cut short ends the same way: truncated?), and a TMX <tuv> \
        whose lang and xml:lang name two languages (lang wins in TMX 1.1 and 1.2, xml:lang from \
        1.3 on). A CSV cut inside a quoted cell, or any table cut inside a character, is an error \
        and imports nothing.

        A TSV/CSV header row names each column's language by its tag (en, fr-FR, km). A header \
        in words, as memoQ and Excel write it (English, French, Khmer, or Source, Target), is \
        refused, never guessed; --lang-map English=en,French=fr,Khmer=km names the columns' \
        languages without editing the file (a left side that is not a language tag names a \
        header cell, any case). A header cell holding a comma or = is named with a backslash \
        before it: --lang-map 'Khmer\\, Cambodia=km' (\\\\ for a backslash).

        With --property-columns, `export` writes each text's own properties in \
        "LANG prop:NAME" columns (km prop:x-state-qualifier), which import gives back to that \
        row's text in the LANG column, as "prop:NAME" columns give the unit its own.

        Examples:
          verbale import old-memory.tmx
          verbale import --lang-map en-US=en,fr-FR=fr trados.tmx memoq.tmx
          verbale import --dry-run --json phrases.tsv
          verbale import --lang-map English=en,French=fr,Khmer=km memoq-export.csv
          verbale import --lang-map 'Khmer\\, Cambodia=km,English=en' excel.tsv
          verbale import --report personal-data.tsv notes-2021.tmx
          cat exported.tmx | verbale import -
          ssh archive cat notes-2019.tmx | verbale import --origin notes-2019.tmx -
        """)
    )

    @Argument(help: ArgumentHelp("Files to import (- for standard input).", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("The format of every file: tmx, xliff, tsv or csv. Default: recognised per file.", valueName: "format"))
    var format: String?

    @Option(name: .customLong("lang-map"), help: ArgumentHelp("Rewrite a language tag while importing (repeatable), e.g. en-US=en; or give a TSV/CSV header cell its language, e.g. English=en (\\, and \\= for a comma or = inside the cell).", valueName: "from=to"))
    var langMap: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Read, check and count everything, then keep no unit; a memory that does not exist is not created. (Opening the memory still brings its schema and stored analysis up to date, as every command does; --json then reports \"reanalysed\".)")
    var dryRun = false

    @Flag(help: "Print the summary as JSON on standard output.")
    var json = false

    @Flag(name: .customLong("keep-personal-data"), help: "Store texts as they are, without replacing personal data.")
    var keepPersonalData = false

    @Option(help: ArgumentHelp("Write where personal data was replaced (file, unit, language, type, original text, field) to this TSV file, created readable by you only (0600); - writes it to standard error.", valueName: "file"))
    var report: String?

    @Option(help: ArgumentHelp("The name the units read from standard input (-) are said to come from, in place of <stdin> (e.g. the file the data was piped from). Only its last path component is kept, and personal data in it is replaced as in file names.", valueName: "name"))
    var origin: String?

    @OptionGroup var memoryOption: MemoryOption

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to import (or - for standard input)") }
        if let origin {
            guard files.contains("-") else {
                throw ValidationError("--origin names what standard input (-) holds; the files given keep their own names as origin")
            }
            let name = FileOrigin.lastComponent(origin.trimmingWhitespace())
            guard !name.isEmpty, !name.contains("#"), !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw ValidationError("--origin \"\(origin)\": give a name such as notes-2021.tmx (not empty, no # or control characters)")
            }
        }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        if keepPersonalData, report != nil { throw ValidationError("--report lists replaced personal data; it cannot be used with --keep-personal-data") }
    }

    func run() throws {
        do { try importFiles() } catch {
            // `--json` answers with a document on failure too (review 1130d m9: stdout was
            // empty, and a tool had to parse the English on stderr), as `validate --json` does;
            // the message is still on stderr and the exit status unchanged.
            if json { try? printJSON(Failure(error: "\(error)")) }
            throw error
        }
    }

    /// What `import --json` (and `glossary import --json`) prints when the import fails: the
    /// error, and that nothing was imported (an import is all-or-nothing).
    struct Failure: Encodable {
        var error: String
        var added = 0
        var imported = false
    }

    private func importFiles() throws {
        // A missing file or a folder is a usage mistake (exit 64), said as every file-reading
        // command says it, before anything is opened or created (it was exit 1, in words of its own).
        for file in files { try InputText.requireFile(file) }
        let formatChoice: MemoryFormat?
        if let format {
            guard let chosen = MemoryFormat(rawValue: format.lowercased()) else {
                throw ValidationError("unknown format \"\(format)\"; use one of: \(MemoryFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            formatChoice = chosen
        } else {
            formatChoice = nil
        }
        let mapping = try LanguageMapping(parsing: langMap)
        // Everything that can refuse the command is checked before the memory is opened: opening
        // creates a memory that does not exist yet, and a refused import must leave no trace.
        let memoryPath = MemoryLocation.resolve(explicit: memoryOption.memory)
        let memoryExisted = FileManager.default.fileExists(atPath: memoryPath.path)
        // The report is the only place the replaced originals are kept: it must not overwrite
        // the memory or an input, and it must be writable before anything is imported (written
        // after the commit, a failure there lost the originals of a committed import).
        var reportFile: OutputFile?
        if let report, report != "-" {
            try OutputGuard.check(report, option: "--report", against: OutputGuard.memoryFiles(memoryPath) + OutputGuard.inputs(files))
            reportFile = try PersonalDataReport.prepare(report)
        }
        // An input refused before the memory is opened is told as one refused while importing
        // is (review 1130c, m12): what happened to the memory is said the same way.
        let untouched = dryRun ? "" : memoryExisted ? " (the memory is unchanged)" : " (no memory was created at \(memoryPath.path))"
        var sources: [any UnitSource] = []
        for file in files {
            let name = file == "-" ? origin.map { FileOrigin.lastComponent($0.trimmingWhitespace()) } : nil
            do { sources.append(try FormatUnitSource(path: file, format: formatChoice, origin: name, headerNames: mapping.headerNames)) } catch {
                throw CommandFailure("\(error); nothing was imported\(untouched)")
            }
        }
        let memory: SQLiteMemory
        // A dry run keeps nothing, so it creates no memory either (review 30 Nov, m7: it left an
        // empty one behind): against a memory that does not exist yet it reads into an empty one
        // of its own, in the temporary folder, removed when the command ends.
        var dryRunFolder: URL?
        var staging: NewMemoryStaging?
        defer { if let dryRunFolder { try? FileManager.default.removeItem(at: dryRunFolder) } }
        if dryRun, !memoryExisted {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verbale-dry-run-\(UUID().uuidString)")
            dryRunFolder = folder
            do { memory = try SQLiteMemory(path: folder.appendingPathComponent("memory.sqlite")) } catch let error as MemoryError {
                throw CommandFailure(error.description)
            }
        } else if !memoryExisted, let newMemory = try NewMemoryStaging.begin(final: memoryPath) {
            // A new memory is built under a hidden name and put in place when the import
            // succeeds: a failed one leaves nothing behind (review 1130, m9). (nil: another
            // import created it while this one waited for the folder's lock; it is used as is.)
            staging = newMemory
            do { memory = try memoryOption.open(creating: true, staged: newMemory.staging) } catch {
                newMemory.discard()
                throw error
            }
        } else {
            memory = try memoryOption.open(creating: true)
        }
        let options = ImportOptions(languageMap: mapping.tags, dryRun: dryRun, scrubPersonalData: !keepPersonalData,
                                    collectPersonalDataReport: report != nil)
        let total = sources.compactMap(\.totalBytes).reduce(0, +)
        let bar = Terminal.stderrIsTTY && total > 4 << 20 ? ProgressBar(total: total) : nil
        var summary: ImportSummary
        do {
            var progress: ImportProgress?
            if let bar {
                progress = { read, _ in bar.update(read) }
            }
            summary = try memory.importUnits(from: sources, options: options, progress: progress)
        } catch {
            bar?.clear()
            if let staging {
                // Nobody saw the new memory: it is removed, and the path is as it was.
                try? memory.close()
                staging.discard()
                let message = (error as? MemoryError)?.description(forNewMemoryAt: memoryPath.path) ?? "\(error) (no memory was created at \(memoryPath.path))"
                throw CommandFailure(message)
            }
            throw CommandFailure("\(error)")
        }
        bar?.clear()
        if let staging {
            do { try memory.closeCheckpointed() } catch {
                staging.discard()
                throw CommandFailure("cannot complete the new memory \(memoryPath.path): \(error); nothing was imported")
            }
            try staging.commit()
        }
        // What the readers ask the user to look at though nothing was left out (a table ending
        // inside a line, lang and xml:lang disagreeing: review 1130j m1, m3), with its place.
        for case let source as FormatUnitSource in sources {
            summary.addWarnings(kept: source.warnings, counts: source.warningCounts)
        }
        for case let .reanalysed(_, previous, seconds) in memory.notes {
            summary.reanalysed = ImportSummary.Reanalysis(previous: previous, seconds: seconds)
        }
        if let report {
            try PersonalDataReport.write(summary.findings, to: reportFile, named: report)
        }
        for file in summary.files where file.read == 0 {
            Terminal.writeError("warning: \(file.name) holds no translation units\n")
        }
        let used = sources.reduce(into: Set<String>()) { used, source in used.formUnion((source as? FormatUnitSource)?.headerNamesUsed ?? []) }
        for warning in mapping.unusedHeaderNameWarnings(used: used) { Terminal.writeError("warning: \(warning)\n") }
        for file in summary.files {
            for tag in file.unknownLanguages ?? [] {
                Terminal.writeError("warning: \(UnsupportedLanguageWarning.message(file: file.name, tag: tag))\n")
            }
        }
        if json {
            try printJSON(summary)
        } else {
            print(Self.describe(summary, memory: memoryPath.path, report: report))
        }
    }

    /// How many warnings the human summary lists (`--json` lists up to
    /// `ImportSummary.Warning.limit` a file).
    static let warningsShown = 10

    static func describe(_ summary: ImportSummary, memory: String, report: String?) -> String {
        func number(_ value: Int) -> String { value.formatted(.number) }
        /// `count` and `noun` in the number's form ("1 new unit", "2 new units"): review 1130j m5.
        func counted(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
            "\(number(count)) \(count == 1 ? noun : plural ?? noun + "s")"
        }
        var lines: [String] = []
        let verb = summary.dryRun ? "Would import" : "Imported"
        lines.append("\(verb) \(counted(summary.added, "new unit")) from \(counted(summary.files.count, "file")) into \(memory) (\(String(format: "%.1f", summary.seconds)) s)\(summary.dryRun ? " — dry run, nothing was kept" : "")")
        lines.append("  read \(number(summary.read)), added \(number(summary.added)) (\(counted(summary.alternatives, "alternative"))), merged \(counted(summary.merged, "duplicate")), skipped \(number(summary.skippedTotal))")
        for (reason, count) in summary.skipped.sorted(by: { $0.key < $1.key }) {
            lines.append("    skipped \(number(count)): \(reason)")
        }
        if summary.split > 0 {
            lines.append("  split \(counted(summary.split, "<tu>")) holding alternatives of one language (memoQ/Trados) into one unit per combination")
        }
        if summary.personalData.isEmpty {
            lines.append("  personal data replaced: none found")
        } else {
            let kinds = summary.personalData.sorted { $0.key < $1.key }.map { "\(number($0.value)) \($0.key)" }.joined(separator: ", ")
            lines.append("  personal data replaced: \(kinds)\(report.map { " (where: \($0))" } ?? "")")
        }
        if summary.files.count > 1 {
            for file in summary.files {
                lines.append("  \(file.name): read \(number(file.read)), added \(number(file.added)), merged \(number(file.merged)), skipped \(number(file.skipped))")
            }
        }
        for warning in summary.warnings.prefix(warningsShown) {
            lines.append("  warning: \(warning.message)")
        }
        let more = max(0, summary.warnings.count - warningsShown) + (summary.warningsNotListed ?? 0)
        if more > 0 { lines.append("  … and \(counted(more, "more warning")) of these kinds") }
        return lines.joined(separator: "\n")
    }
}

/// A one-line progress bar on standard error (only used when it is a terminal).
final class ProgressBar: @unchecked Sendable {
    private let total: Int64
    private let lock = NSLock()
    private var last = -1

    init(total: Int64) { self.total = total }

    func update(_ done: Int64) {
        let percent = Int(min(100, done * 100 / max(total, 1)))
        lock.lock()
        defer { lock.unlock() }
        guard percent != last else { return }
        last = percent
        let filled = percent * 30 / 100
        Terminal.writeError("\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled) + "] \(percent)%  \(done >> 20)/\(total >> 20) MB")
    }

    func clear() {
        Terminal.writeError("\r" + String(repeating: " ", count: 60) + "\r")
    }
}

/// The `--report` file: one row per replacement, TSV with a header. It holds the originals,
/// so it is readable by its owner only (0600).
enum PersonalDataReport {
    /// Checks, before the import, that the report can be written (its folder exists and is
    /// writable, or it is a writable device), without creating or changing anything: a refused
    /// import leaves no trace. The file is created 0600 from its first byte.
    static func prepare(_ path: String) throws -> OutputFile {
        do { return try OutputFile(path, permissions: 0o600) } catch {
            throw CommandFailure("cannot write the report: \(error); nothing was imported")
        }
    }

    /// Writes the report: to `file`, or to standard error for `--report -` (standard output
    /// carries the import's own summary). One row per replacement; `field` says where it was:
    /// `text` (the segment) or the field's name (`note`, `property:TYPE`, `origin`, …).
    static func write(_ findings: [PersonalDataFinding], to file: OutputFile?, named path: String) throws {
        // `field` comes last so that scripts reading the earlier columns by position keep working.
        var text = "file\tunit\tunit_id\tlanguage\ttype\tplaceholder\tstart\tend\toriginal\tfield\n"
        for finding in findings {
            let fields = [finding.file, String(finding.unit), finding.unitID ?? "", finding.language, finding.kind.rawValue,
                          finding.placeholder, String(finding.start), String(finding.end), finding.original, finding.field ?? "text"]
            text += fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t") + "\n"
        }
        guard let file else {
            FileHandle.standardError.write(Data(text.utf8))
            return
        }
        do { try file.write(Data(text.utf8)) } catch {
            throw CommandFailure("cannot write the report \(path): \(error) (the import itself succeeded)")
        }
    }
}
