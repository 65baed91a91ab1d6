import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The contact forms the review 1130f m2 fix left out (session 7): a display name after a verb
/// ("Please contact Sokha Chan <…>"), the Khmer request words lost with a name before an
/// address, an office's quoted name taken for a person, spelled addresses (`sokha at mfa dot gov
/// dot kh`, `( at )`), Viber and Telegram links. Khmer from khPOS (`../shared/data/khmer`: the
/// name ដៀង សុភា, "ក្រុមហ៊ុន ភ្នំពេញ ស៊ូហ្គើរ បាន ចេញផ្សាយ"), words separated by U+200B as Khmer
/// typists write them; dates in Khmer digits.
@Suite("Personal data: display names after a verb, office names, spelled addresses, chat links")
struct PersonalDataContactLeaksTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    func scrubbed(_ text: String) -> String {
        scrubber.scrub(unit([("en", text)]), file: "t", position: 1).unit.variants[0].text
    }

    @Test("The name before <address> goes after a request verb; the verb stays (EN, FR, KM)", arguments: [
        ("Please contact Sokha Chan <sokha.chan@mfa.gov.kh> for further information.",
         "Please contact {PERSON} <{EMAIL}> for further information."),
        ("Contact Sokha Chan <sokha.chan@mfa.gov.kh>.", "Contact {PERSON} <{EMAIL}>."),
        ("Veuillez contacter Sophea CHAN <sophea.chan@mfa.gov.kh> pour tout renseignement complémentaire.",
         "Veuillez contacter {PERSON} <{EMAIL}> pour tout renseignement complémentaire."),
        ("Contacter Sophea CHAN <sophea.chan@mfa.gov.kh>", "Contacter {PERSON} <{EMAIL}>"),
        ("For the visas, write to Ingrid van der Berg <ingrid.vdberg@example.org> before 12 January.",
         "For the visas, write to {PERSON} <{EMAIL}> before 12 January."),
        ("Please contact Ms. Le Thi Hoa <hoa@example.org>.", "Please contact Ms. {PERSON} <{EMAIL}>."),
        ("Please contact Director-General Sok Dara <dara.sok@mfa.gov.kh>.", "Please contact Director-General {PERSON} <{EMAIL}>."),
        // Khmer: សូម "please", ទាក់ទង "contact" stay, the name ដៀង សុភា goes — spaced, with U+200B, or glued.
        ("សូមទាក់ទង ដៀង សុភា <sophea.dieng@mfa.gov.kh>", "សូមទាក់ទង {PERSON} <{EMAIL}>"),
        ("សូម\u{200B}ទាក់ទង\u{200B}ដៀង\u{200B}សុភា <sophea.dieng@mfa.gov.kh> មុន​ថ្ងៃទី​១២ ខែ​មករា ឆ្នាំ​២០២១។",
         "សូម\u{200B}ទាក់ទង\u{200B}{PERSON} <{EMAIL}> មុន​ថ្ងៃទី​១២ ខែ​មករា ឆ្នាំ​២០២១។"),
        ("សូម\u{200B}ទាក់ទង ឯកឧត្តម ប្រាក់ សុខុន <sokhonn@mfa.gov.kh>", "សូម\u{200B}ទាក់ទង ឯកឧត្តម {PERSON} <{EMAIL}>"),
    ])
    func displayNamesAfterVerbs(_ text: String, _ expected: String) {
        #expect(scrubbed(text) == expected)
    }

    @Test("An office's name before <address>, quoted or not, is kept; a person's quoted name still goes", arguments: [
        ("\"Protocol Department\" <protocol@mfa.gov.kh>", "\"Protocol Department\" <{EMAIL}>"),
        ("« \"Direction du Protocole\" <protocole@mfa.gov.kh> »", "« \"Direction du Protocole\" <{EMAIL}> »"),
        ("“Ministry of Foreign Affairs and International Cooperation” <mfaic@mfa.gov.kh>",
         "“Ministry of Foreign Affairs and International Cooperation” <{EMAIL}>"),
        ("Please contact the Consular Section <consular@mfa.gov.kh>.", "Please contact the Consular Section <{EMAIL}>."),
        ("Veuillez écrire à la Direction du Protocole <protocole@mfa.gov.kh>.", "Veuillez écrire à la Direction du Protocole <{EMAIL}>."),
        ("ក្រសួង​ការបរទេស <protocol@mfa.gov.kh>", "ក្រសួង​ការបរទេស <{EMAIL}>"),
        ("\"Sokha Chan (Protocol Department)\" <sokha.chan@mfa.gov.kh>", "\"{PERSON} (Protocol Department)\" <{EMAIL}>"),
        ("\"Ambassador Sok Dara\" <dara.sok@mfa.gov.kh>", "\"Ambassador {PERSON}\" <{EMAIL}>"),
    ])
    func officeNames(_ text: String, _ expected: String) {
        #expect(scrubbed(text) == expected)
    }

    @Test("Spelled addresses are e-mails: ' at ' with ' dot ', and ( at ) / [ at ] with spaces inside", arguments: [
        ("Please write to sokha at mfa dot gov dot kh.", "Please write to {EMAIL}."),
        ("Écrire à sokha.chan at mfa dot gov dot kh avant lundi.", "Écrire à {EMAIL} avant lundi."),
        ("E-mail: SOKHA AT MFA DOT GOV DOT KH", "E-mail: {EMAIL}"),
        ("sokha ( at ) mfa.gov.kh", "{EMAIL}"),
        ("sokha [ at ] mfa [ dot ] gov [ dot ] kh", "{EMAIL}"),
        ("sokha (at) mfa dot gov dot kh", "{EMAIL}"),
        ("Gmail : sophea.chan at gmail dot com ou sophea at mfa dot kh.", "Gmail : {EMAIL1} ou {EMAIL2}."),
        ("ក្រុមហ៊ុន\u{200B}ភ្នំពេញ\u{200B}ស៊ូហ្គើរ\u{200B}បាន\u{200B}ចេញផ្សាយ sokha at mfa dot gov dot kh ។",
         "ក្រុមហ៊ុន\u{200B}ភ្នំពេញ\u{200B}ស៊ូហ្គើរ\u{200B}បាន\u{200B}ចេញផ្សាយ {EMAIL} ។"),
    ])
    func spelledAddresses(_ text: String, _ expected: String) {
        #expect(scrubbed(text) == expected)
    }

    @Test("A bare ' at ' in prose stays: places, times, web sites, and 'dot' in a sentence", arguments: [
        "The delegation will arrive at the Ministry at 10:00 and meet at Geneva.",
        "The documents are available at www.mfa.gov.kh and at mfa.gov.kh/visa.",
        "Le Conseil se réunira at home, at 10 h 30, à Genève.",
        "Put a dot at the end of the line, then sign at the dot.",
        "We arrived at nine dot thirty.",
        "Look at the dot on the map, then at noon dot on the second map.",
        "Telegram channels such as t.me/s/mfaic and t.me/joinchat/AbCdE12345 are public.",
        "The chat.me/sokhachan site and at.me/x are no Telegram links.",
        "ប្រតិភូ​នឹង​មក​ដល់​ក្រសួង​នៅ​ម៉ោង ១០:០០ at Geneva.",
    ])
    func prose(_ text: String) {
        #expect(scrubbed(text) == text)
    }

    @Test("Chat links: the number of viber:// and t.me/+ goes as {PHONE}, a t.me/ handle as {PERSON}", arguments: [
        ("Viber: viber://chat?number=%2B85512345678", "Viber: viber://chat?number={PHONE}"),
        ("viber://chat?number=85512345678 ou Telegram", "viber://chat?number={PHONE} ou Telegram"),
        ("Telegram: https://t.me/+85512345678", "Telegram: https://t.me/{PHONE}"),
        ("Telegram: t.me/sokhachan (Protocol)", "Telegram: t.me/{PERSON} (Protocol)"),
        ("តេឡេក្រាម៖ t.me/Sophea_Dieng", "តេឡេក្រាម៖ t.me/{PERSON}"),
    ])
    func chatLinks(_ text: String, _ expected: String) {
        #expect(scrubbed(text) == expected)
    }

    @Test("Aligned EN/FR/KM variants get one placeholder per contact")
    func aligned() {
        let result = scrubber.scrub(unit([
            ("en", "Please contact Sokha Chan <sokha.chan@mfa.gov.kh> or sokha at mfa dot gov dot kh (Telegram t.me/sophea_dieng)."),
            ("fr", "Veuillez contacter Sokha Chan <sokha.chan@mfa.gov.kh> ou sokha at mfa dot gov dot kh (Telegram t.me/sophea_dieng)."),
            ("km", "សូម\u{200B}ទាក់ទង Sokha Chan <sokha.chan@mfa.gov.kh> ឬ sokha at mfa dot gov dot kh (Telegram t.me/sophea_dieng)។"),
        ]), file: "t", position: 1)
        #expect(result.unit.variants.map(\.text) == [
            "Please contact {PERSON1} <{EMAIL1}> or {EMAIL2} (Telegram t.me/{PERSON2}).",
            "Veuillez contacter {PERSON1} <{EMAIL1}> ou {EMAIL2} (Telegram t.me/{PERSON2}).",
            "សូម\u{200B}ទាក់ទង {PERSON1} <{EMAIL1}> ឬ {EMAIL2} (Telegram t.me/{PERSON2})។",
        ])
    }

    @Test("The byte pass lets every contact form through: filtered and unfiltered spans agree on 4,000 random strings")
    func filterEquivalence() {
        let pieces = [
            "sokha", "Sokha", "Chan", "CHAN", "sokha.chan", "at", "AT", "At", " at ", "dot", "DOT", " dot ", "(at)", "( at )", "[ at ]", "(at ]",
            "( at", "[dot]", "( dot )", "mfa", "gov", "kh", "mfa.gov.kh", "<", ">", "@", "<sokha@mfa.gov.kh>", "\"", "“", "”", "Protocol",
            "Department", "Please", "contact", "Veuillez", "contacter", "សូម", "ទាក់ទង", "ដៀង", "សុភា", "t.me/", "t.me/+", "at.me/", "xt.me/",
            "wa.me/", "number=", "?number=", "%2B", "%2b", "+", "85512345678", "012345678", "១២៣៤៥៦", "/", "d", "D", "o", "t", ".", "\t", "\u{A0}",
        ]
        let texts = PrivacyPreCheckFastPathTests.randomTexts(pieces, seed: 0x5707_0001, count: 4000, prefixed: 100, separators: [" ", "\u{200B}", "\t"])
        var differing: [String] = []
        for text in texts {
            let filtered = scrubber.spans(in: text).map { "\($0.kind.rawValue)@\($0.range.location)+\($0.range.length)" }
            let unfiltered = scrubber.spans(in: text, filtered: false).map { "\($0.kind.rawValue)@\($0.range.location)+\($0.range.length)" }
            if filtered != unfiltered { differing.append("\(text.debugDescription): \(filtered) vs \(unfiltered)") }
        }
        #expect(differing.isEmpty, "\(differing.count) differ:\n\(differing.prefix(10).joined(separator: "\n"))")
        // Not an empty comparison: many strings hold a spelled or bracketed address or a link.
        #expect(texts.filter { scrubber.spans(in: $0).contains { $0.kind == .email } }.count > 200)
        #expect(texts.filter { scrubber.spans(in: $0).contains { $0.kind == .phone } }.count > 10)
    }

    @Test("Home folders: one list for origins and free texts, the union of both (FileOrigin.homeFolderMarkers)", arguments: [
        // (path, the origin name, the file name of the path as a property value)
        ("C:\\Users\\sokha.chan\\Documents\\visa-keo-rithy.docx", "visa-keo-rithy.docx", "visa-keo-rithy.docx"),
        ("/home/sokha/notes/visa for Chan Thida.docx", "visa for Chan Thida.docx", "visa for Chan Thida.docx"),
        ("\\\\fileserver\\home$\\sokha\\note.docx", "note.docx", "note.docx"),
        ("/Users/keo/Documents/note.tmx", "note.tmx", "note.tmx"),
        // Relative paths through a home folder: shortened as origins now too (the free-text list had them).
        ("backup/Documents and Settings/sokha/note.tmx", "note.tmx", nil),
        ("share\\home$\\sokha\\note.tmx", "note.tmx", nil),
        // Not local: a site's path, a URL, a relative name.
        ("https://mfa.gov.kh/en/visa.html", "visa.html", nil),
        ("/en/about/visa.html", "visa.html", nil),
        ("notes/visa.docx", "notes/visa.docx", nil),
    ] as [(String, String, String?)])
    func homeFolders(_ path: String, _ origin: String, _ property: String?) {
        #expect(FileOrigin.name(path) == origin)
        #expect(PersonalDataScrubber.fileNameOfLocalPath(path) == property)
    }

    @Test("The same list finds the user's folder inside free text, with either separator")
    func homeFolderSpans() {
        for (text, user) in [("Source: D:\\Documents and Settings\\Keo Rithy\\note.docx", "Keo Rithy"),
                             ("Fichier : \\\\srv\\HOME$\\sokha.chan\\note.docx", "sokha.chan"),
                             ("From /home/dara/x.tmx", "dara")] {
            let spans = PersonalDataScrubber.homeFolderSpans(in: text)
            #expect(spans.map { (text as NSString).substring(with: $0.range) } == [user], "\(text)")
        }
        for marker in FileOrigin.homeFolderMarkers {
            #expect(FileOrigin.revealsFolders(Substring("x\(marker)sokha\(marker.last.map(String.init) ?? "/")a.tmx")), "\(marker)")
            #expect(PersonalDataScrubber.homeFolderSpans(in: "x\(marker)sokha\(marker.last.map(String.init) ?? "/")a.tmx").count == 1, "\(marker)")
        }
    }
}
