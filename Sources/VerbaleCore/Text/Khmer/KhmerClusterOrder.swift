import Foundation

/// Khmer subscripts put in the one order Unicode prescribes before words are found and keyed:
/// COENG RO after the other subscript of its cluster (`ស ្រ ្ត ី` → `ស ្ត ្រ ី`, both rendered
/// ស្ត្រី "woman").
///
/// Why: subscript RO is drawn to the left of its base whatever its place in the cluster, so a
/// typist (or a keyboard layout) can put it first or last and see the same word; Unicode's
/// Khmer chapter (core specification, chapter 16, "Khmer": order of subscripts) says COENG RO
/// is stored after any other subscript, but Unicode normalisation cannot enforce it — COENG has
/// combining class 9 and every consonant 0, so NFC leaves both orders as they are. Both occur
/// in real Khmer (the khPOS sample holds 11 clusters with RO first, 45 with RO last), and
/// without this a word typed one way never met the same word typed the other (the review
/// finding M13: concordance `ស្រ្តី` found nothing, the same-looking sentence scored 80 %).
/// Search-oriented Khmer normalisers (Trey Jones' KhmerSyllableReordering, written for
/// Wikimedia's search) reorder whole syllables into one canonical order; this one makes only
/// the move the real data needs, so nothing that renders differently is ever merged
/// (khmer-nltk, as installed in `/work/venv`, does not reorder at all).
///
/// What moves: a COENG RO pair followed, in the same cluster, by one or more COENG + consonant
/// pairs is moved after them. Only the analysis sees the reordered units — words are found and
/// keyed on them (token keys, concordance words) and the matcher's forms are put in the same
/// order (`Normalizer.matchingForm`); stored texts, and a token's text, keep the order they
/// were typed in. It is a permutation inside a cluster, so every offset stays where it was.
///
/// Cost: one comparison per UTF-16 unit looking for COENG (U+17D2), a few more only at a
/// COENG; no allocation. Changing what moves changes tokens: bump `Tokenizer.analysisVersion`.
enum KhmerClusterOrder {
    static let coeng: UInt16 = 0x17D2
    static let ro: UInt16 = 0x179A

    /// Whether `units[i...]` starts COENG RO COENG + consonant other than RO.
    @inline(__always)
    private static func roBeforeSubscript(_ units: UnsafeMutableBufferPointer<UInt16>, at i: Int) -> Bool {
        i + 3 < units.count && units[i] == coeng && units[i + 1] == ro && units[i + 2] == coeng
            && KhmerScript.isConsonant(units[i + 3]) && units[i + 3] != ro
    }

    /// Whether `reorder` would move anything in `units` (one scan, nothing written).
    static func needsReordering(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        var i = 0
        let last = units.count - 3
        while i < last {
            if units[i] == coeng, units[i + 1] == ro, units[i + 2] == coeng,
               KhmerScript.isConsonant(units[i + 3]), units[i + 3] != ro { return true }
            i += 1
        }
        return false
    }

    /// Moves, in place, each COENG RO written before another subscript of its cluster after
    /// that subscript (and after any further one). Returns whether anything moved.
    @discardableResult
    static func reorder(_ units: UnsafeMutableBufferPointer<UInt16>) -> Bool {
        var moved = false
        var i = 0
        let last = units.count - 3
        while i < last {
            guard units[i] == coeng, roBeforeSubscript(units, at: i) else { i += 1; continue }
            // Swap the two pairs: the other subscript's consonant comes first, RO second; then
            // look again two units on, where the RO pair now is, for a further subscript.
            units[i + 1] = units[i + 3]
            units[i + 3] = ro
            moved = true
            i += 2
        }
        return moved
    }

    /// `text` with its subscripts in order (`reorder`), or `text` itself when none moves.
    /// O(n).
    static func ordered(_ text: String) -> String {
        guard text.utf8.count >= 12, containsCoengRo(text) else { return text }
        var units = Array(text.utf16)
        let moved = units.withUnsafeMutableBufferPointer { reorder($0) }
        return moved ? String(decoding: units, as: UTF16.self) : text
    }

    /// Whether the text's UTF-8 holds COENG RO COENG (E1 9F 92 E1 9E 9A E1 9F 92): the only
    /// texts `reorder` can change. Cheap enough for every text of an import (the unit
    /// fingerprint asks): `memchr` for RO's last byte, 0x9A, then its neighbours.
    static func containsCoengRo(_ text: String) -> Bool {
        let pattern: [UInt8] = [0xE1, 0x9F, 0x92, 0xE1, 0x9E, 0x9A, 0xE1, 0x9F, 0x92]
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = bytes.baseAddress, bytes.count >= pattern.count else { return false }
            var from = 5
            while from < bytes.count - 3 {
                guard let hit = memchr(base + from, 0x9A, bytes.count - 3 - from) else { return false }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                var same = true
                for k in 0..<pattern.count where bytes[at - 5 + k] != pattern[k] { same = false; break }
                if same { return true }
                from = at + 1
            }
            return false
        }
        if let found = text.utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(text.utf8).withUnsafeBufferPointer(search)
    }
}
