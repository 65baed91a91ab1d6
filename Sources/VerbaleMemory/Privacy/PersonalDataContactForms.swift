extension PersonalDataScrubber {
    /// An e-mail address whose `@` is written `(at)` or `[at]` (either case, a space or none
    /// around it), and whose dots may be written `(dot)`/`[dot]`: `sokha [at] mfa.gov.kh`,
    /// `sokha.chan(at)mfa.gov.kh`, `sokha [at] mfa [dot] gov [dot] kh` (review 1130f m2).
    /// The right side must look like a domain (a name, a dot, letters), so bracketed "at" in
    /// prose ("(at) the meeting") is no address. The spelled form `sokha at mfa dot gov dot kh`
    /// is left out: a bare " at " is in every other English and French sentence, and telling
    /// it from an address needs a trigger of its own in the byte pass.
    /// Needs `.at`: the pattern holds `(at)` or `[at]` verbatim (`bracketedAt`).
    static let obfuscatedEmailPattern: String = {
        let at = "\\h?[(\\[](?i:at)[)\\]]\\h?"
        let dot = "(?:\\.|\\h?[(\\[](?i:dot)[)\\]]\\h?)"
        return "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+\(at)[A-Za-z0-9-]+(?:\(dot)[A-Za-z0-9-]+)*\(dot)[A-Za-z]{2,}(?![A-Za-z0-9-])"
    }()

    /// A phone number inside a chat or call link: `https://wa.me/85512345678`,
    /// `api.whatsapp.com/send?phone=855…` (review 1130f m2). The phone patterns skip digits after
    /// `/` (reference numbers "No. 2021/01/045"), so the link's number needs its own pattern;
    /// the link stays, the number goes. `tel:+855…` is found by the `tel` keyword pattern.
    /// Needs `.digits` (six digits or more) and `.phoneWord` (the keywords `wa.me/` and `phone=`),
    /// so origins and context keys, which hold six digits, run no pattern for it.
    static let phoneLinkPattern = "(?<=\\bwa\\.me/|\\bwhatsapp\\.com/send\\?phone=)\\+?[0-9]{6,15}(?![0-9])"

    /// The display name before an address in angle brackets, as mail headers and signatures
    /// write it: `From: Sokha Chan <sokha.chan@mfa.gov.kh>`, `សុខ ចាន់ <…>` (review 1130f m2).
    /// Unquoted, the name must begin the text or follow `:`, `;`, `,`, a line break or a
    /// bracket, and be one to four capitalised (or Khmer) words right before `<`: "a note from
    /// the Ministry of Foreign Affairs <protocol@…>" takes nothing, and role checks
    /// (`nameRange` with `role`) keep an institution ("Consular Section <…>"). Needs `.at`.
    static let displayNamePattern: String = {
        let word = "(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|[\\u1780-\\u17DD]+)"
        return "(?:^|(?<=[:;,\\n(\\[]))[ \\t\\u00A0]*(\(word)(?:[ \\t\\u00A0\\u200B]+\(word)){0,3})[ \\t\\u00A0]*<[A-Za-z0-9._%+-]+@"
    }()

    /// A quoted display name before an address in angle brackets: `"Chan, Sokha" <…>`,
    /// `“Sokha Chan” <…>`. Read as a list (`"Chan, Sokha"` gives two names). Needs `.at`.
    static let quotedDisplayNamePattern = "[\"“]([^\"“”<>@\\n]{1,80})[\"”][ \\t\\u00A0]*<[A-Za-z0-9._%+-]+@"
}
