import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Acceptance review 1130f. M1: a file path in a property (Trados `x-Document`, memoQ
/// `x-document`, OmegaT `file`) or a termbase field kept the user's home folder and a
/// person-named file, while the same path as an origin is cut to its file name. M2: a name at the
/// end of a line ran over the line break and took the next line's first capitalised words with
/// it ("Ms. CHAN Sophea⏎Secretariat: …" was stored "Ms. {PERSON}: …"). The values are the
/// reviewer's (`/tmp/review-f/trados.tmx`, `memoq.tmx`, `ml.tmx`, `lines.txt`).
@Suite("Personal data: acceptance review 1130f (paths in properties, names at a line end)")
struct PersonalDataReview1130fTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    func scrubbedProperties(_ properties: [Property], texts: [(String, String)] = [("en", "Thank you."), ("fr", "Merci.")]) -> [Property] {
        var input = unit(texts)
        input.metadata.properties = properties
        return scrubber.scrub(input, file: "t", position: 1).unit.metadata.properties
    }

    @Test("M1: a property that is a path through a home folder or a drive keeps only its file name", arguments: [
        (#"C:\Users\sokha.chan\Documents\Notes\visa.docx"#, "visa.docx"),
        ("/home/sokha/Documents/visa for the Embassy.docx", "visa for the Embassy.docx"),
        (#"D:\Users\Keo Rithy\OmegaT\source\note.docx"#, "note.docx"),
        ("/Users/dara/Desktop/note.txt", "note.txt"),
        ("~/notes/note.txt", "note.txt"),
        (#"\\fileserver\home$\sokha\notes\note.docx"#, "note.docx"),
        ("file:///home/sokha/note.docx", "note.docx"),
    ])
    func wholePaths(_ value: String, _ expected: String) {
        #expect(scrubbedProperties([Property(type: "x-Document", value: value)]) == [Property(type: "x-Document", value: expected)])
    }

    @Test("M1: the file name left is scrubbed like an origin: a name the unit's texts give goes from it")
    func fileNameScrubbed() {
        let properties = scrubbedProperties([Property(type: "x-Document", value: #"C:\Users\sokha.chan\Documents\visa-keo-rithy.docx"#)],
                                            texts: [("en", "A visa for Mr. Keo Rithy."), ("fr", "Un visa pour M. Keo Rithy.")])
        #expect(properties.count == 1)
        #expect(!properties[0].value.lowercased().contains("sokha"))
        #expect(!properties[0].value.lowercased().contains("keo"), "\(properties[0].value)")
        #expect(properties[0].value.hasSuffix(".docx"))
    }

    @Test("M1: a home folder inside free text loses the user's name, the rest stays")
    func embeddedHomeFolders() {
        var input = unit([("en", "Thank you."), ("fr", "Merci.")])
        input.metadata.notes = [#"Source file: C:\Users\sokha.chan\Documents\note.docx (checked)"#]
        input.metadata.properties = [Property(type: "x-comment", value: "copied from /home/dara/notes/a.txt by the desk")]
        let (scrubbed, findings) = scrubber.scrub(input, file: "t", position: 1)
        #expect(scrubbed.metadata.notes == [#"Source file: C:\Users\{PERSON}\Documents\note.docx (checked)"#])
        #expect(scrubbed.metadata.properties == [Property(type: "x-comment", value: "copied from /home/{PERSON2}/notes/a.txt by the desk")])
        #expect(findings.filter { $0.kind == .person }.map(\.original).sorted() == ["dara", "sokha.chan"])
    }

    @Test("M1: URLs, references and relative names in properties stay", arguments: [
        "https://www.mfa.gov.kh/notes/2021/045", "notes/2021/045.docx", "2021/01/045", "/2021/045", "note.docx", "x-context 123, 456",
        "Documents and annexes", "users' guide",
    ])
    func notPaths(_ value: String) {
        #expect(scrubbedProperties([Property(type: "x-Document", value: value)]) == [Property(type: "x-Document", value: value)])
    }

    @Test("M2: a name at the end of a line does not take the next line's words", arguments: [
        ("Delegation: Ms. CHAN Sophea\nSecretariat: Ministry of Foreign Affairs", "Delegation: Ms. {PERSON}\nSecretariat: Ministry of Foreign Affairs", "en"),
        ("Délégation : Mme CHAN Sophea\nSecrétariat : Ministère des Affaires étrangères", "Délégation : Mme {PERSON}\nSecrétariat : Ministère des Affaires étrangères", "fr"),
        ("Head of delegation: Mr. Sok Dara\nMembers: the Embassy staff", "Head of delegation: Mr. {PERSON}\nMembers: the Embassy staff", "en"),
        ("Chef de délégation : M. Sok Dara\r\nMembres : le personnel", "Chef de délégation : M. {PERSON}\r\nMembres : le personnel", "fr"),
        ("Translator: Sokha Chan\nReviewer: Dara Sok\nA woman named Chan Thida", "Translator: {PERSON1}\nReviewer: {PERSON2}\nA woman named {PERSON3}", "en"),
        ("Head: MR. SOK VANNA\nMEMBERS OF THE DELEGATION", "Head: MR. {PERSON}\nMEMBERS OF THE DELEGATION", "en"),
        ("Mr. Sok Dara\u{2028}Members attended.", "Mr. {PERSON}\u{2028}Members attended.", "en"),
    ])
    func namesStopAtLineBreaks(_ text: String, _ expected: String, _ language: String) {
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("M2: names on one line keep every word, NBSP and tabs included")
    func namesOnOneLine() {
        #expect(scrubber.scrubbed("Please contact Mr. Sok\u{A0}Dara Vy today.", language: "en").text == "Please contact Mr. {PERSON} today.")
        #expect(scrubber.scrubbed("M. Jean\tDupont de la Commission", language: "fr").text == "M. {PERSON} de la Commission")
        #expect(scrubber.scrubbed("Mr. Ingrid van der Berg will attend.", language: "en").text == "Mr. {PERSON} will attend.")
        #expect(scrubber.detect(in: "Contact: Ms. CHAN Sophea\nSecretariat").map(\.utf16Range) == [13..<24])
    }

    @Test("m3: a Cambodian number with its area code in parentheses is a phone number without a keyword too", arguments: [
        ("Please call (023) 216 141.", "Please call {PHONE}."),
        ("Veuillez appeler le (023) 216-141 ou le (023) 216 144.", "Veuillez appeler le {PHONE1} ou le {PHONE2}."),
        ("Consular Section (012) 345 6789", "Consular Section {PHONE}"),
    ])
    func areaCodeInParentheses(_ text: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: "en").text == expected)
        #expect(scrubber.detect(in: text).allSatisfy { $0.kind == .phone } && !scrubber.detect(in: text).isEmpty)
    }

    @Test("m3: years, references and amounts in parentheses stay", arguments: [
        "the Convention (1993) 216 141 times", "(2021) 123 456", "see note (045) of 2021", "Article 3 (023) 216", "(0.5) 123 456",
        "ref. (023)/216/141",
    ])
    func notAreaCodes(_ text: String) {
        #expect(scrubber.scrubbed(text, language: "en").text == text)
    }
}
