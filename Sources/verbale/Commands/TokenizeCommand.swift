import ArgumentParser
import VerbaleCore

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Print the word tokens of each input line, separated by single spaces.",
        discussion: """
        White space and U+200B zero-width spaces are dropped; Khmer is split into words with
        ICU's dictionary.

        Examples:
          verbale tokenize --lang fr - <<< "L'Ambassade a l'honneur"
          verbale tokenize --json note-km.txt
        """
    )

    @OptionGroup var language: LanguageOption
    @Flag(help: "Print JSON: one array of tokens per line, each {\"text\", \"key\", \"kind\", \"start\", \"end\"}.") var json = false
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false
    @Argument(help: "The text file to tokenize, or - for standard input.") var file: String?

    func run() throws {
        let input = try InputText.read(file, lossy: lossy)
        let tokenizer = try Tokenizer(language: try language.resolve(for: input.text))
        var lines = input.text.split(separator: "\n", omittingEmptySubsequences: false)
        if input.text.hasSuffix("\n") { lines.removeLast() }
        if json {
            struct Row: Encodable { var text: String; var key: String; var kind: String; var start: Int; var end: Int }
            try printJSON(lines.map { line in
                tokenizer.tokenize(String(line)).map { Row(text: $0.text, key: $0.key, kind: $0.kind.rawValue, start: $0.range.lowerBound, end: $0.range.upperBound) }
            })
        } else {
            for line in lines {
                print(tokenizer.tokenize(String(line)).map(\.text).joined(separator: " "))
            }
        }
    }
}
