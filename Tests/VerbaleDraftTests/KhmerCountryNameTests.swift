import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Country names inside Khmer drafts: a Khmer name from the glossary, or the English kept and
/// marked — never English glued into the Khmer as if it were Khmer (audit F19).
@Suite("Country names in Khmer drafts")
struct KhmerCountryNameTests {
    static func hasLatinLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
    }

    @Test("A Khmer note to Bolivia's ministry writes បូលីវី, flagged as a short name standing in for the formal one")
    func bolivia() throws {
        let namer = InstitutionNamer(glossary: try #require(try DraftGlossary.shipped()))
        let draft = try NoteComposer(book: Fixtures.book, namer: namer)
            .compose(NoteRequest(sender: "Embassy of the Kingdom of Cambodia",
                                 recipient: "Ministry of Foreign Affairs of the Plurinational State of Bolivia", purpose: "inform"), in: .khmer)
        for line in draft.lines {
            #expect(!line.text.contains("Bolivia"), "\(line.kind): \(line.text)")
            #expect(!Self.hasLatinLetter(line.text), "\(line.kind): \(line.text)")
        }
        let recipient = try #require(draft.lines.last)
        #expect(recipient.text == "ក្រសួងការបរទេសនៃបូលីវី")
        #expect(recipient.unreviewed && recipient.display.hasSuffix("[unreviewed]"))
        #expect(recipient.sources.contains { $0.hasPrefix("បូលីវី (the Plurinational State of Bolivia): the short name (iso-codes km translation")
                                             && $0.contains("no source gives the Khmer formal name") })
        // The short name asked for is attested as it stands: no "stands in" note, not unreviewed.
        let short = try #require(namer.countryName("Bolivia", in: .khmer).0)
        #expect(short.text == "បូលីវី" && !short.isUnreviewed)
    }

    @Test("Guernsey, Jersey and the Isle of Man get their CLDR Khmer names, not the English the km catalogue carried over")
    func crownDependencies() throws {
        let namer = InstitutionNamer(glossary: try #require(try DraftGlossary.shipped()))
        for (english, khmer) in [("Guernsey", "ហ្គេនស៊ី"), ("Jersey", "ជើស៊ី"), ("Isle of Man", "អែលអុហ្វមែន")] {
            let name = namer.name("Embassy of \(english)", in: .khmer)
            #expect(name.text == "ស្ថានទូតនៃ" + khmer, "\(english)")
            #expect(name.untranslated.isEmpty)
            #expect(name.sources.contains { $0.hasPrefix("\(khmer) (\(english)): CLDR display name") }, "\(name.sources)")
        }
    }

    @Test("A country the glossary has only Latin 'Khmer' for is kept in English and shown [untranslated: …] in a Khmer draft")
    func noKhmerName() throws {
        // The km catalogue's defect as it was: msgstr copied from the English msgid.
        let zorbia = Concept(id: "iso3166-1:ZB", terms: [
            Term(language: LanguageTag(.english), text: "Republic of Zorbia", partOfSpeech: "properNoun", status: .preferred, termType: "fullForm"),
            Term(language: LanguageTag(.english), text: "Zorbia", partOfSpeech: "properNoun", status: .preferred, termType: "shortForm"),
            Term(language: LanguageTag(.french), text: "République de Zorbie", partOfSpeech: "properNoun", status: .preferred, termType: "fullForm"),
            Term(language: LanguageTag(.khmer), text: "Republic of Zorbia", partOfSpeech: "properNoun", status: .preferred, termType: "fullForm",
                 source: "a catalogue entry left untranslated"),
        ])
        let namer = InstitutionNamer(glossary: DraftGlossary(concepts: [zorbia]))
        let draft = try NoteComposer(book: Fixtures.book, namer: namer)
            .compose(NoteRequest(sender: "Embassy of the Kingdom of Cambodia",
                                 recipient: "Ministry of Foreign Affairs of the Republic of Zorbia", purpose: "inform"), in: .khmer)
        let opening = try #require(draft.lines.first { $0.kind == "opening" })
        #expect(opening.untranslated == ["Republic of Zorbia"])
        #expect(opening.text.contains("ក្រសួងការបរទេសនៃ [untranslated: Republic of Zorbia]"))
        let recipient = try #require(draft.lines.last)
        #expect(recipient.display == "ក្រសួងការបរទេសនៃ [untranslated: Republic of Zorbia] [unreviewed]")
        #expect(recipient.sources.contains { $0.hasPrefix("Republic of Zorbia: no source gives its Khmer name") })
        // French is untouched: the glossary's French formal name.
        let french = namer.name("Ministry of Foreign Affairs of the Republic of Zorbia", in: .french)
        #expect(french.text == "Ministère des Affaires étrangères de la République de Zorbie")
        #expect(french.untranslated.isEmpty)
    }
}
