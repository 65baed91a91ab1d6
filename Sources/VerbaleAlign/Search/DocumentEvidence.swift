/// Whether two documents look like translations of each other at all, judged on content, after
/// they have been aligned.
///
/// Why: the bead search and `Confidence` start from the length model, and two unrelated texts
/// of similar sentence lengths fit it as well as a translation does (review 1130b M4: three
/// unrelated sentences paired at 0.92–0.95, imported as attested, then offered as 100 % matches).
/// Lengths cannot tell; content can. A bead is *supported* when its two sides share a piece of
/// content evidence: a number, date, month, e-mail or URL (`SentenceFeatures.strong`), a name,
/// code or glossary concept of one side found on the other (`names` in `keys`), a cognate
/// (`stems`, Latin pairs), or a ? ! : mark both keep. The learnt lexicon is not used: it is learnt
/// from these very beads, so it would confirm any pairing it was given.
///
/// The document pair is judged *unrelated* when its aligned beads are hardly ever supported:
/// fewer than `minimumRate` of them, or — with at least `chanceBeads` beads, where a chance rate
/// can be measured — no more than `minimumMargin` above the rate of the same beads paired off the
/// diagonal (each bead's source with the target of the bead half a document away, or the mean
/// over several such pairings when lower: `chanceShifts`), i.e. the
/// alignment finds no more shared content than any pairing of the two texts would. Unrelated
/// diplomatic notes share "Ministry"/"Ministère"-style cognates, so an absolute rate alone
/// would pass long unrelated pairs; the chance rate is what they are compared with.
/// Cost: O(Σ anchors) over the beads, at most nine times (aligned, and up to eight shifts); no search.
public struct DocumentEvidence: Sendable, Hashable {
    /// Beads with sentences on both sides.
    public var beads: Int
    /// Of those, beads whose two sides share content evidence.
    public var supported: Int
    /// Supported beads when each source side is paired with a target side further on: the
    /// pairing by half a document, or the mean over the pairings of `chanceShifts` (rounded)
    /// when that is lower.
    public var chanceSupported: Int

    /// Below this share of supported beads a document pair is unrelated, whatever its length.
    public static let minimumRate = 0.2
    /// With this many beads or more, the aligned rate must exceed the chance rate by `minimumMargin`.
    public static let chanceBeads = 6
    public static let minimumMargin = 0.1
    /// The confidence every bead of an unrelated pair is capped at: below the default
    /// `--min-confidence` (0.5) and the 0.3 of a sentence without counterpart, so the units are
    /// flagged and stored unreviewed.
    public static let unrelatedConfidence = 0.2
    /// The confidence a doubtful bead (`doubtfulBeads`) is capped at: below the default
    /// `--min-confidence` (0.5), so it is flagged and stored unreviewed, above the 0.3 of a
    /// sentence without counterpart.
    public static let doubtfulConfidence = 0.4

    public var rate: Double { beads == 0 ? 0 : Double(supported) / Double(beads) }
    public var chanceRate: Double { beads == 0 ? 0 : Double(chanceSupported) / Double(beads) }

    /// Whether the pair shows (almost) no content evidence of being translations.
    public var looksUnrelated: Bool {
        guard beads > 0 else { return false }
        if rate < Self.minimumRate { return true }
        return beads >= Self.chanceBeads && rate - chanceRate < Self.minimumMargin
    }

    /// A sentence for the warning: what was measured.
    public var summary: String {
        let percent = { (x: Double) in "\(Int((x * 100).rounded())) %" }
        var text = "\(supported) of \(beads) aligned sentence pairs share a number, date, name, term, cognate or mark (\(percent(rate)))"
        if beads >= Self.chanceBeads { text += ", against \(percent(chanceRate)) for sentences paired at random" }
        return text
    }

    public init(beads: Int, supported: Int, chanceSupported: Int) {
        self.beads = beads
        self.supported = supported
        self.chanceSupported = chanceSupported
    }

    /// Measures `beads` over the documents' features.
    init(beads all: [Bead], source: [SentenceFeatures], target: [SentenceFeatures]) {
        let beads = all.filter { !$0.source.isEmpty && !$0.target.isEmpty }
        let sides = beads.map { (Self.joined(source, $0.source), Self.joined(target, $0.target)) }
        let supported = sides.filter { Self.shareContent($0.0, $0.1) }.count
        var chance = 0
        if sides.count > 1 {
            func shiftedSupport(_ shift: Int) -> Int {
                sides.indices.filter { Self.shareContent(sides[$0].0, sides[($0 + shift) % sides.count].1) }.count
            }
            let half = shiftedSupport(max(1, sides.count / 2))
            let shifts = Self.chanceShifts(sides.count)
            let total = shifts.reduce(0) { $0 + ($1 == max(1, sides.count / 2) ? half : shiftedSupport($1)) }
            let mean = Int((Double(total) / Double(shifts.count)).rounded())
            // The lower of the two: the pairing by half a document, which the floors measured on
            // Europarl and gettext rest on, unless the mean over pairings says it was a mirror.
            chance = min(half, mean)
        }
        self.init(beads: beads.count, supported: supported, chanceSupported: chance)
    }

