import Foundation

/// An office written between a role label and the name, however long: "Contact: Deputy
/// Director-General of the Department of Legal Affairs Sok Dara", "Contact : directeur adjoint
/// Jean Dupont", "Rédigé par : la conseillère Marie Martin".
///
/// Why: the role pattern takes a name of up to four capitalised words and then skips the office
/// words at its start (`nameRange`), so an office of three words or more left the name cut
/// short ("Deputy Director-General {PERSON} Vy"), an office with `of the …` in it or in lower
/// case (as French writes offices) left it whole (acceptance review, finding 5). Here the office
/// is read as a chain of words — offices, articles and connectors (`of`, `de`, `du`…), and the
/// institution an office belongs to — and the name is what follows the chain.
///
/// Cost: one more regular expression, run only on texts whose byte pass saw a role label and
/// its colon; the chain is split into words once per match.
extension PersonalDataScrubber {
    /// Office words beyond `offices` and `articleOffices` that a role label's office is made of,
    /// in English and in French (French writes offices in lower case: "directeur adjoint").
    /// Only read inside a chain that begins with an office: never after a title, where
    /// `offices` alone decides (adding these there would change what `Mr …` means).
    static let chainOffices: Set<String> = [
        "adjoint", "adjointe", "sous-directeur", "sous-directrice", "directeur-adjoint", "directrice-adjointe", "chargé", "chargée",
        "attaché", "attachée", "délégué", "déléguée", "conseiller", "conseillère", "chef", "premier", "première", "deuxième",
        "troisième", "second", "seconde", "principal", "principale", "général", "générale", "juriste", "porte-parole", "interprète",
        "traducteur", "traductrice", "agent", "fonctionnaire", "responsable", "vice", "counsellor", "counselor", "adviser", "advisor",
        "officer", "attache", "senior", "assistant", "assistante", "associate", "spokesperson", "spokesman", "spokeswoman", "envoy",
        "special", "first", "third", "executive", "interpreter", "clerk", "coordinator", "coordinatrice", "coordinateur",
        "analyst", "analyste", "expert", "experte", "focal", "point", "desk", "ministre-conseiller", "minister-counsellor",
    ]

    /// Lower-case words that join the parts of an office ("Director of the Department of …",
    /// "directeur adjoint des affaires juridiques"): after one, the next word heads the
    /// institution the office belongs to, never a name.
    static let chainConnectors: Set<String> = [
        "of", "the", "for", "on", "in", "at", "to", "and", "&", "de", "du", "des", "la", "le", "les", "et", "à", "au", "aux", "en", "pour",
        "chargé", "chargée",
    ]

    /// Words of institutions and their fields after an office ("of Legal Affairs", "of Foreign
    /// Affairs and International Cooperation", "des affaires juridiques") beyond `notNames`:
    /// a capitalised run that holds one ends there, and the name is what follows it.
    static let institutionWords: Set<String> = [
        "affairs", "affaires", "relations", "cooperation", "coopération", "foreign", "étrangères", "international", "internationale",
        "internationales", "legal", "juridique", "juridiques", "treaties", "traités", "law", "droit", "consulaires", "political",
        "politique", "politiques", "economic", "économique", "économiques", "multilateral", "multilatérale", "multilatérales",
        "bilateral", "bilatérale", "bilatérales", "asean", "asia", "asie", "europe", "africa", "afrique", "americas", "amériques",
        "pacific", "pacifique", "administration", "administrative", "finance", "finances", "personnel", "cabinet", "press", "presse",
        "information", "communication", "human", "rights", "humains", "homme", "general", "organisations", "organizations",
        "organisation", "organization", "nations", "archives", "agency", "agence", "administratives", "générales", "culturelles",
        "cultural", "public", "publique", "diplomatic", "diplomatique", "union", "bank", "banque", "fund", "fonds", "programme", "program",
        "institute", "institut", "centre", "center", "forum", "group", "groupe", "watch", "nations-unies", "ngo", "ong",
    ]

