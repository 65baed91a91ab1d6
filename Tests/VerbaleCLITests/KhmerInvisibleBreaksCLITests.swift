import Foundation
import Testing
import VerbaleTestSupport

/// A Khmer query typed with U+200B between its words meets the shipped formulas (written
/// without) exactly as the same query typed without U+200B does (audit finding F15): search,
/// concordance, suggest, draft translate and mine, on a fresh memory seeded at first use.
@Suite("Khmer with and without U+200B, end to end")
struct KhmerInvisibleBreaksCLITests {
    static let spaced = "មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាប\u{200B}ជូន"
    static let note = "ស្ថានទូត\u{200B}សូម\u{200B}គោរព\u{200B}ជូន\u{200B}ចំពោះ\u{200B}ក្រសួង\u{200B}ការបរទេស ហើយ\u{200B}មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាប\u{200B}ជូន\u{200B}ថា\n"

    static func unspaced(_ text: String) -> String { text.replacingOccurrences(of: "\u{200B}", with: "") }

    /// A fresh data folder: the shipped memory is seeded into it on first use.
    static func freshEnvironment() -> [String: String] {
        let folder = Scratch.path("verbale-zwsp")
        return ["VERBALE_MEMORY": "", "XDG_DATA_HOME": folder.path]
    }

    /// Output with U+200B and the query offsets (`[48–75]`, `"start" : 9`) taken out: what differs
    /// only because the query was typed with U+200B.
    static func comparable(_ output: String) -> String {
        unspaced(output)
            .replacingOccurrences(of: #"\[\d+–\d+\]"#, with: "[…]", options: .regularExpression)
    }

    @Test("search finds the shipped formula at 100% whichever way the query is typed, with the same matches")
    func search() throws {
        let environment = Self.freshEnvironment()
        let spaced = try CLI.run(["search", "--lang", "km", "--to", "en", Self.spaced], environment: environment)
        let unspaced = try CLI.run(["search", "--lang", "km", "--to", "en", Self.unspaced(Self.spaced)], environment: environment)
        #expect(spaced.status == 0, "\(spaced.stderr)")
        #expect(spaced.stdout.hasPrefix("100%"), "\(spaced.stdout)")
        #expect(spaced.stdout.contains("has the honour to inform"))
        #expect(spaced.stdout == unspaced.stdout)
    }

    @Test("concordance and suggest give the same hits whichever way the text is typed")
    func concordanceAndSuggest() throws {
        let environment = Self.freshEnvironment()
        let query = "មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាប"
        let spaced = try CLI.run(["concordance", "--lang", "km", query], environment: environment)
        let unspaced = try CLI.run(["concordance", "--lang", "km", Self.unspaced(query)], environment: environment)
        #expect(spaced.status == 0, "\(spaced.stderr)")
        #expect(spaced.stdout.contains("[[មានកិត្តិយសសូមជម្រាប]]ជូន"), "\(spaced.stdout)")
        #expect(spaced.stdout == unspaced.stdout)

        let suggestSpaced = try CLI.run(["suggest", "--lang", "km", "-"], stdin: Self.note, environment: environment)
        let suggestUnspaced = try CLI.run(["suggest", "--lang", "km", "-"], stdin: Self.unspaced(Self.note), environment: environment)
        #expect(suggestSpaced.status == 0, "\(suggestSpaced.stderr)")
        #expect(suggestSpaced.stdout.contains("មានកិត្តិយសសូមជម្រាបជូន  [unreviewed]"), "\(suggestSpaced.stdout)")
        #expect(Self.comparable(suggestSpaced.stdout) == Self.comparable(suggestUnspaced.stdout))
    }

    @Test("draft translate and mine treat the note with U+200B as the same note without")
    func draftAndMine() throws {
        let environment = Self.freshEnvironment()
        let spaced = try CLI.run(["draft", "translate", "-", "--to", "en"], stdin: Self.note, environment: environment)
        let unspaced = try CLI.run(["draft", "translate", "-", "--to", "en"], stdin: Self.unspaced(Self.note), environment: environment)
        #expect(spaced.status == 0, "\(spaced.stderr)")
        #expect(spaced.stdout.contains("has the honour to inform"), "\(spaced.stdout)")
        #expect(Self.comparable(spaced.stdout) == Self.comparable(unspaced.stdout))

        let folder = try Scratch.folder("verbale-zwsp-mine")
        var files: [String] = []
        for n in 1...4 {
            let file = folder.appendingPathComponent("km\(n).txt")
            try (n == 4 ? Self.unspaced(Self.note) : Self.note).write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let mined = try CLI.run(["mine", "--lang", "km", "--min-count", "4"] + files, environment: environment)
        #expect(mined.status == 0, "\(mined.stderr)")
        // All four notes count, the one typed without U+200B included.
        #expect(mined.stdout.split(separator: "\n").contains { $0.hasPrefix("4\t") && Self.unspaced(String($0)).contains("មានកិត្តិយសសូមជម្រាបជូន") }, "\(mined.stdout)")
    }
}
