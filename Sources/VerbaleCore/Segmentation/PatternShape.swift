/// A coarse reading of an ICU regular expression: which code units a match can start with and
/// end with, and whether it can match the empty string.
///
/// It exists so the segmenter can skip text cheaply (see `TriggerSet`). It is conservative: a
/// construct it does not understand (case-insensitive or comment flags, back-references, `\Q`,
/// nested classes, set operations…) counts as "any unit", which only costs speed, never a
/// missed match. Cost: O(pattern length), plus 128 ICU probes per distinct `\p{…}`.
indirect enum PatternShape {
    /// One character from a set.
    case atom(TriggerSet)
    /// Consumes nothing: anchors, `\b`, look-around, flag groups.
    case zeroWidth
    case sequence([PatternShape])
    case alternation([PatternShape])
    case repeated(PatternShape, min: Int)
    /// Not analysed: may match anything, including nothing.
    case unknown

    /// The units a match can begin with, and whether it can be empty.
    var first: (set: TriggerSet, canBeEmpty: Bool) { edge(reversed: false) }
    /// The units a match can end with (its last UTF-16 unit), and whether it can be empty.
    var last: (set: TriggerSet, canBeEmpty: Bool) { edge(reversed: true) }

    private func edge(reversed: Bool) -> (set: TriggerSet, canBeEmpty: Bool) {
        switch self {
        case let .atom(set): return (set, false)
        case .zeroWidth: return (.empty, true)
        case .unknown: return (.all, true)
        case let .repeated(inner, min):
            let e = inner.edge(reversed: reversed)
            return (e.set, min == 0 || e.canBeEmpty)
        case let .alternation(branches):
            var set = TriggerSet.empty
            var empty = false
            for branch in branches {
                let e = branch.edge(reversed: reversed)
                set.formUnion(e.set)
                empty = empty || e.canBeEmpty
            }
            return (set, empty)
        case let .sequence(items):
            var set = TriggerSet.empty
            for item in reversed ? items.reversed() : items {
                let e = item.edge(reversed: reversed)
                set.formUnion(e.set)
                if !e.canBeEmpty { return (set, false) }
            }
            return (set, true)
        }
    }

    /// Reads `pattern`; anything unexpected gives `.unknown` for the whole pattern.
    static func of(_ pattern: String) -> PatternShape {
        var parser = PatternShapeParser(Array(pattern.unicodeScalars))
        guard let shape = parser.alternation(), parser.atEnd, !parser.unreliable else { return .unknown }
        return shape
    }
}

/// A small recursive-descent reader of ICU regex syntax, enough for `PatternShape`.
private struct PatternShapeParser {
    let s: [Unicode.Scalar]
    var i = 0
    var unreliable = false
    /// The single character the last escape stood for, if any (for class ranges).
    var escapedLiteral: Unicode.Scalar?
    var propertyCache: [String: TriggerSet] = [:]

    init(_ scalars: [Unicode.Scalar]) { s = scalars }

    var atEnd: Bool { i >= s.count }
    func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

