/// Khmer character clusters: a base (consonant, independent vowel or other letter), its
/// subscript consonants (coeng U+17D2 + consonant), dependent vowel and signs. A cluster is the
/// smallest unit of Khmer writing: no word, and so no term, begins or ends inside one.
///
/// Recognition matches Khmer terms on cluster boundaries instead of dictionary word boundaries
/// (see `Termbase.recognize(_:language:)` for why, and for the measurement on real text).
/// Cost: O(n), no allocation beyond the output.
enum KhmerClusters {
    /// Letters that make up Khmer words: consonants, independent and dependent vowels, signs,
    /// coeng (U+1780–U+17D3), avakrahasanya U+17DC and atthacan U+17DD.
    @inline(__always)
    static func isLetter(_ scalar: UInt32) -> Bool {
        (0x1780...0x17D3).contains(scalar) || scalar == 0x17DC || scalar == 0x17DD
    }

    /// Continues the cluster before it: dependent vowels, signs (not coeng, handled apart),
    /// the inherent vowels U+17B4/U+17B5, ZWNJ and ZWJ.
    @inline(__always)
    static func isMark(_ scalar: UInt32) -> Bool {
        (0x17B4...0x17D1).contains(scalar) || scalar == 0x17D3 || scalar == 0x17DD || scalar == 0x200C || scalar == 0x200D
    }

    static let coeng: UInt32 = 0x17D2

    /// Left out of matching keys, as NFKC case folding leaves them out (default ignorable):
    /// U+17B4, U+17B5, ZWNJ, ZWJ.
    @inline(__always)
    static func isIgnorable(_ scalar: UInt32) -> Bool {
        scalar == 0x17B4 || scalar == 0x17B5 || scalar == 0x200C || scalar == 0x200D
    }

    /// Whether `scalar` may sit inside a Khmer run (letters, and ZWNJ/ZWJ between them).
    @inline(__always)
    static func continuesRun(_ scalar: UInt32) -> Bool {
        isLetter(scalar) || scalar == 0x200C || scalar == 0x200D
    }

    /// The end of the cluster starting at `start` in `scalars` (at most `end`).
    @inline(__always)
    static func clusterEnd(_ scalars: UnsafeBufferPointer<UInt32>, from start: Int, to end: Int) -> Int {
        var i = start + 1
        while i < end {
            let scalar = scalars[i]
            if scalar == coeng {
                i += 1
                if i < end, (0x1780...0x17B3).contains(scalars[i]) { i += 1 }
            } else if isMark(scalar) {
                i += 1
            } else {
                break
            }
        }
        return i
    }
}
