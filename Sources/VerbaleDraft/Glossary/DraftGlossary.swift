import Foundation
import VerbaleCore
import VerbaleFormats
import VerbaleGlossary

/// The shipped termbases (`Glossaries/*.tbx`: country names from iso-codes and CLDR in EN/FR/KM,
/// diplomatic terms) as drafting uses them: names inside institution names, and glossary
/// entities carried into pre-translations.
///
/// Why its own wrapper: drafting needs "the concept named at the start of this text" and "its
/// name in French of the same form (formal or short)", on top of VerbaleGlossary's recogniser.
/// Cost: loading ≈ 330 concepts once per process; recognition O(n) per text.
public final class DraftGlossary: @unchecked Sendable {
    public let termbase: Termbase
    private let lock = NSLock()

    public init(concepts: [Concept]) {
        termbase = Termbase(concepts: concepts)
    }

    /// Loads every `.tbx` file of the shipped `Glossaries/` folder; nil when none is found.
    public static func shipped() throws(DraftError) -> DraftGlossary? {
        try shipped(adding: [])
    }

    /// The shipped termbases with the concepts of the user's own (`TermbaseStore.importedConcepts`:
    /// a ministry's approved TBX/CSV imported into the memory) before them; nil when there is
    /// neither. Where both name a term, recognition names the user's concept
    /// (`Termbase.precedence`, ties in load order), so a draft carries the ministry's rendering
    /// and its review status rather than Verbale's unreviewed one (review 1130h M4); the
    /// shipped concepts serve where the user's termbase has no such term. With no user concept
    /// the glossary is the shipped one exactly (same concepts, same order, same fingerprint).
    public static func shipped(adding userConcepts: [Concept]) throws(DraftError) -> DraftGlossary? {
        var concepts = userConcepts
        var shippedFiles = false
        if let folder = ShippedData.glossaries,
           let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter({ $0.pathExtension.lowercased() == "tbx" }).sorted(by: { $0.path < $1.path }) {
            shippedFiles = !files.isEmpty
            for file in files {
                do {
                    concepts += try TBXReader.readAll(file).concepts.map { concept in
                        var concept = concept
                        concept.origin = concept.origin ?? ConceptOrigin(termbase: ConceptOrigin.shippedPrefix + file.lastPathComponent,
                                                                         file: file.lastPathComponent, entry: concept.id)
                        return concept
                    }
                } catch { throw .malformedMemory(file.path, error.description) }
            }
        }
        return concepts.isEmpty && !shippedFiles ? nil : DraftGlossary(concepts: concepts)
    }

    /// Whether `concept` comes from a termbase the user imported (not one Verbale ships).
    static func isUsers(_ concept: Concept) -> Bool { concept.origin.map { !$0.isShipped } ?? false }

    /// The glossary terms in `text` (English, French or Khmer), left to right.
    public func recognize(_ text: String, language: Language) -> [TermOccurrence] {
        lock.lock()
        defer { lock.unlock() }
        return termbase.recognize(text, language: LanguageTag(language))
    }

    /// The concept whose term starts `text` (after an optional "the "), with the number of
    /// Unicode scalars it covers.
    func entity(atStartOf text: String, language: Language) -> (TermOccurrence, Int)? {
        guard let first = recognize(text, language: language).first else { return nil }
        let before = String(String.UnicodeScalarView(Array(text.unicodeScalars)[0..<first.range.lowerBound]))
        guard before.trimmingCharacters(in: .whitespaces).isEmpty || before.lowercased().trimmingCharacters(in: .whitespaces) == "the" else { return nil }
        return (first, first.range.upperBound)
    }
}
