import Foundation
import VerbaleCore

/// Finds and compares the names of sender and recipient around the formulas.
///
/// Why content words: notes shorten names in the closing ("the Embassy" for "the Royal
/// Netherlands Embassy") and add acronyms ("(OHCHR)"); a name is the same when one's content
/// words are a subset of the other's. Cost: O(length of the names).
enum Names {
    enum Comparison: Equatable {
        case same
        /// Same head ("Mission"), different wording; the differing words.
        case variant(String)
        case different
    }

    static let boundaries: Set<Unicode.Scalar> = [".", "\n", ":", "*", "#", "]", ";", "។"]
    static let stopWords: Set<String> = ["the", "of", "and", "for", "to", "at", "in", "on", "le", "la", "les", "l", "du", "de", "des", "d",
                                         "et", "a", "au", "aux", "aupres", "pour", "en"]
    static let heads: Set<String> = ["embassy", "mission", "ministry", "office", "secretariat", "organisation", "organization",
                                     "department", "delegation", "consulate", "government", "commission", "ambassade", "ministere",
                                     "haut", "secretariat", "departement", "delegation", "consulat", "gouvernement", "bureau", "legation"]

    /// The sender's name ending just before `offset`: back to the previous sentence or line
    /// boundary, from its first capitalised article ("The", "Le", "La", "L'", "Les").
    static func sender(before offset: Int, in text: PreparedText, language: Language) -> Range<Int>? {
        let scalars = text.scalarArray
        var start = offset
        while start > 0, !boundaries.contains(scalars[start - 1]), offset - start < 300 { start -= 1 }
        let segment = text.substring(start..<offset)
        let articles = language == .french ? ["Le ", "La ", "L'", "L’", "Les "] : ["The "]
        var best: Int?
        for article in articles {
            if let range = segment.range(of: article) {
                let index = segment.unicodeScalars.distance(from: segment.unicodeScalars.startIndex, to: range.lowerBound.samePosition(in: segment.unicodeScalars) ?? segment.unicodeScalars.startIndex)
                let atWordStart = index == 0 || !(segment.unicodeScalars[segment.unicodeScalars.index(segment.unicodeScalars.startIndex, offsetBy: index - 1)].properties.isAlphabetic)
                if atWordStart { best = min(best ?? index, index) }
            }
        }
        var from = start + (best ?? 0)
        if best == nil {
            while from < offset, !scalars[from].properties.isAlphabetic { from += 1 }
        }
        var end = offset
        while end > from, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return from < end ? from..<end : nil
    }

    /// The recipient's name just after `offset`, up to `stop` and to the first comma, "and"/"et"
    /// or boundary.
    static func recipient(after offset: Int, until stop: Int?, in text: PreparedText, language: Language) -> Range<Int>? {
        let limit = min(stop ?? text.scalarArray.count, offset + 300, text.scalarArray.count)
        guard offset < limit else { return nil }
        var name = text.substring(offset..<limit)
        for cut in ["\n", ". "] {
            if let range = name.range(of: cut) { name = String(name[..<range.lowerBound]) }
        }
        name = cutAtConjunction(name)
        // A comma ends the name unless a capitalised word follows ("Educational, Scientific").
        var searchFrom = name.startIndex
        while let comma = name.range(of: ",", range: searchFrom..<name.endIndex) {
            let next = name[comma.upperBound...].drop { $0 == " " }.first
            if next?.isUppercase == true { searchFrom = comma.upperBound; continue }
            name = String(name[..<comma.lowerBound])
            break
        }
        if name.hasSuffix(" and") { name = String(name.dropLast(4)) }
        if name.hasSuffix(" et") { name = String(name.dropLast(3)) }
        let trimmed = trim(name)
        guard !trimmed.isEmpty, let found = name.range(of: trimmed) else { return nil }
        let lead = name.unicodeScalars.distance(from: name.unicodeScalars.startIndex, to: found.lowerBound.samePosition(in: name.unicodeScalars) ?? name.unicodeScalars.startIndex)
        return (offset + lead)..<(offset + lead + trimmed.unicodeScalars.count)
    }

