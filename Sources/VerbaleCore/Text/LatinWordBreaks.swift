/// Receives the pieces `LatinWordBreaks.scan` finds, in order, each with its kind (what
/// `Tokenizer.kind(of:)` makes of it).
protocol LatinPieceSink {
    mutating func piece(_ range: Range<Int>, _ kind: Token.Kind)
    /// Whether `scan` sums `TokenKeys.latinUnitFacts` over each piece's units for
    /// `piece(_:_:facts:)` (a constant per sink: the pass of a sink without it sums nothing).
    static var wantsFacts: Bool { get }
    /// `piece(_:_:)` with the sum of `TokenKeys.latinUnitFacts` over the piece's units, or nil
    /// when one of them is from U+0180 up (outside the table).
    mutating func piece(_ range: Range<Int>, _ kind: Token.Kind, facts: UInt64?)
}

extension LatinPieceSink {
    static var wantsFacts: Bool { false }
    @inline(__always)
    mutating func piece(_ range: Range<Int>, _ kind: Token.Kind, facts: UInt64?) { piece(range, kind) }
}

/// ICU's word boundaries for plain Latin text, found in Swift: the tokenizer's fast path.
///
/// The classes below are those of ICU 72 word.txt (ICU's tailoring of UAX #29), not of every
/// ICU: ICU 72 put `@` into ALetter (CLDR-15767; some builds revert it) and ICU leaves `:` out
/// of MidLetter. `agreesWithLinkedICU` checks them once per process against the ICU actually
/// linked, and the tokenizer uses the ICU engine when they differ.
///
/// Why: ICU's rule-based break iterator was the largest single cost of tokenizing English and
/// French (a table-driven state machine run per code unit, plus a call and cache per text). On
/// text made only of the units below, UAX #29 (which ICU implements) reduces to a few rules on
/// a unit's class and its neighbours', so the same boundaries come from one Swift pass:
///
/// - WB5, WB8–WB10: letters and digits join (`abc`, `a1`, `2021`); ICU counts `@` as a
///   letter, so `info@mfa.gov.kh` is one word;
/// - WB6/WB7: a letter, then `.` `'` `’` or `·`, then a letter join (`U.N`, `don't`, `l’Ambassade`);
/// - WB11/WB12: a digit, then `.` `'` `’` `,` or `;`, then a digit join (`1,000.50`);
/// - WB13a/WB13b: `_` joins letters and digits on both sides;
/// - every other pair breaks (WB999): hyphens, slashes, brackets, quotes, `:` (ICU leaves the
///   colon out of MidLetter), currency and other symbols stand alone.
///
/// Separators (space, tab, line ends, NBSP, narrow NBSP, the other Unicode spaces, U+200B) end a
/// piece whatever ICU says around them, since the tokenizer drops them. Anything else —
/// combining marks, soft hyphen and U+FEFF (WB4 ignores them, joining across), ZWJ and emoji,
/// Greek, Cyrillic, Khmer (dictionary), controls — is outside the proven domain: `pieces` then
/// returns false and the caller asks ICU. `TokenizerEquivalenceTests`
/// proves the classes against ICU on every unit of the domain with every class's neighbours,
/// and whole tokenizations against the ICU path on real corpora and random strings.
/// Cost: O(n), one table lookup per unit, no allocation once `pieces` has capacity.
enum LatinWordBreaks {
    /// A unit's word-break class within the domain.
    enum Class: UInt8 {
        /// Outside the proven domain: ICU must decide.
        case unknown = 0
        /// White space the tokenizer drops: ends any piece.
        case separator
        /// ALetter.
        case letter
        /// Numeric.
        case digit
        /// MidLetter (`·`): joins letters only.
        case midLetter
        /// MidNumLet and Single_Quote (`.` `'` `’` `‘`): joins letters, and digits.
        case midNumLet
        /// MidNum (`,` `;`): joins digits only.
        case midNum
        /// ExtendNumLet (`_`).
        case extendNumLet
        /// Other: breaks on both sides.
        case other
    }

    /// The class of `u`; `.unknown` outside the domain.
    @inline(__always)
    static func wordClass(_ u: UInt16) -> Class {
        if u < 0x100 { return latin1[Int(u)] }
        if u <= 0x17F { return .letter }  // Latin Extended-A: letters only
        switch u {
        // The tokenizer's other separators (never in a token): ICU's boundaries around them
        // cannot change a piece, and none is ignored by ICU (WB4) — unlike U+FEFF, left out.
        case 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .separator
        case 0x2018, 0x2019: return .midNumLet
        case 0x2013, 0x2014, 0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x20AC: return .other
        default: return .unknown
        }
    }

