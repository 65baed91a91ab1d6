import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats
import VerbaleTestSupport

/// U+FFFE and U+FFFF: XML 1.0 `Char` (production [2]) leaves them out, so the readers refuse
/// them as they refuse a C0 control — a `FormatError` naming file, line and column — on every
/// path text takes: the scanner's plain (`memchr`) and decoding (byte loop) paths, a split
/// across input chunks, UTF-16, character references, and TSV/CSV (review P2). The fixtures
/// are ours (`Fixtures/formats/noncharacter*`); each is otherwise valid, which the
/// "reads with U+FFFD instead" checks show.
@Suite("U+FFFE and U+FFFF are refused with their line and column (review P2)")
struct NoncharacterTests {
    /// What the scanner says about `name` (`U+FFFE`, `U+FFFF`).
    static func refusal(_ name: String) -> String { "invalid bytes for the file's encoding: the noncharacter \(name) is not allowed in XML" }

    static func bytes(_ fixture: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: Fixture.url(fixture))) }

    /// The error reading `bytes` as `name`, in chunks cut at `cuts` (offsets, ascending).
    static func error(_ bytes: [UInt8], name: String, cuts: [Int] = [], format: MemoryFormat? = nil) -> FormatError? {
        Fixture.error(bytes, name: name, cuts: cuts, format: format)
    }

    /// `bytes` in pieces of `size` bytes.
    static func error(_ bytes: [UInt8], name: String, chunkSize size: Int) -> FormatError? {
        error(bytes, name: name, cuts: Array(stride(from: size, to: bytes.count, by: size)))
    }

    static func replacing(_ bytes: [UInt8], _ old: String, with new: String) -> [UInt8] {
        Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
    }

    @Test("Raw U+FFFE after Khmer text in a <seg>: refused at its line, the column counting Khmer scalars (not bytes)")
    func khmerSegment() throws {
        let error = try #require(Fixture.error("noncharacter-seg.tmx"))
        guard case let .invalidEncoding(detail) = error.reason else { Issue.record("got \(error)"); return }
        #expect(detail.hasPrefix("the noncharacter U+FFFE is not allowed in XML"), "\(detail)")
        // Line 6: the Khmer <seg>'s text starts at column 88: ស្ថានទូត (8 scalars, 24 bytes),
        // U+200B, កម្ពុជា (7 scalars): U+FFFE is scalar 17 of the text, column 104.
        #expect(error.line == 6 && error.column == 104, "\(error)")
        #expect(error.description.hasSuffix("noncharacter-seg.tmx:6:104: \(Self.refusal("U+FFFE")): \(Noncharacters.why) (convert the file to UTF-8)"), "\(error)")

        let bytes = try Self.bytes("noncharacter-seg.tmx")
        // The same text through the decoding path (an entity before it: the byte loop).
        let decoded = Self.replacing(bytes, "ស្ថានទូត\u{200B}", with: "ស្ថានទូត &amp;\u{200B}")
        let viaLoop = try #require(Self.error(decoded, name: "loop.tmx"))
        #expect(viaLoop.description == "loop.tmx:6:110: \(Self.refusal("U+FFFE")): \(Noncharacters.why) (convert the file to UTF-8)")
        // U+FFFF likewise, and U+FFFE in CDATA.
        let ffff = try #require(Self.error(Self.replacing(bytes, "\u{FFFE}", with: "\u{FFFF}"), name: "ffff.tmx"))
        #expect(ffff.line == 6 && ffff.column == 104 && ffff.description.contains(Self.refusal("U+FFFF")), "\(ffff)")
        let cdata = Self.replacing(bytes, "ស្ថានទូត\u{200B}កម្ពុជា\u{FFFE}", with: "<![CDATA[ស្ថានទូត\u{FFFE}]]>")
        let inCDATA = try #require(Self.error(cdata, name: "cdata.tmx"))
        // The text starts at column 88: `<![CDATA[` (9 characters), ស្ថានទូត (8), then U+FFFE.
        #expect(inCDATA.line == 6 && inCDATA.column == 88 + 9 + 8 && inCDATA.description.contains(Self.refusal("U+FFFE")), "\(inCDATA)")

        // Otherwise valid: with U+FFFD it reads, both units, Khmer intact.
        let units = try read(Data(Self.replacing(bytes, "\u{FFFE}", with: "\u{FFFD}")), as: .tmx).units
        #expect(units.count == 2)
        #expect(units.last?.text("km") == "ស្ថានទូត\u{200B}កម្ពុជា\u{FFFD}")
    }

    @Test("Raw U+FFFF in an attribute value: refused in a plain tag and in one whose values are decoded")
    func attributeValue() throws {
        let error = try #require(Fixture.error("noncharacter-attribute.tmx"))
        guard case .invalidEncoding = error.reason else { Issue.record("got \(error)"); return }
        // Line 6: `<tu><tuv xml:lang="fr" creationid="Sokha` is 40 characters.
        #expect(error.line == 6 && error.column == 41, "\(error)")
        #expect(error.description.contains("noncharacter-attribute.tmx:6:41: \(Self.refusal("U+FFFF"))"), "\(error)")

        let bytes = try Self.bytes("noncharacter-attribute.tmx")
        let decoded = try #require(Self.error(Self.replacing(bytes, "Sokha", with: "S&amp;okha"), name: "decoded.tmx"))
        #expect(decoded.line == 6 && decoded.column == 46 && decoded.description.contains(Self.refusal("U+FFFF")), "\(decoded)")
        // In a Khmer attribute value (columns in scalars), and as U+FFFE.
        let khmer = try #require(Self.error(Self.replacing(bytes, "Sokha\u{FFFF}", with: "សុខា\u{FFFE}"), name: "khmer.tmx"))
        #expect(khmer.line == 6 && khmer.column == 35 + 4 + 1 && khmer.description.contains(Self.refusal("U+FFFE")), "\(khmer)")

        let units = try read(Data(Self.replacing(bytes, "\u{FFFF}", with: "\u{FFFD}")), as: .tmx).units
        #expect(units.last?.variants.first?.attributes == [Property(type: "creationid", value: "Sokha\u{FFFD}")])
    }

    @Test("EF BF BE cut between input chunks (after each of its bytes), and 1-, 2- and 7-byte chunks: refused at the same place")
    func chunkBoundaries() throws {
        let bytes = try Self.bytes("noncharacter-seg.tmx")
        let at = try #require((0..<(bytes.count - 2)).first { bytes[$0] == 0xEF && bytes[$0 + 1] == 0xBF && bytes[$0 + 2] == 0xBE })
        for cuts in [[at], [at + 1], [at + 2], [at + 3], [at + 1, at + 2], [at - 1, at + 1]] {
            let error = try #require(Self.error(bytes, name: "cut.tmx", cuts: cuts), "cuts \(cuts)")
            #expect(error.description.hasPrefix("cut.tmx:6:104: \(Self.refusal("U+FFFE"))"), "cuts \(cuts): \(error)")
        }
        for size in [1, 2, 7] {
            let error = try #require(Self.error(bytes, name: "small.tmx", chunkSize: size), "chunks of \(size)")
            #expect(error.description.hasPrefix("small.tmx:6:104: \(Self.refusal("U+FFFE"))"), "chunks of \(size): \(error)")
        }
    }

    @Test("A <seg> of Khmer text longer than a 64 KB read chunk, U+FFFF's three bytes straddling the chunk end")
    func longTextAcrossReadChunks() throws {
        let chunk = ByteSource.chunkSize
        let opening = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"km\"><seg>"
        // Khmer words and zero-width spaces up to a few bytes short of the chunk end, then ASCII
        // so that EF lands on the chunk's last byte, BF BF in the next chunk.
        var text = ""
        while opening.utf8.count + text.utf8.count + 40 < chunk { text += "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា\u{200B}" }
        text += String(repeating: "a", count: chunk - 1 - opening.utf8.count - text.utf8.count)
        let xml = opening + text + "\u{FFFF}</seg></tuv></tu></body></tmx>"
        let bytes = Array(xml.utf8)
        #expect(bytes[chunk - 1] == 0xEF && bytes[chunk] == 0xBF && bytes[chunk + 1] == 0xBF)
        let column = "<tu><tuv xml:lang=\"km\"><seg>".unicodeScalars.count + text.unicodeScalars.count + 1
        for cuts in [[chunk], [chunk, chunk + 1]] {
            let error = try #require(Self.error(bytes, name: "long.tmx", cuts: cuts))
            #expect(error.description.hasPrefix("long.tmx:3:\(column): \(Self.refusal("U+FFFF"))"), "\(error)")
        }
        // Through a real file read in 64 KB chunks.
        let url = Scratch.path("verbale-noncharacter", suffix: ".tmx")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fromFile = try #require(Fixture.error(source: { try ByteSource(url: url) }))
        #expect(fromFile.line == 3 && fromFile.column == column, "\(fromFile)")
    }

    @Test("UTF-16 LE with a byte-order mark: U+FFFE after Khmer text is refused at its line and column, whole or split")
    func utf16() throws {
        let error = try #require(Fixture.error("noncharacter-utf16le.tmx"))
        guard case .invalidEncoding = error.reason else { Issue.record("got \(error)"); return }
        // Line 6: the Khmer <seg>'s text starts at column 73: ព្រះរាជាណាចក្រ (14 scalars), U+200B,
        // កម្ពុជា (7), then U+FFFE at column 95 (characters, not UTF-16 units nor UTF-8 bytes).
        #expect(error.line == 6 && error.column == 95, "\(error)")
        #expect(error.description.contains("noncharacter-utf16le.tmx:6:95: \(Self.refusal("U+FFFE"))"), "\(error)")
        let bytes = try Self.bytes("noncharacter-utf16le.tmx")
        // The unit FE FF (LE) cut between its bytes, or before it.
        let at = try #require(stride(from: 2, to: bytes.count - 1, by: 2).first { bytes[$0] == 0xFE && bytes[$0 + 1] == 0xFF })
        for cuts in [[at], [at + 1], [at + 2], [at - 1, at + 1]] {
            let split = try #require(Self.error(bytes, name: "split.tmx", cuts: cuts), "cuts \(cuts)")
            #expect(split.description.hasPrefix("split.tmx:6:95: \(Self.refusal("U+FFFE"))"), "cuts \(cuts): \(split)")
        }
        // UTF-16 BE (BOM FE FF): the same place.
        var bigEndian: [UInt8] = [0xFE, 0xFF]
        for index in stride(from: 2, to: bytes.count - 1, by: 2) { bigEndian += [bytes[index + 1], bytes[index]] }
        let be = try #require(Self.error(bigEndian, name: "be.tmx"))
        #expect(be.description.hasPrefix("be.tmx:6:95: \(Self.refusal("U+FFFE"))"), "\(be)")
        // Otherwise valid: U+FFFD (FD FF) in its place reads.
        var fixed = bytes
        fixed[at] = 0xFD
        let units = try read(Data(fixed), as: .tmx).units
        #expect(units.last?.text("km") == "ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា\u{FFFD}")
    }

    @Test("Character references to U+FFFE and U+FFFF are refused at the '&', in text and attribute values")
    func characterReferences() throws {
        let error = try #require(Fixture.error("noncharacter-reference.tmx"))
        #expect(error.reason == .malformedXML("&#xFFFE; is not a character XML allows"), "\(error)")
        // Line 6: the Khmer <seg>'s text starts at column 73: កម្ពុជា (7 scalars), then the '&'.
        #expect(error.line == 6 && error.column == 80, "\(error)")
        let bytes = try Self.bytes("noncharacter-reference.tmx")
        for reference in ["&#xFFFF;", "&#65534;", "&#65535;", "&#xfffe;"] {
            let other = try #require(Self.error(Self.replacing(bytes, "&#xFFFE;", with: reference), name: "ref.tmx"))
            #expect(other.description == "ref.tmx:6:80: malformed XML: \(reference) is not a character XML allows", "\(other)")
        }
        let attribute = Self.replacing(bytes, "<tuv xml:lang=\"km\"><seg>កម្ពុជា", with: "<tuv xml:lang=\"km\" creationid=\"&#xFFFF;\"><seg>កម្ពុជា")
        let inAttribute = try #require(Self.error(attribute, name: "attr.tmx"))
        // `…</tuv><tuv xml:lang="km" creationid="` is 79 characters: the value's '&' is at 80 too.
        #expect(inAttribute.description == "attr.tmx:6:80: malformed XML: &#xFFFF; is not a character XML allows", "\(inAttribute)")
        // Their neighbours are characters: &#xFFFD; and &#x1FFFE; read.
        for (reference, scalar) in [("&#xFFFD;", "\u{FFFD}"), ("&#x1FFFE;", "\u{1FFFE}")] {
            let units = try read(Data(Self.replacing(bytes, "&#xFFFE;", with: reference)), as: .tmx).units
            #expect(units.last?.text("km") == "កម្ពុជា" + scalar)
        }
    }

    @Test("XLIFF (the same scanner) refuses raw U+FFFE with its position")
    func xliff() throws {
        let xliff = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="km">
            <file id="f1"><unit id="u1"><segment><source>Cambodia</source><target>កម្ពុជា\u{FFFE}</target></segment></unit></file>
            </xliff>
            """
        let error = try #require(Fixture.error(source: { ByteSource(data: Data(xliff.utf8), name: "notes.xlf") }))
        // `<file id="f1"><unit id="u1"><segment><source>Cambodia</source><target>` is 70 characters.
        #expect(error.description.hasPrefix("notes.xlf:3:78: \(Self.refusal("U+FFFE"))"), "\(error)")
    }

    @Test("Characters next to them in UTF-8 are still read: U+FFFD, U+FFFC, U+FEFF, U+F8FF, U+1FFFE, U+10FFFF")
    func neighboursAccepted() throws {
        let bytes = try Self.bytes("noncharacter-seg.tmx")
        let neighbours = "\u{FFFD}\u{FFFC}\u{FEFF}\u{F8FF}\u{EFFF}\u{1FFFE}\u{10FFFF}"
        for decoding in [false, true] {
            // Without and with an entity in the text (the plain path and the byte loop).
            let text = (decoding ? "&amp;" : "") + neighbours
            let units = try read(Data(Self.replacing(bytes, "\u{FFFE}", with: text)), as: .tmx).units
            #expect(units.last?.text("km") == "ស្ថានទូត\u{200B}កម្ពុជា" + (decoding ? "&" : "") + neighbours)
        }
    }

    @Test("TSV and CSV refuse U+FFFE/U+FFFF as XML does, naming line and cell, from UTF-8 and UTF-16")
    func delimited() throws {
        let error = try #require(Fixture.error("noncharacter.tsv", format: .tsv))
        guard case .invalidEncoding = error.reason else { Issue.record("got \(error)"); return }
        // Line 3, cell 2 (the Khmer one), at the noncharacter's column counted in characters
        // (audit F11: the column was the cell number).
        let tsv = try String(contentsOf: Fixture.url("noncharacter.tsv"), encoding: .utf8)
        let line3 = Array(tsv.split(separator: "\n")[2].unicodeScalars)
        let column = (line3.firstIndex(of: "\u{FFFE}") ?? -1) + 1
        #expect(error.line == 3 && error.column == column && column == 41, "\(error)")
        #expect(error.description.hasSuffix("noncharacter.tsv:3:41: invalid bytes for the file's encoding: the noncharacter U+FFFE at column 41 (counted in characters), in cell 2: \(Noncharacters.why) (convert the file to UTF-8)"), "\(error)")
        // UTF-16 LE with a BOM (Excel's "Unicode text"), U+FFFF.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in tsv.replacingOccurrences(of: "\u{FFFE}", with: "\u{FFFF}").utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let fromUTF16 = try #require(Self.error(utf16, name: "unicode.txt", format: .tsv))
        #expect(fromUTF16.description.hasPrefix("unicode.txt:3:41: invalid bytes for the file's encoding: the noncharacter U+FFFF at column 41 (counted in characters), in cell 2"), "\(fromUTF16)")
        // CSV, in a quoted cell.
        let csv = "en,fr\n\"The Embassy\",\"L’Ambassade \u{FFFF}\"\n"
        let fromCSV = try #require(Self.error(Array(csv.utf8), name: "notes.csv", format: .csv))
        #expect(fromCSV.description.hasPrefix("notes.csv:2:28: invalid bytes for the file's encoding: the noncharacter U+FFFF at column 28 (counted in characters), in cell 2"), "\(fromCSV)")
        // Otherwise valid.
        let units = try read(Data(tsv.replacingOccurrences(of: "\u{FFFE}", with: "\u{FFFD}").utf8), as: .tsv).units
        #expect(units.count == 2)
    }

    @Test("Writers turn U+FFFE/U+FFFF held in a memory into U+FFFD, so TMX and XLIFF output reads back")
    func writers() throws {
        let unit = TranslationUnit(id: "a\u{FFFF}", variants: [
            Variant(language: LanguageTag(.english), text: "The Embassy\u{FFFE}"),
            Variant(language: LanguageTag(.khmer), text: "ស្ថានទូត\u{FFFF}\u{FFFD}"),
        ], metadata: UnitMetadata(notes: ["note\u{FFFE}"]))
        for format in [MemoryFormat.tmx, .xliff] {
            let header = MemoryHeader(sourceLanguage: LanguageTag(.english), targetLanguage: LanguageTag(.khmer))
            let units = try read(try write([unit], as: format, header: header, languages: [LanguageTag(.english), LanguageTag(.khmer)]), as: format).units
            #expect(units.first?.text("en") == "The Embassy\u{FFFD}", "\(format)")
            #expect(units.first?.text("km") == "ស្ថានទូត\u{FFFD}\u{FFFD}", "\(format)")
        }
        #expect(XMLText.escaped("a\u{FFFE}b\u{FFFF}<") == "a\u{FFFD}b\u{FFFD}&lt;")
    }

    @Test("TBX refuses U+FFFE in a term as it refuses a control; its writer writes U+FFFD")
    func tbx() throws {
        let concept = Concept(id: "c1", note: "note", terms: [Term(language: LanguageTag(.khmer), text: "កម្ពុជា@")])
        let writer = TBXWriter(version: .v3)
        let template = writer.start(TBXHeader(version: .v3)) + writer.entry(concept) + writer.end()
        var messages: [String] = []
        for bad in ["\u{FFFE}", "\u{FFFF}", "\u{01}"] {
            let data = Data(template.replacingOccurrences(of: "@", with: bad).utf8)
            let error = #expect(throws: TBXError.self) { try TBXReader.readAll(data: data, name: "terms.tbx") }
            guard case let .malformedXML(file, line, _, message)? = error else { Issue.record("got \(String(describing: error))"); continue }
            #expect(file == "terms.tbx" && line > 0)
            messages.append(message)
        }
        // Read by the project's XML scanner, as TMX: each message names the character.
        #expect(messages.count == 3, "\(messages)")
        for (message, name) in zip(messages, ["U+FFFE", "U+FFFF", "U+0001"]) { #expect(message.contains(name), "\(message)") }
        let written = Concept(id: "c1", note: "note\u{FFFF}", terms: [Term(language: LanguageTag(.khmer), text: "កម្ពុជា\u{FFFE}")])
        let text = writer.start(TBXHeader(version: .v3)) + writer.entry(written) + writer.end()
        let (_, again) = try TBXReader.readAll(data: Data(text.utf8), name: "written.tbx")
        #expect(again.first?.terms.first?.text == "កម្ពុជា\u{FFFD}")
        #expect(again.first?.note == "note\u{FFFD}")
    }
}
