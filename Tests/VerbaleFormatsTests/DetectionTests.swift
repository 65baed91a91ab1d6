import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

@Suite("Format detection and sources")
struct DetectionTests {
    @Test("Content decides before the name: <tmx, <xliff, UTF-16 with BOM, tables")
    func sniffing() throws {
        func detect(_ fixture: String, as name: String) throws -> MemoryFormat? {
            MemoryFormat.detect(fileName: name, prefix: try Data(contentsOf: Fixture.url(fixture)).prefix(4096))
        }
        #expect(try detect("tmx14-notes.tmx", as: "export.xml") == .tmx)
        #expect(try detect("trados-utf16le.tmx", as: "export.dat") == .tmx)
        #expect(try detect("utf16be.tmx", as: "export") == .tmx)
        #expect(try detect("omegat.tmx", as: "project_save.tmx.bak") == .tmx)
        #expect(try detect("notes-1.2.xlf", as: "file.txt") == .xliff)
        #expect(try detect("notes-2.0.xlf", as: "file") == .xliff)
        #expect(try detect("phrases.tsv", as: "phrases") == .tsv)
        #expect(try detect("semicolon.csv", as: "phrases") == .csv)
        #expect(try detect("not-a-memory.xml", as: "page.tmx") == nil, "an XML root that is not a memory is not guessed from the name")
        #expect(MemoryFormat.detect(fileName: "memory.tmx", prefix: Data()) == .tmx)
        #expect(MemoryFormat.detect(fileName: "memory.sdlxliff", prefix: Data()) == .xliff)
        #expect(MemoryFormat.detect(fileName: "memory.bin", prefix: Data("PK\u{3}\u{4}".utf8)) == nil)
    }

    @Test("A file that does not start with < is not XML whatever its name: a table saved as .tmx or .xlf is a table (audit F11)")
    func tableNamedAsXML() throws {
        let tsv = Data("en\tkm\nThe Embassy\tស្ថានទូត\n".utf8)
        #expect(MemoryFormat.detect(fileName: "wrong.tmx", prefix: tsv) == .tsv)
        #expect(MemoryFormat.detect(fileName: "wrong.xlf", prefix: Data([0xEF, 0xBB, 0xBF]) + Data("  \n".utf8) + tsv) == .tsv)
        #expect(MemoryFormat.detect(fileName: "wrong.tmx", prefix: Data("en,km\nThe Embassy,ស្ថានទូត\n".utf8)) == .csv)
        #expect(MemoryFormat.detect(fileName: "notes.tmx", prefix: Data("ស្ថានទូត​មាន​កិត្តិយស។\n".utf8)) == nil, "plain text is not guessed to be XML from the name")
        // XML with leading white space and a BOM is still XML.
        #expect(MemoryFormat.detect(fileName: "x.txt", prefix: Data([0xEF, 0xBB, 0xBF]) + Data("\n  <tmx version=\"1.4\">".utf8)) == .tmx)
        // The whole way through: the table is read, its Khmer kept.
        var reader = try MemoryFormat.makeReader(source: ByteSource(data: tsv, name: "wrong.tmx"))
        let units = try reader.readAll()
        #expect(units.count == 1)
        #expect(units.first?.variants.map(\.text) == ["The Embassy", "ស្ថានទូត"])
    }

    @Test("An unknown format is refused with a hint to pass --format")
    func unknown() {
        let error = Fixture.error(source: { ByteSource(data: Data("just words".utf8), name: "words.bin") })
        #expect(error?.reason == .unknownFormat)
        #expect(error?.description.contains("--format") == true)
    }

    @Test("A path of - reads standard input; a pipe streams like a file")
    func standardInput() throws {
        #expect(try ByteSource(url: URL(fileURLWithPath: "-")).name == "<stdin>")
        let pipe = Pipe()
        let data = try Data(contentsOf: Fixture.url("memoq.tmx"))
        let writer = pipe.fileHandleForWriting
        let thread = Thread {
            writer.write(data)
            try? writer.close()
        }
        thread.start()
        var reader = try MemoryFormat.makeReader(source: ByteSource(fileHandle: pipe.fileHandleForReading, name: "<stdin>"))
        #expect(try reader.readAll().count == 1)
    }

    @Test("A missing file is an error that says so")
    func missing() {
        #expect(throws: FormatError(file: "/nonexistent/verbale.tmx", reason: .io("no such file"))) {
            _ = try MemoryFormat.makeReader(url: URL(fileURLWithPath: "/nonexistent/verbale.tmx"))
        }
    }

    @Test("A reader dropped before the end stops its parser thread instead of hanging")
    func earlyDrop() throws {
        var generator = UnitGenerator(random: SeededGenerator(seed: 7))
        let units = (0..<5_000).map { _ in generator.tmxUnit() }
        let data = try write(units, as: .tmx)
        for _ in 0..<20 {
            var reader = try MemoryFormat.makeReader(source: ByteSource(data: data, name: "big.tmx"))
            for _ in 0..<10 { _ = try reader.next() }
        }
        // The whole file still reads in order, across many hand-off batches.
        let (again, _) = try read(data, as: .tmx)
        #expect(again == units)
    }
}
