import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft
import VerbaleFormats
import VerbaleTestSupport

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

    @Test("The shipped file reads with VerbaleFormats' TMX reader without warnings")
    func validTMX() throws {
        let file = try #require(ShippedData.memories).appendingPathComponent("note-verbale-formulas.tmx")
        var reader = try TMXReader.make(source: try ByteSource(url: file))
        let units = try reader.readAll()
        #expect(units.count == Fixtures.book.phrases.count)
        #expect(reader.warnings.isEmpty)
        #expect(reader.header.sourceLanguage?.description == "en" || reader.header.sourceLanguage == nil)
    }

    @Test("A truncated formula memory is refused with file, line and column")
    func malformed() throws {
        let url = Scratch.path("verbale-cut", suffix: ".tmx")
        try Data("<tmx version=\"1.4\"><header/><body><tu tuid=\"a\">\n<tuv xml:lang=\"en\"><seg>x".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try StockPhraseBook.load(url)
            Issue.record("a truncated file was accepted")
        } catch {
            #expect(error.description.contains(url.path + ":"))
        }
    }
}
