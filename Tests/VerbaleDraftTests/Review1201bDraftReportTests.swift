import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Review 1201b m8: `check` did not notice the report lines `draft translate` prints around
/// the translated note (the "=== en (English) — …" header and the "--- segments (score,
/// method, flags) ---" table), so a report saved as a note passed with only its ⟦…⟧ flagged.
@Suite("Review 1201b: check flags the lines of draft translate's text report left in a note")
struct Review1201bDraftReportTests {
    static let khmerSpaced = "ស្ថាន\u{200B}ទូត\u{200B}សូម\u{200B}ផ្ញើ\u{200B}ភ្ជាប់\u{200B}ជាមួយ\u{200B}នេះ\u{200B}នូវ\u{200B}កម្មវិធី\u{200B}នៃ\u{200B}កិច្ចប្រជុំ។"

    @Test("m8: every line of draft translate's text report (header, table heading, rows) is an error at its line's first column; the note's own lines are not")
    func reportLines() throws {
        let translator = try Review1130gDraftTests.translator(from: .khmer)
        let result = translator.pretranslate(Self.khmerSpaced + "\n", to: [.english])
        let report = PretranslationRendering.text(result)
        let checker = try ProtocolChecker(book: Fixtures.book, language: .english)
        let findings = checker.check(report).findings.filter { $0.code == "draft-report" }
        let scalars = Array(report.unicodeScalars)
        let lines = findings.map { finding in
            String(String.UnicodeScalarView(scalars[finding.start..<finding.end]))
        }
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.first?.hasPrefix("=== en (English) — ") == true, "\(lines)")
        #expect(lines.contains("--- segments (score, method, flags) ---"), "\(lines)")
        #expect(lines.last?.hasPrefix("[1] ") == true, "\(lines)")
        #expect(findings.allSatisfy { $0.severity == .error })
        // Each finding starts a line.
        #expect(findings.allSatisfy { $0.start == 0 || scalars[$0.start - 1] == "\n" })
        // The translated note alone (what --output writes): no report line.
        let note = result.document(.english)
        #expect(checker.check(note).findings.filter { $0.code == "draft-report" }.isEmpty)
    }

    @Test("m8: a note's own bracketed numbers, percentages and rules are not report lines")
    func notReportLines() throws {
        let checker = try ProtocolChecker(book: Fixtures.book, language: .english)
        let text = "[1] 10% of the budget is allocated to the visit.\n=== Annex ===\n--- end ---\nសមាជិក ៣ រូប [1] 10%\n"
        #expect(checker.check(text).findings.filter { $0.code == "draft-report" }.isEmpty)
    }
}
