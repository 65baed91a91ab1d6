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
    static func joinedNames(after end: Int, in text: String, ns: NSString, regex: NSRegularExpression) -> [NSRange] {
        var names: [NSRange] = []
        var from = end
        let length = text.utf16.count
        while from < length,
              let match = regex.firstMatch(in: text, options: [.anchored, .withTransparentBounds], range: NSRange(location: from, length: length - from)) {
            let captured = match.range(at: 1)
            guard captured.location != NSNotFound, let name = nameRange(captured, in: ns, string: text), name.length > 0 else { break }
            names.append(name)
            from = NSMaxRange(name)
        }
        return names
    }
}
