import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleMemory

struct ConcordanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concordance",
        abstract: "Find the units whose text contains the given words, in any language.",
        discussion: HelpText.paragraphs("""
        Words are matched whole and case-insensitively; Khmer is split into words the same way \
        for the query and the memory, so Khmer queries need no spaces. Hits where the words \
        stand together and in order come first, then shorter texts. On a terminal hits are in \
        bold; otherwise they are marked [[like this]]; --json gives offsets (Unicode scalars). \
        Texts no attested source confirms are marked [unreviewed]; each unit's provenance follows on a from: line.

        Exit status: 0, also when no unit contains the words; 1 on failure; 64 on bad usage.

        Examples:
          verbale concordance "presents its compliments"
          verbale concordance --lang fr "haute considération"
          verbale concordance --json --limit 5 "ព្រះរាជាណាចក្រកម្ពុជា"
        """)
    )

    @Option(help: ArgumentHelp("Search only texts in this language (BCP 47, e.g. en, fr, km).", valueName: "tag"))
    var lang: String?

    @Flag(help: "Print JSON: the hits with their translations and highlight offsets.")
    var json = false

    @Option(help: ArgumentHelp("At most this many hits.", valueName: "n"))
    var limit = 20

    @Argument(help: ArgumentHelp("The words to find (- reads them from standard input).", valueName: "words"))
    var words: String

    @OptionGroup var memoryOption: MemoryOption

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let text = words == "-" ? try InputText.read("-").text.trimmingWhitespace() : words
        guard !text.trimmingWhitespace().isEmpty else {
            throw ValidationError("the query is empty: give the words to find, e.g. verbale concordance \"haute considération\"")
        }
        var language: LanguageTag?
        if let lang {
            // The strict parser: a language Verbale does not know is refused, as `search` does.
            do { language = try LanguageTag(lang) } catch { throw ValidationError("\(error)") }
        }
        let memory = try memoryOption.open()
        let result: ConcordanceResult
        do { result = try memory.concordance(ConcordanceQuery(text: text, language: language, limit: limit)) } catch {
            throw CommandFailure("\(error)")
        }
        if json {
            try printJSON(result)
            return
        }
        if result.words.isEmpty {
            // Only punctuation or marks (', ។): the query is the mistake, as an empty one is.
            throw ValidationError("no words to search for in \"\(text)\": give the words to find, e.g. verbale concordance \"haute considération\"")
        }
        if result.hits.isEmpty {
            print("No unit contains \(result.words.joined(separator: " "))")
            return
        }
        if result.accentsIgnored {
            print("(nothing holds \(result.words.joined(separator: " ")) as typed; these hold it with other accents)")
        }
        let bold = Terminal.stdoutIsTTY
        for hit in result.hits {
            let spans = hit.highlights.map { $0.start..<$0.end }
            let marked = bold ? SQLiteMemory.mark(hit.text, spans: spans, open: "\u{1B}[1m", close: "\u{1B}[0m") : hit.marked
            // The same mark and provenance line as `search` and `suggest`, so one
            // `grep -F '[unreviewed]'` finds unconfirmed texts in every command's output.
            print("#\(hit.unit) \(hit.language)\t\(marked)\(MatchReport.mark(hit.review))")
            for translation in hit.translations {
                print("   \(translation.language)\t\(translation.text)\(MatchReport.mark(translation.review))")
            }
            if let origin = hit.origin { print("   from: \(origin)") }
        }
        if result.more {
            print("(ranked among the \(result.examined) most recent matching texts; narrow the words or use --lang for others)")
        }
    }
}
