import VerbaleAlign
import VerbaleCore
import VerbaleMemory

/// The previous-segment context of each aligned unit, as `verbale import` records it for the
/// units of a file (`ContextKeys`: the context hash of every variant of the unit before it), so
/// `search --previous` and `suggest` reach the 101 "context" band on aligned notes too.
///
/// Why computed here and not left to the import: the import hashes the unit before each unit
/// as it receives it, but align hands it only the units, without the sentences that have no
/// counterpart. So the keys are taken from the alignment itself, in document order, with every
/// unit (orphans too) as the predecessor of the next. `result` must already be scrubbed (the
/// caller scrubs it, or a copy when personal data is kept): keys are of scrubbed texts, as the
/// import's and a search's are. Cost: one hash pass over each sentence.
enum AlignmentContext {
    /// Per unit of `result`, in order: the keys of the unit before it (nil for the first).
    static func previousKeys(_ result: MultilingualAlignment) -> [String?] {
        var keys: [String?] = []
        keys.reserveCapacity(result.units.count)
        var previous: String?
        for unit in result.units {
            keys.append(previous)
            let own = ContextKeys(texts: result.languages.compactMap { unit.variants[$0] }).value
            previous = own.isEmpty ? nil : own
        }
        return keys
    }
}
