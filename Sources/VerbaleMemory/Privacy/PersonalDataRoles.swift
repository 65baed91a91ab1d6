import Foundation

extension PersonalDataScrubber {
    /// Role labels that introduce a person the way a title does, followed by a colon (French
    /// writes a space before it: `Traducteur : …`): CAT tools and drafting offices write them in
    /// notes and properties ("Translator: Sokha Chan, sokha@mfa.gov.kh"), and the name after
    /// one is as personal as a name after `Mr`. Matched case-insensitively, at a word start.
    /// Without the colon these are ordinary words ("The author of the note"), never a label.
    static let latinRoleLabels = [
        "Translator", "Reviewer", "Author", "Contact person", "Contact", "Prepared by", "Drafted by", "Checked by",
        "Translated by", "Reviewed by",
        // How termbases sign their entries (review 1130c m6: "Compiled by: Keo Sreymom").
        "Compiled by", "Compilé par", "Compilée par", "Établi par", "Établie par",
        "Traducteur", "Traductrice", "Réviseur", "Réviseuse", "Relecteur", "Relectrice", "Auteur", "Autrice",
        "Rédigé par", "Rédigée par", "Traduit par", "Traduite par", "Révisé par", "Relu par", "Personne de contact",
        "Personne à contacter",
        // The labelled lines of a consular form (visa, accreditation, identity card: review
        // 1130j M1): the name beside the date of birth and the passport number those lines give.
        "Name", "Full name", "Surname", "Family name", "Last name", "Given name", "Given names", "First name", "First names",
        "Forename", "Forenames", "Applicant", "Spouse", "Nom", "Nom complet", "Nom de famille", "Prénom", "Prénoms",
        "Nom et prénom", "Nom et prénoms", "Demandeur", "Demandeuse", "Conjoint", "Conjointe",
    ]

    /// Words before `name` that make it the name of a thing, not a person's (`File name:`,
    /// `User name:` — an account, not its holder's name, in the notes' IT annexes — `Company
    /// name:`), lower case: the role expression matches them case-insensitively.
    static let thingNameWords = ["file", "user", "host", "domain", "company", "project", "product", "brand", "trade", "code",
                                 "account", "display", "screen", "network", "server", "folder", "document", "event", "meeting",
                                 "country", "city", "place", "street", "vessel", "ship", "organisation", "organization",
                                 "institution", "business", "school", "hotel", "bank", "field", "column", "table", "team",
                                 "group", "programme", "program", "course", "model", "package", "application", "app", "device",
                                 "computer", "database", "dataset", "variable", "method", "function", "class", "attachment"]
        .joined(separator: "|")

    /// Plural labels, which introduce a list of people ("Translators: Sokha Chan and Dara Sok",
    /// "Traducteurs : Jean Dupont et Claire Martin"): every name of the list goes, as after a
    /// plural title. The `by`/`par` labels introduce lists too ("Prepared by: A and B").
    static let latinPluralRoleLabels = [
        "Translators", "Reviewers", "Authors", "Contact persons", "Contacts",
        "Traducteurs", "Traductrices", "Réviseurs", "Réviseuses", "Relecteurs", "Relectrices", "Auteurs", "Autrices",
        "Personnes de contact", "Personnes à contacter", "Rédigés par", "Rédigées par", "Traduits par", "Traduites par",
        "Révisés par", "Relus par", "Compilés par", "Compilées par", "Établis par", "Établies par",
    ]

    /// `Source:` before a name (a termbase's source column, "source: Keo Sreymom, 2020"): as
    /// often a document, a corpus or an institution ("Source: Europarl", "Source: Official
    /// Journal", "Source : Ministère…"), so only two or three capitalised words that end the
    /// value (end of text, a comma, `;`, a bracket or a sentence's full stop) and of which none
    /// is an ordinary or institutional word (`hasPlainWord`, `sourceNotNames`) count as a
    /// person (review 1130c m6). A title after it is the title pattern's ("Source: Mr. …").
    static let sourceRoleLabels = ["Source", "Sources"]