    /// How many off-diagonal pairings the chance rate is the mean of, at most.
    static let chancePairings = 8

    /// The shifts the chance rate pairs the beads by: every shift of a short document, else
    /// `chancePairings` spread evenly over it.
    ///
    /// Why several (review 1201a M3): a note verbale is symmetric around its middle — the
    /// opening and the closing name the same sender and recipient, the reference and the date
    /// line share the year, letterhead and recipient lines the same institutions — so the one
    /// pairing by half a document that was used found as much shared content as the true
    /// alignment, and a correct one-page EN/KM note was judged unrelated, all its units capped at
    /// 0.20. The mean over pairings is what "paired at random" means; the chance rate is the
    /// lower of it and the half-document pairing, so no pair judged related before is judged
    /// unrelated now (the mean alone, tried first, moved one Europarl true pair of
    /// `DocumentEvidenceTests` — supported rate 0.33 — under the margin, and caught 19 of 20
    /// mismatched pairs instead of 15). Cost: at most `chancePairings` passes of
    /// `shareContent` over the beads.
    static func chanceShifts(_ count: Int) -> [Int] {
        guard count > 1 else { return [] }
        if count - 1 <= chancePairings { return Array(1..<count) }
        var shifts: [Int] = []
        for k in 1...chancePairings {
            let shift = max(1, min(count - 1, k * count / (chancePairings + 1)))
            if !shifts.contains(shift) { shifts.append(shift) }
        }
        return shifts
    }

    /// The features of a bead's side. O(1) for one sentence.
    static func joined(_ features: [SentenceFeatures], _ range: Range<Int>) -> SentenceFeatures {
        range.count == 1 ? features[range.lowerBound] : SentenceFeatures.joined(features[range])
    }

    /// The indices of beads placed by length alone where the two documents fall out of step:
    /// beads with sentences on both sides that share no content evidence (`shareContent`), in a
    /// run of such beads (and beads without counterpart) whose window — the run and the bead on
    /// each side of it — holds a bead that is not `1-1`.
    ///
    /// Why (review 1130c M7): where one side drops, merges or splits a sentence, which sentence
    /// went is told only by the length model unless the beads share content; a short note then
    /// pairs "The delegation will be led by Mr. …" with « L'Ambassade saurait gré au
    /// Ministère… » at 0.83, a wrong unit stored as a translation. A run of `1-1` beads between
    /// two beads that do share content (or the document's ends) is pinned on both sides and
    /// keeps its confidence: translations whose sentences share nothing checkable (EN–KM user
    /// interface strings, wording without names or numbers) are not put in doubt when the two
    /// documents keep step. O(Σ anchors) over the beads.
    static func doubtfulBeads(_ beads: [Bead], source: [SentenceFeatures], target: [SentenceFeatures]) -> [Int] {
        let supported = beads.map { bead in
            !bead.source.isEmpty && !bead.target.isEmpty && shareContent(joined(source, bead.source), joined(target, bead.target))
        }
        var doubtful: [Int] = []
        var start = 0
        while start < beads.count {
            guard !supported[start] else { start += 1; continue }
            var end = start
            while end < beads.count, !supported[end] { end += 1 }
            let window = max(start - 1, 0)..<min(end + 1, beads.count)
            if window.contains(where: { beads[$0].shape != .oneToOne }) {
                doubtful += (start..<end).filter { !beads[$0].shape.isNull }
            }
            start = end
        }
        return doubtful
    }

    /// Whether two sides share content evidence (see the type's comment).
    static func shareContent(_ a: SentenceFeatures, _ b: SentenceFeatures) -> Bool {
        if sortedIntersect(a.strong, b.strong) || sortedIntersect(a.stems, b.stems) { return true }
        if a.names.contains(where: b.keys.contains) || b.names.contains(where: a.keys.contains) { return true }
        let marks = SentenceFeatures.Marks.question | SentenceFeatures.Marks.exclamation | SentenceFeatures.Marks.colon
        return a.marks & b.marks & marks != 0
    }

    /// Whether two sorted arrays share an element. O(|a| + |b|).
    static func sortedIntersect(_ a: [Int], _ b: [Int]) -> Bool {
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return false
    }
}
