import VerbaleCore

/// The context a unit gives the unit after it in the same file: `ContextHash.of` each of its
/// variants' texts (distinct, space-separated), stored as the next unit's
/// `UnitMetadata.previousContext` on import when the file carries none of its own. A search
/// whose `previousSegment` hashes to any of these keys scores the exact match 101 ("context").
///
/// Why every variant and not only the source: the memory is searched in any of its languages
/// (`--lang km` as well as `--lang en`), and the query's previous segment is in the query's
/// language; one key per variant lets a Khmer query with its Khmer predecessor reach 101 too.
///
/// Why the texts as read, before personal data is scrubbed: `FuzzyMatcher.search` hashes the
/// query's previous segment as typed, without scrubbing it, so only the unscrubbed text yields
/// the same key. What is stored is a 64-bit one-way hash, never the text: the scrubbed memory
/// shows no name; someone who guesses a whole previous sentence word for word (name included)
/// could confirm the guess, which is the residual cost of that choice.
///
/// Cost: O(total text length) per unit (one normalisation and one FNV pass per variant), on the
/// analysis workers, not on the reader or the writer thread.
///
/// Public so that `verbale align --import`/`--tmx` record the same keys for aligned units (from
/// the sentences as aligned, before they are scrubbed): one function, so keys always agree.
public struct ContextKeys: Sendable {
    /// The keys, space-separated: what `UnitMetadata.previousContext` stores.
    public let value: String

    public init(_ unit: TranslationUnit) {
        self.init(texts: unit.variants.map(\.text))
    }

    /// The keys of a unit given as its variants' texts (any order; empty texts have no key).
    public init(texts: [String]) {
        var keys: [String] = []
        keys.reserveCapacity(texts.count)
        for text in texts where !text.isEmpty {
            let key = ContextHash.of(text)
            if !keys.contains(key) { keys.append(key) }
        }
        value = keys.joined(separator: " ")
    }
}