    mutating func alternation() -> PatternShape? {
        var branches: [PatternShape] = []
        while true {
            guard let branch = sequence() else { return nil }
            branches.append(branch)
            if peek() == "|" { i += 1 } else { break }
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func sequence() -> PatternShape? {
        var items: [PatternShape] = []
        while let c = peek(), c != "|", c != ")" {
            guard var item = element() else { return nil }
            if let min = quantifier() { item = .repeated(item, min: min) }
            items.append(item)
        }
        return .sequence(items)
    }

    /// Reads a quantifier if one follows; returns its minimum.
    mutating func quantifier() -> Int? {
        guard let c = peek() else { return nil }
        var min: Int
        switch c {
        case "?", "*": min = 0; i += 1
        case "+": min = 1; i += 1
        case "{":
            var j = i + 1, digits = ""
            while j < s.count, s[j].properties.numericType == .decimal, s[j].isASCII { digits.unicodeScalars.append(s[j]); j += 1 }
            guard let n = Int(digits) else { return nil }
            while j < s.count, s[j] != "}" { j += 1 }
            guard j < s.count else { unreliable = true; return nil }
            min = n
            i = j + 1
        default: return nil
        }
        if let next = peek(), next == "?" || next == "+" { i += 1 }
        return min
    }

    mutating func element() -> PatternShape? {
        guard let c = peek() else { return nil }
        i += 1
        switch c {
        case "(": return group()
        case "[": return classAtom()
        case "\\": return escape(inClass: false).map { $0 }
        case ".": return .atom(.all)
        case "^", "$": return .zeroWidth
        default:
            var set = TriggerSet.empty
            set.insert(scalar: c)
            return .atom(set)
        }
    }

    mutating func group() -> PatternShape? {
        var zeroWidth = false
        if peek() == "?" {
            i += 1
            switch peek() {
            case ":": i += 1
            case "=", "!": i += 1; zeroWidth = true
            case ">": i += 1
            case "#":
                while let c = peek(), c != ")" { i += 1 }
                i += 1
                return .zeroWidth
            case "<":
                if peek(1) == "=" || peek(1) == "!" { i += 2; zeroWidth = true } else {
                    while let c = peek(), c != ">" { i += 1 }
                    i += 1
                }
            default:
                // Flags: (?ims-x) or (?ims-x: … )
                var flags = ""
                while let c = peek(), c != ")", c != ":" { flags.unicodeScalars.append(c); i += 1 }
                let enabled = flags.split(separator: "-", maxSplits: 1).first.map(String.init) ?? ""
                if enabled.contains("i") || enabled.contains("x") { unreliable = true }
                if peek() == ")" { i += 1; return .zeroWidth }
                i += 1
            }
        }
        guard let inner = alternation(), peek() == ")" else { unreliable = true; return nil }
        i += 1
        return zeroWidth ? .zeroWidth : inner
    }

    /// An escape after `\`. Returns an atom, a zero-width item, or unknown.
    mutating func escape(inClass: Bool) -> PatternShape? {
        escapedLiteral = nil
        guard let c = peek() else { unreliable = true; return nil }
        i += 1
        var set = TriggerSet.empty
        switch c {
        case "d":
            for u: UInt16 in 48...57 { set.insert(u) }
            set.insertAllNonASCII()
        case "s":
            for u: UInt16 in [9, 10, 11, 12, 13, 32] { set.insert(u) }
            set.insertAllNonASCII()
        case "w":
            for u: UInt16 in 0..<128 where Self.isWord(u) { set.insert(u) }
            set.insertAllNonASCII()
        case "p":
            return .atom(property())
        case "b", "B", "A", "z", "Z", "G":
            return inClass ? .atom(.all) : .zeroWidth
        case "u":
            guard let scalar = hex(count: 4) else { return .atom(.all) }
            set.insert(scalar: scalar)
            escapedLiteral = scalar
        case "x":
            let scalar: Unicode.Scalar?
            if peek() == "{" {
                i += 1
                var digits = ""
                while let d = peek(), d != "}" { digits.unicodeScalars.append(d); i += 1 }
                i += 1
                scalar = UInt32(digits, radix: 16).flatMap(Unicode.Scalar.init)
            } else {
                scalar = hex(count: 2)
            }
            guard let scalar else { return .atom(.all) }
            set.insert(scalar: scalar)
            escapedLiteral = scalar
        case "t": set.insert(9); escapedLiteral = "\t"
        case "n": set.insert(10); escapedLiteral = "\n"
        case "r": set.insert(13); escapedLiteral = "\r"
        case "f": set.insert(12)
        case "a": set.insert(7)
        case "e": set.insert(27)
        case "Q":
            while i < s.count, !(s[i] == "\\" && peek(1) == "E") { i += 1 }
            i += 2
            return .unknown
        default:
            if c.properties.isAlphabetic || c.properties.numericType != nil { return inClass ? .atom(.all) : .unknown }
            set.insert(scalar: c)
            escapedLiteral = c
        }
        return .atom(set)
    }

    mutating func hex(count: Int) -> Unicode.Scalar? {
        guard i + count <= s.count else { return nil }
        let digits = String(String.UnicodeScalarView(s[i..<i + count]))
        i += count
        return UInt32(digits, radix: 16).flatMap(Unicode.Scalar.init)
    }

    /// `\p{…}` or `\pL`: its ASCII members (asked of ICU) plus every non-ASCII unit.
    mutating func property() -> TriggerSet {
        var name = ""
        if peek() == "{" {
            i += 1
            while let c = peek(), c != "}" { name.unicodeScalars.append(c); i += 1 }
            i += 1
        } else if let c = peek() {
            name.unicodeScalars.append(c)
            i += 1
        }
        if let cached = propertyCache[name] { return cached }
        var set = TriggerSet.empty
        set.insertAllNonASCII()
        if let regex = try? ICURegex("\\p{\(name)}") {
            for u: UInt16 in 0..<128 {
                regex.setText(utf16: [u])
                if regex.match(at: 0) != nil { set.insert(u) }
            }
        } else {
            set = .all
        }
        propertyCache[name] = set
        return set
    }

    mutating func classAtom() -> PatternShape? {
        var set = TriggerSet.empty
        if peek() == "^" { set = .all; i += 1 }
        var first = true
        var previous: Unicode.Scalar?
        while let c = peek(), c != "]" || first {
            first = false
            i += 1
            switch c {
            case "[":
                // A nested set or POSIX class: skip it, count as anything.
                var depth = 1
                while depth > 0, let d = peek() {
                    i += 1
                    if d == "\\" { i += 1 } else if d == "[" { depth += 1 } else if d == "]" { depth -= 1 }
                }
                set = .all
                previous = nil
            case "\\":
                guard let item = escape(inClass: true) else { return nil }
                if case let .atom(member) = item { set.formUnion(member) }
                previous = escapedLiteral
            case "-" where previous != nil && peek() != "]":
                guard var upper = peek() else { return nil }
                i += 1
                if upper == "\\" {
                    guard escape(inClass: true) != nil, let literal = escapedLiteral else { set = .all; continue }
                    upper = literal
                }
                if let lower = previous, lower.value <= upper.value {
                    if upper.value - lower.value > 512 {
                        for v in lower.value...min(upper.value, 127) { set.insert(UInt16(v)) }
                        set.insertAllNonASCII()
                    } else {
                        for v in lower.value...upper.value { if let scalar = Unicode.Scalar(v) { set.insert(scalar: scalar) } }
                    }
                }
                previous = nil
            case "&" where peek() == "&":
                set = .all
            default:
                set.insert(scalar: c)
                previous = c
            }
        }
        guard peek() == "]" else { unreliable = true; return nil }
        i += 1
        return .atom(set)
    }

    static func isWord(_ u: UInt16) -> Bool {
        (48...57).contains(u) || (65...90).contains(u) || (97...122).contains(u) || u == 95
    }
}
