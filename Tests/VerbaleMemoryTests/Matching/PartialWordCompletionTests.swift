import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Review 1130e m4: completions over the shipped formulas gave nothing for French typed with an
/// elision (« … et a l'honneur d' ») nor for a half-typed last word ("…has the honour to inf"),
/// and « présente ses compliments au Ministère » found « présente ses compliments à » at 75 %
/// only (« au » is « à » + « le »).
@Suite("Completions of an elision and of a half-typed word; French contractions match their preposition")
struct PartialWordCompletionTests {
    let finder: PhraseFinder

    init() throws {
        finder = try PhraseFinder.shippedFormulas()
    }

    func completions(_ text: String, _ language: Language, limit: Int = 5) throws -> [PhraseCompletion] {
        finder.completions(of: try finder.matcher.analyse(text, language: language), limit: limit)
    }

    @Test("« … et a l'honneur d' » (straight and typographic apostrophe) offers « d'informer » and « d'accuser réception de »",
          arguments: ["L'Ambassade présente ses compliments au Ministère et a l'honneur d'",
                      "L’Ambassade présente ses compliments au Ministère et a l’honneur d’"])
    func frenchElision(_ text: String) throws {
        let offered = try completions(text, .french)
        let phrases = offered.map(\.phrase)
        #expect(phrases.contains("a l'honneur d'informer"), "\(phrases)")
        #expect(phrases.contains("a l'honneur d'accuser réception de"), "\(phrases)")
        // Only phrases that continue the elided « d' »: not « de proposer ».
        #expect(offered.allSatisfy { $0.completion.hasPrefix("d'") && $0.typed.count == 2 }, "\(offered.map { ($0.typed, $0.completion) })")
        let inform = try #require(offered.first { $0.phrase == "a l'honneur d'informer" })
        // Below 100 with « ’ »: the phrase is written with « ' », a form difference the cost
        // model charges (97, as « …l’honneur de » gets against « a l'honneur de proposer »).
        #expect(inform.completion == "d'informer" && inform.score >= (text.contains("’") ? 95 : 100))
        #expect(inform.translations["en"] == "has the honour to inform")
        let scalars = Array(text.unicodeScalars)
        #expect(inform.end == scalars.count)
        #expect(String(String.UnicodeScalarView(scalars[inform.start..<inform.end])).hasPrefix("a l"))
    }

    @Test("\"…has the honour to inf\" offers \"inform\" (typed \"inf\") and nothing the letters do not begin")
    func halfTypedEnglish() throws {
        let offered = try completions("The Embassy presents its compliments to the Ministry and has the honour to inf", .english)
        let first = try #require(offered.first, "no completion")
        #expect(first.phrase == "has the honour to inform", "\(offered.map(\.phrase))")
        #expect(first.completion == "inform" && first.typed == "inf" && first.score == 100)
        #expect(offered.allSatisfy { $0.completion.hasPrefix("inf") }, "\(offered.map(\.completion))")
    }

    @Test("A half-typed French word: « … a l'honneur de prop » offers « proposer »")
    func halfTypedFrench() throws {
        let offered = try completions("L'Ambassade présente ses compliments au Ministère et a l'honneur de prop", .french)
        let first = try #require(offered.first, "no completion")
        #expect(first.completion.hasPrefix("proposer") && first.typed == "prop", "\(offered.map(\.completion))")
    }

    @Test("A whole last word is completed as before: nothing typed, the next words follow (EN, FR)")
    func wholeWord() throws {
        let english = try completions("The Embassy presents its compliments to the Ministry and has the honour to", .english, limit: 10)
        #expect(english.contains { $0.completion == "inform" && $0.typed.isEmpty })
        #expect(english.contains { $0.completion == "propose" && $0.typed.isEmpty })
        let french = try completions("L'Ambassade présente ses compliments au Ministère et a l'honneur de", .french)
        #expect(french.contains { $0.completion == "proposer" && $0.typed.isEmpty }, "\(french.map(\.completion))")
    }

    @Test("Khmer completions keep working, with and without U+200B between words",
          arguments: ["ស្ថានទូតសូមឆ្លៀតឱកាសនេះ", "ស្ថានទូត\u{200B}សូម\u{200B}ឆ្លៀត\u{200B}ឱកាស\u{200B}នេះ"])
    func khmer(_ text: String) throws {
        let offered = try completions(text, .khmer)
        #expect(!offered.isEmpty)
        #expect(offered.allSatisfy { $0.typed.isEmpty && !$0.completion.isEmpty })
    }

    @Test("« présente ses compliments au Ministère » finds « présente ses compliments à » fully (au = à + le); « réception du » finds « … réception de »",
          arguments: [("L'Ambassade présente ses compliments au Ministère des Affaires étrangères.", "présente ses compliments à", "présente ses compliments au"),
                      ("L'Ambassade présente ses compliments aux Missions diplomatiques.", "présente ses compliments à", "présente ses compliments aux"),
                      ("L'Ambassade a l'honneur d'accuser réception du courrier du Ministère.", "a l'honneur d'accuser réception de", "a l'honneur d'accuser réception du")])
    func contraction(_ text: String, _ phrase: String, _ span: String) throws {
        let found = finder.phrases(in: try finder.matcher.analyse(text, language: .french))
        let match = try #require(found.first { $0.phrase == phrase }, "\(found.map { "\($0.phrase) \($0.score)" })")
        #expect(match.score == 100)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[match.start..<match.end])) == span)
    }

    @Test("« à » itself still matches « à » fully")
    func contractionOnlyFrench() throws {
        let french = finder.phrases(in: try finder.matcher.analyse("L'Ambassade présente ses compliments à Leurs Excellences.", language: .french))
        #expect(french.contains { $0.phrase == "présente ses compliments à" && $0.score == 100 })
    }
}
