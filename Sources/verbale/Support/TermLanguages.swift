import VerbaleCore
import VerbaleFormats
import VerbaleGlossary

/// The languages of imported terms: `--lang-map` applied (`kh=km`), and the terms left in a
/// language Verbale does not support counted per file, for the warning `glossary import`
/// prints.
///
/// Why: `kh` is the most common mislabel of Khmer in Cambodian spreadsheets and termbases;
/// its terms were stored under `kh` (TBX) or dropped as an unknown column (CSV/TSV) with
/// exit 0, so the Khmer equivalents never appeared in `km` lookups (review 1130b, G2). They
/// are now kept as they are — like `verbale import`, which stores texts of an unsupported
/// language and warns — and the warning gives their number and, for a known mislabel, the
/// same fix import gives (`--lang-map kh=km`). Cost: one dictionary look-up per term.
final class TermLanguages {
    private let map: [LanguageTag: LanguageTag]
    /// Per file, the unsupported tags and how many terms each holds, in the order first met.
    private(set) var unsupported: [String: [(tag: LanguageTag, terms: Int)]] = [:]
    /// Per file, where the file first gives each language (its own tags, before the map).
    private var locations: [String: [LanguageLocation]] = [:]

    init(map: [LanguageTag: LanguageTag]) { self.map = map }

    /// `job` with the map applied to every concept's terms and language sections, and its
    /// unsupported languages counted under `file`.
    func wrap(_ job: TermbaseStore.ImportJob, file: String) -> TermbaseStore.ImportJob {
        var wrapped = job
        let read = job.read
        wrapped.read = { [self] each in
            try read { concept in try each(apply(concept, file: file)) }
        }
        return wrapped
    }

    func apply(_ concept: Concept, file: String) -> Concept {
        var result = concept
        if !map.isEmpty {
            for index in result.terms.indices {
                if let mapped = map[result.terms[index].language] { result.terms[index].language = mapped }
            }
            for index in result.languageFields.indices {
                if let mapped = map[result.languageFields[index].language] { result.languageFields[index].language = mapped }
            }
        }
        for term in result.terms where term.language.language == nil {
            var list = unsupported[file, default: []]
            if let slot = list.firstIndex(where: { $0.tag == term.language }) { list[slot].terms += 1 } else { list.append((term.language, 1)) }
            unsupported[file] = list
        }
        return result
    }

    /// Records where `file` first gives each language (`GlossaryImport.job`'s `languagesFound`).
    func found(_ languages: [LanguageLocation], file: String) {
        locations[file] = languages
    }

    /// The `--lang-map` header names (`HeaderLanguageNames.key`) some file's CSV/TSV header
    /// had, for the warning about a name none had (`LanguageMapping.unusedHeaderNameWarnings`).
    private(set) var headerNamesUsed: Set<String> = []

    /// Called by the job when a file's header matched `names`.
    func foundHeaderNames(_ names: Set<String>) {
        headerNamesUsed.formUnion(names)
    }

    /// Where `file` first gives terms the (mapped) language `tag`: its own section or column
    /// in `tag`, else in a tag the map turned into `tag`.
    func location(of tag: LanguageTag, file: String) -> LanguageLocation? {
        let found = locations[file] ?? []
        return found.first { $0.tag == tag && map[$0.tag] == nil } ?? found.first { map[$0.tag] == tag }
    }

    /// The warnings for `file`, at the first place the file uses the language, as errors give
    /// it: "warning: g.tsv:1:4: the language "kh" is not one Verbale supports (en, fr, km);
    /// its 1 term is kept under "kh" (header cell 2), which en/fr/km lookups and checks do not
    /// use; Khmer is "km": rerun with --lang-map kh=km". TBX names the first `<langSet>`.
    func warnings(file: String) -> [String] {
        (unsupported[file] ?? []).map { tag, terms in
            let supported = LanguageTag.supported.map(\.rawValue)
            let place = location(of: tag, file: file)
            let position = place.map { "\(file):\($0.line):\($0.column)" } ?? file
            var line = "warning: \(position): the language \"\(tag)\" is not one Verbale supports (\(supported.joined(separator: ", "))); "
                + "its \(terms) term\(terms == 1 ? " is" : "s are") kept under \"\(tag)\"\(place.map { " (\(Self.describe($0)))" } ?? ""), "
                + "which \(supported.joined(separator: "/")) lookups and checks do not use"
            if let meant = tag.likelyMeant {
                line += "; \(meant.englishName) is \"\(meant.rawValue)\": rerun with --lang-map \(tag)=\(meant.rawValue)"
            }
            return line
        }
    }

    /// "header cell 2", "first <langSet> in it".
    static func describe(_ location: LanguageLocation) -> String {
        location.place.hasPrefix("<") ? "first \(location.place) in it" : location.place
    }
}
