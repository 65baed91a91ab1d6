/// How many sentences of each side one bead joins: `1-1`, `2-1` (two source sentences rendered
/// as one target sentence), `1-0` (a source sentence with no translation)…
///
/// Gale and Church's six shapes, plus `1-3`/`3-1` because Khmer translations often merge three
/// English or French sentences into one.
public struct BeadShape: Hashable, Sendable, Codable, CustomStringConvertible {
    public let source: Int
    public let target: Int

    public init(_ source: Int, _ target: Int) {
        self.source = source
        self.target = target
    }

    /// "2-1".
    public var description: String { "\(source)-\(target)" }

    /// True for `1-0` and `0-1`: a sentence that the other side does not translate.
    public var isNull: Bool { source == 0 || target == 0 }

    public static let oneToOne = BeadShape(1, 1)

    /// Every shape the aligner considers, most likely first.
    public static let all: [BeadShape] = [
        BeadShape(1, 1), BeadShape(1, 0), BeadShape(0, 1), BeadShape(2, 1), BeadShape(1, 2),
        BeadShape(2, 2), BeadShape(1, 3), BeadShape(3, 1),
    ]
}

/// One step of an alignment: source sentences `source` correspond to target sentences
/// `target` (indices into each document's sentences, counted across paragraphs).
public struct Bead: Hashable, Sendable {
    public var source: Range<Int>
    public var target: Range<Int>
    /// How much to trust this bead, 0…1 (see `Confidence`).
    public var confidence: Double

    public init(source: Range<Int>, target: Range<Int>, confidence: Double) {
        self.source = source
        self.target = target
        self.confidence = confidence
    }

    public var shape: BeadShape { BeadShape(source.count, target.count) }
}
