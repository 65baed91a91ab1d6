import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Acceptance review 1130i. M1: personal data inside inline codes — a Word hyperlink's
/// `mailto:` in a Trados `<bpt>`, a phone number in a `<ph>`'s title, a footnote's `<sub>` text,
/// an XLIFF `equiv-text` — was stored and exported as typed while the text beside it said
/// `Mr. {PERSON}`. M2: an English possessive went into the name ("Mr. Sok Dara's visa" stored
/// "Mr. {PERSON} visa", then drafted « M. Keo Rithy's »). M3: a relative path or bare file name
/// in a property (OmegaT's `file`) kept the name that the same file name loses as an origin.
/// Values are the reviewer's (`/tmp/review-i/imp/trados16.tmx`, `x12.xlf`, `poss.tsv`,
/// `omegat2.tmx`).
@Suite("Personal data: acceptance review 1130i (inline codes, possessives, file names in properties)")
struct PersonalDataReview1130iTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    /// The Trados hyperlink unit: a `<bpt>`/`<ept>` pair around the name, in English and French.
    func hyperlinkUnit() -> TranslationUnit {
        let open = #"&lt;a href="mailto:sok.dara@mfaic.gov.kh"&gt;"#
        func variant(_ language: String, _ text: String, at start: Int, _ end: Int) -> Variant {
            var variant = Variant(language: tag(language), text: text)
            variant.tags = [
                InlineTag(kind: .bpt, position: start, attributes: [Property(type: "i", value: "1"), Property(type: "type", value: "link")], content: open),
                InlineTag(kind: .ept, position: end, attributes: [Property(type: "i", value: "1")], content: "&lt;/a&gt;"),
            ]
            return variant
        }
        return TranslationUnit(variants: [
            variant("en", "Please contact Mr. Sok Dara for the visa.", at: 15, 27),
            variant("fr", "Veuillez contacter M. Sok Dara pour le visa.", at: 19, 30),
        ])
    }

    @Test("M1: an e-mail address in a tag's native code is replaced, the same way in every variant, and reported")
    func hyperlinkCode() throws {
        let (scrubbed, findings) = scrubber.scrub(hyperlinkUnit(), file: "trados16.tmx", position: 1)
        for variant in scrubbed.variants {
            #expect(variant.text.contains("{PERSON}"))
            #expect(variant.tags[0].content == #"&lt;a href="mailto:{EMAIL}"&gt;"#)
            #expect(variant.tags[1].content == "&lt;/a&gt;")
            #expect(variant.tags[0].attributes == [Property(type: "i", value: "1"), Property(type: "type", value: "link")])
        }
        let inTags = findings.filter { $0.field?.hasPrefix("tag") == true }
        #expect(inTags.count == 2)
        #expect(inTags.allSatisfy { $0.kind == .email && $0.original == "sok.dara@mfaic.gov.kh" })
    }

    @Test("M1: a phone number in a code, a footnote's <sub> text and an XLIFF equiv-text are replaced; the markup stays")
    func codesOfEveryKind() throws {
        var variant = Variant(language: tag("en"), text: "See note below, call the desk today.")
        variant.tags = [
            InlineTag(kind: .ph, position: 8, content: #"{\footnote <sub>Letter from Mr. Sok Dara, sok.dara@gmail.com</sub>}"#),
            InlineTag(kind: .ph, position: 21, attributes: [Property(type: "x", value: "1")], content: #"&lt;span title="+855 12 345 678"&gt;"#),
            InlineTag(kind: .x, position: 35, attributes: [Property(type: "id", value: "2"), Property(type: "ctype", value: "x-mailto"),
                                                          Property(type: "equiv-text", value: "chea.malis@mfaic.gov.kh")]),
            InlineTag(kind: .ut, position: 35, content: #"{\field{\*\fldinst HYPERLINK "mailto:keo@mfa.gov.kh"}}"#),
        ]
        let (scrubbed, findings) = scrubber.scrub(TranslationUnit(variants: [variant]), file: "t", position: 1)
        let tags = scrubbed.variants[0].tags
        #expect(tags[0].content == #"{\footnote <sub>Letter from Mr. {PERSON}, {EMAIL}</sub>}"#)
        #expect(tags[1].content == #"&lt;span title="{PHONE}"&gt;"#)
        #expect(tags[1].attributes == [Property(type: "x", value: "1")])
        #expect(tags[2].attributes.map(\.value) == ["2", "x-mailto", "{EMAIL2}"])
        #expect(tags[3].content == #"{\field{\*\fldinst HYPERLINK "mailto:{EMAIL3}"}}"#)
        #expect(Set(findings.map(\.original)) == ["Sok Dara", "sok.dara@gmail.com", "+855 12 345 678", "chea.malis@mfaic.gov.kh", "keo@mfa.gov.kh"])
        #expect(scrubbed.variants[0].text == variant.text)
    }

    @Test("M1: codes without personal data are kept byte for byte (RTF, HTML, entities)")
    func plainCodesKept() throws {
        var variant = Variant(language: tag("en"), text: "The Embassy of Japan said so.")
        variant.tags = [
            InlineTag(kind: .bpt, position: 4, attributes: [Property(type: "i", value: "1"), Property(type: "type", value: "bold")], content: #"{\b "#),
            InlineTag(kind: .ept, position: 11, attributes: [Property(type: "i", value: "1")], content: "}"),
            InlineTag(kind: .ph, position: 20, content: #"&lt;img src=&quot;logo.png&quot; alt=&quot;Royal Arms&quot;/&gt;"#),
            InlineTag(kind: .hi, position: 25, attributes: [Property(type: "type", value: "x-emph")]),
        ]
        let input = TranslationUnit(variants: [variant, Variant(language: tag("fr"), text: "L'Ambassade du Japon l'a dit.")])
        let (scrubbed, findings) = scrubber.scrub(input, file: "t", position: 1)
        #expect(scrubbed.variants[0].tags == variant.tags)
        #expect(findings.isEmpty)
    }

    @Test("M2: an English possessive stays outside the name", arguments: [
        ("Mr. Sok Dara's visa application was received.", "Mr. {PERSON}'s visa application was received."),
        ("H.E. Mr. Prak Sokhonn’s letter of 5 May.", "H.E. Mr. {PERSON}’s letter of 5 May."),
        ("The Ambassador's wife, Mrs. Chea Malis's sister, arrived.", "The Ambassador's wife, Mrs. {PERSON}'s sister, arrived."),
        ("Dr. Chan Sophal's passport was renewed.", "Dr. {PERSON}'s passport was renewed."),
        ("Mr. O'Neill met Mr. Sok Dara.", "Mr. {PERSON1} met Mr. {PERSON2}."),
    ])
    func possessive(_ text: String, _ expected: String) {
        #expect(scrubber.scrubbed(text, language: "en").text == expected)
    }

    @Test("M2: on Europarl's possessives (written as a translator types them), every 's survives the scrubber",
          .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func europarlPossessives() throws {
        let file = try #require(SharedData.file("parallel/europarl-20k.en"))
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            .filter { $0.range(of: #"\b(Mr|Mrs|Ms)\.? [A-Z][a-z]+ 's\b"#, options: .regularExpression) != nil }
            .map { $0.replacingOccurrences(of: " 's", with: "'s") }
        #expect(lines.count > 50)
        var lost: [String] = []
        for line in lines {
            let scrubbed = scrubber.scrubbed(line, language: "en").text
            if scrubbed.components(separatedBy: "'s").count != line.components(separatedBy: "'s").count { lost.append(scrubbed) }
        }
        #expect(lost.isEmpty, "\(lost.prefix(5))")
    }

    @Test("M3: a relative path or a bare file name in a property loses the name it is named after", arguments: [
        "notes/2020/visa-Mr-Sok-Dara.txt", "visa-Mr-Sok-Dara.txt", "Visa Mr Sok Dara.docx", "visa_sok.dara@mfaic.gov.kh.docx",
    ])
    func fileNameProperties(_ value: String) {
        var input = unit([("en", "Thank you."), ("fr", "Merci.")])
        input.metadata.properties = [Property(type: "file", value: value)]
        let scrubbed = scrubber.scrub(input, file: "t", position: 1).unit.metadata.properties
        #expect(scrubbed.count == 1)
        #expect(!scrubbed[0].value.contains("Sok") && !scrubbed[0].value.contains("Dara") && !scrubbed[0].value.contains("sok.dara"), "\(scrubbed[0].value)")
        #expect(scrubbed[0].value.hasSuffix(".txt") || scrubbed[0].value.hasSuffix(".docx"))
    }
}

@Suite("Personal data: acceptance review 1130i m5 (an account in a role property)")
struct PersonalDataReview1130iAccountTests {
    @Test("m5: a one-word value of a translator/reviewer property is an account, replaced whole; other values as before", arguments: [
        ("x-translator", "sokha.chan", "{PERSON}"), ("Translator", #"MOFA\keo.rithy"#, "{PERSON}"), ("x-Reviewer", "dara_s", "{PERSON}"),
        ("x-translator", "Sokha Chan", "{PERSON}"), ("x-client", "Ministry", "Ministry"), ("x-translator", "sokha@mfa.gov.kh", "{EMAIL}"),
        ("x-translator", "2021", "2021"),
    ])
    func accounts(_ type: String, _ value: String, _ expected: String) throws {
        let scrubber = try PersonalDataScrubber()
        var input = unit([("en", "Thank you."), ("fr", "Merci.")])
        input.metadata.properties = [Property(type: type, value: value)]
        #expect(scrubber.scrub(input, file: "t", position: 1).unit.metadata.properties == [Property(type: type, value: expected)])
    }
}

@Suite("Personal data: acceptance review 1130i m6 (a name in capitals ends at a verb or function word)")
struct PersonalDataReview1130iCapitalsTests {
    @Test("m6: the verb after a name in capitals stays in the text; particles stay in the name", arguments: [
        ("MR. SOK DARA WILL ARRIVE ON 5 MAY.", "en", "MR. {PERSON} WILL ARRIVE ON 5 MAY."),
        ("M. SOK DARA ARRIVERA LE 5 MAI.", "fr", "M. {PERSON} ARRIVERA LE 5 MAI."),
        ("M. JEAN DE LA FONTAINE", "fr", "M. {PERSON}"),
        ("Head: MR. SOK VANNA\nMEMBERS OF THE DELEGATION", "en", "Head: MR. {PERSON}\nMEMBERS OF THE DELEGATION"),
        // The lead's review of this fix: an initial is no verb, a surname that is also such a
        // word stays in the name, and a first title that names no one ("MR. AND MRS.") takes nothing.
        ("Mr. John A. Smith will attend.", "en", "Mr. {PERSON} will attend."),
        ("M. Jean A. Dupont assistera.", "fr", "M. {PERSON} assistera."),
        ("MR. JOHN A SMITH ARRIVES.", "en", "MR. {PERSON} ARRIVES."),
        ("MRS. THERESA MAY WILL ATTEND.", "en", "MRS. {PERSON} WILL ATTEND."),
        ("MR. AND MRS. JOHN SMITH AND THEIR SON WILL ATTEND.", "en", "MR. AND MRS. {PERSON} AND THEIR SON WILL ATTEND."),
    ])
    func capitals(_ text: String, _ language: String, _ expected: String) throws {
        let scrubber = try PersonalDataScrubber()
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }
}

@Suite("Personal data: acceptance review 1130i m6 (a second title after a name in capitals begins a new name)")
struct PersonalDataReview1130iJoinedTitlesTests {
    @Test("m6: both names go, in capitals as in mixed case; an initial M. stays inside a name", arguments: [
        ("MR. SOK DARA AND MRS. CHEA MALIS WILL ARRIVE.", "en", "MR. {PERSON1} AND MRS. {PERSON2} WILL ARRIVE."),
        ("M. SOK DARA ET MME CHEA MALIS ARRIVERONT LE 5 MAI.", "fr", "M. {PERSON1} ET MME {PERSON2} ARRIVERONT LE 5 MAI."),
        ("Mr. Sok Dara and Mrs. Chea Malis will arrive.", "en", "Mr. {PERSON1} and Mrs. {PERSON2} will arrive."),
        ("M. Sok Dara et Mme Chea Malis arriveront.", "fr", "M. {PERSON1} et Mme {PERSON2} arriveront."),
        ("MR. SOK DARA, MRS. CHEA MALIS AND DR. KEO RITHY WILL ATTEND.", "en", "MR. {PERSON1}, MRS. {PERSON2} AND DR. {PERSON3} WILL ATTEND."),
        ("MR. SOK DARA MRS. CHEA MALIS", "en", "MR. {PERSON1} MRS. {PERSON2}"),
        ("MR. JOHN M. SMITH WILL ARRIVE.", "en", "MR. {PERSON} WILL ARRIVE."),
    ])
    func joined(_ text: String, _ language: String, _ expected: String) throws {
        let scrubber = try PersonalDataScrubber()
        #expect(scrubber.scrubbed(text, language: language).text == expected)
    }

    @Test("m6: the aligned English and French of one unit get the same two placeholders")
    func aligned() throws {
        let scrubber = try PersonalDataScrubber()
        var unit = TranslationUnit(variants: [
            Variant(language: tag("en"), text: "MR. SOK DARA AND MRS. CHEA MALIS WILL ARRIVE."),
            Variant(language: tag("fr"), text: "M. SOK DARA ET MME CHEA MALIS ARRIVERONT."),
        ])
        unit = scrubber.scrub(unit, file: "t", position: 1).unit
        #expect(unit.variants.map(\.text) == ["MR. {PERSON1} AND MRS. {PERSON2} WILL ARRIVE.", "M. {PERSON1} ET MME {PERSON2} ARRIVERONT."])
    }
}
