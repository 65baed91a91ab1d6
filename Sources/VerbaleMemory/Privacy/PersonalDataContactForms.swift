import Foundation

extension PersonalDataScrubber {
    /// An e-mail address whose `@` is written `(at)` or `[at]` (either case, a space or none
    /// around it or inside the brackets), and whose dots may be written `(dot)`/`[dot]` or
    /// ` dot `: `sokha [at] mfa.gov.kh`, `sokha.chan(at)mfa.gov.kh`, `sokha ( at ) mfa.gov.kh`,
    /// `sokha [at] mfa [dot] gov [dot] kh` (review 1130f m2).
    /// The right side must look like a domain (a name, a dot, letters), so bracketed "at" in
    /// prose ("(at) the meeting") is no address.
    /// Needs `.at`: the pattern holds `(at)` or `[at]` verbatim (`bracketedAt`).
    static let obfuscatedEmailPattern: String = {
        let at = "\\h?[(\\[][ \\t]?(?i:at)[ \\t]?[)\\]]\\h?"
        let dot = "(?:\\.|\\h?[(\\[][ \\t]?(?i:dot)[ \\t]?[)\\]]\\h?|[ \\t]+(?i:dot)[ \\t]+)"
        return "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+\(at)[A-Za-z0-9-]+(?:\(dot)[A-Za-z0-9-]+)*\(dot)[A-Za-z]{2,}(?![A-Za-z0-9-])"
    }()

    /// An e-mail address spelled out with a bare `at` and ` dot `: `sokha at mfa dot gov dot kh`,
    /// `sokha.chan AT gmail DOT com`. Why so narrow: a bare " at " is in every other English
    /// sentence ("at the Ministry", "at 10:00", "at Geneva", "at mfa.gov.kh" of a web site), so
    /// every dot of the domain must be spelled ` dot ` (spaces or tabs around it), one word
    /// stands on each side of `at`, and the word after `at` is no article or determiner ("look
    /// at the dot on the map"). With one ` dot ` only, the last label must be a generic domain
    /// (`com`, `org`…) or two letters that are no common English word (`on`, `of`, `is`…: "sign
    /// at noon dot on" is prose). Needs `.at`: the byte pass sets it at a ` dot ` (`spelledDot`).
    static let spelledEmailPattern: String = {
        let dot = "[ \\t]+(?i:dot)[ \\t]+"
        let end = "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])"
        let determiners = "(?i:the|a|an|this|that|these|those|his|her|its|our|their|my|your|le|la|les|un|une|ce|cet|cette|ces)"
        let words = "(?i:of|on|or|an|if|is|up|we|he|oh|so|to|at|by|in|it|as|be|do|go|me|no|am|us)"
        let singleEnd = "(?:(?i:com|org|net|int|edu|gov|info)|(?!\(words)\(end))[A-Za-z]{2})\(end)"
        let label = "(?!\(determiners)[ \\t])[A-Za-z0-9-]+"
        return "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+[ \\t]+(?i:at)[ \\t]+\(label)(?:(?:\(dot)[A-Za-z0-9-]+)+\(dot)[A-Za-z]{2,}\(end)|\(dot)\(singleEnd))"
    }()

    /// A phone number inside a chat or call link: `https://wa.me/85512345678`,
    /// `api.whatsapp.com/send?phone=855…`, `t.me/+85512345678` (Telegram),
    /// `viber://chat?number=%2B85512345678` (`%2B` is the `+`) (review 1130f m2). The phone
    /// patterns skip digits after `/` (reference numbers "No. 2021/01/045"), so the link's
    /// number needs its own pattern; the link stays, the number goes. `tel:+855…` is found by
    /// the `tel` keyword pattern. Needs `.digits` (six digits or more) and `.phoneWord` (the
    /// keywords `wa.me/`, `t.me/`, `phone=`, `number=`), so origins and context keys, which
    /// hold six digits, run no pattern for it.
    static let phoneLinkPattern = "(?:(?<=\\bwa\\.me/|\\bt\\.me/)\\+?|(?<=\\bwhatsapp\\.com/send\\?phone=|[?&]number=)(?:\\+|%2[Bb])?)[0-9]{6,15}(?![0-9])"

