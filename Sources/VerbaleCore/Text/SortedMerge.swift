/// Merges two lists that are each sorted by an integer key (text offsets) into one sorted list.
///
/// Why one helper: the tokenizer (`Tokenizer.spansAroundKhmerRuns`: the spans of the Khmer runs
/// and those of the rest) and the concordance (`ConcordanceWords.words`: the Latin words and the
/// Khmer words) each merged two ordered, non-overlapping lists by hand, over different types.
///
/// `merged` is emptied first (its capacity kept), then receives every element of `first` and
/// `second`, in order of `key`; on equal keys `second`'s element comes first (both callers'
/// lists never share a start, so the order of ties is only ever a definition). O(a + b).
@inlinable
public func mergeSorted<Element>(_ first: [Element], _ second: [Element], into merged: inout [Element],
                                 by key: (Element) -> Int) {
    merged.removeAll(keepingCapacity: true)
    merged.reserveCapacity(first.count + second.count)
    var i = 0, j = 0
    while i < first.count || j < second.count {
        if j == second.count || (i < first.count && key(first[i]) < key(second[j])) {
            merged.append(first[i]); i += 1
        } else {
            merged.append(second[j]); j += 1
        }
    }
}

/// `mergeSorted(_:_:into:by:)` into a new array.
@inlinable
public func mergeSorted<Element>(_ first: [Element], _ second: [Element], by key: (Element) -> Int) -> [Element] {
    var merged: [Element] = []
    mergeSorted(first, second, into: &merged, by: key)
    return merged
}
