import Foundation
import VerbaleCore
import VerbaleFormats

/// The stock phrases templates and checks draw on: the shipped `Memories/*.tmx` formulas.
///
/// Why a book of its own and not a memory lookup: templates pick formulas by *role* and
/// *purpose* ("the courtesy formula of level highest"), which is metadata, not similarity.
/// Loading the shipped file costs a few milliseconds (≈ 40 units).
public struct StockPhraseBook: Sendable {
    public var phrases: [StockPhrase]

    public init(phrases: [StockPhrase]) {
        self.phrases = phrases
    }

    public init(units: [TranslationUnit]) {
        phrases = units.compactMap(StockPhrase.init(unit:))
    }

    /// The shipped formulas (`Memories/note-verbale-formulas.tmx`), found by `ShippedData`.
    public static func shipped() throws(DraftError) -> StockPhraseBook {
        guard let folder = ShippedData.memories else { throw .shippedMemoryMissing }
        let file = folder.appendingPathComponent("note-verbale-formulas.tmx")
        return try load(file)
    }

    /// Reads the formulas of a TMX file with VerbaleFormats' streaming TMX reader (errors carry
    /// file, line and column; a file with no unit is refused).
    public static func load(_ file: URL) throws(DraftError) -> StockPhraseBook {
        do {
            var reader = try TMXReader.make(source: try ByteSource(url: file))
            let units = try reader.readAll()
            guard !units.isEmpty else { throw DraftError.malformedMemory(file.path, "no translation unit") }
            return StockPhraseBook(units: units)
        } catch let error as FormatError {
            throw .malformedMemory(file.path, error.description)
        } catch let error as DraftError {
            throw error
        } catch {
            throw .unreadable(file.path, "\(error)")
        }
    }

    /// The first phrase with this role (and purpose/level when given).
    public func phrase(role: String, purpose: String? = nil, level: String? = nil) -> StockPhrase? {
        phrases.first { $0.role == role && (purpose == nil || $0.purpose == purpose) && (level == nil || $0.level == level) }
    }

    public func phrase(id: String) -> StockPhrase? { phrases.first { $0.id == id } }

    /// The purposes templates know, in file order.
    public var purposes: [String] {
        var seen: [String] = []
        for phrase in phrases where phrase.category == "opening" && phrase.role == "purpose" {
            if let purpose = phrase.purpose, !seen.contains(purpose) { seen.append(purpose) }
        }
        return seen
    }
}
