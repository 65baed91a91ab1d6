import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleFormats
import VerbaleGlossary
import VerbaleMemory

struct GlossaryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import TBX, CSV or TSV termbases into the glossary.",
        discussion: HelpText.paragraphs("""
        TBX v2 (martif) and v3 (ISO 30042:2019, TBX-Basic) are read by content; .csv and .tsv \
        (or .txt) either start with a header row of language tags (en, fr, km, plus id, domain, \
        note, source, status, review, and per language "km status", "km review", "km source", \
        "km term type", "km part of speech", "km usage" as `glossary export` writes them) or \
        are OmegaT glossaries (source, target, comment: give \
        --source-lang and --target-lang). All files are imported in one transaction: on any \
        error nothing is stored. A concept whose id already exists in its termbase is replaced \
        when it changed; the report says which.

        Personal data in the free texts of the terms — definitions, notes, sources, usage \
        notes, TBX descrip/note/admin/transacNote — is replaced by placeholders such as {PERSON} \
        and {EMAIL}, as `verbale import` replaces it; the terms themselves are left as they \
        are. --report FILE writes where, with the original text: that report is the ONLY place \
        the originals are kept, so protect or delete it. --keep-personal-data stores them as \
        they are.

        The termbase's name and file name are scrubbed the same way, as `verbale import` \
        scrubs a unit's origin: jane.doe@mfa.gov.kh.tbx becomes the termbase {EMAIL}, with a \
        note on standard error.

        Terms in a language Verbale does not support (a column or langSet headed de, or kh — \
        the usual mislabel of Khmer) are kept as they are, with a warning that counts them and \
        gives the line and column of the first langSet or header cell in that language; \
        --lang-map kh=km rewrites a tag while importing.

        A spreadsheet whose header names its languages in words (English, French, Khmer) is \
        refused with the --lang-map that reads it: --lang-map English=en,French=fr,Khmer=km \
        takes each header cell so named as that language's column (any case; the right side \
        is always a language tag). Nothing is guessed from a header's words.

        A term-property header with a typo ("km stat", "fr-FR sttus": a language tag, a space \
        and words close to status, review, source, term type, part of speech or usage) is \
        refused at FILE:1:COLUMN with the header it seems meant to be ("km status"), unless \
        the column is empty in every row (memoQ writes such columns).

        A table whose last line has no line end is imported as it stands, with \
        "warning: FILE:LINE:COLUMN: the file ends inside line N without a line end: \
        truncated? …" under its summary (--json: "warnings", each with file, line, column, \
        kind, message, as `verbale import --json` lists them): look at that row, or end the \
        file with a line break. A file cut inside a character (head -c through Khmer) is \
        refused as truncated.

        Examples:
          verbale glossary import ministry-terms.tbx
          verbale glossary import --termbase protocol protocol.tsv
          verbale glossary import --source-lang en --target-lang fr glossary.txt
          verbale glossary import --lang-map kh=km --report personal-data.tsv terms.tsv
          verbale glossary import --lang-map English=en,French=fr,Khmer=km phrases.csv
          cat terms.tbx | verbale glossary import --format tbx -
        """)
    )

    @Option(help: "Termbase name to import into (default: each file's base name).") var termbase: String?
    @Option(help: "Format when the extension does not say: tbx, tsv, csv.") var format: String?
    @Option(help: ArgumentHelp("Source language of an OmegaT glossary (no header row).", valueName: "tag")) var sourceLang: String?
    @Option(help: ArgumentHelp("Target language of an OmegaT glossary (no header row).", valueName: "tag")) var targetLang: String?
    @Option(name: .customLong("lang-map"), help: ArgumentHelp("Rewrite a language tag while importing, or name a CSV/TSV header cell's language (repeatable), e.g. kh=km, English=en (\\, and \\= for a comma or = inside the cell).", valueName: "from=to"))
    var langMap: [String] = []
    @Flag(name: .customLong("keep-personal-data"), help: "Store definitions, notes and sources as they are, without replacing personal data.")
    var keepPersonalData = false
    @Option(help: ArgumentHelp("Write where personal data was replaced (file, concept, language, type, original text, field) to this TSV file, created readable by you only (0600); - writes it to standard error.", valueName: "file"))
    var report: String?
    @Flag(help: "Print the import reports as JSON.") var json = false
    @OptionGroup var store: GlossaryStoreOptions
    @Argument(help: "The files to import (- for standard input).") var files: [String]

    func run() throws {
        do { try importFiles() } catch {
            // `--json` answers with a document on failure too, as `verbale import --json` does
            // (review 1130g m6: stdout was empty, and a tool had to parse the English on
            // stderr); the message is still on stderr and the exit status unchanged.
            if json { try? printJSON(ImportCommand.Failure(error: "\(error)")) }
            throw error
        }
    }

    private func importFiles() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file to import") }
        // A missing file or a folder is a usage mistake (exit 64), said in words before anything
        // is created — a folder gave Foundation's "couldn't be opened" (review 1130b m10), a
        // missing file exit 1 (review 1130d m1).
        for file in files { try InputText.requireFile(file) }
        if keepPersonalData, report != nil { throw ValidationError("--report lists replaced personal data; it cannot be used with --keep-personal-data") }
        let mapping = try LanguageMapping(parsing: langMap)
        // The report is the only place the replaced originals are kept: checked writable (and
        // not the memory or an input) before anything is imported, as `verbale import` does.
        var reportFile: OutputFile?
        if let report, report != "-" {
            try OutputGuard.check(report, option: "--report", against: OutputGuard.memoryFiles(MemoryLocation.resolve(explicit: store.memory))
                                  + OutputGuard.inputs(files))
            reportFile = try PersonalDataReport.prepare(report)
        }
        let scrubbing = keepPersonalData ? nil : try TermScrubbing()
        let termLanguages = TermLanguages(map: mapping.tags)
        let chosen: GlossaryImport.Format? = try format.map {
            guard let value = GlossaryImport.Format(rawValue: $0.lowercased()) else { throw ValidationError("--format must be tbx, tsv or csv") }
            return value
        }
        var languages: (source: LanguageTag, target: LanguageTag)?
        if let sourceLang, let targetLang { languages = (try glossaryLanguage(sourceLang), try glossaryLanguage(targetLang)) }
        else if sourceLang != nil || targetLang != nil { throw ValidationError("give both --source-lang and --target-lang") }
        let database = try store.open(creating: true)
        var jobs: [TermbaseStore.ImportJob] = []
        let attention = FileWarnings()
        for file in files {
            let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : nil
            if file == "-" && chosen == nil { throw ValidationError("reading standard input needs --format") }
            let name = file == "-" ? "<stdin>" : file
            do {
                var job = try GlossaryImport.job(name, data: data, termbase: termbase ?? (file == "-" ? "stdin" : nil), format: chosen, languages: languages,
                                                 headerNames: mapping.headerNames,
                                                 languagesFound: { termLanguages.found($0, file: name) },
                                                 headerNamesFound: { termLanguages.foundHeaderNames($0) },
                                                 warningsFound: { attention.add($0, file: name) })
                job = termLanguages.wrap(job, file: name)
                if let scrubbing { job = scrubbing.wrap(job, file: name) }
                jobs.append(job)
            } catch {
                // Nothing is imported until every file's job is made (one batch): say so, as a
                // reader's error does (review 1130e m8).
                throw GlossaryCLIError("\(error)\nnothing was imported")
            }
        }
        var reports: [TermbaseStore.ImportReport]
        do { reports = try database.importBatch(jobs) } catch {
            throw GlossaryCLIError("\(error)\nnothing was imported")
        }
        let names = files.map { $0 == "-" ? "<stdin>" : $0 }
        if let scrubbing {
            for index in reports.indices where index < names.count {
                let counts = scrubbing.counts(file: names[index])
                if !counts.isEmpty { reports[index].personalData = counts }
            }
            if let report { try PersonalDataReport.write(scrubbing.findings, to: reportFile, named: report) }
            var noted: Set<String> = []
            for name in names where noted.insert(name).inserted {
                if let note = scrubbing.renameNote(file: name) { Terminal.writeError(note + "\n") }
            }
        }
        for name in names { for warning in termLanguages.warnings(file: name) { Terminal.writeError(warning + "\n") } }
        for warning in mapping.unusedHeaderNameWarnings(used: termLanguages.headerNamesUsed) { Terminal.writeError("warning: \(warning)\n") }
        if json {
            try printJSON(reports.enumerated().map { index, item in
                ReportWithWarnings(report: item, warnings: index < names.count ? attention.listed(file: names[index]) : [])
            })
            return
        }
        for (index, item) in reports.enumerated() {
            var line = "\(item.termbase): \(item.added) concepts added, \(item.replaced.count) replaced, \(item.unchanged) unchanged (\(item.terms) terms written)"
            if !item.replaced.isEmpty { line += "\n  replaced: " + item.replaced.prefix(20).joined(separator: ", ") + (item.replaced.count > 20 ? ", …" : "") }
            if let counts = item.personalData {
                let kinds = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                line += "\n  personal data replaced: \(kinds)\(report.map { " (where: \($0))" } ?? " (--keep-personal-data keeps it)")"
            }
            for warning in index < names.count ? attention.listed(file: names[index]) : [] { line += "\n  warning: \(warning.message)" }
            print(line)
        }
    }
}

/// The places a file's reader asked the user to look at though nothing was left out (a last
/// line without a line end: truncated?), kept per file name while the batch imports.
private final class FileWarnings {
    private var byFile: [String: [FormatWarning]] = [:]

    func add(_ warnings: [FormatWarning], file: String) { byFile[file, default: []] += warnings }

    /// The file's warnings as `verbale import --json` lists them (`ImportSummary.Warning`).
    func listed(file: String) -> [ImportSummary.Warning] {
        (byFile[file] ?? []).prefix(ImportSummary.Warning.limit).map(ImportSummary.Warning.init)
    }
}

/// One file's report with its `warnings` beside the documented fields (`TermbaseStore.ImportReport`
/// encodes those; this adds one key to the same JSON object), an empty list when there are none.
private struct ReportWithWarnings: Encodable {
    var report: TermbaseStore.ImportReport
    var warnings: [ImportSummary.Warning]

    private enum CodingKeys: String, CodingKey { case warnings }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(warnings, forKey: .warnings)
    }
}