    /// The user name of a Telegram link, `t.me/sokhachan` (5 to 32 letters, digits and `_`, a
    /// letter first): replaced as `{PERSON}`. Why a person: a handle names whoever holds it as
    /// an e-mail address does, and like an address it is replaced whoever holds it (a ministry's
    /// channel `t.me/mfaic` too: `protocol@mfa.gov.kh` is replaced as well); `{PERSON}` because
    /// the handle stands for the person, not for a channel of contact such as a number, and
    /// the placeholder kinds stay those the summary and `--json` already count. Telegram's
    /// own paths (`t.me/joinchat/…`, `t.me/s/…`, `t.me/c/…`, `t.me/addstickers/…`,
    /// `t.me/share/…`) are no one. Needs `.at`, set by the byte pass at `t.me/` (`telegramLink`).
    static let telegramHandlePattern = "(?<![A-Za-z0-9_.-])t\\.me/(?!(?:joinchat|addstickers|share|iv|proxy|socks|s|c)(?![A-Za-z0-9_]))([A-Za-z][A-Za-z0-9_]{4,31})(?![A-Za-z0-9_])"

    /// The display name before an address in angle brackets, as mail headers, signatures and
    /// requests write it: `From: Sokha Chan <sokha.chan@mfa.gov.kh>`, `Please contact Sokha
    /// Chan <…>`, « Veuillez contacter Sophea CHAN <…> », `សូម​ទាក់ទង ដៀង សុភា <…>` (review
    /// 1130f m2). The pattern takes up to six capitalised (or Khmer) words right before `<`,
    /// with particles between them (`van der`); which of them are the name is
    /// `displayNameRange`'s to say: the words before the address back to the first one that is
    /// no name (a verb such as "Contact", a title, an office, an institution, a function word),
    /// so "the Ministry of Foreign Affairs <protocol@…>" and "Consular Section <…>" take
    /// nothing, and "Please contact" stays. Needs `.at`.
    static let displayNamePattern: String = {
        let word = "(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|[\\u1780-\\u17DD]+)"
        let particle = "(?:van|von|der|den|ter|ten|zu|bin|binti|ibn|dos|das|della|di|da|del|de|du|la|le)"
        let gap = "[ \\t\\u00A0\\u200B]+"
        return "(?<![\\p{L}\\p{M}\\p{N}'’.-])(\(word)(?:\(gap)(?:\(particle)\(gap)){0,2}\(word)){0,5})[ \\t\\u00A0\\u200B]*<[A-Za-z0-9._%+-]+@"
    }()

    /// A quoted display name before an address in angle brackets: `"Chan, Sokha" <…>`,
    /// `“Sokha Chan” <…>`. Read as a list (`"Chan, Sokha"` gives two names); an office's name
    /// (`"Protocol Department" <…>`, `"Direction du Protocole" <…>`) is kept
    /// (`displayNameRange` with `quoted`). Needs `.at`.
    static let quotedDisplayNamePattern = "[\"“]([^\"“”<>@\\n]{1,80})[\"”][ \\t\\u00A0]*<[A-Za-z0-9._%+-]+@"

