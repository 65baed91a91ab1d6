import Foundation

/// Names carried from one unit to the next unit of the same file (acceptance review 1130h, m5).
///
/// A note imported segment by segment (a TSV of its sentences, an XLIFF of one document, an
/// aligned pair of documents) names a person once after a title and then again without one,
/// most often in the very next segment — the signature block "Mr. P. Buwalda … Ambassador",
/// then "(w.g.) P. BUWALDA"; "Mr. Sok Dara will lead the delegation." then "Sok Dara will arrive
/// on 3 May." Inside one unit a value found in one text is looked for in all the others
/// (`KnownValue`); across units nothing tied them, and the second segment was stored as typed.
///
/// What is carried, and why no more:
/// - the person names of **two words or more** the patterns found in the unit's variant texts
///   (and, for a name of three words or more, its first two capitalised words too: the title
///   pattern takes up to four capitalised words, so "Mr. P. Buwalda Harer Majesteits" — Dutch
///   "Her Majesty's" — was found whole, and the signature repeats "P. BUWALDA"). A one-word name
///   ("Mrs. May", "M. Blanc") is an ordinary word as often as a name, and units of a memory
///   exported by a CAT tool are not always in document order: carried, it would take "May" and
///   "Blanc" from unrelated units; inside a unit (aligned translations) the risk is taken, across
///   units it is not;
/// - to the **next unit only**, and only names the patterns found in that unit, never names it
///   received: a unit's scrubbed text depends on itself and the unit before, nothing earlier.
///   Why: the import analyses chunks of units on several threads; the first unit of a chunk sees
///   the unit before it (and that unit's own predecessor, for its context key) from the reader,
///   so every unit is scrubbed exactly as on one thread, whatever the thread count and chunk
///   boundaries (`PersonalDataCarriedNamesTests`, `ImportPipelineTests`). A name carried along a
///   whole file would make each chunk wait for the one before, and a file-wide list of names
///   would be searched in every later unit (per-unit work growing with the file);
/// - within one **file**: a file's first unit receives nothing (no cross-talk between files).
///
/// Cost: none for a unit after one where the patterns found no name of two words (most units);
/// otherwise one literal scan per carried name per variant text (`literalSpans`), as a unit
/// with a name already pays for its own values.
extension PersonalDataScrubber {
    /// The names of `found` (values the patterns found in one unit's texts) the next unit of the
    /// same file is searched for, in a fixed order (more words first, then by key), so the result
    /// does not depend on the order the variants came in.
    static func namesToCarry(_ found: [KnownValue]) -> [KnownValue] {
        var names: [(words: Int, value: KnownValue)] = []
        func add(_ value: KnownValue, words: Int) {
            guard !names.contains(where: { $0.value.key == value.key }) else { return }
            var carried = value
            carried.placeholder = ""
            names.append((words, carried))
        }
        for value in found where value.kind == .person {
            let words = nameWordsByCharacters(value.value)
            guard words.count >= 2 else { continue }
            add(value, words: words.count)
        }
        for lead in nameLeads(found) { add(lead.value, words: 2) }
        return names.sorted { $0.words != $1.words ? $0.words > $1.words : $0.value.key < $1.value.key }.map(\.value)
    }

    /// The first two words of each person name of three words or more in `found`, both
    /// capitalised ("P. Buwalda" of "P. Buwalda Harer Majesteits"), with the key of the name it
    /// was taken from: the title pattern takes up to four capitalised words, and the person is
    /// named again by the first two (a signature block's "P. BUWALDA"), in the same unit or the
    /// next. A lead numbers as its name does.
    static func nameLeads(_ found: [KnownValue]) -> [(value: KnownValue, owner: String)] {
        var leads: [(value: KnownValue, owner: String)] = []
        for value in found where value.kind == .person {
            let words = nameWordsByCharacters(value.value)
            guard words.count >= 3, words[1].first?.isUppercase == true,
                  let lead = KnownValue(kind: .person, value: String(value.value[words[0].startIndex..<words[1].endIndex])),
                  !leads.contains(where: { $0.value.key == lead.key }) else { continue }
            leads.append((lead, value.key))
        }
        return leads
    }
}
