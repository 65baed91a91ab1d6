import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats
import VerbaleTestSupport

/// Our own TBX fixtures, under Tests/Fixtures/glossary.
enum GlossaryFixture {
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/glossary/\(name)")
    }
}

@Suite("TBX reader and writer")
struct TBXTests {
    @Test("TBX v3 (TBX-Basic) maps data categories onto the model and keeps the rest")
    func readsV3() throws {
        let (header, concepts) = try TBXReader.readAll(GlossaryFixture.url("basic-v3.tbx"))
        #expect(header.version == .v3)
        #expect(header.dialect == "TBX-Basic")
        #expect(header.title == "Verbale test termbase")
        #expect(concepts.map(\.id) == ["kingdom-cambodia", "charge"])
        let cambodia = concepts[0]
        #expect(cambodia.domain == "Country names")
        #expect(cambodia.note == "Formal name of Cambodia.")
        #expect(cambodia.fields == [TermField(element: "admin", type: "customerSubset", value: "tests")])
        #expect(cambodia.languageFields.first?.field.type == "definition")
        let en = try #require(cambodia.terms.first)
        #expect(en.text == "Kingdom of Cambodia")
        #expect(en.partOfSpeech == "properNoun")
        #expect(en.termType == "fullForm")
        #expect(en.status == .preferred)
        #expect(en.source == "iso-codes iso_3166-1")
        let fr = cambodia.terms[1]
        #expect(fr.source == nil, "a source inside a descripGrp belongs to the context, not the term")
        #expect(fr.fields.count == 2 && fr.fields.allSatisfy { $0.groupElement == "descripGrp" })
        let km = cambodia.terms[2]
        #expect(km.text == "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា")
        let charge = concepts[1]
        #expect(charge.terms[0].usageNote == "a.i. = ad interim")
        #expect(charge.terms[1].status == .deprecated)
        #expect(charge.terms.last?.review == .unreviewed)
        #expect(charge.terms(in: LanguageTag(.english)).map(\.text) == ["Chargé d'affaires a.i.", "acting ambassador"])
    }

    @Test("TBX v2 martif with tig and ntig reads the same model")
    func readsV2() throws {
        let (header, concepts) = try TBXReader.readAll(GlossaryFixture.url("basic-v2.tbx"))
        #expect(header.version == .v2)
        #expect(concepts.count == 2)
        #expect(concepts[0].terms.map(\.text) == ["note verbale", "note verbale"])
        #expect(concepts[0].terms[1].source == "written for the tests")
        #expect(concepts[0].terms[1].partOfSpeech == "noun")
        #expect(concepts[1].terms[1].text == "Royaume de Thaïlande")
    }

    @Test("TBX → model → TBX → model keeps everything, in v3 and v2, and the text is stable")
    func roundTrip() throws {
        for fixture in ["basic-v3.tbx", "basic-v2.tbx"] {
            let (header, concepts) = try TBXReader.readAll(GlossaryFixture.url(fixture))
            for version in TBXVersion.allCases {
                let writer = TBXWriter(version: version)
                let text = writer.start(header) + concepts.map(writer.entry).joined() + writer.end()
                let (header2, again) = try TBXReader.readAll(data: Data(text.utf8), name: "round-trip")
                #expect(again == concepts, "\(fixture) via \(version)")
                #expect(header2.sourceDescriptions == header.sourceDescriptions)
                #expect(header2.title == header.title)
                let text2 = writer.start(header2) + again.map(writer.entry).joined() + writer.end()
                #expect(text2 == text)
            }
        }
    }

    @Test("The writer escapes markup characters in terms and attributes")
    func escapes() throws {
        let concept = Concept(id: "a&b\"c", note: "x < y & z", terms: [Term(language: LanguageTag(.english), text: "R&D <unit>")])
        let writer = TBXWriter(version: .v3)
        let text = writer.start(TBXHeader(version: .v3)) + writer.entry(concept) + writer.end()
        let (_, again) = try TBXReader.readAll(data: Data(text.utf8), name: "escape")
        #expect(again == [concept])
    }

    @Test("Control characters XML cannot carry are written as U+FFFD, so the file stays readable")
    func controlCharacters() throws {
        let concept = Concept(id: "c1", note: "bell\u{07}here", terms: [Term(language: LanguageTag(.khmer), text: "កម្ពុជា\u{01}")])
        let writer = TBXWriter(version: .v3)
        let text = writer.start(TBXHeader(version: .v3)) + writer.entry(concept) + writer.end()
        let (_, again) = try TBXReader.readAll(data: Data(text.utf8), name: "controls")
        #expect(again.first?.terms.first?.text == "កម្ពុជា\u{FFFD}")
        #expect(again.first?.note == "bell\u{FFFD}here")
    }