    /// The chain after a label's colon: up to 24 words, capitalised or lower-case, or `&`, maybe
    /// after a glued `d’`/`l’` ("chargé d'affaires", "l'ambassadeur"), each ending where no
    /// letter, digit, full stop, `@` or `_` follows (a capitalised word may end with its full
    /// stop), so `sokha.chenda@…` or the `H.` of a glued `H.E.` (a title after the office) is no
    /// word of it. Which words are the
    /// office and which the name is `officeChainNames`'s to say; it stops at the first word that
    /// is neither. Lower-case words are matched as any word, not as an alternation of the
    /// office and connector words: measured, such an alternation tried at every label's colon
    /// cost the units that write "Contact: user@…" a third more scrub time.
    static let officeChainPattern: String = {
        let token = "(?:[dDlL]['’])?(?:\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?|\\p{Ll}[\\p{L}\\p{M}'’-]*|&)(?![\\p{L}\\p{M}\\p{N}'’.@_-])"
        return "\(token)(?:[ \\u00A0]+\(token)){0,23}"
    }()

    /// Whether `word` is part of an office in a chain: an office word (`offices`,
    /// `articleOffices`, `chainOffices`), its hyphenated forms (`isOffice`), after a glued
    /// article (`l'ambassadeur`).
    static func isChainOffice(_ word: Substring) -> Bool {
        if isOffice(word) { return true }
        let key = chainKey(word)
        return articleOffices.contains(key) || chainOffices.contains(key)
    }

    /// `word` lower-cased, without the punctuation `.,;:’'` at either end and without a glued
    /// `d’`/`l’`.
    static func chainKey(_ word: Substring) -> String {
        var key = Substring(word.lowercased())
        while let first = key.unicodeScalars.first, ".,;:'’".unicodeScalars.contains(first) { key = key.dropFirst() }
        while let last = key.unicodeScalars.last, ".,;:'’".unicodeScalars.contains(last) { key = key.dropLast() }
        for elision in ["d'", "d’", "l'", "l’"] where key.hasPrefix(elision) && key.count > 2 { key = key.dropFirst(2) }
        return String(key)
    }

    /// Whether `word` names an institution or its field (`notNames`, `institutionWords`).
    static func isInstitutionWord(_ word: Substring) -> Bool {
        isNotName(word) || institutionWords.contains(chainKey(word))
    }

    /// Whether `word` begins with a glued `d’`/`l’` ("d'Europe", "l'Ambassade"): part of the
    /// office's institution, never a name.
    static func isElided(_ word: Substring) -> Bool {
        let lower = word.lowercased()
        return ["d'", "d’", "l'", "l’"].contains { lower.hasPrefix($0) } && word.count > 2
    }

    /// Whether `word` is a title or the first of two glued ones (`H.E.`, `S.E.M.`): the title
    /// patterns take the name after it.
    static func isTitleLike(_ word: Substring) -> Bool {
        let lower = word.lowercased()
        return isTitle(word) || lower.hasPrefix("h.e.") || lower.hasPrefix("s.e.") || lower == "h.e" || lower == "s.e"
    }

