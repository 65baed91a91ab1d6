import Foundation
import VerbaleCore

/// Where a matcher gets the units its index entries point to: the archive beside an index
/// built from a file, or the memory's own store.
public protocol MatchUnits {
    /// The unit numbered `number` in the index (`MatchIndex.entryUnit`), or nil.
    func unit(at number: Int) -> TranslationUnit?
}

/// The units behind an index, packed one after another so that a search decodes only the few
/// it shows. Keeps what matching displays: variants (language, text, review mark, and the
/// attestation count completions rank by), id, origin, review status and the previous-segment
/// context hash.
///
/// Cost: O(size of unit) to append or decode; no per-unit object stays in memory. This stands
/// in for the SQLite store's unit table until the matcher reads units from the store.
public struct UnitArchive: Sendable, MatchUnits {
    public internal(set) var bytes: IndexArray<UInt8> = []
    public internal(set) var offsets: IndexArray<UInt64> = [0]

    public init() {}

    public var count: Int { offsets.count - 1 }

    public mutating func append(_ unit: TranslationUnit) {
        write(UInt32(unit.variants.count))
        for variant in unit.variants {
            write(variant.language.description)
            write(variant.text)
            write(variant.properties.first { $0.type == "x-review" }?.value ?? "")
        }
        write(unit.id ?? "")
        write(unit.metadata.origin ?? "")
        write(unit.metadata.review.rawValue)
        write(unit.metadata.previousContext ?? "")
        // Optional trailer, only when a variant has one of `keptProperties`: older archives end
        // here, and `unit(at:)` reads a trailer only when the unit's bytes go on.
        let kept = unit.variants.enumerated().flatMap { number, variant in
            variant.properties.filter { Self.keptProperties.contains($0.type) }.map { (number, $0) }
        }
        if !kept.isEmpty {
            write(UInt32(kept.count))
            for (number, property) in kept {
                write(UInt32(number))
                write(property.type)
                write(property.value)
            }
        }
        offsets.append(UInt64(bytes.count))
    }

    /// Variant properties kept beside the review mark because matching ranks by them: the
    /// shipped formulas' `x-attested-count` ("144/184" notes), which phrase completions use.
    static let keptProperties: Set<String> = ["x-attested-count"]

    /// The unit at `index`, or nil if out of range or damaged.
    public func unit(at index: Int) -> TranslationUnit? {
        guard index >= 0, index < count, offsets[index] <= UInt64(bytes.count) else { return nil }
        var reader = Reader(bytes: bytes, position: Int(offsets[index]))
        guard let variantCount = reader.uint32(), variantCount < 10_000 else { return nil }
        var variants: [Variant] = []
        for _ in 0..<variantCount {
            guard let tag = reader.string(), let text = reader.string(), let review = reader.string(),
                  let language = try? LanguageTag(tag) else { return nil }
            variants.append(Variant(language: language, text: text, properties: review.isEmpty ? [] : [Property(type: "x-review", value: review)]))
        }
        guard let id = reader.string(), let origin = reader.string(), let review = reader.string(), let context = reader.string() else { return nil }
        if index + 1 < offsets.count, reader.position < Int(offsets[index + 1]) {
            guard let count = reader.uint32(), count < 10_000 else { return nil }
            for _ in 0..<count {
                guard let number = reader.uint32().map(Int.init), number < variants.count,
                      let type = reader.string(), let value = reader.string() else { return nil }
                variants[number].properties.append(Property(type: type, value: value))
            }
        }
        return TranslationUnit(id: id.isEmpty ? nil : id, variants: variants,
                               metadata: UnitMetadata(origin: origin.isEmpty ? nil : origin,
                                                      review: ReviewStatus(rawValue: review) ?? .translated,
                                                      previousContext: context.isEmpty ? nil : context))
    }

    private mutating func write(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func write(_ text: String) {
        let utf8 = Array(text.utf8)
        write(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    private struct Reader {
        let bytes: IndexArray<UInt8>
        var position: Int

        mutating func uint32() -> UInt32? {
            guard position + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for shift in 0..<4 { value |= UInt32(bytes[position + shift]) << (8 * shift) }
            position += 4
            return value
        }

        mutating func string() -> String? {
            guard let length = uint32().map(Int.init), position + length <= bytes.count else { return nil }
            defer { position += length }
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[position..<position + length]), as: UTF8.self) }
        }
    }
}
