import Foundation
import Testing
import VerbaleCore
@testable import VerbaleGlossary

/// Review 1130d m6: "contact Chad Smith or Jordan Lee" was read as Chad and Jordan, and
/// `draft translate` wrote « Tchad ⟦Smith or⟧ Jordanie ⟦Lee…⟧ ».
@Suite("Recognition: a one-word country name a surname follows is a person's first name")
struct PersonNameGuardTests {
    static let en = LanguageTag(.english), fr = LanguageTag(.french)

    func countries(_ text: String, _ language: LanguageTag, personNames: Bool = true) throws -> [String] {
        let termbase = try #require(KhmerText.shippedTermbase)
        return termbase.recognize(text, language: language, personNames: personNames)
            .filter { $0.concept.id.hasPrefix("iso3166") }.map { "\($0.text)=\($0.concept.id.suffix(2))" }
    }

    @Test("Chad Smith and Jordan Lee are people in English and French; Chad, Jordan, the Netherlands Government and CHAD stay countries",
          .enabled(if: KhmerText.shippedTermbase != nil, "needs Glossaries/"))
    func rule() throws {
        #expect(try countries("Please contact Chad Smith or Jordan Lee at the Embassy.", Self.en).isEmpty)
        #expect(try countries("Please contact Chad Smith or Jordan Lee at the Embassy.", Self.en, personNames: false) == ["Chad=TD", "Jordan=JO"])
        #expect(try countries("Veuillez contacter Jordan Lee ou Georgia Brown.", Self.fr).isEmpty)
        #expect(try countries("The Embassy of Chad and the Embassy of Jordan, Georgia and India.", Self.en) == ["Chad=TD", "Jordan=JO", "Georgia=GE", "India=IN"])
        #expect(try countries("the Netherlands Government and the Embassy of Cambodia", Self.en) == ["Netherlands=NL", "Cambodia=KH"])
        #expect(try countries("the Netherlands Embassy in Cambodia Thailand", Self.en).contains("Netherlands=NL"))
        #expect(try countries("EMBASSY OF CHAD SMITH", Self.en) == ["CHAD=TD"])
        #expect(try countries("L'Ambassade du Tchad Mahamat", Self.fr) == ["Tchad=TD"])
        #expect(try countries("Kingdom of Cambodia Ministry of Foreign Affairs", Self.en) == ["Kingdom of Cambodia=KH"])
    }

    /// Country occurrences with the rule and without, and the dropped ones in context.
    static func measure(_ lines: [String], _ language: LanguageTag, termbase: Termbase) -> (before: Int, after: Int, dropped: [String]) {
        var before = 0, after = 0
        var dropped: [String] = []
        for line in lines {
            let all = termbase.recognize(line, language: language, personNames: false).filter { $0.concept.id.hasPrefix("iso3166") }
            let kept = termbase.recognize(line, language: language).filter { $0.concept.id.hasPrefix("iso3166") }
            before += all.count
            after += kept.count
            for occurrence in all where !kept.contains(where: { $0.range == occurrence.range }) {
                let scalars = Array(line.unicodeScalars)
                let end = min(scalars.count, occurrence.range.upperBound + 20)
                dropped.append(String(String.UnicodeScalarView(scalars[occurrence.range.lowerBound..<end])))
            }
        }
        return (before, after, dropped)
    }

    @Test("Real notes (183 EN, 22 FR, the seed) and Europarl EN/FR: country mentions before and after the rule; what it drops is listed",
          .enabled(if: KhmerText.shippedTermbase != nil && SharedData.isAvailable, "needs Glossaries/ and ../shared/data"))
    func realText() throws {
        let termbase = try #require(KhmerText.shippedTermbase)
        let folder = try #require(SharedData.file("notes"))
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "txt" }
        var notes: [LanguageTag: [String]] = [:]
        for file in files {
            let language = file.lastPathComponent.hasPrefix("fr-") ? Self.fr : Self.en
            notes[language, default: []] += try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        var report: [String] = []
        var droppedAll: [String] = []
        for (name, lines, language) in [("notes en", notes[Self.en] ?? [], Self.en), ("notes fr", notes[Self.fr] ?? [], Self.fr),
                                        ("europarl en", ProperNounRecognitionTests.europarl("en"), Self.en),
                                        ("europarl fr", ProperNounRecognitionTests.europarl("fr"), Self.fr)] {
            let counts = Self.measure(lines, language, termbase: termbase)
            report.append("\(name): \(counts.before) → \(counts.after)")
            droppedAll += counts.dropped
            #expect(counts.after * 1000 >= counts.before * 995, "\(name): the rule keeps ≥ 99.5 % of country mentions (\(counts.before) → \(counts.after))")
        }
        print("country mentions before → after the first-name rule: " + report.joined(separator: "; "))
        print("dropped: " + droppedAll.joined(separator: " | "))
        #expect(files.count >= 200)
    }
}
