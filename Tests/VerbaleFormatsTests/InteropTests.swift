import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// The Python with translate-toolkit: `$VERBALE_PYTHON` (CI sets it), else /work/venv.
enum TranslateToolkit {
    static let python: URL? = {
        let candidates = [ProcessInfo.processInfo.environment["VERBALE_PYTHON"], "/work/venv/bin/python"].compactMap { $0 }
        for path in candidates where FileManager.default.isExecutableFile(atPath: path) {
            let url = URL(fileURLWithPath: path)
            if let result = try? run(url, ["-c", "import translate.storage.tmx"]), result.status == 0 { return url }
        }
        return nil
    }()
}

@Suite("Interoperability with translate-toolkit")
struct InteropTests {
    @Test("translate-toolkit reads a TMX written by Verbale with the same unit count and texts",
          .enabled(if: TranslateToolkit.python != nil, "translate-toolkit not found (set VERBALE_PYTHON to a Python with translate-toolkit); interop skipped"))
    func translateToolkitReadsOurTMX() throws {
        let python = try #require(TranslateToolkit.python)
        var units: [TranslationUnit] = []
        for name in ["tmx14-notes.tmx", "trados-utf16le.tmx", "memoq.tmx", "omegat.tmx", "trados-tw4win-ut.tmx"] { units += try Fixture.read(name).units }
        var generator = UnitGenerator(random: SeededGenerator(seed: 11))
        units += (0..<500).map { _ in generator.tmxUnit() }
        let url = temporaryFile("interop.tmx")
        defer { try? FileManager.default.removeItem(at: url) }
        let sink = try ByteSink(url: url)
        var writer = try TMXWriter(sink: sink, header: MemoryHeader(sourceLanguage: LanguageTag(.english)))
        for unit in units { try writer.write(unit) }
        try writer.finish()
        try sink.close()
        let script = """
        import sys, json
        from translate.storage import tmx
        store = tmx.tmxfile.parsefile(sys.argv[1])
        units = [u for u in store.units if not u.isheader()]
        print(json.dumps({"count": len(units), "first": units[0].source}))
        """
        let result = try run(python, ["-c", script, url.path])
        #expect(result.status == 0, "\(result.output)")
        let json = try #require(result.output.split(separator: "\n").last.map { Data($0.utf8) })
        let decoded = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect(decoded?["count"] as? Int == units.count)
        #expect(decoded?["first"] as? String == units[0].variants[0].text)
    }

    @Test("Verbale reads a TMX written by translate-toolkit",
          .enabled(if: TranslateToolkit.python != nil, "translate-toolkit not found; interop skipped"))
    func weReadTranslateToolkitTMX() throws {
        let python = try #require(TranslateToolkit.python)
        let url = temporaryFile("from-tt.tmx")
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
        import sys
        from translate.storage import tmx
        store = tmx.tmxfile(sourcelanguage="en", targetlanguage="km")
        store.addtranslation("The Embassy presents its compliments.", "en", "ស្ថានទូត\\u200bសូម\\u200bគោរព។", "km", "unreviewed")
        store.addtranslation("Note No. 2021/01/045 & annex", "en", "កំណត់​ទូត​លេខ ២០២១/០១/០៤៥", "km")
        with open(sys.argv[1], "wb") as f:
            store.serialize(f)
        """
        let result = try run(python, ["-c", script, url.path])
        #expect(result.status == 0, "\(result.output)")
        var reader = try MemoryFormat.makeReader(url: url)
        let units = try reader.readAll()
        #expect(units.count == 2)
        #expect(units.first?.text("km") == "ស្ថានទូត\u{200B}សូម\u{200B}គោរព។")
        #expect(units.last?.text("en") == "Note No. 2021/01/045 & annex")
    }
}
