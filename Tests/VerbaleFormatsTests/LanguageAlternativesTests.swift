import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Review 30 Nov, m12: a `<tu>` with two texts of one language (memoQ/Trados alternatives).
@Suite("TMX alternatives of one language")
struct LanguageAlternativesTests {
    static func tmx(_ units: String) -> Data {
        Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
        <body>
        \(units)
        </body></tmx>
        """.utf8)
    }

    @Test("A <tu> with en + EN, or two fr, or two km texts becomes one unit per combination, with its id, and a warning")
    func split() throws {
        let data = Self.tmx("""
        <tu tuid="t1"><tuv xml:lang="en"><seg>Thanks.</seg></tuv><tuv xml:lang="EN"><seg>Thank you.</seg></tuv><tuv xml:lang="fr"><seg>Merci.</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Yes.</seg></tuv><tuv xml:lang="fr"><seg>Oui.</seg></tuv><tuv xml:lang="fr"><seg>Si.</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Thank you.</seg></tuv><tuv xml:lang="km"><seg>សូម\u{200B}អរគុណ។</seg></tuv><tuv xml:lang="km"><seg>អរគុណ\u{200B}ច្រើន។</seg></tuv></tu>
        <tu><tuv xml:lang="en-US"><seg>Color</seg></tuv><tuv xml:lang="en-GB"><seg>Colour</seg></tuv><tuv xml:lang="fr"><seg>Couleur</seg></tuv></tu>
        """)
        let (units, reader) = try read(data, as: .tmx)
        #expect(units.map { $0.text("en") } == ["Thanks.", "Thank you.", "Yes.", "Yes.", "Thank you.", "Thank you.", nil])
        #expect(units.map { $0.text("fr") } == ["Merci.", "Merci.", "Oui.", "Si.", nil, nil, "Couleur"])
        #expect(units.map { $0.text("km") } == [nil, nil, nil, nil, "សូម\u{200B}អរគុណ។", "អរគុណ\u{200B}ច្រើន។", nil])
        #expect(units.map(\.variants.count) == [2, 2, 2, 2, 2, 2, 3])
        #expect(units.map(\.id) == ["t1", "t1", nil, nil, nil, nil, nil])
        // Units of one <tu> keep its line (their origin), and the reader says what it did.
        let split = reader.warnings.filter { $0.kind == .splitAlternatives }
        #expect(split.map(\.line) == [4, 5, 6])
        #expect(split.first?.detail.contains("2 en texts") == true)
        #expect(reader.warningCounts[.splitAlternatives] == 3)
    }

    @Test("Two texts in two languages give four units; more than 64 combinations is an error at the <tu>")
    func combinations() throws {
        let four = Self.tmx("<tu><tuv xml:lang=\"en\"><seg>A</seg></tuv><tuv xml:lang=\"en\"><seg>B</seg></tuv><tuv xml:lang=\"fr\"><seg>C</seg></tuv><tuv xml:lang=\"fr\"><seg>D</seg></tuv></tu>")
        let units = try read(four, as: .tmx).units
        #expect(units.map { "\($0.text("en") ?? "")\($0.text("fr") ?? "")" } == ["AC", "AD", "BC", "BD"])
        let variants = (1...9).map { "<tuv xml:lang=\"en\"><seg>e\($0)</seg></tuv><tuv xml:lang=\"fr\"><seg>f\($0)</seg></tuv>" }.joined()
        let error = try #require(Fixture.error(Array(Self.tmx("<tu>\(variants)</tu>")), name: "many.tmx", format: .tmx))
        #expect(error.line == 4 && error.column == 1)
        #expect(error.description.contains("81 combinations"))
    }
}
