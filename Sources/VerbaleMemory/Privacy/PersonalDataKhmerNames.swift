/// What may stand after a Khmer title as a name.
///
/// Why: លោក ("Mr") is also Khmer's ordinary pronoun "he/you", and លោកស្រី, អ្នកស្រី, ឯកឧត្តម and
/// សម្តេច are used the same way, so in running Khmer a title is followed by a verb, a negation
/// or an auxiliary far more often than by a name: `លោក​មិន​បាន​មក​ទេ។` ("he did not come"),
/// `លោក​ថ្លែង​ថា…` ("he stated that…"), `លោក​ត្រូវ​ចុះហត្ថលេខា…` ("you must sign…"), `លោក​ទាំងអស់`
/// ("all of you"), the courtesy formula `លោក​អញ្ជើញ​ចូល` ("please come in, sir"). Read as title +
/// name, these lost their meaning for good (acceptance review 1130, M3: 10,733 replacements on
/// 20,000 khPOS-hosted units, with មិន, ថ្លែង​ថា, ឧបការី​រង among the top "names").
///
/// The lists are closed classes of Khmer grammar, written by hand by class: negations,
/// auxiliaries and modals, the copula, verbs of saying and the commonest verbs, pronouns and
/// quantifiers, prepositions and conjunctions, offices said after លោក, and the honorifics that
/// stack after a title (លោក​ឧកញ៉ា, "Mr Oknha"). They were checked against the khPOS sample
/// (`../shared/data/khmer/khpos-train-sample.word`, CC BY-NC-SA: used to check, not shipped):
/// tagged in context with khmer-nltk's CRF tagger (trained on khPOS), the 33 words of these
/// lists that follow a title there are verbs (`v`: បាន, ថ្លែង, ពោល, អះអាង…), particles,
/// negations and auxiliaries (`o`: មិន, កំពុងតែ…), adjectives (`a`: ផ្ទាល់, អតីត) or nouns that
/// are offices and ranks (`n`: ឧបការី, ប្រធានាធិបតី, តុលាការ, ចៅក្រម, ឧកញ៉ា); and every
/// replacement the lists removed from an import of the sample was read (five that were names
/// there — នាង, ជឿ, ជួយ, ហាក់, ណា — were taken out of the lists). Words that are common words
/// *and* common names are left out on purpose, so their names are still replaced: ជា
/// ("to be", and the surname Chea), មាន ("to have", Mean), គិត ("to think", Kith: "ឧកញ៉ា គិត ម៉េង",
/// khPOS line 996), សុខ, ចាន់, រស់, ស្រី, ចម្រើន, កញ្ញា.
///
/// Cost: two negative look-aheads in the Khmer title expression (`khmerRefusal`), tried only
/// right after a Khmer title.
extension PersonalDataScrubber {
    /// Words that never begin a name after a Khmer title.
    static let khmerNotNames: Set<String> = {
        let negations = ["មិន", "មិនមែន", "មិនដែល", "មិនបាន", "ពុំ", "ពុំមែន", "ពុំដែល", "ពុំបាន", "អត់", "គ្មាន", "កុំ", "ឥត"]
        let auxiliaries = ["បាន", "នឹង", "កំពុង", "កំពុងតែ", "ត្រូវ", "ត្រូវបាន", "ត្រូវតែ", "គួរ", "គួរតែ", "អាច", "ធ្លាប់", "ទើប", "ទើបតែ",
                           "តែង", "តែងតែ", "នៅតែ", "ប្រហែល", "ប្រហែលជា", "ហាក់ដូចជា", "ចង់", "ត្រូវការ", "ក៏", "ក៏បាន", "ស្រាប់តែ",
                           "គឺ", "គឺជា", "ពិតជា", "មុខជា", "សឹង", "រមែង", "ទំនង", "ទំនងជា", "ច្បាស់ជា", "ដែល"]
        let saying = ["ថា", "ថ្លែង", "ថ្លែងថា", "និយាយ", "មានប្រសាសន៍", "បញ្ជាក់", "ពោល", "អះអាង", "ប្រាប់", "សួរ", "ឆ្លើយ", "លើកឡើង",
                      "បន្ត", "កត់សម្គាល់", "គូសបញ្ជាក់", "បន្ថែម", "ពន្យល់", "រំលឹក", "ស្នើ", "ស្នើសុំ", "សុំ", "សូម", "អំពាវនាវ", "ប្រកាស",
                      "ជម្រាប", "ណែនាំ", "ទទូច", "អរគុណ", "ថ្លែងអំណរគុណ", "បដិសេធ", "ទទួលស្គាល់", "យល់ព្រម", "ព្រមាន", "សង្កត់ធ្ងន់",
                      "ចាត់ទុក", "យល់ឃើញ", "ជឿជាក់", "សង្ឃឹម", "ចោទ", "ចោទប្រកាន់", "ត្អូញត្អែរ", "ទាមទារ", "ឆ្លៀត"]
        let verbs = ["មក", "ទៅ", "ធ្វើ", "ទទួល", "ទទួលបាន", "អញ្ជើញ", "ចូល", "ចេញ", "ឃើញ", "ដឹង", "យល់", "ជួប", "ផ្តល់", "ផ្ដល់",
                     "ចុះហត្ថលេខា", "ចូលរួម", "ធ្វើដំណើរ", "ត្រឡប់", "ស្លាប់", "ព្រួយបារម្ភ", "ចែកចាយ", "មេត្តា", "ពិចារណា", "ប្រើ",
                     "ប្រើប្រាស់", "រង់ចាំ", "ស្គាល់", "ឈប់", "ចាប់ផ្តើម", "ចាប់ផ្ដើម", "បញ្ចប់", "សម្រេច", "សម្រេចចិត្ត", "ចាកចេញ", "មើល",
                     "ស្តាប់", "ស្ដាប់", "សរសេរ", "ផ្ញើ", "នាំ", "ដឹកនាំ", "ទិញ", "លក់", "បង់", "ឲ្យ", "អោយ", "ដាក់", "យក", "គាំទ្រ",
                     "ប្រឆាំង", "ការពារ", "បាត់ខ្លួន", "ស្នាក់នៅ", "រស់នៅ", "ធ្លាក់", "ទាក់ទង", "ស្វាគមន៍", "រីករាយ", "ប្រគល់", "អនុញ្ញាត"]
        let pronouns = ["ខ្ញុំ", "គាត់", "គេ", "វា", "យើង", "ពួកគេ", "ពួកយើង", "ឯង", "ខ្លួន", "ខ្លួនឯង", "ផ្ទាល់", "ទាំងអស់", "ទាំងពីរ",
                        "ទាំងបី", "ទាំង", "ទាំងឡាយ", "គ្រប់", "ម្នាក់", "ម្នាក់ៗ", "នេះ", "នោះ", "ដដែល", "ដែរ", "ហើយ", "វិញ", "ទៀត",
                        "អ្វី", "ប៉ុណ្ណោះ", "តើ", "ទេ", "ផង", "ណាស់", "ចុះ", "អើយ", "ម្ចាស់"]
        let linking = ["ជាមួយ", "ពី", "ដល់", "ក្នុង", "លើ", "ក្រោម", "ចំពោះ", "សម្រាប់", "ដោយ", "នៃ", "នូវ", "ប៉ុន្តែ", "ឬ", "រឺ", "ព្រោះ",
                       "ដោយសារ", "បើ", "ប្រសិនបើ", "ពេល", "ខណៈ", "តាម", "រវាង", "អំពី", "និង", "នៅ", "របស់", "ដើម្បី", "ឆ្នាំ", "ក៏ដូចជា", "ដូចជា"]
        // រង ("deputy") ends an office: "លោក​ឧបការី​រង".
        return Set(negations + auxiliaries + saying + verbs + pronouns + linking + khmerOfficesAfterTitle + khmerHonorifics + ["រង"])
    }()

