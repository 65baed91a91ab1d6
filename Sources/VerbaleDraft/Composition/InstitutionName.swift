import Foundation
import VerbaleCore
import VerbaleGlossary

/// The name of a sender or recipient ("Permanent Mission of the Kingdom of Cambodia") in one
/// language, with what French grammar needs: gender, elision and the articles they imply.
///
/// French agreement in notes depends on the head of the name: "La Mission permanente … présente
/// ses compliments au Haut-Commissariat", "L'Ambassade … a l'honneur", "à l'Office". `Haut-`
/// has an aspirated h (no elision: "le Haut-Commissariat"), so elision is stored per head, not
/// guessed from the first letter.
public struct InstitutionName: Sendable, Hashable, Codable {
    /// `noArticle`: a country French names without an article after « de » and « à »
    /// (« l'Ambassade de Singapour », « d'Israël »; review 1130d M6).
    public enum Gender: String, Sendable, Codable { case masculine, feminine, plural, noArticle }

    public var language: Language
    /// The name without article ("Mission permanente du Royaume du Cambodge").
    public var text: String
    public var gender: Gender
    /// Whether the definite article elides ("l'Office", "l'Ambassade").
    public var elides: Bool
    /// The head word alone, for short references ("the Ministry", "le Ministère", "l'Office").
    public var head: String
    /// Parts of the English name Verbale could not translate (never guessed); `text` shows each
    /// as "[untranslated: …]".
    public var untranslated: [String]
    /// True when the wording is not attested by a source (Khmer names, heuristics).
    public var isUnreviewed: Bool
    /// Where each part of the (Khmer) wording comes from, for the source note: "បារាំង
    /// (France): iso-codes km translation …", or "… composed by Verbale, no source writes the
    /// whole name". Empty for English, and for French but for a part no source attests (a
    /// glossary term marked unreviewed, a country's article guessed from its ending).
    public var sources: [String] = []
    /// False when no part of the name told its French gender (no head Verbale knows: the whole
    /// name is kept in English). Then no article or contraction is written outside the mark —
    /// "à [untranslated: World Health Organization]", not a guessed "au" (the OMS is
    /// feminine; review 1130c m8) — and the drafter writes the article inside it.
    public var grammarKnown: Bool = true
    /// False for a French country name that takes no article: "de Malte", "à Cuba", "d'Israël"
    /// (not « de la Malte », « du Cuba »; review 1130d M6).
    public var takesArticle: Bool { gender != .noArticle }
    /// True for a French country's short name as `InstitutionNamer.frenchCountry` reads it
    /// («France», «Italie», «Japon»), false for a formal name («République tchèque», «Royaume
    /// de Thaïlande») or one led by a common noun («Île de Man»): only a short name loses its
    /// article after « Ambassade » (`InstitutionNamer.frenchCountry(_:after:)`).
    var isShortCountryName = false

    /// The name with its definite article: "The Permanent Mission…", "La Mission…", "L'Office…".
    public func withArticle(capitalized: Bool = false) -> String {
        switch language {
        case .english: (capitalized ? "The " : "the ") + text
        case .khmer: text
        case .french: capitalized ? articled(plural: "Les ", elided: "L'", feminine: "La ", masculine: "Le ")
                                  : articled(plural: "les ", elided: "l'", feminine: "la ", masculine: "le ")
        }
    }

    /// The name after "à": "au Ministère", "à la Mission", "à l'Office", "aux …".
    public var dative: String {
        language == .french ? articled(plural: "aux ", elided: "à l'", feminine: "à la ", masculine: "au ") : withArticle()
    }

    /// A country after a formal head: "Royaume de Thaïlande", "Royaume du Cambodge",
    /// "Royaume des Pays-Bas", "République d'Irak" (feminine names take no article there).
    public var formalGenitive: String {
        articled(plural: "des ", elided: "d'", feminine: "de ", masculine: "du ")
    }

    /// The name after "de": "du Ministère", "de la Mission", "de l'Office", "des …".
    public var genitive: String {
        language == .french ? articled(plural: "des ", elided: "de l'", feminine: "de la ", masculine: "du ") : "of " + withArticle()
    }

    /// The name after the one of four French forms (article, or preposition and article) that
    /// its gender and elision select: plural before elision, elision before gender.
    /// A name that takes no article ("Singapour") or whose grammar is unknown (kept in English)
    /// takes the bare preposition the form starts with ("à", "de", "d'" when it elides), or
    /// nothing.
    private func articled(plural: String, elided: String, feminine: String, masculine: String) -> String {
        guard grammarKnown, gender != .noArticle else {
            guard let preposition = ["à ", "de ", "d'"].first(where: { elided.hasPrefix($0) }) else { return text }
            if preposition == "à " { return "à " + text }
            return (elides && grammarKnown ? "d'" : "de ") + text
        }
        return switch (gender, elides) {
        case (.plural, _): plural + text
        case (_, true): elided + text
        case (.feminine, false): feminine + text
        case (.masculine, false), (.noArticle, false): masculine + text
        }
    }

