import VerbaleCore
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

    /// The warnings for `file`: "warning: g.tsv: the language "kh" is not one Verbale supports
    /// (en, fr, km); its 1 terms are kept under "kh", which en, fr and km lookups do not
    /// search; Khmer is "km": rerun with --lang-map kh=km".
    func warnings(file: String) -> [String] {
        (unsupported[file] ?? []).map { tag, terms in
            let supported = LanguageTag.supported.map(\.rawValue)
            var line = "warning: \(file): the language \"\(tag)\" is not one Verbale supports (\(supported.joined(separator: ", "))); "
                + "its \(terms) term\(terms == 1 ? " is" : "s are") kept under \"\(tag)\", which \(supported.joined(separator: "/")) lookups and checks do not use"
            if let meant = tag.likelyMeant {
                line += "; \(meant.englishName) is \"\(meant.rawValue)\": rerun with --lang-map \(tag)=\(meant.rawValue)"
            }
            return line
        }
    }
}
