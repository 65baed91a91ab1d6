/// Orthographic repairs of ICU's Khmer word breaks, so that Khmer tokens are whole words.
///
/// ICU's dictionary handles known words well but, on names and other unknown words, it cuts
/// syllables apart (`លោ|ក`, `ម៉េ|ង`, `គា|ត់`) and it glues digits to words (`ឆ្នាំ២០១៤`).
/// These rules use only the script's own structure, no word list:
/// - a boundary never falls inside a cluster (after a coeng, before a vowel sign or sign);
/// - a bare consonant cluster after an open syllable (one ending in a vowel, nikahit or
///   reahmuk), or one carrying bantoc, is that syllable's final consonant;
/// - digits are a token of their own (separators between digits kept), and ។ ៕ ៖ ៗ are
///   tokens of their own;
/// - adjacent digit runs are one number.
///
/// Measured against the khPOS sample (see README, "Text layer"): boundary F1 0.90 → 0.93.
/// Cost: O(n) over the pieces, no allocation beyond the output array.
enum KhmerWordRules {
    /// Splits `piece` (UTF-16 offsets into `units`) at digit/letter changes and around Khmer
    /// punctuation, appending the parts to `output`. Pieces without Khmer are appended as they are.
    static func split(_ piece: Range<Int>, _ units: UnsafeBufferPointer<UInt16>, into output: inout [Range<Int>]) {
        var hasKhmer = false
        for i in piece where KhmerScript.isKhmer(units[i]) { hasKhmer = true; break }
        guard hasKhmer else { output.append(piece); return }
        var start = piece.lowerBound
        var previousClass: UInt8 = 255
        for i in piece {
            let unitClass = characterClass(at: i, in: piece, units)
            if i > start, unitClass != previousClass || unitClass == 2 {
                output.append(start..<i)
                start = i
            }
            previousClass = unitClass
        }
        if start < piece.upperBound { output.append(start..<piece.upperBound) }
    }

    /// 0 digit (or a separator between digits), 2 Khmer punctuation, 1 anything else.
    private static func characterClass(at i: Int, in piece: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> UInt8 {
        let u = units[i]
        if isDigit(u) { return 0 }
        if (u == 0x2C || u == 0x2E), i > piece.lowerBound, i + 1 < piece.upperBound, isDigit(units[i - 1]), isDigit(units[i + 1]) { return 0 }
        if KhmerScript.isPunctuation(u) { return 2 }
        return 1
    }

    static func isDigit(_ u: UInt16) -> Bool { (0x30...0x39).contains(u) || KhmerScript.isDigit(u) }

    /// Merges adjacent pieces (no separator between them) that the rules say belong together.
    static func merge(_ pieces: [Range<Int>], _ units: UnsafeBufferPointer<UInt16>) -> [Range<Int>] {
        var output: [Range<Int>] = []
        merge(pieces, units, into: &output)
        return output
    }

    /// As `merge(_:_:)`, into a reused buffer (emptied first).
    static func merge(_ pieces: [Range<Int>], _ units: UnsafeBufferPointer<UInt16>, into output: inout [Range<Int>]) {
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(pieces.count)
        for piece in pieces {
            if let last = output.last, last.upperBound == piece.lowerBound, belongTogether(last, piece, units) {
                output[output.count - 1] = last.lowerBound..<piece.upperBound
            } else {
                output.append(piece)
            }
        }
    }

    private static func belongTogether(_ a: Range<Int>, _ b: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> Bool {
        let last = units[a.upperBound - 1], first = units[b.lowerBound]
        if last == KhmerScript.coeng || (KhmerScript.isMark(first) && KhmerScript.isLetter(last)) { return true }
        if isDigit(last), isDigit(first) { return true }
        guard KhmerScript.isLetter(last), let carriesBantoc = bareCluster(b, units) else { return false }
        return carriesBantoc || KhmerScript.isDependentVowel(last) || last == 0x17C6 || last == 0x17C7
    }

    /// When `piece` is a consonant cluster without vowel (consonant, subscripts, final signs),
    /// whether it carries bantoc; nil when it is something else.
    private static func bareCluster(_ piece: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> Bool? {
        guard KhmerScript.isConsonant(units[piece.lowerBound]) else { return nil }
        var i = piece.lowerBound + 1
        var bantoc = false
        while i < piece.upperBound {
            let u = units[i]
            if u == KhmerScript.coeng, i + 1 < piece.upperBound, KhmerScript.isConsonant(units[i + 1]) {
                i += 2
            } else if KhmerScript.isFinalSign(u) {
                bantoc = bantoc || u == KhmerScript.bantoc
                i += 1
            } else {
                return nil
            }
        }
        return bantoc
    }
}
