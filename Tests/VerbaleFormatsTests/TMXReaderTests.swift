import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

@Suite("TMX reader")
struct TMXReaderTests {
    @Test("A TMX 1.4b file gives its units, languages, metadata, notes and props")
    func tmx14() throws {
        let (units, reader) = try Fixture.read("tmx14-notes.tmx")
        #expect(units.count == 3)
        #expect(reader.unitsRead == 3)
        #expect(reader.header.creationTool == "Verbale fixture")
        #expect(reader.header.sourceLanguage?.description == "en")
        #expect(reader.header.properties == [Property(type: "x-project", value: "Notes verbales")])
        #expect(reader.header.notes == ["Written by hand for Verbale's tests."])
        let first = units[0]
        #expect(first.id == "nv-1")
        #expect(first.variants.map(\.language.description) == ["en", "fr-FR", "km-KH"])
        #expect(first.text("fr-FR")?.hasPrefix("L’Ambassade du Royaume du Cambodge") == true)
        #expect(first.text("km-KH") == "ស្ថានទូត\u{200B}នៃ\u{200B}ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា\u{200B}")
        #expect(first.metadata.review == .reviewed)
        #expect(first.metadata.notes == ["Opening formula"])
        #expect(first.metadata.properties == [Property(type: "domain", value: "protocol")])
        #expect(first.metadata.creationUser == "drafter")
        #expect(first.metadata.changeUser == "reviewer")
        #expect(first.metadata.creationDate == Date(timeIntervalSince1970: 1_610_443_800))
        #expect(first.metadata.attributes == [Property(type: "usagecount", value: "3")])
        #expect(first.variants[2].properties == [Property(type: "x-review", value: "unreviewed")])
    }

    @Test("Inline bpt/ept/ph/hi/it/sub are kept as tags at their offsets in the plain text")
    func inlineTags() throws {
        let (units, _) = try Fixture.read("tmx14-notes.tmx")
        let english = try #require(units[1].variants.first)
        #expect(english.text == "Note No.  of 12 January 2021")
        #expect(english.tags.map(\.kind) == [.ph, .bpt, .ept])
        #expect(english.tags.map(\.position) == [9, 13, 28])
        #expect(english.tags[1].content == "&lt;b&gt;")
        #expect(english.tags[1].nativeCode == "<b>")
        #expect(english.tags[1].attributes == [Property(type: "i", value: "1"), Property(type: "x", value: "2")])
        let khmer = units[1].variants[1]
        #expect(khmer.tags.map(\.kind) == [.ph, .hi, .hi])
        #expect(khmer.tags.map(\.isClosing) == [false, false, true])
        #expect(khmer.text.contains("១២"))
        let sub = try #require(units[2].variants[0].tags.first)
        #expect(sub.content == "&lt;a href=\"<sub>index</sub>\"&gt;")
        #expect(sub.nativeCode == "<a href=\"index\">")
        #expect(units[2].variants[1].text == "Voir l’annexe & la pièce jointe.")
        #expect(units[2].variants[1].tags.first?.kind == .it)
    }

