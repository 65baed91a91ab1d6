import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Review 1130c, m1: a closing that begins as the notes' closings do ("avails itself of this
/// opportunity", « saisit cette occasion », សូមឆ្លៀតឱកាសនេះ) but goes on in other words is the
/// closing, with a warning on its wording — not "no closing formula was found".
@Suite("check: a closing in other words")
struct ClosingWordingTests {
    static func codes(_ text: String, _ language: Language) throws -> [(String, Finding.Severity, Int)] {
        let report = try ProtocolChecker(book: Fixtures.book, language: language).check(text)
        return report.findings.filter { $0.code != "personal-data" }.map { ($0.code, $0.severity, $0.line) }
    }

    @Test("English: \"to extend to\" is a closing with a warning at its line")
    func english() throws {
        let note = """
        The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs and has the honour to inform the Ministry that the meeting will take place on 1 March 2021.

        The Embassy of the Kingdom of Cambodia avails itself of this opportunity to extend to the Ministry of Foreign Affairs the assurances of its highest consideration.
        """
        let found = try Self.codes(note, .english)
        #expect(!found.contains { $0.0 == "missing-closing" }, "\(found)")
        #expect(found.contains { $0 == ("closing-wording", .warning, 3) }, "\(found)")
        #expect(!found.contains { $0.1 == .error }, "\(found)")
    }

    @Test("French: « pour exprimer » is a closing with a warning")
    func french() throws {
        let note = """
        L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère des Affaires étrangères et a l'honneur de l'informer que la réunion aura lieu le 1er mars 2021.

        L'Ambassade du Royaume du Cambodge saisit cette occasion pour exprimer au Ministère des Affaires étrangères les assurances de sa très haute considération.
        """
        let found = try Self.codes(note, .french)
        #expect(!found.contains { $0.0 == "missing-closing" }, "\(found)")
        #expect(found.contains { $0 == ("closing-wording", .warning, 3) }, "\(found)")
    }

    @Test("Khmer: សម្តែងជូន without ជាថ្មី is a closing; the sender's short form in it is the same sender")
    func khmer() throws {
        let note = """
        ស្ថាន\u{200B}ឯកអគ្គរាជទូត\u{200B}នៃ\u{200B}ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា\u{200B}សូម\u{200B}គោរព\u{200B}ជូន\u{200B}ចំពោះ\u{200B}ក្រសួង\u{200B}ការបរទេស ហើយ\u{200B}មាន\u{200B}កិត្តិយស\u{200B}សូម\u{200B}ជម្រាប\u{200B}ជូន\u{200B}ថា កិច្ចប្រជុំ\u{200B}នឹង\u{200B}ប្រព្រឹត្ត\u{200B}ទៅ\u{200B}នៅ\u{200B}ថ្ងៃទី១ ខែមីនា ឆ្នាំ២០២១។

        ស្ថាន\u{200B}ឯកអគ្គរាជទូត\u{200B}សូម\u{200B}ឆ្លៀត\u{200B}ឱកាស\u{200B}នេះ\u{200B}សម្តែង\u{200B}ជូន\u{200B}ក្រសួង\u{200B}ការបរទេស នូវ\u{200B}ការ\u{200B}គោរព\u{200B}ដ៏\u{200B}ខ្ពង់ខ្ពស់\u{200B}បំផុត។
        """
        let found = try Self.codes(note, .khmer)
        #expect(!found.contains { $0.0 == "missing-closing" }, "\(found)")
        #expect(!found.contains { $0.0 == "sender-mismatch" }, "\(found)")
        #expect(found.contains { $0 == ("closing-wording", .warning, 3) }, "\(found)")
    }

    @Test("A note with no closing at all is still missing its closing")
    func noClosing() throws {
        let note = "The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs and has the honour to inform the Ministry that the meeting will take place on 1 March 2021."
        let found = try Self.codes(note, .english)
        #expect(found.contains { $0.0 == "missing-closing" && $0.1 == .error }, "\(found)")
        #expect(!found.contains { $0.0 == "closing-wording" }, "\(found)")
    }
}
