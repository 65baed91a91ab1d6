import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// A document generated on demand: `prefix`, then `repeating` until `bytes` bytes of it were
/// handed out, then `suffix`. Counts what the reader pulled, so a test can prove the reader
/// stopped early instead of buffering the whole thing.
final class GeneratedDocument: @unchecked Sendable {
    private let prefix: [UInt8]
    private let piece: [UInt8]
    private let suffix: [UInt8]
    private let bytes: Int
    private var produced = 0
    private var stage = 0
    /// Bytes handed to the reader so far.
    private(set) var pulled = 0

    init(prefix: String, repeating piece: String, bytes: Int, suffix: String) {
        self.prefix = Array(prefix.utf8)
        // Repeated up to ≥ 4 KB first, so a debug build appends few, large pieces.
        let once = Array(piece.utf8)
        self.piece = Array(repeating: once, count: max(1, 4096 / max(1, once.count))).flatMap { $0 }
        self.suffix = Array(suffix.utf8)
        self.bytes = bytes
    }

    func source(name: String) -> ByteSource {
        ByteSource(name: name) { [self] () throws(FormatError) -> [UInt8]? in next() }
    }

    private func next() -> [UInt8]? {
        let chunk: [UInt8]?
        switch stage {
        case 0:
            stage = 1
            chunk = prefix
        case 1 where produced < bytes:
            var out: [UInt8] = []
            out.reserveCapacity(64 * 1024 + piece.count)
            while out.count < 64 * 1024, produced < bytes {
                out += piece
                produced += piece.count
            }
            chunk = out
        case 1:
            stage = 2
            chunk = suffix
        default:
            chunk = nil
        }
        pulled += chunk?.count ?? 0
        return chunk
    }
}

