import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleGlossary

struct GlossaryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import TBX, CSV or TSV termbases into the glossary.",
        discussion: """
        TBX v2 (martif) and v3 (ISO 30042:2019, TBX-Basic) are read by content; .csv and .tsv \
        (or .txt) either start with a header row of language tags (en, fr, km, plus id, domain, \
        note, source, status, review, and per language "km status", "km review", "km source", \
        "km term type", "km part of speech", "km usage" as `glossary export` writes them) or \
        are OmegaT glossaries (source, target, comment: give \
        --source-lang and --target-lang). All files are imported in one transaction: on any \
        error nothing is stored. A concept whose id already exists in its termbase is replaced \
        when it changed; the report says which.

        Examples:
          verbale glossary import ministry-terms.tbx
          verbale glossary import --termbase protocol protocol.tsv
          verbale glossary import --source-lang en --target-lang fr glossary.txt
          cat terms.tbx | verbale glossary import --format tbx -
        """
    )

    @Option(help: "Termbase name to import into (default: each file's base name).") var termbase: String?
    @Option(help: "Format when the extension does not say: tbx, tsv, csv.") var format: String?
    @Option(help: ArgumentHelp("Source language of an OmegaT glossary (no header row).", valueName: "tag")) var sourceLang: String?
    @Option(help: ArgumentHelp("Target language of an OmegaT glossary (no header row).", valueName: "tag")) var targetLang: String?
    @Flag(help: "Print the import reports as JSON.") var json = false
    @OptionGroup var store: GlossaryStoreOptions
    @Argument(help: "The files to import (- for standard input).") var files: [String]

    func run() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file to import") }
        let chosen: GlossaryImport.Format? = try format.map {
            guard let value = GlossaryImport.Format(rawValue: $0.lowercased()) else { throw ValidationError("--format must be tbx, tsv or csv") }
            return value
        }
        var languages: (source: LanguageTag, target: LanguageTag)?
        if let sourceLang, let targetLang { languages = (try glossaryLanguage(sourceLang), try glossaryLanguage(targetLang)) }
        else if sourceLang != nil || targetLang != nil { throw ValidationError("give both --source-lang and --target-lang") }
        let database = try store.open(creating: true)
        var jobs: [TermbaseStore.ImportJob] = []
        for file in files {
            let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : nil
            if file == "-" && chosen == nil { throw ValidationError("reading standard input needs --format") }
            do {
                jobs.append(try GlossaryImport.job(file == "-" ? "<stdin>" : file, data: data,
                                                   termbase: termbase ?? (file == "-" ? "stdin" : nil), format: chosen, languages: languages))
            } catch { throw GlossaryCLIError("\(error)") }
        }
        let reports: [TermbaseStore.ImportReport]
        do { reports = try database.importBatch(jobs) } catch {
            throw GlossaryCLIError("\(error)\nnothing was imported")
        }
        if json { try printJSON(reports); return }
        for report in reports {
            var line = "\(report.termbase): \(report.added) concepts added, \(report.replaced.count) replaced, \(report.unchanged) unchanged (\(report.terms) terms written)"
            if !report.replaced.isEmpty { line += "\n  replaced: " + report.replaced.prefix(20).joined(separator: ", ") + (report.replaced.count > 20 ? ", …" : "") }
            print(line)
        }
    }
}
