import Foundation
import VerbaleCore
import VerbaleFormats

/// Termbases in TBX files as the aligner's glossary anchors: each concept with terms in at least
/// two of the languages being aligned becomes a `TermConcept`.
///
/// ```swift
/// let termbases = TermbaseConcepts.shipped ?? TermbaseConcepts(files: [])
/// let read = termbases.read(for: [.english, .khmer])
/// let aligner = Aligner(options: .init(concepts: read.concepts))
/// for problem in read.problems { print("warning:", problem) }
/// ```
///
/// Why here and not in the CLI: any front end that aligns (the CLI, an editor plug-in) wants the
/// same anchors. A file that cannot be read costs only its own anchors: `read(for:)` goes on and
/// reports it in `problems`, because an alignment without a few term anchors is still useful;
/// `termConcepts(for:)` (the `TermConceptSource` requirement) throws instead. Cost: one streamed
/// parse of each file, O(terms).
public struct TermbaseConcepts: TermConceptSource, Sendable {
    /// The TBX files, read in this order.
    public var files: [URL]

    public init(files: [URL]) {
        self.files = files
    }

    /// The `.tbx` files of `folder`, in name order.
    public init(folder: URL) throws {
        let contents = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        files = contents.filter { $0.pathExtension.lowercased() == "tbx" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The shipped termbases (`Glossaries/`, found by `ShippedData`); nil when they cannot be found
    /// or listed.
    public static var shipped: TermbaseConcepts? {
        guard let folder = ShippedData.glossaries else { return nil }
        return try? TermbaseConcepts(folder: folder)
    }

    /// What `read(for:)` found: the concepts, and one message per file that could not be used.
    public struct Reading: Sendable {
        public var concepts: [TermConcept]
        public var problems: [String]
    }

    /// Concepts with renderings in at least two of `languages` (only those renderings kept);
    /// unreadable files are skipped and named in `problems`.
    public func read(for languages: [Language]) -> Reading {
        var reading = Reading(concepts: [], problems: [])
        for file in files {
            do {
                reading.concepts += try Self.concepts(in: file, languages: languages)
            } catch {
                reading.problems.append("glossary \(file.path) not used as anchors: \(error)")
            }
        }
        return reading
    }

    public func termConcepts(for languages: [Language]) throws -> [TermConcept] {
        try files.flatMap { try Self.concepts(in: $0, languages: languages) }
    }

    static func concepts(in file: URL, languages: [Language]) throws(TBXError) -> [TermConcept] {
        let wanted = Set(languages)
        return try TBXReader.readAll(file).concepts.compactMap { concept in
            var renderings: [Language: [String]] = [:]
            for term in concept.terms {
                guard let language = term.language.language, wanted.contains(language) else { continue }
                renderings[language, default: []].append(term.text)
            }
            return renderings.count >= 2 ? TermConcept(renderings: renderings) : nil
        }
    }
}
