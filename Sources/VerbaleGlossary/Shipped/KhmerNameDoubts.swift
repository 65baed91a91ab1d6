/// Which Khmer names of the iso-codes `km` catalogue the countries termbase must not present as
/// attested.
///
/// Why: the catalogue is a volunteer translation with errors no reader of one entry can see:
/// Libya's entry holds លីបេរីយ៉ា ("Liberia"), Afghanistan's formal name is "Islamic Republic of
/// Pakistan" (សាធារណរដ្ឋអ៊ីស្លាមប៉ាគីស្ថាន), "Moldova, Republic of" was rendered as "Republic of
/// Macedonia", and the sorted comma forms ("Korea, Democratic People's Republic of") were
/// translated word for word into Khmer that ends in នៃ "of" (review 1130c M1). Taken as
/// preferred terms citing iso-codes, they were written into notes as if sourced. Three checks
/// catch them from the data alone, each comparing Khmer without U+200B and spaces:
/// - **shared**: a name the catalogue (or CLDR) also gives another country, unless it contains
///   this country's CLDR name (Pakistan's formal name contains ប៉ាគីស្ថាន; Afghanistan's does not);
/// - **formal without a short name**: a formal name that contains none of the country's short
///   names — CLDR's, or the catalogue's short and common names that pass the other checks;
/// - **comma form**: the translation of an English name written with a comma (the sorted
///   "X, Republic of" form, or Bonaire's list, whose Khmer starts with បូស្នី "Bosnia");
/// - **usage** (`KhmerNameUsage`): a short name other than the one Khmer in use writes, where a
///   cited text confirms CLDR's (Singapore: សិង្ហបុរី, not the catalogue's សាំងហ្គាពួរ; review
///   1130g m9, where one note spelt the country one way and its city another);
/// - **form of state** (`KhmerStateForms`, checked last): a state word the English does not
///   say (Principality of Monaco = ព្រះរាជាណាចក្រម៉ូណាកូ, "Kingdom of Monaco"), or an English
///   form the Khmer does not write (Guinea's misspelt សារធារណរដ្ឋ for "Republic").
/// A name CLDR gives the same country is never doubted: two independent sources agree. A
/// doubted name is kept (a reviewer may confirm it) but marked unreviewed, admitted, and placed
/// after the sound names, with the reason as its usage note; these checks also flag a few
/// names that are only spelt differently from CLDR (សម្ព័ន្ធស្វីស beside ស្វ៊ីស), which is
/// what unreviewed means: no second source confirms them.
struct KhmerNameDoubts {
    /// A catalogue name of one country, with the English it translates.
    struct Candidate {
        enum Role { case short, formal, common }
        var role: Role
        var english: String
        var khmer: String
    }

    /// Every country's catalogue candidates and CLDR name, by alpha-2 code.
    let candidates: [String: [Candidate]]
    let cldr: [String: String]
    /// Comparison key → the countries whose catalogue or CLDR name has that key.
    private let owners: [String: Set<String>]
    /// The form-of-state check (review 1130d M5: Principality of Monaco = "Kingdom of Monaco").
    private let stateForms: KhmerStateForms

    init(candidates: [String: [Candidate]], cldr: [String: String]) {
        self.candidates = candidates
        self.cldr = cldr
        var owners: [String: Set<String>] = [:]
        for (code, names) in candidates { for name in names { owners[Self.key(name.khmer), default: []].insert(code) } }
        for (code, name) in cldr { owners[Self.key(name), default: []].insert(code) }
        self.owners = owners
        stateForms = KhmerStateForms(candidates: candidates)
    }

    /// Khmer compared without U+200B, spaces and no-break spaces (the catalogue has all three
    /// between words, CLDR none).
    static func key(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { ![0x200B, 0x20, 0xA0].contains($0.value) }))
    }

    /// Why `candidate` of `code` is not attested (the usage note of its term), or nil when it is.
    func doubt(_ candidate: Candidate, of code: String) -> String? {
        let key = Self.key(candidate.khmer)
        let cldrKey = cldr[code].map(Self.key)
        if key == cldrKey { return nil }
        if let reason = independentDoubt(candidate, key: key, of: code, cldrKey: cldrKey) { return reason }
        if candidate.role == .formal, let reason = formalWithoutShortName(key, of: code, cldrKey: cldrKey) { return reason }
        return stateForms.doubt(candidate)
    }

    /// The formal-name check: a formal name that contains none of the country's sound short names.
    private func formalWithoutShortName(_ key: String, of code: String, cldrKey: String?) -> String? {
        let shortKeys = (candidates[code] ?? [])
            .filter { $0.role != .formal && independentDoubt($0, key: Self.key($0.khmer), of: code, cldrKey: cldrKey) == nil }
            .map { Self.key($0.khmer) } + (cldrKey.map { [$0] } ?? [])
        if shortKeys.contains(where: { !$0.isEmpty && key.contains($0) }) { return nil }
        let names = (candidates[code] ?? []).filter { $0.role != .formal }.map(\.khmer) + (cldr[code].map { [$0] } ?? [])
        return "unreviewed: this formal name contains none of the country's Khmer short names (\(Self.list(names))), so no second source confirms it"
    }

    /// The shared and comma-form checks, which need no other candidate's verdict.
    private func independentDoubt(_ candidate: Candidate, key: String, of code: String, cldrKey: String?) -> String? {
        if key == cldrKey { return nil }
        let others = (owners[key] ?? []).subtracting([code]).sorted()
        if !others.isEmpty, !(cldrKey.map { !$0.isEmpty && key.contains($0) } ?? false) {
            return "unreviewed: the iso-codes km catalogue (or CLDR) gives this name to \(others.map { "iso3166-1:\($0)" }.joined(separator: ", ")) too"
                + (cldr[code].map { "; CLDR names this country \($0)" } ?? "")
        }
        if candidate.english.contains(", ") {
            return "unreviewed: the iso-codes km catalogue's word-for-word translation of the comma form “\(candidate.english)”, not a name in running order"
        }
        if candidate.role != .formal, let usage = KhmerNameUsage.attested[code], let cldrKey, Self.key(usage.name) == cldrKey,
           !key.contains(cldrKey) {
            return "unreviewed: Khmer in use writes \(usage.name), as CLDR does (\(usage.source)); no source in use writes this catalogue name"
        }
        return nil
    }

    private static func list(_ names: [String]) -> String {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }.joined(separator: ", ")
    }
}
