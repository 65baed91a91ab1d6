import Foundation
import Testing
import VerbaleCore

/// Review 1130b, findings S1, m1 and S2: Khmer-digit list numbers, the Khmer "etc." ។ល។, and
/// paragraphs hard-wrapped over any number of lines (e-mail, PDF copy, `fold`), in English,
/// French and Khmer. Each expectation failed before the rules in `verbale.srx` were changed.
@Suite("Segmenter: Khmer list numbers, ។ល។ and hard-wrapped paragraphs (review 1130b S1, m1, S2)")
struct WrappedTextSegmentationTests {
    func texts(_ text: String, _ language: Language) throws -> [String] {
        try Segmenter(language: language).segments(of: text).map(\.text)
    }

    /// A segment's line breaks (and the spaces around them) as one space, as `verbale segment`
    /// prints it, so wrapped and unwrapped text can be compared.
    static func flattened(_ segment: String) -> String {
        segment.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Test("S1: a Khmer-digit list number stays with its item, as an ASCII one does")
    func khmerListNumbers() throws {
        for language in [Language.khmer, .english, .french] {
            #expect(try texts("១. ក្រសួង​ការបរទេស។\n២. ស្ថានទូត។\n", language) == ["១. ក្រសួង​ការបរទេស។", "២. ស្ថានទូត។"])
            #expect(try texts("1. ក្រសួង​ការបរទេស។\n2. ស្ថានទូត។\n", language) == ["1. ក្រសួង​ការបរទេស។", "2. ស្ថានទូត។"])
        }
        #expect(try texts("១២. ក្រសួង​ការបរទេស​និង​សហប្រតិបត្តិការ​អន្តរជាតិ។\n១.២. ស្ថានទូត។\n", .khmer)
            == ["១២. ក្រសួង​ការបរទេស​និង​សហប្រតិបត្តិការ​អន្តរជាតិ។", "១.២. ស្ថានទូត។"])
        // After a sentence on the same line, as "…item. 2. The second item." in English.
        #expect(try texts("ក្រសួង​ការបរទេស។ ២. ស្ថានទូត។", .khmer) == ["ក្រសួង​ការបរទេស។", "២. ស្ថានទូត។"])
        // A number in running text still ends nothing by itself, and ។ still ends the sentence.
        #expect(try texts("លេខ ០៤៥ ចុះ​ថ្ងៃ​ទី ១២។ ស្ថានទូត។", .khmer) == ["លេខ ០៤៥ ចុះ​ថ្ងៃ​ទី ១២។", "ស្ថានទូត។"])
    }

