import ArgumentParser
import VerbaleCore
import VerbaleDraft

struct DraftNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Print the skeleton of a new note verbale in each language.",
        discussion: HelpText.paragraphs("""
        Each note has the letterhead, the reference, the opening formula for the purpose, a
        placeholder for the body, the closing formula, place and date, and the recipient. The
        formulas come from the shipped memory (Memories/note-verbale-formulas.tmx); French
        articles and contractions follow the gender of the institution ("au Ministère",
        "à la Mission", "à l'Office"). Lines that use a wording no source attests (every Khmer
        formula) end with "[unreviewed]"; name parts Verbale cannot translate are shown as
        "[untranslated: …]".

        --ref is written in each note's form: its label (No./N°/លេខ, Ref./Réf./លេខយោង), its
        identifiers in the note's digits, and a list joined in the note's words ("Nos. 12 and
        13", "N°s 12 et 13", "លេខ ១២ និង ១៣"). A --ref holding other words ("12 (draft)",
        "No. 12 bis") is kept exactly as typed in every note, marked "[as typed]", with a
        warning on stderr naming the words.

        Purposes: transmit, request, inform, reply, propose, acknowledge, refer, enclose,
        agrement, visa, condolences, congratulate, circular (addressed to all diplomatic
        missions; --to is then not used, with a warning on stderr).

        Examples:
          verbale draft new \\
              --from "Permanent Mission of the Kingdom of Cambodia" \\
              --to "Office of the High Commissioner for Human Rights" \\
              --purpose transmit --ref "N. 2021/01/045" \\
              --place Geneva --date 2021-01-12
          verbale draft new --from "Embassy of the Kingdom of Cambodia" \\
              --to "Ministry of Foreign Affairs of the French Republic" \\
              --purpose request --lang fr
          verbale draft new \\
              --from "Permanent Mission of the Kingdom of Cambodia" \\
              --to "Office of the High Commissioner for Human Rights" \\
              --purpose transmit --ref "Nos. 12 and 13"
          verbale draft new \\
              --from "Ministry of Foreign Affairs and International Cooperation" \\
              --to "Embassy of France" --purpose reply --lang km --json
        """)
    )

    @Option(name: .long, help: "The sending institution, in English.") var from: String
    @Option(name: .long, help: "The receiving institution, in English.") var to: String
    @Option(name: .long, help: "What the note does (see the list above).") var purpose: String
    @Option(name: .long, help: "The note's reference number, e.g. \"N. 2021/01/045\".") var ref: String?
    @Option(name: .long, help: "Where the note is signed, e.g. Geneva.") var place: String?
    @Option(name: .long, help: "The date, as YYYY-MM-DD.") var date: String?
    @Option(name: .long, help: ArgumentHelp("Languages to draft in, comma-separated BCP 47 tags.", valueName: "tags")) var lang = "en,fr,km"
    @Option(name: .long, help: "Courtesy of the closing: highest (très haute) or high (haute).") var courtesy = "highest"
    @Flag(help: "Print JSON: an array of {language, lines: [{kind, text, formulas, unreviewed, untranslated, sources, asTyped, unrendered, unreviewedParts}]}.") var json = false

    func run() throws {
        // An unknown purpose, an impossible date or an empty name is a mistake in the call,
        // like an unknown option value: exit 64 with this command's usage (review 1130c, m10).
        do { try draft() } catch let error as DraftError where error.isMistakeInRequest {
            throw ValidationError(error.description)
        }
    }

    private func draft() throws {
        let languages = try parseLanguages(lang)
        guard ["highest", "high"].contains(courtesy) else { throw ValidationError("--courtesy must be highest or high") }
        let book = try StockPhraseBook.shipped()
        let composer = NoteComposer(book: book, namer: InstitutionNamer(glossary: try DraftGlossary.shipped()))
        let request = NoteRequest(sender: from, recipient: to, purpose: purpose, reference: ref, place: place,
                                  date: try date.map { try NoteDate(iso: $0) }, courtesy: courtesy)
        let notes = try languages.map { try composer.compose(request, in: $0) }
        // A circular goes to all missions ("Their Excellencies the Heads of Diplomatic
        // Missions…"), not to --to, which is required for every other purpose: say so rather
        // than drop it without a word (review 1130g m10).
        if request.purpose == "circular" {
            Terminal.writeError("verbale: warning: --to \"\(to)\" is not used: a circular is addressed to all diplomatic missions (\"Their Excellencies the Heads of Diplomatic Missions\"); for one recipient, choose another --purpose (e.g. inform).\n")
        }
        // A reference Verbale cannot render is kept as typed in every note: say which words, once.
        if let ref, let line = notes.lazy.flatMap(\.lines).first(where: { $0.kind == "reference" && $0.asTyped }) {
            let words = line.unrendered.map { "\"\($0)\"" }.joined(separator: ", ")
            Terminal.writeError("verbale: warning: --ref \"\(ref)\": Verbale cannot render \(words) in each language; the reference line is kept as typed in every note and marked [as typed] (asTyped in --json). Give the label and numbers alone (e.g. --ref \"Nos. 12 and 13\") or edit the line in each note.\n")
        }
        if json {
            try printJSON(notes)
        } else {
            for (index, note) in notes.enumerated() {
                if languages.count > 1 {
                    if index > 0 { print("") }
                    print("=== \(note.language.rawValue) (\(note.language.englishName)) ===\n")
                }
                print(note.text)
            }
        }
    }
}

/// Parses "en,fr,km" into languages, with a clear error for unknown tags.
func parseLanguages(_ list: String) throws -> [Language] {
    var languages: [Language] = []
    for part in list.split(separator: ",") {
        do {
            guard let language = try LanguageTag(String(part)).language else { throw ValidationError("unsupported language \(part)") }
            if !languages.contains(language) { languages.append(language) }
        } catch let error as LanguageTagError {
            throw ValidationError(error.description)
        }
    }
    guard !languages.isEmpty else { throw ValidationError("give at least one language, e.g. --lang en,fr,km") }
    return languages
}

private extension DraftError {
    /// Whether the error is about what the user asked for rather than about Verbale's data.
    var isMistakeInRequest: Bool {
        switch self {
        case .unknownPurpose, .invalidDate, .emptyName: true
        default: false
        }
    }
}