    @Test("Entity expansion (billion laughs) is refused with a position")
    func billionLaughs() {
        #expect(throws: TBXError.entityDeclaration(file: GlossaryFixture.url("billion-laughs.tbx").path, line: 3, column: 3)) {
            try TBXReader.readAll(GlossaryFixture.url("billion-laughs.tbx"))
        }
    }

    @Test("External entities are refused and never read")
    func externalEntity() throws {
        do {
            _ = try TBXReader.readAll(GlossaryFixture.url("external-entity.tbx"))
            Issue.record("an external entity was accepted")
        } catch {
            guard case .entityDeclaration = error else { Issue.record("wrong error: \(error)"); return }
            #expect(!error.description.contains("root:"))
        }
    }

    @Test("A TBX file cut off anywhere is refused, from a file and from memory, and no concept is kept")
    func truncated() throws {
        // Our shipped termbase, cut at byte offsets inside entries, inside an entity reference
        // and just before the root's end tag. FoundationXML alone accepted all of these silently.
        let whole = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Glossaries/diplomatic.tbx"))
        let rootEnd = try #require(whole.lastRange(of: Data("</".utf8))).lowerBound
        for cut in [2_000, 5_000, whole.count / 2, rootEnd] {
            let part = whole.prefix(cut)
            let file = Scratch.path("verbale-truncated-\(cut)", suffix: ".tbx")
            try part.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            for fromFile in [true, false] {
                do throws(TBXError) {
                    let (_, concepts) = fromFile ? try TBXReader.readAll(file) : try TBXReader.readAll(data: part, name: file.path)
                    Issue.record("a file cut at byte \(cut) gave \(concepts.count) concepts and no error")
                } catch {
                    guard case let .malformedXML(name, _, _, message) = error else { Issue.record("cut at \(cut): wrong error \(error)"); continue }
                    #expect(name == file.path)
                    #expect(message.contains("truncated") || message.contains("ends"), "cut at \(cut): \(message)")
                }
            }
        }
    }

    @Test("Malformed XML names the file, line and column")
    func malformed() {
        do {
            _ = try TBXReader.readAll(GlossaryFixture.url("malformed.tbx"))
            Issue.record("malformed XML was accepted")
        } catch {
            guard case let .malformedXML(file, line, _, _) = error else { Issue.record("wrong error: \(error)"); return }
            #expect(file.hasSuffix("malformed.tbx"))
            #expect(line == 3, "\(error)")
        }
    }

    @Test("A language section without xml:lang, a duplicate id and an empty term are errors with positions")
    func structuralErrors() {
        let noLanguage = Result { try TBXReader.readAll(GlossaryFixture.url("no-language.tbx")) }
        guard case let .failure(error as TBXError) = noLanguage, case let .missingLanguage(_, line, _, element) = error else {
            Issue.record("expected missingLanguage, got \(noLanguage)"); return
        }
        #expect(line == 5 && element == "langSec", "\(error)")
        let duplicate = Result { try TBXReader.readAll(GlossaryFixture.url("duplicate.tbx")) }
        guard case let .failure(error as TBXError) = duplicate, case let .duplicateConcept(_, line, _, id, first) = error else {
            Issue.record("expected duplicateConcept, got \(duplicate)"); return
        }
        #expect(id == "c1" && line == 4 && first == 3)
        let empty = Result { try TBXReader.readAll(GlossaryFixture.url("empty-term.tbx")) }
        guard case let .failure(error as TBXError) = empty, case let .emptyTerm(_, line, _, concept) = error else {
            Issue.record("expected emptyTerm, got \(empty)"); return
        }
        #expect(concept == "c2" && line == 4)
        #expect(error.description.contains("empty-term.tbx:4:"))
    }

    @Test("TBX v2: a langSet without xml:lang, a term outside any language, a bad tag, an entry without terms, a term outside a tig and a duplicate id are errors with line and column")
    func structuralErrorsV2() {
        func error(_ body: String) -> TBXError? {
            let document = "<?xml version=\"1.0\"?>\n<martif type=\"TBX\" xml:lang=\"en\"><text><body>\n\(body)\n</body></text></martif>"
            do { _ = try TBXReader.readAll(data: Data(document.utf8), name: "v2.tbx"); return nil } catch { return error }
        }
        guard case let .missingLanguage(_, line, column, element) = error(#"<termEntry id="a"><langSet><tig><term>Embassy</term></tig></langSet></termEntry>"#) else {
            Issue.record("langSet without xml:lang accepted"); return
        }
        #expect(line == 3 && column > 1 && element == "langSet")
        guard case let .missingLanguage(_, line, _, element) = error(#"<termEntry id="a"><tig><term>Embassy</term></tig></termEntry>"#) else {
            Issue.record("a term with no language section accepted"); return
        }
        #expect(line == 3 && element == "tig")
        guard case let .badLanguage(_, line, _, tag, _) = error(#"<termEntry id="a"><langSet xml:lang="en US"><tig><term>Embassy</term></tig></langSet></termEntry>"#) else {
            Issue.record("a malformed language tag accepted"); return
        }
        #expect(line == 3 && tag == "en US")
        guard case let .emptyConcept(_, line, _, concept) = error("<termEntry id=\"a\">\n<descrip type=\"definition\">only a definition</descrip>\n</termEntry>") else {
            Issue.record("an entry without terms accepted"); return
        }
        #expect(line == 3 && concept == "a")
        guard case let .misplaced(_, line, _, element, _) = error(#"<termEntry id="a"><langSet xml:lang="en"><term>Embassy</term></langSet></termEntry>"#) else {
            Issue.record("a term outside tig accepted"); return
        }
        #expect(line == 3 && element == "term")
        let twice = #"<termEntry id="a"><langSet xml:lang="en"><tig><term>Embassy</term></tig></langSet></termEntry>"#
        guard case let .duplicateConcept(_, line, _, concept, first) = error(twice + "\n" + twice) else {
            Issue.record("a duplicate id accepted"); return
        }
        #expect(line == 4 && first == 3 && concept == "a")
        #expect(error(twice).map { "\($0)" } == nil, "the well-formed entry alone reads")
    }

    @Test("A file that is not TBX says what its root was")
    func notTBX() {
        #expect(throws: TBXError.notTBX(file: "x", root: "tmx")) {
            try TBXReader.readAll(data: Data("<?xml version=\"1.0\"?><tmx version=\"1.4\"><body/></tmx>".utf8), name: "x")
        }
    }
}
