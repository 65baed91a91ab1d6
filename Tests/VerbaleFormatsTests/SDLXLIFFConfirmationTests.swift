import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Acceptance review 1130f, m4: Trados Studio keeps each segment's confirmation level in
/// `<sdl:seg-defs><sdl:seg id="N" conf="Draft"/>` after the target, not in `state`; a draft or
/// rejected segment was read as `translated` and then offered as a match like a confirmed one.
@Suite("XLIFF 1.2: SDLXLIFF confirmation levels (review 1130f m4)")
struct SDLXLIFFConfirmationTests {
    static func document(_ confs: [String?], state: String? = nil) -> String {
        let sources = ["The Embassy presents its compliments.", "It has the honour to inform.", "The note is attached.", "The visit is confirmed.",
                       "The office is closed.", "The meeting is postponed."]
        let targets = ["L'Ambassade présente ses compliments.", "Elle a l'honneur d'informer.", "La note est jointe.", "La visite est confirmée.",
                       "Le bureau est fermé.", "La réunion est reportée."]
        let count = confs.count
        let source = (0..<count).map { "<mrk mtype=\"seg\" mid=\"\($0 + 1)\">\(sources[$0])</mrk>" }.joined(separator: " ")
        let target = (0..<count).map { "<mrk mtype=\"seg\" mid=\"\($0 + 1)\">\(targets[$0])</mrk>" }.joined(separator: " ")
        let defs = confs.enumerated().map { index, conf in
            "<sdl:seg id=\"\(index + 1)\"\(conf.map { " conf=\"\($0)\"" } ?? "") origin=\"interactive\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
            <file original="note.docx" datatype="x-sdlfilterframework2" source-language="en-US" target-language="fr-FR">
            <body>
            <trans-unit id="a1">
            <source>\(sources.prefix(count).joined(separator: " "))</source>
            <seg-source>\(source)</seg-source>
            <target\(state.map { " state=\"\($0)\"" } ?? "")>\(target)</target>
            <sdl:seg-defs>\(defs)</sdl:seg-defs>
            </trans-unit>
            </body></file></xliff>
            """
    }

    @Test("Each segment takes the status its conf says: Draft unreviewed, Translated translated, approvals reviewed and approved, rejections rejected")
    func confirmationLevels() throws {
        let confs: [String?] = ["Translated", "Draft", "ApprovedTranslation", "ApprovedSignOff", "RejectedTranslation", nil]
        let (units, _) = try read(Data(Self.document(confs).utf8), as: .xliff, name: "note.sdlxliff")
        #expect(units.count == 6)
        #expect(units.map(\.metadata.review) == [.translated, .unreviewed, .reviewed, .approved, .rejected, .translated])
        #expect(units[1].variants.map(\.text) == ["It has the honour to inform.", "Elle a l'honneur d'informer."])
    }

    @Test("A target state lower than the conf wins: the lower of the two")
    func lowerOfStateAndConf() throws {
        let (units, _) = try read(Data(Self.document(["ApprovedSignOff", "Draft"], state: "needs-review-translation").utf8), as: .xliff, name: "n.sdlxliff")
        #expect(units.map(\.metadata.review) == [.unreviewed, .unreviewed])
    }
}
