import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// `check` flags the sender speaking of itself in the first person, in every language
/// (review 30 Nov b, C1: « nous », « notre » passed a French note clean).
@Suite("Protocol checks: first person")
struct FirstPersonCheckTests {
    static func firstPerson(_ report: CheckReport) -> [String] {
        report.findings.filter { $0.code == "first-person" }.map { String($0.message.split(separator: "\"")[0]) }
    }

    static let frenchNote = """
    N° 045/2021

    L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère de l'Europe et des Affaires étrangères \
    et a l'honneur de l'informer que nous organiserons une réunion à notre ambassade. Je joins la liste.

    L'Ambassade saisit cette occasion pour renouveler au Ministère les assurances de sa très haute considération.

    Paris, le 12 janvier 2021
    """

    @Test("French: « nous », « notre », « Je », « m' » and « nos » in the body are each a first-person warning")
    func french() throws {
        let checker = try ProtocolChecker(book: Fixtures.book, language: .french)
        #expect(Self.firstPerson(checker.check(Self.frenchNote)) == ["nous", "notre", "Je"])
        let more = Self.frenchNote.replacingOccurrences(of: "Je joins la liste.", with: "Le Ministère m'a transmis nos propositions.")
        #expect(Self.firstPerson(checker.check(more)) == ["nous", "notre", "m'", "nos"])
        let clean = Self.frenchNote.replacingOccurrences(of: "que nous organiserons une réunion à notre ambassade. Je joins la liste.",
                                                         with: "qu'elle organisera une réunion à l'Ambassade. Elle joint la liste.")
        #expect(Self.firstPerson(checker.check(clean)).isEmpty)
    }

    @Test("Both parties, as in real exchanges of notes: « entre nos deux Gouvernements », \"between our two Governments\", \"our respective\"; « Me Dupont », \"the US\"")
    func bothParties() throws {
        let french = try ProtocolChecker(book: Fixtures.book, language: .french)
        let accord = Self.frenchNote.replacingOccurrences(of: "que nous organiserons une réunion à notre ambassade. Je joins la liste.",
                                                          with: "que la présente note constitue un accord entre nos deux Gouvernements. Me Dupont en est informé.")
        #expect(Self.firstPerson(french.check(accord)).isEmpty)
        let english = try ProtocolChecker(book: Fixtures.book, language: .english)
        let note = """
        No. 45/2021
        The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry of Foreign Affairs and has the honour \
        to propose that this Note constitute an agreement between our two Governments, as our respective experts and the US delegation agreed.
        The Embassy avails itself of this opportunity to renew to the Ministry the assurances of its highest consideration.
        Geneva, 12 January 2021
        """
        #expect(Self.firstPerson(english.check(note)).isEmpty)
        let slip = note.replacingOccurrences(of: "as our respective experts and the US delegation agreed", with: "as we told us and me")
        #expect(Self.firstPerson(english.check(slip)) == ["we", "us", "me"])
    }

    @Test("A link or an address is not prose: the \"me\" of wa.me/ and t.me/ is no first person; \"me\" in a sentence still is")
    func links() throws {
        let english = try ProtocolChecker(book: Fixtures.book, language: .english)
        let contacts = "For the visas, please use WhatsApp https://wa.me/85512345678, wa.me/85512345678, Telegram t.me/me_sokha, "
            + "viber://chat?number=%2B85512345678 or me@mfa.gov.kh; see mfa.gov.kh/me/visa."
        #expect(Self.firstPerson(english.check(contacts)).isEmpty)
        #expect(Self.firstPerson(english.check(contacts + " Please write to me.")) == ["me"])
        // Numbered points written without their space (Europarl): prose, not host names.
        #expect(Self.firstPerson(english.check("Our work has three objectives:\n1.We want to fight racism.\n2.We want laws.")) == ["Our", "We", "We"])
        let french = try ProtocolChecker(book: Fixtures.book, language: .french)
        #expect(Self.firstPerson(french.check("Pour les visas, WhatsApp : wa.me/85512345678 ou t.me/sokhachan.")).isEmpty)
    }

    @Test("Khmer: ខ្ញុំ (I) and យើង (we) in the body are flagged; the same sentence in the third person is not")
    func khmer() throws {
        let khmer = try ProtocolChecker(book: Fixtures.book, language: .khmer)
        let body = "ស្ថានទូត​សូម​ជម្រាប​ថា ខ្ញុំ​នឹង​រៀបចំ​កិច្ចប្រជុំ​មួយ ហើយ​យើង​សូម​អញ្ជើញ​ក្រសួង​ចូលរួម។"
        #expect(Self.firstPerson(khmer.check(body)) == ["ខ្ញុំ", "យើង"])
        // យើងខ្ញុំ (the formal "we", as in the review's note) is one finding, with a Khmer fix.
        let formal = khmer.check("ស្ថានទូត​សូម​ជម្រាប​ថា យើងខ្ញុំ​នឹង​រៀបចំ​កិច្ចប្រជុំ។").findings.filter { $0.code == "first-person" }
        #expect(formal.count == 1 && formal.first?.message.contains("យើង") == true, "\(formal.map(\.message))")
        #expect(formal.first?.suggestion.contains("ស្ថានទូត") == true, "\(formal.map(\.suggestion))")
        let thirdPerson = "ស្ថានទូត​សូម​ជម្រាប​ថា ស្ថានទូត​នឹង​រៀបចំ​កិច្ចប្រជុំ​មួយ។"
        #expect(Self.firstPerson(khmer.check(thirdPerson)).isEmpty)
    }

    @Test("Real notes: no first-person warning in the 22 French notes, and none for the English notes' \"our\" (all of both parties)", .enabled(if: SharedData.isAvailable))
    func realNotes() throws {
        let folder = try #require(SharedData.file("notes"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let english = try ProtocolChecker(book: Fixtures.book, language: .english)
        let french = try ProtocolChecker(book: Fixtures.book, language: .french)
        var frenchNotes = 0, englishOurs = 0
        for name in names where name.hasSuffix(".txt") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            if name.hasPrefix("fr-") {
                frenchNotes += 1
                #expect(Self.firstPerson(french.check(text)).isEmpty, "\(name)")
            } else if name.hasPrefix("en-") {
                let words = Self.firstPerson(english.check(text))
                englishOurs += words.filter { $0.lowercased() == "our" }.count
            }
        }
        #expect(frenchNotes == 22)
        #expect(englishOurs == 0)
    }
}
