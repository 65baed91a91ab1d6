import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleGlossary

/// Review 1130c M1: the iso-codes km catalogue's slips (Libya = លីបេរីយ៉ា "Liberia", Afghanistan's
/// formal name = "Islamic Republic of Pakistan", Moldova = "Republic of Macedonia", the comma
/// forms of KP and TZ) were shipped as preferred, attested Khmer terms.
@Suite("Countries termbase: doubted Khmer catalogue names are unreviewed and below CLDR's")
struct CountryNameDoubtTests {
    typealias Candidate = KhmerNameDoubts.Candidate

    /// The catalogue's and CLDR's names for the countries of the review, as the data has them.
    static let doubts = KhmerNameDoubts(candidates: [
        "LY": [Candidate(role: .short, english: "Libya", khmer: "លីបេរីយ៉ា")],
        "LR": [Candidate(role: .short, english: "Liberia", khmer: "លីបេរីយ៉ា")],
        "AF": [Candidate(role: .short, english: "Afghanistan", khmer: "អាហ្គានីស្ថាន"),
               Candidate(role: .formal, english: "Islamic Republic of Afghanistan", khmer: "សាធារណ\u{200B}រដ្ឋ\u{200B}អ៊ីស្លាម\u{200B}ប៉ាគីស្ថាន")],
        "PK": [Candidate(role: .short, english: "Pakistan", khmer: "ប៉ាគីស្ថាន"),
               Candidate(role: .formal, english: "Islamic Republic of Pakistan", khmer: "សាធារណរដ្ឋអ៊ីស្លាមប៉ាគីស្ថាន")],
        "MD": [Candidate(role: .short, english: "Moldova, Republic of", khmer: "សាធារណ\u{200B}រដ្ឋ\u{200B}ម៉ាសេដូនី")],
        "TZ": [Candidate(role: .short, english: "Tanzania, United Republic of", khmer: "តង់ហ្សានី\u{200B}សាធារណ\u{200B}រដ្ឋ\u{200B}រួម\u{200B}នៃ")],
        "KH": [Candidate(role: .short, english: "Cambodia", khmer: "កម្ពុជា"),
               Candidate(role: .formal, english: "Kingdom of Cambodia", khmer: "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា")],
    ], cldr: ["LY": "លីប៊ី", "LR": "លីបេរីយ៉ា", "AF": "អាហ្វហ្កានីស្ថាន", "PK": "ប៉ាគីស្ថាន", "MD": "ម៉ុលដាវី", "TZ": "តង់សានី", "KH": "កម្ពុជា"])

    func doubt(_ code: String, _ index: Int) -> String? {
        Self.doubts.doubt(Self.doubts.candidates[code]![index], of: code)
    }

    @Test("A name two countries share, a formal name without the country's short name, and a comma form are doubted; CLDR's agreement clears a name")
    func rules() {
        #expect(doubt("LY", 0)?.contains("iso3166-1:LR") == true, "Libya's លីបេរីយ៉ា is Liberia's")
        #expect(doubt("LR", 0) == nil, "CLDR gives Liberia the same name")
        #expect(doubt("AF", 1) != nil, "Afghanistan's formal name is Pakistan's")
        #expect(doubt("PK", 1) == nil, "Pakistan's formal name contains ប៉ាគីស្ថាន")
        #expect(doubt("AF", 0) == nil)
        #expect(doubt("MD", 0)?.contains("comma form") == true)
        #expect(doubt("TZ", 0)?.contains("comma form") == true)
        #expect(doubt("KH", 0) == nil && doubt("KH", 1) == nil)
    }

    static var shipped: [Concept]? {
        try? TBXReader.readAll(ShippedGlossaryTests.glossaries.appendingPathComponent("countries.tbx")).concepts
    }

    static func khmer(_ concepts: [Concept], _ code: String) -> [Term] {
        concepts.first { $0.id == "iso3166-1:\(code)" }?.terms(in: LanguageTag(.khmer)) ?? []
    }

    @Test("Shipped countries.tbx: Libya is លីប៊ី, Afghanistan's and Moldova's slips are unreviewed, no two countries share a preferred Khmer term")
    func shippedTermbase() throws {
        let concepts = try #require(Self.shipped)
        let libya = Self.khmer(concepts, "LY")
        #expect(libya.first?.text == "លីប៊ី" && libya.first?.status == .preferred && libya.first?.review == .translated)
        let liberiaName = try #require(libya.first { $0.text == "លីបេរីយ៉ា" })
        #expect(liberiaName.review == .unreviewed && liberiaName.status == .admitted)
        #expect(liberiaName.usageNote?.contains("iso3166-1:LR") == true)
        let afghanFormal = try #require(Self.khmer(concepts, "AF").first { $0.termType == "fullForm" })
        #expect(afghanFormal.text.contains("ប៉ាគីស្ថាន") && afghanFormal.review == .unreviewed && afghanFormal.status == .admitted)
        #expect(Self.khmer(concepts, "AF").first?.review == .translated)
        let pakistanFormal = try #require(Self.khmer(concepts, "PK").first { $0.termType == "fullForm" })
        #expect(pakistanFormal.review == .translated && pakistanFormal.status == .preferred)
        let moldova = Self.khmer(concepts, "MD")
        #expect(moldova.first { $0.text.contains("ម៉ាសេដូនី") }?.review == .unreviewed)
        #expect(moldova.first?.review == .translated && moldova.first?.text.contains("ម៉ាសេដូនី") == false)
        for code in ["KP", "TZ"] {
            let terms = Self.khmer(concepts, code)
            #expect(terms.filter { $0.text.hasSuffix("នៃ") }.allSatisfy { $0.review == .unreviewed && $0.status == .admitted }, "\(code)")
            #expect(terms.first?.text.hasSuffix("នៃ") == false, "\(code): \(terms.first?.text ?? "")")
        }
        // No two countries share a sound preferred Khmer term (compared without U+200B).
        var owner: [String: String] = [:]
        for concept in concepts {
            for term in concept.terms(in: LanguageTag(.khmer)) where term.status == .preferred {
                let key = KhmerNameDoubts.key(term.text)
                #expect(owner[key] == nil || owner[key] == concept.id, "\(term.text): \(owner[key] ?? "") and \(concept.id)")
                owner[key] = concept.id
            }
        }
        #expect(owner.count > 240)
    }

    @Test("Recognition reads the shared names as the country they belong to; drafting names Afghanistan by its sound short name")
    func recognitionAndNaming() throws {
        let termbase = Termbase(concepts: try #require(Self.shipped))
        let pakistan = termbase.recognize("ស្ថានទូតនៃសាធារណរដ្ឋអ៊ីស្លាមប៉ាគីស្ថាន សូមគោរពជូន", language: LanguageTag(.khmer))
        #expect(pakistan.first?.concept.id == "iso3166-1:PK")
        #expect(termbase.recognize("ស្ថានទូតលីបេរីយ៉ា", language: LanguageTag(.khmer)).first?.concept.id == "iso3166-1:LR")
        let afghanistan = try #require(termbase.recognize("the Islamic Republic of Afghanistan", language: LanguageTag(.english)).first)
        let khmer = afghanistan.equivalents(in: LanguageTag(.khmer))
        #expect(khmer.first?.review == .translated && khmer.first?.text.contains("ប៉ាគីស្ថាន") == false, "\(khmer.map(\.text))")
        #expect(khmer.last?.isDoubted == true)
        let libya = try #require(termbase.recognize("Libya", language: LanguageTag(.english)).first)
        #expect(libya.equivalents(in: LanguageTag(.khmer)).first?.text == "លីប៊ី")
    }
}