    @Test("Trados x-ConfirmationLevel sets the review status (Draft/Unspecified/Rejected unreviewed) and is kept as a prop")
    func tradosConfirmationLevel() throws {
        let (units, _) = try Fixture.read("trados-confirmation.tmx")
        #expect(units.map(\.metadata.review) == [.unreviewed, .unreviewed, .translated, .unreviewed, .reviewed,
                                                  .unreviewed, .approved, .translated])
        #expect(units[0].text("km-KH") == "ក្រសួង\u{200B}សូម\u{200B}អរគុណ\u{200B}ស្ថានទូត។")
        #expect(units[6].metadata.properties == [Property(type: "x-ConfirmationLevel", value: "ApprovedSignOff")])
        // Verbale's own x-review wins over the Trados level, whichever comes first.
        #expect(units[7].metadata.properties == [Property(type: "x-ConfirmationLevel", value: "Draft")])
        // The prop survives a TMX round trip, and so does the status it gave.
        let again = try read(write(units, as: .tmx), as: .tmx).units
        #expect(again.map(\.metadata.review) == units.map(\.metadata.review))
        #expect(again[0].metadata.properties.contains(Property(type: "x-ConfirmationLevel", value: "Draft")))
    }

    @Test("TMX 1.1 lang attributes and srclang *all* are understood")
    func tmx11() throws {
        let (units, reader) = try Fixture.read("tmx11-lang.tmx")
        #expect(units.count == 1)
        #expect(units[0].variants.map(\.language.description) == ["en-US", "fr-FR"])
        #expect(reader.header.sourceLanguage == nil)
        #expect(reader.header.version == "1.1")
    }

    @Test("A Trados-like UTF-16 LE export with BOM reads like UTF-8, x- props kept")
    func tradosUTF16LE() throws {
        let (units, reader) = try Fixture.read("trados-utf16le.tmx")
        #expect(units.count == 2)
        #expect(reader.header.originalFormat == "SDL TM8 Format")
        #expect(reader.header.properties.map(\.type) == ["x-Recognizers", "x-TMName"])
        #expect(units[0].text("fr-FR")?.hasSuffix("très haute considération.") == true)
        #expect(units[0].metadata.creationUser == "MFA\\drafter")
        #expect(units[0].metadata.attributes.map(\.type) == ["lastusagedate", "usagecount"])
        #expect(units[0].metadata.properties.contains(Property(type: "x-Context", value: "1234567, 7654321")))
        #expect(units[1].variants[1].tags.first?.content == "12 janvier 2021")
    }

    @Test("UTF-16 BE with BOM reads too")
    func utf16BE() throws {
        let (units, _) = try Fixture.read("utf16be.tmx")
        #expect(units.count == 2)
        #expect(units[0].text("en-GB")?.hasPrefix("The Ministry avails itself") == true)
    }

    @Test("Old Trados TW4Win <ut> codes are kept")
    func tw4winUT() throws {
        let (units, reader) = try Fixture.read("trados-tw4win-ut.tmx")
        #expect(reader.header.originalFormat == "TW4Win 2.0 Format")
        #expect(units[0].variants[0].text == "Note verbale No. 45")
        #expect(units[0].variants[0].tags.map(\.kind) == [.ut, .ut])
        #expect(units[0].variants[0].tags[0].nativeCode == "{\\b ")
    }

    @Test("memoQ context props become the unit's context, header props are kept")
    func memoQ() throws {
        let (units, reader) = try Fixture.read("memoq.tmx")
        #expect(reader.header.originalFormat == "MemoQTM")
        #expect(reader.header.properties.count == 3)
        #expect(units[0].metadata.previousContext == "The Embassy presents its compliments.")
        #expect(units[0].metadata.nextContext == "Phnom Penh, 12 January 2021")
        #expect(units[0].metadata.properties == [Property(type: "client", value: "Ministry of Foreign Affairs")])
        #expect(units[0].variants[1].language.description == "km-KH")
        #expect(units[0].variants[1].tags.map(\.kind) == [.bpt, .ept])
    }

    @Test("OmegaT files (TMX 1.1 DOCTYPE, tuv dates, comments) read")
    func omegaT() throws {
        let (units, reader) = try Fixture.read("omegat.tmx")
        #expect(reader.header.originalFormat == "OmegaT TMX")
        #expect(units.count == 2)
        #expect(units[0].variants[1].attributes.map(\.type) == ["changedate", "changeid", "creationdate", "creationid"])
        #expect(units[1].variants[1].text == "Annexe 1")
    }
}

@Suite("TMX bad input")
struct TMXBadInputTests {
    @Test("Malformed XML is an error naming file, line and column")
    func malformed() throws {
        let error = try #require(Fixture.error("malformed.tmx"))
        #expect(error.file.hasSuffix("malformed.tmx"))
        #expect(error.line == 6)
        #expect(error.column == 31)
        guard case .malformedXML = error.reason else { Issue.record("got \(error)"); return }
        #expect(error.description.contains("malformed.tmx:6:31: malformed XML: </tuv> does not match <seg>"))
    }

    @Test("A <tuv> without a language is an error with its position")
    func noLanguage() throws {
        let error = try #require(Fixture.error("no-lang.tmx"))
        #expect(error.reason == .missingAttribute(element: "tuv", attribute: "language (xml:lang, or lang in TMX 1.1)"))
        #expect(error.line == 7 && error.column == 1)
        #expect(error.description.hasSuffix("no-lang.tmx:7:1: <tuv> has no language (xml:lang, or lang in TMX 1.1)"))
    }

    @Test("An unknown encoding is refused clearly, at the XML declaration")
    func unknownEncoding() throws {
        let error = try #require(Fixture.error("unknown-encoding.tmx"))
        guard case .unsupportedEncoding = error.reason else { Issue.record("got \(error)"); return }
        #expect(error.line == 1 && error.column == 1)
        #expect(error.description.contains("unknown-encoding.tmx:1:1: unsupported encoding \"x-verbale-nope\""))
    }

    @Test("Invalid UTF-8 is refused with its line and column")
    func invalidUTF8() throws {
        let error = try #require(Fixture.error("invalid-utf8.tmx"))
        guard case .invalidEncoding = error.reason else { Issue.record("got \(error)"); return }
        #expect(error.line == 4 && error.column == 38)
        #expect(error.description.contains("invalid-utf8.tmx:4:38: invalid bytes for the file's encoding: byte 0xE9 is not valid UTF-8"))
    }

