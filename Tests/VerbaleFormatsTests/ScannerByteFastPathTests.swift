import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// The scanner's byte-level fast paths of the sixth stop (issue 3): end tags matched by their
/// packed bytes, names packed by two loads, non-ASCII text validated by `String(decoding:)`
/// and a compare, line ends between units not made into strings, the attribute list
/// overwritten in place — each against what the plain reading gives, errors included.
@Suite("XML scanner byte fast paths give exactly what the plain reading gives")
struct ScannerByteFastPathTests {
    private func read(_ xml: String) throws -> [TranslationUnit] {
        var reader = try TMXReader.make(source: ByteSource(data: Data(xml.utf8), name: "t.tmx"))
        return try reader.readAll()
    }

    private func failure(_ bytes: [UInt8], cuts: [Int] = []) -> FormatError? {
        Fixture.error(bytes, name: "t.tmx", cuts: cuts)
    }

    /// Line and column (characters) of byte `offset` of `bytes`, counted the obvious way.
    private func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    @Test("The name-end bits are the ten bytes that end a name")
    func nameEndBits() {
        let expected = [0x20, 0x0A, 0x09, 0x0D, 0x3D, 0x2F, 0x3E, 0x22, 0x27, 0x3C].reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
        #expect(XMLScanner.nameEnds == expected)
    }

    @Test("Names packed by loads equal names packed byte by byte, at every length and near the block's end")
    func packedKeys() {
        let bytes: [UInt8] = Array("x-sixteen-bytes1ខ្មែរ:tuv-é_0123456789".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for begin in 0..<buffer.count {
                for count in 0...min(16, buffer.count - begin) {
                    var low: UInt64 = 0, high: UInt64 = 0
                    for offset in 0..<count {
                        let byte = UInt64(buffer[begin + offset])
                        if offset < 8 { low |= byte << UInt64(8 * offset) } else { high |= byte << UInt64(8 * (offset - 8)) }
                    }
                    let packed = XMLScanner.packedKey(buffer, from: begin, count: count)
                    #expect(packed == XMLNameTable.Key(low: low, high: high, count: count), "begin \(begin), count \(count)")
                }
            }
        }
    }

    @Test("End tags of 1 to 17 bytes close their element; one byte off, a space, or a longer name fails where the plain reading says",
          arguments: [1, 2, 3, 7, 8, 9, 15, 16, 17])
    func endTags(length: Int) throws {
        let name = "x" + String(repeating: "n", count: length - 1)
        func document(_ close: String) -> [UInt8] {
            Array("<tmx version=\"1.4\"><header srclang=\"en\"><\(name)>t</\(close)></header><body><tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu></body></tmx>".utf8)
        }
        for everyByte in [false, true] {
            // Handed over whole, then one byte at a time (each search crosses chunk ends).
            func failure(_ bytes: [UInt8]) -> FormatError? { self.failure(bytes, cuts: everyByte ? Array(1..<bytes.count) : []) }
            #expect(failure(document(name)) == nil)
            #expect(failure(document(name + " ")) == nil)
            let good = document(name)
            let closeAt = try #require(good.indices.first { good[$0] == 0x3C && good[$0 + 1] == 0x2F })
            let expected = position(of: closeAt, in: good)
            // One byte changed at each place of the name; one byte more; one byte fewer.
            var wrong = (0..<name.utf8.count).map { index in
                var bytes = Array(name.utf8)
                bytes[index] = bytes[index] == 0x7A ? 0x79 : 0x7A
                return String(decoding: bytes, as: UTF8.self)
            }
            wrong += [name + "n", String(name.dropLast())].filter { !$0.isEmpty }
            for other in wrong {
                let error = try #require(failure(document(other)), "\(other)")
                #expect(error.line == expected.line && error.column == expected.column, "\(other): \(error)")
                #expect(error.description.contains("</\(other)> does not match <\(name)>"), "\(error)")
            }
        }
    }

