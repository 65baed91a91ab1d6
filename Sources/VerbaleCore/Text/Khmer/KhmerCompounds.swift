/// Khmer words of diplomatic correspondence that are one word but that the learned boundary
/// model cuts in two, joined again after it.
///
/// Why: a cut inside a word makes one substituted word cost two edits, so a Khmer sentence
/// scores far below the same edit in English (audit F13: `ស្ថានទូត` "embassy" cut `ស្ថាន ទូត`,
/// one changed word in six gave 66 where English gives 88, under the default threshold of 70).
/// The model was trained on software messages (`KhmerBoundaryModel`), where these words are
/// rare, and it overrides ICU's dictionary at them. A merge list, not a retrained model: it
/// fixes exactly the words in it and changes nothing else.
///
/// Which words (provenance): each is a word of ICU 72's Khmer dictionary (ICU's word breaks
/// alone keep it whole; ICU's dictionary is the attested word list the tokenizer starts from),
/// the learned model cuts it in the shipped memory (`Memories/note-verbale-formulas.tmx`) or
/// glossary (`Glossaries/diplomatic.tbx`), and human word segmentation does not cut it where it
/// occurs: the khPOS sample (measuring only, nothing built from it) writes `ស្ថាន_ទូត` ×2 and
/// `ការ~បរទេស` ×1 as one compound word, `ជាតិ` ×14 as one word, and joins `ការ~` nouns as one
/// word (`ការ~គោរព` ×3); khmer-nltk (a CRF trained on other human segmentation) keeps
/// `ស្ថានទូត` and `ការបរទេស` whole. Left out, for want of evidence that they are one word:
/// `អគ្គកុងស៊ុល` and `ស្ថានកុងស៊ុល` (ICU's dictionary and khmer-nltk both cut them; no
/// human-segmented text we have holds them), and `ក្រសួងការបរទេស` (khPOS: `ក្រសួង ការ~បរទេស`,
/// two words).
///
/// Only pieces the model left adjacent are joined, and only when their boundaries fall exactly
/// on the word's ends (a piece holding more than the word is left alone). It runs on the text
/// without its U+200B and its spaces between Khmer words (`KhmerInvisibleBreaks`), so a word
/// typed with a U+200B or a space inside it (`ស្ថាន ទូត`) is joined the same way. Changing the list changes tokens: bump `Tokenizer.analysisVersion`.
///
/// Cost: per piece, its first unit compared with the words' four first units; a full
/// comparison only at a piece starting like a listed word (a few units). No allocation.
enum KhmerCompounds {
    /// The words, longest first so that a longer word wins over one it contains.
    static let words: [[UInt16]] = [
        "ស្ថានទូត",   // embassy. ICU: one word; khPOS: ស្ថាន_ទូត; khmer-nltk: one word. Model: ស្ថាន|ទូត.
        "កិត្តិយស",   // honour ("មានកិត្តិយស" has the honour). ICU: one word. Model: កិត្តិយ|ស before សូម.
        "ការបរទេស",  // foreign affairs. ICU: one word; khPOS: ការ~បរទេស; khmer-nltk: one word. Model: ការ|បរទេស.
        "រដ្ឋទូត",    // envoy, in ឯកអគ្គរដ្ឋទូត (ambassador). ICU: ឯកអគ្គ|រដ្ឋទូត. Model: រដ្ឋ|ទូត.
        "ការទូត",    // diplomacy, diplomatic (បេសកកម្មការទូត). ICU: one word. Model: ការ|ទូត.
        "ជាតិ",      // nation (the motto ជាតិ សាសនា ព្រះមហាក្សត្រ heading Khmer official letters).
                      // ICU: one word; khPOS: ជាតិ ×14. Model: ជា|តិ.
    ].map { Array($0.utf16) }.sorted { $0.count > $1.count }

    /// For the listed words made of two words of their own, where the second starts (UTF-16
    /// units into the word): the concordance indexes the parts too (`Tokenizer.tokenizeWithParts`),
    /// so `បរទេស` "foreign" is found in `ការបរទេស` and `ទូត` "envoy" in `ស្ថានទូត`. Not
    /// `កិត្តិយស` or `ជាតិ`: the model's cuts there (`កិត្តិយ|ស`, `ជា|តិ`) are not words, and
    /// `ជា` ("is") found in every `ជាតិ` would be noise.
    static let partStarts: [[UInt16]: Int] = [
        "ស្ថានទូត": "ស្ថាន", "ការបរទេស": "ការ", "រដ្ឋទូត": "រដ្ឋ", "ការទូត": "ការ",
    ].reduce(into: [:]) { result, entry in result[Array(entry.key.utf16)] = entry.value.utf16.count }

    /// Where the second part of the listed word spelled by `range` starts (an offset in
    /// `units`), or nil when the word has no parts (or `range` spells no listed word).
    static func partStart(of range: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> Int? {
        partStarts[Array(units[range])].map { range.lowerBound + $0 }
    }

    /// The distinct first units of the words (four), for a filter of a few comparisons: cheaper
    /// than hashing into a `Set` at every piece of every Khmer text.
    private static let firstUnits: [UInt16] = words.compactMap(\.first).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }

    /// Joins, in `pieces` (adjacent UTF-16 ranges of `units`), each run of adjacent pieces that
    /// spells a listed word exactly. `output` is emptied first (its capacity reused).
    static func join(_ pieces: [Range<Int>], _ units: UnsafeBufferPointer<UInt16>, into output: inout [Range<Int>]) {
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(pieces.count)
        var i = 0
        while i < pieces.count {
            let piece = pieces[i]
            if let last = wordEnding(at: i, pieces, units) {
                output.append(piece.lowerBound..<pieces[last].upperBound)
                i = last + 1
            } else {
                output.append(piece)
                i += 1
            }
        }
    }

    /// The index of the last piece of a listed word starting at piece `i` and spanning at
    /// least two adjacent pieces, or nil.
    private static func wordEnding(at i: Int, _ pieces: [Range<Int>], _ units: UnsafeBufferPointer<UInt16>) -> Int? {
        let start = pieces[i].lowerBound
        guard i + 1 < pieces.count, firstUnits.contains(units[start]) else { return nil }
        for word in words {
            let end = start + word.count
            guard end <= units.count, pieces[i].upperBound < end else { continue }
            var same = true
            for k in 0..<word.count where units[start + k] != word[k] { same = false; break }
            guard same else { continue }
            // The pieces from i on must be adjacent and one of them must end exactly at `end`.
            var j = i
            while j + 1 < pieces.count, pieces[j].upperBound == pieces[j + 1].lowerBound, pieces[j].upperBound < end { j += 1 }
            if pieces[j].upperBound == end { return j }
        }
        return nil
    }
}
