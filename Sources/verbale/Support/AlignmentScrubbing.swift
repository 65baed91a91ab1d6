import VerbaleAlign
import VerbaleCore
import VerbaleMemory

/// Replaces personal data in aligned units before any output, with the same scrubber
/// `verbale import` uses: every variant of a unit is scrubbed together, so a name in the
/// English sentence and its French and Khmer counterparts get the same placeholder
/// (`{PERSON}`, `{PASSPORT}`…). Aligned notes become shared memory; the people in them must not.
/// Cost: one byte pass per text, regular expressions only for texts that may hold personal data.
enum AlignmentScrubbing {
    /// The name of an align input (`en=in/visa_Sokha_Chan_en.txt`) as the units' provenance
    /// records it: the file's own name only (`en=visa_Sokha_Chan_en.txt`), relative folders
    /// too — what `verbale import` keeps of a file (`FileOrigin`): folders are often named
    /// after people or mailboxes (`dara.sok@gmail.com/`), and the provenance goes into a
    /// shared memory (review 1130b, A1).
    static func originName(_ input: String) -> String {
        FileOrigin.provenance(input, rule: FileOrigin.lastComponent)
    }

    /// Each document's name (`names`: `en=in/visa_Sokha_Chan_en.txt`, as given) as the units'
    /// provenance stores it: `originName`, then, unless `scrub` is false
    /// (`--keep-personal-data`), personal data replaced as `verbale import` replaces it in an
    /// origin — the scrubber reads it as an identifier (`_ - .` as spaces, e-mails) and looks
    /// for the values found in the texts: `visa_{PERSON}_en.txt` beside "Mr. Sokha Chan".
    ///
    /// Why per document, not per unit: the name is in every unit's provenance, the person in
    /// one sentence; a per-unit scrub would leave the name beside every other sentence
    /// ("The Embassy presents its compliments…"). So the scrubber sees one unit holding each
    /// document's whole text and the names as its origin. Returns the names and how many values
    /// were replaced in them (the texts' own replacements are counted by `scrub`).
    /// Cost: one more scrubber pass over the documents' text (byte pass; regular expressions
    /// only where personal data may be), once per document set.
    static func storedNames(_ result: MultilingualAlignment, tags: [Language: LanguageTag], names: [Language: String],
                            scrub: Bool) throws -> (names: [Language: String], counts: [PersonalDataKind: Int]) {
        let short = names.mapValues(originName)
        guard scrub else { return (short, [:]) }
        let scrubber = try PersonalDataScrubber()
        let variants = result.languages.compactMap { language in
            tags[language].map { Variant(language: $0, text: result.units.compactMap { $0.variants[language] }.joined(separator: "\n")) }
        }
        var stored = short
        var counts: [PersonalDataKind: Int] = [:]
        // One name per scrub: a name is one origin, as on import.
        for (language, name) in short.sorted(by: { $0.value < $1.value }) {
            let unit = TranslationUnit(variants: variants, metadata: UnitMetadata(origin: name))
            let (scrubbed, findings) = scrubber.scrub(unit, file: "align", position: 0)
            for finding in findings where finding.field == "origin" { counts[finding.kind, default: 0] += 1 }
            if let origin = scrubbed.metadata.origin { stored[language] = origin }
        }
        return (stored, counts)
    }

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
