/// The U+200B zero-width spaces (and U+FEFF) written between Khmer characters, and the plain
/// spaces written between two Khmer words, taken out before Khmer words are found, so that
/// Khmer typed with them and the same Khmer typed without them give the same tokens.
///
/// Why: some writers put U+200B between Khmer words, others an ordinary space, most nothing,
/// and inconsistently even within one note — a memory holds all three. ICU's dictionary and the
/// boundary model segment each stretch between separators on its own, so a separator decided
/// the words around it (`មាន​កិត្តិយស​សូម` kept `កិត្តិយស` whole, the same words unspaced were
/// cut `កិត្តិយ ស`; `ខែមករា` "January" is one word of ICU's dictionary, `ខែ មករា` two), and a
/// query typed one way missed a unit stored the other way (review 1130f m1: search 66 %,
/// concordance 0 hits). Treating the separator as a word break cannot be made to agree with
/// unspaced text (which has no such hint); ignoring it can: the words come from the same
/// segmentation of the same letters, and a separator that falls inside a word is part of that
/// word's range (dropped from its text and keys). Matching already counted such a space as no
/// space (`KhmerWordGap`); this makes the words agree too.
///
/// Left as separators: anything between two digits (two numbers typed apart stay apart,
/// `០២៣ ២១៦`); U+200B beside anything that is not Khmer; a space beside anything that is not a
/// Khmer letter, sign or digit (`KhmerWordGap.isKhmerWordCharacter`: Latin text, `។` and the
/// other Khmer punctuation); and line breaks (a line of an address block or a delegation list
/// is not glued to the next). Nothing else moves, so Latin text inside Khmer keeps its words.
///
/// Cost: one scan of the units for U+200B/U+FEFF and spaces (no work beyond it for text without
/// any between Khmer characters); when some are taken out, one copy of the units and an offset
/// table, in buffers reused by the tokenizer.
struct KhmerInvisibleBreaks {
    /// The units without the invisible breaks taken out.
    var units: [UInt16] = []
    /// For each unit of `units`, its offset in the original text.
    var origin: [Int] = []

    /// Whether `u` is an invisible break: U+200B, or U+FEFF (a zero-width no-break space when
    /// not at the start of a file), both dropped by the tokenizer and by NFKC case folding.
    @inline(__always)
    static func isInvisibleBreak(_ u: UInt16) -> Bool { u == 0x200B || u == 0xFEFF }

    /// Fills `units` and `origin` from `text` without its invisible breaks between Khmer
    /// characters; false (leaving them untouched) when there is none to take out.
    mutating func take(from text: UnsafeBufferPointer<UInt16>) -> Bool {
        guard let first = Self.firstRemovable(in: text, from: 0) else { return false }
        units.removeAll(keepingCapacity: true)
        origin.removeAll(keepingCapacity: true)
        units.reserveCapacity(text.count)
        origin.reserveCapacity(text.count)
        for i in 0..<first.lowerBound {
            units.append(text[i])
            origin.append(i)
        }
        var next: Range<Int>? = first
        var i = first.lowerBound
        while i < text.count {
            if let run = next, run.lowerBound == i {
                i = run.upperBound
                next = Self.firstRemovable(in: text, from: i)
                continue
            }
            units.append(text[i])
            origin.append(i)
            i += 1
        }
        return true
    }

    /// `range` (offsets in `units`) as offsets in the original text: from its first unit's
    /// origin to just past its last unit's, so a word the breaks fell inside spans them.
    func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < origin.count ? origin[range.lowerBound] : (origin.last.map { $0 + 1 } ?? 0)
            return at..<at
        }
        return origin[range.lowerBound]..<origin[range.upperBound - 1] + 1
    }

    /// A space a writer may put between two Khmer words (`KhmerWordGap.isWordSpace`).
    @inline(__always)
    static func isWordSpace(_ u: UInt16) -> Bool { KhmerWordGap.isWordSpace(UInt32(u)) }

    /// The first run of invisible breaks and word spaces at or after `start` that is taken out:
    /// a run of invisible breaks alone between two Khmer characters, or a run holding a space
    /// between two Khmer letters, signs or digits (`KhmerWordGap`); never between two digits.
    static func firstRemovable(in text: UnsafeBufferPointer<UInt16>, from start: Int) -> Range<Int>? {
        var i = max(start, 1)
        let count = text.count
        while i < count {
            let u = text[i]
            let space = isWordSpace(u)
            guard space || isInvisibleBreak(u) else { i += 1; continue }
            var end = i + 1
            var spaced = space
            while end < count {
                let next = text[end]
                if isInvisibleBreak(next) {
                    end += 1
                } else if isWordSpace(next) {
                    spaced = true
                    end += 1
                } else {
                    break
                }
            }
            if end < count {
                let before = text[i - 1], after = text[end]
                if !(KhmerScript.isDigit(before) && KhmerScript.isDigit(after)),
                   spaced ? KhmerWordGap.isKhmerWordCharacter(UInt32(before)) && KhmerWordGap.isKhmerWordCharacter(UInt32(after))
                          : KhmerScript.isKhmer(before) && KhmerScript.isKhmer(after) {
                    return i..<end
                }
            }
            i = end
        }
        return nil
    }
}