    /// Classes of U+0000–U+00FF.
    static let latin1: [Class] = (0..<256).map { (u: Int) -> Class in
        switch u {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: .separator
        case 0x30...0x39: .digit
        case 0x40, 0x41...0x5A, 0x61...0x7A: .letter  // ICU counts `@` as a letter (e-mail addresses)
        case 0x27, 0x2E: .midNumLet
        case 0x2C, 0x3B: .midNum
        case 0x5F: .extendNumLet
        case 0x21...0x7E: .other
        case 0xAA, 0xB5, 0xBA: .letter
        case 0xB7: .midLetter
        case 0xAD: .unknown  // soft hyphen: Format (WB4)
        case 0xA1...0xBF, 0xD7, 0xF7: .other
        case 0xC0...0xFF: .letter
        default: .unknown  // C0 and C1 controls, NEL
        }
    }

    /// Writes into `pieces` the maximal runs of non-separator units of `units` that no ICU word
    /// boundary splits, in order, and returns true; returns false (with `pieces` in an
    /// unspecified state) as soon as a unit outside the domain is seen.
    static func pieces(_ units: UnsafeBufferPointer<UInt16>, into pieces: inout [Range<Int>]) -> Bool {
        var kinds: [Token.Kind] = []
        return Tokenizer.latinUnitKinds.withUnsafeBufferPointer { self.pieces(units, into: &pieces, kinds: &kinds, unitKinds: $0) }
    }

    /// `pieces(_:into:)`, also writing each piece's `Tokenizer.kind(of:)` into `kinds`, from the
    /// same pass: `unitKinds` (`Tokenizer.latinUnitKinds`) says, for each unit below U+0180,
    /// whether it makes a piece a word (bit 0) or, failing a letter, a number (bit 1); the other
    /// units of the domain (typographic quotes and dashes, `…`, `•`, `€`) are neither letters
    /// nor digits. `TokenizerEquivalenceTests` holds the kinds to the ICU path's.
    static func pieces(_ units: UnsafeBufferPointer<UInt16>, into pieces: inout [Range<Int>], kinds: inout [Token.Kind],
                       unitKinds: UnsafeBufferPointer<UInt8>) -> Bool {
        var sink = ArraySink()
        swap(&sink.pieces, &pieces)
        swap(&sink.kinds, &kinds)
        defer {
            swap(&sink.pieces, &pieces)
            swap(&sink.kinds, &kinds)
        }
        sink.pieces.removeAll(keepingCapacity: true)
        sink.kinds.removeAll(keepingCapacity: true)
        return scan(units, unitKinds: unitKinds, into: &sink)
    }

    /// The sink of `pieces(_:into:kinds:unitKinds:)`: two arrays.
    struct ArraySink: LatinPieceSink {
        var pieces: [Range<Int>] = []
        var kinds: [Token.Kind] = []

        @inline(__always)
        mutating func piece(_ range: Range<Int>, _ kind: Token.Kind) {
            pieces.append(range)
            kinds.append(kind)
        }
    }

