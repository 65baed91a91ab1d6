import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// Acceptance review 1130d m4: a file name holding an e-mail address became two origins in
/// `stats` ({EMAIL}_visa.tmx, {EMAIL2}_visa.tmx) when one unit's note or id held another
/// address first. The origin is numbered on its own.
@Suite("Personal data: one origin per file whatever a unit's note or id holds")
struct PersonalDataOriginNumberingTests {
    @Test("m4: a file name holding an e-mail is one origin for all its units, whatever a unit's note or id holds")
    func oneOriginPerFile() throws {
        let scrubber = try PersonalDataScrubber()
        let origin = "chan.sopheap@mfaic.gov.kh_visa.tmx#5"
        let plain = TranslationUnit(id: "a1", variants: [Variant(language: LanguageTag(.english), text: "The delegation will consist of five members.")],
                                    metadata: UnitMetadata(origin: origin))
        var noted = plain
        noted.id = "chan.sopheap@mfaic.gov.kh"
        noted.metadata.notes = ["Checked by Ms. Keo Sreymom, keo.sreymom@mfaic.gov.kh"]
        noted.metadata.origin = "chan.sopheap@mfaic.gov.kh_visa.tmx#6"
        let first = scrubber.scrub(plain, file: "x", position: 1).unit
        let second = scrubber.scrub(noted, file: "x", position: 2).unit
        #expect(first.metadata.origin == "{EMAIL}_visa.tmx#5")
        #expect(second.metadata.origin == "{EMAIL}_visa.tmx#6", "\(second.metadata.origin ?? "")")
        // The note's own address still gets its placeholder, and nothing is left.
        #expect(second.metadata.notes.first?.contains("keo.sreymom") == false)
        #expect(second.id?.contains("@") == false)
    }
}
