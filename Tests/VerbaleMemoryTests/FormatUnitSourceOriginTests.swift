import Foundation
import Testing
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

/// The origin an imported unit gets (`FILE#LINE`) is written in one allocation by
/// `FormatUnitSource.origin(prefix:line:)`; it must be exactly what `prefix + String(line)` was.
@Suite("Import origins written in one go")
struct FormatUnitSourceOriginTests {
    @Test("origin(prefix:line:) is prefix + String(line) for ASCII, French and Khmer names and every width of number",
          arguments: ["notes.tmx#", "Élysée 2024.tmx#", "ការទូត.tsv#", "#", "", "a-name-longer-than-fifteen-bytes.xlf#"])
    func sameAsConcatenation(prefix: String) {
        var lines: [Int] = [0, 1, 9, 10, 99, 100, 12_345, 999_999, 1_000_000, Int(Int32.max), Int.max, -1, -42, Int.min]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            lines += [power - 1, power, power + 1]
        }
        for line in lines {
            let made = FormatUnitSource.origin(prefix: prefix, line: line)
            #expect(made == prefix + String(line), "\(prefix) \(line)")
            #expect(made.utf8.elementsEqual((prefix + String(line)).utf8), "\(prefix) \(line)")
        }
    }

    @Test("Units read from a TMX get FILE#LINE, the line their <tu> starts on")
    func unitsGetFileAndLine() throws {
        let xml = "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n"
            + "<tu><tuv xml:lang=\"en\"><seg>Hello</seg></tuv><tuv xml:lang=\"km\"><seg>សួស្ដី</seg></tuv></tu>\n\n"
            + "<tu><tuv xml:lang=\"en\"><seg>Yes</seg></tuv><tuv xml:lang=\"km\"><seg>បាទ</seg></tuv></tu>\n"
            + "</body></tmx>"
        let source = try FormatUnitSource(data: Data(xml.utf8), name: "ការទូត.tmx")
        var origins: [String?] = []
        while let unit = try source.next() { origins.append(unit.metadata.origin) }
        #expect(origins == ["ការទូត.tmx#2", "ការទូត.tmx#4"])
    }
}
