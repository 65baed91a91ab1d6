/// Scores a Khmer word segmentation against a human one, the two ways the project reports.
///
/// The reference is one sentence per line, words separated by spaces, and the parts of one
/// compound joined by `~`, `^` or `_` (the khPOS convention). Two scores:
/// - boundary F1, where a boundary inside a compound is optional (neither rewarded nor
///   penalised): how often a break falls where a reader would break;
/// - strict word F1: a predicted word counts only when both its ends match a reference word
///   (compounds whole).
/// Cost: O(n) per sentence.
public struct WordSegmentationScore: Sendable, CustomStringConvertible {
    public private(set) var boundaryTruePositives = 0
    public private(set) var boundaryFalsePositives = 0
    public private(set) var boundaryFalseNegatives = 0
    public private(set) var wordMatches = 0
    public private(set) var predictedWords = 0
    public private(set) var referenceWords = 0
    public private(set) var sentences = 0

    public init() {}

    /// The sentence a reference line segments: its words and compound parts run together.
    public static func text(ofReference line: some StringProtocol) -> String {
        String(line.unicodeScalars.filter { !isJoiner($0) && $0 != " " }.map(Character.init))
    }

    /// Adds one sentence: the reference line and the predicted words (whose concatenation must
    /// be the reference text; returns false and adds nothing otherwise).
    @discardableResult
    public mutating func add(reference line: some StringProtocol, predicted words: [String]) -> Bool {
        var required = Set<Int>(), optional = Set<Int>(), referenceSpans = Set<Range<Int>>()
        var position = 0
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        for (index, word) in parts.enumerated() {
            let start = position
            for scalar in word.unicodeScalars {
                if Self.isJoiner(scalar) { optional.insert(position) } else { position += 1 }
            }
            referenceSpans.insert(start..<position)
            if index < parts.count - 1 { required.insert(position) }
        }
        var predicted = Set<Int>(), predictedSpans = Set<Range<Int>>()
        var end = 0
        let nonEmpty = words.filter { !$0.isEmpty }
        for (index, word) in nonEmpty.enumerated() {
            let start = end
            end += word.unicodeScalars.count
            predictedSpans.insert(start..<end)
            if index < nonEmpty.count - 1 { predicted.insert(end) }
        }
        guard end == position else { return false }
        boundaryTruePositives += predicted.intersection(required).count
        boundaryFalsePositives += predicted.subtracting(required).subtracting(optional).count
        boundaryFalseNegatives += required.subtracting(predicted).count
        wordMatches += predictedSpans.intersection(referenceSpans).count
        predictedWords += predictedSpans.count
        referenceWords += referenceSpans.count
        sentences += 1
        return true
    }

    public var boundaryF1: Double {
        Self.f1(truePositives: boundaryTruePositives, predicted: boundaryTruePositives + boundaryFalsePositives,
                reference: boundaryTruePositives + boundaryFalseNegatives)
    }

    public var wordF1: Double { Self.f1(truePositives: wordMatches, predicted: predictedWords, reference: referenceWords) }

    public var description: String {
        "boundary F1 \(Self.format(boundaryF1)), strict word F1 \(Self.format(wordF1)) over \(sentences) sentences"
    }

    static func f1(truePositives: Int, predicted: Int, reference: Int) -> Double {
        guard predicted > 0, reference > 0, truePositives > 0 else { return 0 }
        let precision = Double(truePositives) / Double(predicted), recall = Double(truePositives) / Double(reference)
        return 2 * precision * recall / (precision + recall)
    }

    static func format(_ value: Double) -> String {
        let thousandths = Int((value * 10_000).rounded())
        let text = String(thousandths)
        return "0." + String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool { scalar == "~" || scalar == "^" || scalar == "_" }
}