    /// Offices said between a title and a name ("លោក​ប្រធានាធិបតី​អូបាម៉ា", "លោក​ឧត្តមសេនីយ៍​…"):
    /// never a name themselves, and the scrubber reads them like a stacked honorific, so the
    /// name after one still goes. (The offices of `offices`, checked word by word after the
    /// match, keep their behaviour: a name after them stays, as before.)
    static let khmerOfficesAfterTitle = ["ប្រធានាធិបតី", "តុលាការ", "ចៅក្រម", "ឧត្តមសេនីយ៍", "អតីត", "ឧបការី", "អនុ", "មេធាវី", "សាស្ត្រាចារ្យ",
                                         "សមាជិក", "ព្រះរាជអាជ្ញា", "ស្នងការ", "លេខាធិការ", "អគ្គនាយក", "អ្នកតំណាង", "ប្រធាននាយកដ្ឋាន", "អភិបាលរង",
                                         "រដ្ឋមន្រ្តី", "នាយករដ្ឋមន្រ្តី", "ឧបនាយករដ្ឋមន្រ្តី", "ទេសរដ្ឋមន្ត្រី", "អ្នកនាំពាក្យ", "សមាជិកព្រឹទ្ធសភា", "តំណាងរាស្ត្រ"]

    /// Honorifics that stack after a title or stand as one (`លោក​ឧកញ៉ា​…`, `សម្តេច​…`), each a
    /// rank, never a name: a scrubbed `លោក​ឧកញ៉ា​{PERSON}` imported again must not lose ឧកញ៉ា
    /// (review M12). Spellings as the khPOS sample writes them: ឧកញ៉ា (line 509 "លោក ឧកញ៉ា លី
    /// យ៉ុងផាត់", line 996 "ឧកញ៉ា គិត ម៉េង"), សម្តេច with ត (line 711) and សម្ដេច with ដ (line 670).
    static let khmerHonorifics = ["ឧកញ៉ា", "អ្នកឧកញ៉ា", "បណ្ឌិត", "វេជ្ជបណ្ឌិត", "សាស្ត្រាចារ្យបណ្ឌិត", "សម្តេច", "សម្ដេច", "តេជោ",
                                  "សម្តេចតេជោ", "សម្ដេចតេជោ", "ឯកឧត្តម", "ឯកឧត្ដម", "លោកជំទាវ", "លោកស្រី", "អ្នកស្រី", "លោក"]

