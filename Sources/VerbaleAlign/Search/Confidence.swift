import Foundation

/// How much to trust a bead, 0…1: a calibrated-looking number a reviewer can sort by, not a
/// probability the model computed.
///
/// It starts from the length fit, `exp(−z²/8)` (1 for a perfect ratio, 0.61 at two standard
/// deviations), scaled by how unusual the shape is, then moves in log-odds: each agreeing
/// number, date, e-mail, name or punctuation mark raises it, each number found on one side only
/// lowers it. A `1-0`/`0-1` bead (a sentence left untranslated) always gets `nullConfidence`, so
/// that, under the default threshold, it is shown for review rather than believed.
public enum Confidence {
    public static let nullConfidence = 0.3

    static func of(shape: BeadShape, evidence e: Evidence) -> Double {
        if shape.isNull { return nullConfidence }
        let shapeFactor: Double = switch (shape.source, shape.target) {
        case (1, 1): 0.97
        case (2, 1), (1, 2): 0.9
        default: 0.8
        }
        let base = min(max(exp(-e.z * e.z / 8) * shapeFactor, 0.01), 0.99)
        var logit = log(base / (1 - base))
        logit += 1.2 * Double(min(e.strongMatched, 3))
        logit += 0.5 * Double(min(e.namesMatched, 3))
        logit += 0.4 * Double(e.marksMatched)
        logit -= 1.5 * Double(min(e.strongUnmatched, 3))
        logit -= 0.7 * Double(e.marksMismatched)
        let value = 1 / (1 + exp(-logit))
        return (min(max(value, 0.01), 0.999) * 1000).rounded() / 1000
    }
}
