import Foundation
import Testing
@testable import VerbaleCore

/// Text inputs (segment, tokenize, suggest, check, draft translate, align…) that are not text
/// are refused with the line and column an editor shows (review 30 Nov b, m2: "at byte 12" only).
@Suite("Text decoding errors give line and column")
struct TextDecodingPositionTests {
    static func error(_ bytes: [UInt8], lossy: Bool = false) -> TextDecodingError? {
        do { _ = try TextDecoding.decode(Data(bytes), name: "note.txt", lossy: lossy); return nil } catch { return error }
    }

    @Test("Invalid UTF-8 on line 2 after Khmer text: line 2, the column in characters, the byte and its offset")
    func invalidUTF8AfterKhmer() throws {
        // "Hello\n" then ស្ថានទូត (8 scalars, 24 bytes) then 0xFF.
        let bytes = Array("Hello\nស្ថានទូត".utf8) + [0xFF] + Array(" ok\n".utf8)
        let error = try #require(Self.error(bytes))
        #expect(error == .invalidUTF8(name: "note.txt", byteOffset: 30, byte: 0xFF, line: 2, column: 9))
        #expect(error.description.hasPrefix("note.txt:2:9: invalid UTF-8: byte 0xFF at byte 30"), "\(error)")
        // With a BOM the offset counts the BOM's bytes too (the file's own offset); line and column do not move.
        let withBOM = try #require(Self.error([0xEF, 0xBB, 0xBF] + bytes))
        #expect(withBOM == .invalidUTF8(name: "note.txt", byteOffset: 33, byte: 0xFF, line: 2, column: 9))
        #expect(Self.error(bytes, lossy: true) == nil)
    }

    @Test("A NUL byte: binary, with its line and column")
    func binary() throws {
        let error = try #require(Self.error(Array("a\nbc".utf8) + [0] + Array("d".utf8)))
        #expect(error == .binary(name: "note.txt", byteOffset: 4, line: 2, column: 3))
    }

    @Test("UTF-16 cut after an odd byte says the file looks cut short, where; a lone surrogate is invalid UTF-16; --lossy reads both")
    func utf16() throws {
        var units: [UInt8] = [0xFF, 0xFE]
        for scalar in "ក្រសួង\nការបរទេស".utf16 { units += [UInt8(scalar & 0xFF), UInt8(scalar >> 8)] }
        let cut = try #require(Self.error(units + [0x41]))
        guard case let .invalidUTF16(_, offset, line, column, truncated) = cut else { Issue.record("\(cut)"); return }
        #expect(truncated && line == 2 && column == 9 && offset == units.count)
        #expect(cut.description.contains("cut short") && !cut.description.contains("convert the file to UTF-8"), "\(cut)")
        #expect(Self.error(units + [0x41], lossy: true) == nil)
        let lone = try #require(Self.error(units + [0x00, 0xD8, 0x41, 0x00]))
        guard case let .invalidUTF16(_, _, loneLine, loneColumn, loneTruncated) = lone else { Issue.record("\(lone)"); return }
        #expect(!loneTruncated && loneLine == 2 && loneColumn == 9)
    }
}
