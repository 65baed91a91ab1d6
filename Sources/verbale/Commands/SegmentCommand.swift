import ArgumentParser
import VerbaleCore

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split a note into sentences and lines, one segment per line.",
        discussion: """
        Examples:
          verbale segment note.txt
          verbale segment --lang km --json - < note-km.txt
        """
    )

    @OptionGroup var language: LanguageOption
    @Flag(help: "Print a JSON array of {\"text\", \"start\", \"end\"} (offsets in Unicode scalars).") var json = false
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false
    @Argument(help: "The text file to segment, or - for standard input.") var file: String?

    func run() throws {
        let input = try InputText.read(file, lossy: lossy)
        let segmenter = try Segmenter(language: try language.resolve(for: input.text))
        let segments = segmenter.segments(of: input.text)
        if json {
            struct Row: Encodable { var text: String; var start: Int; var end: Int }
            try printJSON(segments.map { Row(text: $0.text, start: $0.range.lowerBound, end: $0.range.upperBound) })
        } else {
            for segment in segments {
                print(segment.text.split(whereSeparator: \.isNewline).joined(separator: " "))
            }
        }
    }
}
