import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// A name after a function title written in capitals ("AMBASSADOR SOK VANNA", "H.E. AMBASSADOR
/// SOK VANNA", « L'AMBASSADEUR SOK VANNA ») goes, as the mixed-case form does; the letterheads and
/// headings in capitals that notes are full of ("AMBASSADOR OF THE KINGDOM OF CAMBODIA",
/// « MINISTÈRE DES AFFAIRES ÉTRANGÈRES ») keep every word — our own fixtures and every run of
/// capitals in the real notes of `../shared/data`.
@Suite("Personal data: names after function titles written in capitals")
struct PersonalDataCapitalTitlesTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    func scrubbed(_ text: String, _ language: String = "en") -> String {
        scrubber.scrubbed(text, language: language).text
    }

    @Test("English: the name after AMBASSADOR, H.E. AMBASSADOR, MINISTER, ranks between, two names joined by AND")
    func english() {
        #expect(scrubbed("AMBASSADOR SOK VANNA") == "AMBASSADOR {PERSON}")
        #expect(scrubbed("H.E. AMBASSADOR SOK VANNA") == "H.E. AMBASSADOR {PERSON}")
        #expect(scrubbed("MINISTER KEO RITHY") == "MINISTER {PERSON}")
        #expect(scrubbed("MINISTER KEO RITHY will attend the reception.") == "MINISTER {PERSON} will attend the reception.")
        #expect(scrubbed("H.E. AMBASSADOR SOK VANNA, Embassy of the Kingdom of Cambodia") == "H.E. AMBASSADOR {PERSON}, Embassy of the Kingdom of Cambodia")
        #expect(scrubbed("MINISTER COUNSELLOR LY DARA") == "MINISTER COUNSELLOR {PERSON}")
        #expect(scrubbed("AMBASSADOR EXTRAORDINARY AND PLENIPOTENTIARY SOK VANNA") == "AMBASSADOR EXTRAORDINARY AND PLENIPOTENTIARY {PERSON}")
        #expect(scrubbed("CHARGÉ D'AFFAIRES A.I. SOK VANNA") == "CHARGÉ D'AFFAIRES A.I. {PERSON}")
        #expect(scrubbed("H.E. AMBASSADOR SOK VANNA AND H.E. MINISTER KEO RITHY") == "H.E. AMBASSADOR {PERSON1} AND H.E. MINISTER {PERSON2}")
        #expect(scrubbed("MINISTER KEO RITHY.") == "MINISTER {PERSON}.")
    }

    @Test("French: « L'AMBASSADEUR SOK VANNA », « S.E. M. SOK VANNA », « LE MINISTRE KEO RITHY »")
    func french() {
        #expect(scrubbed("L'AMBASSADEUR SOK VANNA", "fr") == "L'AMBASSADEUR {PERSON}")
        #expect(scrubbed("L’AMBASSADEUR SOK VANNA", "fr") == "L’AMBASSADEUR {PERSON}")
        #expect(scrubbed("S.E. M. SOK VANNA", "fr") == "S.E. M. {PERSON}")
        #expect(scrubbed("LE MINISTRE KEO RITHY", "fr") == "LE MINISTRE {PERSON}")
        #expect(scrubbed("LA CONSEILLÈRE LY DARA", "fr") == "LA CONSEILLÈRE {PERSON}")
    }

    @Test("MR., MRS., MS., DR. in capitals, with their full stop, alone or after H.E.; MR. PRESIDENT, DR CONGO and MS WORD stay")
    func capitalCourtesyTitles() {
        #expect(scrubbed("MR. SOK VANNA") == "MR. {PERSON}")
        #expect(scrubbed("H.E. MR. SOK VANNA") == "H.E. MR. {PERSON}")
        #expect(scrubbed("MRS. LY DARA and DR. KEO RITHY") == "MRS. {PERSON1} and DR. {PERSON2}")
        #expect(scrubbed("Contact: MS. LY DARA") == "Contact: MS. {PERSON}")
        for text in ["MR. PRESIDENT", "H.E. MR. PRESIDENT", "DR CONGO", "MS WORD", "MR PRESIDENT", "DR. {PERSON}"] {
            #expect(scrubbed(text) == text, "\(text)")
        }
    }

    /// Letterheads, headings and sentences in capitals around function titles (our own fixtures,
    /// in the wordings of real notes).
    static let headings = [
        "AMBASSADOR OF THE KINGDOM OF CAMBODIA", "EMBASSY OF THE KINGDOM OF CAMBODIA", "PERMANENT MISSION OF THE KINGDOM OF CAMBODIA",
        "MINISTER OF FOREIGN AFFAIRS", "MINISTER FOR FOREIGN AFFAIRS", "MINISTER OF FOREIGN AFFAIRS AND INTERNATIONAL COOPERATION",
        "AMBASSADOR TO THE UNITED NATIONS", "AMBASSADOR AND PERMANENT REPRESENTATIVE", "AMBASSADOR EXTRAORDINARY AND PLENIPOTENTIARY",
        "AMBASSADOR ROYAL EMBASSY", "CONSUL GENERAL OF FRANCE", "PROFESSOR EMERITUS", "MINISTER COUNSELLOR", "MINISTER DELEGATE",
        "MINISTER WILL ATTEND THE MEETING", "MINISTER WILL ARRIVE TODAY.", "AMBASSADOR SOK VANNA PRESENTED HIS CREDENTIALS",
        "PRIME MINISTER'S OFFICE", "MINISTER OF STATE", "AMBASSADOR-AT-LARGE FOR CLIMATE",
        "AMBASSADE ROYALE DU CAMBODGE", "L'AMBASSADEUR DU ROYAUME DU CAMBODGE", "MINISTRE DES AFFAIRES ÉTRANGÈRES",
        "MINISTÈRE DES AFFAIRES ÉTRANGÈRES ET DE LA COOPÉRATION INTERNATIONALE", "ATTACHÉ DE DÉFENSE", "CONSEILLER DES AFFAIRES ÉTRANGÈRES",
        "MINISTRE PLÉNIPOTENTIAIRE", "AMBASSADEUR ET REPRÉSENTANT PERMANENT", "CHARGÉ D'AFFAIRES A.I.", "LE MINISTRE DÉLÉGUÉ AUPRÈS DU PREMIER MINISTRE",
    ]

    @Test("Letterheads and headings in capitals keep every word (30 of our own)")
    func headingsStay() {
        for heading in Self.headings {
            #expect(scrubbed(heading) == heading, "\(heading)")
            #expect(scrubber.detect(in: heading).isEmpty, "\(heading)")
        }
    }

    @Test("Every run of capitals in the real notes keeps every word", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func realCapitals() throws {
        let folder = try #require(SharedData.file("notes"))
        let run = try NSRegularExpression(pattern: "(?:\\b[\\p{Lu}'’.-]{2,}[ \\u00A0]+){1,}[\\p{Lu}'’.-]{2,}\\b")
        var runs: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) where file.pathExtension == "txt" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in run.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)) {
                runs.insert((text as NSString).substring(with: match.range))
            }
        }
        // "MINISTRY OF FOREIGN AFFAIRS", "AMBASSADE ROYALE DES PAYS-BAS", "MINISTRE DES AFFAIRES ENTRANGERES"…
        #expect(runs.count > 100)
        #expect(runs.contains("MINISTRE DES AFFAIRES ENTRANGERES"))
        for text in runs.sorted() {
            #expect(scrubbed(text) == text, "\(text)")
        }
    }
}
