import ArgumentParser
import Foundation
import VerbaleCore
import VerbaleGlossary

struct GlossaryLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find a term and its equivalents in the other languages.",
        discussion: HelpText.paragraphs("""
        Matching ignores case, Latin diacritics, ’ versus ', U+200B and punctuation; if nothing \
        matches exactly, close spellings are found (typos) with a score: 100 exact, 99 exact but \
        for diacritics, fuzzy 100 × (1 − edits / length), partial (the query is part of a longer \
        term) 90 × (1 − edits / query length). Khmer no source attests is marked [unreviewed]. \
        A language asked for with --to that a concept has no term in is said: "km    (no Khmer term \
        in the glossary)" (in --json its key is absent from "terms").
        Exit status: 0 when a term matches, 1 when none does (as grep, so
        `verbale glossary lookup TERM > /dev/null && …` tests whether a term is known), 64 on bad usage.

        Examples:
          verbale glossary lookup "chargé d’affaires a.i."
          verbale glossary lookup --to fr --to km \\
              "Ambassador Extraordinary and Plenipotentiary"
          verbale glossary lookup Plenipotentary
          verbale glossary lookup --prefix --lang fr "Royaume de T"
          verbale glossary lookup --json ព្រះរាជាណាចក្រកម្ពុជា
        """)
    )

    @Option(help: ArgumentHelp("Language of TERM: only terms in this language match (default: any).", valueName: "tag")) var lang: String?
    @Option(help: ArgumentHelp("A language to show (repeat, or comma-separate; default: all).", valueName: "tag")) var to: [String] = []
    @Flag(help: "Print JSON: an array of {\"score\", \"concept\", \"terms\": {\"en\": [...], ...}}, each term with text, status, source, review.") var json = false
    @Flag(help: "Treat TERM as the beginning of a term (for typing).") var prefix = false
    @Option(help: "Lowest fuzzy score shown (0–100).") var minScore = 75
    @Option(help: "Most concepts shown.") var limit = 10
    @OptionGroup var store: GlossaryStoreOptions
    @Argument(help: "The term to look up (any language; - reads it from standard input).") var term: String

    func validate() throws {
        guard (0...100).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 100 (got \(minScore))") }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1 (got \(limit))") }
    }

    func run() throws {
        let language = try lang.map(glossaryLanguage)
        let targets = try to.flatMap { $0.split(separator: ",").map(String.init) }.map(glossaryLanguage)
        // `-`: the term from standard input, as `search -` and `concordance -` read their query
        // (review 1130f m6: it looked up "-").
        let term = self.term == "-" ? try InputText.read("-").text.trimmingWhitespace() : self.term
        guard !term.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError("TERM is empty") }
        let termbase = try store.open().load()
        let results = termbase.lookup(term, options: LookupOptions(language: language, prefix: prefix, minimumScore: minScore, limit: limit))
        let shown: [LanguageTag]? = targets.isEmpty ? nil : targets + [results.first?.matchedTerm.language].compactMap { $0 }
        if json {
            try printJSON(results.map { ConceptJSON($0.concept, score: $0.score, match: $0.match.rawValue, matched: $0.matchedTerm.text, languages: shown) })
            // The same exit status as the text mode (review 1201a m2): a script reading the JSON
            // tests whether a term is known as `lookup TERM > /dev/null &&` does.
            if results.isEmpty { throw ExitCode(1) }
            return
        }
        if results.isEmpty {
            FileHandle.standardError.write(Data("no term matches \"\(term)\"\(prefix ? "" : " (try --prefix, or a lower --min-score)")\n".utf8))
            throw ExitCode(1)
        }
        for result in results {
            let domain = result.concept.domain.map { "  \($0)" } ?? ""
            print("\(result.score)  \(result.concept.id)\(domain)  [\(result.match.rawValue): \(result.matchedTerm.text)]")
            printConcept(result.concept, languages: shown)
            if let origin = result.concept.origin { print("  from: \(origin)") }
        }
    }
}