    /// The names in an office chain captured at `range` (`officeChainPattern`), each its own
    /// range; none unless the chain begins with an office word ("Contact: Sokha Chan" is the
    /// role pattern's, "Contact: Director-General" holds no name).
    ///
    /// Reading, word by word: office words, connectors, institution words, and the first word
    /// after a connector (the head of "of Protocol", "of ASEAN") are the office; the first other
    /// capitalised word begins a name, which runs over capitalised words and particles (`van
    /// der`) and, if an institution word turns up in it ("Legal Affairs Sok Dara" when `Legal`
    /// headed nothing), starts again after that word. A connector, an office word, a title or a
    /// full stop after a whole word ends the name; after `and`/`et`/`&` another office and name
    /// may follow ("Director Sok Dara and Deputy Director Chan Thida"). Over-reading errs toward
    /// replacing: an unknown institution word right before the name goes with it.
    /// Nil when the chain does not begin with an office: the label is then the other role
    /// patterns' (`spans` lets them read it only then, so they cannot take the office's first
    /// words for a name, "Senior Legal Adviser").
    /// A caller may widen the reading (`titleComplementSpans`): `ranks` count as offices (a rank
    /// before its complement, "Professor of Law", is no office of a role label's chain), and
    /// `institutions` as institution words ("of the Royal Army", « de l'Armée royale »).
    /// Cost: O(words), a few set lookups per word.
    static func officeChainNames(_ range: NSRange, in text: NSString, ranks: Set<String> = [], institutions: Set<String> = []) -> [NSRange]? {
        let candidate = text.substring(with: range)
        let words = candidate.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        func isOfficeOrRank(_ word: Substring) -> Bool { isChainOffice(word) || !ranks.isEmpty && ranks.contains(chainKey(word)) }
        func isInstitutionOrExtra(_ word: Substring) -> Bool { isInstitutionWord(word) || !institutions.isEmpty && institutions.contains(chainKey(word)) }
        guard let first = words.first, isOfficeOrRank(first), !isSurnameArticle(first, next: words.count > 1 ? words[1] : nil) else { return nil }
        // An article alone is no office: « établi par la Conférence des présidents » names a
        // body (review 1130c m6, `établi par` is an everyday verb); « la conseillère Dupont » is
        // an office. The first word after the articles must be one.
        guard let head = words.first(where: { !["the", "la", "le", "les"].contains(chainKey($0)) || $0.first?.isUppercase == true }),
              isOfficeOrRank(head) else { return nil }
        func isCapitalised(_ word: Substring) -> Bool {
            guard let initial = word.unicodeScalars.first else { return false }
            return CharacterSet.uppercaseLetters.contains(initial)
        }
        func nsRange(_ from: Int, _ to: Int) -> NSRange {
            let lower = candidate.utf16.distance(from: candidate.startIndex, to: words[from].startIndex)
            let upper = candidate.utf16.distance(from: candidate.startIndex, to: words[to].endIndex)
            return NSRange(location: range.location + lower, length: upper - lower)
        }
        var names: [NSRange] = []
        var index = 0
        var expectHead = false
        var afterName = false
        // Whether an institution was read since the last name (a connector, its head, an
        // institution word, a glued `d’`).
        var complement = false
        while index < words.count {
            let word = words[index]
            let key = chainKey(word)
            let next = index + 1 < words.count ? words[index + 1] : nil
            if !isCapitalised(word), ["the", "la", "le", "les"].contains(key) {
                // An article keeps what came before: "of the Department", "la conseillère".
                index += 1
                continue
            }
            if isCapitalised(word), isSurnameArticle(word, next: next) {
                // `Le Thi Hoa` after an office: a surname, read as a name below.
            } else if chainConnectors.contains(key) && !isCapitalised(word) || word == "&" {
                // After a name, `and` begins the next person's office or name; elsewhere the
                // next word heads an institution ("of Protocol", "Affairs and International …").
                expectHead = !(afterName && ["and", "et", "&"].contains(key))
                if expectHead { complement = true }
                afterName = false
                index += 1
                continue
            } else if isOfficeOrRank(word) || isInstitutionOrExtra(word) || isElided(word) {
                if !isOfficeOrRank(word) { complement = true }
                expectHead = false
                afterName = false
                index += 1
                continue
            } else if expectHead {
                expectHead = false
                index += 1
                continue
            }
            guard isCapitalised(word), !isTitleLike(word) else { break }
            // The name: capitalised words and particles, restarting after an institution word.
            var start = index
            var end = -1
            var cursor = index
            var sentenceEnds = false
            while cursor < words.count {
                let part = words[cursor]
                if isInstitutionOrExtra(part) {
                    complement = true
                    start = cursor + 1
                    end = -1
                    cursor += 1
                    continue
                }
                if isCapitalised(part) {
                    if isTitleLike(part) || (isOfficeOrRank(part) && !(cursor == start && isSurnameArticle(part, next: cursor + 1 < words.count ? words[cursor + 1] : nil))) { break }
                    end = cursor
                    cursor += 1
                    // A full stop after a whole word ends the sentence; after an initial (`J.`) it is part of the name.
                    if part.hasSuffix("."), part.count > 2 { sentenceEnds = true; break }
                    continue
                }
                // A particle inside a name (`van der Berg`) only before a capitalised word.
                if leadingParticles.contains(chainKey(part)) || particleArticles.contains(chainKey(part)),
                   !chainConnectors.contains(chainKey(part)), end >= start {
                    cursor += 1
                    continue
                }
                break
            }
            // After an institution ("of the European Union", "of Legal Affairs"), one capitalised
            // word alone is more likely the institution's last word than a name: a name there
            // needs two words ("of Legal Affairs Sok Dara"). Right after office words one is
            // enough ("Director-General Dupont").
            if complement, end >= start, words[start...end].filter(isCapitalised).count < 2 { end = -1 }
            if end >= start {
                var found = nsRange(start, end)
                if words[end].hasSuffix("."), words[end].count > 2 { found.length -= 1 }
                names.append(found)
            }
            if sentenceEnds { break }
            index = max(cursor, index + 1)
            afterName = end >= start
            if afterName { complement = false }
            expectHead = false
        }
        return names
    }
}