    /// Words that end a name after a Khmer title: the second word of `លោក​សុខ​ថ្លែង…` is no part
    /// of the name. Every word of `khmerNotNames` but ថា, which ends many given names (ចាន់​ថា).
    static let khmerNameEnders: Set<String> = khmerNotNames.subtracting(["ថា"])

    /// Words no Khmer name begins with: a first word longer than them that begins with one of
    /// them, followed by a new syllable (a consonant or independent vowel), is a phrase written
    /// without U+200B ("មិនបានមកទេ"), not a name. Short words that begin names are not here
    /// (មក begins មករា, Makara).
    static let khmerNotNamePrefixes = ["មិន", "ពុំ", "បាន", "នឹង", "ត្រូវ", "កំពុង", "ថ្លែង", "គួរ", "អាច", "ធ្លាប់", "ទាំងអស់", "អញ្ជើញ",
                                       "ចុះហត្ថលេខា", "គ្មាន", "និយាយ", "មានប្រសាសន៍", "ជាមួយ", "បញ្ជាក់", "ទទួល", "ធ្វើ", "គឺ", "ដែល"]

    /// The regular-expression look-ahead body that refuses a word of `words` standing whole
    /// (followed by no Khmer letter: a separator, punctuation or the end), or, with `prefixes`,
    /// one of them glued before a new syllable (a consonant or independent vowel). Used as
    /// `(?!…)` before each word of a Khmer name, so the expression itself moves on to the next
    /// title when a title is followed by a verb ("លោក​ជួប​លោក​សុខ": the second លោក's name is
    /// still found). Longest words first. Cost: tried only right after a Khmer title.
    static func khmerRefusal(_ words: Set<String>, prefixes: [String] = []) -> String {
        let whole = words.sorted { ($0.unicodeScalars.count, $1) > ($1.unicodeScalars.count, $0) }.joined(separator: "|")
        var body = "(?:\(whole))(?![\\u1780-\\u17D3\\u17DD])"
        if !prefixes.isEmpty {
            let glued = prefixes.sorted { ($0.unicodeScalars.count, $1) > ($1.unicodeScalars.count, $0) }.joined(separator: "|")
            body += "|(?:\(glued))(?=[\\u1780-\\u17B3])"
        }
        return body
    }
}

/// Khmer titles written short, and បណ្ឌិត ("Dr.") standing alone as a title.
///
/// Why: ឯ.ឧ. is how Khmer letters, minutes and lists of participants abbreviate ឯកឧត្តម ("His
/// Excellency"), also spaced (ឯ. ឧ.) or without its last full stop (ឯ.ឧ); ល.ជ. abbreviates
/// លោកជំទាវ and ឧ.ក. ឧកញ៉ា the same way; and បណ្ឌិត (វេជ្ជបណ្ឌិត, medical) is "Dr." before a
/// name ("ដឹកនាំ​ដោយ​បណ្ឌិត ជា វណ្ណាត", "led by Dr. Chea Vannath"). The scrubber knew them only
/// after another title (លោក​បណ្ឌិត…), so the Khmer side of a unit kept the name its English side
/// lost (acceptance review 1130c, M4). The name after them is read as after ឯកឧត្តម: one or two
/// Khmer words — family and given name — that are no function word, verb or office.
///
/// បណ្ឌិត counts like លោក: not glued after a Khmer letter (សញ្ញាបត្របណ្ឌិត, "doctoral degree";
/// រាជបណ្ឌិត្យសភា, the Academy, is another word), except after a verb of address or a
/// preposition ("ដោយបណ្ឌិត…"), and a separator must follow it. The abbreviations need their
/// first full stop; a name may follow the last one without a space.
///
/// Cost: their own expression, run only on texts where the byte pass saw ឯ/ល/ឧ before a full
/// stop or បណ្ឌិត (`Triggers.khmerTitleAbbreviation`).
extension PersonalDataScrubber {
    static let khmerAbbreviatedTitles = "ឯ\\.[ \\u00A0\\u200B]?ឧ\\.?|(?<![\\u1780-\\u17D3])(?:ល\\.[ \\u00A0\\u200B]?ជ|ឧ\\.[ \\u00A0\\u200B]?ក)\\.?"
    static let khmerDoctorTitles = "(?:វេជ្ជ|សាស្ត្រាចារ្យ)?បណ្ឌិត"

    /// Khmer titles as English and French texts about Cambodia romanise them: Lok Chumteav
    /// (លោកជំទាវ, also spelled Chumtiev) and Lok (លោក, "Mr"), beside Samdech and Oknha. Not
    /// the Hindi `Lok` of Indian institutions (Lok Sabha, Lok Adalat…), which begins no name.
    static let romanisedKhmerTitles = "Lok\\s+Chum(?:teav|tiev)|Lok(?!\\s+(?:Sabha|Satta|Dal|Adalat|Janshakti|Nayak|Ayukta|Pal)\\b)"
}
