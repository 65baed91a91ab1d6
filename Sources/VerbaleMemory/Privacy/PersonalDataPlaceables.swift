import Foundation
import VerbaleCore

extension PersonalDataScrubber {
    /// The personal data of a text the user is drafting, as `.placeholder` placeables valued by
    /// the text itself (the name, the address…), with ranges in Unicode scalars.
    ///
    /// Why: import stores `{PERSON}`, `{EMAIL}`… in place of personal data, and the tokenizer
    /// reads each placeholder as one placeable valued by its name. A query naming a real person
    /// must meet those segments as a placeable of the same type with another value — a small
    /// penalty, and the query's value carried into the translations — not as two or three words
    /// the memory can never hold. All kinds share the type `placeholder`, so a query's e-mail
    /// address standing where the memory has `{PHONE}` also costs only that penalty; a memory
    /// holds one placeholder of a kind per position, so this rarely decides a ranking.
    ///
    /// Cost: the scrubber's trigger pass over the text's bytes; most drafting queries stop
    /// there. Texts that pass run the recognisers' regular expressions, O(n) each.
    public func placeholders(in text: String) -> [Placeable] {
        let found = spans(in: text)
        guard !found.isEmpty else { return [] }
        let offsets = ScalarOffsets(utf16: Array(text.utf16))
        return found.map { span in
            let lower = offsets.scalarOffset(ofUTF16: span.range.location)
            let upper = offsets.scalarOffset(ofUTF16: span.range.location + span.range.length)
            let original = (text as NSString).substring(with: span.range)
            return Placeable(kind: .placeholder, text: original, value: original, range: lower..<upper)
        }
    }
}
