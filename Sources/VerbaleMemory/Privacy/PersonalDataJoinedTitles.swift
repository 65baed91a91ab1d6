import Foundation

/// Two titled names joined in one phrase ("MR. SOK DARA AND MRS. CHEA MALIS", « M. SOK DARA ET
/// MME CHEA MALIS »). Why: in capitals every word looks like a name, so the single titles'
/// match takes the connector and the second title as words of the first name; `nameRange` cuts
/// the name before them, and the second name — which the match consumed, so no later match
/// starts there — was kept in the memory (review 1130i m6).
extension PersonalDataScrubber {
    /// Whether `word` is a title written in capitals (`MRS.`, `MME`, `DR.`; not the one letter
    /// `M.`, which in capitals is as often an initial: "MR. JOHN M. SMITH"): inside a name it
    /// begins the next person's.
    static func isCapitalsTitle(_ word: Substring) -> Bool {
        let letters = word.filter(\.isLetter)
        guard letters.count >= 2, letters.allSatisfy(\.isUppercase) else { return false }
        return isTitle(word)
    }

    /// The names that follow the name ending at `end`, each introduced by its own title after
    /// an optional connector (`regex`: `joinedTitleName`, anchored at `end`), each cut as
    /// `nameRange` cuts a titled name; a chain ("A AND MRS. B AND DR. C") is followed to its end.
    ///
    /// `filtered`: the expression runs only where `mayJoinTitle` lets it (false: everywhere, the
    /// reference `PrivacyFilterEquivalenceTests` compares with).
    /// `length`: `text`'s UTF-16 length, which the caller has (counting it again is O(n) for a
    /// text that is not ASCII).
    static func joinedNames(after end: Int, in text: String, length: Int, ns: NSString, regex: NSRegularExpression, filtered: Bool = true) -> [NSRange] {
        var names: [NSRange] = []
        var from = end
        while from < length, !filtered || mayJoinTitle(at: from, in: text),
              let match = regex.firstMatch(in: text, options: [.anchored, .withTransparentBounds], range: NSRange(location: from, length: length - from)) {
            let captured = match.range(at: 1)
            guard captured.location != NSNotFound, let name = nameRange(captured, in: ns, string: text), name.length > 0 else { break }
            names.append(name)
            from = NSMaxRange(name)
        }
        return names
    }

    /// Whether `joinedTitleName` can match at UTF-16 offset `from` of `text`: after spaces
    /// (U+0020, U+00A0), an optional connector (`,`, `&`, `and`, `et` in any case) and spaces,
    /// every title it takes (`Mr`, `Mrs`, `Ms`, `Dr`, `Mme`, `Mlle`, `MRS.`, `MS.`, `DR.`, `MME`,
    /// `MLLE`, `M.`) begins with `M` or `D`. A necessary condition only: the expression decides.
    ///
    /// Why: the expression ran after every name the titles' pattern found (2,210 times on the
    /// 20,000-unit Europarl slice) and found a second name 66 times; anchored, ICU still searched
    /// the rest of the text from each start (about 21,000 instructions a call, 47 million on the
    /// slice, callgrind 30 Nov). Most names are followed by a verb, a comma and a word, or the
    /// end: this reads a few UTF-16 units. `PrivacyFilterEquivalenceTests` compares with the
    /// expression run everywhere on real lines, as written and in capitals.
    static func mayJoinTitle(at from: Int, in text: String) -> Bool {
        let units = text.utf16
        guard from >= 0, var index = units.index(units.startIndex, offsetBy: from, limitedBy: units.endIndex) else { return false }
        func unit() -> UInt16? { index < units.endIndex ? units[index] : nil }
        func skipSpaces() { while let u = unit(), u == 0x20 || u == 0xA0 { index = units.index(after: index) } }
        func beginsTitle() -> Bool { unit() == 0x4D || unit() == 0x44 }
        func skipWord(_ letters: [UInt16]) -> Bool {
            var at = index
            for letter in letters {
                guard at < units.endIndex, units[at] | 0x20 == letter else { return false }
                at = units.index(after: at)
            }
            index = at
            return true
        }
        skipSpaces()
        if beginsTitle() { return true }
        guard let u = unit() else { return false }
        if u == 0x2C || u == 0x26 {
            index = units.index(after: index)
        } else if !skipWord([0x61, 0x6E, 0x64]), !skipWord([0x65, 0x74]) {
            return false
        }
        skipSpaces()
        return beginsTitle()
    }
}
