import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Review 30 Nov, m6: a file declaring ISO-8859-1 or windows-1252 whose bytes are UTF-8 must not
/// be stored as mojibake (`Mérci` as `MÃ©rci`).
@Suite("XML declaring an 8-bit encoding but holding UTF-8")
struct MislabelledEncodingTests {
    static func tmx(encoding: String, french: [UInt8], khmer: [UInt8] = Array("ok".utf8)) -> [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<tmx version=\"1.4\">\n<header srclang=\"en\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" creationtool=\"t\" creationtoolversion=\"1\" o-tmf=\"t\"/>\n<body>\n<tu>\n<tuv xml:lang=\"en\"><seg>Thank you.</seg></tuv>\n<tuv xml:lang=\"fr\"><seg>".utf8)
            + french + Array("</seg></tuv>\n<tuv xml:lang=\"km\"><seg>".utf8) + khmer + Array("</seg></tuv>\n</tu>\n</body>\n</tmx>\n".utf8)
    }

    @Test("ISO-8859-1 declared, UTF-8 é: refused at its line and column, naming the fix, wherever the input is cut",
          arguments: [nil, 0, 1, 2])
    func latin1WithUTF8(cutAfterAccent: Int?) throws {
        let bytes = Self.tmx(encoding: "ISO-8859-1", french: Array("Mérci pour votre note.".utf8))
        let accent = try #require(bytes.firstIndex(of: 0xC3))
        let cuts = cutAfterAccent.map { [accent + $0] } ?? []
        let error = try #require(Fixture.error(bytes, name: "lying.tmx", cuts: cuts, format: .tmx))
        guard case let .mislabelledEncoding(declared, hex, utf8, asDeclared) = error.reason else {
            Issue.record("got \(error)")
            return
        }
        #expect((declared, hex, utf8, asDeclared) == ("ISO-8859-1", "C3 A9", "é", "Ã©"))
        #expect(error.line == 7)
        #expect(error.column == "<tuv xml:lang=\"fr\"><seg>M".count + 1)
        #expect(error.description.hasPrefix("lying.tmx:7:\(error.column): "))
        #expect(error.description.contains("encoding=\"UTF-8\""), "\(error)")
        #expect(error.description.contains("iconv -f ISO-8859-1 -t UTF-8"))
    }

    @Test("windows-1252 declared, UTF-8 Khmer: refused at the Khmer text")
    func windows1252WithKhmer() throws {
        let bytes = Self.tmx(encoding: "windows-1252", french: Array("Merci.".utf8), khmer: Array("សូម\u{200B}អរគុណ។".utf8))
        let error = try #require(Fixture.error(bytes, name: "km.tmx", format: .tmx))
        guard case let .mislabelledEncoding(_, hex, utf8, asDeclared) = error.reason else {
            Issue.record("got \(error)")
            return
        }
        #expect(hex == "E1 9E 9F" && utf8 == "ស")
        #expect(asDeclared == "áž\u{0178}")
        #expect(error.line == 8)
    }

    @Test("Genuine ISO-8859-1 and windows-1252 still read: é, SÃO, « », € and ’")
    func genuineLatin1() throws {
        let latin1 = Self.tmx(encoding: "ISO-8859-1", french: [0x4D, 0xE9, 0x72, 0x63, 0x69, 0x20, 0xAB, 0x20, 0x53, 0xC3, 0x4F, 0x20, 0xBB])
        let units = try read(Data(latin1), as: .tmx).units
        #expect(units.first?.text("fr") == "Mérci « SÃO »")
        let cp1252 = Self.tmx(encoding: "windows-1252", french: [0x31, 0x30, 0x20, 0x80, 0x20, 0x6C, 0x92, 0x45, 0x74, 0x61, 0x74])
        #expect(try read(Data(cp1252), as: .tmx).units.first?.text("fr") == "10 € l’Etat")
        #expect(try Fixture.read("latin1.tmx").units.isEmpty == false)
        #expect(try Fixture.read("windows1252.tmx").units.isEmpty == false)
    }
}
