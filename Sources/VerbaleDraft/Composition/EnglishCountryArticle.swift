/// Whether an English country name takes "the" after "of" in an institution's name: "the
/// Ministry of Foreign Affairs of the French Republic", "of the Philippines", "of the United
/// States", but "of France", "of Cambodia".
///
/// Why: a name read back from Khmer or French was written "of " + the glossary's English, with
/// "the" only before a name starting "Kingdom of", "Republic of"… — so « ក្រសួងការបរទេសនៃ
/// សាធារណរដ្ឋបារាំង » became "… of French Republic" while the French had « de la République
/// française » (review 1130e m5).
///
/// The rule, in order:
/// - a name already starting with "the" keeps it (iso-codes writes "the State of Eritrea");
/// - a formal name (the glossary's `fullForm`, iso-codes' official names: "French Republic",
///   "Kingdom of Cambodia", "United Mexican States") takes it;
/// - a short name holding a common noun of state or territory takes it: "the Russian
///   Federation", "the United Kingdom", "the Czech Republic", "the United Arab Emirates", "the
///   Cayman Islands", "the Isle of Man", "the Holy See" — but not "Solomon Islands", whose UN
///   short name has no article, nor a single island ("Christmas Island");
/// - the short names the UN writes with "the" although they hold no such noun (UNTERM short
///   names): the Bahamas, the Comoros, the Congo, the Gambia, the Netherlands, the Niger, the
///   Philippines, the Sudan.
/// Evidence in `shared/data` (notes and Europarl EN): "of the Netherlands" 908 times, "of the
/// United States" 64, "of the Czech Republic" 22, "of the Kyrgyz Republic" 19, "of the Hellenic
/// Republic" 8, "of the Sudan" 6, against "of Netherlands" 16 and "of United Kingdom" 1, and
/// none of "of Czech Republic", "of Philippines" or "of Sudan".
enum EnglishCountryArticle {
    /// Words that make a name a common noun's phrase ("the … Republic", "the … Islands").
    static let commonNouns: Set<String> = ["Republic", "Kingdom", "Federation", "Confederation", "Union", "Emirates",
                                           "States", "Islands", "Territories", "Territory", "Commonwealth", "Principality",
                                           "Duchy", "Sultanate", "See", "Region", "Isle"]

    /// Short names the UN writes without "the" although they hold one of `commonNouns`.
    static let withoutArticle: Set<String> = ["Solomon Islands"]

    /// Short names the UN writes with "the" although they hold none of `commonNouns`.
    static let withArticle: Set<String> = ["Bahamas", "Comoros", "Congo", "Gambia", "Netherlands", "Caribbean Netherlands",
                                           "Niger", "Philippines", "Sudan"]

    /// `name` as it follows "of": with "the" when it takes it (see the type's rule).
    /// `formal`: the name is a formal (full) name, not a short one.
    static func afterOf(_ name: String, formal: Bool) -> String {
        takesArticle(name, formal: formal) ? "the " + name : name
    }

    static func takesArticle(_ name: String, formal: Bool) -> Bool {
        if name.lowercased().hasPrefix("the ") { return false }
        if formal { return true }
        if withoutArticle.contains(name) { return false }
        if withArticle.contains(name) { return true }
        return name.split(separator: " ").contains { commonNouns.contains(String($0)) }
    }
}
