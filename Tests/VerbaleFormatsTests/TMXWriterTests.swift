import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats
import VerbaleTestSupport

/// Finds a program on PATH (xmllint for DTD validation).
func findProgram(_ name: String) -> URL? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
}

/// Runs a program and returns (exit status, stdout+stderr).
func run(_ program: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

func temporaryFile(_ name: String) -> URL {
    Scratch.path("verbale-formats", suffix: "-\(name)")
}

@Suite("TMX writer")
struct TMXWriterTests {
    static let xmllint = findProgram("xmllint")

    @Test("Real-world TMX files read, written and read again give the same units")
    func fixturesRoundTrip() throws {
        for name in ["tmx14-notes.tmx", "tmx11-lang.tmx", "trados-utf16le.tmx", "trados-tw4win-ut.tmx", "memoq.tmx", "omegat.tmx"] {
            let (units, reader) = try Fixture.read(name)
            let data = try write(units, as: .tmx, header: reader.header)
            let (again, _) = try read(data, as: nil)
            #expect(again == units, "round trip of \(name)")
        }
    }

    @Test("Written TMX is valid against the TMX 1.4 DTD (xmllint --dtdvalid)",
          .enabled(if: xmllint != nil, "xmllint is not installed (apt-get install libxml2-utils); DTD validation skipped"))
    func dtdValid() throws {
        let xmllint = try #require(Self.xmllint)
        var units: [TranslationUnit] = []
        for name in ["tmx14-notes.tmx", "trados-utf16le.tmx", "trados-tw4win-ut.tmx", "memoq.tmx", "omegat.tmx", "tmx11-lang.tmx"] {
            units += try Fixture.read(name).units
        }
        // Tags from XLIFF and unknown attributes must come out as valid TMX too.
        units.append(TranslationUnit(variants: [
            Variant(language: LanguageTag(.english), text: "Bold and plain", tags: [
                InlineTag(kind: .g, position: 0, attributes: [Property(type: "id", value: "1")]),
                InlineTag(kind: .g, position: 4, attributes: [Property(type: "id", value: "1")], isClosing: true),
                InlineTag(kind: .x, position: 9, attributes: [Property(type: "id", value: "2")]),
                InlineTag(kind: .sc, position: 10), InlineTag(kind: .ec, position: 14),
            ]),
        ], metadata: UnitMetadata(review: .unreviewed, attributes: [Property(type: "x-tool-specific", value: "1")])))
        let url = temporaryFile("valid.tmx")
        defer { try? FileManager.default.removeItem(at: url) }
        let sink = try ByteSink(url: url)
        var writer = try TMXWriter(sink: sink, header: MemoryHeader(sourceLanguage: LanguageTag(.english)))
        for unit in units { try writer.write(unit) }
        try writer.finish()
        try sink.close()
        let result = try run(xmllint, ["--noout", "--dtdvalid", Fixture.url("tmx14.dtd").path, url.path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("The DTD check itself fails on an invalid TMX (so the test above can fail)",
          .enabled(if: xmllint != nil, "xmllint is not installed; skipped"))
    func dtdRejects() throws {
        let xmllint = try #require(Self.xmllint)
        let result = try run(xmllint, ["--noout", "--dtdvalid", Fixture.url("tmx14.dtd").path, Fixture.url("tmx11-lang.tmx").path])
        #expect(result.status != 0)
    }

    @Test("All required header attributes are written, srclang *all* when no source is set")
    func header() throws {
        let data = try write([], as: .tmx)
        let text = String(decoding: data, as: UTF8.self)
        for attribute in ["creationtool=", "creationtoolversion=", "segtype=\"sentence\"", "o-tmf=", "adminlang=", "srclang=\"*all*\"", "datatype="] {
            #expect(text.contains(attribute), "missing \(attribute)")
        }
        let (units, reader) = try read(data, as: .tmx)
        #expect(units.isEmpty)
        #expect(reader.header.creationTool == "Verbale")
    }

    @Test("Markup characters, CR, quotes and control characters are escaped so they survive")
    func escaping() throws {
        let unit = TranslationUnit(id: "a\"b<c>", variants: [
            Variant(language: LanguageTag(.french), text: "L’« Ambassade » & <Cie>\r\nligne\tdeux"),
            Variant(language: LanguageTag(.khmer), text: "ស្ថានទូត\u{200B}កម្ពុជា ០១២៣៤៥៦៧៨៩"),
        ], metadata: UnitMetadata(notes: ["a & b < c"], properties: [Property(type: "x-\"q\"", value: "v\nw")]))
        let data = try write([unit], as: .tmx)
        let (units, _) = try read(data, as: .tmx)
        #expect(units == [unit])
        let control = TranslationUnit(variants: [Variant(language: LanguageTag(.english), text: "bell\u{07}")])
        let back = try read(try write([control], as: .tmx), as: .tmx).units
        #expect(back.first?.variants.first?.text == "bell\u{FFFD}")
    }

    @Test("A unit without variants cannot be written")
    func emptyUnit() {
        #expect(throws: FormatError.self) { try write([TranslationUnit(variants: [])], as: .tmx) }
    }
}
