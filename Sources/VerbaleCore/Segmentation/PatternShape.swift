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
    case repeated(PatternShape, min: Int, max: Int?)
    /// `\A`: matches only at the start of the text (nothing can precede it).
    case textStart
    /// Not analysed: may match anything, including nothing.
    case unknown

    /// The units a match can begin with, and whether it can be empty.
    var first: (set: TriggerSet, canBeEmpty: Bool) { edge(reversed: false) }
    /// The units a match can end with (its last UTF-16 unit), and whether it can be empty.
    var last: (set: TriggerSet, canBeEmpty: Bool) { edge(reversed: true) }

    /// The sets of the first `count` units every match consumes (fewer when the pattern's
    /// start varies): position 0 is the first unit.
    func head(_ count: Int) -> [TriggerSet] { units(count, reversed: false).sets }
    /// The sets of the last `count` units every match consumes: position 0 is the last unit.
    func tail(_ count: Int) -> [TriggerSet] { units(count, reversed: true).sets }

    /// The sets of the last `count` units, exact when the pattern matches a small finite set of
    /// unit sequences (an abbreviation list, `(?:\p{L}\.){1,6}`): position j is the union, over
    /// every sequence, of its unit j from the end — or, past a sequence anchored at the text
    /// start, "before the start". Nil when the pattern is not that small.
    func exactTail(_ count: Int, limit: Int = 400) -> [TriggerSet]? {
        guard let all = expansions(limit: limit), !all.isEmpty else { return nil }
        var result: [TriggerSet] = []
        for j in 0..<count {
            var set = TriggerSet.empty
            for expansion in all {
                if j < expansion.units.count {
                    set.formUnion(expansion.units[expansion.units.count - 1 - j])
                } else if expansion.anchored {
                    set.formUnion(.textStartOnly)
                } else {
                    return result
                }
            }
            result.append(set)
        }
        return result
    }

    /// The unit sets, in order, when the pattern is nothing but a fixed sequence of characters
    /// (no alternation, optional part, anchor or look-around): then the unit tests are the whole
    /// pattern and no regex engine is needed.
    var plainSequence: [TriggerSet]? {
        switch self {
        case let .atom(set): return [set]
        case let .sequence(items):
            var result: [TriggerSet] = []
            for item in items {
                guard let more = item.plainSequence else { return nil }
                result += more
            }
            return result
        case let .repeated(inner, min, max) where max == min:
            guard let one = inner.plainSequence else { return nil }
            return Array([[TriggerSet]](repeating: one, count: min).joined())
        case let .alternation(branches) where branches.count == 1:
            return branches[0].plainSequence
        default:
            return nil
        }
    }

    /// Every sequence of unit sets the pattern can match (and whether it starts at `\A`), when
    /// there are at most `limit`.
    func expansions(limit: Int) -> [(units: [TriggerSet], anchored: Bool)]? {
        switch self {
        case let .atom(set): return [([set], false)]
        case .zeroWidth: return [([], false)]
        case .textStart: return [([], true)]
        case .unknown: return nil
        case let .alternation(branches):
            var result: [(units: [TriggerSet], anchored: Bool)] = []
            for branch in branches {
                guard let more = branch.expansions(limit: limit) else { return nil }
                result += more
                if result.count > limit { return nil }
            }
            return result
        case let .sequence(items):
            var result: [(units: [TriggerSet], anchored: Bool)] = [([], false)]
            for item in items {
                guard let next = item.expansions(limit: limit), result.count * next.count <= limit else { return nil }
                result = result.flatMap { left in next.map { right in (left.units + right.units, left.anchored || (left.units.isEmpty && right.anchored)) } }
            }
            return result
        case let .repeated(inner, min, max):
            guard let max, max - min <= 8 else { return nil }
            var result: [(units: [TriggerSet], anchored: Bool)] = []
            for times in min...max {
                guard let one = PatternShape.sequence(Array(repeating: inner, count: times)).expansions(limit: limit) else { return nil }
                result += one
                if result.count > limit { return nil }
            }
            return result
        }
    }

    /// The first `k` units of every match (all of a shorter match), as unit sets, when there are
    /// at most `limit` such prefixes. A superset, like the rest of the shape: look-arounds and
    /// anchors consume nothing, and a repetition is expanded at most `k` times (more adds no
    /// unit a k-unit prefix can see, or only empty repetitions).
    func prefixes(_ k: Int, limit: Int) -> [[TriggerSet]]? {
        guard let all = prefixExpansions(k, limit: limit) else { return nil }
        return all.map(\.units)
    }

    /// Prefixes of at most `k` units; `complete` when the match ended within them (so what
    /// follows in a sequence continues it).
    private func prefixExpansions(_ k: Int, limit: Int) -> [(units: [TriggerSet], complete: Bool)]? {
        switch self {
        case let .atom(set): return k > 0 ? [([set], true)] : [([], false)]
        case .zeroWidth, .textStart: return [([], true)]
        case .unknown: return nil
        case let .alternation(branches):
            var result: [(units: [TriggerSet], complete: Bool)] = []
            for branch in branches {
                guard let more = branch.prefixExpansions(k, limit: limit) else { return nil }
                result += more
                if result.count > limit { return nil }
            }
            return result
        case let .sequence(items):
            var result: [(units: [TriggerSet], complete: Bool)] = [([], true)]
            for item in items {
                var next: [(units: [TriggerSet], complete: Bool)] = []
                for partial in result {
                    guard partial.complete else { next.append(partial); continue }
                    guard partial.units.count < k else { next.append((partial.units, false)); continue }
                    guard let more = item.prefixExpansions(k - partial.units.count, limit: limit) else { return nil }
                    for tail in more { next.append((partial.units + tail.units, tail.complete)) }
                    if next.count > limit { return nil }
                }
                result = next
            }
            return result
        case let .repeated(inner, min, max):
            let low = Swift.min(min, k), high = Swift.min(max ?? k, k)
            guard low <= high else { return [([], true)] }
            var result: [(units: [TriggerSet], complete: Bool)] = []
            for times in low...high {
                guard let one = PatternShape.sequence(Array(repeating: inner, count: times)).prefixExpansions(k, limit: limit) else { return nil }
                result += one
                if result.count > limit { return nil }
            }
            return result
        }
    }

    /// Certain units from one edge, and the pattern's length when it is fixed and fully read.
    private func units(_ k: Int, reversed: Bool) -> (sets: [TriggerSet], length: Int?) {
        guard k > 0 else { return ([], nil) }
        switch self {
        case let .atom(set): return ([set], 1)
        case .zeroWidth: return ([], 0)
        case .textStart: return reversed ? (Array(repeating: .textStartOnly, count: k), nil) : ([], 0)
        case .unknown: return ([], nil)
        case let .repeated(inner, min, max):
            guard min > 0 else { return ([], max == 0 ? 0 : nil) }
            let (sets, length) = inner.units(k, reversed: reversed)
            guard let length, length > 0, sets.count == length else { return (sets, nil) }
            var result: [TriggerSet] = []
            for _ in 0..<min where result.count < k { result += sets }
            let fixed = max == min && result.count == min * length
            return (Array(result.prefix(k)), fixed ? min * length : nil)
        case let .alternation(branches):
            let all = branches.map { $0.units(k, reversed: reversed) }
            let count = all.map(\.sets.count).min() ?? 0
            var result: [TriggerSet] = []
            for i in 0..<count {
                var set = TriggerSet.empty
                for branch in all { set.formUnion(branch.sets[i]) }
                result.append(set)
            }
            let lengths = Set(all.map(\.length))
            if lengths.count == 1, let length = all.first?.length, count == length { return (result, length) }
            return (result, nil)
        case let .sequence(items):
            var result: [TriggerSet] = []
            var total = 0
            let ordered = reversed ? Array(items.reversed()) : items
            for (index, item) in ordered.enumerated() {
                let (sets, length) = item.units(k - result.count, reversed: reversed)
                let start = result.count
                result += sets
                if result.count >= k { return (Array(result.prefix(k)), nil) }
                if let length, sets.count == length { total += length; continue }
                // A variable item: the next unit is either more of it or the edge of what
                // precedes (follows) it in the sequence.
                let restItems = reversed ? Array(items[0..<(items.count - 1 - index)]) : Array(items[(index + 1)...])
                let rest = PatternShape.sequence(restItems).edge(reversed: reversed)
                if !rest.canBeEmpty, var extra = item.further(after: result.count - start, reversed: reversed) {
                    extra.formUnion(rest.set)
                    if !extra.isAll { result.append(extra) }
                }
                return (result, nil)
            }
            return (result, total)
        }
    }

    /// The units this item may have at its `position`-th unit from the edge, when it may also
    /// end before it (nil when unknown).
    private func further(after position: Int, reversed: Bool) -> TriggerSet? {
        switch self {
        case let .repeated(inner, min, _):
            let (sets, length) = inner.units(position + 1, reversed: reversed)
            guard let length, length > 0 else { return nil }
            if position < min * length {
                // Still inside the guaranteed repetitions (only if `inner` itself varies).
                return nil
            }
            let offset = (position - min * length) % length
            return offset < sets.count ? sets[offset] : nil
        case let .alternation(branches):
            var set = TriggerSet.empty
            for branch in branches {
                let (sets, length) = branch.units(position + 1, reversed: reversed)
                if let length, length <= position { continue }
                guard position < sets.count else { return nil }
                set.formUnion(sets[position])
            }
            return set
        default:
            return nil
        }
    }

    private func edge(reversed: Bool) -> (set: TriggerSet, canBeEmpty: Bool) {
        switch self {
        case let .atom(set): return (set, false)
        case .zeroWidth: return (.empty, true)
        case .textStart: return reversed ? (.textStartOnly, false) : (.empty, true)
        case .unknown: return (.all, true)
        case let .repeated(inner, min, _):
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
            if let (min, max) = quantifier() { item = .repeated(item, min: min, max: max) }
            items.append(item)
        }
        return .sequence(items)
    }

    /// Reads a quantifier if one follows; returns its minimum and maximum (nil: unbounded).
    mutating func quantifier() -> (Int, Int?)? {
        guard let c = peek() else { return nil }
        var bounds: (Int, Int?)
        switch c {
        case "?": bounds = (0, 1); i += 1
        case "*": bounds = (0, nil); i += 1
        case "+": bounds = (1, nil); i += 1
        case "{":
            var j = i + 1, digits = ""
            while j < s.count, s[j].properties.numericType == .decimal, s[j].isASCII { digits.unicodeScalars.append(s[j]); j += 1 }
            guard let n = Int(digits) else { return nil }
            var upper: Int? = n
            if j < s.count, s[j] == "," {
                j += 1
                var more = ""
                while j < s.count, s[j].properties.numericType == .decimal, s[j].isASCII { more.unicodeScalars.append(s[j]); j += 1 }
                upper = Int(more)
            }
            guard j < s.count, s[j] == "}" else { unreliable = true; return nil }
            bounds = (n, upper)
            i = j + 1
        default: return nil
        }
        if let next = peek(), next == "?" || next == "+" { i += 1 }
        return bounds
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
        case "A":
            return inClass ? .atom(.all) : .textStart
        case "b", "B", "z", "Z", "G":
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
        // Whether `set` is exactly the class's ASCII members (so a negated class can be complemented).
        var exact = true
        let negated = peek() == "^"
        if negated { i += 1 }
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
                exact = false
                previous = nil
            case "\\":
                guard let item = escape(inClass: true) else { return nil }
                if case let .atom(member) = item {
                    set.formUnion(member)
                    if member.isAll { exact = false }
                }
                previous = escapedLiteral
            case "-" where previous != nil && peek() != "]":
                guard var upper = peek() else { return nil }
                i += 1
                if upper == "\\" {
                    guard escape(inClass: true) != nil, let literal = escapedLiteral else { set = .all; exact = false; continue }
                    upper = literal
                }
                if let lower = previous, lower.value <= upper.value {
                    if upper.value - lower.value > 512 {
                        // A wide range: its ASCII part exactly, all of non-ASCII (a range
                        // wholly above ASCII, "\uE000-\uFFFF", has no ASCII part).
                        if lower.value <= 127 { for v in lower.value...min(upper.value, 127) { set.insert(UInt16(v)) } }
                        set.insertAllNonASCII()
                    } else {
                        for v in lower.value...upper.value { if let scalar = Unicode.Scalar(v) { set.insert(scalar: scalar) } }
                    }
                }
                previous = nil
            case "&" where peek() == "&":
                set = .all
                exact = false
            default:
                set.insert(scalar: c)
                previous = c
            }
        }
        guard peek() == "]" else { unreliable = true; return nil }
        i += 1
        guard negated else { return .atom(set) }
        guard exact else { return .atom(.all) }
        var complement = TriggerSet.empty
        for unit: UInt16 in 0..<128 where !set.contains(unit) { complement.insert(unit) }
        complement.insertAllNonASCII()
        return .atom(complement)
    }

    static func isWord(_ u: UInt16) -> Bool {
        (48...57).contains(u) || (65...90).contains(u) || (97...122).contains(u) || u == 95
    }
}
