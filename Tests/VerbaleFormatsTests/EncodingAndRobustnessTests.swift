import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

@Suite("Encodings and robustness")
struct EncodingAndRobustnessTests {
    @Test("ISO-8859-1 and windows-1252 TMX files (declared) are transcoded")
    func eightBit() throws {
        let latin = try Fixture.read("latin1.tmx").units
        #expect(latin.first?.text("fr") == "Le Ministère des Affaires étrangères présente ses compliments.")
        let windows = try Fixture.read("windows1252.tmx").units
        #expect(windows.first?.text("fr") == "L’Ambassade – « très haute considération » €")
    }

    @Test("UTF-16 LE without a byte-order mark is recognised from '<?' as 16-bit units")
    func utf16WithoutBOM() throws {
        let (units, reader) = try Fixture.read("utf16le-nobom.tmx")
        #expect(reader.header.originalFormat == "MemoQTM")
        #expect(units.first?.variants[1].text.contains("ឯកឧត្តម") == true)
    }

    @Test("Cut or corrupted TMX never crashes nor hangs: it reads or fails with a FormatError", arguments: [5, 6, 7])
    func mutations(seed: UInt64) throws {
        var generator = UnitGenerator(random: SeededGenerator(seed: seed))
        let units = (0..<40).map { _ in generator.tmxUnit() }
        let original = [UInt8](try write(units, as: .tmx))
        var random = SeededGenerator(seed: seed &* 31)
        var failures = 0, successes = 0
        for round in 0..<300 {
            var bytes = original
            switch round % 3 {
            case 0:
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
            case 1:
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            default:
                let at = Int.random(in: 0..<bytes.count, using: &random)
                let piece = ["<", "&", "]]>", "<!ENTITY x \"y\">", "\u{0}", "</tu>", "<seg>", "\"", "&#0;", "&lol;"].randomElement(using: &random) ?? "<"
                bytes.insert(contentsOf: Array(piece.utf8), at: at)
            }
            if let error = Fixture.error(source: { ByteSource(data: Data(bytes), name: "mutated.tmx") }, format: .tmx) {
                #expect(!error.description.isEmpty)
                #expect(error.line >= 0 && error.column >= 0)
                failures += 1
            } else {
                successes += 1
            }
        }
        #expect(failures > 0)
        #expect(failures + successes == 300)
    }

    @Test("Cut XLIFF and CSV never crash either")
    func otherFormats() throws {
        for (name, format) in [("notes-2.0.xlf", MemoryFormat.xliff), ("notes-1.2.xlf", .xliff), ("semicolon.csv", .csv), ("phrases.tsv", .tsv)] {
            let data = try Data(contentsOf: Fixture.url(name))
            var failures = 0
            for cut in stride(from: 0, to: data.count, by: 7) {
                // Fixture.error records an issue for any error that is not a FormatError.
                if Fixture.error(source: { ByteSource(data: data.prefix(cut), name: name) }, format: format) != nil { failures += 1 }
            }
            #expect(failures > 0, "\(name)")
        }
    }
}