    /// Words that begin a request for contact rather than a name, lower-cased: a sentence or
    /// line may begin with them in capitals right before the name ("Contact Sokha Chan <…>",
    /// « Contacter Sophea CHAN <…> ») and the words `displayNameRange` stops at besides titles,
    /// offices and institutions. Mailboxes that are no one ("Reception <…>") are here too.
    static let displayNameStopWords: Set<String> = [
        "please", "contact", "contacts", "write", "email", "e-mail", "mail", "call", "ask", "reach", "send", "reply", "dear", "to",
        "from", "cc", "bcc", "attn", "attention", "via", "and", "or", "by", "with", "for", "the", "a", "an", "at", "of", "sir",
        "veuillez", "contacter", "contactez", "écrire", "écrivez", "envoyer", "envoyez", "appeler", "appelez", "répondre",
        "cher", "chère", "chers", "à", "de", "du", "des", "et", "ou", "par", "avec", "pour", "le", "la", "les", "un", "une", "auprès",
        "merci", "thanks", "thank", "regards", "cordialement", "reception", "accueil", "info", "information", "admin", "webmaster",
        "helpdesk", "support", "noreply", "no-reply", "registry", "greffe", "courrier",
    ]

    /// The name among the words `range` holds, for the display-name patterns: the words right
    /// before the address back to the first that is no name (`isDisplayNameStop`), at most four,
    /// without particles at its start; nil when none is left. A quoted name (`quoted`) is one
    /// display name as its sender wrote it: when any of its words is an institution or office
    /// word it names an office ("Protocol Department", « Direction du Protocole ») and is kept
    /// whole; a part in brackets after the name ("Sokha Chan (Protocol)") is no part of it.
    /// O(words).
    static func displayNameRange(_ range: NSRange, in string: String, quoted: Bool) -> NSRange? {
        var candidate = Substring(substring(string, range))
        if quoted, let bracket = candidate.firstIndex(of: "(") { candidate = candidate[..<bracket] }
        let words = candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0 == "\u{200B}" })
        guard !words.isEmpty else { return nil }
        if quoted, words.contains(where: { isNotName($0) || institutionWords.contains(trimmedKey($0)) }) { return nil }
        var first = words.count
        var index = words.count - 1
        while index >= 0, words.count - first < 4 {
            let word = words[index]
            let next = index + 1 < words.count ? words[index + 1] : nil
            if isDisplayNameStop(word, next: next) {
                // A Khmer institution (ក្រសួង "ministry", ស្ថានទូត "embassy"…) goes on with its
                // name, uncapitalised: "ក្រសួង​ការបរទេស <…>" names no one.
                if isKhmer(word), isNotName(word) { return nil }
                break
            }
            first = index
            index -= 1
        }
        // A name begins with a capital: particles before it (`van der`) are the sentence's.
        while first < words.count, let initial = words[first].unicodeScalars.first, CharacterSet.lowercaseLetters.contains(initial) { first += 1 }
        guard first < words.count else { return nil }
        // "the Embassy of Cambodia <…>": the capitalised words go on an institution's name.
        if !quoted, first == 0, continuesInstitution(before: range.location, in: string) { return nil }
        let start = candidate.utf16.distance(from: candidate.startIndex, to: words[first].startIndex)
        let end = candidate.utf16.distance(from: candidate.startIndex, to: words[words.count - 1].endIndex)
        return NSRange(location: range.location + start, length: end - start)
    }

    /// Whether `word` (before `next`) ends a display name read backwards from its address: a
    /// title, an office, an institution, a request or function word (`displayNameStopWords`);
    /// in Khmer a function word, verb or honorific (`khmerNotNames`: សូម "please", ទាក់ទង
    /// "contact", លោក), an institution, or a run of them typed without U+200B (សូមទាក់ទង).
    /// A particle goes on (`van der`); `Le`/`La` before a capitalised name is a surname.
    static func isDisplayNameStop(_ word: Substring, next: Substring?) -> Bool {
        guard let initial = word.unicodeScalars.first else { return true }
        if isKhmer(word) {
            let key = String(word)
            return khmerNotNames.contains(key) || isNotName(word) || isKhmerFunctionRun(key)
                || khmerNotNamePrefixes.contains { key.hasPrefix($0) && key.unicodeScalars.count > $0.unicodeScalars.count && startsSyllable(key, after: $0) }
        }
        if isParticle(word) || (CharacterSet.lowercaseLetters.contains(initial) && particleArticles.contains(word.lowercased())) { return false }
        if isSurnameArticle(word, next: next) { return false }
        if !CharacterSet.uppercaseLetters.contains(initial) { return true }
        let key = trimmedKey(word)
        return isTitle(word) || isOffice(word) || isNotName(word) || institutionWords.contains(key) || chainOffices.contains(key)
            || displayNameStopWords.contains(key) || capitalNotNameWords.contains(key) || plainWords.contains(key)
    }

    /// Connectors between an institution and the rest of its name ("Embassy of the Kingdom of
    /// Cambodia", « Ambassade de France », "Mission to the United Nations").
    static let institutionConnectors: Set<String> = ["of", "the", "for", "to", "de", "du", "des", "la", "le", "les", "pour", "auprès", "d", "l"]

    /// Whether the words before UTF-16 offset `location` of `string` are an institution and
    /// connectors ("Embassy of", « Ambassade de la »), so capitalised words from `location` on
    /// go on its name: one connector at least, then an institution word (`isNotName`,
    /// `institutionWords`), within four words. "write to Sokha Chan", « auprès de Sophea CHAN »
    /// are no institution. O(40 UTF-16 units).
    static func continuesInstitution(before location: Int, in string: String) -> Bool {
        let utf16 = string.utf16
        guard location > 0, let end = utf16.index(utf16.startIndex, offsetBy: location, limitedBy: utf16.endIndex) else { return false }
        let start = utf16.index(end, offsetBy: -min(location, 60))
        guard let lower = start.samePosition(in: string.unicodeScalars) ?? utf16.index(start, offsetBy: 1, limitedBy: end)?.samePosition(in: string.unicodeScalars),
              let upper = end.samePosition(in: string.unicodeScalars) else { return false }
        let before = string.unicodeScalars[lower..<upper]
        let words = Substring(before).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0 == "\u{200B}" || $0 == "'" || $0 == "’" })
        var connectors = 0
        for word in words.reversed().prefix(4) {
            let key = trimmedKey(word)
            if institutionConnectors.contains(key) {
                connectors += 1
                continue
            }
            return connectors > 0 && (isNotName(word) || institutionWords.contains(key))
        }
        return false
    }

    /// Whether `word` begins with a Khmer character.
    static func isKhmer(_ word: Substring) -> Bool {
        word.unicodeScalars.first.map { (0x1780...0x17FF).contains($0.value) } ?? false
    }

    /// `word` lower-cased, without `.,;:’'` at either end.
    static func trimmedKey(_ word: Substring) -> String {
        word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,;:’'"))
    }

    /// Whether the Khmer `word` is wholly made of `khmerNotNames` words (longest first, with
    /// backtracking): "សូមទាក់ទង" ("please contact") typed without U+200B. A name is not
    /// (មករា: មក "come" then រា, no function word). O(length²) on a short word.
    static func isKhmerFunctionRun(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count <= 40 else { return false }
        var reachable = [Bool](repeating: false, count: scalars.count + 1)
        reachable[0] = true
        for start in 0..<scalars.count where reachable[start] {
            for end in (start + 1)...scalars.count where !reachable[end] {
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: scalars[start..<end])
                // A piece must end before a new syllable (a consonant or independent vowel).
                if end < scalars.count, !(0x1780...0x17B3).contains(scalars[end].value) { continue }
                if khmerNotNames.contains(String(piece)) { reachable[end] = true }
            }
        }
        return reachable[scalars.count]
    }

    /// Whether `word` goes on with a new syllable (a consonant or independent vowel) right after its prefix `prefix`.
    static func startsSyllable(_ word: String, after prefix: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        let count = prefix.unicodeScalars.count
        return count < scalars.count && (0x1780...0x17B3).contains(scalars[count].value)
    }
}
