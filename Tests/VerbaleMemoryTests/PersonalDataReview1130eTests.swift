import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Acceptance review 1130e, M1: French and British phone numbers in their national writing
/// (« au 01 45 03 47 20 », « le 06 12 34 56 78 », « 01.45.03.47.20 », "on 020 7946 0018"), and
/// the same number carried across a unit's languages as `+33 1 45 03 47 20` ↔ `01 45 03 47 20`
/// and `+44 20 7946 0018` ↔ `020 7946 0018`, as review 1130d M1 did for `+855` ↔ `0`. The
/// sentences are the reviewer's (`/tmp/review/ph.tsv`, `phones.txt`, `pd.tmx`); the negatives
/// are the numbers notes and Europarl hold that are no phones.
@Suite("Personal data: acceptance review 1130e M1 (French and British national phone numbers)")
struct PersonalDataReview1130eTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    func scrubbed(_ text: String, _ language: String = "en") -> String {
        scrubber.scrubbed(text, language: language).text
    }

    func texts(_ variants: [(String, String)]) -> [String] {
        scrubber.scrub(unit(variants), file: "t", position: 1).unit.variants.map(\.text)
    }

    @Test("M1: the reviewer's sentences — French national numbers with spaces, dots or none, with or without a keyword; British 0XX XXXX XXXX")
    func reviewSentences() {
        #expect(scrubbed("Veuillez appeler l’Ambassade au 01 45 03 47 20.", "fr") == "Veuillez appeler l’Ambassade au {PHONE}.")
        #expect(scrubbed("Appelez le 06 12 34 56 78.", "fr") == "Appelez le {PHONE}.")
        #expect(scrubbed("Veuillez contacter le service au 01.45.03.47.20.", "fr") == "Veuillez contacter le service au {PHONE}.")
        #expect(scrubbed("Please call Ms. Dara on 020 7946 0018 or on 06 12 34 56 78.")
                == "Please call Ms. {PERSON} on {PHONE1} or on {PHONE2}.")
        #expect(scrubber.detect(in: "Please call Ms. Dara on 020 7946 0018 or on 06 12 34 56 78.").map(\.kind) == [.person, .phone, .phone])
        #expect(scrubber.detect(in: "Veuillez contacter le service au 01.45.03.47.20.").map(\.kind) == [.phone])
        // Already found before, still found.
        #expect(scrubbed("The Consular Section can be reached on +44 20 7946 0018.") == "The Consular Section can be reached on {PHONE}.")
        #expect(scrubbed("សូមទូរស័ព្ទមកលេខ ០២៣ ២១៦ ១៤១។", "km") == "សូមទូរស័ព្ទមកលេខ {PHONE}។")
        #expect(scrubbed("Appelez le 012 345 678.", "fr") == "Appelez le {PHONE}.")
    }

    @Test("M1: the writings of French and British numbers in notes and letterheads", arguments: [
        ("Tél. : 01 45 03 47 20", "Tél. : {PHONE}"),
        ("Standard : 0145034720 ; télécopie : 01 45 03 47 21.", "Standard : {PHONE1} ; télécopie : {PHONE2}."),
        ("joignable au 06-12-34-56-78 ou au 07 81 22 33 44", "joignable au {PHONE1} ou au {PHONE2}"),
        ("au 01\u{A0}45\u{A0}03\u{A0}47\u{A0}20", "au {PHONE}"),
        ("au 01\u{202F}45\u{202F}03\u{202F}47\u{202F}20,", "au {PHONE},"),
        ("(+33 (0)1 45 03 47 20)", "({PHONE})"),
        ("Call (020) 7946 0018 before noon.", "Call {PHONE} before noon."),
        ("the Leeds office, 0113 496 0000, or the duty officer on 07700 900123.", "the Leeds office, {PHONE1}, or the duty officer on {PHONE2}."),
        ("Please ring 01632 960000.", "Please ring {PHONE}."),
        ("ទូរស័ព្ទមកលេខ០១ ៤៥ ០៣ ៤៧ ២០ ។", "ទូរស័ព្ទមកលេខ{PHONE} ។"),
        ("សូមហៅមក ០៦ ១២ ៣៤ ៥៦ ៧៨។", "សូមហៅមក {PHONE}។"),
    ])
    func writings(_ text: String, _ expected: String) {
        #expect(scrubbed(text, "fr") == expected)
    }

    @Test("M1: references, dates, years, article numbers and amounts are no phone numbers", arguments: [
        "Note N° 2021/01/045 du 12.01.2021", "le 01.02.2021 à Paris", "Kuala Lumpur, 01-02-2015", "le 01 02 2021",
        "between 2020 2021 and 2022", "article 01 45 of the Statute", "un montant de 1 000 000 000 de riels", "EUR 10 045 034 720",
        "0,05 %", "ISBN 0 19 852663 6", "No. 045/2021 dated 01.02.2021", "ref. 01.45.03.47.20.5", "lot 01 45 03 47 20 18",
        "code 0145034720123", "A0145034720", "Nos 01 02 03 04", "de 09 00 à 12 00", "2021-01-04", "le 1er janvier 2021 (n° 0123/2021)",
        "the years 1999 2000 2001 2002 2003",
    ])
    func notPhones(_ text: String) {
        #expect(scrubbed(text, "fr") == text)
        #expect(scrubber.detect(in: text).isEmpty, "\(text)")
    }

    @Test("M1: the reviewer's unit — a number replaced as +33 1 45 03 47 20 in English goes from French as 01 45 03 47 20, 01.45.03.47.20 and from Khmer")
    func crossLanguageFrench() {
        #expect(texts([("en", "Please call the Embassy on +33 1 45 03 47 20."), ("fr", "Veuillez appeler l’Ambassade au 01 45 03 47 20.")])
                == ["Please call the Embassy on {PHONE}.", "Veuillez appeler l’Ambassade au {PHONE}."])
        #expect(texts([("en", "For visas, call +33 1 45 03 47 20."), ("fr", "Pour les visas : 01.45.03.47.20."),
                       ("km", "សម្រាប់ទិដ្ឋាការ សូមហៅ ០១ ៤៥ ០៣ ៤៧ ២០ ។")])
                == ["For visas, call {PHONE}.", "Pour les visas : {PHONE}.", "សម្រាប់ទិដ្ឋាការ សូមហៅ {PHONE} ។"])
        // Cambodia's, as before.
        #expect(texts([("en", "Call Ms Chan on +855 12 345 678."), ("fr", "Appelez Mme Chan au 012 345 678.")])
                == ["Call Ms {PERSON} on {PHONE}.", "Appelez Mme {PERSON} au {PHONE}."])
    }

    @Test("M1: +44 ↔ 0 and +33 ↔ 0 are carried to writings the patterns miss (Khmer digits of a British number, irregular grouping)")
    func carriedWritings() throws {
        #expect(texts([("en", "The Consular Section: +44 20 7946 0018."), ("km", "ផ្នែកកុងស៊ុល៖ ០២០ ៧៩៤៦ ០០១៨ ។")])
                == ["The Consular Section: {PHONE}.", "ផ្នែកកុងស៊ុល៖ {PHONE} ។"])
        // crossWritingSpans itself: a known +33 value found as its national writing, and the other way round.
        let international = try #require(PersonalDataScrubber.KnownValue(kind: .phone, value: "+33 1 45 03 47 20"))
        let found = PersonalDataScrubber.crossWritingSpans(of: [international], originals: [international.key: "+33 1 45 03 47 20"],
                                                           in: "Bureau : 01 4503 4720", outside: [])
        #expect(found.map(\.range) == [NSRange(location: 9, length: 12)])
        let national = try #require(PersonalDataScrubber.KnownValue(kind: .phone, value: "020 7946 0018"))
        #expect(PersonalDataScrubber.crossWritingSpans(of: [national], originals: [national.key: "020 7946 0018"],
                                                       in: "Standard : +44 (0)20 7946 0018", outside: []).count == 1)
        #expect(PersonalDataScrubber.phoneKey("33145034720") == PersonalDataScrubber.phoneKey("0145034720"))
        #expect(PersonalDataScrubber.phoneKey("0033145034720") == PersonalDataScrubber.phoneKey("0145034720"))
        #expect(PersonalDataScrubber.phoneKey("442079460018") == PersonalDataScrubber.phoneKey("02079460018"))
        #expect(PersonalDataScrubber.phoneKey("85512345678") == PersonalDataScrubber.phoneKey("012345678"))
        // A Cambodian national number beginning 033 keeps its digits (the country code only after no trunk 0).
        #expect(PersonalDataScrubber.phoneKey("0331234567") == "331234567")
    }

    @Test("M1: two numbers in another order in the other language keep their placeholders (writings of one number share one)")
    func twoNumbersReordered() {
        #expect(texts([("en", "Call +33 1 45 03 47 20 (Paris) or +44 20 7946 0018 (London)."),
                       ("fr", "Appelez le 020 7946 0018 (Londres) ou le 01 45 03 47 20 (Paris).")])
                == ["Call {PHONE1} (Paris) or {PHONE2} (London).", "Appelez le {PHONE2} (Londres) ou le {PHONE1} (Paris)."])
        #expect(texts([("en", "Call +855 12 345 678 or +855 23 216 141."), ("fr", "Appelez le 023 216 141 ou le 012 345 678.")])
                == ["Call {PHONE1} or {PHONE2}.", "Appelez le {PHONE2} ou le {PHONE1}."])
    }

    @Test("M1: a realistic consular unit in three languages, with the number in a note too")
    func consularUnit() {
        var input = unit([("en", "The Consular Section of the Embassy of France in Phnom Penh may be reached on +33 1 45 03 47 20 or +855 23 430 020."),
                          ("fr", "La section consulaire de l’Ambassade de France à Phnom Penh est joignable au 01 45 03 47 20 ou au 023 430 020."),
                          ("km", "ផ្នែកកុងស៊ុលនៃស្ថានទូតបារាំងប្រចាំភ្នំពេញ អាចទាក់ទងតាមលេខ ០១ ៤៥ ០៣ ៤៧ ២០ ឬ ០២៣ ៤៣០ ០២០។")])
        input.metadata.notes = ["Direct line of the visa officer: 01 45 03 47 20."]
        let result = scrubber.scrub(input, file: "t", position: 1)
        #expect(result.unit.variants.map(\.text) == [
            "The Consular Section of the Embassy of France in Phnom Penh may be reached on {PHONE1} or {PHONE2}.",
            "La section consulaire de l’Ambassade de France à Phnom Penh est joignable au {PHONE1} ou au {PHONE2}.",
            "ផ្នែកកុងស៊ុលនៃស្ថានទូតបារាំងប្រចាំភ្នំពេញ អាចទាក់ទងតាមលេខ {PHONE1} ឬ {PHONE2}។"])
        #expect(result.unit.metadata.notes == ["Direct line of the visa officer: {PHONE1}."])
        #expect(result.findings.filter { $0.kind == .phone }.count == 7)
    }

    @Test("M1: no national phone pattern matches in the real notes, Europarl EN/FR 20k or khPOS Khmer", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func realDataHasNone() throws {
        let patterns = try [PersonalDataScrubber.frenchNationalPhonePattern, PersonalDataScrubber.britishNationalPhonePattern].map { try NSRegularExpression(pattern: $0) }
        var lines: [String] = []
        for path in ["parallel/europarl-20k.en", "parallel/europarl-20k.fr", "khmer/khpos-train-sample.word"] {
            let url = try #require(SharedData.file(path))
            lines += try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        let notes = try #require(SharedData.file("notes"))
        for file in try FileManager.default.contentsOfDirectory(atPath: notes.path) where file.hasSuffix(".txt") {
            lines += try String(contentsOf: notes.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").map(String.init)
        }
        #expect(lines.count > 40_000)
        let hits = lines.filter { line in patterns.contains { $0.firstMatch(in: line, range: NSRange(location: 0, length: (line as NSString).length)) != nil } }
        #expect(hits.isEmpty, "\(hits.prefix(5))")
    }
}
