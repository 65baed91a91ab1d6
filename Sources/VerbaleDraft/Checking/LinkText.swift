/// Whether a word of a note stands inside a link or an address rather than in its prose.
///
/// Why: `verbale check` read the "me" of `wa.me/855…` and `t.me/…` (WhatsApp and Telegram
/// links a note or its contact block gives) as the first-person "me" (review of 30 Nov); a
/// URL, a host name or an e-mail address is not the sender speaking.
///
/// A word is inside a link when the run of non-space characters holding it has `://` or `@`,
/// or a `/` after a host name (`mfa.gov.kh/en`, `wa.me/`), or when the word is in lower case
/// and glued after a dot glued after a letter (`wa.me`, `t.me`). "Write to me.", "me/us" and
/// "1.We want" (a numbered point without its space) are prose.
/// Cost: a scan of the run around the word, only for a word the checks would report.
enum LinkText {
    static func contains(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= scalars.count, !range.isEmpty else { return false }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace || scalar == "\u{200B}" }
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        // A host name's last label: lower case, glued after a dot glued after a letter (`wa.me`);
        // not "1.We want…" nor "…acts.3.We want…" (Europarl's numbered points).
        if range.lowerBound >= 2, scalars[range.lowerBound - 1] == ".", scalars[range.lowerBound - 2].properties.isAlphabetic,
           scalars[range.lowerBound].properties.isLowercase {
            return true
        }
        var start = range.lowerBound
        while start > 0, !isSpace(scalars[start - 1]) { start -= 1 }
        var end = range.upperBound
        while end < scalars.count, !isSpace(scalars[end]) { end += 1 }
        let run = scalars[start..<end]
        if run.contains("@") { return true }
        var hostDot = false
        for index in run.indices {
            let scalar = run[index]
            if scalar == ":", index + 2 < run.endIndex, run[index + 1] == "/", run[index + 2] == "/" { return true }
            if scalar == ".", index > run.startIndex, index + 1 < run.endIndex, isAlphanumeric(run[index - 1]), isAlphanumeric(run[index + 1]) {
                hostDot = true
            }
            if scalar == "/", hostDot { return true }
        }
        return false
    }
}
