import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleGlossary

struct GlossaryTermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "List the termbase terms found in a text, with their equivalents.",
        discussion: HelpText.paragraphs("""
        Finds every termbase term in each line (longest match, on word boundaries; Khmer is split \
        into words with ICU's dictionary, with or without U+200B). Each term is printed as \
        FILE:LINE:COLUMN-LASTCOLUMN, 1-based and counted in Unicode scalars, like `verbale check` \
        and import errors ("Embassy" in "The Embassy…" is 1:5-11). In --json, "line" and \
        "column" are 1-based; "start" and "end" are 0-based offsets in Unicode scalars of the \
        line (end exclusive), as in `verbale tokenize --json`.

        Exit status: 0, also when no term is found; 1 on failure; 64 on bad usage.

        Examples:
          verbale glossary terms note.txt
          echo "The Embassy of the Kingdom of Thailand" \\
              | verbale glossary terms --json -
          verbale glossary terms --lang km note-km.txt
        """)
    )

    @OptionGroup var language: LanguageOption
    @Flag(help: "Print JSON: an array of {\"line\", \"column\", \"start\", \"end\", \"text\", \"concept\", \"status\", \"review\", \"terms\": {…}} (line, column 1-based; start, end 0-based offsets in the line).") var json = false
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false
    @OptionGroup var store: GlossaryStoreOptions
    @Argument(help: "The text file, or - for standard input.") var file: String?

    struct Row: Encodable {
        /// 1-based line and column (Unicode scalars), as `check` reports them.
        var line: Int
        var column: Int
        /// 0-based offsets in Unicode scalars of the line, end exclusive (as `tokenize --json`).
        var start: Int
        var end: Int
        var text: String
        var concept: String
        var status: String
        var review: String
        var terms: [String: [ConceptJSON.TermJSON]]
    }

    func run() throws {
        let input = try InputText.read(file, lossy: lossy)
        let tag = LanguageTag(try language.resolve(for: input.text))
        let termbase = try store.open().load()
        var lines = input.text.split(separator: "\n", omittingEmptySubsequences: false)
        if input.text.hasSuffix("\n") { lines.removeLast() }
        var rows: [Row] = []
        var found = 0
        for (index, line) in lines.enumerated() {
            for occurrence in termbase.recognize(String(line), language: tag) {
                found += 1
                if json {
                    rows.append(Row(line: index + 1, column: occurrence.range.lowerBound + 1, start: occurrence.range.lowerBound, end: occurrence.range.upperBound, text: occurrence.text,
                                    concept: occurrence.concept.id, status: occurrence.term.status.rawValue,
                                    review: occurrence.term.review.rawValue, terms: ConceptJSON(occurrence.concept).terms))
                } else {
                    // 1-based columns, the last one inclusive: scalars lowerBound..<upperBound are columns
                    // lowerBound + 1 through upperBound.
                    print("\(input.name):\(index + 1):\(occurrence.range.lowerBound + 1)-\(occurrence.range.upperBound)  \(occurrence.text)\(reviewMark(occurrence.term))  → \(occurrence.concept.id)\(occurrence.term.status == .deprecated ? "  (deprecated term)" : "")")
                    printConcept(occurrence.concept, languages: nil, indent: "    ")
                }
            }
        }
        if json { try printJSON(rows) }
        // Said, as `search`, `suggest` and `concordance` say it (the top-level help promises it;
        // review 1201a m3: nothing at all was printed). Exit status 0: finding nothing is no failure.
        if found == 0, !json { Terminal.writeError("no termbase term found in \(input.name)\n") }
    }
}
