import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleFormats
import VerbaleMemory

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the translation memory as TMX, XLIFF (2.0 or 1.2), TSV or CSV.",
        discussion: HelpText.paragraphs("""
        Streams every unit (or those with a variant in --langs, keeping only those languages). \
        TMX keeps all metadata (dates, users, origin, notes, properties, review status as \
        <prop type="x-review">), so importing the file again gives back the same memory. \
        TSV keeps texts, note, origin and review, and each text's own review status in a \
        "km review" (LANG review) column where it differs from the unit's: unreviewed Khmer \
        stays unreviewed when the table is imported again. Without --langs a table has a \
        column per language tag the memory holds (en, en-GB, km-KH); with --langs, a column \
        holding texts of a more precise tag (en-GB under en) is followed at the end by an \
        "en language" (LANG language) column naming each text's own tag, so the region comes \
        back on import. Last come context-pre and context-post: each unit's context keys, \
        empty for none, so 101 context matches survive the table. \
        --property-columns adds, after review, a prop:NAME column for each property the units \
        carry (prop:x-client), which import reads back, so a table keeps its properties through \
        import and export, and at the very end a "LANG prop:NAME" column for each property \
        of one language's texts (km prop:x-state-qualifier), given back to that text on import; \
        without it the columns are as above (scripts read them), and the \
        units' and texts' properties are counted on stderr as not written. \
        --format xliff writes XLIFF 2.0; \
        --format xliff12 writes XLIFF 1.2 for older CAT tools (Trados 2007, memoQ, Wordfast), \
        which keeps texts, tags, notes, review state and contexts but not dates, users or origins; \
        a target imported with a state-qualifier (exact-match, mt-suggestion, …) gets it back \
        when XLIFF 1.2 allows the value. \
        XLIFF is bilingual: a memory of \
        more than two languages needs --langs SOURCE,TARGET (one file per pair); units with no \
        target text are written with their source alone and counted on stderr. With --langs, \
        a TMX or TSV unit having text in only one of the languages is left out and counted on \
        stderr (it would be no translation; importing it again skips it). \
        A file is written under a temporary name beside it and renamed when complete (a link \
        keeps pointing at it); a terminal, a pipe or a device such as /dev/null is written \
        through, never replaced. \
        TSV and CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, \
        a tab or a carriage return: "- bullet", "+855 23 …", "=HYPERLINK(…)") are written with \
        a leading apostrophe, which Excel and LibreOffice show as text and which import removes \
        again; --no-formula-guard writes them bare.

        Examples:
          verbale export --format tmx backup.tmx
          verbale export --format tsv --langs en,fr,km phrases.tsv
          verbale export --format xliff --langs en,km - | less
          verbale export --format xliff12 --langs en,fr for-trados-2007.xlf
          verbale export --format csv --no-formula-guard phrases.csv
          verbale export --format tsv --property-columns phrases.tsv
        """)
    )

    @Option(help: ArgumentHelp("One of: tmx, xliff (XLIFF 2.0), xliff12 (XLIFF 1.2), tsv, csv.", valueName: "format"))
    var format: String

    @Option(help: ArgumentHelp("Only these languages, comma-separated BCP 47 tags (e.g. en,fr,km). XLIFF holds one pair: two tags, the source first (en,km); without --langs it takes the memory's two languages and refuses a memory of more.", valueName: "tags"))
    var langs: String?

    @OptionGroup var formulaGuard: FormulaGuardOption

    @Flag(name: .customLong("property-columns"), help: "TSV/CSV: also write a prop:NAME column (after review) for each unit property the memory holds, and a LANG prop:NAME column (last) for each property of a language's texts (km prop:x-state-qualifier), as import reads them; off by default so the columns keep their places.")
    var propertyColumns = false

    @Argument(help: ArgumentHelp("The output file, or - for standard output.", valueName: "out"))
    var output: String

    @OptionGroup var memoryOption: MemoryOption

    func validate() throws {
        let chosen = try ExportFormat(format)
        if propertyColumns, chosen.format != .tsv, chosen.format != .csv {
            throw ValidationError("--property-columns is for --format tsv or csv (TMX and XLIFF keep every property)")
        }
    }

    func run() throws {
        let chosen = try ExportFormat(format)
        var languages: [LanguageTag]?
        if let langs {
            do {
                languages = try langs.split(separator: ",").map { try LanguageTag(String($0).trimmingWhitespace()) }
            } catch {
                throw ValidationError("--langs \(langs): \(error)")
            }
        }
        let memory = try memoryOption.open()
        try OutputGuard.check(output, option: "the output", against: OutputGuard.memoryFiles(memory.path))
        let destination: OutputFile
        do { destination = try OutputFile(output) } catch { throw CommandFailure(error.description) }
        do {
            let sink = try destination.open()
            let summary: MemoryExport.Summary
            do {
                summary = try MemoryExport.run(memory, format: chosen.format, languages: languages, to: sink,
                                               formulaGuard: formulaGuard.isOn, xliffVersion: chosen.xliffVersion,
                                               propertyColumns: propertyColumns)
            } catch {
                destination.discard()
                throw error
            }
            try destination.commit()
            if !destination.isStandardStream {
                let pair = summary.pair.map { " (\($0.source) → \($0.target))" } ?? ""
                Terminal.writeError("Exported \(summary.units.formatted(.number)) \(summary.units == 1 ? "unit" : "units") to \(output)\(pair)\n")
            }
            if let pair = summary.pair, summary.withoutTarget > 0 {
                let count = summary.withoutTarget
                Terminal.writeError("verbale: \(count.formatted(.number)) of them \(count == 1 ? "has" : "have") no \(pair.target) text: written with the \(pair.source) source alone, to be translated\n")
            }
            if let pair = summary.pair, summary.leftOut > 0 {
                let count = summary.leftOut
                Terminal.writeError("verbale: \(count.formatted(.number)) \(count == 1 ? "unit" : "units") with no \(pair.source) text left out\n")
            } else if summary.pair == nil, summary.leftOut > 0, let languages {
                let count = summary.leftOut
                let names = languages.map(\.description).joined(separator: ", ")
                Terminal.writeError("verbale: \(count.formatted(.number)) \(count == 1 ? "unit" : "units") with text in only one of \(names) left out (a unit of one language is no translation)\n")
            }
            if summary.textsWithoutTags > 0 || summary.unitsWithoutIDs > 0 || summary.unitsWithoutProperties > 0 {
                // Review 1130d m10: a table dropped them without a word; 1130e m3: properties too
                // (the shipped formulas' provenance), named so the user knows what is gone.
                var lost: [String] = []
                let tags = summary.textsWithoutTags, ids = summary.unitsWithoutIDs, props = summary.unitsWithoutProperties
                if tags > 0 { lost.append("\(tags.formatted(.number)) \(tags == 1 ? "text" : "texts") without \(tags == 1 ? "its" : "their") inline tags") }
                if ids > 0 { lost.append("\(ids.formatted(.number)) \(ids == 1 ? "unit" : "units") without \(ids == 1 ? "its" : "their") id (tuid)") }
                if props > 0 {
                    let types = summary.droppedPropertyTypes
                    let named = types.prefix(6).joined(separator: ", ") + (types.count > 6 ? ", …" : "")
                    lost.append("\(props.formatted(.number)) \(props == 1 ? "unit" : "units") without \(props == 1 ? "its" : "their") properties (\(named))")
                }
                // Review 1130i m4: the units' own properties have columns when asked for, and the
                // texts' own too (LANG prop:NAME).
                let option = !propertyColumns && summary.unitsWithoutProperties > 0
                    ? "; --property-columns writes the units' own in prop:NAME columns and the texts' own in LANG prop:NAME columns" : ""
                Terminal.writeError("verbale: written \(lost.joined(separator: " and ")): \(chosen.format.rawValue.uppercased()) has no column for them; --format tmx or xliff keeps them\(option)\n")
            }
            if summary.textsLeftOut > 0 {
                let count = summary.textsLeftOut
                Terminal.writeError("verbale: \(count.formatted(.number)) \(count == 1 ? "text" : "texts") left out: \(count == 1 ? "its unit has" : "their units have") another text for the same column (en-GB beside en-US under en); export without --langs (a column per tag) or as TMX keeps them\n")
            }
        } catch let error as ExportError {
            // XLIFF's one-pair rule is met by the options (`--langs`), as `--langs en,xx` is: a
            // usage mistake, exit 64 with the usage line (review 1130i m8; it was 1).
            throw ValidationError(error.description)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}

/// What `export --format` accepts: the memory formats, with XLIFF in two versions (`xliff` is
/// 2.0, the contract of issue 1; `xliff12` is 1.2).
struct ExportFormat: Equatable {
    var format: MemoryFormat
    var xliffVersion: XLIFFVersion = .v2_0

    /// Every accepted value, in the order the help and the error list them.
    static let names: [(String, ExportFormat)] = [
        ("tmx", ExportFormat(format: .tmx)), ("xliff", ExportFormat(format: .xliff)),
        ("xliff12", ExportFormat(format: .xliff, xliffVersion: .v1_2)), ("tsv", ExportFormat(format: .tsv)), ("csv", ExportFormat(format: .csv)),
    ]
    static let accepted = names.map(\.0).joined(separator: ", ")

    init(format: MemoryFormat, xliffVersion: XLIFFVersion = .v2_0) {
        self.format = format
        self.xliffVersion = xliffVersion
    }

    /// The format named `name` (any case); a `ValidationError` listing exactly the accepted
    /// values otherwise.
    init(_ name: String) throws {
        guard let found = Self.names.first(where: { $0.0 == name.lowercased() }) else {
            throw ValidationError("unknown format \"\(name)\"; use one of: \(Self.accepted)")
        }
        self = found.1
    }
}
