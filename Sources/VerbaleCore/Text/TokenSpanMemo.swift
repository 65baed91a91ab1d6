import Foundation

/// The word spans the tokenizers of one thread found for their last few texts, so that a second
/// tokenizer segmenting the very same units does not segment them again.
///
/// Why: the import's concordance (`ConcordanceWords`, through `Tokenizer.tokenizeWithParts`)
/// and fuzzy-match analysers (`Tokenizer.visitTokens`) each split every Khmer variant into
/// words, and for a text of Khmer and spaces alone (most Khmer variants: the concordance masks
/// only non-Khmer scalars) they hand the tokenizer identical units. Finding Khmer words is the
/// dear part of both (ICU's dictionary breaks, the rules, the boundary model: about 70,000
/// instructions a variant on the Khmer 3k slice, callgrind); the second pass now costs a
/// comparison of the units and a copy of the spans.
///
/// Safe by construction: `Tokenizer.wordSpans` is a function of the units and of the
/// tokenizer's language, engine and Khmer word breaking alone, and an entry is used only when
/// all four are equal to those it was found for (the units compared in full, not hashed).
/// Always recorded with the compound cuts `tokenizeWithParts` needs, whichever tokenizer came
/// first. `TokenSpanMemoEquivalenceTests` compares analyses with and without a memo on khPOS
/// Khmer, the notes and Europarl.
///
/// Cost: per text that may hold Khmer, one copy of its units, spans and cuts, and a comparison
/// against at most `capacity` entries; texts of more than `largestText` units are not kept.
/// Not thread-safe: one per analysing thread, shared by its tokenizers (`Tokenizer.spanMemo`).
public final class TokenSpanMemo {
    /// What `wordSpans` depends on besides the units.
    struct Configuration: Equatable {
        var language: Language
        var engine: Tokenizer.Engine
        var khmerWordBreaking: Tokenizer.KhmerWordBreaking
    }

    struct Entry {
        var configuration: Configuration
        var units: [UInt16]
        var spans: [Tokenizer.Span]
        var cuts: [Int]
    }

    /// Entries kept: a unit's variants are analysed index by index (all of its variants for one
    /// index, then all for the next), so the first index's entries must outlive the unit's
    /// other variants. Units have one or two Khmer variants; four leaves room.
    static let capacity = 4
    /// Longer texts are segmented twice rather than copied (their copy would outweigh little).
    static let largestText = 1 << 16

    private var entries: [Entry] = []
    /// Where the next entry goes once `entries` is full (the oldest).
    private var oldest = 0
    /// How many `recall`s found their entry (for tests).
    private(set) var hits = 0
    /// How many texts `Tokenizer.spansAroundKhmerRuns` served from the spans of their masked
    /// copy (for tests; each is also one of `hits`).
    var khmerRunHits = 0

    public init() {}

    /// Copies the spans and cuts found for `units` under `configuration` into `spans` and
    /// `cuts`; false (both untouched) when no entry holds them.
    func recall(_ units: UnsafeBufferPointer<UInt16>, _ configuration: Configuration, spans: inout [Tokenizer.Span],
                cuts: inout [Int]) -> Bool {
        guard units.count <= Self.largestText else { return false }
        for entry in entries where entry.configuration == configuration && entry.units.count == units.count {
            let same = entry.units.withUnsafeBufferPointer { kept in
                guard let a = kept.baseAddress, let b = units.baseAddress else { return true }  // both empty
                return memcmp(a, b, units.count * MemoryLayout<UInt16>.stride) == 0
            }
            guard same else { continue }
            spans.removeAll(keepingCapacity: true)
            spans.append(contentsOf: entry.spans)
            cuts.removeAll(keepingCapacity: true)
            cuts.append(contentsOf: entry.cuts)
            hits += 1
            return true
        }
        return false
    }

    /// Keeps `spans` and `cuts` as what `units` gives under `configuration`.
    func remember(_ units: UnsafeBufferPointer<UInt16>, _ configuration: Configuration, spans: [Tokenizer.Span], cuts: [Int]) {
        guard units.count <= Self.largestText else { return }
        let entry = Entry(configuration: configuration, units: Array(units), spans: spans, cuts: cuts)
        if entries.count < Self.capacity {
            entries.append(entry)
        } else {
            entries[oldest] = entry
            oldest = (oldest + 1) % Self.capacity
        }
    }
}

/// An index analyser whose tokenizers can share a thread's `TokenSpanMemo` (the import gives one
/// memo to all the analysers of an analysing thread).
public protocol SharesTokenSpans: AnyObject {
    func shareTokenSpans(_ memo: TokenSpanMemo)
}
