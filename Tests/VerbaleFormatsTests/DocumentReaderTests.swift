import Foundation
import Testing
import VerbaleCore
import ZIPFoundation
@testable import VerbaleFormats

/// Builds `.docx` files for the tests: a ZIP with `word/document.xml` holding `body`.
enum WordFile {
    static func data(body: String, compress: Bool = true, extraEntry: (String, Data)? = nil) throws -> Data {
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
        """
        let archive = try Archive(data: Data(), accessMode: .create)
        let bytes = Data(xml.utf8)
        try archive.addEntry(with: "[Content_Types].xml", type: .file, uncompressedSize: Int64(5), compressionMethod: .none,
                             provider: { _, _ in Data("<x/>\n".utf8) })
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(bytes.count),
                             compressionMethod: compress ? .deflate : .none,
                             provider: { position, size in bytes.subdata(in: Int(position)..<(Int(position) + size)) })
        if let (path, content) = extraEntry {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(content.count), compressionMethod: .deflate,
                                 provider: { position, size in content.subdata(in: Int(position)..<(Int(position) + size)) })
        }
        return archive.data ?? Data()
    }

    static func paragraph(_ runs: String...) -> String {
        "<w:p>" + runs.map { "<w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r>" }.joined() + "</w:p>"
    }
}

@Suite("Documents to align: plain text, Markdown, Word")
struct DocumentReaderTests {
    @Test("A .docx gives its paragraphs, runs joined, Khmer kept with its U+200B")
    func docxParagraphs() throws {
        let body = WordFile.paragraph("The Embassy ", "presents its compliments.")
            + "<w:p><w:r><w:t>ស្ថានទូត</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>\u{200B}កម្ពុជា</w:t></w:r></w:p>"
            + "<w:p></w:p>"
            + "<w:tbl><w:tr><w:tc>" + WordFile.paragraph("In a table cell.") + "</w:tc></w:tr></w:tbl>"
        let data = try WordFile.data(body: body)
        let paragraphs = try DocumentReader.paragraphs(data: data, name: "note.docx")
        #expect(paragraphs == ["The Embassy presents its compliments.", "ស្ថានទូត\t\u{200B}កម្ពុជា", "In a table cell."])
    }

    @Test("A .docx is recognised by its content, whatever its name")
    func sniffing() throws {
        let data = try WordFile.data(body: WordFile.paragraph("Hello."))
        #expect(DocumentReader.kind(of: data, name: "note.txt") == .docx)
        #expect(DocumentReader.kind(of: Data("# Title".utf8), name: "note.md") == .markdown)
    }

    @Test("A truncated .docx is a clear error, not a crash")
    func truncated() throws {
        let data = try WordFile.data(body: WordFile.paragraph("Hello."))
        #expect(throws: DocumentError.self) { try DocumentReader.paragraphs(data: data.prefix(data.count / 2), name: "cut.docx") }
        #expect(throws: DocumentError.self) { try DocumentReader.paragraphs(data: Data("PK garbage".utf8), name: "bad.docx") }
    }

    @Test("A .docx without word/document.xml says it is not a Word document")
    func notWord() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(with: "hello.txt", type: .file, uncompressedSize: Int64(2), provider: { _, _ in Data("hi".utf8) })
        do {
            _ = try DocxReader().paragraphs(data: archive.data ?? Data(), name: "x.docx")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("word/document.xml"))
        }
    }

    @Test("A password-protected Word file (OLE container) is reported as encrypted")
    func encrypted() {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        #expect(throws: DocumentError.encryptedDocx(name: "secret.docx")) { try DocumentReader.paragraphs(data: ole, name: "secret.docx") }
        #expect(DocumentError.encryptedDocx(name: "secret.docx").description.contains("password"))
    }

    @Test("A zip bomb is refused after inflating at most the ratio limit")
    func zipBomb() throws {
        // 3 MB of one repeated paragraph compresses several hundred times.
        let paragraph = WordFile.paragraph(String(repeating: "a", count: 1_000)) + "\n"
        let body = String(repeating: paragraph, count: 3_000)
        let data = try WordFile.data(body: body)
        #expect(data.count < 30_000)
        do {
            _ = try DocxReader().paragraphs(data: data, name: "bomb.docx")
            Issue.record("expected the zip bomb to be refused")
        } catch {
            guard case .tooLarge = error else { Issue.record("wrong error: \(error)"); return }
        }
        var lenient = DocxReader()
        lenient.maximumRatio = 10_000
        #expect(try lenient.paragraphs(data: data, name: "bomb.docx").count == 3_000)
    }

    @Test("Broken WordprocessingML names the line and column")
    func brokenXML() throws {
        let data = try WordFile.data(body: "<w:p><w:r><w:t>unclosed & bare</w:t></w:r></w:p>")
        do {
            _ = try DocxReader().paragraphs(data: data, name: "broken.docx")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("line"))
        }
    }

    @Test("Plain text paragraphs are separated by blank lines; invalid UTF-8 is refused")
    func plainText() throws {
        let text = "First line\nsame paragraph.\n\n\nSecond ១២.\n"
        #expect(try DocumentReader.paragraphs(data: Data(text.utf8), name: "a.txt") == ["First line\nsame paragraph.", "Second ១២."])
        let latin1 = Data([0x52, 0xE9, 0x70, 0x6F, 0x6E, 0x73, 0x65])
        #expect(throws: DocumentError.self) { try DocumentReader.paragraphs(data: latin1, name: "latin1.txt") }
        #expect(try DocumentReader.paragraphs(data: latin1, name: "latin1.txt", lossy: true) == ["R\u{FFFD}ponse"])
    }

    @Test("Markdown loses its markup but keeps headings, list numbers and prose")
    func markdown() {
        let text = """
        # Note verbale No. 12

        The Embassy **presents** its [compliments](https://example.org) to the `Ministry`.
        It has the honour to inform.

        1. First point.
        2. Second point.

        ```
        code is not prose
        ```
        <!-- draft --> > quoted
        """
        #expect(MarkdownText.paragraphs(text) == [
            "Note verbale No. 12",
            "The Embassy presents its compliments to the Ministry. It has the honour to inform.",
            "1. First point.", "2. Second point.", "> quoted",
        ])
    }

    @Test("Gettext catalogues Debian installs parse, with real Khmer translations", .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/locale/km/LC_MESSAGES/dpkg.mo")))
    func gettext() throws {
        let catalogue = try MOCatalog(contentsOf: URL(fileURLWithPath: "/usr/share/locale/km/LC_MESSAGES/dpkg.mo"))
        #expect(catalogue.messages.count > 100)
        let khmer = catalogue.messages.filter { $0.translation.unicodeScalars.contains { (0x1780...0x17FF).contains($0.value) } }
        #expect(khmer.count > 100)
        #expect(khmer.contains { $0.translation.contains("\u{200B}") })
        #expect(throws: MOError.self) { try MOCatalog(data: Data("not a catalogue at all, no".utf8), name: "x.mo") }
    }
}
