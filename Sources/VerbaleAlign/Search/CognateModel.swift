import Foundation

/// What shared word beginnings (`SentenceFeatures.stems`) are worth for one document pair,
/// learnt from that pair.
///
/// Model: a word of a sentence finds its cognate key in the sentence's translation with
/// probability `translated` (cognates, names, numbers spelt alike), and in any sentences by
/// chance with probability `λ · k` for k words there. A found key then earns
/// `log((translated + (1 − translated)·λk) / λk)` and a missing one costs
/// `−log(1 − translated)`. Because the chance term grows with k, joining sentences into a
/// bigger bead does not buy matches for free. Both parameters are measured on a first pass's
/// `1-1` beads and on beads paired a few places apart. English/French share many (`translated`
/// ≈ 0.3); English/Khmer almost none, so the model switches itself off. O(n).
struct CognateModel: Sendable, Equatable {
    var translated: Double
    var lambda: Double

    static let off = CognateModel(translated: 0, lambda: 0)

    var isOn: Bool { translated > 0 }

    /// −log(1 − translated): the cost of a word whose cognate is missing.
    var missCost: Double { -log(1 - translated) }

    /// The bonus for a found word when the other side has `otherWords` keys.
    @inline(__always)
    func matchBonus(otherWords: Int) -> Double {
        let chance = min(max(lambda * Double(otherWords), 1e-4), 0.9)
        return log((translated + (1 - translated) * chance) / chance)
    }

    static func estimated(beads: [Bead], source: [SentenceFeatures], target: [SentenceFeatures]) -> CognateModel {
        let ones = beads.filter { $0.shape == .oneToOne }
        guard ones.count >= 20 else { return .off }
        var found = 0, words = 0, chanceFound = 0, chanceProducts = 0.0, meanOther = 0.0
        func matches(_ a: [Int], _ b: [Int]) -> Int {
            let set = Set(b)
            return a.filter(set.contains).count
        }
        for (k, bead) in ones.enumerated() {
            let s = source[bead.source.lowerBound].stems, t = target[bead.target.lowerBound].stems
            found += matches(s, t) + matches(t, s)
            words += s.count + t.count
            meanOther += Double(s.count * t.count * 2)
            let far = target[ones[(k + 3) % ones.count].target.lowerBound].stems
            chanceFound += matches(s, far) + matches(far, s)
            chanceProducts += Double(s.count * far.count * 2)
        }
        guard words >= 200, chanceProducts > 0, chanceFound > 0 else { return .off }
        let lambda = Double(chanceFound) / chanceProducts
        let typicalChance = lambda * meanOther / Double(words)
        let rate = Double(found) / Double(words)
        let translated = (rate - typicalChance) / (1 - typicalChance)
        guard translated > 2 * typicalChance, translated > 0.02 else { return .off }
        return CognateModel(translated: min(translated, 0.9), lambda: lambda)
    }
}
