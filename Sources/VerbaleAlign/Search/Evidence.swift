/// What one bead's sentences say about being translations of each other.
struct Evidence: Sendable {
    var z: Double = 0
    var strongMatched = 0
    var strongUnmatched = 0
    var namesMatched = 0
    var marksMatched = 0
    var marksMismatched = 0
    /// Cognate keys found / not found on the other side, counted from both sides.
    var cognatesMatched = 0
    var cognatesMissed = 0
    var cognateBonus = 0.0
    /// Log-likelihood ratio of the learnt word translations found and missed (`LexicalScores`).
    var lexicalScore = 0.0
}