    /// Words of the names of documents, corpora, media and bodies a source names: one of them
    /// makes the words after `Source:` no person ("Source: Phnom Penh Post", "Source: UN
    /// Treaty Collection"). Lower-cased.
    static let sourceNotNames: Set<String> = [
        "journal", "post", "times", "news", "daily", "gazette", "press", "agency", "report", "reports", "corpus", "database",
        "dictionary", "treaty", "treaties", "collection", "library", "archive", "archives", "website", "handbook", "manual",
        "glossary", "termbase", "terminology", "wikipedia", "europarl", "termium", "plus", "record", "records", "bulletin",
        "review", "annual", "register", "nations", "union", "cambodia", "cambodian", "khmer", "france", "french", "english",
        "royal", "national", "foreign", "affairs", "international", "world", "bank", "organization", "organisation",
        "institute", "university", "centre", "center", "school", "law", "act", "code", "decree", "regulation", "directive",
        "convention", "agreement", "charter", "constitution", "statute", "resolution", "minutes", "notes", "note", "letter",
        "memo", "file", "files", "official", "general", "assembly", "security", "online", "web", "internet", "data",
        "translation", "officiel", "officielle", "traité", "traités", "recueil", "dictionnaire", "base", "données", "rapport",
        "bibliothèque", "site", "lexique", "glossaire", "accord", "décret", "loi", "règlement", "unies", "européenne",
        "cambodge", "royaume", "affaires", "étrangères", "nationale", "internationale", "mondiale", "banque", "institut",
        "université", "école", "presse", "agence", "revue", "dépêche",
    ]