    /// The text as shown, with the review status marked (untranslated parts are already
    /// marked `[untranslated: …]` in `text`).
    public func marked(_ rendered: String) -> String {
        isUnreviewed && language != .english ? rendered + " [unreviewed]" : rendered
    }
}

/// Translates institution names from English by their parts: a curated table of heads
/// ("Permanent Mission" → "Mission permanente", feminine), of formal state names ("Kingdom of"
/// → "Royaume", masculine), CLDR's country names (via ICU) and a few UN seats. What it cannot
/// translate it keeps in English and lists in `untranslated`, so output marks it.
///
/// Cost: a linear scan of ≈ 60 table rows plus one CLDR lookup per country (≈ 250 regions,
/// cached for the process).
public struct InstitutionNamer: Sendable {
    /// Country names come from the glossary when it is loaded (iso-codes formal and short
    /// names in EN/FR/KM), else from CLDR's display names.
    public var glossary: DraftGlossary?

    /// Khmer state forms derived from the glossary's iso-codes formal names ("Kingdom of" →
    /// ព្រះរាជាណាចក្រ), with the evidence; empty without a glossary.
    let stateFormKhmer: [String: StateFormKhmer]

    public init(glossary: DraftGlossary? = nil) {
        self.glossary = glossary
        stateFormKhmer = glossary.map { StateFormKhmer.derive(Self.stateForms.map(\.english), from: $0.termbase.concepts) } ?? [:]
    }

    /// A row of the name table: English, French with gender and elision, Khmer with its source.
    typealias Head = NameTable.Row

    /// Institution heads, longest first so "Royal Embassy" wins over "Embassy".
    static let heads: [Head] = NameTable.shipped.rows("head").sorted { $0.english.count > $1.english.count }

    /// Formal state names: "Kingdom of X" → "Royaume de X". Their Khmer is derived from the
    /// glossary's iso-codes formal names when it is loaded (`StateFormKhmer`).
    static let stateForms: [Head] = NameTable.shipped.rows("state")

    /// Seats and qualifiers that follow a head ("… to the United Nations Office … at Geneva").
    static let seats: [Head] = NameTable.shipped.rows("seat").sorted { $0.english.count > $1.english.count }

    /// The first row of `table` whose English starts `text` (case-insensitive) and ends at a
    /// word boundary, or where `then` follows. Rows are ordered longest first where it matters.
    static func row(of table: [Head], startingWith text: String, followedBy then: String = "") -> Head? {
        let lowered = text.lowercased()
        return table.first { lowered.hasPrefix($0.english.lowercased() + then) }
    }

    /// French country grammar from the name table (`country` rows: "États-Unis" plural,
    /// "Cambodge" masculine), longest French name first so "Émirats arabes unis" wins over a
    /// shorter row.
    static let frenchCountryRows: [Head] = NameTable.shipped.rows("country").sorted { $0.french.count > $1.french.count }