    /// Cuts a recipient's name at the "and"/"et" that joins the next clause ("… and has the
    /// honour", « … et a l'honneur »), keeping one inside the name: "Educational, Scientific and
    /// Cultural Organisation", "Agricultural and Rural Cooperation", "Great Britain and
    /// Northern Ireland" — an "and" followed (past an article) by a capitalised word.
    static func cutAtConjunction(_ name: String) -> String {
        let articles: Set<String> = ["the", "de", "des", "du", "la", "l'", "l’"]
        var searchFrom = name.startIndex
        while let conjunction = name.range(of: " and ", range: searchFrom..<name.endIndex) ?? name.range(of: " et ", range: searchFrom..<name.endIndex) {
            var next = name[conjunction.upperBound...].split(separator: " ", maxSplits: 2).map(String.init)
            while let word = next.first, articles.contains(word.lowercased()), next.count > 1 { next.removeFirst() }
            if let word = next.first, word.first?.isUppercase == true {
                searchFrom = conjunction.upperBound
                continue
            }
            return String(name[..<conjunction.lowerBound])
        }
        return name
    }

    /// Drops a sub-unit the name appends after a comma ("The Ministry of Foreign Affairs,
    /// Department of Cultural and Technical Cooperation"): the sender is still the ministry.
    static func withoutSubunit(_ name: String) -> String {
        let subunits = ["Department", "Directorate", "Division", "Section", "Service", "Bureau", "Direction", "Département", "Treaty", "Treaties", "Legal", "Protocol"]
        var searchFrom = name.startIndex
        while let comma = name.range(of: ",", range: searchFrom..<name.endIndex) {
            let rest = name[comma.upperBound...].drop { $0 == " " }
            if subunits.contains(where: { rest.hasPrefix($0 + " ") }) { return String(name[..<comma.lowerBound]) }
            searchFrom = comma.upperBound
        }
        return name
    }