    @Test("Non-ASCII text: valid UTF-8 reads as itself; anything else fails at its first bad byte, as before",
          arguments: [20_261_130 as UInt64])
    func nonASCIIText(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        // Lead and continuation bytes at the edges of their ranges, surrogates (ED A0), overlong
        // forms (C0, E0 80), bytes never in UTF-8 (F5, FF), U+FFFE/U+FFFF (EF BF BE/BF), Khmer.
        let interesting: [UInt8] = [0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xBE, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF,
                                    0xF0, 0xF4, 0xF5, 0xFF, 0x61, 0x20, 0xE1, 0x9E, 0x80]
        let head = Array("<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>é".utf8)
        let tail = Array("</seg></tuv></tu></body></tmx>".utf8)
        var failures = 0
        for round in 0..<2_000 {
            let length = Int.random(in: 1...12, using: &generator)
            let middle = (0..<length).map { _ in interesting.randomElement(using: &generator) ?? 0x61 }
            let bytes = head + middle + tail
            let text = [0xC3, 0xA9] + middle
            let valid = String(validating: text, as: UTF8.self)
            let hasNoncharacter = valid.map { $0.unicodeScalars.contains { $0.value == 0xFFFE || $0.value == 0xFFFF } } ?? false
            let error = failure(bytes)
            if let valid, !hasNoncharacter {
                #expect(error == nil, "round \(round): \(middle)")
                #expect(try read(String(decoding: bytes, as: UTF8.self)).first?.variants[0].text == valid, "round \(round)")
            } else {
                failures += 1
                let error = try #require(error, "round \(round): \(middle)")
                if valid == nil {
                    let bad = head.count - 2 + (TextDecoding.firstInvalidUTF8Offset(text[...]) ?? 0)
                    let expected = position(of: bad, in: bytes)
                    #expect(error.line == expected.line && error.column == expected.column, "round \(round): \(middle) \(error)")
                    guard case .invalidEncoding = error.reason else {
                        Issue.record("round \(round): \(error)")
                        continue
                    }
                }
            }
        }
        #expect(failures > 100)
    }

    @Test("Text between units that the builder drops is still checked: a control, a bad entity, bad UTF-8 fail where they are")
    func droppedTextStillChecked() throws {
        let head = "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n  "
        let tail = "\n<tu><tuv xml:lang=\"en\"><seg>b</seg></tuv></tu></body></tmx>"
        for (bad, kind) in [([0x01], "control"), (Array("&bogus;".utf8), "entity"), ([0xFF], "utf8"), ([0xEF, 0xBF, 0xBF], "nonchar")] as [([UInt8], String)] {
            let bytes = Array(head.utf8) + bad + Array(tail.utf8)
            let error = try #require(failure(bytes), "\(kind)")
            let expected = position(of: head.utf8.count, in: bytes)
            #expect(error.line == expected.line && error.column == expected.column, "\(kind): \(error)")
        }
        // Plain white space and ASCII there: still read, and the units come whole.
        let units = try read(head + "\t \r\n" + tail)
        #expect(units.map { $0.variants[0].text } == ["a", "b"])
    }

