import Foundation
import Testing
import VerbaleCore
@testable import VerbaleGlossary

/// The Republic of Korea, which iso-codes gives only as "Korea, Republic of" (no official
/// name), gets its formal name in running order in the countries termbase: "Republic of
/// Korea" (the real notes' wording), « République de Corée », and a composed Khmer name
/// marked unreviewed; the catalogue's garbled Khmer comma form stays doubted.
@Suite("Countries: formal names in running order (Republic of Korea)")
struct RunningOrderNameTests {
    @Test("The comma form read in running order, and only the \"X, Y of\" form")
    func reordering() {
        #expect(RunningOrderNames.english("Korea, Republic of") == "Republic of Korea")
        #expect(RunningOrderNames.english("Congo, The Democratic Republic of the") == nil)
        #expect(RunningOrderNames.english("Saint Helena, Ascension and Tristan da Cunha") == nil)
        #expect(RunningOrderNames.english("France") == nil)
        #expect(RunningOrderNames.french("Corée, République de") == "République de Corée")
        // « de » would elide before a vowel: not guessed.
        #expect(RunningOrderNames.french("Iran, République islamique d'") == nil)
        #expect(RunningOrderNames.french("Ouzbékistan, République de") == nil)
        // The catalogue's word for the country, after the state word; only when CLDR's name begins with it.
        #expect(RunningOrderNames.khmer(english: "Korea, Republic of", catalogueComma: "កូរ៉េ សាធារណរដ្ឋ\u{200B}នៃរ៉េ", cldr: "កូរ៉េខាងត្បូង")
                == "សាធារណរដ្ឋ\u{200B}កូរ៉េ")
        #expect(RunningOrderNames.khmer(english: "Korea, Republic of", catalogueComma: "កូរ៉េ សាធារណរដ្ឋ\u{200B}នៃរ៉េ", cldr: "ជប៉ុន") == nil)
        #expect(RunningOrderNames.khmer(english: "Korea, Principality of", catalogueComma: "កូរ៉េ សាធារណរដ្ឋ", cldr: "កូរ៉េខាងត្បូង") == nil)
    }

    @Test("The generated KR concept: \"Republic of Korea\" and « République de Corée » as formal names citing iso-codes; សាធារណរដ្ឋកូរ៉េ preferred but unreviewed, with why; the garbled catalogue name still doubted",
          .enabled(if: CountryGlossary.Sources.debian.isAvailable, "iso-codes is not installed; skipped"))
    func korea() throws {
        let concepts = try CountryGlossary.generate()
        let korea = try #require(concepts.first { $0.id == "iso3166-1:KR" })
        let english = try #require(korea.terms(in: LanguageTag(.english)).first { $0.text == "Republic of Korea" })
        #expect(english.termType == "fullForm" && english.review != .unreviewed)
        #expect(english.source?.contains("iso-codes iso_3166-1.json") == true)
        let french = try #require(korea.terms(in: LanguageTag(.french)).first { $0.text == "République de Corée" })
        #expect(french.termType == "fullForm" && french.source?.contains("iso-codes fr translation") == true)
        let khmer = korea.terms(in: LanguageTag(.khmer))
        let composed = try #require(khmer.first { $0.text == "សាធារណរដ្ឋ\u{200B}កូរ៉េ" })
        #expect(composed.review == .unreviewed && composed.status == .preferred && composed.termType == "fullForm")
        #expect(composed.usageNote?.contains("composed by Verbale") == true)
        #expect(composed.source?.contains("composed by Verbale") == true)
        let garbled = try #require(khmer.first { $0.text.hasPrefix("កូរ៉េ សាធារណរដ្ឋ") })
        #expect(garbled.review == .unreviewed && garbled.status == .admitted)
        // No other country gains a running-order name.
        let others = concepts.filter { $0.id != "iso3166-1:KR" }.flatMap(\.terms).filter { $0.source?.contains("in running order") == true }
        #expect(others.isEmpty, "\(others.map(\.text))")
    }
}