    static func trim(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: ",")))
    }

    static func contentWords(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in Normalizer.looseKey(name).unicodeScalars {
            // A mark continues its word: Khmer COENG (U+17D2) and several Khmer vowel signs
            // are not alphabetic, and cut ព្រះរាជាណាចក្រ into pieces (review 1130c, m1).
            let category = scalar.properties.generalCategory
            let isMark = category == .nonspacingMark || category == .spacingMark || category == .enclosingMark
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || (isMark && !current.isEmpty) {
                current.unicodeScalars.append(scalar)
            } else {
                if !current.isEmpty, !stopWords.contains(current) { words.append(current) }
                current = ""
            }
        }
        if !current.isEmpty, !stopWords.contains(current) { words.append(current) }
        return words
    }

    /// The countries (ISO regions) an English name mentions, found with CLDR's names at each
    /// word start ("Royal Netherlands Embassy" → NL). Cost: O(words × countries).
    static func countries(in name: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(name)
        while !rest.isEmpty {
            if let (region, length) = CountryNames.shared.longestPrefix(of: String(rest)) {
                found.insert(region)
                rest = rest.dropFirst(length)
            }
            rest = rest.drop { $0.isLetter || $0 == "’" || $0 == "'" }.drop { !$0.isLetter }
        }
        return found
    }

    static let demonstratives: Set<String> = ["this", "cette", "cet", "ce"]
    /// Heads of a diplomatic mission, which "this Mission" / « cette Mission » can stand for.
    static let missionHeads: Set<String> = ["embassy", "legation", "mission", "delegation", "consulate", "ambassade", "consulat"]

    /// Whether "this <head>" can stand for the name `words`: the same head, or "Mission" for
    /// any diplomatic mission ("Cette Mission" for « La Légation Royale des Pays-Bas »).
    static func refersTo(_ head: String, _ words: [String]) -> Bool {
        let otherHead = words.first { heads.contains($0) || missionHeads.contains($0) }
        guard let otherHead else { return false }
        return head == otherHead || (head == "mission" && missionHeads.contains(otherHead))
    }

    static func compare(_ a: String, _ b: String, language: Language) -> Comparison {
        // "Royal Netherlands Embassy" is the "Embassy of the Kingdom of the Netherlands"; several
        // foreign ministries are "Departments" (Canada's "Department of External Affairs",
        // Ireland's "Department of Foreign Affairs"), named either way in the real notes.
        let synonyms = ["royal": "kingdom", "royale": "kingdom", "department": "ministry", "departement": "ministere"]
        let wa = contentWords(withoutSubunit(a)).map { synonyms[$0] ?? $0 }
        let wb = contentWords(withoutSubunit(b)).map { synonyms[$0] ?? $0 }
        // « Cette Mission saisit l'occasion… », "This Embassy avails itself…": the demonstrative
        // points at the sender named in the opening.
        for (short, long) in [(wa, wb), (wb, wa)] {
            if let demonstrative = short.first, demonstratives.contains(demonstrative), short.count == 2, refersTo(short[1], long) { return .same }
        }
        // "the OPCW" for "the Organisation for the Prohibition of Chemical Weapons".
        for (short, long) in [(wb, wa), (wa, wb)] where short.count == 1 && long.count > 1 {
            let initials = String(long.compactMap(\.first))
            if short[0] == initials { return .same }
        }
        // "Il saisit cette occasion…": a pronoun stands for the sender named in the opening.
        let pronouns: Set<String> = ["il", "elle", "it", "celle", "celui"]
        if wa.allSatisfy(pronouns.contains) || wb.allSatisfy(pronouns.contains) { return .same }
        let sa = Set(wa), sb = Set(wb)
        if wa.isEmpty || wb.isEmpty { return .same }
        // Khmer writes a name's words without spaces (U+200B at most, which the keys drop): the
        // shorter form is the name's beginning, its head (ស្ថានឯកអគ្គរាជទូត for
        // ស្ថានឯកអគ្គរាជទូតនៃព្រះរាជាណាចក្រកម្ពុជា), as "the Embassy" is in English.
        if language == .khmer {
            let ja = wa.joined(), jb = wb.joined()
            if ja.hasPrefix(jb) || jb.hasPrefix(ja) { return .same }
        }
        if sa.isSubset(of: sb) || sb.isSubset(of: sa) { return .same }
        // "the Embassy of France" / "the Embassy of Germany": same head, another state.
        if language == .english {
            let ca = countries(in: a), cb = countries(in: b)
            if !ca.isEmpty, !cb.isEmpty, ca.isDisjoint(with: cb) { return .different }
        }
        let headA = wa.first { heads.contains($0) } ?? wa.first
        let headB = wb.first { heads.contains($0) } ?? wb.first
        guard headA == headB else { return .different }
        let onlyA = wa.filter { !sb.contains($0) }, onlyB = wb.filter { !sa.contains($0) }
        return .variant("\(onlyA.joined(separator: " ")) / \(onlyB.joined(separator: " "))")
    }

    /// Lead-ins that introduce a quoted note ("which reads as follows:", « libellée comme suit »).
    static let quoteLeadIns = ["as follows", "reads:", "read as", "reads as", "following terms", "following text", "comme suit", "libellée",
                               "ainsi conçue", "teneur suivante", "“", "«", "\""]

    /// Whether the opening at `offset` stands in a quotation: a lead-in or an opening quotation
    /// mark shortly before its sender's name. Cost: O(120) scalars.
    static func isQuoted(opening offset: Int, in text: PreparedText, language: Language) -> Bool {
        let senderStart = sender(before: offset, in: text, language: language)?.lowerBound ?? offset
        let before = text.substring(max(0, senderStart - 120)..<senderStart).lowercased()
        return quoteLeadIns.contains { before.contains($0) }
    }

    /// Whether a reference number ("No. 1774", "N. 2021/01/045", "Ref. 600.P.1", "N° 39.658")
    /// appears before the opening.
    static func hasReferenceLine(_ text: PreparedText, before offset: Int) -> Bool {
        guard offset > 0, let scan = try? PatternScan(#"(?:\bNo|\bNr|\bN|\bRef|\bRéf|N°|n°|\bNote)\s*[.:°]?\s*(?:No\.?\s*)?[A-Z]{0,8}[-./ ]?\d"#) else { return false }
        let head = PreparedText(text.substring(0..<offset))
        return !scan.matches(in: head).isEmpty
    }
}
