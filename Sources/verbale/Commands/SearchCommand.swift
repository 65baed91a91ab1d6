import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleMemory

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find exact and fuzzy matches for a text in the translation memory.",
        discussion: HelpText.paragraphs("""
        Scores are word-level: 100 × (1 − cost / longer length), where a different word costs 1
        and case, diacritics, punctuation, spacing or another number/date/reference cost a small
        fraction (see README, "Matching"). 101 = exact match with the same previous segment.
        Numbers, dates and references that differ are carried into the translations.
        Translations no reviewer confirmed are marked [unreviewed].
        Exit status: 0, also when nothing matches (--json prints []); 1 on failure; 64 on bad usage.

        Examples:
          verbale search "The Embassy presents its compliments to the Ministry"
          verbale search --lang fr --to en,km --min 80 --json \\
              "a l'honneur de l'informer"
          echo "ស្ថានទូត" | verbale search --lang km -
        """)
    )

    @OptionGroup var memoryOptions: MatchMemoryOptions
    @Option(name: .long, help: ArgumentHelp("Language of the text, as a BCP 47 tag (en, fr-FR, km-KH). Default: detected.", valueName: "tag"))
    var lang: String?
    @Option(name: .long, help: "Lowest score to show (1–100).") var min = 70
    @Option(name: .long, help: "How many matches to show at most.") var limit = 5
    @Option(name: .long, help: ArgumentHelp("The segment before this one in your document: an exact match that followed the same segment scores 101.", valueName: "text"))
    var previous: String?
    @Flag(help: "Print a JSON array of {\"score\", \"band\", \"source\", \"targets\", \"origin\", \"diff\", \"review\", \"unreviewed\", …}.") var json = false
    @Flag(help: "Replace invalid UTF-8 on standard input with U+FFFD instead of failing.") var lossy = false
    @Argument(help: "The text to look up, or - to read it from standard input.") var text: String

    func validate() throws {
        guard (1...100).contains(min) else { throw ValidationError("--min must be between 1 and 100 (got \(min))") }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1 (got \(limit))") }
    }

    func run() throws {
        let raw = text == "-" ? try InputText.read("-", lossy: lossy).text : text
        let query = cleanedQuery(raw).trimmingWhitespace()
        guard !query.isEmpty else { throw ValidationError("the query is empty: give the text to look up, e.g. verbale search \"has the honour to inform\"") }
        let language = try LanguageOption(lang: lang).resolve(for: query)
        let targets = try memoryOptions.targets()
        let matcher = try memoryOptions.load()
        MatchMemoryOptions.noteMissingTargets(targets, in: matcher)
        MatchMemoryOptions.noteOwnLanguage(targets, text: language)
        MatchMemoryOptions.noteScript(query, language: language)
        // Several lines are searched as one text; a draft is `suggest`'s (review 1201b m9).
        let lines = query.split(separator: "\n").filter { !String($0).trimmingWhitespace().isEmpty }
        if lines.count > 1 {
            Terminal.writeError("verbale: note: the text has \(lines.count) lines, searched as one text; `verbale suggest` matches a draft segment by segment\n")
        }
        let matches: [FuzzyMatch]
        do {
            matches = try matcher.search(query, language: language, targets: targets, threshold: min, limit: limit, previousSegment: previous)
        } catch {
            throw ValidationError(error.description)
        }
        if json {
            try printJSON(matches)
        } else if matches.isEmpty {
            print("No match at or above \(min)% for this \(language.englishName) text.")
        } else {
            print(MatchReport.render(matches))
        }
    }
}

extension LanguageOption {
    init(lang: String?) {
        self.init()
        self.lang = lang
    }
}
