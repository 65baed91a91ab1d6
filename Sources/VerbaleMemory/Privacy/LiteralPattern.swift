import Foundation
import VerbaleCore

/// A personal-data value compiled for finding its repeats elsewhere in a unit: the value
/// compared case-insensitively with full case folding (`Strauß` finds `STRAUSS`, `Griﬃth`
/// finds `GRIFFITH`) and in either normalisation form (`Renée` typed composed finds `RENÉE`
/// typed decomposed, as macOS and PDFs give it), any run of white space, NBSP and U+200B
/// matching any other run, Latin and Khmer digits matching each other, and not inside a longer
/// word or number (`Edge`).
///
/// Why not a regular expression: the import built one per value found, for every unit that
/// holds personal data, and compiling a case-insensitive ICU pattern with property classes
/// (`[[\p{L}\p{M}\p{Nd}]--[\u1780-\u17FF]]`) built whole Unicode sets each time: that was
/// three quarters of the import's privacy cost. This matcher needs no compilation and matches
/// what that expression matched — ICU compares a literal string case-insensitively by full
/// case folding, a match starting and ending on whole scalars of the text, and `\s` is
/// White_Space — which `LiteralPatternTests` checks against the expression itself on traps
/// (ß/SS, ligatures, İ, VT, NEL), random Latin/Khmer texts and every value found in the notes
/// and Europarl. Beyond it, both sides are read decomposed (each scalar's canonical
/// decomposition, then its folding), so composed and decomposed spellings meet — the expression
/// missed those, and a decomposed repeat of a name stayed in a shared memory (review G10) — and
/// with their combining marks in canonical order (`orderMarks`), so a Vietnamese `Lệ` typed
/// e + ◌̂ + ◌̣ meets one typed e + ◌̣ + ◌̂: both sides are compared decomposed, folded, then with
/// marks ordered — NFD and full case folding, except that a mark whose folding is a letter
/// (U+0345 → ι) is ordered after folding, where NFD orders it before (no EN/FR/KM name has one).
/// Cost: building is
/// O(value); a text is folded once (`Folded`) for
/// all the unit's values, then each scan is O(text × value) in the worst case, O(text) in
/// practice (a mismatch shows at the first scalar or two).
struct LiteralPattern {
    /// One position of the value, after folding.
    enum Element: Equatable {
        /// A run of one or more white-space scalars, NBSP or U+200B (`[\s\u00A0\u200B]+`).
        case gap
        /// An ASCII or Khmer digit of this value.
        case digit(Int)
        /// A scalar of the value's full case folding.
        case scalar(Unicode.Scalar)
    }

    /// What may not stand right before the value's first or right after its last scalar.
    enum Edge: Equatable {
        /// Khmer letters, signs and digits (`[\u1780-\u17D3\u17DD\u17E0-\u17E9]`): the rest of a Khmer word.
        case khmer
        /// Any decimal digit (`\p{Nd}`): the rest of a number.
        case digit
        /// Letters, marks and digits outside the Khmer block: the rest of a Latin (or other)
        /// word. A Khmer letter may touch a Latin name, since Khmer writes no spaces.
        case word

        /// The edge a value starting or ending with `scalar` needs; nil for signs (`+855…`).
        init?(_ scalar: Unicode.Scalar) {
            if (0x1780...0x17FF).contains(scalar.value) {
                self = .khmer
            } else if scalar.properties.numericType == .decimal {
                self = .digit
            } else if scalar.properties.isAlphabetic {
                self = .word
            } else {
                return nil
            }
        }

