import Foundation
import Testing
import VerbaleCore
@testable import VerbaleDraft

/// Acceptance review 1201a: `check`, the last step before a note is sent, passed `draft new`'s
/// skeleton as printed ("…has the honour to inform [subject].", "[Body of the note: facts,
/// request, enclosures.]", Khmer "[កម្មវត្ថុ]" and "[unreviewed]") and a pre-translation still
/// holding ⟦…⟧ with "0 error(s), 0 warning(s)".
@Suite("Protocol checks: drafting placeholders and marks left in the note (review 1201a)")
struct Review1201aCheckTests {
    static let composer = NoteComposer(book: Fixtures.book)

    static func skeleton(_ language: Language) throws -> String {
        try composer.compose(NoteRequest(sender: "Embassy of the Kingdom of Cambodia",
                                         recipient: "Ministry of Foreign Affairs of the Kingdom of the Netherlands",
                                         purpose: "visa", reference: "No. 123/2024", place: "The Hague",
                                         date: try NoteDate(iso: "2024-03-05")), in: language).text
    }

    @Test("draft new's skeleton, as printed, in English, French and Khmer: the subject and body placeholders are errors",
          arguments: [Language.english, .french, .khmer])
    func skeletonPlaceholders(language: Language) throws {
        let text = try Self.skeleton(language)
        let checker = try ProtocolChecker(book: Fixtures.book, language: language)
        let report = checker.check(text)
        let placeholders = report.findings.filter { $0.code == "draft-placeholder" }
        #expect(placeholders.count == 2, "\(report.findings.map(\.message))")
        #expect(placeholders.allSatisfy { $0.severity == .error })
        #expect(report.errors >= 2)
        let quoted = placeholders.map { String(String.UnicodeScalarView(Array(text.unicodeScalars)[$0.start..<$0.end])) }
        let expected = [NoteComposer.placeholder("subject", language), NoteComposer.placeholder("body", language)]
        #expect(quoted == expected)
        if language == .khmer {
            // Every Khmer line is marked [unreviewed]: each mark is a warning at its place.
            let marks = report.findings.filter { $0.code == "draft-mark" }
            #expect(marks.count == text.components(separatedBy: "[unreviewed]").count - 1, "\(marks.map(\.message))")
            #expect(marks.allSatisfy { $0.severity == .warning })
        }
    }

    @Test("The same note filled in and without marks: no drafting finding")
    func filledNote() throws {
        let checker = try ProtocolChecker(book: Fixtures.book, language: .khmer)
        let filled = try Self.skeleton(.khmer)
            .replacingOccurrences(of: " [unreviewed]", with: "")
            .replacingOccurrences(of: "[កម្មវត្ថុ]", with: "លោករដ្ឋមន្ត្រីក្រសួងពាណិជ្ជកម្ម")
            .replacingOccurrences(of: "[ខ្លឹមសារនៃកំណត់ទូត]", with: "រដ្ឋមន្ត្រី​នឹង​ចូលរួម​សន្និសីទ​ពាណិជ្ជកម្ម​ថ្នាក់​តំបន់​នៅ​ថ្ងៃទី១៥ ខែមីនា ឆ្នាំ២០២៤។")
        let findings = checker.check(filled).findings.filter { $0.code.hasPrefix("draft-") }
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test("A pre-translation still holding ⟦…⟧ and an untranslated name: errors at each mark")
    func untranslatedParts() throws {
        let checker = try ProtocolChecker(book: Fixtures.book, language: .french)
        let text = """
            N° 123/2024

            L'Ambassade du Royaume du Cambodge présente ses compliments au Ministère des Affaires étrangères du Royaume des Pays-Bas et a l'honneur de solliciter la délivrance d'un visa pour ⟦the Minister of Commerce⟧.

            L'Ambassade du Royaume du Cambodge saisit cette occasion pour renouveler à [untranslated: Prefecture of the Rhône] les assurances de sa très haute considération.

            La Haye, le 5 mars 2024
            """
        let findings = checker.check(text).findings.filter { $0.code == "draft-untranslated" }
        #expect(findings.count == 2, "\(findings.map(\.message))")
        #expect(findings.first?.line == 3)
        #expect(findings.first?.message.hasPrefix("⟦the Minister of Commerce⟧") == true)
        #expect(findings.allSatisfy { $0.severity == .error })
    }

    @Test("Real notes: their editorial brackets ([Red: …], [MINBUZA-…]) are not drafting marks")
    func realNotes() throws {
        let notes = Fixtures.notes("en-") + Fixtures.notes("fr-")
        guard !notes.isEmpty else {
            print("skipped: ../shared/data/notes is absent")
            return
        }
        let english = try ProtocolChecker(book: Fixtures.book, language: .english)
        let french = try ProtocolChecker(book: Fixtures.book, language: .french)
        for note in notes {
            let checker = note.name.hasPrefix("fr-") ? french : english
            let marks = checker.check(note.text).findings.filter { $0.code.hasPrefix("draft-") }
            #expect(marks.isEmpty, "\(note.name): \(marks.map(\.message))")
        }
    }
}

/// Acceptance review 1201a: `draft translate` of a Khmer note left the recipient's city line —
/// the one `draft new --lang km` writes ("ទីក្រុងប៉ារីស", "ទីក្រុងហ្សឺណែវ", "រាជធានីភ្នំពេញ") —
/// untranslated (⟦ទីក្រុងប៉ារីស⟧ in English and French), while the place-and-date line with the
/// same city was rendered, and English → Khmer rendered the same line.
@Suite("Pre-translation from Khmer: a line that is a city (review 1201a)")
struct Review1201aKhmerCityTests {
    let translator: Pretranslator = {
        do { return try Pretranslator(book: Fixtures.book, sourceLanguage: .khmer, glossary: (try? DraftGlossary.shipped()) ?? nil) }
        catch { fatalError("\(error)") }
    }()

    @Test("draft new's Khmer note, translated to English and French: the recipient's city line is the city",
          arguments: [("Paris", "Paris", "Paris"), ("Geneva", "Geneva", "Genève"), ("Phnom Penh", "Phnom Penh", "Phnom Penh")])
    func recipientCity(place: String, english: String, french: String) throws {
        let note = try NoteComposer(book: Fixtures.book).compose(
            NoteRequest(sender: "Embassy of the Kingdom of Cambodia", recipient: "Ministry of Foreign Affairs of the French Republic",
                        purpose: "acknowledge", reference: "No. 045/2024", place: place, date: try NoteDate(iso: "2024-03-05")), in: .khmer)
        let text = note.text.replacingOccurrences(of: " [unreviewed]", with: "")
        let city = try #require(text.split(separator: "\n").last.map(String.init))
        let result = translator.pretranslate(text, to: [.english, .french])
        let segment = try #require(result.segments.first { $0.source == city }, "\(result.segments.map(\.source))")
        #expect(segment.targets["en"]?.text == english, "\(city)")
        #expect(segment.targets["fr"]?.text == french, "\(city)")
        #expect(segment.targets["en"]?.untranslated.isEmpty == true)
        #expect(segment.targets["en"]?.flags.contains("name") == true)
    }

    @Test("The city with U+200B, and a Khmer line that is no city, stay as they were")
    func variants() throws {
        let result = translator.pretranslate("ទីក្រុង\u{200B}ប៉ារីស\n\nរដ្ឋមន្ត្រីនឹងចូលរួមសន្និសីទ។", to: [.english])
        #expect(result.segments.first?.targets["en"]?.text == "Paris")
        #expect(result.segments.last?.targets["en"]?.untranslated.isEmpty == false)
    }
}
