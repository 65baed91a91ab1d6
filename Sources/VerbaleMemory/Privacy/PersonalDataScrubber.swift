import Foundation
import VerbaleCore

/// Finds personal data in unit texts and replaces it with typed placeholders, the same in every
/// aligned variant of a unit.
///
/// What it recognises (English, French, Khmer):
/// - e-mail addresses;
/// - phone numbers: international (`+855 23 216 141`), Cambodian local (`012 345 678`,
///   `០១២ ៣៤៥ ៦៧៨`, also glued to the Khmer word before it: "…មកលេខ០១២ ៣៤៥ ៦៧៨"), French and
///   British national (`01 45 03 47 20`, `01.45.03.47.20`, `020 7946 0018`:
///   `PersonalDataNationalPhones`), and any number
///   after `Tel`/`Phone`/`Fax`/`Tél.`/`ទូរស័ព្ទ`; digit groups may be separated by U+200B (with
///   or without a space), as Khmer is typed. Not after a Latin letter, a digit or `/` (reference
///   numbers "No. 2021/01/045"), nor a group after a digit and a space (amounts "1 000 000 000");
/// - passport and identity-card numbers after their keyword (`passport No. N0123456`,
///   `carte d'identité n° …`, `លិខិតឆ្លងដែន`, `អត្តសញ្ញាណប័ណ្ណ`);
/// - names introduced by a title (`Mr.`, `Mrs.`, `Ms.`, `Dr.`, `H.E.`, `M.`, `Mme`, `Mlle`,
///   `S.E.`, `Monsieur`, `Madame`, `លោក`, `លោកស្រី`, `ឯកឧត្តម`, `លោកជំទាវ`): the title stays,
///   the capitalised words after it, with lower-case particles between them (`van der`,
///   `von`, `bin`…; not French `de`/`du`), (or, in Khmer, the one or two space-separated Khmer
///   words, or up to four capitalised Latin-script ones: "លោក John Smith") go — unless they are an
///   office (`Mr President`, `H.E. the Minister`, `ឯកឧត្តម រដ្ឋមន្ត្រី`).
///   A surname may begin with a particle right after the title (`M. de Villepin`, `Mr. de la
///   Cruz`, `H.E. Mr. dos Santos`, `S.E. M. d'Estaing`); `M. le Président` stays an office;
/// - names after a role label and its colon, as CAT tools write them in notes and properties
///   (`Translator: Sokha Chan`, `Reviewer:`, `Prepared by:`, `Traducteur :`, `Rédigé par :`,
///   `អ្នកបកប្រែ៖ សុខ ចាន់`; `Prepared by John Smith` without a colon only when it begins the
///   text): the label stays, the capitalised name (or one or two Khmer words) goes, unless it is
///   an institution or a contact channel ("Contact: Consular Section", "Contact: Tel. …"); an
///   office between the label and the name stays, however long and in either case ("Contact:
///   Deputy Director-General of the Department of Legal Affairs {PERSON}", "Contact : directeur
///   adjoint {PERSON}": `officeChainNames`); a Khmer label may introduce several names joined by
///   និង or commas, each replaced;
///   "The author of the note" is no label (no colon);
///   Khmer writes no space between words, so `ឯកឧត្តម`, `លោកស្រី` and `លោកជំទាវ` count even
///   glued to the word before ("…ជូនឯកឧត្តម …"); `លោក` too ("សូមទាក់ទងលោក …"), except where it
///   ends a word (ពិភពលោក, "world") or is the pronoun "he/his" (របស់លោក): `PersonalDataKhmerGluedTitles`;
/// - dates of birth after `born (on)`, `date of birth`, `né(e) le`, `date de naissance`,
///   `ថ្ងៃខែឆ្នាំកំណើត`, `កើត(នៅ)` ("born (on)", as in "កើតថ្ងៃទី១២ ខែមីនា ឆ្នាំ១៩៦០"): the date
///   goes, the words stay. `កើត` is ambiguous, so it counts only (a) glued to `ថ្ងៃទី`
///   (identity-document style "កើតថ្ងៃទី…"), or (b) with or without `នៅ` ("took place on" as
///   much as "born on") when a person is named earlier in its sentence (`personPrecedes`: a
///   title, a pronoun, `{PERSON}`) — never inside បង្កើត ("establish", after COENG U+17D2),
///   after ខាង ("east"), or after a lunar day ("១៣ កើត", the waxing moon). `កើតឡើង` ("happen")
///   and `កើតមាន` ("exist") are never followed by a date directly. The trade-off is written on
///   `personPrecedes`;
/// - and, in their own expressions (`PersonalDataFurtherRules`, review 1130d): `(+855)` phone
///   numbers, numbers after "phone number is", dates after "(b.", « né(e) », ថ្ងៃកំណើត, and names
///   after function titles (Ambassador, le ministre, ឯកអគ្គរាជទូត…: `PersonalDataFunctionTitles`).
///
/// Khmer keywords, titles and names may be separated by U+200B (how Khmer marks word breaks)
/// wherever spaces are allowed.
///
/// The formula words of notes verbales (Mission, Ministry, Embassy, country names) are never
/// matched: only text after a title or keyword, or shaped like an address or phone number, is.
/// A value found so in one variant is then replaced wherever it recurs in the unit (`scrub`).
///
/// Cost: one pass over the UTF-8 bytes of each text decides which patterns can apply (an `@`,
/// six digits, a title's first letters…); most texts stop there. Texts that pass run ICU
/// regular expressions, O(n) each; only units where something was found compile one literal
/// search per distinct value found and run it over the unit's texts. Not thread-safe (holds
/// compiled expressions): one per import.
public final class PersonalDataScrubber {
    private struct Pattern {
        var kind: PersonalDataKind
        var regex: Expression
        /// The capture group holding the personal data (0 = whole match).
        var group: Int
        var needs: Triggers
        /// Counts only when a person is named earlier in the same sentence (`personPrecedes`).
        var personBefore = false
        /// The group is a list of names (after a plural title): each name is its own span, so
        /// `MM. McNally et Ahern` gets the same two placeholders as `Mr McNally and Mr Ahern`
        /// in the other variant.
        var list = false
        /// A name after a role label (`Translator:`): its first word must not be an
        /// institution or a contact channel (`isNotName`: "Contact: Consular Section").
        var role = false
        /// Lower-case words after a person-only label (`Translator: sokha chan`): none may be an
        /// ordinary word (`hasPlainWord`).
        var plain = false
        /// An office chain after a role label (`officeChainPattern`): its names are read by
        /// `officeChainNames`, not `nameRange`.
        var chain = false
        /// A name after `Source:` (`sourceRoleLabels`): none of its words may name a document or
        /// a body (`hasSourceWord`).
        var source = false
        /// A display name before `<address>` (`displayNamePattern`, quoted with `list`): its
        /// name is read by `displayNameRange`, not `nameRange`.
        var display = false
        /// The group is the value as written (a Telegram handle): no name trimming.
        var verbatim = false
        /// Its matches begin only where one of `khmerTitleStartLiterals` begins: the filtered
        /// path runs it anchored there (`PersonalDataKhmerTitleStarts`), not over the whole text.
        var khmerTitleStarts = false
        /// The plural titles' pattern (`MM.`, `Mmes`, `Messrs`…): the filtered path runs it only
        /// on texts holding one of their first letters (`mayHoldPluralTitle`).
        var pluralTitle = false
        /// The single titles' pattern: a name it captures that ends before a second title
        /// ("MR. SOK DARA AND MRS. CHEA MALIS") is followed by that title's name
        /// (`joinedTitleName`, review 1130i m6).
        var joinsTitles = false
    }

    /// What separates the names of a list: a comma, `&`, `et`, `and`, and Khmer និង ("and", between
    /// spaces or U+200B, never inside a word) and `、`.
    private static let listSeparator = try? NSRegularExpression(pattern: "[\\s\\u200B]*(?:,|、|&|\\b(?i:et|and)\\b)[\\s\\u200B]*|[\\s\\u200B]+និង[\\s\\u200B]+")

    /// The names of a list captured at `range`, each as its own range. O(range).
    static func listNames(_ range: NSRange, in text: NSString) -> [NSRange] {
        guard let separator = listSeparator else { return [range] }
        var names: [NSRange] = []
        var start = range.location
        for match in separator.matches(in: text as String, range: range) {
            if match.range.location > start { names.append(NSRange(location: start, length: match.range.location - start)) }
            start = match.range.location + match.range.length
        }
        if start < range.location + range.length { names.append(NSRange(location: start, length: range.location + range.length - start)) }
        return names
    }

    private let patterns: [Pattern]

    /// When a scrubber compiles its ICU expressions.
    public enum Compilation: Sendable {
        /// All of them in `init`, which throws if one does not compile.
        case eager
        /// Each at its first use. Why: compiling the 32 expressions cost about 100 million
        /// instructions per scrubber (callgrind, 20,000-unit import, 30 Nov) — most of a small
        /// import's privacy cost — and most imports run a handful of them (Europarl: the two
        /// title expressions; the Khmer, passport and role-label ones only when a text holds
        /// their trigger). The caller checks `failure` before keeping any output.
        case lazy
    }

    /// One pattern's ICU expression, compiled once, at `init` or at its first use (`Compilation`).
    final class Expression {
        let pattern: String
        let kind: PersonalDataKind
        private var regex: NSRegularExpression?

        init(_ pattern: String, kind: PersonalDataKind) {
            self.pattern = pattern
            self.kind = kind
        }

        /// The compiled expression; `MemoryError.invalidPattern` (naming the kind) if ICU refuses it.
        func compiled() throws(MemoryError) -> NSRegularExpression {
            if let regex { return regex }
            do {
                let compiled = try NSRegularExpression(pattern: pattern, options: [])
                regex = compiled
                return compiled
            } catch {
                throw .invalidPattern(kind: kind.rawValue, reason: "\(error)")
            }
        }
    }

    /// `expression` compiled; nil (and `failure` set) if it does not compile, which only `.lazy`
    /// can meet here (`.eager` compiled every expression in `init`).
    private func compiled(_ expression: Expression) -> NSRegularExpression? {
        do { return try expression.compiled() } catch {
            if failure == nil { failure = error }
            return nil
        }
    }

    /// The joined-titles expression (`joinedNames`), compiled: for the test that `mayJoinTitle`
    /// lets it through wherever it matches.
    var joinedTitleExpression: NSRegularExpression? { compiled(joinedTitleName) }

    /// Compiles every expression not compiled yet: `init(compiling: .eager)`'s check, for a
    /// lazily compiling scrubber (the test that every built-in pattern compiles).
    func compileAll() throws(MemoryError) {
        for pattern in patterns { _ = try pattern.regex.compiled() }
        _ = try personMarker.compiled()
        _ = try joinedTitleName.compiled()
    }

    /// The Khmer word breaker that cuts a name glued to a title (`PersonalDataKhmerGluedNames`),
    /// opened at the first such title (it loads ICU's Khmer dictionary).
    lazy var khmerWordBreaker: Tokenizer? = try? Tokenizer(language: .khmer)

    /// Each language's tag text, rendered once (a short list searched in order: a memory has a
    /// handful of languages). Why: the import's units each carry a `creationid`, so each makes a
    /// finding that spells its language, and `LanguageTag.description` joins the subtags into a
    /// new string each time (about 1,200 instructions a unit, callgrind 30 Nov).
    private var languageTexts: [(tag: LanguageTag, text: String)] = []

    /// `tag.description` (`""` for no tag), from `languageTexts`.
    func languageText(_ tag: LanguageTag?) -> String {
        guard let tag else { return "" }
        // By index: a loop over the pairs copied each (its strings retained and released).
        for index in languageTexts.indices where languageTexts[index].tag == tag { return languageTexts[index].text }
        let text = tag.description
        if languageTexts.count < 32 { languageTexts.append((tag, text)) }
        return text
    }
    /// A person word (a Khmer title or pronoun, or a `{PERSON…}` placeholder): what must come
    /// before `កើត(នៅ)` in its sentence for it to read "born (on)" (`personPrecedes`).
    private let personMarker: Expression
    /// A second title right after a name, with its own name (`joinedNames`).
    private let joinedTitleName: Expression

