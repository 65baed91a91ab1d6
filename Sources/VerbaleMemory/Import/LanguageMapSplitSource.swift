import VerbaleCore
import VerbaleFormats

/// A `UnitSource` that splits a unit the import's language map would give two texts of one
/// language (`--lang-map en-US=en,en-GB=en` over a `<tu>` holding en-US and en-GB), as the TMX
/// reader splits a `<tu>` with two texts of one tag (`LanguageAlternatives`): one unit per
/// combination, each unit counted under `splitAlternatives` like the reader's.
///
/// Why here and not in the reader: the reader splits before the map is applied (the map is
/// the import's, applied in `SQLiteMemory.prepare`), so a mapped collision was stored as one
/// unit with two `en` texts, which every reader of the memory takes the first of and the TSV
/// export drops (review 1130i m2). The texts keep their tags here; `prepare` maps them. Cost:
/// one dictionary look-up per text, and a split only where the map makes a repeat.
final class LanguageMapSplitSource: UnitSource {
    private let base: any UnitSource
    private let map: [LanguageTag: LanguageTag]
    /// The rest of a split unit, handed out before the next unit is read (reversed: popped).
    private var pending: [TranslationUnit] = []
    /// Units split because of the map (the reader's own splits are in `base.readerSkips`).
    private var splits = 0

    init(_ base: any UnitSource, map: [LanguageTag: LanguageTag]) {
        self.base = base
        self.map = map
    }

    var name: String { base.name }
    var totalBytes: Int64? { base.totalBytes }
    var bytesRead: Int64 { base.bytesRead }

    func next() throws -> TranslationUnit? {
        if let unit = pending.popLast() { return unit }
        guard let unit = try base.next() else { return nil }
        guard repeatsLanguage(unit) else { return unit }
        let split = LanguageAlternatives.split(unit) { self.map[$0] ?? $0 }
        guard split.count <= LanguageAlternatives.limit else {
            throw FormatError(file: name, reason: .tooLarge(
                "a unit whose texts the language map joins holds \(split.count) combinations of one text per language (at most \(LanguageAlternatives.limit)); map fewer tags to one language"))
        }
        splits += 1
        pending = split.dropFirst().reversed()
        return split.first
    }

    /// Whether two of the unit's texts have one language once mapped (and had not before:
    /// the reader has split those already). O(texts²) on two or three texts.
    private func repeatsLanguage(_ unit: TranslationUnit) -> Bool {
        let languages = unit.variants.map { map[$0.language] ?? $0.language }
        for index in languages.indices.dropFirst() where languages[..<index].contains(languages[index]) { return true }
        return false
    }

    var readerSkips: [String: Int] {
        var skips = base.readerSkips
        if splits > 0 { skips[FormatWarning.Kind.splitAlternatives.rawValue, default: 0] += splits }
        return skips
    }
}
