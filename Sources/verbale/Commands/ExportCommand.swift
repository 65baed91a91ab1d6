import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleFormats
import VerbaleMemory

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the translation memory as TMX, XLIFF or TSV.",
        discussion: """
        Streams every unit (or those with a variant in --langs, keeping only those languages). \
        TMX keeps all metadata (dates, users, origin, notes, properties, review status as \
        <prop type="x-review">), so importing the file again gives back the same memory. \
        TSV keeps texts, note, origin and review, and each text's own review status in a \
        "km review" (LANG review) column where it differs from the unit's: unreviewed Khmer \
        stays unreviewed when the table is imported again. \
        The output file is written under a temporary name and renamed when complete.

        Examples:
          verbale export --format tmx backup.tmx
          verbale export --format tsv --langs en,fr,km phrases.tsv
          verbale export --format xliff --langs en,km - | less
        """
    )

    @Option(help: ArgumentHelp("tmx, xliff or tsv.", valueName: "format"))
    var format: String

    @Option(help: ArgumentHelp("Only these languages, comma-separated BCP 47 tags (e.g. en,fr,km); the first is the source for XLIFF.", valueName: "tags"))
    var langs: String?

    @Argument(help: ArgumentHelp("The output file, or - for standard output.", valueName: "out"))
    var output: String

    @OptionGroup var memoryOption: MemoryOption

    func run() throws {
        guard let chosen = MemoryFormat(rawValue: format.lowercased()) else {
            throw ValidationError("unknown format \"\(format)\"; use tmx, xliff or tsv")
        }
        var languages: [LanguageTag]?
        if let langs {
            do {
                languages = try langs.split(separator: ",").map { try LanguageTag(parsing: String($0)) }
            } catch {
                throw ValidationError("--langs \(langs): \(error)")
            }
        }
        let memory = try memoryOption.open()
        try OutputGuard.check(output, option: "the output", against: OutputGuard.memoryFiles(memory.path))
        let toStdout = output == "-"
        let finalURL = URL(fileURLWithPath: output)
        let partial = finalURL.deletingLastPathComponent().appendingPathComponent(".\(finalURL.lastPathComponent).partial")
        do {
            let sink = toStdout ? ByteSink(fileHandle: .standardOutput, name: "<stdout>") : try ByteSink(url: partial)
            let count = try MemoryExport.export(memory, format: chosen, languages: languages, to: sink)
            if !toStdout {
                _ = try? FileManager.default.removeItem(at: finalURL)
                try FileManager.default.moveItem(at: partial, to: finalURL)
                Terminal.writeError("Exported \(count.formatted(.number)) units to \(output)\n")
            }
        } catch {
            if !toStdout { try? FileManager.default.removeItem(at: partial) }
            throw CommandFailure("\(error)")
        }
    }
}
