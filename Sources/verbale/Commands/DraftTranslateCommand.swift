import ArgumentParser
import Foundation
import VerbaleFormats
import VerbaleCore
import VerbaleDraft
import VerbaleMemory

struct DraftTranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Pre-translate a draft note into other languages, segment by segment.",
        discussion: HelpText.paragraphs("""
        Each segment gets the memory's best match (score ≥ --min), or else a translation
        assembled from the stock phrases of the shipped memory, institution names, glossary
        entities (countries…; the termbases imported into the memory with `glossary import`
        before the shipped ones, whose renderings they replace) and placeables (dates rewritten in the target language, reference
        numbers carried over; names with digits such as COVID-19, phone numbers and e-mail
        addresses carried whole, as typed). A place-and-date line is written as `draft new`
        writes it ("Genève, le 12 janvier 2021"). What Verbale does not know stays in the source language inside
        ⟦…⟧; wordings no source attests (all Khmer formulas) are marked [unreviewed]. Every
        segment shows its score (memory score, or share of words translated, at most 99),
        method and flags. A fuzzy memory match (below 100) translates another sentence: it is
        marked after the segment with what the draft differs by, as `search` writes it
        ([fuzzy 94%: +not]: "not" is in the draft but not in the match's translation), and is
        not counted as fully translated. JSON adds `unreviewed`, `differences` and `fuzzyMark`
        to every target.

        The memory: --memory PATH, else $VERBALE_MEMORY, else the default memory when it has a
        match index, else the shipped stock phrases alone (said on standard error).

        Formats: text (the documents, then per-segment scores; with --output the file holds
        the translated note alone, ready to edit and send — one --to language — and the
        scores go to standard error), markdown (a table), json,
        xliff (XLIFF 2.0, one target language; assembled and fuzzy segments are
        state="initial", a fuzzy match's differences in a note; a segment not fully
        translated is subState="verbale:needs-translation", which import leaves out), docx
        (Word; needs --output or a redirected standard output).

        Examples:
          verbale draft translate Examples/transmittal.txt --to fr,km
          verbale draft translate Examples/agrement-request.txt --to fr \\
              --format xliff > agrement.fr.xlf
          verbale draft translate Examples/visa-request.txt --to fr,km --format docx \\
              --output visa.docx
          cat draft.txt | verbale draft translate - --to km --format json
        """)
    )

    @Argument(help: "The draft to pre-translate, or - for standard input.") var file: String?
    @Option(name: .long, help: ArgumentHelp("Target languages, comma-separated BCP 47 tags.", valueName: "tags")) var to: String
    @Option(name: .long, help: ArgumentHelp("Language of the draft (default: detected).", valueName: "tag")) var lang: String?
    @Option(name: .long, help: "Output format: text, markdown, json, xliff or docx.") var format = "text"
    @Option(name: .long, help: ArgumentHelp("The memory to match against (SQLite file with its .match index, .match, or a TMX/XLIFF/TSV file).", valueName: "path")) var memory: String?
    @Option(name: .long, help: "Lowest memory score used instead of assembly (1–100).") var min = 75
    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output (text: the note alone, in one language; the report on standard error).", valueName: "path")) var output: String?
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing (the error message offers it).") var lossy = false

    func validate() throws {
        guard ["text", "markdown", "json", "xliff", "docx"].contains(format) else {
            throw ValidationError("--format must be text, markdown, json, xliff or docx (got \(format))")
        }
        guard (1...100).contains(min) else { throw ValidationError("--min must be between 1 and 100") }
    }

    /// The target languages without the draft's own (review 1130b m12): translating a draft
    /// into its own language printed nothing and exited 0, and `--to en,fr` on English dropped
    /// `en` without a word. Only the draft's language asked: refused (exit 64); beside others:
    /// skipped, said on stderr. Cost: none.
    static func targets(_ asked: [Language], source: Language, given: String) throws -> [Language] {
        let others = asked.filter { $0 != source }
        guard others.count < asked.count else { return asked }
        guard !others.isEmpty else {
            throw ValidationError("--to \(given): the draft is already \(source.englishName) (detected or given with --lang); give another language, e.g. --to \(source == .english ? "fr" : "en")")
        }
        Terminal.writeError("note: --to \(source.rawValue) skipped: the draft is already \(source.englishName)\n")
        return others
    }

    /// The tag typed in `--to` for each target (`fr-CA` for `fr`), and on stderr, for a tag
    /// that names more than the language, that the translation is in the language alone:
    /// Verbale's phrases, names and dates are not regional (review 1130g m12 — reporting
    /// `fr-CA` would claim a Canadian French Verbale does not write). XLIFF keeps the tag as
    /// `trgLang`, so a CAT tool opens the file in the user's locale. Cost: none.
    static func requestedTags(_ given: String, for targets: [Language], xliff: Bool) -> [String] {
        let typed = given.split(separator: ",").compactMap { try? LanguageTag(String($0)) }
        return targets.map { language in
            guard let tag = typed.first(where: { $0.language == language }) else { return language.rawValue }
            if tag.description != language.rawValue {
                Terminal.writeError("note: --to \(tag): written in \(language.englishName) (\(language.rawValue)), which Verbale does not "
                                    + "write per region; reported as \(language.rawValue)\(xliff ? ", and \(tag) is the XLIFF's trgLang" : "")\n")
            }
            return tag.description
        }
    }

    func run() throws {
        let asked = try parseLanguages(to)
        // `--output` naming the draft (or the memory) wrote the translation over it, exit 0
        // (review 1130d M9): refused before anything is read, as `export` and `import --report` do.
        if let output {
            try OutputGuard.check(output, option: "--output", against: OutputGuard.inputs([file ?? "-"])
                                  + OutputGuard.memoryFiles(MemoryLocation.resolve(explicit: memory)))
        }
        let input = try InputText.read(file, lossy: lossy)
        guard !input.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("\(input.name): the draft is empty")
        }
        let source = try LanguageOption(lang: lang).resolve(for: input.text)
        let targets = try Self.targets(asked, source: source, given: to)
        if format == "xliff", targets.count != 1 {
            throw ValidationError("XLIFF is bilingual: give one target language with --to (got \(to))")
        }
        // A text --output file is the note itself (review 1201b m8), and a note is in one
        // language: any separator between two would be a line to delete before sending.
        if format == "text", output != nil, targets.count != 1 {
            throw ValidationError("--output in the text format writes one translated note, in one language: give one language with --to "
                                  + "(got \(to)) and run once per language, or write every language to one file with --format markdown, json or docx")
        }
        // The ministry's own termbase (imported into the memory) before the shipped ones: its
        // renderings are the ones drafted (review 1130h M4).
        let imported = try MatchMemoryOptions.importedConcepts(memory: memory)
        let glossary: DraftGlossary?
        do { glossary = try DraftGlossary.shipped(adding: imported) } catch { throw ValidationError(error.description) }
        let translator = try Pretranslator(book: try StockPhraseBook.shipped(), sourceLanguage: source,
                                           matcher: try loadMatcher(), glossary: glossary)
        translator.threshold = min
        var result = translator.pretranslate(input.text, to: targets)
        result.requestedLanguages = Self.requestedTags(to, for: targets, xliff: format == "xliff")
        let data: Data
        switch format {
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            data = try encoder.encode(result) + Data("\n".utf8)
        case "markdown": data = Data(PretranslationRendering.markdown(result).utf8)
        case "xliff":
            // The tag as typed (`--to km-KH` stays km-KH) and the draft's own name, not a path.
            let targetTag = try? LanguageTag(to.trimmingCharacters(in: .whitespaces))
            let original = input.name == "<stdin>" ? "stdin" : URL(fileURLWithPath: input.name).lastPathComponent
            data = try PretranslationRendering.xliff(result, target: targets[0], targetTag: targetTag, original: original)
        case "docx":
            guard output != nil || !Terminal.stdoutIsTTY else {
                throw ValidationError("a .docx file is binary: give --output FILE.docx (or redirect standard output)")
            }
            data = try DocxDocument(result).data()
        default:
            // With --output the file gets the note alone and the report goes to stderr (review
            // 1201b m8: the heading and segment table in the file made it a report, not a note);
            // standard output keeps the report with the note in it, as documented.
            data = Data((output == nil ? PretranslationRendering.text(result) : PretranslationRendering.note(result, in: targets[0])).utf8)
        }
        if let output {
            do { try OutputFile(output).write(data) } catch {
                throw CommandFailure("cannot write the output: \(error)")
            }
            if format == "text" { Terminal.writeError(PretranslationRendering.textReport(result)) }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// The memory to match against, or the shipped phrases when there is none.
    private func loadMatcher() throws -> FuzzyMatcher? {
        var options = MatchMemoryOptions()
        options.memory = memory
        do {
            return try options.load()
        } catch {
            if memory != nil || !(ProcessInfo.processInfo.environment["VERBALE_MEMORY"] ?? "").isEmpty { throw error }
            Terminal.writeError("note: no memory with a match index; matching against the shipped stock phrases only\n")
            return try MatchMemoryOptions.shippedPhrases()
        }
    }
}
