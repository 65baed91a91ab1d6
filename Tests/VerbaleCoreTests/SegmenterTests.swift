import Foundation
import Testing
import VerbaleCore

/// Our own fixtures (`Tests/Fixtures/segmentation/`).
enum SegmentationFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/segmentation")
    static func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }
    static func text(_ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
}

@Suite("Segmenter")
struct SegmenterTests {
    func texts(_ text: String, _ language: Language = .english) throws -> [String] {
        try Segmenter(language: language).segments(of: text).map(\.text)
    }

    @Test("Titles and reference abbreviations do not end a sentence")
    func titles() throws {
        #expect(try texts("H.E. Mr. Sok Chenda met Dr. Smith on 5 May. See No. 12 and Art. 5, para. 3, pp. 4-6. It ended.")
            == ["H.E. Mr. Sok Chenda met Dr. Smith on 5 May.", "See No. 12 and Art. 5, para. 3, pp. 4-6.", "It ended."])
        #expect(try texts("The Chargé d'affaires a.i. presents his compliments, e.g. France. H.R.H. The Prince arrived.")
            == ["The Chargé d'affaires a.i. presents his compliments, e.g. France.", "H.R.H. The Prince arrived."])
        #expect(try texts("The U.N. Office in Geneva replied. It was the U.N. The Embassy noted it.")
            == ["The U.N. Office in Geneva replied.", "It was the U.N.", "The Embassy noted it."])
        #expect(try texts("Signed on 12 Jan. 2021 by J. R. Smith. He left.") == ["Signed on 12 Jan. 2021 by J. R. Smith.", "He left."])
    }

    @Test("French titles and abbreviations do not end a sentence")
    func frenchTitles() throws {
        #expect(try texts("S.E. M. Sok et Mme Dupont, cf. art. 5, al. 2, n° 37. L'Ambassade remercie MM. les délégués.", .french)
            == ["S.E. M. Sok et Mme Dupont, cf. art. 5, al. 2, n° 37.", "L'Ambassade remercie MM. les délégués."])
        #expect(try texts("Voir p. ex. le texte. S.A.R. Le Prince est arrivé.", .french) == ["Voir p. ex. le texte.", "S.A.R. Le Prince est arrivé."])
    }

    @Test("Sentences glued by extraction split; acronyms and e.g. do not")
    func glued() throws {
        #expect(try texts("…the Netherlands Antilles and Aruba respectively.If this proposal is acceptable")
            == ["…the Netherlands Antilles and Aruba respectively.", "If this proposal is acceptable"])
        #expect(try texts("The U.N.Office replied, e.g.France agreed.") == ["The U.N.Office replied, e.g.France agreed."])
        #expect(try texts("Prague, 20th October, 1993No.: 1999The Royal Netherlands Embassy presents its compliments")
            == ["Prague, 20th October, 1993", "No.: 1999", "The Royal Netherlands Embassy presents its compliments"])
        #expect(try texts("It enters into force on 1 January 2006.The Ministry agrees.")
            == ["It enters into force on 1 January 2006.", "The Ministry agrees."])
        #expect(try texts("Write to Jane.Doe@example.org. She replies.") == ["Write to Jane.Doe@example.org.", "She replies."])
    }

    @Test("Letterhead, reference, date and addressee lines are segments of their own; a wrapped name is one")
    func lines() throws {
        let note = "Permanent Mission of the Kingdom of Cambodia\nto the United Nations Office at Geneva\n\nN. 2021/01/045\n\nThe Mission presents its compliments.\n\nGeneva, 12 January 2021\n\nOffice of the High Commissioner for Human Rights\nGeneva\n"
        // The letterhead's second line starts in lower case: it continues the first, one name
        // (review 1130b S2; the French is "Mission permanente … auprès de l'Office …", not two lines).
        #expect(try texts(note) == ["Permanent Mission of the Kingdom of Cambodia\nto the United Nations Office at Geneva", "N. 2021/01/045",
                                    "The Mission presents its compliments.", "Geneva, 12 January 2021",
                                    "Office of the High Commissioner for Human Rights", "Geneva"])
    }

    @Test("Numbered paragraphs keep their number; a paragraph reference still ends a sentence")
    func numbered() throws {
        #expect(try texts("1. The Embassy proposes the following.\n2. The Agreement applies to Aruba.\n(a) the first case;\n")
            == ["1. The Embassy proposes the following.", "2. The Agreement applies to Aruba.", "(a) the first case;"])
        #expect(try texts("This is set out in Article 10, paragraph 5. This interpretation is shared.")
            == ["This is set out in Article 10, paragraph 5.", "This interpretation is shared."])
    }

    @Test("Khmer khan ។ and bariyosan ៕ end sentences; ៖ does not")
    func khmer() throws {
        let text = try SegmentationFixture.text("khmer-messages.txt")
        let segments = try texts(text, .khmer)
        #expect(segments.count == 5, "\(segments)")
        #expect(segments.allSatisfy { $0.hasSuffix("។") || $0.hasSuffix("៕") })
        #expect(segments[3].contains("៖"))
        #expect(segments.allSatisfy { !$0.hasPrefix("\u{200B}") && !$0.hasPrefix(" ") })
    }

    @Test("Khmer ។ល។ (and so on) is not broken inside")
    func khmerEtCetera() throws {
        let segments = try texts("ក ខ គ ។ល។ ជាតិ សាសនា។", .khmer)
        #expect(!segments.contains("ល។"))
        #expect(segments.first?.contains("។ល។") == true)
    }

    @Test("Ranges are in Unicode scalars of the input and cover each segment's text")
    func ranges() throws {
        let text = "  ព្រះរាជាណាចក្រកម្ពុជា។ Hello 😀 world. Done.\n"
        let scalars = Array(text.unicodeScalars)
        for segment in try Segmenter(language: .khmer).segments(of: text) {
            let slice = String(String.UnicodeScalarView(scalars[segment.range]))
            #expect(slice == segment.text)
        }
    }

    @Test("Text with 1-, 2-, 3- and 4-byte characters breaks where its UTF-16 form does")
    func transcoding() throws {
        let text = "Le Ministère — ក្រសួង 𝐀𝐁 😀 presents. H.E. Mr. Sok arrived. Café ៖ ១២៣។ End 🇰🇭."
        let segmenter = try Segmenter(language: .english)
        let segments = segmenter.segments(of: text)
        let utf16 = Array(text.utf16)
        let breaks = segmenter.breakOffsets(utf16: utf16)
        #expect(breaks.count >= 2)
        let starts = [0] + breaks
        var texts: [String] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : utf16.count
            let piece = String(decoding: utf16[start..<end], as: UTF16.self).trimmingCharacters(in: .whitespaces)
            texts.append(piece)
        }
        #expect(segments.map(\.text) == texts)
        #expect(texts.first == "Le Ministère — ក្រសួង 𝐀𝐁 😀 presents.")
        let scalars = Array(text.unicodeScalars)
        for segment in segments {
            #expect(String(String.UnicodeScalarView(scalars[segment.range])) == segment.text)
        }
    }

    @Test("Empty and blank text give no segment")
    func empty() throws {
        #expect(try texts("").isEmpty)
        #expect(try texts(" \n\n\u{200B}\t").isEmpty)
    }

    @Test("The seed note gives one segment per sentence, heading and line",
          .enabled(if: SharedData.file("notes/seed-cambodia-ohchr-2021.txt") != nil, "../shared/data is absent"))
    func seedNote() throws {
        let url = try #require(SharedData.file("notes/seed-cambodia-ohchr-2021.txt"))
        let segments = try texts(String(contentsOf: url, encoding: .utf8))
        #expect(segments.count == 23)
        #expect(segments[0] == "Permanent Mission of the Kingdom of Cambodia to the United Nations Office and other International Organisations at Geneva")
        #expect(segments[1] == "N. 2021/01/045")
        #expect(segments[5] == "Geneva, 12 January 2021")
        #expect(segments[10] == "In an effort to fight the COVID-19, the RGC has put strong effort to protect the right to privacy of individuals infected with COVID-19.")
        #expect(segments[11].hasPrefix("Since the first case of COVID-19 was identified on 27 January 2020 in Cambodia"))
        #expect(segments.allSatisfy { !$0.contains("\n") })
    }

    @Test("A 1 MB single line of sentences with titles and numbers segments sentence by sentence")
    func longLine() throws {
        let sentence = "The Embassy of the Kingdom of the Netherlands presents its compliments to H.E. Mr. Sok, No. 12. "
        let text = String(repeating: sentence, count: 1_000_000 / sentence.utf8.count)
        let segments = try Segmenter(language: .english).segments(of: text)
        #expect(segments.count == 1_000_000 / sentence.utf8.count)
    }
}