@Suite("Huge inputs are refused at a limit, with file, line and column, before memory grows")
struct HugeInputTests {
    static let tmxStart = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
    <body><tu tuid="ok"><tuv xml:lang="en"><seg>Thank you.</seg></tuv></tu>
      <tu tuid="huge"><tuv xml:lang="km"><seg>
    """
    static let tmxEnd = "</seg></tuv></tu></body></tmx>\n"
    static let khmer = "ស្ថានទូត\u{200B}នៃ\u{200B}ព្រះរាជាណាចក្រ\u{200B}កម្ពុជា ១២ "

    /// Reads `document` to the end; returns the units read and the error.
    static func read(_ document: GeneratedDocument, name: String, format: MemoryFormat) -> (units: Int, error: FormatError?) {
        var units = 0
        do {
            var reader = try MemoryFormat.makeReader(source: document.source(name: name), format: format)
            while try reader.next() != nil { units += 1 }
            return (units, nil)
        } catch {
            return (units, error)
        }
    }

    @Test("A 200 MB <seg> of Khmer text is refused at the per-token limit, at the text's line and column, after reading ≈ 64 MB")
    func enormousSegment() throws {
        let document = GeneratedDocument(prefix: Self.tmxStart, repeating: Self.khmer, bytes: 200 << 20, suffix: Self.tmxEnd)
        let (units, error) = Self.read(document, name: "huge-seg.tmx", format: .tmx)
        let failure = try #require(error)
        guard case .tooLarge = failure.reason else { Issue.record("got \(failure)"); return }
        #expect(units == 1, "the complete unit before it is handed out first")
        #expect(failure.file == "huge-seg.tmx")
        #expect(failure.line == 4)
        #expect(failure.column == 43, "the text starts right after <seg>")
        #expect(failure.description.hasPrefix("huge-seg.tmx:4:43: too large: "))
        #expect(failure.description.contains("64 MB"))
        #expect(document.pulled < (XMLScanner.tokenLimit + (1 << 20)), "read \(document.pulled >> 20) MB of 200 MB: it must stop at the limit")
    }

    @Test("A 200 MB <seg> cut by <ph/> tags (many small tokens) is refused at the per-unit limit, at the <tu>")
    func enormousSegmentOfSmallTokens() throws {
        let document = GeneratedDocument(prefix: Self.tmxStart, repeating: Self.khmer + "<ph x=\"1\"/>", bytes: 200 << 20, suffix: Self.tmxEnd)
        let (units, error) = Self.read(document, name: "huge-tags.tmx", format: .tmx)
        let failure = try #require(error)
        guard case .tooLarge = failure.reason else { Issue.record("got \(failure)"); return }
        #expect(units == 1)
        #expect(failure.line == 4)
        #expect(failure.column == 3, "the error points at the <tu> that grew too large")
        #expect(failure.description.contains("<tu>"))
        #expect(document.pulled < UnitBudget.limit + (2 << 20), "read \(document.pulled >> 20) MB: it must stop at the limit")
    }

    @Test("A <tu> with a million <prop>s is refused too (each element costs against the budget)")
    func unitOfManyElements() throws {
        let start = Self.tmxStart.replacingOccurrences(of: "<tuv xml:lang=\"km\"><seg>", with: "")
        let document = GeneratedDocument(prefix: start, repeating: "<prop type=\"x\"/>", bytes: 16 << 20, suffix: "</tu></body></tmx>")
        let (_, error) = Self.read(document, name: "many-props.tmx", format: .tmx)
        let failure = try #require(error)
        guard case .tooLarge = failure.reason else { Issue.record("got \(failure)"); return }
        #expect(failure.line == 4 && failure.column == 3)
    }

    @Test("An XLIFF 2.0 <unit> with 200 MB of segments is refused at the <unit>")
    func enormousXLIFFUnit() throws {
        let start = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="km">
        <file id="f1">
          <unit id="u1">
        """
        let piece = "<segment><source>The Embassy presents its compliments.</source><target>\(Self.khmer)</target></segment>\n"
        let document = GeneratedDocument(prefix: start, repeating: piece, bytes: 200 << 20, suffix: "</unit></file></xliff>")
        let (_, error) = Self.read(document, name: "huge.xlf", format: .xliff)
        let failure = try #require(error)
        guard case .tooLarge = failure.reason else { Issue.record("got \(failure)"); return }
        #expect(failure.line == 4 && failure.column == 3, "\(failure)")
        #expect(failure.description.contains("<unit>"))
        #expect(document.pulled < UnitBudget.limit + (2 << 20))
    }

    @Test("A start tag whose attribute value never ends, or a comment that never closes, stops at the per-token limit")
    func endlessTokens() throws {
        for (name, prefix) in [("endless-attribute.tmx", "<tmx version=\"1.4\"><header creationtool=\""), ("endless-comment.tmx", "<tmx version=\"1.4\"><!-- ")] {
            let document = GeneratedDocument(prefix: prefix, repeating: "abcdefgh", bytes: 72 << 20, suffix: "")
            let (_, error) = Self.read(document, name: name, format: .tmx)
            let failure = try #require(error)
            guard case .tooLarge = failure.reason else { Issue.record("\(name): got \(failure)"); continue }
            #expect(failure.line == 1 && failure.column == 20, "\(name): \(failure)")
            #expect(document.pulled < XMLScanner.tokenLimit + (1 << 20))
        }
    }

    @Test("A CSV quote never closed, or a 200 MB TSV line, is refused at the per-unit limit, at the record's line")
    func endlessRecords() throws {
        let cases: [(String, MemoryFormat, String, String)] = [
            ("stray-quote.csv", .csv, "en,fr,km\nThank you.,Merci.,សូម​អរគុណ\n\"Note No. 45,Note n° 45,", "lettre, \n"),
            ("long-line.tsv", .tsv, "en\tfr\tkm\nThank you.\tMerci.\tសូម​អរគុណ\nNote ", Self.khmer),
        ]
        for (name, format, prefix, piece) in cases {
            let document = GeneratedDocument(prefix: prefix, repeating: piece, bytes: 200 << 20, suffix: "\n")
            let (units, error) = Self.read(document, name: name, format: format)
            let failure = try #require(error, "\(name)")
            guard case .tooLarge = failure.reason else { Issue.record("\(name): got \(failure)"); continue }
            #expect(units == 1, "\(name)")
            #expect(failure.description.hasPrefix("\(name):3:1: too large: the record starting here"), "\(failure)")
            #expect(document.pulled < UnitBudget.limit + (2 << 20), "\(name): read \(document.pulled >> 20) MB")
        }
    }

    @Test("200 <ph> tags each carrying a 1 MB attribute are refused at the per-unit limit (attributes are charged)")
    func inlineTagsWithHugeAttributes() throws {
        // Each <ph> is one small element but stores its 1 MB attribute: 200 of them would hold 200 MB.
        let piece = "<ph x=\"" + String(repeating: "a", count: 1 << 20) + "\"/>"
        let document = GeneratedDocument(prefix: Self.tmxStart, repeating: piece, bytes: 200 * piece.utf8.count, suffix: Self.tmxEnd)
        let (units, error) = Self.read(document, name: "huge-attributes.tmx", format: .tmx)
        let failure = try #require(error)
        guard case .tooLarge = failure.reason else { Issue.record("got \(failure)"); return }
        #expect(units == 1)
        #expect(failure.description.hasPrefix("huge-attributes.tmx:4:3: too large: "), "\(failure)")
        #expect(failure.description.contains("<tu>"))
        #expect(document.pulled < UnitBudget.limit + (3 << 20), "read \(document.pulled >> 20) MB: it must stop at the limit")
    }

    @Test("An XLIFF 2.0 <unit> of <ph> tags with 1 MB attributes is refused at the <unit>")
    func xliffInlineTagsWithHugeAttributes() throws {
        let start = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="km">
        <file id="f1">
          <unit id="u1"><segment><source>
        """
        let piece = "<ph id=\"" + String(repeating: "b", count: 1 << 20) + "\"/>"
        let document = GeneratedDocument(prefix: start, repeating: piece, bytes: 200 * piece.utf8.count, suffix: "</source></segment></unit></file></xliff>")
        let (_, error) = Self.read(document, name: "huge-attributes.xlf", format: .xliff)
        let failure = try #require(error)
        guard case .tooLarge = failure.reason else { Issue.record("got \(failure)"); return }
        #expect(failure.description.hasPrefix("huge-attributes.xlf:4:3: too large: "), "\(failure)")
        #expect(failure.description.contains("<unit>"))
        #expect(document.pulled < UnitBudget.limit + (3 << 20), "read \(document.pulled >> 20) MB")
    }

    @Test("A real unit just under the limits still reads (a 20 MB Khmer segment)")
    func largeButAllowed() throws {
        let document = GeneratedDocument(prefix: Self.tmxStart, repeating: Self.khmer, bytes: 20 << 20, suffix: Self.tmxEnd)
        let (units, error) = Self.read(document, name: "large.tmx", format: .tmx)
        #expect(error == nil, "\(String(describing: error))")
        #expect(units == 2)
    }
}
