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
    /// The text is hashed with its Khmer subscripts in Unicode's order (COENG RO last:
    /// `Normalizer.orderingKhmerSubscripts`), so `ស្រ្តី` and `ស្ត្រី` — the same word on screen —
    /// make one unit a duplicate of the other, not an alternative (review finding M13); every
    /// other text hashes as typed. Memories from before `memory.v7-khmer-subscript-fingerprints`
    /// are re-keyed by that migration. Cost: one `memchr` pass over the text.
    static func pair(_ variant: Variant, tag: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        hash = fnv(hash, tag)
        hash = (hash ^ 0x1F) &* 0x100_0000_01b3
        hash = fnv(hash, Normalizer.orderingKhmerSubscripts(variant.text))
        return hash
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
