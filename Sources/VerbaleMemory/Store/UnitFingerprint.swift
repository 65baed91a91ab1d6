import Foundation
import VerbaleCore

/// Stable 64-bit hashes of unit texts (FNV-1a over UTF-8), for duplicate and alternative
/// detection. Swift's `Hasher` is seeded per process, so it cannot be stored; this one is the
/// same on every run and machine. Cost: O(bytes); collisions among a million units have a
/// probability near 3·10⁻⁸, accepted (a collision would merge two units' metadata).
public enum UnitFingerprint {
    /// Hash of every (language, text) pair, independent of variant order.
    public static func units(_ variants: [Variant]) -> Int64 {
        units(variants, tags: variants.map { $0.language.description })
    }

    /// `units(_:)` with the variants' canonical tags already rendered (the import caches them).
    static func units(_ variants: [Variant], tags: [String]) -> Int64 {
        unitsAndSource(variants, tags: tags).units
    }

    /// The unit fingerprint and the source hash (`pair` of the first variant) in one pass over
    /// the texts: the import needs both, and hashing is byte by byte.
    static func unitsAndSource(_ variants: [Variant], tags: [String]) -> (units: Int64, source: UInt64) {
        var combined: UInt64 = 0xcbf2_9ce4_8422_2325
        // Two variants, the common unit: the same sorted combination, without an array.
        if variants.count == 2 && tags.count == 2 {
            let first = pair(variants[0], tag: tags[0]), second = pair(variants[1], tag: tags[1])
            combined = mix(mix(combined, min(first, second)), max(first, second))
            return (Int64(bitPattern: combined), first)
        }
        // Order-independent: hash each pair, then combine sorted pair hashes.
        var pairHashes = zip(variants, tags).map { pair($0.0, tag: $0.1) }
        let source = pairHashes.first ?? 0
        pairHashes.sort()
        for value in pairHashes {
            combined = mix(combined, value)
        }
        return (Int64(bitPattern: combined), source)
    }

    /// Hash of the source variant: (language, text).
    public static func source(_ variant: Variant) -> Int64 {
        Int64(bitPattern: pair(variant, tag: variant.language.description))
    }

    /// Hash of raw bytes (file digests for seeding).
    public static func bytes(_ data: Data) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int64(bitPattern: hash)
    }

    /// `tag` is the canonical tag text (`LanguageTag.description`), already normalised in case.
    /// The text is hashed in NFC (`Normalizer.composed`), with its Khmer subscripts in Unicode's
    /// order (COENG RO last: `Normalizer.orderingKhmerSubscripts`) and without U+200B and U+FEFF,
    /// so texts that are the same on screen — `ស្រ្តី`/`ស្ត្រី` (review M13), `Ministère` composed or
    /// decomposed as macOS tools write it, Khmer with or without U+200B between its words (review
    /// 30 Nov, m15) — make one unit a duplicate of the other, not an alternative. The stored text
    /// stays as first typed. Memories from before `memory.v7-khmer-subscript-fingerprints` and
    /// `memory.v8-canonical-fingerprints` are re-keyed by those migrations.
    ///
    /// Cost (the import's hot path): `composed` is one byte scan for a text without a byte at or
    /// above 0xCC (ASCII, French, any Latin-1 text) and a scalar check otherwise, ICU only for a
    /// text with a scalar it cannot vouch for; the subscript order one `memchr`; the zero-width
    /// characters are skipped inside the FNV loop itself (one compare per byte, no copy).
    static func pair(_ variant: Variant, tag: String) -> UInt64 {
        pair(text: variant.text, tag: tag)
    }

    /// `pair(_:tag:)` of a stored (language, text) row, read back without building a `Variant`.
    static func pair(text: String, tag: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        hash = fnv(hash, tag)
        hash = (hash ^ 0x1F) &* 0x100_0000_01b3
        if let plain = fnvBelowCombiningMarks(hash, text) { return plain }
        hash = fnvSkippingZeroWidth(hash, Normalizer.orderingKhmerSubscripts(Normalizer.composed(text)))
        return hash
    }

    /// FNV-1a over `text`'s UTF-8 in place when every byte is below 0xCC, else nil. Such a text
    /// is what `pair`'s general path hashes as it is, byte for byte: it holds no scalar at or
    /// above U+0300 (so `Normalizer.composed` returns it unchanged), no Khmer (so no subscript
    /// moves) and no U+200B or U+FEFF (lead bytes 0xE2, 0xEF). ASCII and French — nearly every
    /// text of a European memory — so cost one loop instead of three scans (`composed`'s, the
    /// COENG RO search and the hash) and the copies of the string between them.
    /// `fingerprintsPinned` and the fuzzy-match tests compare the results on real EN/FR/KM text.
    private static func fnvBelowCombiningMarks(_ seed: UInt64, _ text: String) -> UInt64? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            var hash = seed
            var highest: UInt8 = 0
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                highest = max(highest, byte)
            }
            return highest < 0xCC ? hash : nil
        } ?? nil
    }

    /// Whether `text` hashes as its own bytes: in NFC and without U+200B or U+FEFF (Khmer
    /// subscript order aside, which `memory.v7-khmer-subscript-fingerprints` keyed already).
    /// What `memory.v8-canonical-fingerprints` asks of every stored text. O(length).
    static func hashesAsTyped(_ text: String) -> Bool {
        var copy = text
        let zeroWidth = copy.withUTF8 { bytes -> Bool in
            var i = 0
            while i + 2 < bytes.count {
                if (bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x8B) || (bytes[i] == 0xEF && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF) { return true }
                i += 1
            }
            return false
        }
        return !zeroWidth && Normalizer.composed(text).utf8.elementsEqual(text.utf8)
    }

    /// FNV-1a over `text`'s UTF-8, leaving out the bytes of U+200B (E2 80 8B) and U+FEFF
    /// (EF BB BF). Text without them hashes exactly as `fnv` does.
    private static func fnvSkippingZeroWidth(_ seed: UInt64, _ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var hash = seed
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte >= 0xE2, i + 2 < count,
                   (byte == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x8B) || (byte == 0xEF && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF) {
                    i += 3
                    continue
                }
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                i += 1
            }
            return hash
        }
    }

    private static func fnv(_ seed: UInt64, _ text: String) -> UInt64 {
        // Over the bytes in place (a native string's), else through the view.
        if let hash = text.utf8.withContiguousStorageIfAvailable({ bytes in
            var hash = seed
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }) {
            return hash
        }
        var hash = seed
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    private static func mix(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        var hash = hash
        var value = value
        for _ in 0..<8 {
            hash = (hash ^ (value & 0xFF)) &* 0x100_0000_01b3
            value >>= 8
        }
        return hash
    }
}
