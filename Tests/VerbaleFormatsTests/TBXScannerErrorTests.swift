import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats
import VerbaleTestSupport

/// The TBX reader on the project's own XML scanner (audit F21): errors in words with file,
/// line and column, as a TMX file gets, and an undeclared entity refused, never dropped.
@Suite("TBX errors from the XML scanner")
struct TBXScannerErrorTests {
    static func document(_ term: String, doctype: String = "") -> Data {
        Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(doctype)<tbx type=\"TBX-Basic\" xml:lang=\"en\"><text><body>\n"
            + "<conceptEntry id=\"c1\"><langSec xml:lang=\"km\"><termSec><term>\(term)</term></termSec></langSec></conceptEntry>\n"
            + "</body></text></tbx>\n").utf8)
    }

    static func failure(_ data: Data) -> TBXError? {
        do { _ = try TBXReader.readAll(data: data, name: "t.tbx"); return nil } catch { return error }
    }

    @Test("An undeclared entity (&nbsp;) in a Khmer term is named, with line and column, not 'XML error 26'")
    func undeclaredEntity() throws {
        let error = try #require(Self.failure(Self.document("ស្ថានទូត&nbsp;កម្ពុជា")))
        guard case let .malformedXML(file, line, column, message) = error else { Issue.record("got \(error)"); return }
        #expect(file == "t.tbx" && line == 3)
        // The column of the '&': after the start tags and the eight Khmer code points (columns count Unicode scalars).
        let prefix = #"<conceptEntry id="c1"><langSec xml:lang="km"><termSec><term>ស្ថានទូត"#
        #expect(column == prefix.unicodeScalars.count + 1, "\(error)")
        #expect(message.contains("&nbsp;") && message.contains("not declared"), "\(message)")
        #expect(!error.description.contains("XML error"))
    }

    @Test("With a DOCTYPE naming an external DTD, an undeclared entity is refused, not silently dropped; the DTD is not read")
    func externalDTDEntity() throws {
        let dtd = Scratch.path("verbale-tbx", suffix: ".dtd")
        try Data("<!ENTITY x \"expanded\">".utf8).write(to: dtd)
        defer { try? FileManager.default.removeItem(at: dtd) }
        let data = Self.document("a &x; b", doctype: "<!DOCTYPE tbx SYSTEM \"\(dtd.absoluteString)\">\n")
        let error = try #require(Self.failure(data), "the term was read as \"a  b\" or \"a expanded b\"")
        guard case let .malformedXML(_, line, _, message) = error else { Issue.record("got \(error)"); return }
        #expect(line == 4 && message.contains("&x;"), "\(error)")
        // The same document without the entity reads, DOCTYPE and all.
        let (_, concepts) = try TBXReader.readAll(data: Self.document("a b", doctype: "<!DOCTYPE tbx SYSTEM \"\(dtd.absoluteString)\">\n"), name: "t.tbx")
        #expect(concepts.first?.terms.first?.text == "a b")
    }

    @Test("Invalid UTF-8 in a term names the byte and where it is, not 'XML error 9'")
    func invalidUTF8() throws {
        var data = Self.document("កម្ពុជា@")
        let at = try #require(data.firstIndex(of: UInt8(ascii: "@")))
        data[at] = 0xFF
        let error = try #require(Self.failure(data))
        guard case let .malformedXML(_, line, column, message) = error else { Issue.record("got \(error)"); return }
        #expect(line == 3 && column > 1)
        #expect(message.contains("byte 0xFF is not valid UTF-8"), "\(message)")
    }

    @Test("Not well-formed TBX says what is wrong in words")
    func malformedInWords() throws {
        do {
            _ = try TBXReader.readAll(GlossaryFixture.url("malformed.tbx"))
            Issue.record("malformed XML was accepted")
        } catch {
            #expect(error.description.contains("malformed.tbx:3:") && error.description.contains("</termSec> does not match <term>"), "\(error)")
        }
    }

    @Test("Khmer with U+200B, character references and CDATA read as before")
    func wellFormedKhmer() throws {
        let (_, concepts) = try TBXReader.readAll(data: Self.document("ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា &#x17D4; <![CDATA[<&>]]>"), name: "t.tbx")
        #expect(concepts.first?.terms.first?.text == "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា ។ <&>")
        #expect(concepts.first?.terms.first?.language == LanguageTag(.khmer))
    }
}
