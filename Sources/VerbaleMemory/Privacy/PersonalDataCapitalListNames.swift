import Foundation

/// A name in capitals before its function at a list item's start (acceptance review 1130j M3's
/// remnant, session 12): "SOK DARA, DIRECTOR", "1. KEO RITHY, DEPUTY DIRECTOR-GENERAL", « - CHAN
/// SOPHAL, DEUXIÈME SECRÉTAIRE », as a delegation list typed in capitals writes "1. Sok Dara,
/// Director".
///
/// Why: the comma rule (`PersonalDataNamesBesideFunctions`) refuses a name all in capitals, as
/// acronyms and headings name bodies there ("UNDP OHCHR, Director", "MINISTRY OF FOREIGN AFFAIRS,
/// DIRECTOR"); a list typed in capitals so kept every member's name.
///
/// Safe only where a list item begins: the line's start, maybe spaces and a list marker, then two
/// to four words in capitals, a comma and a function (`isBesideFunction`: "DIRECTOR", "SECOND
/// SECRETARY", « SECRÉTAIRE D'ÉTAT »). The words are read as the comma rule reads a name once
/// written as names are ("Sok Dara": no office, title, institution, place or ordinary word,
/// `isNameBesideFunction`), and none may look like an acronym — no vowel, or three consonants in
/// a row ("UNDP", "OHCHR", "UNHCR"). A name so spelled ("SCHMIDT") stays: a known limit.
///
/// Cost: run only where the comma pre-check passed (`FurtherRules.nameBesideFunction`) and a
/// byte pass finds a comma right after two capitals (ASCII, or any non-ASCII byte, which may end
/// one); the expression then runs over the text.
extension PersonalDataScrubber {
    /// The list item: line start, marker, the name in capitals (group 1), comma, what follows
    /// up to the next comma or line end (group 2: the function's words).
    static let capitalListNamePattern: String = {
        let word = "\\p{Lu}[\\p{Lu}\\p{M}'’-]+"
        let marker = "(?:\\(?[0-9]{1,3}[.)]|[-–—•*·▪●◦])"
        return "(?m)^[ \\t\\u00A0]*(?:\(marker)[ \\t\\u00A0]*)?(\(word)(?:[ \\u00A0]+\(word)){1,3}),[ \\u00A0]+([^,;\\n]{1,60})"
    }()

    static let capitalListNameRule: NSRegularExpression? = try? NSRegularExpression(pattern: capitalListNamePattern)

    /// The names in capitals before their function at a list item's start in `text`.
    static func capitalListNameSpans(in text: String) -> [Span] {
        guard mayHoldCapitalListName(text), let regex = capitalListNameRule else { return [] }
        let ns = text as NSString
        var spans: [Span] = []
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let name = match.range(at: 1), function = match.range(at: 2)
            guard name.location != NSNotFound, function.location != NSNotFound else { continue }
            let functionWords = ns.substring(with: function).split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).prefix(3)
                .map { $0.trimmingCharacters(in: qualifierPunctuation) }
            guard (1...functionWords.count).contains(where: { isBesideFunction(functionWords.prefix($0).joined(separator: " "), kin: false) }),
                  isCapitalListName(ns.substring(with: name)) else { continue }
            spans.append(Span(kind: .person, range: name))
        }
        return spans
    }

    /// Whether `candidate` (words in capitals) can be a name: no word looks like an acronym, and
    /// the words written as names are a name beside a function (`isNameBesideFunction`).
    static func isCapitalListName(_ candidate: String) -> Bool {
        let words = candidate.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        guard !words.contains(where: looksLikeAcronym) else { return false }
        let written = words.map { word in word.prefix(1) + word.dropFirst().lowercased() }.joined(separator: " ")
        return isNameBesideFunction(written)
    }

    /// No vowel (Y counts), or three consonants in a row: "UNDP", "OHCHR", "UNHCR", "WTO" has a
    /// vowel but one word of a name is never all a body's letters anyway (`isNameBesideFunction`).
    static func looksLikeAcronym(_ word: Substring) -> Bool {
        var consonants = 0, vowels = 0
        for scalar in word.unicodeScalars where scalar.properties.isAlphabetic {
            let base = String(scalar).folding(options: .diacriticInsensitive, locale: nil).uppercased()
            if "AEIOUY".contains(base) {
                vowels += 1
                consonants = 0
            } else {
                consonants += 1
                if consonants >= 3 { return true }
            }
        }
        return vowels == 0
    }

    /// Whether a comma follows what may end a word in capitals somewhere in `text`: ASCII `A`–`Z`,
    /// `'`, `-`, or a non-ASCII byte (an accented capital's or `’`'s last byte). Necessary for
    /// `capitalListNamePattern`, whose name ends right before its comma.
    static func mayHoldCapitalListName(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { p in
            guard p.count > 2 else { return false }
            for i in 2..<p.count where p[i] == 0x2C {
                let before = p[i - 1]
                if before >= 0x41 && before <= 0x5A || before >= 0x80 || before == 0x27 || before == 0x2D { return true }
            }
            return false
        }
    }
}