    @Test("m1: Khmer ។ល។ (etc.) followed by more of the sentence is no sentence end; at the end of a line it is")
    func khmerEtCetera() throws {
        #expect(try texts("ក្រសួង​សុខាភិបាល ក្រសួង​ការបរទេស ។ល។ បាន​ចូលរួម​ក្នុង​កិច្ចប្រជុំ។ លេខ ០៤៥ ចុះ​ថ្ងៃ​ទី ១២។\n", .khmer)
            == ["ក្រសួង​សុខាភិបាល ក្រសួង​ការបរទេស ។ល។ បាន​ចូលរួម​ក្នុង​កិច្ចប្រជុំ។", "លេខ ០៤៥ ចុះ​ថ្ងៃ​ទី ១២។"])
        // Written with U+200B instead of a space, and under another language given.
        #expect(try texts("ក្រសួង​សុខាភិបាល​ក្រសួង​ការបរទេស​។ល។​បាន​ចូលរួម។", .english) == ["ក្រសួង​សុខាភិបាល​ក្រសួង​ការបរទេស​។ល។​បាន​ចូលរួម។"])
        // At the end of a line, or before digits or Latin text, it closes the sentence.
        #expect(try texts("ជាតិ សាសនា ។ល។\nស្ថានទូត។", .khmer) == ["ជាតិ សាសនា ។ល។", "ស្ថានទូត។"])
        #expect(try texts("ជាតិ សាសនា ។ល។ The Embassy agrees.", .khmer) == ["ជាតិ សាសនា ។ល។", "The Embassy agrees."])
    }

    @Test("S2: an English paragraph wrapped over three lines is one segment per sentence")
    func englishWrapped() throws {
        let text = "The Embassy of the Kingdom of Cambodia presents its\ncompliments to the Ministry. It has the honour\nto inform.\n"
        #expect(try texts(text, .english).map(Self.flattened)
            == ["The Embassy of the Kingdom of Cambodia presents its compliments to the Ministry.", "It has the honour to inform."])
        let french = "L'Ambassade du Royaume du Cambodge présente ses compliments au\nMinistère des Affaires étrangères et a l'honneur de\nlui faire savoir que la délégation\narrivera le 12 janvier 2021.\n"
        #expect(try texts(french, .french).map(Self.flattened)
            == ["L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère des Affaires étrangères et a l'honneur de lui faire savoir que la délégation arrivera le 12 janvier 2021."])
    }

    @Test("S2: headings, letterhead, reference, date, addressee and list lines stay apart")
    func linesStayApart() throws {
        let note = """
            ROYAL EMBASSY OF CAMBODIA
            N. 2021/01/045
            Geneva, 12 January 2021
            Office of the High Commissioner for Human Rights
            Geneva

            The Mission presents its compliments.
            1. The first item
            2. The second item
            (a) the first case;
            (b) the second case;
            a) the third case
            b) the fourth case

            """
        #expect(try texts(note, .english) == ["ROYAL EMBASSY OF CAMBODIA", "N. 2021/01/045", "Geneva, 12 January 2021",
                                               "Office of the High Commissioner for Human Rights", "Geneva", "The Mission presents its compliments.",
                                               "1. The first item", "2. The second item", "(a) the first case;", "(b) the second case;",
                                               "a) the third case", "b) the fourth case"])
        // A blank line ends a paragraph even inside a sentence (as in the unwrapped seed note).
        #expect(try texts("the nature of the community\n\ntransmission event was ended.", .english).count == 2)
    }

    @Test("S2: the seed note wrapped by `fold -s -w 80` segments as the unwrapped note does",
          .enabled(if: SharedData.file("notes/seed-cambodia-ohchr-2021.txt") != nil, "../shared/data is absent"),
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fold"), "/usr/bin/fold is absent"))
    func seedWrapped() throws {
        let url = try #require(SharedData.file("notes/seed-cambodia-ohchr-2021.txt"))
        let unwrapped = try texts(String(contentsOf: url, encoding: .utf8), .english)
        let fold = Process()
        fold.executableURL = URL(fileURLWithPath: "/usr/bin/fold")
        fold.arguments = ["-s", "-w", "80", url.path]
        let pipe = Pipe()
        fold.standardOutput = pipe
        try fold.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        fold.waitUntilExit()
        let wrapped = String(decoding: data, as: UTF8.self)
        #expect(wrapped.split(separator: "\n").count > 40, "fold wrapped the note")
        let segments = try texts(wrapped, .english)
        #expect(segments.count == 23)
        #expect(segments.map(Self.flattened) == unwrapped)
        #expect(segments.contains { $0.contains("\n") }, "some segments span wrapped lines")
    }

    @Test("S2: a Khmer sentence wrapped over lines is one segment; ។ still ends one")
    func khmerWrapped() throws {
        #expect(try texts("ស្ថានទូត​សូម​គោរព\nជូន​ក្រសួង។ ក្រសួង​សូម\nអរគុណ។\n", .khmer).map(Self.flattened)
            == ["ស្ថានទូត​សូម​គោរព ជូន​ក្រសួង។", "ក្រសួង​សូម អរគុណ។"])
        // The letterhead, motto, reference, date and subject lines of a Khmer note stay apart,
        // even with no blank line before the body.
        let note = "ព្រះរាជាណាចក្រកម្ពុជា\nជាតិ សាសនា ព្រះមហាក្សត្រ\nក្រសួងការបរទេស\nនិងសហប្រតិបត្តិការអន្តរជាតិ\nលេខ៖ ០៤៥\n"
            + "ភ្នំពេញ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១\nកម្មវត្ថុ៖ សំណើ​សុំ​ទិដ្ឋាការ\nស្ថានទូត​សូម​គោរព​ជូន\n"
            + "ក្រសួង​ការបរទេស​និង​សហប្រតិបត្តិការ​អន្តរជាតិ\nហើយ​សូម​ជម្រាប​ថា​។\n"
        #expect(try texts(note, .khmer).map(Self.flattened)
            == ["ព្រះរាជាណាចក្រកម្ពុជា", "ជាតិ សាសនា ព្រះមហាក្សត្រ", "ក្រសួងការបរទេស", "និងសហប្រតិបត្តិការអន្តរជាតិ", "លេខ៖ ០៤៥",
                "ភ្នំពេញ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១", "កម្មវត្ថុ៖ សំណើ​សុំ​ទិដ្ឋាការ",
                "ស្ថានទូត​សូម​គោរព​ជូន ក្រសួង​ការបរទេស​និង​សហប្រតិបត្តិការ​អន្តរជាតិ ហើយ​សូម​ជម្រាប​ថា​។"])
        // Khmer list items stay apart.
        #expect(try texts("ក. ក្រសួង​ការបរទេស\nខ. ស្ថានទូត។\n", .khmer) == ["ក. ក្រសួង​ការបរទេស", "ខ. ស្ថានទូត។"])
    }

    @Test("S2: real Khmer sentences (khPOS) wrapped at word boundaries segment as unwrapped",
          .enabled(if: TextLayerData.isAvailable, "needs ../shared/data/khmer"))
    func khposWrapped() throws {
        // khPOS lines ending with ។, as written (no spaces), wrapped between its words every
        // 45 or so characters, as a mail client or PDF copy breaks a Khmer paragraph.
        let lines = try TextLayerData.text("khmer/khpos-train-sample.word").split(separator: "\n")
            .filter { $0.hasSuffix("។") && $0.count > 90 }.prefix(60)
        #expect(lines.count >= 20)
        let segmenter = try Segmenter(language: .khmer)
        var wrappedLines = 0
        for line in lines {
            let words = line.split(separator: " ").map { WordSegmentationScore.text(ofReference: $0) }
            let unwrapped = words.joined()
            var wrapped = "", width = 0
            for (index, word) in words.enumerated() {
                // Between two Khmer words (a line ending with a digit is a date or reference line).
                let startsWithLetter = word.unicodeScalars.first.map { (0x1780...0x17B3).contains($0.value) } ?? false
                let previousEndsWithLetter = index > 0 && words[index - 1].unicodeScalars.last.map { (0x1780...0x17D3).contains($0.value) } == true
                if width >= 45, startsWithLetter, previousEndsWithLetter {
                    wrapped += "\n"; width = 0; wrappedLines += 1
                }
                wrapped += word; width += word.count
            }
            let expected = segmenter.segments(of: unwrapped).map(\.text)
            let got = segmenter.segments(of: wrapped).map { $0.text.replacingOccurrences(of: "\n", with: "") }
            #expect(got == expected, "\(wrapped)")
        }
        #expect(wrappedLines >= 30)
    }

    @Test("A custom rule with a wide range above ASCII ([\\u0100-\\uFFFF]) is analysed instead of crashing")
    func wideRangeAboveASCII() throws {
        // The rule analysis (PatternShape) built 0x100...127 for such a range and trapped; the
        // wrapped-line rules first used [\u000B-\uD7FF\uE000-\uFFFF] and hit it.
        let srx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header segmentsubflows="yes" cascade="no"/><body><languagerules>
            <languagerule languagerulename="Any"><rule break="no"><beforebreak>[\\u0100-\\uFFFF]\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule>
            </languagerules><maprules><languagemap languagepattern=".*" languagerulename="Any"/></maprules></body></srx>
            """
        let document = try SRXDocument(data: Data(srx.utf8), name: "wide.srx")
        let segmenter = try Segmenter(language: .english, rules: document)
        #expect(segmenter.segments(of: "Ā. Next one. Done.").map(\.text) == ["Ā. Next one.", "Done."])
    }
}
