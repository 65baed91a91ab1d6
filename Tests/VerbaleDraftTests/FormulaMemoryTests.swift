import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

@Suite("The shipped stock-phrase memory")
struct FormulaMemoryTests {
    @Test("Every unit has English, French and Khmer, and every wording has provenance or is marked unreviewed")
    func provenance() throws {
        let book = Fixtures.book
        #expect(book.phrases.count >= 30)
        for phrase in book.phrases {
            for language in Language.allCases {
                let wording = try #require(phrase.wordings[language], "\(phrase.id) lacks \(language)")
                #expect(!wording.text.isEmpty)
                #expect(wording.isAttested || wording.isUnreviewed, "\(phrase.id) \(language): neither attested nor unreviewed")
            }
            #expect(phrase.wordings[.khmer]?.isUnreviewed == true, "\(phrase.id): Khmer must be marked unreviewed (no attested source)")
        }
    }

    @Test("Every cited note contains the wording, and the counts are the real counts", .enabled(if: SharedData.isAvailable))
    func attestationsAreTrue() throws {
        let english = Fixtures.notes("en-") + Fixtures.notes("seed-")
        let french = Fixtures.notes("fr-")
        for language in [Language.english, .french] {
            let spotter = try PhraseSpotter(book: Fixtures.book, language: language)
            let notes = (language == .english ? english : french).map { (name: $0.name, keys: spotter.keys($0.text)) }
            for phrase in Fixtures.book.phrases {
                guard let wording = phrase.wordings[language], let count = wording.attestedCount else { continue }
                let actual = notes.filter { PhraseSpotter.occurrences(of: spotter.keys(wording.text), in: $0.keys) > 0 }.map(\.name)
                #expect(count == "\(actual.count)/\(notes.count)", "\(phrase.id) \(language): claims \(count), found \(actual.count)/\(notes.count)")
                #expect(Set(wording.attestedIn) == Set(actual), "\(phrase.id) \(language): cited files differ from the notes that contain it")
            }
        }
    }

    @Test("Malformed formula memories are refused with file, line and column")
    func malformed() {
        let bad = Data("<tmx version=\"1.4\"><body><tu tuid=\"x\"><tuv xml:lang=\"en\"><seg>a <bpt i=\"1\"/></seg></tuv></tu></body></tmx>".utf8)
        #expect(throws: DraftError.self) { try FormulaMemoryReader.read(bad, name: "bad.tmx") }
        do {
            _ = try FormulaMemoryReader.read(Data("<tmx><body><tu>".utf8), name: "cut.tmx")
            Issue.record("a truncated file was accepted")
        } catch {
            #expect(error.description.hasPrefix("cut.tmx:1:"))
        }
    }
}
