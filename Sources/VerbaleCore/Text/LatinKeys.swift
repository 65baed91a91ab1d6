/// The keys of Latin-1 letters and a few Latin punctuation marks, unit by unit, without ICU.
///
/// Why: nearly every French sentence has an accented letter, which sent all its tokens through
/// ICU's normalisers (NFKC case folding, then NFD, diacritics removed, NFC for the loose key).
/// For the units here that whole path is a map of one unit to one unit: a precomposed Latin-1
/// letter case-folds to one precomposed letter and decomposes to a base letter plus one mark of
/// U+0300–U+036F (removed for the loose key); no two of these units compose or reorder with
/// each other or with ASCII; ª º ¹ ² ³ fold to `a` `o` `1` `2` `3`; µ to μ; ’ ‘ ʼ ′ ´ are typed
/// apostrophes, made `'` before folding (as `cicu_key_spans` does). Left to ICU: ß and ŉ
/// (expand), ¨ ¯ ¸ and the fractions (NFKC gives several units), the soft hyphen (removed),
/// NBSP and controls, Latin Extended-A but Œ œ Ÿ. `TokenKeysTests` compares these keys with
/// ICU's on every unit and every pair of units. Cost: one table lookup per unit.
enum LatinKeys {
    /// `(key, looseKey)` of `u`, or nil when ICU must key it. ASCII is keyed by
    /// `TokenKeys.unitKey`; this covers U+0080–U+017F and the typographic apostrophes.
    @inline(__always)
    static func unitKeys(_ u: UInt16) -> (key: UInt16, loose: UInt16)? {
        if u < 0x180 {
            let entry = table[Int(u)]
            return entry == 0 ? nil : (UInt16(truncatingIfNeeded: entry), UInt16(truncatingIfNeeded: entry >> 16))
        }
        switch u {
        case 0x2018, 0x2019, 0x02BC, 0x2032: return (0x27, 0x27)
        default: return nil
        }
    }

    /// key | looseKey << 16 for u < 0x180, in one table (one lazy-initialisation check per
    /// lookup rather than two); 0 when ICU must key it.
    static let table: [UInt32] = (0..<0x180).map { UInt32(keys[$0]) | UInt32(looseKeys[$0]) << 16 }

    /// key[u] for u < 0x180, 0 when ICU must key it.
    static let keys: [UInt16] = (0..<0x180).map { (u: Int) -> UInt16 in
        switch u {
        case 0x41...0x5A: UInt16(u + 0x20)
        case 0x60: 0x27
        case 0x00...0x7F: UInt16(u)
        case 0xA1...0xA7, 0xA9, 0xAB, 0xAC, 0xAE, 0xB0, 0xB1, 0xB6, 0xB7, 0xBB, 0xBF, 0xD7, 0xF7: UInt16(u)
        case 0xAA: 0x61
        case 0xBA: 0x6F
        case 0xB9: 0x31
        case 0xB2: 0x32
        case 0xB3: 0x33
        case 0xB4: 0x27
        case 0xB5: 0x3BC
        case 0xC0...0xDE: UInt16(u + 0x20)
        case 0xE0...0xFF: UInt16(u)
        case 0x152, 0x153: 0x153
        case 0x178: 0xFF
        default: 0
        }
    }

    /// looseKey[u] for u < 0x180 (meaningful where `keys` is not 0): the key without its mark.
    static let looseKeys: [UInt16] = (0..<0x180).map { (u: Int) -> UInt16 in
        let key = keys[u]
        guard key >= 0xE0, key <= 0xFF else { return key }
        // à…ÿ without their diacritic; æ ð ø þ and ÷ have none.
        let bases = Array("aaaaaaæceeeeiiiiðnooooo÷øuuuuyþy".utf16)
        return bases[Int(key) - 0xE0]
    }
}
