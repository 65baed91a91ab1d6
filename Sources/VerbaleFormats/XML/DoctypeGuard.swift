import Foundation

/// Refuses documents whose DOCTYPE declares entities, before the XML parser sees them.
///
/// FoundationXML on Linux neither reports entity declarations to its delegate nor lets us turn
/// entity substitution off, so the check is ours: the prolog (everything before the root
/// element) is read ahead and searched for `<!ENTITY`. Internal entities are refused so nothing
/// is expanded ("billion laughs"), external ones so nothing is read from disk or the network.
/// Cost: one look-ahead over the prolog, usually under 200 bytes; a prolog over 1 MB is refused.
enum DoctypeGuard {
    static let prologLimit = 1 << 20

    static func check(_ source: ByteSource) throws(FormatError) {
        var size = 4096
        while true {
            let bytes = try source.peek(size)
            let text = decode(bytes)
            switch scan(text) {
            case .clean: return
            case let .entity(name, external, line, column):
                throw FormatError(file: source.name, line: line, column: column, reason: .entityDeclaration(name: name, external: external))
            case .needMore:
                if bytes.count < size { return }  // the file ended inside the prolog: the parser will say so
                if size >= prologLimit {
                    throw FormatError(file: source.name, reason: .malformedXML("the prolog (DOCTYPE) is over 1 MB; refused"))
                }
                size *= 4
            }
        }
    }

    private enum Outcome {
        case clean
        case entity(name: String, external: Bool, line: Int, column: Int)
        case needMore
    }

    /// Walks the prolog: declaration, comments, processing instructions, DOCTYPE.
    private static func scan(_ text: String) -> Outcome {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var line = 1
        var lineStart = 0
        func advance(to end: Int) {
            while i < end && i < scalars.count {
                if scalars[i] == "\n" { line += 1; lineStart = i + 1 }
                i += 1
            }
        }
        func starts(_ literal: String, at index: Int) -> Bool {
            var k = index
            for scalar in literal.unicodeScalars {
                guard k < scalars.count, scalars[k] == scalar else { return false }
                k += 1
            }
            return true
        }
        func find(_ literal: String, from index: Int) -> Int? {
            var k = index
            while k < scalars.count {
                if starts(literal, at: k) { return k }
                k += 1
            }
            return nil
        }
        if i < scalars.count, scalars[i] == "\u{FEFF}" { i += 1 }
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar.properties.isWhitespace { advance(to: i + 1); continue }
            guard scalar == "<" else { return .clean }
            if starts("<?", at: i) {
                guard let end = find("?>", from: i) else { return .needMore }
                advance(to: end + 2)
            } else if starts("<!--", at: i) {
                guard let end = find("-->", from: i) else { return .needMore }
                advance(to: end + 3)
            } else if starts("<!DOCTYPE", at: i) {
                // Find the end of the DOCTYPE, minding the internal subset in brackets.
                var k = i
                var inSubset = false
                var quote: Unicode.Scalar?
                while k < scalars.count {
                    let c = scalars[k]
                    if let q = quote {
                        if c == q { quote = nil }
                    } else if c == "\"" || c == "'" {
                        quote = c
                    } else if c == "[" {
                        inSubset = true
                    } else if c == "]" {
                        inSubset = false
                    } else if inSubset, starts("<!--", at: k) {
                        guard let end = find("-->", from: k) else { return .needMore }
                        k = end + 2
                    } else if inSubset, starts("<!ENTITY", at: k) {
                        advance(to: k)
                        let column = i - lineStart + 1
                        var n = k + 8
                        while n < scalars.count, scalars[n].properties.isWhitespace || scalars[n] == "%" { n += 1 }
                        var name = ""
                        while n < scalars.count, !scalars[n].properties.isWhitespace { name.unicodeScalars.append(scalars[n]); n += 1 }
                        guard let close = find(">", from: n) else { return .needMore }
                        let body = String(String.UnicodeScalarView(scalars[n..<close]))
                        let external = body.contains("SYSTEM") || body.contains("PUBLIC")
                        return .entity(name: name, external: external, line: line, column: column)
                    } else if c == ">", !inSubset {
                        break
                    }
                    k += 1
                }
                guard k < scalars.count else { return .needMore }
                advance(to: k + 1)
            } else {
                return .clean
            }
        }
        return .needMore
    }

    private static func decode(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || (bytes.count > 1 && bytes[0] == 0x3C && bytes[1] == 0) {
            return utf16(bytes, bigEndian: false)
        }
        if bytes.starts(with: [0xFE, 0xFF]) || (bytes.count > 1 && bytes[0] == 0 && bytes[1] == 0x3C) {
            return utf16(bytes, bigEndian: true)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func utf16(_ bytes: [UInt8], bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            units.append(bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