    /// The first expression that did not compile at its first use (`Compilation.lazy`), as
    /// `init` throws it in `.eager`: its pattern then finds nothing, so a caller that keeps
    /// what it scrubbed must check this first (the import fails its whole import on it). Nil
    /// with `.eager` (`init` threw instead) and while every expression used has compiled.
    public private(set) var failure: MemoryError?

    /// Offices and roles that follow a title but are not names.
    static let offices: Set<String> = [
        "president", "vice-president", "minister", "ambassador", "chairman", "chairwoman", "chair", "commissioner",
        "secretary", "secretary-general", "speaker", "rapporteur", "deputy", "prime", "general", "director",
        "director-general", "representative", "permanent", "chargé", "consul", "consul-general", "governor",
        "mayor", "judge", "justice", "prosecutor", "registrar", "head", "chief", "acting", "under-secretary",
        "président", "présidente", "ministre", "ambassadeur", "ambassadrice", "secrétaire", "directeur",
        "directrice", "représentant", "représentante", "commissaire", "le", "la", "les", "the",
        "រដ្ឋមន្ត្រី", "ប្រធាន", "ឯកអគ្គរាជទូត", "អគ្គលេខាធិការ", "នាយក", "អនុប្រធាន", "ឧបនាយករដ្ឋមន្ត្រី",
        "នាយករដ្ឋមន្ត្រី", "អភិបាល", "រដ្ឋលេខាធិការ", "អគ្គកុងស៊ុល", "កុងស៊ុល", "តំណាង", "អ្នក",
    ]

