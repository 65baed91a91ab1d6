import Foundation
import VerbaleCore
import VerbaleFormats
@testable import VerbaleMemory

extension PhraseFinder {
    /// A finder over the repo's shipped formula memory (`Memories/note-verbale-formulas.tmx`),
    /// the phrases `suggest` offers by default.
    static func shippedFormulas() throws -> PhraseFinder {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Memories/note-verbale-formulas.tmx")
        var reader = try TMXReader.make(source: try ByteSource(url: url))
        return PhraseFinder(matcher: try Matching.matcher(try reader.readAll()))
    }
}