    /// The pass of `pieces(_:into:kinds:unitKinds:)`, handing each piece to `sink` as it is
    /// found rather than into arrays (generic: specialised per sink, so the call is inlined).
    /// Why: the import's fuzzy-match path (`Tokenizer.visitTokens`) turns each piece into its
    /// token at once (`Tokenizer.LatinVisitSink`), without the arrays of pieces, kinds and spans
    /// it read back three times. Returns false as soon as a unit outside the domain is seen
    /// (the sink then holds an unspecified prefix of the pieces).
    @inline(__always)
    static func scan<S: LatinPieceSink>(_ units: UnsafeBufferPointer<UInt16>, unitKinds: UnsafeBufferPointer<UInt8>, into sink: inout S) -> Bool {
        let n = units.count
        guard n > 0 else { return true }
        @inline(__always) func kind(_ seen: UInt8) -> Token.Kind {
            seen & 1 != 0 ? .word : seen & 2 != 0 ? .number : .punctuation
        }
        // The tables are read through pointers: a static's lazy-initialisation check per unit
        // showed in profiles.
        let wantsFacts = S.wantsFacts
        return latin1.withUnsafeBufferPointer { table in runClasses.withUnsafeBufferPointer { runs in TokenKeys.latinUnitFacts.withUnsafeBufferPointer { facts in
            @inline(__always) func classOf(_ u: UInt16) -> Class {
                if u < 0x100 { return table[Int(u)] }
                return u <= 0x17F ? .letter : wordClass(u)
            }
            var pieceStart = 0
            // What the piece's units so far make it (see `unitKinds`).
            var seen: UInt8 = 0
            // Their `TokenKeys.latinUnitFacts` summed, for a sink that `wantsFacts` (so that it
            // need not read the piece's units again to key it), and whether one is outside the table.
            var sum: UInt64 = 0, outside = false
            // Classes of the units at i-2, i-1 (separators before the text's start) and i.
            var beforePrevious = Class.separator, previous = Class.separator
            var current = classOf(units[0])
            var i = 0
            while i < n {
                if current == .unknown { return false }
                let next = i + 1 < n ? classOf(units[i + 1]) : .separator
                if current == .separator {
                    if i > pieceStart {
                        sink.piece(pieceStart..<i, kind(seen), facts: outside ? nil : sum)
                        seen = 0
                        sum = 0
                        outside = false
                    }
                    pieceStart = i + 1
                } else {
                    if i > pieceStart, !joins(beforePrevious, previous, current, next) {
                        sink.piece(pieceStart..<i, kind(seen), facts: outside ? nil : sum)
                        seen = 0
                        sum = 0
                        outside = false
                        pieceStart = i
                    }
                    let u = units[i]
                    if u < 0x180 {
                        seen |= unitKinds[Int(u)]
                        if wantsFacts { sum &+= facts[Int(u)] }
                    } else if wantsFacts {
                        outside = true
                    }
                    // A run of letters and digits: each joins the one before it (WB5, WB8–WB10)
                    // whatever surrounds them, so the run is read in a tight loop — one table
                    // read per unit instead of a class, a neighbour and a `joins` — and the
                    // loop resumes after it with the classes of its last two units.
                    if (current == .letter || current == .digit) && (next == .letter || next == .digit) {
                        var j = i + 1
                        var last = runs[Int(units[j])]  // `next` is a letter or digit: a unit below U+0180
                        var beforeLast: UInt8 = current == .letter ? Self.runLetter : Self.runDigit
                        seen |= unitKinds[Int(units[j])]
                        if wantsFacts { sum &+= facts[Int(units[j])] }
                        j += 1
                        while j < n {
                            let v = units[j]
                            guard v < 0x180 else { break }
                            let run = runs[Int(v)]
                            guard run != 0 else { break }
                            seen |= unitKinds[Int(v)]
                            if wantsFacts { sum &+= facts[Int(v)] }
                            beforeLast = last
                            last = run
                            j += 1
                        }
                        // Units i+1..<j are in the piece; the loop goes on at j.
                        beforePrevious = beforeLast == Self.runLetter ? .letter : .digit
                        previous = last == Self.runLetter ? .letter : .digit
                        current = j < n ? classOf(units[j]) : .separator
                        i = j
                        continue
                    }
                }
                beforePrevious = previous
                previous = current
                current = next
                i += 1
            }
            if n > pieceStart {
                sink.piece(pieceStart..<n, kind(seen), facts: outside ? nil : sum)
            }
            return true
        } } }
    }

    /// For each unit below U+0180, `runLetter` for a letter, `runDigit` for a digit (their
    /// `wordClass`), 0 for any other: the tight loop of `pieces` reads it once per unit.
    static let runLetter: UInt8 = 1, runDigit: UInt8 = 2
    static let runClasses: [UInt8] = (0..<0x180).map { (u: Int) -> UInt8 in
        switch wordClass(UInt16(u)) {
        case .letter: runLetter
        case .digit: runDigit
        default: 0
        }
    }

    /// Whether UAX #29 keeps `a` and `b` together, given the unit before `a` and the one after
    /// `b` (`.unknown` next is treated as not a letter or digit; the caller stops there anyway).
    @inline(__always)
    static func joins(_ beforeA: Class, _ a: Class, _ b: Class, _ afterB: Class) -> Bool {
        switch (a, b) {
        case (.letter, .letter), (.letter, .digit), (.digit, .letter), (.digit, .digit): true  // WB5, WB8–WB10
        case (.letter, .extendNumLet), (.digit, .extendNumLet), (.extendNumLet, .extendNumLet): true  // WB13a
        case (.extendNumLet, .letter), (.extendNumLet, .digit): true  // WB13b
        case (.letter, .midLetter), (.letter, .midNumLet): afterB == .letter  // WB6
        case (.midLetter, .letter), (.midNumLet, .letter): beforeA == .letter  // WB7
        case (.digit, .midNum), (.digit, .midNumLet): afterB == .digit  // WB12
        case (.midNum, .digit), (.midNumLet, .digit): beforeA == .digit  // WB11
        default: false
        }
    }
}