    /// Names an institution given in English, in `language`.
    ///
    /// The head is the longest of the name table's heads and the glossary's institutions
    /// (`glossaryInstitution`), the table winning ties; then seats, "of" + a country or an
    /// institution, "to" + an institution, each the longest known (review 1130c m8: "… to the
    /// United Nations Office at Geneva" is UNOG, not "to the United Nations" + "Office at
    /// Geneva"). What is left is kept in English, marked.
    public func name(_ english: String, in language: Language) -> InstitutionName {
        var rest = english.trimmingCharacters(in: .whitespacesAndNewlines)
        if rest.lowercased().hasPrefix("the ") { rest = String(rest.dropFirst(4)) }
        guard language != .english else {
            let head = Self.row(of: Self.heads, startingWith: rest)?.english
                ?? rest.split(separator: " ").first.map(String.init) ?? rest
            return InstitutionName(language: .english, text: rest, gender: .masculine, elides: false,
                                   head: Self.shortHead(head), untranslated: [], isUnreviewed: false)
        }
        let row = Self.row(of: Self.heads, startingWith: rest)
        let institution = glossaryInstitution(rest, in: language)
        var name: InstitutionName
        /// The table's head the name starts with (nil when a glossary institution is longer).
        var head: Head?
        // The user's own termbase wins ties with the table too (review 1130h M4): a ministry's
        // approved "Permanent Mission" rendering, not the table's unreviewed Khmer.
        let tableLength = row?.english.unicodeScalars.count ?? 0
        let usersTie = institution.map { $0.1 == tableLength && $0.0.untranslated.isEmpty } == true && startsWithUsersConcept(rest)
        if let institution, institution.1 > tableLength || usersTie {
            name = institution.0
            // The same English head as the table's row: its row still decides the country's
            // preposition after it (« Mission permanente de la France »).
            if usersTie { head = row }
            name.head = language == .french && name.grammarKnown ? Self.shortHead(name.text) : name.text
            rest = Self.dropping(institution.1, from: rest)
        } else if let row {
            head = row
            name = InstitutionName(language: language, text: language == .french ? row.french : row.khmer, gender: row.gender,
                                   elides: row.elides, head: language == .french ? Self.shortHead(row.french) : row.khmer,
                                   untranslated: [], isUnreviewed: language == .khmer && !row.khmerAttested,
                                   sources: language == .khmer ? [Self.cite(row)] : [])
            rest = Self.dropping(row.english.unicodeScalars.count, from: rest)
        } else {
            let marked = Self.markUntranslated(rest)
            return InstitutionName(language: language, text: marked, gender: .masculine, elides: false, head: marked,
                                   untranslated: [rest], isUnreviewed: true, grammarKnown: false)
        }
        var parts = [name.text]
        func add(_ part: InstitutionName, as text: String) {
            parts.append(text)
            name.untranslated += part.untranslated
            if part.isUnreviewed { name.isUnreviewed = true }
            name.sources += part.sources
        }
        while !rest.isEmpty {
            let seat = Self.row(of: Self.seats, startingWith: rest)
            let lowered = rest.lowercased()
            if lowered.hasPrefix("to "), let (accredited, used) = glossaryInstitution(String(rest.dropFirst(3)), in: language),
               used + 3 > seat?.english.unicodeScalars.count ?? 0 {
                // "to the United Nations Office at Geneva": a mission accredited to it, as the
                // table's seats write it ("auprès de l'Office …", ប្រចាំ…).
                add(accredited, as: language == .french ? "auprès " + accredited.genitive : Self.khmer("ប្រចាំ", accredited.text))
                if language == .khmer {
                    name.isUnreviewed = true
                    name.sources.append("ប្រចាំ (to): the name table's word for a mission accredited to an institution, no source (unreviewed)")
                }
                rest = Self.dropping(used + 3, from: rest)
                continue
            }
            if let seat {
                parts.append(language == .french ? seat.french : seat.khmer)
                if language == .khmer, !seat.khmerAttested { name.isUnreviewed = true }
                if language == .khmer { name.sources.append(Self.cite(seat)) }
                rest = Self.dropping(seat.english.unicodeScalars.count, from: rest)
                continue
            }
            if lowered.hasPrefix("of ") {
                let after = String(rest.dropFirst(3))
                let (country, consumed) = countryName(after, in: language)
                if let country {
                    if language == .french {
                        // The country right after a head from the table: « Ambassade de
                        // France », « Mission permanente de la France » (the head's row decides).
                        let (text, unattested) = Self.frenchCountry(country, after: parts.count == 1 ? head : nil)
                        add(country, as: text)
                        if let unattested {
                            name.isUnreviewed = true
                            name.sources.append(unattested)
                        }
                    } else {
                        add(country, as: Self.khmer("នៃ", country.text))
                    }
                    rest = Self.dropping(consumed, from: after)
                    continue
                }
                if let (part, used) = glossaryInstitution(after, in: language) {
                    add(part, as: language == .french ? part.genitive : Self.khmer("នៃ", part.text))
                    rest = Self.dropping(used, from: after)
                    continue
                }
            }
            // Keep the rest in English, marked in the text itself so every output (text, JSON,
            // letterhead, recipient) shows it. Khmer writes its own "of" (នៃ) before the mark
            // rather than "នៃ [untranslated: of the …]"; French keeps "of the" inside the mark,
            // as its article depends on the name's gender (review 1130c m8).
            var piece = rest
            var connective = ""
            if language == .khmer, lowered.hasPrefix("of ") {
                piece = String(piece.dropFirst(3))
                if piece.lowercased().hasPrefix("the ") { piece = String(piece.dropFirst(4)) }
                connective = "នៃ"
            }
            name.untranslated.append(piece)
            parts.append(Self.khmer(connective, Self.markUntranslated(piece)))
            rest = ""
        }
        name.text = language == .khmer ? Self.joinKhmer(parts) : parts.joined(separator: " ")
        return name
    }

