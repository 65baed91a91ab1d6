import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleGlossary

/// `verbale glossary …`: look up, recognise, check, import and export terminology.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Look up diplomatic terminology and country names in English, French and Khmer.",
        discussion: HelpText.paragraphs("""
        The termbase lives in the same SQLite file as the memory (--memory PATH, $VERBALE_MEMORY, \
        or ~/.local/share/verbale/memory.sqlite). On first use the shipped termbases in \
        Glossaries/ (countries and territories; diplomatic terms) are loaded into it; your own \
        TBX/CSV/TSV files are added with `verbale glossary import`. Khmer that no cited source \
        attests is shown with the mark [unreviewed].

        Examples:
          verbale glossary lookup "Chargé d'affaires a.i."
          verbale glossary lookup --to km "Kingdom of Thailand"
          verbale glossary terms note.txt
          verbale glossary check --source en=note-en.txt --target fr=note-fr.txt
        """),
        subcommands: [
            GlossaryLookupCommand.self,
            GlossaryTermsCommand.self,
            GlossaryCheckCommand.self,
            GlossaryImportCommand.self,
            GlossaryExportCommand.self,
            GlossaryGenerateCountriesCommand.self,
        ]
    )
}

/// The `--memory` option and the termbase it leads to.
struct GlossaryStoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite file holding memory and glossary (default: $VERBALE_MEMORY, else ~/.local/share/verbale/memory.sqlite, created with the shipped termbases on first use). A path given here must already exist; `verbale glossary import` creates one.", valueName: "path"))
    var memory: String?

    /// Opens the store, loading the shipped termbases the first time (and when they change).
    ///
    /// `creating` is for `glossary import`, the one glossary command that writes terms of its
    /// own: only it may create a memory at an explicitly given path (`--memory`,
    /// `$VERBALE_MEMORY`). The read-only commands (`lookup`, `terms`, `check`, `export`) refuse
    /// a path where no file is, as the memory commands do (`MemoryOption.open`), so a mistyped
    /// path is an error, not a new memory and folders left behind. The default location is
    /// always created.
    func open(creating: Bool = false) throws -> TermbaseStore {
        try InputText.refuseFolder(memory: MemoryLocation.resolve(explicit: memory))
        // `verbale import` takes TMX, not TBX: the glossary's own import makes the file.
        if !creating { try MemoryOption.requireExisting(explicit: memory, creator: "verbale glossary import") }
        let url = MemoryLocation.resolve(explicit: memory)
        let store: TermbaseStore
        do { store = try TermbaseStore(url: url) } catch { throw GlossaryCLIError(error.description) }
        do { try GlossaryImport.seedShipped(into: store) } catch {
            throw GlossaryCLIError("cannot load the shipped glossaries: \(error)")
        }
        return store
    }
}

/// Parses a language option into a tag, with the CLI's error wording.
func glossaryLanguage(_ text: String) throws -> LanguageTag {
    do { return try LanguageTag(text) } catch { throw ValidationError(error.description) }
}

/// The review mark printed next to every term that is not attested.
func reviewMark(_ term: Term) -> String {
    switch term.review {
    case .unreviewed: " [unreviewed]"
    case .rejected: " [rejected]"
    default: ""
    }
}

/// Prints a concept's terms, one language per block, as `lookup` and `terms` show them.
func printConcept(_ concept: Concept, languages: [LanguageTag]?, indent: String = "  ") {
    for language in concept.languages where languages?.contains(where: { $0.primary == language.primary }) ?? true {
        let terms = concept.terms(in: language).filter { $0.language == language }
        for (index, term) in terms.enumerated() {
            let label = index == 0 ? language.description.padding(toLength: 5, withPad: " ", startingAt: 0) : "     "
            // A status only when the termbase stated one (review 1130b, m8).
            var details = term.declaredStatus.map { [$0.rawValue] } ?? []
            if let type = term.termType { details.append(type) }
            if let source = term.source { details.append("source: \(source)") }
            print("\(indent)\(label) \(term.text)\(reviewMark(term))" + (details.isEmpty ? "" : "  (\(details.joined(separator: "; ")))"))
            if let usage = term.usageNote { print("\(indent)      usage: \(usage)") }
        }
    }
    // A language asked for (--to) that the concept has no term in is said, not left out without
    // a word (review 1201a m11): "km    (no Khmer term in the glossary)".
    var said: Set<String> = []
    for wanted in languages ?? [] where !concept.languages.contains(where: { $0.primary == wanted.primary }) {
        guard said.insert(wanted.primary).inserted else { continue }
        let label = wanted.description.padding(toLength: 5, withPad: " ", startingAt: 0)
        print("\(indent)\(label) (no \(wanted.language?.englishName ?? wanted.description) term in the glossary)")
    }
}

/// A failure while running a glossary command (not a usage mistake, so no usage is printed).
struct GlossaryCLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
