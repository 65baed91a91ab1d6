/// Khmer country names that cited Khmer texts write, where they confirm CLDR's name against the
/// iso-codes `km` catalogue's.
///
/// Why: the catalogue transliterates some names from French — Singapore as សាំងហ្គាពួរ — where
/// Cambodian writing uses another form, which CLDR also gives (សិង្ហបុរី). With the catalogue's
/// name preferred, `draft new` wrote ក្រសួងការបរទេសនៃសាំងហ្គាពួរ above ធ្វើនៅទីក្រុងសិង្ហបូរី in one
/// note (review 1130g m9). A row here makes CLDR's name the preferred short name and the
/// catalogue's short name a doubted one (`KhmerNameDoubts`: admitted, unreviewed, after it);
/// a formal name built on the doubted short name is then doubted too (it contains none of the
/// sound short names). Only names a cited text attests go here, with that text.
enum KhmerNameUsage {
    struct Usage {
        /// The name as the cited texts write it (the same as CLDR's, compared without spaces).
        var name: String
        /// Where it is written (no outlet's name in two capitalised words: the personal-data
        /// scrubber reads "Oknha News" as a person's name when a termbase is imported).
        var source: String
    }

    /// By ISO 3166-1 alpha-2 code.
    static let attested: [String: Usage] = [
        "SG": Usage(name: "សិង្ហបុរី",
                    source: "the Cambodian news sites dap-news.com/national/2021/03/31/131444 (31 March 2021: ឯកអគ្គរដ្ឋទូតថ្មីសិង្ហបុរី, "
                        + "កម្ពុជា-សិង្ហបុរី) and oknha.news/?p=22864 (ឯកអគ្គរដ្ឋទូតថ្មីរបស់សិង្ហបុរី)"),
    ]
}
