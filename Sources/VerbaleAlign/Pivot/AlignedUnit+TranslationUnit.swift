import Foundation
import VerbaleCore

extension AlignedUnit {
    /// The memory unit for this aligned unit, or nil when fewer than two languages have text
    /// (a sentence without counterpart is not a translation). Flagged units are `unreviewed`;
    /// the confidence, the bead and the sentence numbers go into the provenance so a reviewer
    /// can find the pair in the documents. `names` are the documents as the user gave them
    /// (`en=note.txt`). O(variants).
    public func translationUnit(tags: [Language: LanguageTag], names: [Language: String], languages: [Language],
                                date: Date = Date()) -> TranslationUnit? {
        guard variants.count >= 2 else { return nil }
        var unitVariants: [Variant] = []
        for language in languages {
            guard let text = variants[language], let tag = tags[language] else { continue }
            unitVariants.append(Variant(language: tag, text: text))
        }
        let properties = [Property(type: "x-align-confidence", value: String(format: "%.3f", confidence)),
                          Property(type: "x-align-bead", value: bead)]
        return TranslationUnit(variants: unitVariants, metadata: UnitMetadata(
            creationDate: date, origin: provenance(names: names, languages: languages),
            notes: needsReview ? ["alignment below the confidence threshold: check before use"] : [],
            properties: properties, review: needsReview ? .unreviewed : .translated))
    }

    /// Where this unit came from, as memory units store it (`x-origin`):
    /// `aligned by verbale align: en=a.txt sentence 3; fr=b.txt sentences 3–4`. One function,
    /// so the origin the CLI scrubs of personal data (`AlignmentScrubbing`) is the one stored.
    /// O(variants).
    public func provenance(names: [Language: String], languages: [Language]) -> String {
        let parts = languages.compactMap { language -> String? in
            guard let range = sentences[language], let name = names[language] else { return nil }
            return range.count == 1 ? "\(name) sentence \(range.lowerBound + 1)" : "\(name) sentences \(range.lowerBound + 1)–\(range.upperBound)"
        }
        return FileOrigin.alignProvenancePrefix + parts.joined(separator: "; ")
    }
}