    /// Whether one of `words` (lower-cased, without edge punctuation) is a `sourceNotNames` word.
    static func hasSourceWord(_ words: [Substring]) -> Bool {
        words.contains { word in
            sourceNotNames.contains(word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()’'")))
        }
    }

    /// The labels that only ever introduce a person (not `Contact`, which as often introduces
    /// a section or a channel): after one of these and its colon, two lower-case words alone
    /// ("Translator: sokha chan", as typed in a hurry) are still a name, unless one of them is
    /// an ordinary word (`plainWords`: "Translator: machine translation", "Reviewer: not yet").
    static let personOnlyRoleLabels = (latinRoleLabels + latinPluralRoleLabels).filter { !$0.lowercased().contains("contact") }
    /// `personOnlyRoleLabels` as a set: asked for every property with a role label.
    static let personOnlyRoleLabelSet = Set(personOnlyRoleLabels)

    /// Ordinary words that rule out a lower-case name after a label (`personOnlyRoleLabels`):
    /// function words, status words and the ways notes say who translated besides a person.
    static let plainWords: Set<String> = [
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "not", "yet", "no", "none",
        "unknown", "tbd", "tba", "pending", "see", "below", "above", "same", "as", "is", "was", "be", "been", "nil", "self", "me",
        "myself", "internal", "external", "machine", "google", "deepl", "automatic", "human", "freelance", "freelancer", "staff",
        "agency", "team", "all", "everyone", "various", "several", "other", "others", "approved", "done", "final", "draft", "ok",
        "yes", "confirmed", "assigned", "unassigned", "required", "needed", "review", "checked", "reviewed", "translated",
        "verified", "translate", "translator", "reviewer", "author", "anonymous", "in-house", "outsourced", "this", "that", "it",
        "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "à", "au", "aux", "voir", "ci-dessous", "ci-dessus",
        "inconnu", "inconnue", "aucun", "aucune", "néant", "interne", "externe", "automatique", "traduction", "non", "pas",
        "encore", "en", "cours", "même", "idem", "tous", "toutes", "autre", "autres", "validé", "validée", "relu", "relue",
        "traduit", "traduite", "confirmé", "moi", "soi", "par", "pour", "avec", "sans", "équipe", "agence", "personne",
    ]

    /// Whether a lower-case candidate (two words after a person-only label) holds an ordinary
    /// word (`plainWords`, `notNames`, `offices`), so is no name.
    static func hasPlainWord(_ words: [Substring]) -> Bool {
        words.contains { word in
            let key = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()"))
            return plainWords.contains(key) || notNames.contains(key) || offices.contains(key) || isNotName(word)
        }
    }

    /// Words that may follow a capitalised `Le`/`La` after a title and make an office of it
    /// (`Monsieur Le Député`) though `offices` lacks them; any other capitalised word after
    /// `Le`/`La` makes them a surname (`Ms. Le Thi Hoa`, `Mr. La Thi Mai`, `M. Le Drian`).
    static let articleOffices: Set<String> = [
        "député", "députée", "sénateur", "sénatrice", "maire", "juge", "procureur", "procureure", "chancelier", "chancelière",
        "conseiller", "conseillère", "premier", "première", "haut", "haute", "délégué", "déléguée", "rapporteure", "questeur",
        "médiateur", "médiatrice", "gouverneur", "préfet", "chef", "doyen", "roi", "reine", "prince", "princesse", "pape",
        "général", "colonel", "capitaine", "professeur", "docteur", "consul", "nonce", "vice-présidente", "greffier",
    ]

    /// Whether a capitalised `Le`/`La` followed by `next` begins a surname (Vietnamese Lê/La,
    /// `Le Drian`, `Le Pen`, `La Malfa`) rather than being the French article of an office.
    static func isSurnameArticle(_ word: Substring, next: Substring?) -> Bool {
        guard word == "Le" || word == "La", let next, let initial = next.unicodeScalars.first,
              CharacterSet.uppercaseLetters.contains(initial) else { return false }
        let key = next.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,;:’'"))
        return !isOffice(next) && !isNotName(next) && !isTitle(next) && !articleOffices.contains(key)
    }

    /// The `by`/`par` labels, which also introduce a person without a colon when they begin the
    /// text ("Prepared by John Smith" as a whole note). Elsewhere they need the colon: "drafted
    /// by Cambodia and Thailand" in a sentence is no label.
    static let latinByLabels = latinRoleLabels.filter { $0.hasSuffix(" by") || $0.hasSuffix(" par") }

    /// Khmer labels attested in public Khmer text, with or without U+200B between their words
    /// (as Khmer is often typed): អ្នកបកប្រែ "translator" (written "អ្នកបកប្រែ (Translator)" in a
    /// bilingual Khmer article, bizkhmer.com), អ្នកនិពន្ធ "author" ("គោលការណ៍ណែនាំសម្រាប់អ្នកនិពន្ធ",
    /// "guidelines for authors", Cambodia Education Review), បកប្រែដោយ "translated by" (បកប្រែ
    /// "translate" as in the Khmer gettext catalogues; ដោយ "by" as in Khmer bylines "ដោយ : …").
    /// Khmer names have no capitals, so only a label with its colon (`៖`, `:`, or `ៈ` as bylines
    /// write it) counts. Not attested, so left out: Khmer "reviewer" and "contact person".
    static let khmerRoleLabels = ["អ្នកបកប្រែ", "អ្នក\u{200B}បកប្រែ", "អ្នកនិពន្ធ", "អ្នក\u{200B}និពន្ធ", "បកប្រែដោយ", "បកប្រែ\u{200B}ដោយ",
                                  // A form's name lines (review 1130j M1): ឈ្មោះ "name", ឈ្មោះពេញ "full name",
                                  // នាមត្រកូល "surname", នាមខ្លួន "given name" — with their colon only.
                                  "ឈ្មោះ", "ឈ្មោះពេញ", "នាមត្រកូល", "នាម\u{200B}ត្រកូល", "នាមខ្លួន", "នាម\u{200B}ខ្លួន"]

    /// Particles that may begin a surname right after a title (`M. de Villepin`, `Mme de La
    /// Fayette`, `Mr. de la Cruz`, `H.E. Mr. dos Santos`; `d’` glued: `S.E. M. d'Estaing`).
    /// After a title a lower-case word is otherwise never a name, so `de` is safe here where it
    /// is not inside a name (`M. Dupont de la Commission`). `le`/`la` never begin one: `M. le
    /// Président` is an office.
    static let leadingParticles: Set<String> = ["de", "du", "des", "van", "von", "dos", "das", "da", "del", "della", "di", "ter", "ten", "zu", "bin", "ibn"]

    /// Articles that may follow a leading particle inside a name (`de la Cruz`, `de La
    /// Fayette`, `van der`), where they are no office word (`offices` holds `la`, `le`).
    static let particleArticles: Set<String> = ["la", "le", "las", "los", "der", "den"]

    /// First words after a role label (or after a title and a particle) that are no person:
    /// institutions ("Contact: Consular Section", "Auteur : Ministère…", "Messieurs de la
    /// Commission") and contact channels ("Contact: Tel. …"). Compared lower-cased, without
    /// punctuation at either end; Khmer by prefix (`khmerInstitutions`: Khmer has no spaces).
    static let notNames: Set<String> = [
        "ministry", "embassy", "mission", "consulate", "consular", "section", "department", "division", "office", "secretariat",
        "service", "unit", "desk", "team", "protocol", "directorate", "bureau", "committee", "commission", "council", "government",
        "delegation", "translation", "parliament", "court", "presidency", "republic", "kingdom", "state", "united", "european",
        "ministère", "ambassade", "consulat", "direction", "département", "secrétariat", "protocole", "délégation", "équipe",
        "cellule", "conseil", "gouvernement", "représentation", "parlement", "cour", "présidence", "république", "royaume", "état",
        "tel", "tél", "telephone", "téléphone", "phone", "fax", "email", "e-mail", "mail", "courriel", "mobile", "none", "unknown", "n/a",
    ]
    static let khmerInstitutions = ["ក្រសួង", "ស្ថានទូត", "ស្ថានកុងស៊ុល", "នាយកដ្ឋាន", "អគ្គនាយកដ្ឋាន", "ការិយាល័យ", "ផ្នែក", "បេសកកម្ម",
                                    "គណៈកម្មការ", "រាជរដ្ឋាភិបាល", "ទូរស័ព្ទ"]

    /// Whether `word` (lower-cased) is a leading particle.
    static func isParticle(_ word: Substring) -> Bool { leadingParticles.contains(word.lowercased()) }

    /// Whether `word` begins something that is not a person (`notNames`, `khmerInstitutions`),
    /// after a glued `d’`/`l’` (`d'Europe`).
    static func isNotName(_ word: Substring) -> Bool {
        var key = Substring(word.lowercased())
        while let first = key.unicodeScalars.first, ".,;:(«\"".unicodeScalars.contains(first) { key = key.dropFirst() }
        while let last = key.unicodeScalars.last, ".,;:)»\"".unicodeScalars.contains(last) { key = key.dropLast() }
        for elision in ["d'", "d’", "l'", "l’"] where key.hasPrefix(elision) { key = key.dropFirst(2) }
        if notNames.contains(String(key)) { return true }
        return khmerInstitutions.contains { key.hasPrefix($0) }
    }

    /// The role labels as the byte pre-filter compares them: lower-cased UTF-8.
    static let roleLabelBytes: [[UInt8]] = ((latinRoleLabels + latinPluralRoleLabels + sourceRoleLabels).map { $0.lowercased() } + khmerRoleLabels)
        .map { Array($0.utf8) }
    static let byLabelBytes: [[UInt8]] = latinByLabels.map { Array($0.lowercased().utf8) }

    /// Whether a role label ends before `end` (a colon's first byte), past the spaces, tabs,
    /// NBSP, U+202F and U+200B the pattern allows between them. Compares through `folded`, so
    /// `TRADUCTEUR`, `Réviseur` and `RÉVISEUR` are found. Necessary for the role pattern's
    /// labelled form, not sufficient (the word start and the name are left to the pattern).
    /// Cost: only at colons, a few dozen short byte comparisons.
    static func roleLabelEnds(_ p: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        var j = end
        while j > 0 {
            if p[j - 1] == 0x20 || p[j - 1] == 0x09 { j -= 1; continue }
            if j >= 2, p[j - 2] == 0xC2, p[j - 1] == 0xA0 { j -= 2; continue }
            if j >= 3, p[j - 3] == 0xE2, p[j - 2] == 0x80, p[j - 1] == 0xAF || p[j - 1] == 0x8B { j -= 3; continue }
            break
        }
        return roleLabelBytes.contains { label in
            guard j >= label.count else { return false }
            let start = j - label.count
            var k = 0
            while k < label.count, folded(p, start + k) == label[k] { k += 1 }
            return k == label.count
        }
    }

    /// Whether a name can begin after a colon ending before `start`, past the gap the pattern
    /// allows: an ASCII letter (capital, particle, or a lower-case name after a person-only
    /// label), or a non-ASCII byte (an accented capital, a Khmer letter, a gap character not
    /// skipped here). So "Contact: 023 216 141" or "Contact: +855 …" does not run the role
    /// pattern for nothing. Necessary, not sufficient.
    static func roleNameCanFollow(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var i = start
        while i < p.count {
            if p[i] == 0x20 || p[i] == 0x09 { i += 1; continue }
            if i + 1 < p.count, p[i] == 0xC2, p[i + 1] == 0xA0 { i += 2; continue }
            if i + 2 < p.count, p[i] == 0xE2, p[i + 1] == 0x80, p[i + 2] == 0xAF || p[i + 2] == 0x8B { i += 3; continue }
            break
        }
        guard i < p.count else { return false }
        // Any letter: a lower-case name may follow a person-only label ("Translator: sokha chan").
        return p[i] >= 0x80 || (p[i] >= 0x41 && p[i] <= 0x5A) || (p[i] >= 0x61 && p[i] <= 0x7A)
    }

    /// The first bytes of `byLabelBytes`, by byte value: what `folded` must give at the start of
    /// a text for any `by`/`par` label to begin there.
    static let byLabelFirstBytes: [Bool] = (0..<256).map { byte in byLabelBytes.contains { $0.first == UInt8(byte) } }

    /// Whether the text begins (after spaces and tabs) with a `by`/`par` label.
    ///
    /// Every text's byte pass asks this once, and most texts begin with no label's first letter:
    /// one table read then answers, where the comparison with each label cost about 450
    /// instructions per text (about 55 M of a 20,000-unit import's privacy pass, callgrind 30
    /// Nov). The same `folded` byte the comparison starts with, so the answer is the same.
    static func byLabelStarts(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < p.count, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
        guard i < p.count, byLabelFirstBytes[Int(folded(p, i))] else { return false }
        return byLabelBytes.contains { label in
            guard i + label.count <= p.count else { return false }
            var k = 0
            while k < label.count, folded(p, i + k) == label[k] { k += 1 }
            return k == label.count
        }
    }
}
