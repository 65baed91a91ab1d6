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

    /// What cognates are assumed worth between two Latin-script languages (English–French) when a
    /// document pair is too short to measure it: fewer than 20 `1-1` beads or 200 cognate keys,
    /// i.e. every note verbale (4–8 sentences). Why: without it a short pair is aligned by length
    /// and numbers alone, and a sentence dropped from the translation is absorbed into a `2-1`
    /// bead while its neighbour is paired with the wrong sentence (review 1130c M7: "The
    /// delegation will be led by…" ↔ « L'Ambassade saurait gré… » at 0.83); shared word
    /// beginnings ("Ministry"/« Ministère », "assistance") tell which sentence is missing.
    /// Values: the medians of the models `estimated` measures on 19 of Europarl's 100-sentence
    /// documents (translated 0.15–0.29, λ 0.0014–0.0043; `DroppedSentenceTests.priorMeasured`
    /// checks the prior lies inside the measured range).
    static let latinPrior = CognateModel(translated: 0.23, lambda: 0.0024)

    var isOn: Bool { translated > 0 }

    /// −log(1 − translated): the cost of a word whose cognate is missing.
    var missCost: Double { -log(1 - translated) }

    /// The bonus for a found word when the other side has `otherWords` keys.
    @inline(__always)
    func matchBonus(otherWords: Int) -> Double {
        let chance = min(max(lambda * Double(otherWords), 1e-4), 0.9)
        return log((translated + (1 - translated) * chance) / chance)
    }

    /// The model measured on a first pass's beads; `shortFallback` when there is too little to
    /// measure (fewer than 20 `1-1` beads or 200 cognate keys: `latinPrior` for two Latin-script
    /// languages, `.off` otherwise). A pair measured to share no more than chance stays off.
    static func estimated(beads: [Bead], source: [SentenceFeatures], target: [SentenceFeatures], shortFallback: CognateModel = .off) -> CognateModel {
        let ones = beads.filter { $0.shape == .oneToOne }
        guard ones.count >= 20 else { return shortFallback }
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
        guard words >= 200 else { return shortFallback }
        guard chanceProducts > 0, chanceFound > 0 else { return .off }
        let lambda = Double(chanceFound) / chanceProducts
        let typicalChance = lambda * meanOther / Double(words)
        let rate = Double(found) / Double(words)
        let translated = (rate - typicalChance) / (1 - typicalChance)
        guard translated > 2 * typicalChance, translated > 0.02 else { return .off }
        return CognateModel(translated: min(translated, 0.9), lambda: lambda)
    }
}
