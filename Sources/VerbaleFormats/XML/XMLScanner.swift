import Foundation
import VerbaleCore

/// Where a token starts, for messages (1-based line, column in characters).
struct XMLPosition: Equatable {
    var line: Int
    var column: Int
}

/// A streaming, pull-driven XML tokenizer over UTF-8 bytes, written for memory files.
///
/// Why our own: FoundationXML's `XMLParser` pushes events and cannot pause, so a pull reader on
/// it needs a parser thread and a bounded hand-off; on Linux it also neither reports entity
/// declarations to its delegate nor lets substitution be turned off. This scanner is pulled
/// directly, works on bytes, builds a `String` only for names, attribute values and text, and
/// refuses entity declarations itself. Measured (`verbale-bench tmx`): the full TMX reader on it
/// parses ≈ 210,000 units/s of CPU, where `XMLParser` with a delegate that only counts `<tu>`
/// (no unit built) does ≈ 276,000.
///
/// It checks well-formedness (tag nesting, attribute syntax and uniqueness, one root, no text
/// outside it, XML characters only, valid UTF-8, entity references), normalises line ends and
/// attribute whitespace as XML 1.0 requires, and understands UTF-8, UTF-16 (BOM or not),
/// ISO-8859-1 and windows-1252. Security: a DOCTYPE that declares any entity is refused, the
/// external DTD is never read, and only the five predefined entities and character references
/// are expanded. Memory: the current token plus one 64 KB chunk; a single token (a tag, a run
/// of text between two tags, a comment, a CDATA section) over `tokenLimit` (64 MB) is refused
/// with `FormatError.Reason.tooLarge` at the token's line and column, and builders refuse a
/// unit over `UnitBudget.limit`, so no input makes the reader hold more. Cost: O(bytes).
struct XMLScanner {
    private var input: UTF8Input
    private let name: String
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Absolute offset of `buffer[0]`.
    private var base = 0
    private var line = 1
    private var column = 1
    private var stack: [(name: String, position: XMLPosition)] = []
    private var sawRoot = false
    private var sawAnything = false
    private(set) var finished = false
    /// Where the token being handled starts.
    private(set) var position = XMLPosition(line: 1, column: 1)

    /// The largest token the scanner holds (64 MB): far above any real segment (a 300-page
    /// report is ≈ 1 MB of text), far below the machine's memory.
    static let tokenLimit = 64 << 20

    init(source: ByteSource) {
        input = UTF8Input(source: source)
        name = source.name
    }

    // MARK: buffer

