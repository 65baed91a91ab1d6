/// The text the concordance hands its Khmer tokenizer: every scalar outside the Khmer runs
/// replaced by one unit — U+0020 for a word space, a line break for anything else — so that
/// each Khmer run is segmented on its own at the text's own offsets (`ConcordanceWords.words`).
///
/// Why here: the tokenizer's `TokenSpanMemo` recognises a fuzzy-match text whose Khmer runs the
/// concordance segmented by masking the text the same way (`Tokenizer.spansAroundKhmerRuns`);
/// one definition keeps the two masks from drifting apart.
public enum KhmerRunMask {
    /// Whether `value` belongs to a Khmer run: the Khmer block, zero-width (non-)joiners (which
    /// shape Khmer clusters), and U+200B and U+FEFF (taken out between Khmer characters).
    @inline(__always)
    public static func isRunScalar(_ value: UInt32) -> Bool {
        (value >= 0x1780 && value <= 0x17FF) || value == 0x200C || value == 0x200D || value == 0x200B || value == 0xFEFF
    }

    /// The unit (and UTF-8 byte) a scalar outside the runs becomes.
    @inline(__always)
    public static func gap(_ value: UInt32) -> UInt8 {
        KhmerWordGap.isWordSpace(value) ? 0x20 : 0x0A
    }

    /// Writes into `masked` the masked text of `units` and returns true when the tokenizer
    /// provably finds the same spans inside its Khmer runs in both: no surrogate (the mask
    /// gives one unit a scalar), no U+19E0–U+19FF (Khmer to the tokenizer, masked by the
    /// concordance), every word space U+0020 (which the mask keeps), every run set off by
    /// U+0020 or the text's edge, and at least one unit masked (else the text is its own mask,
    /// which the memo looks up as it is). O(n).
    static func mask(_ units: UnsafeBufferPointer<UInt16>, into masked: inout [UInt16]) -> Bool {
        masked.removeAll(keepingCapacity: true)
        masked.reserveCapacity(units.count)
        var changed = false
        var previousInRun = false
        var previous: UInt16 = 0x20
        for u in units {
            if u >= 0xD800 && u <= 0xDFFF || u >= 0x19E0 && u <= 0x19FF { return false }
            let inRun = isRunScalar(UInt32(u))
            if inRun != previousInRun, inRun ? previous != 0x20 : u != 0x20 { return false }
            if inRun {
                masked.append(u)
            } else {
                let g = UInt16(gap(UInt32(u)))
                if g == 0x20, u != 0x20 { return false }
                if g != u { changed = true }
                masked.append(g)
            }
            previousInRun = inRun
            previous = u
        }
        return changed
    }

    /// `units` with each unit of a Khmer run replaced by U+0020, into `blanked`.
    static func blankRuns(_ units: UnsafeBufferPointer<UInt16>, into blanked: inout [UInt16]) {
        blanked.removeAll(keepingCapacity: true)
        blanked.reserveCapacity(units.count)
        for u in units { blanked.append(isRunScalar(UInt32(u)) ? 0x20 : u) }
    }
}
