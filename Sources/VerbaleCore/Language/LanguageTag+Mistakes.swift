/// Tags that are a common mistake for one of Verbale's languages.
///
/// Why: Cambodian tools and spreadsheets often tag Khmer `kh`/`kh-KH` (KH is Cambodia's
/// *country* code; Khmer's language code is `km`) or `khm` (ISO 639-2, not valid where BCP 47 has
/// a two-letter code). Such texts are stored under a foreign tag and never offered as Khmer, so
/// the import warning names the right code and the `--lang-map` that fixes it. Cost: a lookup.
extension LanguageTag {
    /// The supported language a mistaken tag most likely meant (`kh-KH` → Khmer), or nil.
    public var likelyMeant: Language? {
        guard language == nil else { return nil }
        switch primary.lowercased() {
        case "kh", "khm": return .khmer
        case "eng": return .english
        case "fra", "fre": return .french
        default: return nil
        }
    }
}
