import ArgumentParser
import Foundation
import VerbaleCore

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split a note into sentences and lines, one segment per line.",
        discussion: HelpText.paragraphs("""
        ICU's sentence breaks are refined by SRX 2.0 rules: Verbale's defaults (titles such as \
        "H.E. Mr.", "No. 12", Khmer ។ and ៕, numbered paragraphs, letterhead lines, sentences \
        glued by PDF extraction), or your own file with --rules. Line breaks inside a segment \
        are printed as spaces; --json gives each segment's text and its start and end offsets \
        in Unicode scalars of the input text (a byte-order mark is the file's encoding, not \
        text: it is not counted, so a file gives the same offsets with and without one).

        Mixed Khmer and Latin text: ។ and ៕ end a sentence whatever --lang says, and titles \
        such as "Mr.", "Dr.", "H.E." never end one in Khmer text either.

        Examples:
          verbale segment note.txt
          verbale segment --lang km --json - < note-km.txt
          verbale segment --rules my-rules.srx --lang fr-FR note.txt
        """)
    )

    @OptionGroup var language: LanguageOption
    @Option(help: ArgumentHelp("SRX 2.0 rules to use instead of the defaults (selected by --lang through the file's language maps); - reads them from standard input when the text is a FILE.", valueName: "FILE.srx"))
    var rules: String?
    @Flag(help: "Print a JSON array of {\"text\", \"start\", \"end\"} (offsets in Unicode scalars, a byte-order mark not counted).") var json = false
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false
    @Argument(help: "The text file to segment, or - for standard input.") var file: String?

    func run() throws {
        // `--rules -` reads the rules from standard input when the text is a file (review 1130g
        // m4: it was refused whatever the text's source); both cannot come from it.
        let custom = try rules.map { try Self.readRules($0, textFromStandardInput: (file ?? "-") == "-") }
        let input = try InputText.read(file, lossy: lossy)
        let language = try language.resolve(for: input.text)
        let segmenter: Segmenter
        do {
            segmenter = try custom.map { try Segmenter(language: language, rules: $0, languageCode: self.language.lang ?? language.rawValue) }
                ?? Segmenter(language: language)
        } catch let error as SRXError {
            throw SegmentFailure(message: rules.map { "\($0): \(error.description)" } ?? error.description)
        }
        let segments = segmenter.segments(of: input.text)
        if json {
            struct Row: Encodable { var text: String; var start: Int; var end: Int }
            try printJSON(segments.map { Row(text: $0.text, start: $0.range.lowerBound, end: $0.range.upperBound) })
        } else {
            var output = ""
            for segment in segments {
                output += segment.text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                output += "\n"
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }

    /// Reads and parses an SRX file; errors name the file, line and column.
    static func readRules(_ path: String, textFromStandardInput: Bool) throws -> SRXDocument {
        let data: Data
        if path == "-" {
            if textFromStandardInput { throw ValidationError("--rules - needs the text as a FILE argument (standard input cannot hold both)") }
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            try InputText.requireFile(path)
            do { data = try WholeFile.read(URL(fileURLWithPath: path)) } catch {
                throw SegmentFailure(message: "\(path): cannot read the rules file")
            }
        }
        let name = path == "-" ? "<stdin>" : path
        do { return try SRXDocument(data: data, name: name) } catch {
            throw SegmentFailure(message: error.description)
        }
    }
}

/// A failure to report as is (no usage text): bad rules, unreadable rules file.
struct SegmentFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
