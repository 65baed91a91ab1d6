import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleFormats
import VerbaleGlossary

struct GlossaryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the glossary as TBX, TSV or CSV.",
        discussion: HelpText.paragraphs("""
        tbx writes TBX-Basic v3 (ISO 30042:2019) and keeps everything (status, sources, review \
        marks as <admin type="x-review">, notes, unknown data categories); tbx2 writes the older \
        martif form; tsv/csv write the columns id, one per language (synonyms joined with "; "), \
        domain, note, and then per language each term's status, review, source, term type, part \
        of speech and usage ("km status", "km review", "km source", …; " | " between the terms' \
        values), so `glossary import` of the file gives back the same terms with the same marks \
        (definitions and other data categories need TBX). A file is written whole or not at \
        all (renamed into place when complete); a pipe or a device is written through. \
        TSV and CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, \
        a tab or a carriage return: a term "-ism", a source "+855 23 …", "=HYPERLINK(…)") are \
        written with a leading apostrophe, as `verbale export` writes them, which spreadsheets \
        show as text and `glossary import` removes again; --no-formula-guard writes them bare.

        Examples:
          verbale glossary export --format tbx all-terms.tbx
          verbale glossary export --format tsv --termbase shipped:diplomatic.tbx - \\
              > diplomatic.tsv
          verbale glossary export --format csv --no-formula-guard terms.csv
        """)
    )

    @Option(help: "tbx (v3), tbx2 (v2 martif), tsv or csv.") var format: String = "tbx"
    @Option(help: "Only this termbase (see `import`; shipped ones are named shipped:FILE).") var termbase: String?
    @Option(name: .customLong("language"), help: ArgumentHelp("A language column for tsv/csv (repeat; default: en, fr, km).", valueName: "tag")) var languages: [String] = []
    @OptionGroup var formulaGuard: FormulaGuardOption
    @OptionGroup var store: GlossaryStoreOptions
    @Argument(help: "The output file, or - for standard output.") var output: String

    func run() throws {
        let concepts = try store.open().concepts(termbase: termbase)
        let text: String
        switch format.lowercased() {
        case "tbx", "tbx3", "tbx2":
            let writer = TBXWriter(version: format.lowercased() == "tbx2" ? .v2 : .v3)
            text = writer.start(TBXHeader(version: writer.version, sourceDescriptions: ["Exported by Verbale \(VerbaleVersion.current)"]))
                + concepts.map(writer.entry).joined() + writer.end()
        case "tsv", "csv":
            let tags = languages.isEmpty ? [LanguageTag(.english), LanguageTag(.french), LanguageTag(.khmer)] : try languages.map(glossaryLanguage)
            text = GlossaryCSV.write(concepts, languages: tags, delimiter: format.lowercased() == "csv" ? .comma : .tab,
                                     formulaGuard: formulaGuard.isOn)
        default:
            throw ValidationError("--format must be tbx, tbx2, tsv or csv")
        }
        if output == "-" {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            do { try OutputFile(output).write(Data(text.utf8)) } catch { throw GlossaryCLIError("cannot write the output: \(error)") }
        }
    }
}
