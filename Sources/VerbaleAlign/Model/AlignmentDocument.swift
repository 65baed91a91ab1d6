import VerbaleCore

/// A document ready for alignment: its language and its paragraphs, each already split into
/// sentences.
///
/// The aligner works on sentences the caller segmented (the CLI uses `Segmenter`), so that the
/// evaluation can measure alignment alone, and a caller can bring its own segmentation.
public struct AlignmentDocument: Sendable {
    public var language: Language
    public var paragraphs: [[String]]

    public init(language: Language, paragraphs: [[String]]) {
        self.language = language
        self.paragraphs = paragraphs.map { $0.filter { !$0.trimmingWhitespace().isEmpty } }.filter { !$0.isEmpty }
    }

    /// All sentences, in order, across paragraphs. Bead indices count in this list.
    public var sentences: [String] { paragraphs.flatMap { $0 } }

    public var isEmpty: Bool { paragraphs.isEmpty }

    /// The index of the first sentence of each paragraph, plus the total count at the end.
    var paragraphStarts: [Int] {
        var starts = [0]
        for paragraph in paragraphs { starts.append((starts.last ?? 0) + paragraph.count) }
        return starts
    }
}
