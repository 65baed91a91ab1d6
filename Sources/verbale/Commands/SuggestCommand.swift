import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleMemory

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest matches, stock phrases and phrase completions for each segment of a draft.",
        discussion: HelpText.paragraphs("""
        For every segment of the input: memory matches (as `verbale search`), the stock phrases
        (the shipped Memories/*.tmx formulas and the memory's short units) found inside it (fuzzily: "presents compliments to" finds "presents its compliments
        to"), and, when the segment ends mid-phrase, the likely continuations. Translations no
        reviewer confirmed are marked [unreviewed].

        Exit status: 0, also when nothing is suggested; 1 on failure; 64 on bad usage.

        Examples:
          verbale suggest draft.txt
          echo "The Embassy avails itself of this" \\
              | verbale suggest --to fr,km --json -
        """)
    )

    @OptionGroup var memoryOptions: MatchMemoryOptions
    @Option(name: .long, help: ArgumentHelp("Language of the draft, as a BCP 47 tag (en, fr-FR, km-KH). Default: detected.", valueName: "tag"))
    var lang: String?
    @Option(name: .long, help: "Lowest score for matches and phrases (1–100).") var min = 70
    @Option(name: .long, help: "How many matches per segment at most.") var limit = 3
    @Flag(help: "Print JSON: {\"segments\": [{\"text\", \"start\", \"end\", \"matches\", \"phrases\", \"completions\"}]}.") var json = false
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.") var lossy = false
    @Flag(help: "Do not look for the shipped stock phrases (Memories/*.tmx), only for the memory's own.") var noShippedPhrases = false
    @Argument(help: "The draft to read, or - for standard input.") var file: String?

    struct SegmentSuggestions: Encodable {
        var text: String
        var start: Int
        var end: Int
        var matches: [FuzzyMatch]
        var phrases: [PhraseMatch]
        var completions: [PhraseCompletion]
    }

    struct Report: Encodable {
        var language: String
        var segments: [SegmentSuggestions]
    }

    func validate() throws {
        guard (1...100).contains(min) else { throw ValidationError("--min must be between 1 and 100 (got \(min))") }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1 (got \(limit))") }
    }

    func run() throws {
        let input = try InputText.read(file, lossy: lossy)
        let text = cleanedQuery(input.text)
        guard !text.trimmingWhitespace().isEmpty else { throw ValidationError("\(input.name): the draft is empty") }
        let language = try LanguageOption(lang: lang).resolve(for: text)
        let targets = try memoryOptions.targets()
        let matcher = try memoryOptions.load()
        guard matcher.index.languages.contains(language) else {
            throw ValidationError(MatchError.languageNotInMemory(language.rawValue, available: matcher.index.languages.map(\.rawValue).sorted()).description)
        }
        MatchMemoryOptions.noteMissingTargets(targets, in: matcher)
        MatchMemoryOptions.noteOwnLanguage(targets, text: language)
        MatchMemoryOptions.noteScript(text, language: language)
        var finders = [PhraseFinder(matcher: matcher)]
        if !noShippedPhrases, let shipped = try MatchMemoryOptions.shippedPhrases() { finders.append(PhraseFinder(matcher: shipped)) }
        for i in finders.indices { finders[i].threshold = min }
        let segmenter = try Segmenter(language: language)
        var previous: String?
        var segments: [SegmentSuggestions] = []
        for segment in segmenter.segments(of: text) {
            defer { previous = segment.text }
            let analysed = try matcher.analyse(segment.text, language: language)
            guard analysed.contentLength > 0 else { continue }
            let matches = try matcher.search(segment.text, language: language, targets: targets, threshold: min, limit: limit, previousSegment: previous)
            let shift = segment.range.lowerBound
            // A unit listed as a match is not listed again as a phrase of the same words (review 1201b m2).
            let matched = Set(matches.map { Normalizer.key($0.source) })
            var phrases = PhraseFinder.merged(finders.map { $0.phrases(in: analysed, targets: targets) })
                .filter { !matched.contains(Normalizer.key($0.phrase)) }
            var completions = PhraseFinder.merged(finders.map { $0.completions(of: analysed, targets: targets, limit: 3) }, limit: 3)
            for i in phrases.indices { phrases[i].start += shift; phrases[i].end += shift }
            for i in completions.indices { completions[i].start += shift; completions[i].end += shift }
            segments.append(SegmentSuggestions(text: segment.text, start: segment.range.lowerBound, end: segment.range.upperBound,
                                               matches: matches, phrases: phrases, completions: completions))
        }
        if json {
            try printJSON(Report(language: language.rawValue, segments: segments))
            return
        }
        for segment in segments {
            print(Colour.paint("▌ \(segment.text)", "1"))
            if !segment.matches.isEmpty { print(MatchReport.render(segment.matches, indent: "  ")) }
            for phrase in segment.phrases {
                // Under each translation, the draft's values it still lacks (review 1201b M1).
                let translations = phrase.translations.sorted { $0.key < $1.key }.map { tag, text in
                    (["\(tag): \(text)\(MatchReport.mark(phrase.review[tag]))"]
                        + phrase.notCarried.filter { $0.language == tag }.map(MatchReport.notCarried)).joined(separator: "\n      ")
                }
                print("  phrase \(Colour.score(phrase.score)) [\(phrase.start)–\(phrase.end)] \(phrase.phrase)\(MatchReport.mark(phrase.phraseReview))" + (translations.isEmpty ? "" : "\n      " + translations.joined(separator: "\n      ")))
                if !phrase.transferred.isEmpty { print("      " + MatchReport.carriedOver(phrase.transferred)) }
            }
            for completion in segment.completions {
                var attested = completion.attestedOutOf.map { ", attested in \(completion.attested)/\($0) notes" } ?? ""
                if attested.isEmpty, let notes = completion.formulaAttested, let outOf = completion.formulaAttestedOutOf,
                   let language = completion.formulaAttestedLanguage {
                    attested = ", attested in \(notes)/\(outOf) \(language) notes"
                }
                print("  … \(Colour.paint(completion.completion, "36"))  (\(completion.score)%, ×\(completion.frequency)\(attested): \(completion.phrase))\(MatchReport.mark(completion.phraseReview))")
                for (tag, text) in completion.translations.sorted(by: { $0.key < $1.key }) {
                    print("      \(tag): \(text)\(MatchReport.mark(completion.review[tag]))")
                }
            }
            if segment.matches.isEmpty, segment.phrases.isEmpty, segment.completions.isEmpty { print("  (nothing in the memory)") }
        }
    }
}
