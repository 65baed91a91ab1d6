/// Which opening formula each closing formula answers, when a text holds several notes.
///
/// Why: the treaty series publishes a note and its reply in one file, and a reply may quote the
/// first note whole. Taking the text's first opening and last closing then compares the
/// sender of one note with the sender of another. Openings and closings nest like brackets:
/// a closing answers the nearest opening before it that no closing has answered yet, so
/// "opening A … opening B … closing B … closing A" (a quote) and "opening A … closing A …
/// opening B … closing B" (two notes) both pair correctly. A quoted note may be cut short
/// ("… which reads as follows: “The Ministry … presents its compliments …" and no closing,
/// en-BWBV0001288-II), so the text's last closing answers the nearest unanswered opening
/// that is not quoted, when there is one.
///
/// Cost: O(s) for s spotted formulas.
struct FormulaPairs {
    /// Opening spot for each closing spot, keyed by the closing's first token.
    private var openingOfClosing: [Int: PhraseSpotter.Spot] = [:]

    /// `isQuoted` tells whether a formula stands inside a quotation of another note.
    init(_ spots: [PhraseSpotter.Spot], isQuoted: (PhraseSpotter.Spot) -> Bool) {
        var open: [(spot: PhraseSpotter.Spot, quoted: Bool)] = []
        let lastClosing = spots.last { $0.phrase.role == "renew" && !isQuoted($0) }?.tokens.lowerBound
        for spot in spots {
            switch spot.phrase.role {
            case "compliments": open.append((spot, isQuoted(spot)))
            case "renew":
                // A closing inside a quotation answers only a quoted opening.
                if isQuoted(spot) {
                    if open.last?.quoted == true, let opening = open.popLast() { openingOfClosing[spot.tokens.lowerBound] = opening.spot }
                    continue
                }
                var index = open.indices.last
                if spot.tokens.lowerBound == lastClosing, let own = open.lastIndex(where: { !$0.quoted }) { index = own }
                if let index { openingOfClosing[spot.tokens.lowerBound] = open.remove(at: index).spot }
            default: break
            }
        }
    }

    /// The opening that `closing` answers, or nil when no unanswered opening precedes it.
    func opening(closedBy closing: PhraseSpotter.Spot) -> PhraseSpotter.Spot? {
        openingOfClosing[closing.tokens.lowerBound]
    }
}