        /// Whether `neighbour` continues the word or number, so a match must not stop here.
        func blocks(_ neighbour: Unicode.Scalar) -> Bool {
            let value = neighbour.value
            if value < 0x80 {
                // ASCII, the usual neighbour: no property lookup.
                let isDigit = (0x30...0x39).contains(value)
                switch self {
                case .khmer: return false
                case .digit: return isDigit
                case .word: return isDigit || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                }
            }
            switch self {
            case .khmer:
                return (0x1780...0x17D3).contains(value) || value == 0x17DD || (0x17E0...0x17E9).contains(value)
            case .digit:
                return neighbour.properties.generalCategory == .decimalNumber
            case .word:
                if (0x1780...0x17FF).contains(value) { return false }
                switch neighbour.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
                    return true
                default:
                    return false
                }
            }
        }
    }

    /// A text as the matcher reads it: its scalars, their UTF-16 offsets, and its full case
    /// folding with, for each folded scalar, the text scalar it came from. Built once per text.
    struct Folded {
        let scalars: [Unicode.Scalar]
        /// UTF-16 offset of each scalar, and of the end.
        let offsets: [Int]
        let folded: [Unicode.Scalar]
        /// `owner[i]`: the index in `scalars` of the scalar `folded[i]` comes from — for a run of
        /// marks put in canonical order, the run's last text scalar (see `init`).
        let owner: [Int]

        init(_ text: String) {
            var text = text
            let fast: Folded? = text.withUTF8 { bytes in
                bytes.allSatisfy({ $0 < 0x80 }) ? Folded(ascii: bytes) : Folded(utf8: bytes)
            }
            self = fast ?? Folded(scalarByScalar: text)
        }

        /// An ASCII text (every byte below 0x80) folded: each byte one scalar of one UTF-16 unit,
        /// folded to itself or its lower case, owning itself; no marks to order. Exactly what
        /// `init(scalarByScalar:)` builds for it (`LiteralPatternTests` compares the two), in four
        /// allocations instead of an append per scalar to each of four growing arrays, each
        /// written in place (`map` and `Array(0...count)` cost about 28 instructions a byte,
        /// 18 million on the 20,000-unit slice, callgrind 1 Dec).
        /// Why: folding a unit's texts for its known values was 1.7 % of a 20,000-unit import's
        /// instructions (callgrind, 30 Nov), and most unit texts (English) are ASCII.
        init(ascii bytes: UnsafeBufferPointer<UInt8>) {
            let count = bytes.count
            scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, written in
                for k in 0..<count { buffer.initializeElement(at: k, to: Unicode.Scalar(bytes[k])) }
                written = count
            }
            offsets = [Int](unsafeUninitializedCapacity: count + 1) { buffer, written in
                for k in 0...count { buffer.initializeElement(at: k, to: k) }
                written = count + 1
            }
            folded = [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, written in
                for k in 0..<count {
                    let byte = bytes[k]
                    buffer.initializeElement(at: k, to: Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte))
                }
                written = count
            }
            owner = [Int](unsafeUninitializedCapacity: count) { buffer, written in
                for k in 0..<count { buffer.initializeElement(at: k, to: k) }
                written = count
            }
        }

        /// Any text folded from its UTF-8 (valid, as a Swift string's is), as
        /// `init(scalarByScalar:)` folds it: each scalar decoded from its bytes (its UTF-16 length
        /// is two exactly when it takes four bytes), ASCII folded in place, every other scalar by
        /// `appendFolding`; the marks put in canonical order (`orderMarks`) only when a folded
        /// scalar is U+0300 or above — below, every combining class is 0 and `orderMarks` changes
        /// nothing. Nil (the caller then takes the general path) if a scalar does not decode.
        ///
        /// Why: the general path walks `unicodeScalars`, appends to four growing arrays and runs
        /// `orderMarks`' closures at every folded scalar: about 22,000 instructions for a French
        /// sentence of 130 scalars, 31 million on the 20,000-unit slice (callgrind, 1 Dec), where
        /// units holding personal data fold every variant for their known values.
        /// `LiteralPatternTests` compares the two on Europarl FR, the notes, khPOS Khmer,
        /// decomposed text and random strings of accents, marks and astral scalars.
        init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
            let n = bytes.count
            var scalars: [Unicode.Scalar] = [], offsets: [Int] = [], folded: [Unicode.Scalar] = [], owner: [Int] = []
            scalars.reserveCapacity(n)
            offsets.reserveCapacity(n + 1)
            folded.reserveCapacity(n + 8)
            owner.reserveCapacity(n + 8)
            var marks = false
            var offset = 0
            var i = 0
            while i < n {
                let lead = bytes[i]
                let index = scalars.count
                offsets.append(offset)
                if lead < 0x80 {
                    let scalar = Unicode.Scalar(lead)
                    scalars.append(scalar)
                    folded.append(lead >= 0x41 && lead <= 0x5A ? Unicode.Scalar(lead + 0x20) : scalar)
                    owner.append(index)
                    offset += 1
                    i += 1
                    continue
                }
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                guard i + length <= n else { return nil }
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                guard let scalar = Unicode.Scalar(value) else { return nil }
                scalars.append(scalar)
                let before = folded.count
                LiteralPattern.appendFolding(of: scalar, to: &folded)
                for k in before..<folded.count {
                    owner.append(index)
                    if folded[k].value >= 0x300 { marks = true }
                }
                offset += length == 4 ? 2 : 1
                i += length
            }
            offsets.append(offset)
            if marks {
                LiteralPattern.orderMarks(count: folded.count, combiningClass: { LiteralPattern.combiningClass(folded[$0]) }) { run, order in
                    let reordered = order.map { folded[$0] }
                    folded.replaceSubrange(run, with: reordered)
                    let last = owner[run].max() ?? owner[run.lowerBound]
                    for index in run { owner[index] = last }
                }
            }
            self.scalars = scalars
            self.offsets = offsets
            self.folded = folded
            self.owner = owner
        }

        /// Any text folded, scalar by scalar (the general path; ASCII texts take `init(ascii:)`).
        init(scalarByScalar text: String) {
            var scalars: [Unicode.Scalar] = []
            var offsets: [Int] = []
            var folded: [Unicode.Scalar] = []
            var owner: [Int] = []
            scalars.reserveCapacity(text.utf8.count)
            folded.reserveCapacity(text.utf8.count)
            offsets.reserveCapacity(text.utf8.count + 1)
            owner.reserveCapacity(text.utf8.count)
            var offset = 0
            for scalar in text.unicodeScalars {
                let index = scalars.count
                scalars.append(scalar)
                offsets.append(offset)
                offset += scalar.utf16.count
                let before = folded.count
                LiteralPattern.appendFolding(of: scalar, to: &folded)
                for _ in before..<folded.count { owner.append(index) }
            }
            offsets.append(offset)
            LiteralPattern.orderMarks(count: folded.count, combiningClass: { LiteralPattern.combiningClass(folded[$0]) }) { run, order in
                let marks = order.map { folded[$0] }
                folded.replaceSubrange(run, with: marks)
                // A run put in another order is one unit for matching: a match neither begins
                // nor ends inside it, and one ending after it covers its last text scalar.
                let last = owner[run].max() ?? owner[run.lowerBound]
                for index in run { owner[index] = last }
            }
            self.scalars = scalars
            self.offsets = offsets
            self.folded = folded
            self.owner = owner
        }

        /// The text scalar starting at UTF-16 offset `offset`, or nil when none starts there.
        /// Cost: O(log n) (a binary search of `offsets`).
        func scalar(atUTF16 offset: Int) -> Unicode.Scalar? {
            var low = 0, high = scalars.count
            while low < high {
                let middle = (low + high) / 2
                if offsets[middle] < offset { low = middle + 1 } else { high = middle }
            }
            return low < scalars.count && offsets[low] == offset ? scalars[low] : nil
        }

        /// Whether folded position `index` begins a text scalar (or is the end).
        func isBoundary(_ index: Int) -> Bool {
            index == 0 || index == folded.count || owner[index] != owner[index - 1]
        }
    }

    let elements: [Element]
    let leading: Edge?
    let trailing: Edge?

    /// nil for values with fewer than two letters or digits (an initial: "Mr. J." would take
    /// every "j"), which are left to the patterns.
    init?(_ value: String) {
        var elements: [Element] = []
        var gap = false
        var significant = 0
        var folding: [Unicode.Scalar] = []
        var marks = false
        for scalar in value.unicodeScalars {
            if scalar.value < 0x80 {
                // ASCII, by its value: White_Space is U+0009–U+000D and the space, the letters are
                // the alphabetic scalars, the digits the numeric ones, and a capital folds to its
                // lower case. Why: the property look-ups and the array per scalar below cost
                // about 1,000 instructions a scalar, 22 million on the 20,000-unit slice for the
                // names and numbers found (callgrind, 1 Dec); `PrivacyS12FastPathTests` holds the
                // two paths equal on every ASCII scalar.
                let byte = UInt8(scalar.value)
                if (byte >= 0x09 && byte <= 0x0D) || byte == 0x20 {
                    gap = true
                    continue
                }
                if gap, !elements.isEmpty { elements.append(.gap) }
                gap = false
                if byte >= 0x30 && byte <= 0x39 {
                    elements.append(.digit(Int(byte - 0x30)))
                    significant += 1
                } else {
                    let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
                    elements.append(.scalar(byte >= 0x41 && byte <= 0x5A ? Unicode.Scalar(byte + 0x20) : scalar))
                    if isLetter { significant += 1 }
                }
                continue
            }
            if Self.isValueSpace(scalar) {
                gap = true
                continue
            }
            if gap, !elements.isEmpty { elements.append(.gap) }
            gap = false
            if let digit = PersonalDataScrubber.digitValue(scalar) {
                elements.append(.digit(digit))
            } else {
                folding.removeAll(keepingCapacity: true)
                Self.appendFolding(of: scalar, to: &folding)
                for folded in folding {
                    elements.append(.scalar(folded))
                    if folded.value >= 0x300 { marks = true }
                }
            }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { significant += 1 }
        }
        guard significant >= 2, let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return nil }
        // Below U+0300 every combining class is 0: nothing to order (`combiningClass`).
        if marks {
            Self.orderMarks(count: elements.count, combiningClass: { index in
                if case let .scalar(scalar) = elements[index] { return Self.combiningClass(scalar) }
                return 0
            }) { run, order in
                elements.replaceSubrange(run, with: order.map { elements[$0] })
            }
        }
        self.elements = elements
        leading = Edge(first)
        trailing = Edge(last)
    }

    /// The elements `init?(_:)` built before its ASCII path, scalar by scalar through the
    /// properties (nil where it returns nil): the reference `PrivacyS12FastPathTests` compares with.
    static func elementsByProperties(_ value: String) -> [Element]? {
        var elements: [Element] = []
        var gap = false
        var significant = 0
        var folding: [Unicode.Scalar] = []
        for scalar in value.unicodeScalars {
            if isValueSpace(scalar) {
                gap = true
                continue
            }
            if gap, !elements.isEmpty { elements.append(.gap) }
            gap = false
            if let digit = PersonalDataScrubber.digitValue(scalar) {
                elements.append(.digit(digit))
            } else {
                folding.removeAll(keepingCapacity: true)
                appendFolding(of: scalar, to: &folding)
                elements.append(contentsOf: folding.map(Element.scalar))
            }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { significant += 1 }
        }
        guard significant >= 2 else { return nil }
        orderMarks(count: elements.count, combiningClass: { index in
            if case let .scalar(scalar) = elements[index] { return combiningClass(scalar) }
            return 0
        }) { run, order in
            elements.replaceSubrange(run, with: order.map { elements[$0] })
        }
        return elements
    }

    /// Appends `scalar`'s canonical decomposition, each part fully case-folded: ASCII, the
    /// Khmer block (no case, no decomposition) and Latin-1 below `À` (but the micro sign, which
    /// folds to μ) without a call into ICU, U+00C0–U+024F from a table ICU filled once.
    @inline(__always)
    static func appendFolding(of scalar: Unicode.Scalar, to output: inout [Unicode.Scalar]) {
        let value = scalar.value
        if value < 0x80 {
            output.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
        } else if (0x1780...0x17FF).contains(value) || value == 0x200B || (value < 0xC0 && value != 0xB5) {
            output.append(scalar)
        } else if value >= 0xC0, value < latinFoldingsEnd {
            // Latin-1 and Latin Extended (French and other Latin-script names): the ICU result
            // for the scalar, computed once by the path below.
            output.append(contentsOf: latinFoldings[Int(value - 0xC0)])
        } else {
            appendICUFolding(of: scalar, to: &output)
        }
    }

    /// Where `latinFoldings` ends (exclusive): U+00C0 to the end of Latin Extended-B.
    static let latinFoldingsEnd: UInt32 = 0x250

    /// `appendICUFolding` of U+00C0 to `latinFoldingsEnd`, made by calling it once per scalar at
    /// first use (so equal to it by construction): what a French name costs per accented letter
    /// is then an array read, not a string, an NFD call and a folding call. Cost: 400 ICU calls once.
    static let latinFoldings: [[Unicode.Scalar]] = (UInt32(0xC0)..<latinFoldingsEnd).map { value in
        var folding: [Unicode.Scalar] = []
        if let scalar = Unicode.Scalar(value) { appendICUFolding(of: scalar, to: &folding) }
        return folding
    }

    /// The canonical decomposition of `scalar`, each part fully case-folded, by ICU.
    static func appendICUFolding(of scalar: Unicode.Scalar, to output: inout [Unicode.Scalar]) {
        let decomposed = ICU.normalize(String(scalar), .nfd).unicodeScalars
        if decomposed.count == 1 {
            ICU.appendFullFolding(of: scalar, to: &output)
        } else {
            for part in decomposed { ICU.appendFullFolding(of: part, to: &output) }
        }
    }

    /// A scalar's canonical combining class; 0 (a starter) below U+0300, the first combining
    /// mark, without a property lookup: ASCII and Latin-1 text costs nothing here.
    @inline(__always)
    static func combiningClass(_ scalar: Unicode.Scalar) -> UInt8 {
        scalar.value < 0x300 ? 0 : scalar.properties.canonicalCombiningClass.rawValue
    }

    /// The canonical ordering step of NFD (Unicode §3.11): in each run of two or more
    /// combining marks (non-zero class), marks are stably sorted by class, so marks of
    /// different classes typed in either order come out the same, while marks of one class
    /// keep their order (theirs is meaningful: e + ◌̂ + ◌̃ is `ễ`, e + ◌̃ + ◌̂ is not). Calls
    /// `reorder(run, order)` — `order[k]` is the position the run's k-th mark comes from —
    /// only for runs that were out of order. Cost: O(count), plus a sort of each such run.
    static func orderMarks(count: Int, combiningClass: (Int) -> UInt8, reorder: (Range<Int>, [Int]) -> Void) {
        var index = 0
        while index < count {
            guard combiningClass(index) != 0 else { index += 1; continue }
            let start = index
            var sorted = true
            var previous = combiningClass(index)
            index += 1
            while index < count {
                let current = combiningClass(index)
                guard current != 0 else { break }
                if current < previous { sorted = false }
                previous = current
                index += 1
            }
            guard !sorted else { continue }
            let run = start..<index
            // Stable: equal classes keep their order (ties broken by position).
            let order = run.sorted { a, b in
                let (x, y) = (combiningClass(a), combiningClass(b))
                return x != y ? x < y : a < b
            }
            reorder(run, order)
        }
    }

    /// What counts as a gap in the value itself (any white space or U+200B).
    static func isValueSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}"
    }

    /// What a gap matches in a text: ICU's `\s` (White_Space, so VT and NEL too), NBSP and U+200B.
    static func isTextSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x200B: return true
        case 0...0x7F: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// The value's matches in `text`, left to right and not overlapping, as UTF-16 ranges
    /// (what the scrubber's spans use).
    func ranges(in text: String) -> [NSRange] {
        ranges(in: Folded(text))
    }

    /// The value's matches in a text already folded (one `Folded` serves every value of a unit).
    func ranges(in text: Folded) -> [NSRange] {
        guard !text.folded.isEmpty, !elements.isEmpty else { return [] }
        // A value beginning with a scalar matches only where the text holds it (`match` fails
        // at its first compare anywhere else): other positions are passed here. Why: `match`
        // was called at every position of every searched text, 426,000 calls for 43 million
        // instructions on the 20,000-unit slice (callgrind, 30 Nov).
        var first: Unicode.Scalar?
        if case let .scalar(scalar) = elements[0] { first = scalar }
        let folded = text.folded
        var found: [NSRange] = []
        var start = 0
        while start < folded.count {
            if let first, folded[start] != first {
                start += 1
                continue
            }
            if text.isBoundary(start), let end = match(text, at: start) {
                let first = text.owner[start], last = text.owner[end - 1] + 1
                found.append(NSRange(location: text.offsets[first], length: text.offsets[last] - text.offsets[first]))
                start = end
            } else {
                start += 1
            }
        }
        return found
    }

    /// The folded end of a match starting at folded position `start` (a scalar boundary), or nil.
    private func match(_ text: Folded, at start: Int) -> Int? {
        let folded = text.folded
        var index = start
        for element in elements {
            guard index < folded.count else { return nil }
            switch element {
            case .gap:
                // Spaces fold to themselves: a run of them is a run of whole text scalars.
                guard Self.isTextSpace(folded[index]) else { return nil }
                index += 1
                while index < folded.count, Self.isTextSpace(folded[index]) { index += 1 }
            case .digit(let digit):
                guard PersonalDataScrubber.digitValue(folded[index]) == digit else { return nil }
                index += 1
            case .scalar(let scalar):
                guard folded[index] == scalar else { return nil }
                index += 1
            }
        }
        // The edge before the match, checked once the value matched (most starts fail at the
        // first scalar: the neighbour's properties are then never read).
        if let leading, text.owner[start] > 0, leading.blocks(text.scalars[text.owner[start] - 1]) { return nil }
        // A match ends on a whole text scalar, as ICU's does.
        guard text.isBoundary(index) else { return nil }
        let after = text.owner[index - 1] + 1
        if let trailing, after < text.scalars.count, trailing.blocks(text.scalars[after]) { return nil }
        return index
    }
}
