import ArgumentParser
import VerbaleCore

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Print the word tokens of each input line, separated by single spaces.",
        discussion: HelpText.paragraphs("""
        One output line per input line. White space (also no-break spaces) and U+200B
        zero-width spaces are dropped; Khmer is split into words with ICU's dictionary and
        Verbale's orthographic rules; French elisions are split (l'honneur → l' honneur).
        With --placeables, dates, reference numbers, numbers, e-mail addresses and URLs are
        one token each; such a token may hold spaces ("12 January 2021"), so a script that
        splits tokens should read --json. Without --lang the language is detected: Khmer script → km;
        otherwise en unless French is clearly more likely.

        Examples:
          verbale tokenize --lang fr - <<< "L'Ambassade a l'honneur"
          verbale tokenize --placeables - <<< "Note No. 2021/01/045 of 12 January 2021"
          verbale tokenize --json note-km.txt
        """)
    )

    @OptionGroup var language: LanguageOption
    @Flag(help: "Print JSON: one array of tokens per line, each {\"text\", \"key\", \"looseKey\", \"kind\", \"start\", \"end\"} (offsets in Unicode scalars of the line), and \"placeable\": {\"kind\", \"value\"} for placeables.") var json = false
    @Flag(help: "Make each placeable (date, reference number, number, e-mail address, URL) one token.") var placeables = false
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false
    @Argument(help: "The text file to tokenize, or - for standard input.") var file: String?

    func run() throws {
        let input = try InputText.read(file, lossy: lossy)
        let tokenizer = try Tokenizer(language: try language.resolve(for: input.text))
        var lines = input.text.split(separator: "\n", omittingEmptySubsequences: false)
        if input.text.hasSuffix("\n") { lines.removeLast() }
        if input.text.isEmpty { lines = [] }
        let tokenize: (Substring) -> [Token] = { line in
            let text = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            return tokenizer.tokenize(text, mergingPlaceables: placeables)
        }
        if json {
            struct PlaceableRow: Encodable { var kind: String; var value: String }
            struct Row: Encodable {
                var text: String, key: String, looseKey: String, kind: String, start: Int, end: Int
                var placeable: PlaceableRow?
            }
            try printJSON(lines.map { line in
                tokenize(line).map {
                    Row(text: $0.text, key: $0.key, looseKey: $0.looseKey, kind: $0.kind.rawValue,
                        start: $0.range.lowerBound, end: $0.range.upperBound,
                        placeable: $0.placeable.map { PlaceableRow(kind: $0.kind.rawValue, value: $0.value) })
                }
            })
        } else {
            var output = ""
            for line in lines {
                // U+200B is dropped inside a token too (a Khmer date merged by --placeables kept
                // the one between ថ្ងៃទី and its number: review 1130d m3); --json keeps the text as
                // it stands in the line, for its offsets.
                output += tokenize(line).map { $0.text.contains("\u{200B}") ? $0.text.replacingOccurrences(of: "\u{200B}", with: "") : $0.text }
                    .joined(separator: " ")
                output += "\n"
                if output.utf8.count > 1 << 16 {
                    print(output, terminator: "")
                    output = ""
                }
            }
            print(output, terminator: "")
        }
    }
}
