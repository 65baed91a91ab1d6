import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Acceptance review 1130, personal data: M3 (the Khmer pronoun លោក read as a title), M5
/// (spelled-out honorifics), M12 (scrubbing a scrubbed text again), M4 (identifiers and file names).
@Suite("Personal data: acceptance review 1130 (pronoun លោក, honorifics, idempotence, identifiers)")
struct PersonalDataReview1130Tests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    func scrubbed(_ text: String, _ language: String = "km") -> String {
        scrubber.scrubbed(text, language: language).text
    }

    @Test("M3: លោក/លោកស្រី/អ្នកស្រី as the pronoun (before a negation, auxiliary, verb of saying, quantifier, the courtesy verb អញ្ជើញ) keeps the sentence whole")
    func pronounIsNoTitle() {
        let sentences = [
            "លោក​មិន​បាន​មក​ទេ។",                     // he did not come
            "លោក​ថ្លែង​ថា​គ្មាន​អ្វី​សំខាន់​ទេ។",            // he stated that nothing was important
            "លោក មិន បាន និយាយ ទេ។",                // plain spaces
            "លោក មិនបាននិយាយទេ។",                  // a phrase written without U+200B
            "លោក​ត្រូវ​ចុះហត្ថលេខា​នៅ​ទីនេះ។",            // you must sign here
            "លោក​ទាំងអស់​បាន​មក​ដល់។",                 // all of you have arrived
            "លោក​អញ្ជើញ​ចូល។",                       // please come in, sir
            "អ្នកស្រី​បាន​ថ្លែង​ថា​ការងារ​នេះ​ល្អ។",         // she said this work is good
            "លោកស្រី​កត់សម្គាល់​ថា​អត្រា​កើនឡើង។",        // she noted that the rate rose
            "ដំណើរទស្សនកិច្ច​របស់​លោក​ឧបការី​រង​នឹង​ចាប់ផ្តើម។", // an office after លោក
            "គណបក្ស​របស់​សម្តេច​បាន​ស្នើសុំ។",             // the pronoun សម្តេច
        ]
        for sentence in sentences {
            #expect(scrubbed(sentence) == sentence)
        }
    }

    @Test("M3: names after លោក and the other Khmer titles are still replaced, also after a verb sentence and a refused word")
    func namesStillGo() {
        #expect(scrubbed("លោក​សុខ​ដារា​បាន​មក។") == "លោក​{PERSON}​បាន​មក។")
        #expect(scrubbed("លោក​ចាន់​ថា​បាន​មក។") == "លោក​{PERSON}​បាន​មក។")
        #expect(scrubbed("លោក​ជា​លីណា​បាន​ថ្លែង។") == "លោក​{PERSON}​បាន​ថ្លែង។")
        // A verb after the name ends it; a name after a refused word is still found.
        #expect(scrubbed("លោក​សុខ​ថ្លែង​ថា​…") == "លោក​{PERSON}​ថ្លែង​ថា​…")
        #expect(scrubbed("លោក​ជួប​លោក​ហេង​សុភា។") == "លោក​ជួប​លោក​{PERSON}។")
        #expect(scrubbed("ស្វាមី​របស់​អ្នកស្រី​លោក​លួស​សាខន។") == "ស្វាមី​របស់​អ្នកស្រី​លោក​{PERSON}។")
        // A name whose first word begins like a refused short word (មក of មករា).
        #expect(scrubbed("លោក​មករា​បាន​មក។") == "លោក​{PERSON}​បាន​មក។")
    }

    @Test("M3: on the khPOS sample, no name after a title is a word the pronoun lists refuse, and the pronoun sentences there keep their verbs", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func khposSample() throws {
        let url = try #require(SharedData.file("khmer/khpos-train-sample.word"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        var refusedAfterTitle = 0
        var replacedRefused: [String] = []
        for line in lines {
            // khPOS joins the parts of a compound with ~ ^ _; words are separated by spaces.
            let words = line.split(separator: " ").map { $0.replacingOccurrences(of: "~", with: "").replacingOccurrences(of: "^", with: "").replacingOccurrences(of: "_", with: "") }
            let text = words.joined(separator: "\u{200B}")
            let result = scrubber.scrub(unit([("km", text)]), file: "khpos", position: 1)
            for finding in result.findings where finding.kind == .person {
                let first = finding.original.split(whereSeparator: { $0 == "\u{200B}" || $0 == " " }).first.map(String.init) ?? ""
                if PersonalDataScrubber.khmerNotNames.contains(first) { replacedRefused.append(finding.original) }
            }
            for (index, word) in words.enumerated().dropLast() where ["លោក", "លោកស្រី", "អ្នកស្រី"].contains(word) {
                if PersonalDataScrubber.khmerNotNames.contains(words[index + 1]) {
                    refusedAfterTitle += 1
                    #expect(result.unit.variants[0].text.contains("\(word)\u{200B}\(words[index + 1])"), "\(text)")
                }
            }
        }
        // The sample does hold the pronoun before refused words (បាន, មិន, ថ្លែង, ត្រូវបាន …).
        #expect(refusedAfterTitle >= 20)
        #expect(replacedRefused.isEmpty, "\(replacedRefused.prefix(10))")
    }

    @Test("M5: spelled-out honorifics are titles: His/Her Excellency, Son Excellence, Samdech/សម្តេច/សម្ដេច, Oknha/ឧកញ៉ា, and ឯកឧត្ដម spelled with ដ")
    func honorifics() {
        #expect(scrubbed("His Excellency Prak Sokhonn will attend.", "en") == "His Excellency {PERSON} will attend.")
        #expect(scrubbed("Her Excellency Mrs. Chea Sophara arrived.", "en") == "Her Excellency Mrs. {PERSON} arrived.")
        #expect(scrubbed("The Embassy informs that His Excellency Prak Sokhonn will arrive.", "en")
                == "The Embassy informs that His Excellency {PERSON} will arrive.")
        #expect(scrubbed("Son Excellence Prak Sokhonn arrivera.", "fr") == "Son Excellence {PERSON} arrivera.")
        #expect(scrubbed("Son Excellence Monsieur Prak Sokhonn arrivera.", "fr") == "Son Excellence Monsieur {PERSON} arrivera.")
        #expect(scrubbed("Samdech Hun Manet received the delegation.", "en") == "Samdech {PERSON} received the delegation.")
        #expect(scrubbed("Samdech Techo Hun Sen spoke.", "en") == "Samdech Techo {PERSON} spoke.")
        #expect(scrubbed("The company accused Oknha Mong Reththy.", "en") == "The company accused Oknha {PERSON}.")
        #expect(scrubbed("សម្តេច​ហ៊ុន​ម៉ាណែត​បាន​ទទួល​គណៈប្រតិភូ។") == "សម្តេច​{PERSON}​បាន​ទទួល​គណៈប្រតិភូ។")
        #expect(scrubbed("សម្ដេច​ហ៊ុន​ម៉ាណែត​បាន​ទទួល​គណៈប្រតិភូ។") == "សម្ដេច​{PERSON}​បាន​ទទួល​គណៈប្រតិភូ។")
        #expect(scrubbed("សម្តេច​តេជោ​ហ៊ុន​សែន​បាន​ថ្លែង។") == "សម្តេច​តេជោ​{PERSON}​បាន​ថ្លែង។")
        #expect(scrubbed("ក្រុមហ៊ុន​របស់​ឧកញ៉ា​គិត​ម៉េង​គឺ​ធំ។") == "ក្រុមហ៊ុន​របស់​ឧកញ៉ា​{PERSON}​គឺ​ធំ។")
        #expect(scrubbed("ឯកឧត្ដម​សុខ​ជឿន​បាន​មក។") == "ឯកឧត្ដម​{PERSON}​បាន​មក។")
        // Offices after the spelled-out title stay.
        #expect(scrubbed("His Excellency the Minister will attend.", "en") == "His Excellency the Minister will attend.")
        #expect(scrubbed("សម្តេច​នាយករដ្ឋមន្ត្រី​បាន​មក។") == "សម្តេច​នាយករដ្ឋមន្ត្រី​បាន​មក។")
        // Aligned variants: the English keeps no name the Khmer lost.
        let result = scrubber.scrub(unit([("en", "His Excellency Prak Sokhonn will attend."), ("km", "ឯកឧត្តម​ប្រាក់​សុខុន​នឹង​ចូលរួម។")]), file: "t", position: 1)
        #expect(result.unit.variants.map(\.text) == ["His Excellency {PERSON} will attend.", "ឯកឧត្តម​{PERSON}​នឹង​ចូលរួម។"])
    }

    @Test("M12: a scrubbed text scrubbed again is unchanged (លោក​ឧកញ៉ា​{PERSON}, a word before a placeholder after a title)")
    func placeholderAfterHonorific() {
        let once = scrubber.scrub(unit([("en", "The company accused Oknha Mong Reththy."), ("km", "ក្រុមហ៊ុន​បាន​ចោទប្រកាន់​លោក​ឧកញ៉ា​ម៉ុង​ឫទ្ធី។")]), file: "t", position: 1)
        #expect(once.unit.variants.map(\.text) == ["The company accused Oknha {PERSON}.", "ក្រុមហ៊ុន​បាន​ចោទប្រកាន់​លោក​ឧកញ៉ា​{PERSON}។"])
        let twice = scrubber.scrub(once.unit, file: "export.tsv", position: 1)
        #expect(twice.unit.variants.map(\.text) == once.unit.variants.map(\.text))
        #expect(twice.findings.isEmpty)
        for text in ["ក្រុមហ៊ុន​បាន​ចោទប្រកាន់​លោក​ឧកញ៉ា​{PERSON}។", "លោក​ឧកញ៉ា​{PERSON}", "លោក​អ្នកឧកញ៉ា​{PERSON2}​បាន​មក។", "លោក​បណ្ឌិត​{PERSON}",
                     "សម្តេច​តេជោ​{PERSON}​បាន​ថ្លែង។"] {
            #expect(scrubbed(text) == text)
        }
        for text in ["Mr. Oknha {PERSON} came.", "His Excellency Samdech {PERSON} spoke.", "H.E. Mr. Sovann {PERSON2} spoke."] {
            #expect(scrubbed(text, "en") == text)
        }
    }

    @Test("M12: scrub(scrub(x)) == scrub(x) on real sentences: the khPOS sample (U+200B and spaces), Europarl EN/FR, the notes, aligned units and titled names put in them", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func idempotentOnRealText() throws {
        func lines(_ path: String, _ limit: Int) throws -> [String] {
            let url = try #require(SharedData.file(path))
            return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").prefix(limit).map(String.init)
        }
        let khpos = try lines("khmer/khpos-train-sample.word", 1000).map { $0.replacingOccurrences(of: "~", with: "").replacingOccurrences(of: "^", with: "").replacingOccurrences(of: "_", with: "") }
        let km = khpos.map { $0.replacingOccurrences(of: " ", with: "\u{200B}") } + khpos
        let en = try lines("parallel/europarl-20k.en", 3000), fr = try lines("parallel/europarl-20k.fr", 3000)
        var notes: [String] = []
        let folder = try #require(SharedData.file("notes"))
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) where file.pathExtension == "txt" {
            notes += try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        let titledKM = ["លោក​ឧកញ៉ា​ម៉ុង​ឫទ្ធី", "សម្តេច​តេជោ​ហ៊ុន​សែន", "ឯកឧត្ដម​ប្រាក់​សុខុន", "លោកស្រី​ចាន់​តារា", "លោក​បណ្ឌិត​សុខ​ដារា"]
        let titledEN = ["His Excellency Prak Sokhonn", "Oknha Mong Reththy", "Samdech Techo Hun Sen", "H.E. Mr. Sok Dara", "Son Excellence M. Jean Dupont"]
        var units: [TranslationUnit] = []
        for (index, text) in km.enumerated() {
            units.append(unit([("km", text)]))
            if index % 5 == 0 { units.append(unit([("km", "\(titledKM[index % titledKM.count])​\(text)")])) }
        }
        for (index, text) in (en + notes).enumerated() {
            units.append(unit([("en", text)]))
            if index % 7 == 0 { units.append(unit([("en", "\(titledEN[index % titledEN.count]) said: \(text)")])) }
        }
        units += fr.map { unit([("fr", $0)]) }
        for index in 0..<min(en.count, fr.count, khpos.count) {
            units.append(unit([("en", "\(titledEN[index % 5]) \(en[index])"), ("fr", fr[index]), ("km", "\(titledKM[index % 5])​\(km[index])")]))
        }
        var changed: [String] = []
        var scrubbedSome = 0
        for (position, input) in units.enumerated() {
            let once = scrubber.scrub(input, file: "real", position: position).unit
            if once.variants.map(\.text) != input.variants.map(\.text) { scrubbedSome += 1 }
            let twice = scrubber.scrub(once, file: "export", position: position).unit
            if twice.variants.map(\.text) != once.variants.map(\.text) {
                changed.append("\(once.variants.map(\.text)) → \(twice.variants.map(\.text))")
            }
        }
        #expect(units.count > 12_000)
        #expect(scrubbedSome > 1_000)
        #expect(changed.isEmpty, "\(changed.count): \(changed.prefix(5).joined(separator: "\n"))")
    }

    @Test("M4: an e-mail in a unit id becomes {EMAIL}, with a report row naming the field; a name in a file name written with _ - . is replaced like the same name in the unit (Khmer too)")
    func identifiers() {
        var metadata = UnitMetadata()
        metadata.origin = "visa_Vannak_Heng_2021.tmx"
        let input = unit([("en", "Visa for Mr. Vannak Heng."), ("km", "ទិដ្ឋាការ​សម្រាប់​លោក​សុខ​ដារា។")], id: "sokha.chan@mfa.gov.kh-0001", metadata: metadata)
        let result = scrubber.scrub(input, file: "visa_Vannak_Heng_2021.tmx", position: 1)
        #expect(result.unit.id == "{EMAIL}-0001")
        #expect(result.unit.metadata.origin == "visa_{PERSON}_2021.tmx")
        let idFinding = result.findings.first { $0.field == "id" }
        #expect(idFinding?.original == "sokha.chan@mfa.gov.kh")
        #expect(idFinding?.kind == .email)
        // Every finding names the unit by the id it had (the report is where originals live).
        #expect(result.findings.allSatisfy { $0.unitID == "sokha.chan@mfa.gov.kh-0001" })
        #expect(result.findings.contains { $0.field == "origin" && $0.original == "Vannak_Heng" })
        for (origin, expected) in [("visa-vannak-heng.tmx#3", "visa-{PERSON}.tmx#3"), ("dossiers/2021.Vannak.Heng/visa.tmx", "dossiers/2021.{PERSON}/visa.tmx"),
                                   ("visa_សុខ_ដារា.tmx", "visa_{PERSON}.tmx"), ("sokha.chan@mfa.gov.kh.tmx", "{EMAIL}.tmx"),
                                   ("notes-2021-01.tmx", "notes-2021-01.tmx")] {
            var metadata = UnitMetadata()
            metadata.origin = origin
            let scrubbed = scrubber.scrub(unit([("en", "Visa for Mr. Vannak Heng."), ("km", "ទិដ្ឋាការ​សម្រាប់​លោក​សុខ​ដារា។")], metadata: metadata), file: "f", position: 1)
            #expect(scrubbed.unit.metadata.origin == expected, "\(origin)")
        }
        // A titled name in a file name with `_` between the words, in a unit naming nobody.
        var titled = UnitMetadata()
        titled.origin = "visa_Mr_Sok_Dara.tmx"
        #expect(scrubber.scrub(unit([("en", "Visa.")], metadata: titled), file: "f", position: 1).unit.metadata.origin == "visa_Mr_{PERSON}.tmx")
        // An id without personal data is kept as it is.
        #expect(scrubber.scrub(unit([("en", "Mr. Sok Dara")], id: "note-2021-045"), file: "f", position: 1).unit.id == "note-2021-045")
    }
}
