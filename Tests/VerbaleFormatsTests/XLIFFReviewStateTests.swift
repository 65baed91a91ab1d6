import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Review status through XLIFF: what a segment shows (the lower of the unit's and its
/// target text's), and which targets other tools did not confirm.
@Suite("XLIFF review states")
struct XLIFFReviewStateTests {
    static let en = LanguageTag(.english), km = LanguageTag(.khmer)

    /// A translated unit whose Khmer, as shipped, no attested source confirms.
    static let shippedFormula = TranslationUnit(id: "formula-1", variants: [
        Variant(language: en, text: "presents its compliments to"),
        Variant(language: km, text: "សូម​គោរព​ជូន​ចំពោះ", properties: [Property(type: "x-review", value: "unreviewed")]),
    ], metadata: UnitMetadata(origin: "Memories/note-verbale-formulas.tmx", review: .translated))

    @Test("A translated unit with unreviewed Khmer is an initial segment (verbale:unreviewed) in XLIFF 2.0, needs-review in 1.2")
    func unreviewedTargetLowersTheSegment() throws {
        let v20 = String(decoding: try write([Self.shippedFormula], as: .xliff, languages: [Self.en, Self.km]), as: UTF8.self)
        #expect(v20.contains("<segment state=\"initial\" subState=\"verbale:unreviewed\">"))
        #expect(!v20.contains("state=\"translated\""))
        let sink = ByteSink()
        var writer = try XLIFFWriter(sink: sink, languages: [Self.en, Self.km], version: .v1_2)
        try writer.write(Self.shippedFormula)
        try writer.finish()
        let v12 = String(decoding: sink.data, as: UTF8.self)
        #expect(v12.contains("<target state=\"needs-review-translation\">សូម​គោរព​ជូន​ចំពោះ</target>"))
    }

    @Test("A unit without the target language is an initial segment without subState in XLIFF 2.0, and reads back with the unit's own status (review 1130d m2)")
    func noTargetIsInitial() throws {
        let french = TranslationUnit(id: "visa-1", variants: [
            Variant(language: Self.en, text: "The Ministry requests that the visa be issued."),
            Variant(language: LanguageTag(.french), text: "Le Ministère demande que le visa soit délivré."),
        ], metadata: UnitMetadata(review: .reviewed))
        let data = try write([french], as: .xliff, languages: [Self.en, Self.km])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<segment state=\"initial\">\n    <source>The Ministry requests"), "\(text)")
        #expect(!text.contains("<target"))
        let again = try #require(try read(data, as: .xliff).units.first)
        #expect(again.metadata.review == .reviewed)
        #expect(again.variants.count == 1)
    }

    @Test("Read back, the unit is still translated and its Khmer still unreviewed (the segment state came from the Khmer)")
    func roundTripKeepsBothStatuses() throws {
        let data = try write([Self.shippedFormula], as: .xliff, languages: [Self.en, Self.km])
        let again = try #require(try read(data, as: .xliff).units.first)
        #expect(again.metadata.review == .translated)
        let khmer = try #require(again.variant(for: Self.km))
        #expect(khmer.review(in: again) == .unreviewed)
        #expect(again.variant(for: Self.en)?.review(in: again) == .translated)
    }

    @Test("A segment a CAT tool moved on since export takes the tool's state, and the Khmer's own mark goes")
    func toolStateWins() throws {
        let data = try write([Self.shippedFormula], as: .xliff, languages: [Self.en, Self.km])
        let edited = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<segment state=\"initial\" subState=\"verbale:unreviewed\">", with: "<segment state=\"reviewed\" subState=\"verbale:unreviewed\">")
        let again = try #require(try read(Data(edited.utf8), as: .xliff).units.first)
        #expect(again.metadata.review == .reviewed)
        #expect(again.variant(for: Self.km)?.review(in: again) == .reviewed)
    }

    @Test("XLIFF 2.0: a segment without state is initial (the spec's default), so its Khmer is unreviewed")
    func missingState20() throws {
        let (units, _) = try Fixture.read("unconfirmed-2.0.xlf")
        #expect(units.map(\.id) == ["nostate", "translated", "moved"])
        #expect(units.map(\.metadata.review) == [.unreviewed, .translated, .translated])
        #expect(units[0].text("km") == "ក្រសួង​សូម​ឆ្លៀត​ឱកាស​នេះ។")
    }

    @Test("XLIFF 1.2: needs-review-*, and machine/fuzzy/leveraged state-qualifiers are unreviewed; rejected-* rejected; sign-off wins; new and needs-translation are left out (review 1130f m5)")
    func qualifiers12() throws {
        let (units, _) = try Fixture.read("unconfirmed-1.2.xlf")
        let review = Dictionary(uniqueKeysWithValues: units.map { ($0.id ?? "", $0.metadata.review) })
        #expect(review == [
            "none": .translated, "translated": .translated,
            "needs-review": .unreviewed, "mt": .unreviewed, "leveraged-mt": .unreviewed, "fuzzy": .unreviewed, "tm": .unreviewed,
            "exact": .translated, "rejected": .rejected, "signed-off": .reviewed, "approved": .approved,
        ])
    }
}

