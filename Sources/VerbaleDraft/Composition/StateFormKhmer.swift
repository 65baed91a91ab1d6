import VerbaleCore
import VerbaleGlossary

/// The Khmer of a formal state form ("Kingdom of" → ព្រះរាជាណាចក្រ), read off the iso-codes
/// formal names the shipped glossary holds rather than typed in: for every country whose
/// English formal name is the form followed by its short name ("Kingdom of" + "Belgium"), and
/// whose Khmer formal name ends with its Khmer short name, what precedes is the form's Khmer.
/// The most frequent reading wins, and the evidence is kept for the source note. Doubted
/// catalogue names (`KhmerNameDoubts`) are left out: the three principalities' "Kingdom of"
/// made ព្រះរាជាណាចក្រ the attested Khmer of "Principality of" (review 1130d M5).
///
/// Why: a wording seen in a dozen official catalogue entries is attested; one typed into a
/// table is not. Cost: one pass over the glossary's concepts, once per `InstitutionNamer`.
struct StateFormKhmer: Sendable, Equatable {
    var khmer: String
    /// How many formal names show this reading, of how many with the form.
    var support: Int
    var candidates: Int
    /// One formal name that shows it ("Kingdom of Belgium = ព្រះរាជាណាចក្រ​បែល​ហ្ស៊ិក").
    var example: String

    var source: String {
        "iso-codes km formal names in Glossaries/countries.tbx (\(support) of \(candidates) names with this form, e.g. \(example))"
    }

    /// Forms whose reading at least two formal names support; others stay underived.
    static func derive(_ forms: [String], from concepts: [Concept]) -> [String: StateFormKhmer] {
        var readings: [String: [String: (count: Int, example: String)]] = [:]
        var candidates: [String: Int] = [:]
        for concept in concepts where concept.id.hasPrefix("iso3166") {
            // A doubted name (unreviewed, not preferred: "Principality of Monaco" written
            // ព្រះរាជាណាចក្រម៉ូណាកូ, "Kingdom of Monaco") is no evidence for its form.
            func terms(_ language: String, _ type: String) -> [String] {
                concept.terms.filter { $0.language.primary == language && $0.termType == type && !$0.isDoubted }.map { plain($0.text) }
            }
            let englishShort = terms("en", "shortForm"), khmerShort = terms("km", "shortForm")
            for full in terms("en", "fullForm") {
                for form in forms where full.hasPrefix(form + " ") {
                    var rest = String(full.dropFirst(form.count + 1))
                    if rest.hasPrefix("the ") { rest = String(rest.dropFirst(4)) }
                    guard englishShort.contains(rest) else { continue }
                    candidates[form, default: 0] += 1
                    for khmerFull in terms("km", "fullForm") {
                        guard let short = khmerShort.first(where: { khmerFull.hasSuffix($0) && khmerFull.count > $0.count }) else { continue }
                        let reading = String(khmerFull.dropLast(short.count))
                        let previous = readings[form, default: [:]][reading]
                        readings[form, default: [:]][reading] = ((previous?.count ?? 0) + 1, previous?.example ?? "\(full) = \(khmerFull)")
                    }
                }
            }
        }
        var result: [String: StateFormKhmer] = [:]
        for (form, byReading) in readings {
            guard let best = byReading.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }), best.value.count >= 2 else { continue }
            result[form] = StateFormKhmer(khmer: best.key, support: best.value.count, candidates: candidates[form] ?? 0, example: best.value.example)
        }
        return result
    }

    /// Without U+200B and surrounding spaces: iso-codes' Khmer puts zero-width spaces between
    /// words, inconsistently ("ព្រះ​រាជាណាចក្រ​អង់ដូរ៉ា​").
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{200B}", with: "").trimmingCharacters(in: .whitespaces)
    }
}
