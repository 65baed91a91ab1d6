import VerbaleCore

/// The context a unit gives the unit after it in the same file: `ContextHash.of` each of its
/// variants' texts (distinct, space-separated), stored as the next unit's
/// `UnitMetadata.previousContext` on import when the file carries none of its own. A search
/// whose `previousSegment` hashes to any of these keys scores the exact match 101 ("context").
///
/// Why every variant and not only the source: the memory is searched in any of its languages
/// (`--lang km` as well as `--lang en`), and the query's previous segment is in the query's
/// language; one key per variant lets a Khmer query with its Khmer predecessor reach 101 too.
///
/// Why the texts with their personal data replaced (as the memory stores them), never as
/// typed: the key is stored in the memory and written to exported TMX (`x-context-pre`), and a
/// 64-bit FNV hash is no secret. From a key of "Mr. Sok Dara, holder of passport N0123456, …"
/// and the scrubbed text beside it, a loop over passport numbers finds the number in a fraction
/// of a second (the acceptance review did it). Hashed after scrubbing, a key tells nothing the
/// stored texts do not already show. A search therefore scrubs its previous segment the same way
/// before hashing it (`key(ofPreviousSegment:…)`), so the segment as typed still reaches 101;
/// and a context a file carries as text (stored scrubbed) now meets it too. Cost of the rule:
/// the import hashes the unit it has just scrubbed (nothing more); with `--keep-personal-data`,
/// and for the chunk's first unit's predecessor, one scrub of a copy just for the keys.
///
/// Cost: O(total text length) per unit (one FNV pass per variant), on the analysis workers, not
/// on the reader or the writer thread.
///
/// Public so that `verbale align --import`/`--tmx` record the same keys for aligned units: one
/// function, so keys always agree.
public struct ContextKeys: Sendable {
    /// The keys, space-separated: what `UnitMetadata.previousContext` stores.
    public let value: String

    /// The keys of `unit`, already scrubbed (what the import stores): `init(texts:)` of its
    /// variants' texts, made without an array of texts, a string per key and the join — keys are
    /// compared as their 64-bit hashes (the hex is one-to-one) and written once into the
    /// result. Saves about five allocations per unit on the import's analysis threads;
    /// `ScrubbedContextKeyTests` compares it with `init(texts:)` on real units. `borrowing`:
    /// an initializer takes its arguments owned, so the import, which keeps the unit, copied
    /// it for every call and this destroyed the copy (≈ 600 instructions a unit).
    public init(_ unit: borrowing TranslationUnit) {
        let count = unit.variants.count
        value = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(count, 1)) { hashes in
            var distinct = 0
            for ordinal in unit.variants.indices where !unit.variants[ordinal].text.isEmpty {
                let hash = ContextHash.value(of: unit.variants[ordinal].text)
                if !hashes[0..<distinct].contains(hash) {
                    hashes[distinct] = hash
                    distinct += 1
                }
            }
            guard distinct > 0 else { return "" }
            return String(unsafeUninitializedCapacity: 17 * distinct - 1) { output in
                for k in 0..<distinct {
                    if k > 0 { output[17 * k - 1] = 0x20 }
                    ContextHash.writeHex(hashes[k], to: output, at: 17 * k)
                }
                return 17 * distinct - 1
            }
        }
    }

    /// The keys of `unit` after `scrubber` has replaced its personal data (the unit as typed, or
    /// already scrubbed: scrubbing is a fixed point on its own output).
    /// Only the variant texts are scrubbed (`scrubTexts`): notes, origin and properties play no
    /// part in a key.
    public init(scrubbing unit: TranslationUnit, with scrubber: PersonalDataScrubber) {
        self.init(scrubber.scrubTexts(unit, file: "", position: 0).unit)
    }

    /// The key a search looks for: `segment` (the query's previous segment, as typed, in
    /// `language`) with its personal data replaced, hashed as import hashes a unit's variants.
    public static func key(ofPreviousSegment segment: String, language: LanguageTag, scrubber: PersonalDataScrubber) -> String {
        ContextKeys(scrubbing: TranslationUnit(variants: [Variant(language: language, text: segment)]), with: scrubber).value
    }

    /// The keys of a unit given as its variants' texts (any order; empty texts have no key).
    /// The texts must already be scrubbed (see the type's comment).
    public init(texts: [String]) {
        var keys: [String] = []
        keys.reserveCapacity(texts.count)
        for text in texts where !text.isEmpty {
            let key = ContextHash.of(text)
            if !keys.contains(key) { keys.append(key) }
        }
        value = keys.joined(separator: " ")
    }
}