    /// Builds the built-in patterns and, with `.eager` (the default), compiles them. Throws
    /// `MemoryError.invalidPattern` (naming the kind) if one does not compile — only possible
    /// with an ICU lacking a feature the patterns use; the caller then stops before storing
    /// personal data. With `.lazy` nothing is compiled here: each expression compiles at its
    /// first use, and a failure is kept in `failure` for the caller to check.
    public init(compiling compilation: Compilation = .eager) throws {
        func regex(_ pattern: String, _ kind: PersonalDataKind) throws -> Expression {
            let expression = Expression(pattern, kind: kind)
            if compilation == .eager { _ = try expression.compiled() }
            return expression
        }
        let digit = "[0-9០-៩]"
        let khmerLetters = "[\\u1780-\\u17D3\\u17DD]"
        let date = Self.datePattern
        // Khmer separates words with U+200B (not white space to ICU), so every gap a Khmer
        // keyword can stand in allows it too.
        let gap = "[\\s\\u200B]*"
        // Words that begin what follows a one-word Khmer name, never a name's second part:
        // "លោក សុខ នឹងជួប…" (Mr. Sok will meet…) keeps its verb. Not ជា or មក, which begin
        // common names (ជា Chea, មករា Makara).
        let khmerFunctionWords = "(?:នឹង|និង|នៅ|ដែល|ក្នុង|របស់|គឺ|បាន|ដើម្បី|ឆ្នាំ)"
        // What never begins or continues a name after a Khmer title: លោក is also the pronoun
        // "he/you", so a negation, an auxiliary, a verb, a quantifier or an honorific after it is
        // the sentence going on (`PersonalDataKhmerNames`, review 1130 M3, M12).
        let khmerNotFirst = Self.khmerRefusal(Self.khmerNotNames, prefixes: Self.khmerNotNamePrefixes)
        let khmerNotLater = Self.khmerRefusal(Self.khmerNameEnders)
        // Honorifics that introduce a name on their own (សម្តេច, also spelled សម្ដេច; ឧកញ៉ា) and
        // those stacked after a title (លោក​ឧកញ៉ា, សម្តេច​តេជោ, លោក​បណ្ឌិត): review 1130 M5.
        let khmerHonorificTitles = "សម្តេច|សម្ដេច|អ្នកឧកញ៉ា|ឧកញ៉ា"
        let khmerStackedHonorifics = (["អគ្គមហាសេនាបតីតេជោ", "វេជ្ជបណ្ឌិត", "អ្នកឧកញ៉ា", "បណ្ឌិត", "ឧកញ៉ា", "សម្តេច", "សម្ដេច", "តេជោ"]
            + Self.khmerOfficesAfterTitle).sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }.joined(separator: "|")
        // Words after which a glued លោក is "Mr"/"sir" and not the end of a word (ពិភពលោក,
        // "world") or the pronoun of របស់លោក ("his"): the verbs of address and the prepositions
        // a name follows in a note ("…ទិដ្ឋាការសម្រាប់លោក សុខ ដារា", "for Mr Sok Dara";
        // "ផ្ញើទៅលោក…", "sent to Mr…"). Also before កញ្ញា ("Miss"), which glued elsewhere is the
        // month ខែកញ្ញា (September; never after ខែ, even apart).
        let khmerBeforeTitle = "ជូន|ចំពោះ|សម្រាប់|ទៅ|ពី|ដល់|ឲ្យ|អោយ|ជាមួយ|ដោយ|និង|រវាង|នៃ|ឈ្មោះ"
        // Between the digit groups of a phone number: a full stop or hyphen, or up to two of
        // space, NBSP and U+200B (Khmer typists put U+200B, often with a space, between groups).
        let separator = "(?:[.-]|[ \\u00A0\\u200B]{1,2})"
        // Khmer letters and signs (not digits): a Khmer word may be glued to a number before or
        // after it ("…មកលេខ០១២ ៣៤៥ ៦៧៨"), where a Latin letter or a digit means the number is
        // part of a longer token (a reference, a code).
        let khmerLetter = "[\\u1780-\\u17DD]"
        // កើត ("born"), not the end of បង្កើត ("establish": the same letters after COENG
        // U+17D2), ខាងកើត ("east"), nor the waxing moon of a lunar date ("១៣ កើត").
        let born = "(?<!\\u17D2)(?<!ខាង)(?<![0-9០-៩][ \\u00A0\\u200B]?)កើត"
        // កើត glued to ថ្ងៃទី, with nothing between ("born on the …th"): a lunar day's កើត is
        // written apart from the solar date after it ("១៣ កើត ថ្ងៃទី១៩ …"), so a number before a
        // glued one — an identity line "…លេខ ០១២៣៤៥៦៧៨ កើតថ្ងៃទី១២ …" — does not make it the moon's.
        let bornGlued = "(?:(?<!\\u17D2)(?<!ខាង)កើត(?=ថ្ងៃទី)|\(born)(?=\(gap)ថ្ងៃទី))"
        // A capitalised Latin-script word (Khmer notes write foreign names so: "លោក John Smith");
        // Latin letters and combining accents only, so a Khmer word glued after it is not taken.
        let latinName = "\\p{Lu}[\\p{Latin}\\u0300-\\u036F'’-]*\\.?"
        // Lower-case particles inside a name (`Ingrid van der Berg`, `Ursula von der Leyen`,
        // `Mohammed bin Salman`): without them the capitalised words stopped at the particle and
        // the surname after it stayed (measured by `verbale-bench privacy`). Only particles that
        // are not also ordinary French or English words: `de`, `du`, `des`, `d’`, `la`, `le`
        // begin what follows a name as often as they sit inside one ("M. Dupont de la
        // Commission"), so `Dominique de Villepin` still keeps `Villepin` (a known limit).
        let particle = "(?:van|von|der|den|ter|ten|zu|bin|binti|ibn|dos|das|della|di|da|del)"
        // A name after a title: up to four capitalised words, with up to two particles before
        // each word after the first. The words of a name stand on one line (`\h`: spaces, tabs,
        // NBSP, never a line break): a name ending a line of a paragraph-level segment took the
        // next line's capitalised words with it, "Ms. CHAN Sophea⏎Secretariat: …" → "Ms.
        // {PERSON}: …" (review 1130f M2).
        let nameWord = "\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?"
        let name = "\(nameWord)(?:\\h+(?:\(particle)\\h+){0,2}\(nameWord)){0,3}"
        // A surname may begin with a particle right after a title (`M. de Villepin`, `Mr. de la
        // Cruz`, `Mme de La Fayette`, `H.E. Mr. dos Santos`, `S.E. M. d'Estaing`): a particle
        // (`leadingParticles`), maybe an article (`la`, `der`…), then the capitalised words; or
        // `d’` glued to a capital. `le`/`la` alone never begin a name (`M. le Président`).
        func leading(_ gap: String) -> String {
            let particles = Self.leadingParticles.sorted { $0.count > $1.count }.joined(separator: "|")
            let articles = Self.particleArticles.sorted { $0.count > $1.count }.joined(separator: "|")
            return "(?:(?:\(particles))\(gap)(?:(?:\(articles))\(gap))?|d['’](?=\\p{Lu}))"
        }
        let titledName = "\(leading("\\h+"))?\(name)"
        // The name after a Khmer title (captured): one or two Khmer words that are no function
        // word, verb or office (`PersonalDataKhmerNames`), or up to four capitalised Latin-script
        // words ("លោក John Smith").
        let khmerTitledName = "((?!\(khmerFunctionWords)|\(khmerNotFirst))\(khmerLetters)+(?:\(Self.khmerNameSeparator)(?!\(khmerFunctionWords)|\(khmerNotLater))\(khmerLetters)+)?|\(leading("[ \\u00A0\\u200B]+"))?\(latinName)(?:[ \\u00A0\\u200B]+(?:\(particle)[ \\u00A0\\u200B]+){0,2}\(latinName)){0,3})"
        // Between a Latin title and what follows: spaces, or none after the title's full stop.
        let titleGap = "(?:(?<=\\.)\\s*|\\s+)"
        // Honorifics spelled out (review 1130 M5): "His Excellency" is what H.E. abbreviates, the
        // usual form in Cambodian English and French correspondence ("Son Excellence", as in the
        // French note fr-BWBV0001394-II of ../shared/data); Samdech and Oknha are Cambodian ranks
        // written before the name in English (Samdech Techo Hun Sen, Oknha Kith Meng).
        let spelledTitles = "His\\s+Excellency|Her\\s+Excellency|Son\\s+Excellence|Samdech(?:\\s+Techo)?|Oknha|\(Self.romanisedKhmerTitles)"
        // Titles in capitals, only with their full stop ("MR. SOK VANNA", "H.E. MR. SOK VANNA"):
        // without it `DR`, `MS` and `MME` in capitals are as often abbreviations ("DR Congo").
        let capitalTitles = "MRS?\\.|MS\\.|DR\\."
        // One of the names a plural title introduces: up to four capitalised words, as after a
        // single title (`Messrs Hun Sen Hor Namhong` loses every word, as before plural titles).
        let pluralName = name
        // Between a role label, its colon and the name: spaces, tabs, NBSP, U+202F (French
        // typography before a colon) and U+200B (Khmer); the pre-filter skips the same.
        let roleGap = "[ \\t\\u00A0\\u202F\\u200B]*"
        // Before the colon, inside a look-behind, which needs a bound: three (`Traducteur\u{A0}:`,
        // `អ្នកបកប្រែ ៖`, a space and U+200B).
        let roleGapBounded = "[ \\t\\u00A0\\u202F\\u200B]{0,3}"
        // A title right after a role label (`Contact: H.E. Mr. Sok Dara`, `Auteur : S.E. M.
        // Sok Dara`, `Prepared by Dr. …`): the title patterns take the name after it, and the
        // role patterns must not start there — their name words would read `H.` of `H.E.` as
        // an initial and replace it, corrupting the title (review regression of the role labels).
        // A dotted title may be glued to the next (`H.E.Mrs.`, `S.E.M.`).
        let noTitle = "(?!(?:(?:Mr|Mrs|Ms|Dr|Mme|Mlle|MM|Mmes|Mlles|Messrs|Messieurs|Mesdames|Monsieur|Madame|Mademoiselle|Madam|Miss)\\.?(?![\\p{L}\\p{M}])|H\\.\\s?E\\.|S\\.\\s?E\\.|M\\.))"
        // A bare `Name:` labels a person only when no word says what else it names (`File name:
        // Visa Request.docx`, `User name:`, `Company name:` — the over-reach review 1130j M1's
        // form labels opened); `Full name:`, `Family name:` are labels of their own.
        let latinRoles = Self.latinRoleLabels.map { $0 == "Name" ? "(?<!(?:\(Self.thingNameWords))[ \\u00A0_-])Name" : $0 }.joined(separator: "|")
        let pluralRoles = (Self.latinPluralRoleLabels + Self.latinByLabels).joined(separator: "|")
        let personOnlyRoles = Self.personOnlyRoleLabels.joined(separator: "|")
        // Two lower-case words alone after a person-only label, up to the end of the text or a
        // punctuation mark that ends the value (`Translator: sokha chan, sokha@…`).
        let lowerWord = "\\p{Ll}[\\p{Ll}\\p{M}'’-]+"
        let lowerName = "\(lowerWord)(?:[ \\u00A0]\(lowerWord)){1,3}(?=[ \\t]*(?:$|[,;()\\r\\n]|\\.(?:\\s|$)))"
        let byRoles = Self.latinByLabels.joined(separator: "|")
        // Two or three capitalised words (not all capitals: acronyms name bodies) ending the value.
        let capitalisedWord = "\\p{Lu}\\p{Ll}[\\p{Ll}\\p{M}'’-]*"
        let sourceName = "\(capitalisedWord)(?:[ \\u00A0]\(capitalisedWord)){1,2}(?=[ \\t]*(?:$|[,;()\\r\\n]|\\.(?:\\s|$)))"
        let officeChain = Self.officeChainPattern
        let khmerListSeparator = "(?:[ \\u00A0\\u200B]*[,、][ \\u00A0\\u200B]*|[ \\u00A0\\u200B]+(?:និង|(?i:and|et))[ \\u00A0\\u200B]+)"
        let khmerRoles = Self.khmerRoleLabels.joined(separator: "|")
        let khmerTitleWords = "(?:លោក|ឯកឧត្តម|អ្នកស្រី|កញ្ញា|សម្ដេច|សម្តេច|បណ្ឌិត)"
        // The second word is no label either: a form line holds two (`នាមត្រកូល៖ សុខ នាមខ្លួន៖ ដារា`,
        // review 1130j M1), and the next one's label must stay.
        let khmerRoleName = "(?!\(khmerTitleWords)|\(khmerFunctionWords))\(khmerLetters)+(?:\(Self.khmerNameSeparator)(?!\(khmerTitleWords)|\(khmerFunctionWords)|(?:\(khmerRoles))[ \\u00A0\\u200B]{0,3}[:៖ៈ])\(khmerLetters)+)?"
        // A passport number: 6 to 12 letters and digits, six of them digits at least, the
        // letters anywhere (`N0123456`, French `12AB34567`, `AB12C3456`); the pre-filter's
        // six digits stay a necessary condition.
        let passportNumber = "(?=(?:[A-Za-z]{0,3}\(digit)){6})[A-Za-z0-9០-៩]{6,12}"
        let numberWord = "(?:\(gap)(?:No\\.?|no\\.?|number|Number|n°|N°|nº|numéro|លេខ))?\(gap)[:.៖]?\(gap)"
        // The usual wordings of a passport or identity card between its keyword and the number
        // (review 1130c M3, `PersonalDataDocumentWording`): "passeport diplomatique n°", "porte
        // le numéro", "passport number is", "passport (No. …)", លិខិតឆ្លងដែន​ការទូត​លេខ.
        let documentNumberWord = Self.documentNumberWord(gap: gap)
        let passportLatin = "(?i:passport|passeport)\(Self.frenchPassportQualifier)\(Self.latinBearing)\(documentNumberWord)"
        let passportKhmer = "លិខិតឆ្លងដែន\(Self.khmerDocumentQualifier(Self.khmerPassportQualifiers, gap: gap))\(documentNumberWord)"
        let idLatin = "(?:\\b(?i:identity card|id card|national id|identity document|carte d'identité|carte nationale d'identité|carte d’identité)\(Self.frenchIDQualifier)|\\bID)\(Self.latinBearing)\(documentNumberWord)"
        let idKhmer = "អត្តសញ្ញាណប័ណ្ណ\(Self.khmerDocumentQualifier(Self.khmerIDQualifiers, gap: gap))\(documentNumberWord)"
        patterns = [
            Pattern(kind: .email, regex: try regex("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}", .email), group: 0, needs: .at),
            // Contact forms of review 1130f m2 (`PersonalDataContactForms`): `sokha [at] mfa.gov.kh`,
            // the number in `wa.me/855…`, the display name in `Sokha Chan <sokha.chan@…>`.
            Pattern(kind: .email, regex: try regex(Self.obfuscatedEmailPattern, .email), group: 0, needs: .at),
            Pattern(kind: .email, regex: try regex(Self.spelledEmailPattern, .email), group: 0, needs: .at),
            Pattern(kind: .phone, regex: try regex(Self.phoneLinkPattern, .phone), group: 0, needs: [.digits, .phoneWord]),
            Pattern(kind: .person, regex: try regex(Self.telegramHandlePattern, .person), group: 1, needs: .at, verbatim: true),
            Pattern(kind: .person, regex: try regex(Self.quotedDisplayNamePattern, .person), group: 1, needs: .at, list: true, display: true),
            Pattern(kind: .person, regex: try regex(Self.displayNamePattern, .person), group: 1, needs: .at, display: true),
            Pattern(kind: .passport, regex: try regex("\(passportLatin)(\(passportNumber))\\b|\(passportKhmer)(\(passportNumber))", .passport), group: -1, needs: [.digits, .passportWord]),
            Pattern(kind: .idNumber, regex: try regex("\(idLatin)([A-Za-z]{0,3}\(digit)[0-9០-៩-]{5,14})\\b|\(idKhmer)([A-Za-z]{0,3}\(digit)[0-9០-៩-]{5,14})", .idNumber), group: -1, needs: [.oneDigit, .idWord]),
            Pattern(kind: .phone, regex: try regex("(?:\\b(?i:tel|tél|telephone|téléphone|phone|fax|mobile|portable|cell)|ទូរស័ព្ទ)\\.?\(numberWord)(\\+?\\(?\(digit)[0-9០-៩ \\u00A0\\u200B().-]{5,}\(digit))", .phone), group: 1, needs: [.someDigits, .phoneWord]),
            Pattern(kind: .phone, regex: try regex("(?<![[\\w/+]--\(khmerLetter)])\\+\\d{1,3}\(separator)?(?:\\(\\d{1,4}\\)\(separator)?)?\\d{1,4}(?:\(separator)?\\d{2,4}){2,5}(?![[\\w/]--\(khmerLetter)])", .phone), group: 0, needs: [.digits, .plusDigit]),
            // A country code in parentheses without `+`: `(855) 23 216 666`.
            Pattern(kind: .phone, regex: try regex("(?<![[\\w/+]--\(khmerLetter)])\\(\\d{1,4}\\)\(separator)?\\d{1,4}(?:\(separator)\\d{2,4}){2,4}(?![[\\w/]--\(khmerLetter)]|[.-]\\d)", .phone), group: 0, needs: [.digits, .parenDigit]),
            // A Cambodian area code in parentheses, as letterheads and signatures write it without
            // a keyword: `(023) 216 141`, `(023) 216-141` (review 1130f m3; found only after
            // "Tel:" before).
            Pattern(kind: .phone, regex: try regex("(?<![[\\w/+]--\(khmerLetter)])\\([0០]\\d{1,2}\\)\(separator)?\\d{3}\(separator)\\d{3,4}(?![[\\w/]--\(khmerLetter)]|[.-]\\d)", .phone), group: 0, needs: [.digits, .parenDigit]),
            Pattern(kind: .phone, regex: try regex("(?<![[\\w/.+-]--\(khmerLetter)])(?<!\\d[ \\u00A0\\u200B]{1,2})[0០]\\d{1,2}\(separator)\\d{3}\(separator)\\d{3,4}(?![[\\w/]--\(khmerLetter)]|[.-]\\d)", .phone), group: 0, needs: [.digits, .zeroLead]),
            // French and British national numbers (`01 45 03 47 20`, `020 7946 0018`: review 1130e
            // M1, `PersonalDataNationalPhones`); they begin with `0` like the Cambodian ones.
            Pattern(kind: .phone, regex: try regex(Self.frenchNationalPhonePattern, .phone), group: 0, needs: [.digits, .zeroLead]),
            Pattern(kind: .phone, regex: try regex(Self.britishNationalPhonePattern, .phone), group: 0, needs: [.digits, .zeroLead]),
            Pattern(kind: .dateOfBirth, regex: try regex("(?:\\b(?i:born(?:\\s+on)?|date\\s+of\\s+birth\\s*[:,]?|dob\\s*[:.]?|née?\\s+le|née?|date\\s+de\\s+naissance\\s*[:,]?)|ថ្ងៃ\(gap)ខែ\(gap)ឆ្នាំ\(gap)កំណើត\(gap)[:៖]?|\(bornGlued))[\\s\\u200B]*(\(date))", .dateOfBirth), group: 1, needs: [.someDigits, .birthWord]),
            Pattern(kind: .dateOfBirth, regex: try regex("\(born)(?:\(gap)នៅ)?[\\s\\u200B]*(\(date))", .dateOfBirth), group: 1, needs: [.someDigits, .khmerBorn], personBefore: true),
            // Plural titles first (they win an overlap): `MM. Dupont et Martin`, `Mmes Durand,
            // Petit et Roux`, `Messrs Smith and Jones` — every name they introduce goes.
            Pattern(kind: .person, regex: try regex("(?<![\\p{L}\\p{M}.])(?:MM|Mmes|Mlles|Messrs|Messieurs|Mesdames)\\.?\(titleGap)(\(pluralName)(?:\\s*(?:,|&|(?i:et|and)\\b)\\s*\(pluralName))*)", .person), group: 1, needs: .title, list: true, pluralTitle: true),
            // One title, or two (`S.E. Mme`, `S.E.M.` = Son Excellence Monsieur, `H.E.Mr.`); after
            // a title's full stop the name may follow without a space (`M.Dupont`, `Mr.Smith`).
            Pattern(kind: .person, regex: try regex("(?<![\\p{L}\\p{M}.])(?:(?:Mr|Mrs|Ms|Dr|Mme|Mlle)\\.?|\(capitalTitles)|H\\.\\s?E\\.|S\\.\\s?E\\.|M\\.|Monsieur|Madame|Mademoiselle|Madam|Miss|\(spelledTitles))(?:\(titleGap)(?:(?:Mr|Mrs|Ms|Dr|Mme|Mlle)\\.?|\(capitalTitles)|M\\.|Monsieur|Madame|Samdech(?:\\s+Techo)?|Oknha|Lok\\s+Chum(?:teav|tiev)))?\(titleGap)(\(titledName))", .person), group: 1, needs: .title, joinsTitles: true),
            Pattern(kind: .person, regex: try regex("(?:លោកជំទាវ|លោកស្រី|អ្នកស្រី|ឯកឧត្តម|ឯកឧត្ដម|\(khmerHonorificTitles)|(?:(?<![\\u1780-\\u17D3])|(?<=\(khmerBeforeTitle))|\(Self.khmerGluedTitle))លោក|(?:(?<![\\u1780-\\u17D3])|(?<=\(khmerBeforeTitle)))(?<!ខែ[ \\u00A0\\u200B]{0,2})កញ្ញា)(?:[ \\u200B]*(?:\(khmerStackedHonorifics))){0,2}[ \\u00A0\\u200B]+\(khmerTitledName)", .person), group: 1, needs: .khmer, khmerTitleStarts: true),
            // Abbreviated Khmer titles (ឯ.ឧ., ល.ជ., ឧ.ក.) and បណ្ឌិត ("Dr.") standing alone before
            // a name (review 1130c M4): the same name as after ឯកឧត្តម, in its own expression so
            // only texts holding one of them run it (`Triggers.khmerTitleAbbreviation`).
            Pattern(kind: .person, regex: try regex("(?:\(Self.khmerAbbreviatedTitles)|(?:(?<![\\u1780-\\u17D3])|(?<=\(khmerBeforeTitle)))\(Self.khmerDoctorTitles))(?:[ \\u200B]*(?:\(khmerStackedHonorifics))){0,2}(?:(?<=\\.)[ \\u00A0\\u200B]*|[ \\u00A0\\u200B]+)\(khmerTitledName)", .person), group: 1, needs: [.khmer, .khmerTitleAbbreviation]),
            // An office between the label and the name, however long, in any case ("Contact:
            // Deputy Director-General of the Department of Legal Affairs Sok Dara", "Contact :
            // directeur adjoint Jean Dupont"): before the role patterns, whose four words would
            // cut such a name short; a chain that begins with no office is theirs.
            Pattern(kind: .person, regex: try regex("(?<=(?:(?<![\\p{L}\\p{M}])(?i:\(latinRoles)|\(pluralRoles))|\(khmerRoles))\(roleGapBounded))[:៖ៈ]\(roleGap)\(noTitle)(\(officeChain))", .person), group: 1, needs: .roleLabel, role: true, chain: true),
            Pattern(kind: .person, regex: try regex("^[ \\t]*(?i:\(byRoles))[ \\t\\u00A0]+\(noTitle)(\(officeChain))", .person), group: 1, needs: .roleLabel, role: true, chain: true),
            // A name after a role label and its colon (`Translator: Sokha Chan`, `Traducteur :
            // …`, `អ្នកបកប្រែ៖ សុខ ចាន់`), or after a `by`/`par` label that begins the text
            // (`Prepared by John Smith`): a titled name, or one or two Khmer words that are not
            // a Khmer title (the title pattern takes the name after one) nor a function word.
            // The expression starts at the colon, the label in a look-behind: ICU then scans for
            // the (rare) colons, where a label first would be tried, case-insensitively, at
            // every position (measured: the texts holding a label cost 1.6 times the titled ones).
            // A plural label (or a `by`/`par` label) introduces a list of names: each goes, as
            // after a plural title (`Translators: Sokha Chan and Dara Sok`). First, so it wins.
            Pattern(kind: .person, regex: try regex("(?<=(?<![\\p{L}\\p{M}])(?i:\(pluralRoles))\(roleGapBounded))[:]\(roleGap)\(noTitle)(\(titledName)(?:\\s*(?:,|&|(?i:et|and)\\b)\\s*\(noTitle)\(titledName))*)", .person), group: 1, needs: .roleLabel, list: true, role: true),
            // Khmer has no plural: a Khmer label introduces a list as often as one name ("អ្នកបកប្រែ៖
            // ស ខេង និង ជា ស៊ីម"), its names joined by និង ("and", between spaces or U+200B) or a
            // comma; two names or more here, each its own span (one name is the next pattern's).
            // Needs a Khmer letter too (the label is Khmer), so Latin texts do not run it.
            Pattern(kind: .person, regex: try regex("(?<=(?:\(khmerRoles))\(roleGapBounded))[:៖ៈ]\(roleGap)\(noTitle)((?:\(khmerRoleName)|\(titledName))(?:\(khmerListSeparator)\(noTitle)(?:\(khmerRoleName)|\(titledName)))+)", .person), group: 1, needs: [.roleLabel, .khmer], list: true, role: true),
            Pattern(kind: .person, regex: try regex("(?<=(?:(?<![\\p{L}\\p{M}])(?i:\(latinRoles))|\(khmerRoles))\(roleGapBounded))[:៖ៈ]\(roleGap)\(noTitle)(\(titledName)|\(khmerRoleName))", .person), group: 1, needs: .roleLabel, role: true),
            // Two lower-case words alone after a person-only label (`Translator: sokha chan`):
            // a name typed in a hurry, unless one is an ordinary word ("machine translation").
            // Never after `Contact:`, which as often names a section ("Contact: consular section").
            Pattern(kind: .person, regex: try regex("(?<=(?<![\\p{L}\\p{M}])(?i:\(personOnlyRoles))\(roleGapBounded))[:]\(roleGap)(\(lowerName))", .person), group: 1, needs: .roleLabel, role: true, plain: true),
            Pattern(kind: .person, regex: try regex("^[ \\t]*(?i:\(byRoles))[ \\t\\u00A0]+\(noTitle)(\(titledName))", .person), group: 1, needs: .roleLabel, role: true),
            // `Source:` and two or three capitalised words ending the value (`sourceRoleLabels`).
            Pattern(kind: .person, regex: try regex("(?<=(?<![\\p{L}\\p{M}])(?i:\(Self.sourceRoleLabels.joined(separator: "|")))\(roleGapBounded))[:]\(roleGap)\(noTitle)(\(sourceName))", .person), group: 1, needs: .roleLabel, role: true, plain: true, source: true),
        ]
        // Anchored where a name ended: an optional `,`/`&`/`and`/`et`, then a title — in
        // capitals also `MME`/`MLLE` without their full stop, which the single titles' pattern
        // leaves out on their own ("DR Congo") but which after a name can only be a title.
        joinedTitleName = try regex("[ \\u00A0]*(?:(?:,|&|(?i:and|et)(?![\\p{L}\\p{M}]))[ \\u00A0]*)?(?:(?:Mr|Mrs|Ms|Dr|Mme|Mlle)\\.?|\(capitalTitles)|MME\\.?|MLLE\\.?|M\\.)\(titleGap)(\(titledName))", .person)
        personMarker = try regex("លោកជំទាវ|លោកស្រី|អ្នកស្រី|ឯកឧត្តម|(?:(?<![\\u1780-\\u17D3])|(?<=ជូន|ចំពោះ))លោក|នាង|គាត់|កញ្ញា|ខ្ញុំ|សម្តេច|សម្ដេច|ឈ្មោះ|\\{PERSON", .dateOfBirth)
    }

    /// Whether a person is named before `location` in its sentence (since the last `។`, `៕`,
    /// `!`, `?` or line break): a Khmer title (លោក, លោកស្រី, ឯកឧត្តម, លោកជំទាវ, អ្នកស្រី, កញ្ញា,
    /// សម្ដេច), a pronoun (គាត់, នាង, ខ្ញុំ), ឈ្មោះ ("named"), or a `{PERSON}` placeholder.
    ///
    /// Why: `កើតនៅ` reads "born on" after a person but "took place on" after an event
    /// ("ហេតុការណ៍នេះកើតនៅថ្ងៃទី២៨…"), and bare `កើត` before a date reads either way too. The
    /// trade-off: an event sentence that also names a person ("the meeting with លោក X took
    /// place on …") loses its date, and a birth sentence naming nobody ("កើតនៅ ១២ មីនា ១៩៦០"
    /// alone) keeps it — except `កើតថ្ងៃទី…` (identity-document style), which always counts.
    /// Cost: one short regex over the sentence, only for texts where the birth pattern matched.
    func personPrecedes(_ location: Int, in text: NSString) -> Bool {
        var start = location
        while start > 0 {
            let unit = text.character(at: start - 1)
            if unit == 0x17D4 || unit == 0x17D5 || unit == 0x21 || unit == 0x3F || unit == 0x0A || unit == 0x0D { break }
            start -= 1
        }
        let range = NSRange(location: start, length: location - start)
        guard range.length > 0, let marker = compiled(personMarker) else { return false }
        return marker.firstMatch(in: text as String, options: [], range: range) != nil
    }

    /// The role label a property's type names (`x-translator`, `x-Reviewer`, `x-contact-person`
    /// → `Translator`…), whose value is then read as if written after that label: a CAT tool's
    /// `<prop type="x-translator">Sokha Chan</prop>` holds a name as much as a note
    /// "Translator: Sokha Chan" (audit F17). Nil for every other type.
    ///
    /// Cost: for an ASCII type (every CAT tool's), one pass over its bytes making the key, and a
    /// dictionary probe only when some key has its length (`roleKeyLengths`); other types take
    /// the reference (`rolePropertyReference`). Why: the reference's lower-casing, character
    /// map and hashing cost about 5,900 instructions per property, twice per property per unit
    /// (`forEachFreeText`, `cleanProperties`): 58 million instructions, 2.6 % of the import of
    /// 5,000 units with two `<prop>`s each (callgrind, 30 Nov). `PrivacyStringFastPathTests`
    /// holds the two equal.
    static func roleProperty(_ type: String) -> String? {
        var type = type
        let ascii: String?? = type.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // `lowercased()` of ASCII is ASCII's lower case; then `x-` dropped, `-` and `_` made spaces.
            let start = bytes.count >= 2 && bytes[0] | 0x20 == 0x78 && bytes[1] == 0x2D ? 2 : 0
            let length = bytes.count - start
            guard roleKeyLengths.contains(length) else { return .some(nil) }
            let key = String(unsafeUninitializedCapacity: length) { buffer in
                for k in 0..<length {
                    let byte = bytes[start + k]
                    buffer[k] = byte == 0x2D || byte == 0x5F ? 0x20 : byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return length
            }
            return .some(roleLabelsByPropertyKey[key])
        }
        return ascii ?? rolePropertyReference(type)
    }

    /// `roleProperty` as first written, for any type: lower-cased, `x-` dropped, `-` and `_`
    /// made spaces, looked up.
    static func rolePropertyReference(_ type: String) -> String? {
        var key = type.lowercased()
        if key.hasPrefix("x-") { key = String(key.dropFirst(2)) }
        key = String(key.map { $0 == "-" || $0 == "_" ? " " : $0 })
        return roleLabelsByPropertyKey[key]
    }

    /// The UTF-8 lengths of the keys of `roleLabelsByPropertyKey` in canonical decomposition: an
    /// ASCII key (its own decomposition) of any other length equals none of them.
    static let roleKeyLengths: Set<Int> = Set(roleLabelsByPropertyKey.keys.map { $0.decomposedStringWithCanonicalMapping.utf8.count })

    /// `latinRoleLabels` by the keys `roleProperty` compares a property type with — each label
    /// lower-cased, with and without its spaces — the first label in the list winning a shared
    /// key, as the linear search it replaces did.
    ///
    /// Why: `roleProperty` runs for every property of every unit, and lower-casing and
    /// rewriting every label each time (through `NSString`) cost about 2.9 million instructions
    /// per unit of a CAT tool's export with four properties — ten times a plain unit's whole
    /// import (callgrind, 5,000 units with `<prop>`s and `<tu>` attributes). Built once.
    static let roleLabelsByPropertyKey: [String: String] = {
        var byKey: [String: String] = [:]
        for label in latinRoleLabels {
            let lowered = label.lowercased()
            if byKey[lowered] == nil { byKey[lowered] = label }
            let unspaced = lowered.filter { $0 != " " }
            if byKey[unspaced] == nil { byKey[unspaced] = label }
        }
        return byKey
    }()

    /// The spans of `text` read as written after `label` and a colon (`roleProperty`), in
    /// `text`'s own offsets; what the label alone would match is dropped. Cost: one more
    /// `spans` call, only for role-typed properties.
    func roleSpans(in text: String, label: String) -> [Span] {
        let prefix = "\(label): "
        let shift = prefix.utf16.count
        return spans(in: prefix + text).compactMap { span in
            guard span.range.location >= shift else { return nil }
            var moved = span
            moved.range.location -= shift
            return moved
        }
    }

    /// What each pattern needs from the pre-filter (for the test that `Triggers.all` covers them).
    var patternNeeds: [Triggers] { patterns.map(\.needs) }

    /// A span of personal data in a text, in UTF-16 offsets (Foundation's unit).
    struct Span {
        var kind: PersonalDataKind
        var range: NSRange
        /// For a span found as a literal repeat of a value (`KnownValue`): that value's key.
        var key: String? = nil
        /// A name carried from the unit before (`PersonalDataCarriedNames`): not carried further.
        var carried = false
    }

    /// The personal-data spans of `text`, in order, without overlaps (earlier kinds in the
    /// pattern list win a tie).
    ///
    /// `filtered: false` runs every pattern on every text; the equivalence test compares the
    /// two on real and random texts (the pre-filter may only skip patterns that cannot match).
    /// (`spans`, in `PersonalDataNameIntroductions`, adds the names that "my name is", ឈ្មោះ… introduce.)
    func patternSpans(in text: String, filtered: Bool = true) -> [Span] {
        patternSpans(in: text, triggers: filtered ? Self.triggers(text) : Triggers.all, titleStarts: filtered)
    }

    /// `patternSpans` running the patterns `triggers` allows (`spans` passes what the fused
    /// pre-check pass found, `preChecks`). `titleStarts`: the Khmer title pattern runs only
    /// where a title word begins (`khmerTitleStarts(in:)`); false runs it over the whole text,
    /// the reference the equivalence tests compare with.
    func patternSpans(in text: String, triggers: Triggers, titleStarts: Bool = true) -> [Span] {
        // Where the Khmer title pattern can match (nil: it searches the whole text).
        let khmerStarts = titleStarts && triggers.contains(.khmer) ? Self.khmerTitleStarts(in: text) : nil
        // Whether the plural titles' pattern can match (true on the reference path).
        let plural = !titleStarts || !triggers.contains(.title) || Self.mayHoldPluralTitle(text)
        @inline(__always) func runs(_ pattern: Pattern) -> Bool {
            triggers.isSuperset(of: pattern.needs) && !(pattern.khmerTitleStarts && khmerStarts?.isEmpty == true)
                && !(pattern.pluralTitle && !plural)
        }
        // Most texts that pass the byte pass still run no pattern (a digit alone, a title with
        // no capital after it, Khmer without a title): stop before bridging the text to UTF-16.
        guard patterns.contains(where: runs) else { return [] }
        let ns = text as NSString
        // The text's UTF-16 length, as `ns.length` gives it, from the string itself: through the
        // bridge it cost about 3,500 instructions a text (callgrind, 30 Nov).
        let whole = NSRange(location: 0, length: text.utf16.count)
        var spans: [Span] = []
        // Where an office chain begins (`Pattern.chain`).
        var claimed: Set<Int> = []
        for pattern in patterns where runs(pattern) {
            guard let regex = compiled(pattern.regex) else { continue }
            let matches = pattern.khmerTitleStarts && khmerStarts != nil
                ? Self.matches(of: regex, in: text, length: whole.length, startingAt: khmerStarts ?? [])
                : regex.matches(in: text, options: [], range: whole)
            for match in matches {
                var range = NSRange(location: NSNotFound, length: 0)
                if pattern.group >= 0 {
                    range = match.range(at: pattern.group)
                } else {
                    for group in 1..<match.numberOfRanges where match.range(at: group).location != NSNotFound {
                        range = match.range(at: group)
                        break
                    }
                }
                guard range.location != NSNotFound, range.length > 0 else { continue }
                if pattern.personBefore, !personPrecedes(match.range.location, in: ns) { continue }
                var parts = pattern.list ? Self.listNames(range, in: ns) : [range]
                if pattern.chain {
                    // An office chain claims its label: the other role patterns, which would
                    // read the office's first words as a name, skip it.
                    guard let names = Self.officeChainNames(range, in: ns) else { continue }
                    claimed.insert(range.location)
                    parts = names
                } else if pattern.role, claimed.contains(range.location) {
                    continue
                }
                if pattern.source, Self.hasSourceWord(ns.substring(with: range).split(separator: " ")) { continue }
                for part in parts {
                    var range = part
                    if pattern.display {
                        guard let trimmed = Self.displayNameRange(range, in: text, quoted: pattern.list) else { continue }
                        range = trimmed
                    } else if pattern.kind == .person, !pattern.chain, !pattern.verbatim {
                        // "MR. AND MRS. JOHN SMITH": the first title names no one; the connector
                        // and the second title begin the name (review of 1130i m6's fix: "AND"
                        // was taken as a name, and every other "AND" of the unit replaced).
                        if pattern.joinsTitles, [0x41, 0x45, 0x26].contains(ns.character(at: range.location)),
                           Self.beginsWithCapitalsConnector(ns.substring(with: range)) {
                            if let joined = compiled(joinedTitleName) {
                                for next in Self.joinedNames(after: range.location, in: text, length: whole.length, ns: ns, regex: joined, filtered: titleStarts)
                                where !spans.contains(where: { NSIntersectionRange($0.range, next).length > 0 }) {
                                    spans.append(Span(kind: .person, range: next))
                                }
                            }
                            continue
                        }
                        guard let trimmed = Self.nameRange(range, in: ns, string: text, role: pattern.role, plain: pattern.plain) else { continue }
                        range = trimmed
                    }
                    // A glued run after a spaced Khmer title: the name only (`khmerCaptureReadGlued`).
                    if pattern.khmerTitleStarts || pattern.needs.contains(.khmerTitleAbbreviation) { range = khmerCaptureReadGlued(range, in: ns) }
                    if spans.contains(where: { NSIntersectionRange($0.range, range).length > 0 }) { continue }
                    spans.append(Span(kind: pattern.kind, range: range))
                    // A second title after the name begins another name, which the match (that
                    // took the title as a word of the first) skipped: review 1130i m6.
                    if pattern.joinsTitles, let joined = compiled(joinedTitleName) {
                        for next in Self.joinedNames(after: NSMaxRange(range), in: text, length: whole.length, ns: ns, regex: joined, filtered: titleStarts)
                        where !spans.contains(where: { NSIntersectionRange($0.range, next).length > 0 }) {
                            spans.append(Span(kind: .person, range: next))
                        }
                    }
                }
            }
        }
        return spans.sorted { $0.range.location < $1.range.location }
    }

    /// Whether `text` may hold a plural title (`MM`, `Mmes`, `Mlles`, `Messrs`, `Messieurs`,
    /// `Mesdames`: the plural pattern's only openings, matched case-sensitively): whether it holds
    /// `MM`, `Mm`, `Ml` or `Mes`, which begin each. Why: the plural pattern needs `.title`, as the
    /// single titles' does, so every text with a title ("Mr Schulz") ran it — an ICU search
    /// and a bridge of the text to UTF-16, half the privacy stage's ICU cost on Europarl (about
    /// 65 million instructions on the 20,000-unit slice, callgrind 30 Nov) — and it found
    /// nothing in almost all of them. `PrivacyFilterEquivalenceTests` holds the filtered spans
    /// (which skip it here) equal to the unfiltered ones (which always run it).
    static func mayHoldPluralTitle(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var i = 0
            while i + 1 < count {
                if bytes[i] == 0x4D {
                    let next = bytes[i + 1]
                    if next == 0x4D || next == 0x6D || next == 0x6C || (next == 0x65 && i + 2 < count && bytes[i + 2] == 0x73) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Cuts a captured name at the first office word (`Mr President` → nothing; `Mr Santer,
    /// President` is cut by the comma already). A capture that starts with a title is no name
    /// either: in `H.E. Mrs. {PERSON1}` (an export of a scrubbed memory, imported again) the
    /// pattern takes `Mrs.` for the name when the real one is already a placeholder, and the
    /// text must come back unchanged (`import(export(m))` reproduces `m`).
    ///
    /// After a role label (`role`), or when the name begins with a particle (`de la Cruz`), a
    /// first word that is an institution or a contact channel (`isNotName`: "Contact: Consular
    /// Section", "Monsieur de la Commission") is no name either; and an article right after a
    /// particle (`de la`, `de La Fayette`) is part of the name, not an office.
    /// `string`, when given, is `text` as a Swift string: the candidate is then read from it
    /// (`substring`), without `NSString`'s substring.
    static func nameRange(_ range: NSRange, in text: NSString, string: String? = nil, role: Bool = false, plain: Bool = false) -> NSRange? {
        if placeholderFollows(range, in: text) { return nil }
        var range = range
        let candidate = string.map { substring($0, range) } ?? text.substring(with: range)
        var words = nameWords(candidate)
        if plain, hasPlainWord(words) { return nil }
        // After a role label, office words before the name are no name ("Contact:
        // Director-General Sok Dara"): skip them, the name starts after them.
        if role {
            var start = 0
            while start < words.count, isOffice(words[start]), !isSurnameArticle(words[start], next: start + 1 < words.count ? words[start + 1] : nil) {
                start += 1
            }
            guard start < words.count else { return nil }
            if start > 0 {
                let skipped = candidate.utf16.distance(from: candidate.startIndex, to: words[start].startIndex)
                range = NSRange(location: range.location + skipped, length: range.length - skipped)
                words = Array(words[start...])
            }
        }
        guard let first = words.first, !isTitle(first) else { return nil }
        if role || isParticle(first) {
            let head = words.first { !isParticle($0) && !particleArticles.contains($0.lowercased()) } ?? first
            if isNotName(head) { return nil }
        }
        var kept = 0
        var length = 0
        var last: Substring = ""
        var afterParticle = false
        for (index, word) in words.enumerated() {
            // `Le`/`La` first and a capitalised non-office word after: a surname (`Ms. Le Thi Hoa`).
            let surname = index == 0 && isSurnameArticle(word, next: words.count > 1 ? words[1] : nil)
            if isOffice(word), !surname, !(afterParticle && particleArticles.contains(word.lowercased())) { break }
            // In capitals every word looks like a name: a verb or function word after the name
            // ends it ("MR. SOK DARA WILL ARRIVE ON 5 MAY." keeps "WILL ARRIVE": review 1130i m6).
            // After two name words at least: one capitalised word may be a surname that is also
            // such a word ("MRS. THERESA MAY WILL ATTEND" keeps "THERESA MAY" together; a word too
            // many stays replaced, a surname left would stay in the memory).
            if kept > 0, Self.isCapitalsTitle(word) || (kept > 1 && Self.isCapitalsVerbOrFunctionWord(word)) { break }
            afterParticle = isParticle(word)
            // Up to the word's end: the words may be separated by a space and U+200B together.
            length = candidate.utf16.distance(from: words[0].startIndex, to: word.endIndex)
            kept += 1
            last = word
            // A full stop after a word of three letters or more ends the sentence, and the name
            // ("Translator: Chan Thida. Chan Thida also checked…"); `J.` and `St.` go on.
            if word.hasSuffix("."), word.count > 3 { break }
            // A possessive ends the name: "Mr Macartney's Amendment No 3" names Macartney alone.
            if possessiveLength(word) > 0 { break }
        }
        guard kept > 0 else { return nil }
        // A full stop after a whole word ends the sentence; after an initial (`J.`) it is part of the name.
        if last.hasSuffix("."), last.count > 2 { length -= 1 }
        // An English possessive is the sentence's, not the name's: "Mr. Sok Dara's visa" keeps
        // "'s" outside (`Mr. {PERSON}'s visa`), so the memory stays grammatical and a draft
        // carries the bare name (« M. Keo Rithy », not « M. Keo Rithy's »: review 1130i M2).
        length -= possessiveLength(last)
        return NSRange(location: range.location, length: length)
    }

    /// The UTF-16 length of an English possessive ending `word` ("'s", "’s"; the lone
    /// apostrophe of "Jones'"), 0 when it has none. An apostrophe inside a name (`O'Neill`,
    /// `d'Estaing`) is no possessive. O(1).
    static func possessiveLength(_ word: Substring) -> Int {
        guard word.count > 2 else { return 0 }
        let scalars = word.unicodeScalars
        guard let lastScalar = scalars.last else { return 0 }
        let apostrophes: Set<UInt32> = [0x27, 0x2019]
        if lastScalar == "s" || lastScalar == "S", let before = scalars.dropLast().last, apostrophes.contains(before.value) { return 2 }
        if apostrophes.contains(lastScalar.value), let before = scalars.dropLast().last, before == "s" || before == "S" { return 1 }
        return 0
    }

    /// `candidate`'s words: split at spaces, NBSP and U+200B, empty words dropped, as
    /// `split(whereSeparator:)` over its characters splits it (`nameWordsByCharacters`). An ASCII
    /// candidate (most names in Latin script) is split at its space bytes: each of its
    /// characters is one byte (CR LF, the one two-byte character, is no space either), so the
    /// words are the same substrings, without breaking the text into characters. Why: the
    /// character split cost about 7,400 instructions per name found (18 million on the
    /// 20,000-unit slice, callgrind 30 Nov), for names of one or two words.
    static func nameWords(_ candidate: String) -> [Substring] {
        var copy = candidate
        let spaces: [Int]? = copy.withUTF8 { bytes in
            var spaces: [Int] = []
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 { return nil }
                if byte == 0x20 { spaces.append(index) }
            }
            return spaces
        }
        guard let spaces else { return nameWordsByCharacters(candidate) }
        let utf8 = candidate.utf8
        var words: [Substring] = []
        var start = 0
        for end in spaces + [utf8.count] {
            if end > start {
                words.append(candidate[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            }
            start = end + 1
        }
        return words
    }

    /// `nameWords` by characters, for any text: the reference the ASCII path must equal
    /// (`PrivacyNameWordsTests`).
    static func nameWordsByCharacters(_ candidate: String) -> [Substring] {
        candidate.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\u{200B}" })
    }

    /// Whether a placeholder (`{PERSON}`, `{PERSON2}`…) follows `range` after spaces, NBSP or
    /// U+200B: the captured word is then a rank or honorific before a name already replaced
    /// (`លោក​ឧកញ៉ា​{PERSON}`, `Mr. Oknha {PERSON}`), never a name itself, so a scrubbed text
    /// imported again comes back unchanged (review 1130 M12). O(spaces after the range).
    static func placeholderFollows(_ range: NSRange, in text: NSString) -> Bool {
        var index = range.location + range.length
        while index < text.length, [0x20, 0xA0, 0x200B].contains(text.character(at: index)) { index += 1 }
        guard index + 1 < text.length, text.character(at: index) == 0x7B else { return false }
        let next = text.character(at: index + 1)
        return next >= 0x41 && next <= 0x5A
    }

    /// Whether `word`, lower-cased and without the punctuation `.,;:’'` at either end, is an
    /// office (`offices`). Trims scalars as `trimmingCharacters(in:)` did, without building a
    /// `CharacterSet` per word (that was most of `nameRange`'s cost).
    ///
    /// An ASCII word is trimmed and lower-cased by bytes (`asciiOfficeKey`: of the trimmed
    /// punctuation only U+2019 is not ASCII, and ASCII lower-casing is byte by byte), the key
    /// looked up the same way. Why: the scalar slices and `Substring.lowercased()` cost about
    /// 2,400 instructions a word (12 million on the 20,000-unit slice, callgrind 30 Nov).
    static func isOffice(_ word: Substring) -> Bool {
        let key = asciiOfficeKey(word) ?? officeKey(word)
        if offices.contains(key) { return true }
        // A hyphenated office not in the list (`President-in-Office`, `Minister-Counsellor`):
        // its first part is one. Names keep theirs (`Jean-Marc`, `O'Neill-Smith`).
        guard let hyphen = key.firstIndex(of: "-") else { return false }
        return offices.contains(String(key[..<hyphen]))
    }

    /// `word` without `.,;:'` at either end, lower-cased, by bytes; nil when it is not ASCII.
    static func asciiOfficeKey(_ word: Substring) -> String? {
        var word = word
        return word.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func trimmed(_ byte: UInt8) -> Bool { byte == 0x2E || byte == 0x2C || byte == 0x3B || byte == 0x3A || byte == 0x27 }
            var start = 0, end = bytes.count
            while start < end, trimmed(bytes[start]) { start += 1 }
            while end > start, trimmed(bytes[end - 1]) { end -= 1 }
            return String(unsafeUninitializedCapacity: end - start) { buffer in
                for index in start..<end {
                    let byte = bytes[index]
                    buffer[index - start] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                }
                return end - start
            }
        }
    }

    /// `word` trimmed and lower-cased scalar by scalar: any word (the ASCII path's reference,
    /// `PrivacyFilterEquivalenceTests`).
    static func officeKey(_ word: Substring) -> String {
        func trimmed(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x2019, 0x27: true
            default: false
            }
        }
        var scalars = word.unicodeScalars[...]
        while let first = scalars.first, trimmed(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, trimmed(last) { scalars = scalars.dropLast() }
        return Substring(scalars).lowercased()
    }

    /// Titles that may stand where a name is expected (`H.E. Mrs. {PERSON}`), lower-cased,
    /// without their full stop.
    static let titleWords: Set<String> = ["mr", "mrs", "ms", "dr", "mme", "mlle", "m", "madam", "miss", "monsieur", "madame",
                                          "mademoiselle", "messrs", "mm", "mmes", "mlles", "samdech", "oknha", "techo", "excellency", "excellence",
                                          "chumteav", "chumtiev"]

    /// Whether `word` (without `.,;:` at its end) is a title.
    static func isTitle(_ word: Substring) -> Bool {
        var scalars = word.unicodeScalars[...]
        while let last = scalars.last, last == "." || last == "," || last == ";" || last == ":" { scalars = scalars.dropLast() }
        return titleWords.contains(Substring(scalars).lowercased())
    }

    /// `unit` with personal data replaced in every variant, and what was replaced.
    ///
    /// A value found in one variant is replaced wherever it recurs in the unit — the other
    /// variants, notes, contexts, free-text properties — even without the title or keyword the
    /// patterns needed ("remercie John Smith"), with the same placeholder.
    ///
    /// Numbering (`numberValues`): a value keeps its number in every variant it appears in, so a
    /// name in the English, French and Khmer variants gets the same placeholder in all three; a
    /// value new to a variant takes the number of an earlier value that variant lacks (its
    /// rendering in another script), else the next number no variant uses — never one another
    /// value of the same variant holds. When every variant holds one value of a kind, the
    /// placeholder is unnumbered (`{PERSON}`), the form the matcher treats as a placeable.
    ///
    /// Notes (of the unit and of each variant), the origin, the surrounding-context texts and free-text
    /// property values are scrubbed too (`scrubFreeText`): a comment such as "call Mr Sok on
    /// 012 345 678" is as personal as a segment. Structural properties (`structuralProperties`)
    /// are left alone.
    public func scrub(_ unit: TranslationUnit, file: String, position: Int) -> (unit: TranslationUnit, findings: [PersonalDataFinding]) {
        let scrubbed = scrub(unit, file: file, position: position, carrying: [])
        return (scrubbed.unit, scrubbed.findings)
    }

    /// `scrub`, also replacing the names `carried` from the unit before in the same file
    /// wherever they stand in this unit's texts (`PersonalDataCarriedNames`); `names` are the
    /// ones to carry to the next unit — found by the patterns here, never carried ones, so they
    /// depend on this unit alone.
    func scrub(_ unit: TranslationUnit, file: String, position: Int, carrying carried: [KnownValue]) -> (unit: TranslationUnit, findings: [PersonalDataFinding], names: [KnownValue]) {
        let texts = scrubTexts(unit, file: file, position: position, carrying: carried)
        var (result, findings) = (texts.unit, texts.findings)
        scrubFreeText(&result, file: file, position: position, known: texts.known, findings: &findings)
        return (result, findings, texts.names)
    }

    /// Property types whose values are codes, numbers or statuses Verbale itself writes and
    /// reads (review status, alignment bead and score…): never personal data, and changing one
    /// would change what the memory means.
    public static let structuralProperties: Set<String> = [
        "x-review", "x-rejected", "x-align-bead", "x-align-confidence", "x-attested-count", "x-method",
        "x-score", "x-level", "x-flags", "x-category", "x-role", "x-purpose", "x-mrk",
    ]

    /// Attributes that name the user who created or changed a unit or variant (TMX).
    static let userAttributes: Set<String> = ["creationid", "changeid"]

    /// Property types (compared lower-cased) whose value is a user account, replaced whole like
    /// `creationid`: no pattern can recognise a bare account name. `x-lastusedby` is Trados
    /// Studio's (`<prop type="x-LastUsedBy">DOMAIN\user</prop>`, the same account as its
    /// `creationid`/`changeid`); `x-createdby` is the creator property some TMX tools write
    /// ("translator name, e-mail or system ID").
    static let userProperties: Set<String> = ["x-lastusedby", "x-createdby"]

    /// Replaces personal data in the unit's and variants' notes, the context texts and the
    /// non-structural property values. A value the variant texts held (`known`) is replaced
    /// wherever it stands, title or not, by the placeholder it got there ("{PERSON2}"); other
    /// finds are unnumbered (`{PERSON}`): notes are not matched against segments.
    /// Cost: the trigger byte pass per string, most notes and properties stop there; plus, only
    /// for units whose texts held personal data, one literal search per known value.
    ///
    /// The users who created and changed the unit (TMX `creationid`/`changeid` on `<tu>` and
    /// `<tuv>`) are account names of people: each becomes `{PERSON}` whatever it looks like
    /// (no pattern can tell `jsmith` from a tool's name), with the original in the report; so
    /// do the values of user-carrying properties (`userProperties`, Trados's `x-LastUsedBy`).
    func scrubFreeText(_ unit: inout TranslationUnit, file: String, position: Int, known: [KnownValue] = [], findings: inout [PersonalDataFinding]) {
        var placeholders: [PersonalDataKind: [String: String]] = [:]
        // The highest number of each kind in the variant texts (`{PERSON}` counts as 1): a value
        // first found outside them takes the next one, and keeps it wherever it recurs in the
        // unit's other free texts, so a note naming a second person never shares the text's bare
        // `{PERSON}` (acceptance review), while one person in two notes keeps one placeholder.
        var highest: [PersonalDataKind: Int] = [:]
        var scanned = KindSet()
        // The variants as they came (a retain, not a copy): their texts are read only when a free
        // text holds a value new to the unit (`highestPlaceholder`), which most units never do.
        let variants = unit.variants
        for value in known {
            placeholders[value.kind, default: [:]][value.key] = value.placeholder
            highest[value.kind] = max(highest[value.kind] ?? 0, Self.placeholderNumber(value.placeholder, kind: value.kind))
        }
        func user(_ name: String?, field: String, language: LanguageTag?) -> String? {
            guard let name, !isBlank(name), name != PersonalDataKind.person.placeholder(number: nil) else { return name }
            let placeholder = PersonalDataKind.person.placeholder(number: nil)
            var finding = PersonalDataFinding(file: file, unit: position, unitID: unit.id, language: languageText(language), kind: .person,
                                              placeholder: placeholder, original: name, start: 0, end: name.unicodeScalars.count)
            finding.field = field
            findings.append(finding)
            return placeholder
        }
        // First pass: the patterns over every free text, so a value found in one (a note's
        // "Translator: Chan Thida") is looked for in all of them and goes where it stands
        // without its label ("… Chan Thida also checked the Khmer", in the same note or another).
        var patternedSpans: [String: [Span]] = [:]
        // The first free texts read, with what was found in each, nothing included: `clean`
        // reads them again (the first pass reads every free text, `clean` all but the origin
        // and id), and a text where nothing was found cost its byte pre-checks again — twice
        // each property value of a CAT tool's unit (about 40 million instructions of the
        // 5,000-unit props slice, callgrind 30 Nov). Compared byte for byte (`sameBytes`), not
        // with `==`, which would take a text for its canonical equivalent whose offsets differ.
        var read: [(label: String?, text: String, spans: [Span])] = []
        func patternSpans(_ text: String, label: String?) -> [Span] {
            // The predecessor's context keys, which most units carry: none (`isContextKeyList`),
            // without hashing them into the cache.
            if label == nil, Self.isContextKeyList(text) { return [] }
            for entry in read where entry.label == label && Self.sameBytes(entry.text, text) { return entry.spans }
            let found = patternSpansOnce(text, label: label)
            if read.count < 8 { read.append((label, text, found)) }
            return found
        }
        func patternSpansOnce(_ text: String, label: String?) -> [Span] {
            // Only texts where something was found are cached: finding nothing again costs the
            // byte pre-checks (`preChecks`), less than hashing the text into the cache and out
            // (callgrind, 30 Nov); and with nothing cached there is nothing to look up.
            let cacheKey = patternedSpans.isEmpty ? nil : label.map { "\($0)\u{0}\(text)" } ?? text
            if let cacheKey, let cached = patternedSpans[cacheKey] { return cached }
            let found = label.map { roleSpans(in: text, label: $0) } ?? spans(in: text)
            if !found.isEmpty { patternedSpans[cacheKey ?? label.map { "\($0)\u{0}\(text)" } ?? text] = found }
            return found
        }
        var literals = known
        var seen = Set(known.map { "\($0.kind.rawValue)\u{0}\($0.key)" })
        // Most units have no free text besides the origin and id: nothing to carry, no list built.
        let several = !unit.metadata.notes.isEmpty || !unit.metadata.properties.isEmpty || unit.metadata.previousContext != nil
            || unit.metadata.nextContext != nil || unit.variants.contains { !$0.notes.isEmpty || !$0.properties.isEmpty }
        if several {
            Self.forEachFreeText(of: unit) { text, label in
                let found = patternSpans(text, label: label)
                guard !found.isEmpty else { return }
                let ns = text as NSString
                for span in found {
                    let value = ns.substring(with: span.range)
                    if seen.insert("\(span.kind.rawValue)\u{0}\(Self.valueKey(value))").inserted, let literal = KnownValue(kind: span.kind, value: value) {
                        literals.append(literal)
                    }
                }
            }
        }
        func clean(_ text: String, field: String, language: LanguageTag?, label: String? = nil, identifier: Bool = false) -> String {
            // An identifier or a file name is searched with `_`, `-` and `.` read as spaces (`identifierSpans`).
            var (patterned, searched) = identifier ? identifierSpans(in: text) : (patternSpans(text, label: label), text)
            // The user's name after a home folder in a path (review 1130f M1, `PersonalDataPaths`).
            let home = Self.homeFolderSpans(in: text).filter { span in
                !patterned.contains { NSIntersectionRange($0.range, span.range).length > 0 }
            }
            if !home.isEmpty { patterned = (patterned + home).sorted { $0.range.location < $1.range.location } }
            let repeats = Self.literalSpans(of: literals, in: searched, outside: patterned)
            // Most free texts hold nothing: no list joined and sorted for them.
            guard !patterned.isEmpty || !repeats.isEmpty else { return text }
            let found = (patterned + repeats).sorted { $0.range.location < $1.range.location }
            let ns = text as NSString
            func placeholder(_ span: Span) -> String {
                let key = span.key ?? Self.valueKey(ns.substring(with: span.range))
                if let given = placeholders[span.kind]?[key] { return given }
                // A surname alone, the full name in the unit's texts: that person (review 1130h m4).
                if span.kind == .person, let owner = Self.surnameOwnerPlaceholder(of: ns.substring(with: span.range), among: known) {
                    placeholders[span.kind, default: [:]][key] = owner
                    return owner
                }
                if scanned.insert(span.kind).inserted {
                    // Placeholders the texts already hold (a scrubbed memory exported and imported
                    // again with a name added to a note) count as taken too.
                    let held = variants.map { Self.highestPlaceholder(in: $0.text, kind: span.kind) }.max() ?? 0
                    highest[span.kind] = max(highest[span.kind] ?? 0, held)
                }
                let number = (highest[span.kind] ?? 0) + 1
                highest[span.kind] = number
                let given = span.kind.placeholder(number: number > 1 ? number : nil)
                placeholders[span.kind, default: [:]][key] = given
                return given
            }
            // Numbered in reading order, then replaced from the end (offsets stay valid).
            let given = found.map(placeholder)
            var output = ns
            for (span, placeholder) in zip(found, given).reversed() {
                output = output.replacingCharacters(in: span.range, with: placeholder) as NSString
            }
            for (span, placeholder) in zip(found, given) {
                var finding = PersonalDataFinding(
                    file: file, unit: position, unitID: unit.id, language: languageText(language), kind: span.kind, placeholder: placeholder,
                    original: ns.substring(with: span.range), start: Self.scalarOffset(text, utf16: span.range.location),
                    end: Self.scalarOffset(text, utf16: span.range.location + span.range.length))
                finding.field = field
                findings.append(finding)
            }
            return output as String
        }
        func cleanProperties(_ properties: inout [Property], prefix: String, language: LanguageTag?) {
            for index in properties.indices where !Self.structuralProperties.contains(properties[index].type) {
                let property = properties[index]
                let field = "\(prefix)property:\(property.type)"
                if Self.userProperties.contains(property.type.lowercased()) || Self.isAccountOfPerson(property) {
                    properties[index].value = user(property.value, field: field, language: language) ?? ""
                } else if let file = Self.fileNameOfLocalPath(property.value) {
                    // A path (Trados `x-Document`, OmegaT `file`): its file name, scrubbed as an
                    // origin is (review 1130f M1, `PersonalDataPaths`).
                    properties[index].value = clean(file, field: field, language: language, identifier: true)
                } else if Self.roleProperty(property.type) == nil, Self.isFileName(property.value) {
                    // A relative path or a bare file name (OmegaT's `notes/visa-Mr-Sok-Dara.txt`):
                    // kept whole, read as an origin is, `_ - .` as spaces (review 1130i M3).
                    properties[index].value = clean(property.value, field: field, language: language, identifier: true)
                } else {
                    properties[index].value = clean(property.value, field: field, language: language, label: Self.roleProperty(property.type))
                }
            }
        }
        // Tags, not their text: a finding spells its language, most units make none (a tag's
        // `description` joins its subtags into a new string each time).
        let source = unit.variants.first?.language
        unit.metadata.creationUser = user(unit.metadata.creationUser, field: "creation-user", language: source)
        unit.metadata.changeUser = user(unit.metadata.changeUser, field: "change-user", language: source)
        for index in unit.metadata.attributes.indices where Self.userAttributes.contains(unit.metadata.attributes[index].type) {
            let attribute = unit.metadata.attributes[index]
            unit.metadata.attributes[index].value = user(attribute.value, field: "attribute:\(attribute.type)", language: source) ?? ""
        }
        for index in unit.variants.indices {
            let language = unit.variants[index].language
            for slot in unit.variants[index].attributes.indices where Self.userAttributes.contains(unit.variants[index].attributes[slot].type) {
                let attribute = unit.variants[index].attributes[slot]
                unit.variants[index].attributes[slot].value = user(attribute.value, field: "variant-attribute:\(attribute.type)", language: language) ?? ""
            }
        }
        // Written only where there is something to clean: a write to a variant's notes or
        // properties copies the unit's variants array (the caller still holds the original).
        if !unit.metadata.notes.isEmpty { unit.metadata.notes = unit.metadata.notes.map { clean($0, field: "note", language: source) } }
        if !unit.metadata.properties.isEmpty { cleanProperties(&unit.metadata.properties, prefix: "", language: source) }
        // The origin names the file imported from: a file named after the person it concerns
        // ("visa Mr. Sok Dara passport N0123456.tmx") must not put them in every unit.
        // Its placeholders are numbered on their own (review 1130d m4): every unit of a file
        // names the file the same way, so one file stays one origin even when a unit's note or
        // id holds another value of the kind first (`{EMAIL}_visa.tmx`, not `{EMAIL2}_…` for
        // that unit alone). Values found in the unit's texts are still looked for in it.
        if let origin = unit.metadata.origin {
            let saved = (placeholders, highest, scanned)
            (placeholders, highest, scanned) = ([:], [:], KindSet.all)
            unit.metadata.origin = clean(origin, field: "origin", language: source, identifier: true)
            (placeholders, highest, scanned) = saved
        }
        unit.metadata.previousContext = unit.metadata.previousContext.map { clean($0, field: "previous-context", language: source) }
        unit.metadata.nextContext = unit.metadata.nextContext.map { clean($0, field: "next-context", language: source) }
        for index in unit.variants.indices {
            let language = unit.variants[index].language
            if !unit.variants[index].notes.isEmpty {
                unit.variants[index].notes = unit.variants[index].notes.map { clean($0, field: "variant-note", language: language) }
            }
            if !unit.variants[index].properties.isEmpty {
                cleanProperties(&unit.variants[index].properties, prefix: "variant-", language: language)
            }
        }
        // Inline codes (review 1130i M1): a Word hyperlink's `mailto:` in a Trados `<bpt>`, a
        // footnote's `<sub>` text, an XLIFF `equiv-text` are as personal as the text around
        // them, and export writes them back verbatim. Their text is scrubbed like a note (the
        // values the texts gave keep their placeholders); markup, ids and types stay.
        for index in unit.variants.indices where !unit.variants[index].tags.isEmpty {
            let language = unit.variants[index].language
            var tags = unit.variants[index].tags
            var changed = false
            for slot in tags.indices {
                let field = "tag:\(tags[slot].kind.rawValue)"
                if !tags[slot].content.isEmpty {
                    let content = Self.mapTextRuns(ofCode: tags[slot].content) { clean($0, field: field, language: language) }
                    if let content { tags[slot].content = content; changed = true }
                }
                for attribute in tags[slot].attributes.indices where !Self.structuralTagAttributes.contains(tags[slot].attributes[attribute].type) {
                    let value = tags[slot].attributes[attribute].value
                    let cleaned = clean(value, field: "\(field)@\(tags[slot].attributes[attribute].type)", language: language)
                    if !Self.sameBytes(cleaned, value) { tags[slot].attributes[attribute].value = cleaned; changed = true }
                }
            }
            if changed { unit.variants[index].tags = tags }
        }
        // The unit's identifier (TMX `tuid`, XLIFF `id`) last, so every finding above names the
        // unit by the id it had: tools mint ids from user accounts and e-mail addresses
        // (`sokha.chan@mfa.gov.kh-0001` → `{EMAIL}-0001`), and an id is stored and exported as is
        // (review 1130 M4).
        if let id = unit.id { unit.id = clean(id, field: "id", language: source, identifier: true) }
    }

    /// Scrubs the variant texts, numbering placeholders consistently across variants; returns
    /// the values found, with their placeholders, for the unit's other texts.
    ///
    /// After the pattern pass, every value found in any variant is looked for as a literal in
    /// every variant (`KnownValue`): "John Smith" after "Mr." in English goes from the French
    /// "remercie John Smith" too, with the same placeholder. Numbering: `numberValues`.
    func scrubTexts(_ unit: TranslationUnit, file: String, position: Int, carrying carried: [KnownValue] = [])
        -> (unit: TranslationUnit, findings: [PersonalDataFinding], known: [KnownValue], names: [KnownValue]) {
        var perVariant: [[Span]] = unit.variants.map { variant in
            let found = spans(in: variant.text)
            // Most texts hold no span: nothing more to read.
            guard !found.isEmpty else { return found }
            return found.map { span in
                var keyed = span
                keyed.key = Self.valueKey(Self.substring(variant.text, span.range))
                return keyed
            }
        }
        // The names of the unit before, where they stand outside what the patterns found here
        // (none carried: no work).
        if !carried.isEmpty {
            for index in perVariant.indices {
                let repeats = Self.literalSpans(of: carried, in: unit.variants[index].text, outside: perVariant[index])
                guard !repeats.isEmpty else { continue }
                perVariant[index] = (perVariant[index] + repeats.map { var span = $0; span.carried = true; return span })
                    .sorted { $0.range.location < $1.range.location }
            }
        }
        guard perVariant.contains(where: { !$0.isEmpty }) else { return (unit, [], [], []) }
        // Each distinct value once, in the order first found: the patterns' first, then the
        // carried ones (the same order as before when nothing is carried).
        var known: [KnownValue] = []
        var seen: Set<String> = []
        // Each value as first written, for `crossWritingSpans`.
        var originals: [String: String] = [:]
        var ownCount = 0
        for pass in carried.isEmpty ? [false] : [false, true] {
            if pass { ownCount = known.count }
            for (index, spans) in perVariant.enumerated() {
                let text = unit.variants[index].text
                for span in spans where span.carried == pass && seen.insert("\(span.kind.rawValue)\u{0}\(span.key ?? "")").inserted {
                    let original = Self.substring(text, span.range)
                    if let value = KnownValue(kind: span.kind, value: original) {
                        known.append(value)
                        originals[value.key] = originals[value.key] ?? original
                    }
                }
            }
        }
        // The values the patterns found here, to carry to the next unit (nothing carried is).
        let names = Self.namesToCarry(Array(known[..<(carried.isEmpty ? known.count : ownCount)]))
        // The first two words of a longer name, looked for in this unit too, as the person's own
        // writing: a signature block segmented as one unit ("Mr. P. Buwalda Harer Majesteits …
        // (w.g.) P. BUWALDA") names the person again there, not in the next unit.
        let leads = Self.nameLeads(Array(known[..<(carried.isEmpty ? known.count : ownCount)]))
        for lead in leads where !seen.contains("\(lead.value.kind.rawValue)\u{0}\(lead.value.key)") { known.append(lead.value) }
        let leadOwners = Dictionary(leads.map { ($0.value.key, $0.owner) }, uniquingKeysWith: { first, _ in first })
        for index in perVariant.indices {
            var repeats = Self.literalSpans(of: known, in: unit.variants[index].text, outside: perVariant[index])
            // The same date of birth or number written another way (review 1130d M1).
            repeats += Self.crossWritingSpans(of: known, originals: originals, in: unit.variants[index].text, outside: perVariant[index] + repeats)
            if !repeats.isEmpty { perVariant[index] = (perVariant[index] + repeats).sorted { $0.range.location < $1.range.location } }
        }
        // Writings of one phone number (`+33 1 45 03 47 20`, `01 45 03 47 20`) are one value
        // for numbering, so two numbers given in another order keep their placeholders (review 1130e M1).
        let writings = Self.phoneWritings(perVariant, texts: unit.variants.map(\.text))
        // A surname alone after the full name is that person (review 1130h m4, `PersonalDataSurnames`).
        let owners = Self.surnameOwners(perVariant, texts: unit.variants.map(\.text))
        func numbered(_ kind: PersonalDataKind, _ key: String) -> String {
            switch kind {
            case .phone: writings[key] ?? key
            case .person: owners[leadOwners[key] ?? key] ?? leadOwners[key] ?? key
            default: key
            }
        }
        let keys: [[PersonalDataKind: [String]]] = perVariant.map { spans in
            var byKind: [PersonalDataKind: [String]] = [:]
            for span in spans {
                let key = numbered(span.kind, span.key ?? "")
                if !(byKind[span.kind]?.contains(key) ?? false) { byKind[span.kind, default: []].append(key) }
            }
            return byKind
        }
        let numbers = Self.numberValues(keys)
        // Unnumbered (`{PERSON}`) when each variant holds one value of the kind, all numbered 1.
        func placeholder(_ kind: PersonalDataKind, _ key: String) -> String {
            let number = numbers[kind]?[numbered(kind, key)] ?? 1
            return kind.placeholder(number: (numbers[kind]?.values.max() ?? 1) > 1 ? number : nil)
        }
        for index in known.indices { known[index].placeholder = placeholder(known[index].kind, known[index].key) }
        var result = unit
        var findings: [PersonalDataFinding] = []
        for (index, spans) in perVariant.enumerated() where !spans.isEmpty {
            let text = unit.variants[index].text
            var replacements: [(range: NSRange, placeholder: String)] = []
            for span in spans {
                let placeholder = placeholder(span.kind, span.key ?? "")
                replacements.append((span.range, placeholder))
                findings.append(PersonalDataFinding(
                    file: file, unit: position, unitID: unit.id, language: languageText(unit.variants[index].language),
                    kind: span.kind, placeholder: placeholder, original: Self.substring(text, span.range),
                    start: Self.scalarOffset(text, utf16: span.range.location),
                    end: Self.scalarOffset(text, utf16: span.range.location + span.range.length)))
            }
            result.variants[index] = Self.replace(unit.variants[index], replacements)
        }
        return (result, findings, known, names)
    }

    /// The free texts `scrubFreeText` cleans, each with the role label its property type names
    /// (`roleProperty`): notes, non-structural property values (not the user-carrying ones,
    /// replaced whole), contexts, of the unit and of each variant. Not the origin and the unit's
    /// id, read as identifiers (`identifierSpans`).
    ///
    /// Visited in order, not listed: the list (and the two-element array of the contexts) cost
    /// about 2,600 instructions a unit, almost all allocation, for the two context texts most
    /// units carry (callgrind, 20,000 units, 30 Nov).
    static func forEachFreeText(of unit: TranslationUnit, _ body: (String, String?) -> Void) {
        func properties(_ list: [Property]) {
            for property in list where !structuralProperties.contains(property.type) && !userProperties.contains(property.type.lowercased()) {
                body(property.value, roleProperty(property.type))
            }
        }
        for note in unit.metadata.notes { body(note, nil) }
        properties(unit.metadata.properties)
        if let context = unit.metadata.previousContext { body(context, nil) }
        if let context = unit.metadata.nextContext { body(context, nil) }
        for variant in unit.variants {
            for note in variant.notes { body(note, nil) }
            properties(variant.properties)
        }
    }

    /// Whether `a` and `b` hold the same UTF-8 bytes (scalar for scalar, where `==` compares
    /// canonical equivalence). O(n), one `memcmp`; texts of different lengths answer at once.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard let xs = x.baseAddress, let ys = y.baseAddress else { return x.count == y.count }
                return memcmp(xs, ys, x.count) == 0
            }
        }
    }

    /// The highest number among the placeholders of `kind` already in `text` (`{PERSON}` is 1),
    /// 0 if none. Cost: a substring search, only when a free text holds a new value.
    static func highestPlaceholder(in text: String, kind: PersonalDataKind) -> Int {
        var highest = 0
        var rest = text[...]
        while let open = rest.range(of: "{\(kind.rawValue)") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            highest = max(highest, placeholderNumber(String(rest[open.lowerBound...close]), kind: kind))
            rest = rest[close...]
        }
        return highest
    }

    /// The number a placeholder of `kind` holds: 2 for `{PERSON2}`, 1 for the bare `{PERSON}`
    /// (the one value of its kind), 0 for anything else.
    static func placeholderNumber(_ placeholder: String, kind: PersonalDataKind) -> Int {
        let prefix = "{\(kind.rawValue)"
        guard placeholder.hasPrefix(prefix), placeholder.hasSuffix("}") else { return 0 }
        let digits = placeholder.dropFirst(prefix.count).dropLast()
        return digits.isEmpty ? 1 : Int(digits) ?? 0
    }

    /// Case-, space- and digit-script-insensitive identity of a value, for numbering: spaces,
    /// NBSP, U+200B and full stops dropped, Khmer digits read as ASCII ones.
    ///
    /// An ASCII value is keyed byte by byte (`asciiValueKey`), which gives what the scalar path
    /// gives it: ASCII lower-casing is byte by byte, its white space (`White_Space`) is U+0009–
    /// U+000D and the space, and an ASCII digit is written as itself. Why: per scalar, a
    /// property look-up and an append to a growing string cost about 5,700 instructions a
    /// value (12.6 million on the 20,000-unit slice, callgrind 30 Nov), for values of a few bytes.
    static func valueKey(_ value: String) -> String {
        asciiValueKey(value) ?? khmerValueKey(value) ?? valueKeyByScalars(value)
    }

    /// `valueKey` of a value whose scalars are all ASCII, Khmer (U+1780–U+17FF), NBSP or U+200B
    /// (nil for any other), by bytes: ASCII as `asciiValueKey`, NBSP (White_Space) and U+200B
    /// dropped, a Khmer digit (E1 9F A0–A9) written as the ASCII one, any other Khmer scalar kept
    /// as it is — Khmer has no case (`lowercased()` keeps it) and no white space.
    /// Why: a Khmer name or number went through `lowercased()` and a property look-up and
    /// string append per scalar, about 9,600 instructions a value, 39 million on the 3,000-unit
    /// Khmer slice (callgrind, 1 Dec). `PrivacyS12FastPathTests` holds it equal to
    /// `valueKeyByScalars` on khPOS words and lines, the notes and random Khmer.
    static func khmerValueKey(_ value: String) -> String? {
        var value = value
        return value.withUTF8 { bytes -> String? in
            let n = bytes.count
            var key: [UInt8] = []
            key.reserveCapacity(n)
            var i = 0
            while i < n {
                let byte = bytes[i]
                if byte < 0x80 {
                    if !(byte >= 0x09 && byte <= 0x0D) && byte != 0x20 && byte != 0x2E {
                        key.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                    }
                    i += 1
                } else if byte == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                    i += 2
                } else if byte == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x8B {
                    i += 3
                } else if byte == 0xE1, i + 2 < n, bytes[i + 1] == 0x9E || bytes[i + 1] == 0x9F {
                    if bytes[i + 1] == 0x9F, bytes[i + 2] >= 0xA0, bytes[i + 2] <= 0xA9 {
                        key.append(0x30 + bytes[i + 2] - 0xA0)
                    } else {
                        key.append(contentsOf: bytes[i..<(i + 3)])
                    }
                    i += 3
                } else {
                    return nil
                }
            }
            return String(decoding: key, as: UTF8.self)
        }
    }

    /// `valueKey` of an ASCII value (nil for any other), by bytes.
    static func asciiValueKey(_ value: String) -> String? {
        var value = value
        return value.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var count = 0
                for byte in bytes where !(byte >= 0x09 && byte <= 0x0D) && byte != 0x20 && byte != 0x2E {
                    buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    count += 1
                }
                return count
            }
        }
    }

    /// `valueKey` scalar by scalar, for any text: the reference the ASCII path must equal
    /// (`PrivacyFilterEquivalenceTests`).
    static func valueKeyByScalars(_ value: String) -> String {
        var key = ""
        for scalar in value.lowercased().unicodeScalars where !scalar.properties.isWhitespace && scalar != "\u{200B}" && scalar != "." {
            if let digit = digitValue(scalar) { key += String(digit) } else { key.unicodeScalars.append(scalar) }
        }
        return key
    }

    /// `(text as NSString).substring(with: range)`, read from the string's own storage when
    /// both ends of `range` fall on scalars (as every span's do: they come from ICU matches and
    /// literal scans, which match whole scalars); else from `NSString`, as before. Same text
    /// either way: the same UTF-16 units, made a string. Why: the bridge and `NSString`'s
    /// substring cost about 7,000 instructions per call on Linux (callgrind, 30 Nov), several
    /// times the index walk, for every value found and every finding reported.
    static func substring(_ text: String, _ range: NSRange) -> String {
        let utf16 = text.utf16
        if range.location >= 0, range.length >= 0, range.location + range.length <= utf16.count,
           let lower = utf16.index(utf16.startIndex, offsetBy: range.location, limitedBy: utf16.endIndex),
           let upper = utf16.index(lower, offsetBy: range.length, limitedBy: utf16.endIndex),
           lower.samePosition(in: text.unicodeScalars) != nil, upper.samePosition(in: text.unicodeScalars) != nil {
            return String(text.unicodeScalars[lower..<upper])
        }
        return (text as NSString).substring(with: range)
    }

    ///
    /// Read off the UTF-8 bytes (a scalar of four bytes is two UTF-16 units, any other one):
    /// the index walk (`scalarOffsetByIndex`) cost about 2,700 instructions a call, two calls a
    /// finding (callgrind, 30 Nov). An offset that falls inside a scalar or past the end is left
    /// to the index walk, as before.
    static func scalarOffset(_ text: String, utf16 offset: Int) -> Int {
        var copy = text
        let walked: Int? = copy.withUTF8 { bytes in
            var units = 0, scalars = 0, index = 0
            while units < offset, index < bytes.count {
                let byte = bytes[index]
                let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                units += length == 4 ? 2 : 1
                scalars += 1
                index += length
            }
            return units == offset ? scalars : nil
        }
        return walked ?? scalarOffsetByIndex(text, utf16: offset)
    }

    /// `scalarOffset` through `String.Index`: the reference (`PrivacyFilterEquivalenceTests`).
    static func scalarOffsetByIndex(_ text: String, utf16 offset: Int) -> Int {
        let index = String.Index(utf16Offset: offset, in: text)
        return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index)
    }

    /// Applies replacements (sorted, non-overlapping) and moves inline tags accordingly: a tag
    /// after a replacement shifts by the change in length; a tag inside one moves to its start.
    static func replace(_ variant: Variant, _ replacements: [(range: NSRange, placeholder: String)]) -> Variant {
        var result = variant
        let text = variant.text
        var output = ""
        var cursor = text.startIndex
        var shifts: [(start: Int, end: Int, delta: Int)] = []
        for (range, placeholder) in replacements {
            let lower = String.Index(utf16Offset: range.location, in: text)
            let upper = String.Index(utf16Offset: range.location + range.length, in: text)
            output += text[cursor..<lower]
            output += placeholder
            cursor = upper
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: lower)
            let end = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: upper)
            shifts.append((start, end, placeholder.unicodeScalars.count - (end - start)))
        }
        output += text[cursor...]
        result.text = output
        if !variant.tags.isEmpty {
            result.tags = variant.tags.map { tag in
                var moved = tag
                var delta = 0
                for shift in shifts {
                    if tag.position >= shift.end {
                        delta += shift.delta
                    } else if tag.position > shift.start {
                        delta += shift.start - tag.position
                        break
                    } else {
                        break
                    }
                }
                moved.position = tag.position + delta
                return moved
            }
        }
        return result
    }
}