    /// `text` without its first `scalars` Unicode scalars (what a match used), trimmed.
    static func dropping(_ scalars: Int, from text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(scalars))).trimmingCharacters(in: .whitespaces)
    }

    /// A Khmer connective (នៃ, ប្រចាំ) and what it governs: glued to Khmer, a space before a
    /// part kept in English (as Khmer writes Latin words). An empty connective leaves `text`.
    static func khmer(_ connective: String, _ text: String) -> String {
        guard !connective.isEmpty else { return text }
        return connective + (isKhmer(String(text.unicodeScalars.prefix(1))) ? "" : " ") + text
    }

    /// "[untranslated: High Commissioner for Refugees]": how a name part kept in English is
    /// written into a draft, so the drafter sees it in the note and not only in `--json`.
    static func markUntranslated(_ english: String) -> String { "[untranslated: \(english)]" }

    /// "ក្រសួងការបរទេស (Ministry of Foreign Affairs): <source>", or "…: no source (unreviewed)".
    static func cite(_ row: Head) -> String {
        "\(row.khmer) (\(row.english)): \(row.khmerSource ?? "no source (unreviewed)")"
    }

    /// "Ministère des Affaires étrangères" → "Ministère"; "Permanent Mission" → "Mission".
    static func shortHead(_ head: String) -> String {
        let first = head.split(separator: " ").first.map(String.init) ?? head
        return ["Permanent", "Royal", "Federal"].contains(first) ? (head.split(separator: " ").dropFirst().first.map(String.init) ?? first) : first
    }

    /// Joins a Khmer name's parts, each with its connective (`khmer(_:_:)`): glued, but a part
    /// kept in English stands apart from the Khmer around it. No connective is guessed here: a
    /// part that did not follow "of" takes no នៃ.
    static func joinKhmer(_ parts: [String]) -> String {
        guard let first = parts.first else { return "" }
        return parts.dropFirst().reduce(first) { result, part in
            result.hasSuffix("]") || part.hasPrefix("[") ? result + " " + part : result + part
        }
    }

    /// A country or formal state name at the start of `text` ("the Kingdom of Cambodia and …"),
    /// and how many characters it used.
    func countryName(_ text: String, in language: Language) -> (InstitutionName?, Int) {
        if let glossary, let (occurrence, used) = glossary.entity(atStartOf: text, language: .english),
           occurrence.concept.id.hasPrefix("iso3166"), let missing = Self.noKhmerName(occurrence, in: language) {
            return (missing, used)
        }
        if let glossary, let (occurrence, used) = glossary.entity(atStartOf: text, language: .english),
           occurrence.concept.id.hasPrefix("iso3166"),
           let term = Self.runningTextName(occurrence.equivalents(in: LanguageTag(language)).filter { language != .khmer || Self.isKhmer($0.text) }) {
            // A formal name with no attested Khmer formal name: the short name stands in.
            let standsIn = language == .khmer && occurrence.term.termType == "fullForm" && term.termType != "fullForm"
            let unreviewed = term.review == .unreviewed || standsIn
            let english = String(text.unicodeScalars.prefix(used))
            let source = term.source ?? "Glossaries/countries.tbx, no source given"
            let cited = language != .khmer ? [] : standsIn
                ? ["\(term.text) (\(english)): the short name (\(source)); no source gives the Khmer formal name, so the short name stands in for it (unreviewed)"]
                : ["\(term.text) (\(english)): \(source)"]
            if language == .french, let formal = Self.frenchFormalName(occurrence) {
                return (formal, used)
            }
            if language == .french {
                let first = term.text.split(separator: " ").first.map(String.init) ?? term.text
                if let form = Self.stateForms.first(where: { $0.french == first }) {
                    return (InstitutionName(language: language, text: term.text, gender: form.gender, elides: form.elides,
                                            head: first, untranslated: [], isUnreviewed: unreviewed), used)
                }
                var name = Self.frenchCountry(term.text, stated: Self.grammar(of: term))
                name.isUnreviewed = name.isUnreviewed || unreviewed
                return (name, used)
            }
            return (InstitutionName(language: language, text: term.text, gender: .masculine, elides: false, head: term.text,
                                    untranslated: [], isUnreviewed: unreviewed, sources: cited), used)
        }
        var rest = text
        var used = 0
        if rest.lowercased().hasPrefix("the ") { rest = String(rest.dropFirst(4)); used += 4 }
        var form: Head?
        if let state = Self.row(of: Self.stateForms, startingWith: rest, followedBy: " ") {
            form = state
            rest = String(rest.dropFirst(state.english.count + 1))
            used += state.english.count + 1
            if rest.lowercased().hasPrefix("the ") { rest = String(rest.dropFirst(4)); used += 4 }
        }
        guard let (country, length) = CountryNames.shared.longestPrefix(of: rest) else { return (nil, 0) }
        used += length
        guard let local = CountryNames.shared.name(country, in: language) else { return (nil, 0) }
        let englishCountry = String(text.prefix(used).suffix(length))
        let cldr = "\(local) (\(englishCountry)): CLDR display name (ICU \(ICU.version))"
        if language == .khmer, !Self.isKhmer(local) {
            // CLDR gave no Khmer name (ICU falls back to English or the code): keep the English
            // name, marked, rather than glue a Latin fallback into Khmer as if it were Khmer.
            var english = String(text.prefix(used))
            if english.lowercased().hasPrefix("the ") { english = String(english.dropFirst(4)) }
            return (InstitutionName(language: language, text: Self.markUntranslated(english), gender: .masculine, elides: false,
                                    head: Self.markUntranslated(english), untranslated: [english], isUnreviewed: true,
                                    sources: ["\(english): no Khmer name in CLDR; kept in English (untranslated)"]), used)
        }
        if let form {
            if language == .french {
                let country = Self.frenchCountry(local)
                return (InstitutionName(language: language, text: "\(form.french) \(country.formalGenitive)", gender: form.gender,
                                        elides: form.elides, head: form.french, untranslated: [], isUnreviewed: country.isUnreviewed,
                                        sources: country.sources), used)
            }
            // Khmer: the state form as the iso-codes formal names write it, then CLDR's name.
            // Each part is attested, the whole is not: no source writes this formal name (the
            // glossary, checked above, would have had it), so it is a guess and says so —
            // "Republic of France" is not France's formal name ("French Republic").
            let derived = stateFormKhmer[form.english]
            let formKhmer = derived?.khmer ?? form.khmer
            let formSource = derived?.source ?? form.khmerSource ?? "no source (unreviewed)"
            return (InstitutionName(language: language, text: formKhmer + local, gender: form.gender, elides: form.elides,
                                    head: form.french, untranslated: [], isUnreviewed: true,
                                    sources: ["\(formKhmer) (\(form.english)): \(formSource)", cldr,
                                              "\(formKhmer + local): composed by Verbale from these parts; no source writes the whole name (unreviewed)"]), used)
        }
        if language == .french { return (Self.frenchCountry(local), used) }
        return (InstitutionName(language: language, text: local, gender: .masculine, elides: false, head: local,
                                untranslated: [], isUnreviewed: false, sources: [cldr]), used)
    }

    /// Whether the glossary concept `text` starts with comes from the user's own termbase.
    private func startsWithUsersConcept(_ text: String) -> Bool {
        glossary?.entity(atStartOf: text, language: .english).map { DraftGlossary.isUsers($0.0.concept) } ?? false
    }

    /// An institution the glossary names at the start of `text` (a concept of subject field
    /// "Institutions": "Association of Southeast Asian Nations", "United Nations Office at
    /// Geneva"), in `language`, and how many Unicode scalars of `text` it used; nil when the
    /// glossary names none there.
    ///
    /// Its review status is the term's (most are the editors' unreviewed renderings, and say
    /// so). French takes the gender TBX states, else the article the term starts with, else the
    /// gender of the name table's French head it starts with; when none tells it, or a language
    /// has no term (UNOG has no Khmer name), the English is kept, marked, with no article
    /// guessed. Why the glossary: ASEAN's Khmer name is there and the drafts kept it in English
    /// (review 1130c m8). Cost: one recognition of `text`.
    func glossaryInstitution(_ text: String, in language: Language) -> (InstitutionName, Int)? {
        // A concept of the user's own termbase names an institution wherever it starts one: its
        // CSV rows carry no subject field (review 1130h M4).
        guard let glossary, let (occurrence, used) = glossary.entity(atStartOf: text, language: .english),
              occurrence.concept.domain == "Institutions" || DraftGlossary.isUsers(occurrence.concept),
              !occurrence.concept.id.hasPrefix("iso3166") else { return nil }
        let isUsers = DraftGlossary.isUsers(occurrence.concept)
        let termbase = isUsers ? "the termbase \(occurrence.concept.origin?.termbase ?? "")" : "the shipped glossary"
        var english = String(String.UnicodeScalarView(text.unicodeScalars.prefix(used)))
        if english.lowercased().hasPrefix("the ") { english = String(english.dropFirst(4)) }
        let kept = InstitutionName(language: language, text: Self.markUntranslated(english), gender: .masculine, elides: false,
                                   head: Self.markUntranslated(english), untranslated: [english], isUnreviewed: true,
                                   sources: ["\(english): \(occurrence.concept.id) in \(termbase) has no \(language.englishName) name; kept in English (untranslated)"],
                                   grammarKnown: false)
        let terms = occurrence.equivalents(in: LanguageTag(language)).filter { language != .khmer || Self.isKhmer($0.text) }
        guard let term = terms.first else { return (kept, used) }
        let unreviewed = term.review == .unreviewed
        let source = "\(term.text) (\(english)): \(occurrence.concept.id) in \(termbase), \(term.source ?? "no source given")"
            + (unreviewed ? " (unreviewed)" : "")
        guard language == .french else {
            return (InstitutionName(language: language, text: term.text, gender: .masculine, elides: false, head: term.text,
                                    untranslated: [], isUnreviewed: unreviewed, sources: [source]), used)
        }
        guard let (name, gender, elides) = Self.frenchGrammar(of: term) else { return (kept, used) }
        return (InstitutionName(language: .french, text: name, gender: gender, elides: elides, head: name, untranslated: [],
                                isUnreviewed: unreviewed, sources: unreviewed ? [source] : []), used)
    }

    /// A French institution term without its article, with its gender and elision: what TBX
    /// states, else what its article says ("l’Organisation …" elides, "la …" is feminine), else
    /// the name table's head it starts with ("Office" m, "Haut-Commissariat" m); nil when none
    /// tells the gender. Names starting with a vowel elide ("Haut-" does not: h aspiré).
    static func frenchGrammar(of term: Term) -> (String, InstitutionName.Gender, Bool)? {
        var name = term.text
        var fromArticle: InstitutionName.Gender?
        var elided = false
        for (article, gender) in [("l’", nil), ("l'", nil), ("la ", .feminine), ("le ", .masculine), ("les ", .plural)] as [(String, InstitutionName.Gender?)]
        where name.lowercased().hasPrefix(article) {
            name = String(name.dropFirst(article.count))
            fromArticle = gender
            elided = gender == nil
            break
        }
        let first = name.split(separator: " ").first.map(String.init) ?? name
        let head = frenchHeads.first { $0.french.split(separator: " ").first.map(String.init)?.lowercased() == first.lowercased() }
        guard let gender = grammar(of: term) ?? fromArticle ?? head?.gender else { return nil }
        let elides = gender != .plural && (elided || "AEIOUÉÈÎaeiouéèî".contains(name.first ?? "x"))
        return (name.prefix(1).uppercased() + name.dropFirst(), gender, elides)
    }

    /// Whether `text` holds a Khmer letter (U+1780–U+17B3): a "Khmer" name without one is an
    /// English name carried over, not a rendering.
    static func isKhmer(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x1780...0x17B3).contains($0.value) }
    }

    /// The English country name kept, marked untranslated, when the glossary recognises the
    /// country but has no Khmer name for it in Khmer script (a Latin "Khmer" term is English
    /// carried over, not a rendering): never glued into the Khmer as if it were Khmer. Nil
    /// when there is one, or `language` is not Khmer.
    ///
    /// A formal name with only a Khmer short name ("Plurinational State of Bolivia" → បូលីវី,
    /// "United States of America" → សហរដ្ឋអាមេរិក) is not missing: the short name stands in,
    /// marked unreviewed with the reason in the sources — it is usually what Khmer writes, but
    /// no source says so.
    static func noKhmerName(_ occurrence: TermOccurrence, in language: Language) -> InstitutionName? {
        guard language == .khmer, !occurrence.equivalents(in: LanguageTag(.khmer)).contains(where: { isKhmer($0.text) }) else { return nil }
        let english = occurrence.text
        return InstitutionName(language: .khmer, text: markUntranslated(english), gender: .masculine, elides: false,
                               head: markUntranslated(english), untranslated: [english], isUnreviewed: true,
                               sources: ["\(english): no source gives its Khmer name (Glossaries/countries.tbx: iso-codes, CLDR); kept in English (untranslated)"])
    }

    /// The French formal name of a country the text names by its English formal name
    /// ("Lao People's Democratic Republic", "Syrian Arab Republic": iso-codes' preferred names,
    /// with no separate official name), when the catalogue gives the French only in its
    /// inverted, sorting order (« Lao, République démocratique populaire », « Syrienne,
    /// République arabe »): read in running-text order, the state form first — « République
    /// démocratique populaire lao », « République arabe syrienne » — the part after the comma
    /// lower-cased when it is the adjective the form ends on, as French writes it, and glued after
    /// a form ending « de »/« d' » (« République de Corée »). Gender and elision are the state
    /// form's. Why: the short name stood in for it (« l'Ambassade du Laos », where English and
    /// Khmer kept the formal name: review 1130f m8). Nil when the matched English name is not
    /// the concept's preferred one ("Laos" stays « Laos »), the concept has a French formal
    /// name of its own (`fullForm`), or the inverted name's second part is no state form of the
    /// name table (« Russie, Fédération de » is left as it was). The countries termbase already
    /// gives "X, Y of" names their running order at build time (`RunningOrderNames`: Korea);
    /// these English names are in running order already, only their French is not.
    static func frenchFormalName(_ occurrence: TermOccurrence) -> InstitutionName? {
        guard occurrence.term.status == .preferred, occurrence.term.termType != "fullForm" else { return nil }
        let french = occurrence.equivalents(in: LanguageTag(.french))
        guard !french.contains(where: { $0.termType == "fullForm" }),
              let inverted = french.first(where: { $0.status == .preferred && !$0.isDoubted }) else { return nil }
        let parts = inverted.text.components(separatedBy: ", ")
        guard parts.count == 2, let name = parts.first, let tail = parts.last, !name.isEmpty,
              let form = stateForms.first(where: { tail.hasPrefix($0.french + " ") }) else { return nil }
        let text: String
        if tail.hasSuffix("'") || tail.hasSuffix("’") {
            text = tail + name
        } else if [" de", " du", " des"].contains(where: { tail.hasSuffix($0) }) {
            // Before a vowel « de » elides: not guessed here (as `RunningOrderNames.french`).
            guard !tail.hasSuffix(" de") || !"AEIOUYÉÈÊÎÏ".contains(name.first ?? "A") else { return nil }
            text = tail + " " + name
        } else {
            text = tail + " " + name.prefix(1).lowercased() + name.dropFirst()
        }
        let english = occurrence.term.text
        return InstitutionName(language: .french, text: text, gender: form.gender, elides: form.elides, head: form.french,
                               untranslated: [], isUnreviewed: inverted.review == .unreviewed,
                               sources: ["\(text) (\(english)): \(inverted.source ?? "Glossaries/countries.tbx") « \(inverted.text) », read in running-text order"])
    }

    /// The first of a concept's names (best first) that reads in running text: iso-codes gives
    /// some preferred names in their catalogue order ("Salomon, Îles"), which a note writes
    /// "Îles Salomon"; those are passed over when another name has no comma.
    static func runningTextName(_ terms: [Term]) -> Term? {
        terms.first { !$0.text.contains(", ") } ?? terms.first
    }

    /// French country names take an article whose number and gender neither CLDR nor the
    /// iso-codes names give. In order: what the glossary term states (TBX `grammaticalNumber`
    /// plural, `grammaticalGender`), the name table's `country` rows (a row covers the names
    /// it starts: "États-Unis" → "États-Unis d'Amérique" is plural), else feminine when the name
    /// ends in -e and masculine otherwise. Plural names take "les/des/aux" and never elide:
    /// "des États-Unis d'Amérique", not "de l'États-Unis".
    ///
    /// A row whose gender is `none` is a name that takes no article: "l'Ambassade de Malte",
    /// "de Singapour", "d'Israël", "à Cuba" (it gave « de la Malte », « du Singapour »; review
    /// 1130d M6). Its source cell says what attests it — the iso-codes French formal name
    /// ("République de Cuba", where a name taking the article has "du": "République du
    /// Mali"), corpus evidence counted in Europarl FR (`shared/data/parallel`: "avec Cuba",
    /// "contre Israël", never "le/la/du/au …"), or the notes ("à Aruba"); a row without one is
    /// Verbale's reading, and the name is marked unreviewed. A row's `elides` covers a mute h.
    /// The gender rule for names no row covers is French grammar's (names in -e are feminine;
    /// the masculine exceptions — le Mexique, le Cambodge… — are rows), not marked: marking
    /// « de la France » in every note would teach drafters to ignore the mark where it matters.
    static func frenchCountry(_ name: String, stated: InstitutionName.Gender? = nil) -> InstitutionName {
        let row = frenchCountryRows.first { name == $0.french || name.hasPrefix($0.french + " ") }
        let gender = stated ?? row?.gender ?? (grammarHead(of: name).hasSuffix("e") ? .feminine : .masculine)
        let elides = gender != .plural && (row?.elides == true || "AEIOUÉÈÎaeiouéèî".contains(name.first ?? "x"))
        var country = InstitutionName(language: .french, text: name, gender: gender, elides: elides, head: name, untranslated: [],
                                      isUnreviewed: false)
        let first = name.split(whereSeparator: { $0 == " " || $0 == "-" }).first.map { $0.lowercased() } ?? ""
        country.isShortCountryName = !commonNounLeads.contains(first)
        if stated == nil, let row, row.gender == .noArticle {
            country.isUnreviewed = row.khmerSource == nil
            country.sources = ["\(name): no article in French — \(row.khmerSource ?? "no source (unreviewed)")"]
        }
        return country
    }

    /// The part of a French country name whose ending gives its gender: the name before a
    /// complement « du … », « de … », « des … », « d'… » — « Corée » in « Corée du Sud »,
    /// « Macédoine » in « Macédoine du Nord », so they are « de la Corée du Sud », not « du Corée
    /// du Sud », which the whole name's last letter gave (review 1130e, found fixing m5).
    /// « Soudan du Sud » stays masculine; names without a complement are read whole, as before
    /// (« Sierra Leone », « Timor oriental »).
    static func grammarHead(of name: String) -> Substring {
        var head = name[...]
        for marker in [" du ", " de ", " des ", " d'", " d’"] {
            if let range = head.range(of: marker) { head = head[..<range.lowerBound] }
        }
        return head
    }

    /// First words (before a space or hyphen) that make a French country name a common noun's
    /// phrase rather than a short name — the state forms' (« République tchèque », « Royaume-Uni »)
    /// and « Île », « Région », « Fédération », « Territoire » — so it keeps its article after
    /// « Ambassade » as after any head: « l'Ambassade de la République dominicaine ».
    static let commonNounLeads: Set<String> = Set(stateForms.map { $0.french.lowercased() } + ["île", "région", "fédération", "territoire"])

    /// How a French country follows `head` ("of <country>" right after it): its `genitive`
    /// («de la France», «du Japon», «des Pays-Bas», «de Singapour»), except after a head whose
    /// table row says `drop` (« Ambassade », « Consulat général », « Consulat », « Légation »),
    /// where a short name that would take « la » or « l' » takes none: « l'Ambassade de
    /// France », « de Thaïlande », « d'Italie », « d'Iran » (it gave « de la France », « de
    /// l'Italie »). Masculine and plural names keep theirs (« du Japon », « des États-Unis »),
    /// as do formal names (« de la République tchèque ») and countries whose row says `keep`.
    /// The second value is the source note when the reading is no source's (a `drop` head or
    /// `keep` country row without a source), which marks the name unreviewed; nil otherwise.
    /// Heads whose row says nothing (« Mission permanente », « Ministère ») keep the article:
    /// « la Mission permanente de la France » (the sources are in the table's rows).
    static func frenchCountry(_ country: InstitutionName, after head: Head?) -> (String, String?) {
        guard let head, head.countryArticle == .drop, country.isShortCountryName, country.grammarKnown, country.takesArticle,
              country.gender != .plural, country.gender == .feminine || country.elides else { return (country.genitive, nil) }
        if let keep = frenchCountryRows.first(where: { $0.countryArticle == .keep && (country.text == $0.french || country.text.hasPrefix($0.french + " ")) }) {
            let unattested = keep.countryArticleSource == nil
                ? "\(country.text): keeps its article after « \(head.french) » — no source (unreviewed)" : nil
            return (country.genitive, unattested)
        }
        let unattested = head.countryArticleSource == nil
            ? "\(country.text): no article after « \(head.french) » — no source (unreviewed)" : nil
        return ((country.elides ? "d'" : "de ") + country.text, unattested)
    }

    /// The number and gender a glossary term states with TBX's `grammaticalNumber` and
    /// `grammaticalGender` term notes; nil when it states neither.
    static func grammar(of term: Term) -> InstitutionName.Gender? {
        func value(_ type: String) -> String? { term.fields.first { $0.type == type }?.value.lowercased() }
        if value("grammaticalNumber") == "plural" { return .plural }
        switch value("grammaticalGender") {
        case "masculine": return .masculine
        case "feminine": return .feminine
        default: return nil
        }
    }
}