/// Review 1130c, m5: XLIFF 1.2 carries what 2.0 keeps in metadata — the unit's own review, its
/// texts' own `x-review` and its origin — so a 1.2 round trip no longer marks attested English
/// unreviewed nor renames the origin after the export.
@Suite("XLIFF 1.2 review and origin round trip")
struct XLIFF12InformationTests {
    static let en = LanguageTag(.english), km = LanguageTag(.khmer)

    static func roundTrip(_ units: [TranslationUnit]) throws -> (text: String, units: [TranslationUnit]) {
        let sink = ByteSink()
        var writer = try XLIFFWriter(sink: sink, languages: [en, km], version: .v1_2)
        for unit in units { try writer.write(unit) }
        try writer.finish()
        return (String(decoding: sink.data, as: UTF8.self), try read(sink.data, as: .xliff).units)
    }

    @Test("Translated unit, unreviewed Khmer, unreviewed English source of its own: all three read back, with the origin")
    func statusesAndOrigin() throws {
        let units = [
            XLIFFReviewStateTests.shippedFormula,
            TranslationUnit(id: "formula-2", variants: [
                Variant(language: Self.en, text: "has the honour further to inform", properties: [Property(type: "x-review", value: "unreviewed")]),
                Variant(language: Self.km, text: "មាន​កិត្តិយស​សូម​ជម្រាប​បន្ថែម", properties: [Property(type: "x-review", value: "unreviewed")]),
            ], metadata: UnitMetadata(origin: "Memories/note-verbale-formulas.tmx#92", review: .translated)),
        ]
        let (text, again) = try Self.roundTrip(units)
        #expect(text.contains("<context context-type=\"x-origin\">Memories/note-verbale-formulas.tmx#92</context>"))
        #expect(again.count == 2)
        for (before, after) in zip(units, again) {
            #expect(after.metadata.review == .translated)
            #expect(after.metadata.origin == before.metadata.origin)
            for language in [Self.en, Self.km] {
                #expect(after.variant(for: language)?.review(in: after) == before.variant(for: language)?.review(in: before), "\(language)")
            }
        }
    }

    @Test("A tool that moved the segment on still wins over the statuses Verbale wrote")
    func toolStateWins() throws {
        let (text, _) = try Self.roundTrip([XLIFFReviewStateTests.shippedFormula])
        let edited = text.replacingOccurrences(of: "<target state=\"needs-review-translation\">", with: "<target state=\"signed-off\">")
        let again = try #require(try read(Data(edited.utf8), as: .xliff).units.first)
        #expect(again.metadata.review != .translated)
        #expect(again.variant(for: Self.km)?.review(in: again) == again.metadata.review)
    }
}