@Suite("SRX rules")
struct SRXRulesTests {
    @Test("Malformed SRX is an error with line and column")
    func malformed() throws {
        #expect {
            _ = try SRXDocument(data: SegmentationFixture.data("broken.srx"), name: "broken.srx")
        } throws: { error in
            guard case let SRXError.malformed(file, line, column, _) = error else { return false }
            return file == "broken.srx" && line == 7 && column > 1
        }
    }

    @Test("A DOCTYPE (entity expansion) is refused before parsing")
    func doctype() throws {
        #expect(throws: SRXError.doctypeRefused(file: "doctype.srx", line: 2, column: 1)) {
            _ = try SRXDocument(data: SegmentationFixture.data("doctype.srx"), name: "doctype.srx")
        }
    }

    @Test("A regular expression ICU rejects names its rule and language rule")
    func badRegex() throws {
        let document = try SRXDocument(data: SegmentationFixture.data("bad-regex.srx"), name: "bad-regex.srx")
        #expect {
            _ = try Segmenter(language: .english, rules: document)
        } throws: { error in
            guard case let SRXError.invalidRule(languageRule, rule, line, element, _, _) = error else { return false }
            return languageRule == "Titles" && rule == 2 && line == 8 && element == "beforebreak"
                && (error as? SRXError)?.description.contains("rule 2 of language rule \"Titles\"") == true
        }
    }

    @Test("Not SRX at all is a structural error")
    func notSRX() throws {
        #expect(throws: SRXError.self) { _ = try SRXDocument(data: Data("<tmx version=\"1.4\"/>".utf8), name: "x.tmx") }
        #expect(throws: SRXError.self) { _ = try SRXDocument(data: Data(), name: "empty.srx") }
    }

    @Test("Custom rules: cascade, language maps, break and no-break rules over ICU")
    func custom() throws {
        let document = try SRXDocument(data: SegmentationFixture.data("custom.srx"), name: "custom.srx")
        #expect(document.cascade)
        #expect(!document.segmentSubflows)
        #expect(document.languageRules.map(\.name) == ["English", "Common"])
        let english = try Segmenter(language: .english, rules: document)
        #expect(english.segments(of: "Your Excellency. Thank you; we agree. Next.").map(\.text)
            == ["Your Excellency. Thank you;", "we agree.", "Next."])
        let french = try Segmenter(language: .french, rules: document)
        #expect(french.segments(of: "Excellency. Merci; oui.").map(\.text) == ["Excellency.", "Merci;", "oui."])
        // No abbreviation rules here: ICU alone breaks after "Mr."
        #expect(english.segments(of: "Mr. Smith came.").count == 2)
    }

    @Test("SRX rules built in code: cascade off takes only the first matching map")
    func inCode() throws {
        let document = SRXDocument(cascade: false, languageRules: [
            .init(name: "A", rules: [.init(isBreak: true, beforeBreak: ",", afterBreak: "\\s")]),
            .init(name: "B", rules: [.init(isBreak: true, beforeBreak: ";", afterBreak: "\\s")]),
        ], languageMaps: [.init(languagePattern: "en.*", languageRuleName: "A"), .init(languagePattern: ".*", languageRuleName: "B")])
        let segmenter = try Segmenter(language: .english, rules: document, languageCode: "en-GB")
        #expect(segmenter.segments(of: "one, two; three").map(\.text) == ["one,", "two; three"])
        #expect(segmenter.rules.ruleCount == 1)
    }

    @Test("Default no-break rules are checked only at candidate positions")
    func plan() throws {
        let rules = try SegmentationRules(document: DefaultSegmentationRules.document(), languageCode: "en")
        #expect(!rules.plan.contains { $0.contains("every position") }, "\(rules.plan)")
        #expect(rules.plan.first?.hasPrefix("anchored no-break") == true)
    }
}
