/// Precision, recall and F1 of predicted beads against true beads, micro-averaged over
/// documents. A bead counts as right only when it joins exactly the same sentences; a `1-0`
/// bead is right when the same sentence is left unaligned (where it sits on the other side does
/// not matter).
public struct BeadScore: Sendable, Equatable {
    public var correct = 0
    public var predicted = 0
    public var expected = 0

    public init() {}

    public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
    public var recall: Double { expected == 0 ? 0 : Double(correct) / Double(expected) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Adds one document's beads. O(beads).
    public mutating func add(predicted: [(Range<Int>, Range<Int>)], gold: [(Range<Int>, Range<Int>)]) {
        let truth = Set(gold.map(Key.init))
        let guesses = Set(predicted.map(Key.init))
        correct += guesses.intersection(truth).count
        self.predicted += guesses.count
        expected += truth.count
    }

    /// Adds another score's counts (documents scored apart, summed).
    public mutating func add(_ other: BeadScore) {
        correct += other.correct
        predicted += other.predicted
        expected += other.expected
    }

    private struct Key: Hashable {
        var source: Range<Int>?
        var target: Range<Int>?
        init(_ bead: (Range<Int>, Range<Int>)) {
            source = bead.0.isEmpty ? nil : bead.0
            target = bead.1.isEmpty ? nil : bead.1
        }
    }
}
