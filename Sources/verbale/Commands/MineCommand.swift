import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleDraft

struct MineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mine",
        abstract: "Find the recurring formulas of a set of notes (closed frequent word n-grams).",
        discussion: HelpText.paragraphs("""
        Counts, for every phrase of --min-length words or more, how many files contain it, and
        prints the maximal ones: a phrase is dropped when a longer phrase containing it occurs in
        (nearly) as many files (--subsume, default 0.9). Punctuation and line breaks end a phrase; numbers match any number.
        The shipped memory Memories/note-verbale-formulas.tmx was curated from this output.

        Examples:
          verbale mine ../shared/data/notes/en-*.txt --lang en --min-count 20
          verbale mine ../shared/data/notes/fr-*.txt --lang fr --min-count 5 --json
          verbale mine ../shared/data/notes/en-*.txt --lang en \\
              --phrase "presents its compliments to"
          cat note1.txt | verbale mine - --lang km --min-count 1
        """)
    )

    @Argument(help: "The notes to mine (plain-text files), or - for one document on standard input.") var files: [String]
    @Option(name: .long, help: ArgumentHelp("Language of the notes (en, fr, km).", valueName: "tag")) var lang: String
    @Option(name: .long, help: "Minimum number of files a phrase must occur in.") var minCount = 5
    @Option(name: .long, help: "Shortest phrase reported, in words.") var minLength = 3
    @Option(name: .long, help: "Longest phrase considered, in words.") var maxLength = 16
    @Option(name: .long, help: "Drop a phrase when a longer phrase containing it occurs in at least this share of its files (1.0: exactly the closed phrases).") var subsume = 0.9
    @Option(name: .long, help: "Print at most this many phrases (0: all).") var limit = 0
    @Option(name: .long, help: "Instead of mining, count the files that contain this phrase (repeatable); prints {phrase, documents, attestedIn}.") var phrase: [String] = []
    @Flag(help: "Print a JSON array of {phrase, key, length, documents, occurrences, attestedIn}.") var json = false
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false

    func validate() throws {
        guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1 (got \(minCount))") }
        guard minLength >= 1 else { throw ValidationError("--min-length must be at least 1 (got \(minLength))") }
        guard maxLength >= minLength else { throw ValidationError("--max-length (\(maxLength)) must be at least --min-length (\(minLength))") }
        guard (0...1).contains(subsume) else { throw ValidationError("--subsume must be between 0 and 1 (got \(subsume))") }
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more (got \(limit))") }
    }

    func run() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file (or - for standard input)") }
        let language: Language
        do {
            guard let resolved = try LanguageTag(lang).language else { throw ValidationError("unsupported language \(lang)") }
            language = resolved
        } catch let error as LanguageTagError { throw ValidationError(error.description) }
        let documents = try files.map { path in
            let input = try InputText.read(path, lossy: lossy)
            return PhraseMiner.Document(name: URL(fileURLWithPath: input.name).lastPathComponent, text: input.text)
        }
        if !phrase.isEmpty {
            try attest(phrase, in: documents, language: language)
            return
        }
        let miner = PhraseMiner(minCount: minCount, minLength: minLength, maxLength: maxLength, subsumption: subsume)
        var phrases = try miner.mine(documents, language: language)
        if limit > 0 { phrases = Array(phrases.prefix(limit)) }
        if json {
            try printJSON(phrases)
        } else {
            print("files\toccurrences\twords\tphrase")
            for phrase in phrases {
                print("\(phrase.documents)\t\(phrase.occurrences)\t\(phrase.length)\t\(phrase.phrase)")
            }
        }
    }

    /// Counts the documents containing each phrase (word keys, punctuation ignored): the
    /// provenance counts of the shipped memory are made and checked this way.
    private func attest(_ phrases: [String], in documents: [PhraseMiner.Document], language: Language) throws {
        let spotter = try PhraseSpotter(book: StockPhraseBook(phrases: []), language: language)
        let keyed = documents.map { (name: $0.name, keys: spotter.keys($0.text)) }
        struct Row: Encodable { var phrase: String; var documents: Int; var attestedIn: [String] }
        let rows = phrases.map { phrase in
            let needle = spotter.keys(phrase)
            let names = keyed.filter { PhraseSpotter.occurrences(of: needle, in: $0.keys) > 0 }.map(\.name)
            return Row(phrase: phrase, documents: names.count, attestedIn: names)
        }
        if json { try printJSON(rows) } else {
            for row in rows { print("\(row.documents)\t\(row.phrase)") }
        }
    }
}
