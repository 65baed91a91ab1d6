import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Acceptance review 1130f m2: contact forms that import and `check` let through — e-mail
/// addresses with `(at)`/`[at]` for `@`, the phone number in a `wa.me/` link, the display name
/// before `<address>`. The values are the reviewer's (`/tmp/review-f/trados.tmx`); the Khmer
/// around them is from khPOS (`../shared/data/khmer`: "ក្រុមហ៊ុន ភ្នំពេញ ស៊ូហ្គើរ បាន ចេញផ្សាយ",
/// the name "ដៀង សុភា").
@Suite("Personal data: obfuscated e-mails, phone links, display names (review 1130f m2)")
struct PersonalDataContactFormsTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    func scrubbed(_ texts: [(String, String)]) -> (texts: [String], findings: [PersonalDataFinding]) {
        let (result, findings) = scrubber.scrub(unit(texts), file: "t", position: 1)
        return (result.variants.map(\.text), findings)
    }

    @Test("(at)/[at] addresses are e-mails, in English, French and Khmer", arguments: [
        ("Please write to sokha [at] mfa.gov.kh.", "Please write to {EMAIL}."),
        ("Écrire à sokha.chan(at)mfa.gov.kh avant lundi.", "Écrire à {EMAIL} avant lundi."),
        ("Contact: sokha[AT]mfa.gov.kh", "Contact: {EMAIL}"),
        ("sokha [at] mfa [dot] gov [dot] kh", "{EMAIL}"),
        ("ក្រុមហ៊ុន\u{200B}ភ្នំពេញ\u{200B}ស៊ូហ្គើរ\u{200B}បាន\u{200B}ចេញផ្សាយ sokha.chan (at) mfa.gov.kh ។", "ក្រុមហ៊ុន\u{200B}ភ្នំពេញ\u{200B}ស៊ូហ្គើរ\u{200B}បាន\u{200B}ចេញផ្សាយ {EMAIL} ។"),
    ])
    func obfuscatedEmails(_ text: String, _ expected: String) {
        #expect(scrubbed([("en", text)]).texts == [expected])
    }

    @Test("Aligned variants get the same placeholders for the same contacts")
    func alignedVariants() {
        let (texts, findings) = scrubbed([
            ("en", "Write to sokha [at] mfa.gov.kh or WhatsApp https://wa.me/85512345678."),
            ("fr", "Écrire à sokha [at] mfa.gov.kh ou WhatsApp https://wa.me/85512345678."),
            ("km", "ក្រុមហ៊ុន\u{200B}ភ្នំពេញ\u{200B}ស៊ូហ្គើរ sokha [at] mfa.gov.kh https://wa.me/85512345678"),
        ])
        #expect(texts == ["Write to {EMAIL} or WhatsApp https://wa.me/{PHONE}.", "Écrire à {EMAIL} ou WhatsApp https://wa.me/{PHONE}.",
                          "ក្រុមហ៊ុន\u{200B}ភ្នំពេញ\u{200B}ស៊ូហ្គើរ {EMAIL} https://wa.me/{PHONE}"])
        #expect(Set(findings.map(\.original)) == ["sokha [at] mfa.gov.kh", "85512345678"])
    }

    @Test("Phone numbers in call and chat links", arguments: [
        ("WhatsApp: https://wa.me/85512345678", "WhatsApp: https://wa.me/{PHONE}"),
        ("https://api.whatsapp.com/send?phone=85512345678", "https://api.whatsapp.com/send?phone={PHONE}"),
        ("<a href=\"tel:+85512345678\">call</a>", "<a href=\"tel:{PHONE}\">call</a>"),
    ])
    func phoneLinks(_ text: String, _ expected: String) {
        #expect(scrubbed([("en", text)]).texts == [expected])
    }

    @Test("The display name before <address> is a person", arguments: [
        ("From: Sokha Chan <sokha.chan@mfa.gov.kh>", "From: {PERSON} <{EMAIL}>"),
        ("\"Chan, Sokha\" <sokha.chan@mfa.gov.kh>", "\"{PERSON1}, {PERSON2}\" <{EMAIL}>"),
        ("De : Sophea CHAN <sophea@mfa.gov.kh>", "De : {PERSON} <{EMAIL}>"),
        ("ដៀង សុភា <sophea@mfa.gov.kh>", "{PERSON} <{EMAIL}>"),
    ])
    func displayNames(_ text: String, _ expected: String) {
        #expect(scrubbed([("en", text)]).texts == [expected])
    }

    @Test("Prose with at, brackets and institutions before an address stays", arguments: [
        "The meeting (at) the Palais des Nations was held at Geneva.",
        "Le Conseil se réunira à Bruxelles [at] la demande du Parlement.",
        "Nous sommes at home, at 10.30 sharp.",
        "The Commission answered at Question Time [at].",
        "Please contact the Ministry of Foreign Affairs <protocol@mfa.gov.kh> first.",
        "Contact: Consular Section <consular@mfa.gov.kh>",
        "Reference 2021/01/045 of the wa.me project.",
    ])
    func prose(_ text: String) {
        let kept = scrubbed([("en", text)])
        #expect(kept.findings.filter { $0.kind != .email }.isEmpty, "\(kept.findings.map(\.original))")
        #expect(!kept.texts[0].contains("{PERSON"))
    }
}
