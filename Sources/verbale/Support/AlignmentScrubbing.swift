import VerbaleAlign
import VerbaleCore
import VerbaleMemory

/// Replaces personal data in aligned units before any output, with the same scrubber
/// `verbale import` uses: every variant of a unit is scrubbed together, so a name in the
/// English sentence and its French and Khmer counterparts get the same placeholder
/// (`{PERSON}`, `{PASSPORT}`…). Aligned notes become shared memory; the people in them must not.
/// Cost: one byte pass per text, regular expressions only for texts that may hold personal data.
enum AlignmentScrubbing {
    /// Scrubs `result` in place and returns how many values of each kind were replaced.
    static func scrub(_ result: inout MultilingualAlignment, tags: [Language: LanguageTag]) throws -> [PersonalDataKind: Int] {
        let scrubber = try PersonalDataScrubber()
        var counts: [PersonalDataKind: Int] = [:]
        for index in result.units.indices {
            let languages = result.languages.filter { result.units[index].variants[$0] != nil }
            let variants = languages.compactMap { language in
                tags[language].flatMap { tag in result.units[index].variants[language].map { Variant(language: tag, text: $0) } }
            }
            guard variants.count == languages.count else { continue }
            let (scrubbed, findings) = scrubber.scrub(TranslationUnit(variants: variants), file: "align", position: index + 1)
            guard !findings.isEmpty else { continue }
            for finding in findings { counts[finding.kind, default: 0] += 1 }
            for (language, variant) in zip(languages, scrubbed.variants) {
                result.units[index].variants[language] = variant.text
            }
        }
        return counts
    }

    /// "2 PERSON, 1 PASSPORT".
    static func describe(_ counts: [PersonalDataKind: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
    }
}
