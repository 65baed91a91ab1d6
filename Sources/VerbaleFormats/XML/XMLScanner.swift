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
/// refuses entity declarations itself. Measured (`verbale-bench tmx --parse-only`, 100,000
/// generated Europarl units, 29 Nov): the full TMX reader on it parses ≈ 460,000–475,000 units/s
/// of CPU (≈ 295,000 before the speed work below), where `XMLParser` with a delegate that only
/// counts `<tu>` (no unit built) does ≈ 413,000 in the same run.
///
/// Speed: the scanner is generic over its builder (a struct for TMX), so events are direct
/// calls with no dynamic exclusivity checks; its bytes are one block it manages itself and
/// reads through a plain pointer (no bounds checks, no `ArraySlice` retains, no closures),
/// element and attribute names come from a small table of names already seen (one validation
/// per distinct name, not per tag), the attribute list's storage is reused from tag to tag,
/// ASCII runs skip UTF-8 validation, and line/column counting is a branch-free pass that
/// vectorises.
///
/// It checks well-formedness (tag nesting, attribute syntax and uniqueness, one root, no text
/// outside it, XML characters only — no C0 control in text and attribute values, no U+FFFE or
/// U+FFFF there nor in CDATA and names —, valid UTF-8, entity references), normalises line ends and
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
    /// Owns the bytes; `buffer` is its current view (refreshed whenever it changes).
    private let storage = XMLScannerBytes()
    private var buffer = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var start = 0
    private var atEnd = false
    /// Absolute offset of `buffer[0]`.
    private var base = 0
    private var line = 1
    private var column = 1
    /// Open elements: name, where the start tag began, and the name's bytes packed as the name
    /// table keys them (nil over 16 bytes), so `</name>` is matched by two word compares.
    private var stack: [(name: String, position: XMLPosition, key: XMLNameTable.Key?)] = []
    /// The key `name(_:limit:)` packed for the name it read last (nil over 16 bytes).
    private var lastNameKey: XMLNameTable.Key?
    private var sawRoot = false
    private var sawAnything = false
    /// The start tag being read's attributes: one list whose storage serves every tag.
    private var attributes = XMLAttributes()
    private var names = XMLNameTable()
    /// Attribute values of plain tags already seen, by their bytes (up to 16): `xml:lang="en"`,
    /// a `creationid`, a client's name, a date repeat from unit to unit.
    private var values = XMLNameTable()
    private(set) var finished = false
    /// Where the token being handled starts.
    private(set) var position = XMLPosition(line: 1, column: 1)

    /// The largest token the scanner holds (64 MB): far above any real segment (a 300-page
    /// report is ≈ 1 MB of text), far below the machine's memory.
    static let tokenLimit = 64 << 20

    init(source: ByteSource) {
        input = UTF8Input(source: source)
        name = source.name
        stack.reserveCapacity(16)
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
        storage.append(chunk)
        buffer = storage.view
        return true
    }

    /// Drops consumed bytes (only between tokens, so indices inside a token stay valid).
    private mutating func compact() {
        if start > 256 * 1024 || (start > 0 && start == buffer.count) {
            storage.removeFirst(start)
            buffer = storage.view
            base += start
            start = 0
        }
    }

    /// Index of `byte` at or after `from`, loading more input as needed; nil at the end.
    /// `memchr`: the C library's vectorised search, several bytes a cycle.
    private mutating func find(_ byte: UInt8, from: Int) throws(FormatError) -> Int? {
        var index = from
        while true {
            if index < buffer.count, let base = buffer.baseAddress,
               let hit = memchr(base + index, Int32(byte), buffer.count - index) {
                return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            index = max(index, buffer.count)
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
        consume(to: end, run: survey(from: start, to: end))
    }

    /// `consume(to:)` with the run's survey already made (text and attribute values are
    /// surveyed once, for decoding and for this). Only a run that holds a line end is read
    /// again, backwards, from its last line end.
    private mutating func consume(to end: Int, run: ByteRun) {
        if run.newlines == 0 {
            column += (end - start) - run.continuations
        } else {
            line += run.newlines
            var tail = 0
            var index = end - 1
            while buffer[index] != 0x0A {
                if buffer[index] & 0xC0 != 0x80 { tail += 1 }
                index -= 1
            }
            column = 1 + tail
        }
        start = end
    }

    private func survey(from: Int, to: Int) -> ByteRun {
        guard to > from, let base = buffer.baseAddress else { return ByteRun() }
        return ByteRun(UnsafeRawBufferPointer(start: base + from, count: to - from))
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
    mutating func step<Builder: XMLEventHandler>(_ builder: inout Builder) throws(FormatError) -> Bool {
        if finished { return false }
        compact()
        guard try has(1) else { return try finish(&builder) }
        position = XMLPosition(line: line, column: column)
        sawAnything = true
        if buffer[start] != 0x3C { return try text(&builder) }
        guard try has(2) else { throw error(.malformedXML("the document ends inside a tag (truncated file?)")) }
        switch buffer[start + 1] {
        case 0x2F: try endTag(&builder)
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
                let text = try decodeUTF8(from: start + 9, to: end)
                consume(to: end + 3)
                try builder.characters(Self.normalizingLineEnds(text))
            } else if try starts(with: Array("<!DOCTYPE".utf8)) {
                try doctype()
            } else {
                throw error(.malformedXML("\"<!\" starts neither a comment, CDATA nor DOCTYPE"))
            }
        default:
            try startTag(&builder)
        }
        return true
    }

    private mutating func finish<Builder: XMLEventHandler>(_ builder: inout Builder) throws(FormatError) -> Bool {
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

    private mutating func text<Builder: XMLEventHandler>(_ builder: inout Builder) throws(FormatError) -> Bool {
        let next = try find(0x3C, from: start)
        // Text running to the end of the input inside an element: the file was cut off, which
        // is the error to report, not what the cut left (half an entity reference, say).
        if next == nil, let open = stack.last {
            throw error(.malformedXML("the document ends before <\(open.name)> (line \(open.position.line)) is closed (truncated file?)"), at: buffer.count)
        }
        let end = next ?? buffer.count
        if stack.isEmpty {
            // Outside the root only white space may appear.
            for index in start..<end where !Self.isSpace(buffer[index]) {
                throw error(.malformedXML(sawRoot ? "text after the root element" : "text before the root element (is this XML?)"), at: index)
            }
            consume(to: end)
            return true
        }
        let run = survey(from: start, to: end)
        if run.ascii && !run.controls && !run.ampersands && !builder.wantsCharacters {
            // Plain ASCII text the builder would drop (the line end between two `<tu>`s): there
            // is nothing to check in it (no entity, no control, no UTF-8 to validate), so no
            // `String` is made. Anything else is decoded as before, so its errors stay.
            consume(to: end, run: run)
            return true
        }
        let text = try decode(from: start, to: end, attribute: false, run: run)
        consume(to: end, run: run)
        try builder.characters(text)
        return true
    }

    private mutating func startTag<Builder: XMLEventHandler>(_ builder: inout Builder) throws(FormatError) {
        // Find the closing '>' outside quotes. First the common case, read by words: the first
        // '>' already loaded, with no '<' or '\'' before it and an even number of '"' (so it is
        // outside any value): exactly what the byte loop below would find, in a sixth of the time.
        var index = start + 1
        var quote: UInt8 = 0
        var close = -1
        if index < buffer.count, let base = buffer.baseAddress,
           let hit = memchr(base + index, 0x3E, buffer.count - index) {
            let gt = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if Self.quotesBalanced(UnsafeRawBufferPointer(start: base + index, count: gt - index)) { close = gt }
        }
        while close < 0 {
            if index >= buffer.count {
                guard try load() else { throw error(.malformedXML("the document ends inside a start tag (truncated file?)")) }
                continue
            }
            // 0: keep going (more input needed), >0: the '>' index, <0: a '<' at -(index+1).
            var outcome = 0
            while index < buffer.count {
                let byte = buffer[index]
                if quote != 0 {
                    if byte == quote { quote = 0 } else if byte == 0x3C { outcome = -(index + 1); break }
                } else if byte == 0x22 || byte == 0x27 {
                    quote = byte
                } else if byte == 0x3E {
                    outcome = index
                    break
                } else if byte == 0x3C {
                    outcome = -(index + 1)
                    break
                }
                index += 1
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
        attributes.removeAll()
        var cursor = start + 1
        let elementName = try name(&cursor, limit: limit)
        let elementKey = lastNameKey
        // One survey of the whole tag serves its line/column count and, when it holds no
        // character that needs decoding, every attribute value (else each value is surveyed).
        // A bare tag with an ASCII name (`<seg>`, `<tuv/>`) needs none: its bytes hold no line
        // end and count one column each, which is what the empty survey says.
        let bare = cursor == limit && Self.isASCII(buffer, from: start + 1, to: cursor)
        let tagRun = bare ? ByteRun() : survey(from: start, to: close + 1)
        let tagIsPlain = !tagRun.controls && !tagRun.tabs && !tagRun.ampersands && tagRun.newlines == 0
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
                let value = tagIsPlain
                    ? try plainValue(from: cursor + 1, to: valueEnd, ascii: tagRun.ascii)
                    : try decode(from: cursor + 1, to: valueEnd, attribute: true, run: survey(from: cursor + 1, to: valueEnd))
                guard attributes.append(attributeName, value) else {
                    throw error(.malformedXML("the attribute \(attributeName) appears twice"), at: cursor)
                }
                cursor = valueEnd + 1
        }
        if stack.isEmpty {
            if sawRoot { throw error(.malformedXML("a second root element <\(elementName)>")) }
            sawRoot = true
        }
        consume(to: close + 1, run: tagRun)
        let here = position
        stack.append((elementName, here, elementKey))
        try builder.didStart(elementName, attributes: attributes, at: here)
        if selfClosing {
            stack.removeLast()
            try builder.didEnd(elementName, at: here)
        }
    }

    private mutating func endTag<Builder: XMLEventHandler>(_ builder: inout Builder) throws(FormatError) {
        // `</name>` closing the open element, with an ASCII name of up to 16 bytes (every end tag
        // of a memory file): its bytes compared with the start tag's packed key, no name read or
        // looked up. One column per byte, no line end. Anything else (white space before `>`, a
        // mismatch, a longer or non-ASCII name) takes the full reading below, with its errors.
        // The entry is read in place and moved out (a copy of it cost a retain and two releases).
        if !stack.isEmpty, let key = stack[stack.count - 1].key, (key.low | key.high) & Self.highBits == 0,
           try has(key.count + 3), buffer[start + 2 + key.count] == 0x3E,
           Self.packedKey(buffer, from: start + 2, count: key.count) == key {
            let open = stack.removeLast()
            column += key.count + 3
            start += key.count + 3
            try builder.didEnd(open.name, at: position)
            return
        }
        guard let close = try find(0x3E, from: start + 2) else {
            throw error(.malformedXML("the document ends inside an end tag (truncated file?)"))
        }
        var cursor = start + 2
        let elementName = try name(&cursor, limit: close)
        let nameEnd = cursor
        while cursor < close, Self.isSpace(buffer[cursor]) { cursor += 1 }
        guard cursor == close else { throw error(.malformedXML("unexpected characters in the end tag </\(elementName)>"), at: cursor) }
        guard let open = stack.last else { throw error(.malformedXML("</\(elementName)> closes nothing")) }
        guard open.name == elementName else {
            throw error(.malformedXML("</\(elementName)> does not match <\(open.name)> opened at line \(open.position.line)"))
        }
        stack.removeLast()
        if nameEnd == close, Self.isASCII(buffer, from: start + 2, to: close) {
            // `</name>` with an ASCII name (every end tag of a memory file): no line end and one
            // column per byte, so no survey of the run is needed (what `consume(to:)` would find).
            column += close + 1 - start
            start = close + 1
        } else {
            consume(to: close + 1)
        }
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
            let converted = try input.switchTo(value.contains("1252") ? .windows1252 : .latin1, declared: value.uppercased(),
                                               rest: ArraySlice(buffer[start...]), line: line, column: column)
            storage.replace(from: start, with: converted)
            buffer = storage.view
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

    /// Whether `bytes` (a start tag before its first '>') holds no '<' and no '\'' and an even
    /// number of '"': then that '>' closes the tag. Eight bytes at a time (see `ByteRun`); false
    /// (the byte loop decides) for a run over 2,000 bytes.
    static func quotesBalanced(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let count = bytes.count
        if count > 8 * 255 { return false }
        var refused: UInt64 = 0, quoteLanes: UInt64 = 0
        var offset = 0
        while offset < count {
            let word = ByteRun.word(start, at: offset, count: count)
            refused |= ByteRun.zeros(word ^ 0x3C3C_3C3C_3C3C_3C3C) | ByteRun.zeros(word ^ 0x2727_2727_2727_2727)
            quoteLanes &+= ByteRun.zeros(word ^ 0x2222_2222_2222_2222) >> 7
            offset += 8
        }
        guard refused == 0 else { return false }
        return ByteRun.sumOfLanes(quoteLanes) & 1 == 0
    }

    /// Whether `buffer[from..<to]` is all ASCII (a name's few bytes: a plain loop).
    private static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var high: UInt8 = 0
        for index in from..<to { high |= buffer[index] }
        return high < 0x80
    }

    /// The bytes that end a name (white space, `=`, `/`, `>`, `"`, `'`, `<`), as bits of one word:
    /// all are under 64, so the test is a shift where it was ten comparisons. A literal (bits
    /// 0x20, 0x0A, 0x09, 0x0D, 0x3D, 0x2F, 0x3E, 0x22, 0x27, 0x3C; `ScannerFastPathTests` checks
    /// it), not a `static let`, whose lazy initialisation check cost a call per name.
    static var nameEnds: UInt64 { 0x7000_8085_0000_2600 }

    /// The top bit of each byte of a word: a packed name with none set is ASCII.
    private static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// `buffer[begin..<(begin + count)]` (`count` at most 16) packed as the name table keys it:
    /// byte i at bits 8i of `low` (i < 8) or of `high`. Two unaligned loads and a mask when 16
    /// bytes are readable from `begin` (the block holds them), else byte by byte.
    static func packedKey(_ buffer: UnsafeBufferPointer<UInt8>, from begin: Int, count: Int) -> XMLNameTable.Key {
        var low: UInt64 = 0, high: UInt64 = 0
        if begin + 16 <= buffer.count, let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base + begin)
            let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            if count >= 8 {
                low = first
                if count > 8 {
                    let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                    high = count >= 16 ? second : second & ((1 << UInt64(8 * (count - 8))) &- 1)
                }
            } else {
                low = first & ((1 << UInt64(8 * count)) &- 1)
            }
        } else {
            for offset in 0..<count {
                let byte = UInt64(buffer[begin + offset])
                if offset < 8 { low |= byte << UInt64(8 * offset) } else { high |= byte << UInt64(8 * (offset - 8)) }
            }
        }
        return XMLNameTable.Key(low: low, high: high, count: count)
    }

    /// The name at `cursor` (moved past it), from the table of names seen before when it is there.
    private mutating func name(_ cursor: inout Int, limit: Int) throws(FormatError) -> String {
        let begin = cursor
        let ends = Self.nameEnds
        while cursor < limit {
            let byte = buffer[cursor]
            if byte < 64 && (ends >> UInt64(byte)) & 1 != 0 { break }
            cursor += 1
        }
        guard cursor > begin else { throw error(.malformedXML("a name was expected here"), at: begin) }
        let first = buffer[begin]
        if first == 0x2D || first == 0x2E || (0x30...0x39).contains(first) {
            throw error(.malformedXML("a name cannot start with '\(Character(Unicode.Scalar(first)))'"), at: begin)
        }
        let count = cursor - begin
        // The name table's key: the name's bytes packed once it is read (at most 16).
        let key = count <= 16 ? Self.packedKey(buffer, from: begin, count: count) : nil
        lastNameKey = key
        if let key, let known = names[key] { return known }
        let text = try decodeUTF8(from: begin, to: cursor)
        if let key { names.add(text, key: key) }
        return text
    }

    /// The value `buffer[from..<to]` of a plain tag (no entity, control, tab or line end in it,
    /// so the value is its bytes decoded): from `values` when the same bytes (at most 16) were
    /// decoded before, else decoded (with every check and error of `decodeUTF8`) and kept there.
    /// A hit costs a packing and a look-up where decoding cost ≈ 230 instructions and, over 15
    /// bytes (a TMX date), an allocation. Only bytes that decoded without error are ever kept.
    private mutating func plainValue(from: Int, to: Int, ascii: Bool) throws(FormatError) -> String {
        let count = to - from
        guard count > 0, count <= 16 else { return try decodeUTF8(from: from, to: to, ascii: ascii) }
        let key = Self.packedKey(buffer, from: from, count: count)
        if let known = values[key] { return known }
        let text = try decodeUTF8(from: from, to: to, ascii: ascii)
        values.add(text, key: key)
        return text
    }

    /// `buffer[from..<to]` as a `String`, validated as UTF-8 (an error at the first bad byte)
    /// and holding no U+FFFE/U+FFFF (`Noncharacters`: an error at the first, as for a control).
    /// `ascii`: the caller saw no byte over 0x7F, so there is nothing to validate, and the
    /// concrete `String(decoding:)` path is taken (`String(validating:)` is generic over the
    /// encoding and pays for metadata look-ups on every call). The noncharacter check is one
    /// `memchr` over non-ASCII runs only.
    private func decodeUTF8(from: Int, to: Int, ascii: Bool = false) throws(FormatError) -> String {
        let bytes = UnsafeBufferPointer(rebasing: buffer[from..<to])
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        // `String(decoding:)` (the concrete, fast validation) repairs what is not UTF-8 with
        // U+FFFD, so the text is valid exactly when it came out byte for byte as it went in: a
        // repair always changes a byte (EF BF BD, valid, never replaces itself) and mostly the
        // length. `String(validating:)`, generic over the encoding, cost about four times more.
        var text = String(decoding: bytes, as: UTF8.self)
        let unchanged = text.utf8.count == bytes.count && text.withUTF8 { decoded in
            guard let out = decoded.baseAddress, let source = bytes.baseAddress else { return decoded.isEmpty }
            return memcmp(out, source, bytes.count) == 0
        }
        if unchanged {
            if let (offset, value) = Noncharacters.first(in: bytes) { throw noncharacter(value, at: from + offset) }
            return text
        }
        let bad = from + (TextDecoding.firstInvalidUTF8Offset(Array(bytes)[...]) ?? 0)
        throw error(.invalidEncoding("byte 0x\(String(buffer[bad], radix: 16, uppercase: true)) is not valid UTF-8"), at: bad)
    }

    /// U+FFFE or U+FFFF at buffer index `index`: refused as a C0 control is (`Char`, XML 1.0 [2]).
    private func noncharacter(_ value: UInt32, at index: Int) -> FormatError {
        error(.invalidEncoding("the noncharacter \(Noncharacters.name(value)) is not allowed in XML: \(Noncharacters.why)"), at: index)
    }

    /// Character data or an attribute value (`buffer[from..<to]`): checks XML characters,
    /// normalises line ends (and, in attributes, white space to spaces), expands the predefined
    /// entities and character references. The check for anything to do is one branch-free pass.
    private func decode(from: Int, to: Int, attribute: Bool, run: ByteRun) throws(FormatError) -> String {
        let special = run.controls || run.ampersands || (attribute && (run.tabs || run.newlines > 0))
        if !special { return try decodeUTF8(from: from, to: to, ascii: run.ascii) }
        var out: [UInt8] = []
        out.reserveCapacity(to - from)
        var index = from
        while index < to {
            let byte = buffer[index]
            switch byte {
            case 0x26:
                var semicolon = -1
                for candidate in index..<min(index + 12, to) where buffer[candidate] == 0x3B {
                    semicolon = candidate
                    break
                }
                guard semicolon >= 0 else {
                    throw error(.malformedXML("'&' must start an entity reference such as &amp;"), at: index)
                }
                let reference = String(decoding: UnsafeBufferPointer(rebasing: buffer[(index + 1)..<semicolon]), as: UTF8.self)
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
                if index + 1 < to, buffer[index + 1] == 0x0A { index += 1 }
            case 0x0A, 0x09:
                out.append(attribute ? 0x20 : byte)
            case 0x00..<0x20:
                throw error(.invalidEncoding("the control character U+\(String(format: "%04X", byte)) is not allowed in XML"), at: index)
            case 0xEF where Noncharacters.starts(buffer, at: index, count: to):
                throw noncharacter(buffer[index + 2] == 0xBE ? 0xFFFE : 0xFFFF, at: index)
            default:
                out.append(byte)
            }
            index += 1
        }
        if let text = out.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) { return text }
        _ = try decodeUTF8(from: from, to: to)
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

/// What one pass over a run of bytes found: what line/column counting and decoding need.
struct ByteRun: Equatable {
    var newlines = 0
    /// UTF-8 continuation bytes (10xxxxxx): the run's characters are its bytes minus these.
    var continuations = 0
    /// A byte under 0x20 other than line feed and tab (CR included).
    var controls = false
    var tabs = false
    var ampersands = false
    var ascii = true

    init() {}

    /// Surveys `bytes` eight at a time (SWAR: each byte's verdict lands in its top bit, and
    /// counts are tallied per byte lane): about 3 operations a byte where the byte loop it
    /// replaces took about 5 cycles (it did not vectorise). `ScannerFastPathTests` compares
    /// it with that byte loop.
    init(_ bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress else { return }
        let count = bytes.count
        if Self.surveyPlain(start, count, into: &self) { return }
        let top: UInt64 = 0x8080_8080_8080_8080
        var controls: UInt64 = 0, tabs: UInt64 = 0, ampersands: UInt64 = 0, high: UInt64 = 0
        var offset = 0
        while offset < count {
            // Per-byte tallies (0 or 1 added to each byte lane a word), summed every 255 words
            // before a lane can overflow: no population count (generic x86-64 has no POPCNT).
            var lineFeedLanes: UInt64 = 0, continuationLanes: UInt64 = 0
            let blockEnd = min(count, offset + 8 * 255)
            while offset < blockEnd {
                let word = Self.word(start, at: offset, count: count)
                let lineFeeds = Self.zeros(word ^ 0x0A0A_0A0A_0A0A_0A0A)
                let tab = Self.zeros(word ^ 0x0909_0909_0909_0909)
                lineFeedLanes &+= lineFeeds >> 7
                continuationLanes &+= (word & ~(word << 1) & top) >> 7
                controls |= Self.zeros(word & 0xE0E0_E0E0_E0E0_E0E0) & ~lineFeeds & ~tab
                tabs |= tab
                ampersands |= Self.zeros(word ^ 0x2626_2626_2626_2626)
                high |= word
                offset += 8
            }
            newlines += Self.sumOfLanes(lineFeedLanes)
            continuations += Self.sumOfLanes(continuationLanes)
        }
        self.controls = controls != 0
        self.tabs = tabs != 0
        self.ampersands = ampersands != 0
        ascii = high & top == 0
    }

    /// The common run — a segment's text, a tag — holds no byte under 0x20 (no line end, tab or
    /// control) and no `&`: then only its UTF-8 continuation bytes and whether it is ASCII are
    /// left to find, in one pass of about half the operations of the full survey (measured: the
    /// survey was ≈ 70 instructions a word, the largest single cost of reading a TMX). Sets them
    /// and returns true; returns false, setting nothing, when the run holds such a byte (the full
    /// survey then runs from the start). `ScannerFastPathTests` compares both with a byte loop.
    @inline(__always)
    private static func surveyPlain(_ start: UnsafeRawPointer, _ count: Int, into run: inout ByteRun) -> Bool {
        let top: UInt64 = 0x8080_8080_8080_8080
        var special: UInt64 = 0, high: UInt64 = 0, continuations = 0
        var offset = 0
        while offset < count {
            var continuationLanes: UInt64 = 0
            let blockEnd = min(count, offset + 8 * 255)
            while offset < blockEnd {
                let word = Self.word(start, at: offset, count: count)
                special |= Self.zeros(word & 0xE0E0_E0E0_E0E0_E0E0) | Self.zeros(word ^ 0x2626_2626_2626_2626)
                continuationLanes &+= (word & ~(word << 1) & top) >> 7
                high |= word
                offset += 8
            }
            if special != 0 { return false }
            continuations += Self.sumOfLanes(continuationLanes)
        }
        run.continuations = continuations
        run.ascii = high & top == 0
        return true
    }

    /// Top bit of each byte set where that byte of `word` is zero (exact: no borrow between bytes).
    @inline(__always)
    static func zeros(_ word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low7) &+ low7) | word | low7)
    }

    /// The eight bytes at `offset` of `count` bytes from `start`; the last ones padded with
    /// spaces (which count as nothing here): no byte-by-byte tail loop, which cost more than
    /// the words on short runs. A run of eight bytes or more reads its last 1–7 bytes with one
    /// load of its last eight, shifted (no copy through memory); a shorter run copies them.
    @inline(__always)
    static func word(_ start: UnsafeRawPointer, at offset: Int, count: Int) -> UInt64 {
        if offset + 8 <= count { return start.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        if count >= 8 {
            // Byte i of the last eight at bits 8i (little-endian order whatever the machine's),
            // so the `rest` bytes not yet read are the high ones: moved down, spaces above.
            let rest = count - offset
            let last = UInt64(littleEndian: start.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            return (last >> UInt64(8 * (8 - rest))) | (0x2020_2020_2020_2020 << UInt64(8 * rest))
        }
        var padded: UInt64 = 0x2020_2020_2020_2020
        withUnsafeMutableBytes(of: &padded) { $0.copyMemory(from: UnsafeRawBufferPointer(start: start + offset, count: count - offset)) }
        return padded
    }

    /// The sum of the eight byte lanes of `lanes` (each at most 255).
    static func sumOfLanes(_ lanes: UInt64) -> Int {
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
    }
}

/// Element and attribute names already seen, by their bytes (up to 16, packed in two words), and
/// (a second table) short attribute values of plain tags: a memory file repeats a dozen names millions of times, and a hit costs a hash of two words
/// and one comparison where building the `String` costs a UTF-8 validation. Direct-mapped
/// (`slots` entries, a newer name replaces an older one in its slot), so memory stays bounded
/// and a miss only means the name is built as before.
struct XMLNameTable {
    struct Key: Equatable {
        var low: UInt64
        var high: UInt64
        var count: Int
    }

    static let slots = 256
    private var entries = [(key: Key, name: String)](repeating: (Key(low: 0, high: 0, count: -1), ""), count: slots)

    private static func slot(_ key: Key) -> Int {
        var hash = (key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(key.count)
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash) & (slots - 1)
    }

    subscript(key: Key) -> String? {
        let slot = Self.slot(key)
        return entries[slot].key == key ? entries[slot].name : nil
    }

    mutating func add(_ name: String, key: Key) {
        entries[Self.slot(key)] = (key, name)
    }
}

/// The scanner's bytes: one block it grows (doubling) and compacts itself, so the scanner reads
/// them through a plain pointer. Memory: the current token plus one input chunk, as before.
final class XMLScannerBytes {
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int = 128 * 1024) {
        self.capacity = capacity
        start = .allocate(capacity: capacity)
    }

    deinit { start.deallocate() }

    /// Valid until the next `append`, `removeFirst` or `replace`.
    var view: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    func append(_ chunk: [UInt8]) {
        reserve(count + chunk.count)
        chunk.withUnsafeBufferPointer { source in
            guard let from = source.baseAddress else { return }
            (start + count).initialize(from: from, count: source.count)
        }
        count += chunk.count
    }

    func removeFirst(_ dropped: Int) {
        memmove(start, start + dropped, count - dropped)
        count -= dropped
    }

    /// Replaces everything from `offset` on with `bytes`.
    func replace(from offset: Int, with bytes: [UInt8]) {
        count = offset
        append(bytes)
    }

    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let grown = max(needed, capacity * 2)
        let block = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        block.initialize(from: start, count: count)
        start.deallocate()
        start = block
        capacity = grown
    }
}