/// Country names in English, French and Khmer from CLDR (ICU display names), keyed by region.
final class CountryNames: @unchecked Sendable {
    static let shared = CountryNames()
    private let englishToRegion: [(name: String, region: String)]

    private init() {
        var pairs: [(String, String)] = []
        for region in Locale.Region.isoRegions where region.identifier.count == 2 {
            if let name = ICU.displayCountry(region.identifier, in: "en") { pairs.append((name, region.identifier)) }
        }
        // Names notes use that CLDR writes differently.
        pairs += [("Netherlands", "NL"), ("the Netherlands", "NL"), ("Czech Republic", "CZ"), ("United States of America", "US"), ("Viet Nam", "VN")]
        englishToRegion = pairs.sorted { $0.0.count > $1.0.count }
    }

    func longestPrefix(of text: String) -> (String, Int)? {
        let lowered = text.lowercased()
        for (name, region) in englishToRegion where lowered.hasPrefix(name.lowercased()) {
            let end = lowered.index(lowered.startIndex, offsetBy: name.count)
            if end == lowered.endIndex || !(lowered[end].isLetter) { return (region, name.count) }
        }
        return nil
    }

    func name(_ region: String, in language: Language) -> String? {
        ICU.displayCountry(region, in: language.rawValue)
    }
}
