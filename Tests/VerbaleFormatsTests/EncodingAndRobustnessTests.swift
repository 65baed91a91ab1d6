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
    /// `text` as UTF-16 LE with a BOM, `@@` replaced by the 16-bit unit `lone` (a surrogate no
    /// Swift string can hold).
    static func utf16LE(_ text: String, lone: UInt16) -> Data {
        var bytes: [UInt8] = [0xFF, 0xFE]
        let parts = text.components(separatedBy: "@@")
        for (index, part) in parts.enumerated() {
            for unit in part.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            if index < parts.count - 1 { bytes += [UInt8(lone & 0xFF), UInt8(lone >> 8)] }
        }
        return Data(bytes)
    }

    @Test("A lone UTF-16 surrogate is an error naming the file, in TMX and TSV; a pair split across chunks reads whole (review P1)")
    func loneSurrogate() throws {
        let tmx = """
            <?xml version="1.0" encoding="UTF-16"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body><tu><tuv xml:lang="en"><seg>lone @@ here</seg></tuv><tuv xml:lang="km"><seg>ខ្មែរ</seg></tuv></tu></body></tmx>
            """
        for lone: UInt16 in [0xD800, 0xDC00, 0xDBFF] {
            let error = try #require(Fixture.error(source: { ByteSource(data: Self.utf16LE(tmx, lone: lone), name: "lone.tmx") }))
            guard case let .invalidEncoding(detail) = error.reason else { Issue.record("got \(error)"); continue }
            #expect(error.description.hasPrefix("lone.tmx: invalid bytes for the file's encoding: a lone UTF-16 surrogate (\\u\(String(lone, radix: 16, uppercase: true)))"), "\(error)")
            // Counted from 1 after the BOM: the unit right after the text before `@@`.
            let position = (tmx.components(separatedBy: "@@").first?.utf16.count ?? 0) + 1
            #expect(detail.contains("at UTF-16 unit \(position) of the text"), "\(detail)")
        }
        let tsv = "en\tkm\nlone @@ here\tខ្មែរ\n"
        let tsvError = try #require(Fixture.error(source: { ByteSource(data: Self.utf16LE(tsv, lone: 0xDC00), name: "lone.tsv") }, format: .tsv))
        #expect(tsvError.description.hasPrefix("lone.tsv: invalid bytes for the file's encoding: a lone UTF-16 surrogate"), "\(tsvError)")
        // A real pair (😀, D83D DE00) cut between two chunks — between its halves, or inside its
        // first half — reads as it was written.
        let data = [UInt8](Self.utf16LE(tmx.replacingOccurrences(of: "lone @@ here", with: "x😀"), lone: 0))
        let high = try #require((0..<(data.count - 1)).first { data[$0] == 0x3D && data[$0 + 1] == 0xD8 })
        for cut in [high + 2, high + 1] {
            var chunks = [Array(data[..<cut]), Array(data[cut...])]
            let source = ByteSource(name: "pair.tmx", chunks: { () throws(FormatError) -> [UInt8]? in chunks.isEmpty ? nil : chunks.removeFirst() })
            var reader = try MemoryFormat.makeReader(source: source, format: .tmx)
            let units = try reader.readAll()
            #expect(units.first?.variants.first?.text == "x😀", "cut at \(cut)")
        }
    }
}
