import VerbaleCore

/// The warning `import` and `validate` give for a language tag that is none of Verbale's
/// languages, one wording for both (review 1130g m5: `validate --json` was silent about
/// `trgLang="kh"`, which `import` warned was Khmer mistagged).
///
/// Why shared: `validate` is the check a translator runs before `import`; a warning only the
/// import gives is found after the memory holds the texts under the wrong tag.
enum UnsupportedLanguageWarning {
    /// Whether a text tagged `tag` is stored as a language Verbale does not know: the import's
    /// rule (the primary subtag is none of en, fr, km). Cost: a few string compares.
    static func isUnsupported(_ tag: LanguageTag) -> Bool {
        Language(rawValue: tag.primary) == nil
    }

    /// What is said of `tag` read in `file`, without the `warning: ` prefix; a usual mistake
    /// for one of Verbale's languages (`kh-KH`) gets its code and the `--lang-map` that fixes it.
    static func message(file: String, tag: String) -> String {
        var hint = ""
        if let meant = (try? LanguageTag(parsing: tag))?.likelyMeant {
            hint = "; \(meant.englishName) is \"\(meant.rawValue)\": rerun with --lang-map \(tag)=\(meant.rawValue)"
        }
        return "\(file): the language \"\(tag)\" is not one Verbale supports (\(LanguageTag.supported.map(\.rawValue).joined(separator: ", "))); "
            + "its texts are stored as they are\(hint)"
    }
}