    @Test("The reused attribute list holds only the current tag's attributes: no stale duplicates, no stale values")
    func attributeListReuse() throws {
        let xml = "<tmx version=\"1.4\"><header srclang=\"en\" creationtool=\"t\" o-tmf=\"x\"/><body>"
            + "<tu tuid=\"1\" usagecount=\"3\" x-a=\"1\"><tuv xml:lang=\"en\" x-a=\"2\"><seg>One</seg></tuv>"
            + "<tuv x-b=\"1\" xml:lang=\"fr\"><seg>Un</seg></tuv></tu>"
            + "<tu x-a=\"4\" tuid=\"2\"><tuv xml:lang=\"en\"><seg>Two</seg></tuv></tu></body></tmx>"
        let units = try read(xml)
        #expect(units.count == 2)
        #expect(units[0].metadata.attributes == [Property(type: "usagecount", value: "3"), Property(type: "x-a", value: "1")])
        #expect(units[0].variants[0].attributes == [Property(type: "x-a", value: "2")])
        #expect(units[0].variants[1].attributes == [Property(type: "x-b", value: "1")])
        #expect(units[1].id == "2")
        #expect(units[1].metadata.attributes == [Property(type: "x-a", value: "4")])
        #expect(units[1].variants[0].attributes.isEmpty)
        // A value over the list's large-value mark, then small tags: still exact.
        let long = String(repeating: "v", count: 5_000)
        let big = "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu tuid=\"1\" x-long=\"\(long)\">"
            + "<tuv xml:lang=\"en\"><seg>One</seg></tuv></tu><tu tuid=\"2\"><tuv xml:lang=\"en\"><seg>Two</seg></tuv></tu></body></tmx>"
        let bigUnits = try read(big)
        #expect(bigUnits[0].metadata.attributes == [Property(type: "x-long", value: long)])
        #expect(bigUnits[1].metadata.attributes.isEmpty && bigUnits[1].id == "2")
        var list = XMLAttributes()
        #expect(list.append("a", "1") && list.append("b", "2") && !list.append("a", "3"))
        list.removeAll()
        #expect(list.isEmpty && list["a"] == nil)
        #expect(list.append("b", "4") && list.count == 1 && list["b"] == "4" && list["a"] == nil)
        #expect(Array(list.map(\.name)) == ["b"])
    }
    @Test("A start tag's '>' found by words is the one the byte loop finds: '>' and quotes inside values, '<' and apostrophes",
          arguments: [20_261_131 as UInt64])
    func startTagClose(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        // Values drawn from the bytes that matter to the close search (not '&' or '<', which a
        // value may not hold as such; `&lt;` is there instead).
        let pieces = ["a", " ", ">", "'", "\"", "&lt;", "&gt;", "é", "ខ"]
        for round in 0..<600 {
            var attributes: [(String, String)] = []
            var tag = "<tu tuid=\"\(round)\""
            for index in 0..<Int.random(in: 0...3, using: &generator) {
                let value = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "a" }.joined()
                // Quoted with the quote the value does not hold (both held: escape the double ones).
                let quote = value.contains("\"") && !value.contains("'") ? "'" : "\""
                let written = quote == "\"" ? value.replacingOccurrences(of: "\"", with: "&quot;") : value
                tag += " x-\(index)=\(quote)\(written)\(quote)"
                attributes.append(("x-\(index)", value.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")))
            }
            tag += Bool.random(using: &generator) ? ">" : " >"
            let xml = "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\(tag)<tuv xml:lang=\"en\"><seg>s</seg></tuv></tu></body></tmx>"
            let unit = try #require(try read(xml).first, "\(xml)")
            #expect(unit.id == "\(round)")
            #expect(unit.metadata.attributes == attributes.map { Property(type: $0.0, value: $0.1) }, "\(xml)")
        }
        // '<' inside a value or before the tag's end: refused where the byte loop refuses.
        for (bad, column) in [("<tu a=\"x<y\">", 9), ("<tu a=\"x\" <tuv>", 11), ("<tu a='x\"y' b=\"<\">", 16)] {
            let xml = "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n\(bad)</tu></body></tmx>"
            let error = try #require(failure(Array(xml.utf8)), "\(bad)")
            #expect(error.line == 2 && error.column == column, "\(bad): \(error)")
        }
        let balanced: [(String, Bool)] = [("", true), ("a b", true), ("a=\"x\"", true), ("a=\"x", false), ("a='x'", false),
                                          ("a=\"x\" <", false), (String(repeating: "a=\"x\" ", count: 250), true),
                                          (String(repeating: "a=\"x\" ", count: 400), false)]
        for (text, expected) in balanced {
            #expect(Array(text.utf8).withUnsafeBytes { XMLScanner.quotesBalanced($0) } == expected, "\(text)")
        }
    }
}
