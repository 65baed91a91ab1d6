import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// XLIFF 2.0 inline codes: a target code is the source code with the same id, a start/end pair
/// in one segment is TMX's bpt/ept, and XLIFF 1.2 segment markers are segments, not tags.
@Suite("XLIFF inline codes and segments")
struct XLIFFCodeCorrespondenceTests {
    static let en = LanguageTag(.english), km = LanguageTag(.khmer), fr = LanguageTag(.french)

    static func bold(_ i: String, at start: Int, _ end: Int) -> [InlineTag] {
        [InlineTag(kind: .bpt, position: start, attributes: [Property(type: "i", value: i)], content: "&lt;b&gt;"),
         InlineTag(kind: .ept, position: end, attributes: [Property(type: "i", value: i)], content: "&lt;/b&gt;")]
    }

    /// A TMX unit: the same bold code (`i="1"`) around "Ministry" and ក្រសួង, a line break (`ph`)
    /// in both, and an italic code only the Khmer has.
    static let tagged = TranslationUnit(id: "u1", variants: [
        Variant(language: en, text: "Thanks to the Ministry.", tags: bold("1", at: 14, 22)
            + [InlineTag(kind: .ph, position: 23, content: "&lt;br/&gt;")]),
        Variant(language: km, text: "សូម​អរគុណ​ក្រសួង។", tags: [
            InlineTag(kind: .bpt, position: 0, attributes: [Property(type: "i", value: "2")], content: "&lt;i&gt;"),
            InlineTag(kind: .ept, position: 3, attributes: [Property(type: "i", value: "2")], content: "&lt;/i&gt;"),
        ] + bold("1", at: 10, 16) + [InlineTag(kind: .ph, position: 17, content: "&lt;br/&gt;")]),
    ])

    static func markup(_ xml: String, _ element: String) -> String {
        guard let start = xml.range(of: "<\(element)>"), let end = xml.range(of: "</\(element)>", range: start.upperBound..<xml.endIndex) else { return "" }
        return String(xml[start.upperBound..<end.lowerBound])
    }