    private mutating func load() throws(FormatError) -> Bool {
        if atEnd { return false }
        guard let chunk = try input.next() else {
            atEnd = true
            return false
        }
        if buffer.count - start + chunk.count > Self.tokenLimit {
            throw error(.tooLarge("a single tag, text, comment or CDATA section starting here runs over \(Self.tokenLimit >> 20) MB (the per-token limit); refused so that memory stays bounded (is the file corrupt, or one element holding a whole document?)"))
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// Drops consumed bytes (only between tokens, so indices inside a token stay valid).
    private mutating func compact() {
        if start > 256 * 1024 || (start > 0 && start == buffer.count) {
            buffer.removeFirst(start)
            base += start
            start = 0
        }
    }

    /// Index of `byte` at or after `from`, loading more input as needed; nil at the end.
    private mutating func find(_ byte: UInt8, from: Int) throws(FormatError) -> Int? {
        var index = from
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { bytes in
                while index < bytes.count {
                    if bytes[index] == byte { return index }
                    index += 1
                }
                return nil
            }
            if let found { return found }
            guard try load() else { return nil }
        }
    }

    /// Index of the first byte of `literal` at or after `from`; nil at the end.
    private mutating func find(_ literal: [UInt8], from: Int) throws(FormatError) -> Int? {
        var index = from
        while true {
            guard let first = try find(literal[0], from: index) else { return nil }
            while first + literal.count > buffer.count { guard try load() else { return nil } }
            if buffer[first..<(first + literal.count)].elementsEqual(literal) { return first }
            index = first + 1
        }
    }

    private mutating func has(_ count: Int) throws(FormatError) -> Bool {
        while start + count > buffer.count { guard try load() else { return false } }
        return true
    }

    private mutating func starts(with literal: [UInt8]) throws(FormatError) -> Bool {
        guard try has(literal.count) else { return false }
        return buffer[start..<(start + literal.count)].elementsEqual(literal)
    }

    /// Moves past `buffer[start..<end]`, counting lines and columns (characters).
    private mutating func consume(to end: Int) {
        var line = self.line, column = self.column
        buffer.withUnsafeBufferPointer { bytes in
            var index = start
            while index < end {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
            }
        }
        self.line = line
        self.column = column
        start = end
    }

    /// The position of buffer index `index` (at or after `start`), for messages.
    private func positionOf(_ index: Int) -> XMLPosition {
        var line = self.line, column = self.column
        var i = start
        while i < index && i < buffer.count {
            if buffer[i] == 0x0A {
                line += 1
                column = 1
            } else if buffer[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return XMLPosition(line: line, column: column)
    }

    private func error(_ reason: FormatError.Reason, at index: Int? = nil) -> FormatError {
        let where_ = index.map { positionOf($0) } ?? position
        return FormatError(file: name, line: where_.line, column: where_.column, reason: reason)
    }

    // MARK: tokens

    /// Handles one token and tells `builder`; returns false at the end of the document.
    mutating func step(_ builder: XMLUnitBuilder) throws(FormatError) -> Bool {
        if finished { return false }
        compact()
        guard try has(1) else { return try finish(builder) }
        position = XMLPosition(line: line, column: column)
        sawAnything = true
        if buffer[start] != 0x3C { return try text(builder) }
        guard try has(2) else { throw error(.malformedXML("the document ends inside a tag (truncated file?)")) }
        switch buffer[start + 1] {
        case 0x2F: try endTag(builder)
        case 0x3F: try processingInstruction()
        case 0x21:
            if try starts(with: Array("<!--".utf8)) {
                guard let end = try find(Array("-->".utf8), from: start + 4) else {
                    throw error(.malformedXML("a comment is never closed (truncated file?)"))
                }
                consume(to: end + 3)
            } else if try starts(with: Array("<![CDATA[".utf8)) {
                guard let end = try find(Array("]]>".utf8), from: start + 9) else {
                    throw error(.malformedXML("a CDATA section is never closed (truncated file?)"))
                }
                guard !stack.isEmpty else { throw error(.malformedXML("CDATA outside the root element")) }
                let text = try decodeUTF8(buffer[(start + 9)..<end], at: start + 9)
                consume(to: end + 3)
                try builder.characters(Self.normalizingLineEnds(text))
            } else if try starts(with: Array("<!DOCTYPE".utf8)) {
                try doctype()
            } else {
                throw error(.malformedXML("\"<!\" starts neither a comment, CDATA nor DOCTYPE"))
            }
        default:
            try startTag(builder)
        }
        return true
    }

    private mutating func finish(_ builder: XMLUnitBuilder) throws(FormatError) -> Bool {
        if let open = stack.last {
            throw error(.malformedXML("the document ends before <\(open.name)> (line \(open.position.line)) is closed (truncated file?)"), at: buffer.count)
        }
        if !sawRoot {
            throw FormatError(file: name, line: line, column: 1, reason: sawAnything ? .malformedXML("no root element") : .empty)
        }
        finished = true
        try builder.didFinish()
        return false
    }

    private mutating func text(_ builder: XMLUnitBuilder) throws(FormatError) -> Bool {
        let end = try find(0x3C, from: start) ?? buffer.count
        if stack.isEmpty {
            // Outside the root only white space may appear.
            for index in start..<end where !Self.isSpace(buffer[index]) {
                throw error(.malformedXML(sawRoot ? "text after the root element" : "text before the root element (is this XML?)"), at: index)
            }
            consume(to: end)
            return true
        }
        let text = try decode(buffer[start..<end], at: start, attribute: false)
        consume(to: end)
        try builder.characters(text)
        return true
    }

    private mutating func startTag(_ builder: XMLUnitBuilder) throws(FormatError) {
        // Find the closing '>' outside quotes.
        var index = start + 1
        var quote: UInt8 = 0
        var close = -1
        while close < 0 {
            if index >= buffer.count {
                guard try load() else { throw error(.malformedXML("the document ends inside a start tag (truncated file?)")) }
                continue
            }
            // 0: keep going (more input needed), >0: the '>' index, <0: a '<' at -(index+1).
            let outcome: Int = buffer.withUnsafeBufferPointer { bytes in
                while index < bytes.count {
                    let byte = bytes[index]
                    if quote != 0 {
                        if byte == quote { quote = 0 } else if byte == 0x3C { return -(index + 1) }
                    } else if byte == 0x22 || byte == 0x27 {
                        quote = byte
                    } else if byte == 0x3E {
                        return index
                    } else if byte == 0x3C {
                        return -(index + 1)
                    }
                    index += 1
                }
                return 0
            }
            if outcome > 0 {
                close = outcome
            } else if outcome < 0 {
                let at = -outcome - 1
                throw error(.malformedXML(quote != 0 ? "'<' inside an attribute value" : "a start tag is missing its closing '>'"), at: at)
            }
        }
        let selfClosing = buffer[close - 1] == 0x2F
        let limit = selfClosing ? close - 1 : close
        var cursor = start + 1
        let elementName = try name(&cursor, limit: limit)
        var attributes = XMLAttributes()
        while true {
            let before = cursor
            while cursor < limit, Self.isSpace(buffer[cursor]) { cursor += 1 }
            if cursor >= limit { break }
            if cursor == before { throw error(.malformedXML("attributes must be separated by white space"), at: cursor) }
            let attributeName = try name(&cursor, limit: limit)
            while cursor < limit, Self.isSpace(buffer[cursor]) { cursor += 1 }
            guard cursor < limit, buffer[cursor] == 0x3D else {
                throw error(.malformedXML("the attribute \(attributeName) has no value"), at: cursor)
            }
            cursor += 1
            while cursor < limit, Self.isSpace(buffer[cursor]) { cursor += 1 }
            guard cursor < limit, buffer[cursor] == 0x22 || buffer[cursor] == 0x27 else {
                throw error(.malformedXML("the value of \(attributeName) is not quoted"), at: cursor)
            }
            let quoteByte = buffer[cursor]
            var valueEnd = cursor + 1
            while valueEnd < limit, buffer[valueEnd] != quoteByte { valueEnd += 1 }
            guard valueEnd < limit else { throw error(.malformedXML("the value of \(attributeName) is not closed"), at: cursor) }
            let value = try decode(buffer[(cursor + 1)..<valueEnd], at: cursor + 1, attribute: true)
            guard attributes.append(attributeName, value) else {
                throw error(.malformedXML("the attribute \(attributeName) appears twice"), at: cursor)
            }
            cursor = valueEnd + 1
        }
        if stack.isEmpty {
            if sawRoot { throw error(.malformedXML("a second root element <\(elementName)>")) }
            sawRoot = true
        }
        consume(to: close + 1)
        let here = position
        stack.append((elementName, here))
        try builder.didStart(elementName, attributes: attributes, at: here)
        if selfClosing {
            stack.removeLast()
            try builder.didEnd(elementName, at: here)
        }
    }

    private mutating func endTag(_ builder: XMLUnitBuilder) throws(FormatError) {
        guard let close = try find(0x3E, from: start + 2) else {
            throw error(.malformedXML("the document ends inside an end tag (truncated file?)"))
        }
        var cursor = start + 2
        let elementName = try name(&cursor, limit: close)
        while cursor < close, Self.isSpace(buffer[cursor]) { cursor += 1 }
        guard cursor == close else { throw error(.malformedXML("unexpected characters in the end tag </\(elementName)>"), at: cursor) }
        guard let open = stack.last else { throw error(.malformedXML("</\(elementName)> closes nothing")) }
        guard open.name == elementName else {
            throw error(.malformedXML("</\(elementName)> does not match <\(open.name)> opened at line \(open.position.line)"))
        }
        stack.removeLast()
        consume(to: close + 1)
        try builder.didEnd(elementName, at: position)
    }

    private mutating func processingInstruction() throws(FormatError) {
        guard let end = try find(Array("?>".utf8), from: start + 2) else {
            throw error(.malformedXML("a processing instruction is never closed (truncated file?)"))
        }
        let isDeclaration = base + start == 0 || (base == 0 && buffer[0..<start].allSatisfy(Self.isSpace))
        if isDeclaration, try starts(with: Array("<?xml".utf8)), Self.isSpace(buffer[start + 5]) {
            let declaration = String(decoding: buffer[start..<end], as: UTF8.self)
            consume(to: end + 2)
            try applyEncoding(declaration)
        } else {
            consume(to: end + 2)
        }
    }

    /// Reads `encoding="…"` from the XML declaration and switches the input if needed.
    private mutating func applyEncoding(_ declaration: String) throws(FormatError) {
        guard let range = declaration.range(of: "encoding") else { return }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return }
        let value = rest.dropFirst().prefix { $0 != quote }.lowercased()
        switch value {
        case "utf-8", "utf8", "us-ascii", "ascii":
            return
        case "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2":
            return  // detected from the bytes already
        case "iso-8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "windows-1252", "cp1252":
            if input.isUTF16 { return }
            let converted = input.switchTo(value.contains("1252") ? .windows1252 : .latin1, rest: buffer[start...])
            buffer.replaceSubrange(start..., with: converted)
        default:
            throw FormatError(file: name, line: 1, column: 1, reason: .unsupportedEncoding(String(value)))
        }
    }

    private mutating func doctype() throws(FormatError) {
        var index = start + 9
        var quote: UInt8 = 0
        var inSubset = false
        var entities: [(Int, String, Bool)] = []
        while true {
            if index >= buffer.count {
                guard try load() else { throw error(.malformedXML("the DOCTYPE is never closed (truncated file?)")) }
                continue
            }
            let byte = buffer[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x5B {
                inSubset = true
            } else if byte == 0x5D {
                inSubset = false
            } else if byte == 0x3E, !inSubset {
                break
            } else if inSubset, byte == 0x3C {
                while index + 8 > buffer.count { guard try load() else { break } }
                if buffer[index..<min(index + 8, buffer.count)].elementsEqual(Array("<!ENTITY".utf8)) {
                    // Read on to the end of the declaration, for its name and kind.
                    while try find(0x3E, from: index) == nil, try load() {}
                    var n = index + 8
                    while n < buffer.count, Self.isSpace(buffer[n]) || buffer[n] == 0x25 { n += 1 }
                    var entityName: [UInt8] = []
                    while n < buffer.count, !Self.isSpace(buffer[n]), buffer[n] != 0x3E { entityName.append(buffer[n]); n += 1 }
                    var declarationEnd = n
                    while declarationEnd < buffer.count, buffer[declarationEnd] != 0x3E { declarationEnd += 1 }
                    let body = String(decoding: buffer[n..<declarationEnd], as: UTF8.self)
                    entities.append((index, String(decoding: entityName, as: UTF8.self), body.contains("SYSTEM") || body.contains("PUBLIC")))
                    break
                }
            }
            index += 1
        }
        if let (at, entityName, external) = entities.first {
            throw error(.entityDeclaration(name: entityName, external: external), at: at)
        }
        consume(to: index + 1)
    }

    // MARK: pieces

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    private mutating func name(_ cursor: inout Int, limit: Int) throws(FormatError) -> String {
        let begin = cursor
        while cursor < limit {
            let byte = buffer[cursor]
            if Self.isSpace(byte) || byte == 0x3D || byte == 0x2F || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte == 0x3C { break }
            cursor += 1
        }
        guard cursor > begin else { throw error(.malformedXML("a name was expected here"), at: begin) }
        let first = buffer[begin]
        if first == 0x2D || first == 0x2E || (0x30...0x39).contains(first) {
            throw error(.malformedXML("a name cannot start with '\(Character(Unicode.Scalar(first)))'"), at: begin)
        }
        return try decodeUTF8(buffer[begin..<cursor], at: begin)
    }

    private mutating func decodeUTF8(_ bytes: ArraySlice<UInt8>, at offset: Int) throws(FormatError) -> String {
        let text: String? = bytes.withUnsafeBufferPointer { pointer in
            var ascii = true
            for byte in pointer where byte >= 0x80 {
                ascii = false
                break
            }
            return ascii ? String(decoding: pointer, as: UTF8.self) : String(validating: pointer, as: UTF8.self)
        }
        if let text { return text }
        let bad = TextDecoding.firstInvalidUTF8Offset(bytes) ?? bytes.startIndex
        throw error(.invalidEncoding("byte 0x\(String(buffer[bad], radix: 16, uppercase: true)) is not valid UTF-8"), at: bad)
    }

    /// Character data or an attribute value: checks XML characters, normalises line ends (and,
    /// in attributes, white space to spaces), expands the predefined entities and character references.
    private mutating func decode(_ bytes: ArraySlice<UInt8>, at offset: Int, attribute: Bool) throws(FormatError) -> String {
        let simple = bytes.withUnsafeBufferPointer { pointer in
            for byte in pointer where byte < 0x20 || byte == 0x26 {
                if (byte == 0x0A || byte == 0x09) && !attribute { continue }
                return false
            }
            return true
        }
        if simple { return try decodeUTF8(bytes, at: offset) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case 0x26:
                guard let semicolon = bytes[index...].prefix(12).firstIndex(of: 0x3B) else {
                    throw error(.malformedXML("'&' must start an entity reference such as &amp;"), at: index)
                }
                let reference = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
                switch reference {
                case "lt": out.append(0x3C)
                case "gt": out.append(0x3E)
                case "amp": out.append(0x26)
                case "quot": out.append(0x22)
                case "apos": out.append(0x27)
                default:
                    var value: UInt32?
                    if reference.hasPrefix("#x") { value = UInt32(reference.dropFirst(2), radix: 16) } else if reference.hasPrefix("#") { value = UInt32(reference.dropFirst()) }
                    guard let value else {
                        throw error(.malformedXML("the entity &\(reference); is not declared (only &lt; &gt; &amp; &quot; &apos; and character references are expanded)"), at: index)
                    }
                    guard let scalar = Unicode.Scalar(value), Self.isXMLCharacter(value) else {
                        throw error(.malformedXML("&\(reference); is not a character XML allows"), at: index)
                    }
                    out.append(contentsOf: String(Character(scalar)).utf8)
                }
                index = semicolon + 1
                continue
            case 0x0D:
                out.append(attribute ? 0x20 : 0x0A)
                if index + 1 < bytes.endIndex, bytes[index + 1] == 0x0A { index += 1 }
            case 0x0A, 0x09:
                out.append(attribute ? 0x20 : byte)
            case 0x00..<0x20:
                throw error(.invalidEncoding("the control character U+\(String(format: "%04X", byte)) is not allowed in XML"), at: index)
            default:
                out.append(byte)
            }
            index += 1
        }
        if let text = out.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) { return text }
        _ = try decodeUTF8(bytes, at: offset)
        return String(decoding: out, as: UTF8.self)
    }

    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
            || (0x10000...0x10FFFF).contains(value)
    }

    static func normalizingLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