    @Test("Empty <seg>s drop their variant and a unit left empty is skipped, with warnings")
    func emptySeg() throws {
        let (units, reader) = try Fixture.read("empty-seg.tmx")
        #expect(units.count == 1)
        #expect(units[0].variants.map(\.language.description) == ["en"])
        #expect(reader.warnings.map(\.kind) == [.emptySegment, .emptySegment, .emptySegment, .emptyUnit])
        #expect(reader.warnings[0].line == 5)
        #expect(reader.warnings[0].column == 46)
        #expect(reader.warnings[0].description.contains("empty-seg.tmx:5:46: empty segment: empty <seg> for fr"))
        #expect(reader.warnings[3].description.contains("empty-seg.tmx:6:1: unit without text"))
    }

    @Test("A TMX with zero units reads as zero units (the importer says so)")
    func zeroUnits() throws {
        let (units, reader) = try Fixture.read("zero-units.tmx")
        #expect(units.isEmpty)
        #expect(reader.unitsRead == 0)
        #expect(reader.header.creationTool == "x")
    }

    @Test("A truncated file is an error, after the units that were complete")
    func truncated() throws {
        var reader = try MemoryFormat.makeReader(url: Fixture.url("truncated.tmx"))
        #expect(throws: FormatError.self) { while try reader.next() != nil {} }
        let error = try #require(Fixture.error("truncated.tmx"))
        guard case .malformedXML = error.reason else { Issue.record("got \(error)"); return }
        #expect(error.line == 12 && error.column == 82)
        #expect(error.description.contains("truncated.tmx:12:82: malformed XML: the document ends before <seg> (line 12) is closed (truncated file?)"))
    }

    @Test("The billion laughs is refused, not expanded")
    func billionLaughs() throws {
        let error = try #require(Fixture.error("billion-laughs.tmx"))
        #expect(error.reason == .entityDeclaration(name: "lol", external: false))
        #expect(error.line == 3 && error.column == 3)
        #expect(error.description.contains("billion-laughs.tmx:3:3: the document declares the entity \"lol\""))
    }

    @Test("An external entity is refused and nothing is read from disk")
    func externalEntity() throws {
        let error = try #require(Fixture.error("external-entity.tmx"))
        #expect(error.reason == .entityDeclaration(name: "secret", external: true))
        #expect(error.line == 3 && error.column == 3)
        #expect(error.description.contains("external-entity.tmx:3:3: the document declares the external entity \"secret\""))
        #expect(!error.description.contains("root:"))
    }

    @Test("An empty file and a non-TMX XML file are refused clearly")
    func emptyAndForeign() throws {
        let empty = Fixture.error(source: { ByteSource(data: Data(), name: "empty.tmx") })
        #expect(empty?.reason == .empty)
        let html = try #require(Fixture.error("not-a-memory.xml", format: .tmx))
        #expect(html.reason == .unexpectedRoot(found: "html", expected: "tmx"))
        #expect(Fixture.error("not-a-memory.xml")?.reason == .unknownFormat)
    }
    @Test("A second <seg> in one <tuv> is an error with its position; a <prop> or <note> after the <seg> stays on its variant (review H1)")
    func oneSegmentPerVariant() throws {
        let twoSegments = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body><tu><tuv xml:lang="fr" creationid="x"><seg>Premier segment</seg><seg>Second segment</seg></tuv>
            <tuv xml:lang="en"><seg>First</seg></tuv></tu></body></tmx>
            """
        let error = try #require(Fixture.error(source: { ByteSource(data: Data(twoSegments.utf8), name: "two-seg.tmx") }))
        #expect(error.reason == .repeatedElement("seg", inside: "tuv"))
        #expect(error.line == 3 && error.column == 71, "at the second <seg>")
        #expect(error.description == "two-seg.tmx:3:71: a second <seg> in one <tuv>: it holds one, so which is the text cannot be told")

        // Against the DTD, but seen: the Khmer variant's review mark after its <seg> is kept,
        // the variant keeps its language, and the unit its two variants in order.
        let propAfter = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body><tu><tuv xml:lang="en"><seg>has the honour to inform</seg></tuv>
            <tuv xml:lang="km"><seg>សូមជម្រាបជូន</seg><prop type="x-review">unreviewed</prop><note>ការបកប្រែ</note></tuv>
            <tuv xml:lang="fr"><seg></seg><prop type="x-review">unreviewed</prop></tuv></tu></body></tmx>
            """
        let (units, _) = try read(Data(propAfter.utf8), as: .tmx, name: "prop-after.tmx")
        let unit = try #require(units.first)
        #expect(unit.variants.map(\.language.description) == ["en", "km"], "the empty French <seg> leaves its variant out, props and all")
        #expect(unit.variants[1].text == "សូមជម្រាបជូន")
        #expect(unit.variants[1].properties == [Property(type: "x-review", value: "unreviewed")])
        #expect(unit.variants[1].notes == ["ការបកប្រែ"])
        #expect(unit.variants[0].properties.isEmpty && unit.variants[0].notes.isEmpty)
    }
}