    static func ids(_ markup: String) -> [String] {
        markup.components(separatedBy: "id=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    @Test("Corresponding codes get one id in source and target; a code only the Khmer has gets an id the source never uses")
    func sharedIDs() throws {
        let xml = String(decoding: try write([Self.tagged], as: .xliff, languages: [Self.en, Self.km]), as: UTF8.self)
        let source = Self.markup(xml, "source"), target = Self.markup(xml, "target")
        #expect(source == "Thanks to the <sc id=\"t1\" dataRef=\"d1\"/>Ministry<ec startRef=\"t1\" dataRef=\"d2\"/>.<ph id=\"t2\" dataRef=\"d3\"/>")
        #expect(target.contains("<sc id=\"t1\" dataRef=\"d1\"/>ក្រសួង<ec startRef=\"t1\" dataRef=\"d2\"/>"))
        #expect(target.contains("<ph id=\"t2\" dataRef=\"d3\"/>"))
        let khmerOnly = try #require(Self.ids(target).first { !["t1", "t2"].contains($0) })
        #expect(!Self.ids(source).contains(khmerOnly))
        #expect(target.hasPrefix("<sc id=\"\(khmerOnly)\" dataRef=\"d4\"/>សូម<ec startRef=\"\(khmerOnly)\" dataRef=\"d5\"/>"))
        // One originalData entry per native code: <b>, </b>, <br/>, <i>, </i>.
        #expect(xml.components(separatedBy: "<data id=").count - 1 == 5)
    }

    @Test("Review 1130h m7: a footnote <ph> whose native code is translated (its <sub> text) has the same id in source and target; a code only one side has still gets a fresh id")
    func translatedNativeCodeCorresponds() throws {
        let unit = TranslationUnit(id: "n1", variants: [
            Variant(language: Self.en, text: "Footnote here", tags: [InlineTag(kind: .ph, position: 8, content: "{\\footnote Text of the note}")]),
            Variant(language: Self.km, text: "លេខយោងនៅទីនេះ", tags: [InlineTag(kind: .ph, position: 6, content: "{\\footnote អត្ថបទ}")]),
        ])
        let xml = String(decoding: try write([unit], as: .xliff, languages: [Self.en, Self.km]), as: UTF8.self)
        let source = Self.markup(xml, "source"), target = Self.markup(xml, "target")
        #expect(Self.ids(source) == ["t1"], "\(source)")
        #expect(Self.ids(target) == ["t1"], "the review saw t2: \(target)")
        #expect(source.contains("dataRef=\"d1\"") && target.contains("dataRef=\"d2\""), "each side keeps its own native code")
        // The original test's Khmer-only italic pair (bpt/ept with its own i) keeps a fresh id.
        let tagged = String(decoding: try write([Self.tagged], as: .xliff, languages: [Self.en, Self.km]), as: UTF8.self)
        #expect(Set(Self.ids(Self.markup(tagged, "target"))).subtracting(Self.ids(Self.markup(tagged, "source"))).count == 1)
        // Read back: each side's native code is what it was.
        let again = try #require(try read(Data(xml.utf8), as: .xliff).units.first)
        #expect(again.variant(for: Self.km)?.tags.first?.content == unit.variants[1].tags[0].content)
        #expect(again.variant(for: Self.en)?.tags.first?.content == unit.variants[0].tags[0].content)
    }

    @Test("TMX → XLIFF 2.0 → TMX keeps paired tags paired, with one i shared by English and Khmer")
    func pairsComeBackAsBptEpt() throws {
        let xliff = try write([Self.tagged], as: .xliff, languages: [Self.en, Self.km])
        let again = try #require(try read(xliff, as: .xliff).units.first)
        let english = try #require(again.variant(for: Self.en)), khmer = try #require(again.variant(for: Self.km))
        #expect(english.tags.map(\.kind) == [.bpt, .ept, .ph])
        #expect(khmer.tags.map(\.kind) == [.bpt, .ept, .bpt, .ept, .ph])
        let boldI = english.tags[0].attribute("i")
        #expect(boldI != nil && english.tags[1].attribute("i") == boldI)
        #expect(khmer.tags[2].attribute("i") == boldI && khmer.tags[3].attribute("i") == boldI)
        #expect(khmer.tags[0].attribute("i") != boldI)
        #expect(khmer.tags.map(\.position) == [0, 3, 10, 16, 17])
        let tmx = String(decoding: try write([again], as: .tmx), as: UTF8.self)
        #expect(tmx.contains("Thanks to the <bpt i=\"1\">&lt;b&gt;</bpt>Ministry<ept i=\"1\">&lt;/b&gt;</ept>."))
        #expect(!tmx.contains("<it "))
    }

    @Test("A start code without its end (and an end without its start) is isolated=\"yes\"; a genuinely isolated pair stays <it> in TMX")
    func isolatedCodes() throws {
        let lonely = TranslationUnit(id: "u2", variants: [
            Variant(language: Self.en, text: "Annex 1 continues", tags: [
                InlineTag(kind: .bpt, position: 0, attributes: [Property(type: "i", value: "4")], content: "&lt;u&gt;"),
                InlineTag(kind: .ec, position: 7, attributes: [Property(type: "startRef", value: "x9")], content: "&lt;/i&gt;"),
            ]),
            Variant(language: Self.km, text: "ឧបសម្ព័ន្ធ ១ បន្ត", tags: [
                InlineTag(kind: .sc, position: 0, attributes: [Property(type: "id", value: "s7")], content: "&lt;u&gt;"),
            ]),
        ])
        let xml = String(decoding: try write([lonely], as: .xliff, languages: [Self.en, Self.km]), as: UTF8.self)
        let source = Self.markup(xml, "source"), target = Self.markup(xml, "target")
        #expect(source.contains("<sc id=\"t1\" isolated=\"yes\" dataRef=\"d1\"/>"))
        #expect(source.contains("<ec id=\"x9\" isolated=\"yes\" dataRef=\"d2\"/>"))
        #expect(!source.contains("startRef"))
        #expect(target.contains("<sc id=\"s7\" isolated=\"yes\" dataRef=\"d1\"/>"))
        let again = try #require(try read(Data(xml.utf8), as: .xliff).units.first)
        #expect(again.variant(for: Self.en)?.tags.map(\.kind) == [.sc, .ec])
        let tmx = String(decoding: try write([again], as: .tmx), as: UTF8.self)
        #expect(tmx.contains("<it pos=\"begin\">&lt;u&gt;</it>Annex 1<it pos=\"end\">&lt;/i&gt;</it>"))
    }

    @Test("Segmented XLIFF 1.2 (seg-source + mrk mtype=seg, as SDLXLIFF and Okapi write it) gives one unit per mid, markers never tags")
    func segmentedSource() throws {
        let (units, _) = try Fixture.read("segmented-1.2.xlf")
        #expect(units.map(\.id) == ["p1:1", "p1:2", "p2:3", "p2:4"])
        #expect(units.map { $0.text("en-US") } == ["The Embassy thanks the Ministry.", "It avails itself of this opportunity.",
                                                     "Phnom Penh, 12 January 2021.", "Note No. 45."])
        #expect(units.map { $0.text("km-KH") } == ["ស្ថានទូត​សូម​អរគុណ ក្រសួង។", "ស្ថានទូត​សូម​ឆ្លៀត​ឱកាស​នេះ។",
                                                     "ភ្នំពេញ ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២១។", nil])
        let first = units[0]
        #expect(first.variants.map { $0.tags.map(\.kind) } == [[.g, .g], [.g, .g]])
        #expect(first.variants[0].tags.map(\.position) == [23, 31])
        #expect(first.variants[1].tags.map(\.position) == [19, 25])
        #expect(units[1].variants[0].tags.map(\.kind) == [.mrk, .mrk], "a comment marker inside a segment is kept")
        for unit in units {
            for variant in unit.variants {
                #expect(!variant.tags.contains { $0.attribute("mtype") == "seg" }, "\(unit.id ?? ""): a segment marker became a tag")
            }
        }
        #expect(units[0].metadata.review == .translated)
    }
}
