import CICU

/// Splits text into segments — sentences, headings, letterhead lines, list items — with ICU's
/// sentence breaks layered under SRX 2.0 rules, the way Okapi does it.
///
/// ICU proposes candidate boundaries (after sentence punctuation and at every line break); SRX
/// rules then decide: a no-break rule cancels a candidate ("Mr.", "No. 12", "H.E. Mr"), a break
/// rule adds one ICU does not see (Khmer ។ and ៕, "respectively.If" glued by PDF extraction).
/// Where no rule matches, ICU's candidate stands. ICU places its boundary after trailing white
/// space; the segmenter moves it back to the end of the sentence, where SRX rules put breaks, so
/// both layers talk about the same position.
///
/// ```swift
/// let segmenter = try Segmenter(language: .english)
/// segmenter.segments(of: "H.E. Mr. Sok presents his compliments. He has the honour…").map(\.text)
/// // ["H.E. Mr. Sok presents his compliments.", "He has the honour…"]
/// ```
///
/// Cost: building compiles the rules once (keep the segmenter). `segments(of:)` is O(n): one ICU
/// sentence pass, one ICU find pass per scanned rule check, anchored checks at candidates only
/// (see `SegmentationRules`); the shipped Khmer wrapped-line rule is tested in Swift
/// (`KhmerWrappedLineCheck`). Not thread-safe (ICU iterators hold the text): one per task.
public final class Segmenter {
    public let language: Language
    public let rules: SegmentationRules
    private let sentences: OpaquePointer
    /// Per check, in SRX order: how it is evaluated, its verdict, its ICU pattern.
    private let modes: [SegmentationRules.Check.Mode]
    private let verdicts: [Bool]
    private let regexes: [ICURegex]
    private let icuTriggers: [TriggerSet]
    /// Checks whose unit tests are the whole rule (ICU is not asked).
    private let exact: [Bool]
    /// Per check, the sequences its `beforebreak` can end with and its `afterbreak` can start
    /// with (ICU is asked only where both agree with the text).
    private let beforeFilters: [SequenceFilter?]
    private let afterFilters: [SequenceFilter?]
    /// Per check, its Swift evaluation when it is a shipped rule written natively (nil: ICU).
    private let natives: [SegmentationRules.NativeRule?]
    private let filter: UnitFilter
    /// Checks scanned by position, in groups of up to 32, each with its table mapping a code
    /// unit to the checks whose driving test it passes (built once: 256 KB per group).
    private let positionGroups: [(members: [Int], table: [UInt32])]
    /// The UTF-16 units of the text being segmented, reused from call to call.
    private var unitBuffer: [UInt16] = []

    /// A segmenter with Verbale's default rules (`Resources/verbale.srx`) for `language`.
    public convenience init(language: Language) throws(SRXError) {
        try self.init(language: language, rules: try DefaultSegmentationRules.document())
    }

    /// A segmenter with custom SRX rules, selected by `languageCode` (default: the language's
    /// code) through the document's language maps.
    public convenience init(language: Language, rules document: SRXDocument, languageCode: String? = nil) throws(SRXError) {
        try self.init(language: language, rules: SegmentationRules(document: document, languageCode: languageCode ?? language.rawValue))
    }

    /// A segmenter with rules already compiled for a language.
    public init(language: Language, rules: SegmentationRules) throws(SRXError) {
        self.language = language
        self.rules = rules
        var status: Int32 = 0
        guard let handle = cicu_break_open(Int32(CICU_BREAK_SENTENCE), language.rawValue, &status) else {
            throw .icu(ICUError(operation: "open sentence break iterator for \(language.rawValue)", status: status).description)
        }
        sentences = handle
        var regexes: [ICURegex] = []
        for check in rules.checks {
            do { regexes.append(try ICURegex(check.pattern)) } catch {
                cicu_break_close(handle)
                throw .invalidRule(languageRule: check.sources.joined(separator: ", "), rule: 0, line: 0, element: "merged rules",
                                   pattern: check.pattern, reason: error.description)
            }
        }
        self.regexes = regexes
        modes = rules.checks.map(\.mode)
        verdicts = rules.checks.map(\.isBreak)
        icuTriggers = rules.checks.map(\.trigger)
        exact = rules.checks.map(\.exact)
        beforeFilters = rules.checks.map(\.beforeFilter)
        afterFilters = rules.checks.map(\.afterFilter)
        natives = rules.checks.map(\.native)
        filter = UnitFilter(checks: rules.checks)
        let indices = rules.checks.indices.filter { rules.checks[$0].mode == .scannedByPosition }
        var groups: [(members: [Int], table: [UInt32])] = []
        for group in stride(from: 0, to: indices.count, by: 32) {
            let members = Array(indices[group..<min(group + 32, indices.count)])
            var table = [UInt32](repeating: 0, count: 65536)
            for (bit, index) in members.enumerated() {
                let primary = rules.checks[index].primary
                for unit in 0..<65536 where primary.contains(UInt16(unit)) { table[unit] |= 1 << UInt32(bit) }
            }
            groups.append((members, table))
        }
        positionGroups = groups
    }

    deinit { cicu_break_close(sentences) }

    /// The segments of `text`, in order, without surrounding white space (or U+200B); ranges in
    /// Unicode scalars of `text`. Empty or all-blank text gives no segment.
    public func segments(of text: String) -> [Segment] {
        // Native strings are transcoded from their UTF-8 storage in one tight loop into a buffer
        // this segmenter reuses (`Array(text.utf16)` goes through the generic UTF-16 view and
        // cost about a tenth of the segmenter's time); a huge text's buffer is not kept.
        var buffer = unitBuffer
        unitBuffer = []
        defer { unitBuffer = buffer.count > 1 << 20 ? [] : buffer }
        let (count, _) = UTF16Text.transcode(text, into: &buffer)
        guard count > 0 else { return [] }
        return buffer.withUnsafeBufferPointer { all in
            let units = UnsafeBufferPointer(rebasing: all[0..<count])
            let breaks = breakPositions(units)
            if let segments = text.utf8.withContiguousStorageIfAvailable({ Self.makeSegments(units, utf8: $0, breaks: breaks, of: text) }) {
                return segments
            }
            return Array(text.utf8).withUnsafeBufferPointer { Self.makeSegments(units, utf8: $0, breaks: breaks) }
        }
    }

    /// The break positions (UTF-16 offsets, ascending, excluding 0 and n) of `text`.
    public func breakOffsets(utf16 text: [UInt16]) -> [Int] {
        text.withUnsafeBufferPointer { breakPositions($0).map(Int.init) }
    }

    private func breakPositions(_ text: UnsafeBufferPointer<UInt16>) -> [Int32] {
        let n = text.count
        let icu = icuCandidates(text)
        for regex in regexes { regex.setSharedText(text) }
        let count = modes.count

        // Where each scanned check applies. Break positions become candidates too.
        var scanned: [[Int32]] = Array(repeating: [], count: count)
        for i in 0..<count where modes[i] == .scannedByICU {
            scanned[i] = Self.scanWithICU(text, trigger: icuTriggers[i], regex: regexes[i])
        }
        scanByPosition(text, into: &scanned)
        var candidates = icu
        for i in 0..<count where verdicts[i] { candidates += scanned[i] }
        if candidates.count != icu.count { candidates.sort() }

        // Where scanned checks apply, as one sorted list of (position, check), so each
        // candidate needs one cursor instead of one per check.
        var hits: [(position: Int32, check: Int32)] = []
        for i in 0..<count where modes[i] != .anchored { hits += scanned[i].map { ($0, Int32(i)) } }
        hits.sort { $0.position != $1.position ? $0.position < $1.position : $0.check < $1.check }
        let anchored = (0..<count).filter { modes[$0] == .anchored }

        // Decide each candidate: the first check that applies wins; otherwise ICU's verdict.
        var hitCursor = 0, icuCursor = 0
        var breaks: [Int32] = []
        breaks.reserveCapacity(icu.count)
        var previous: Int32 = -1
        let verdicts = verdicts, exact = exact
        withTests { tests in
            for p in candidates where p != previous {
                previous = p
                let position = Int(p)
                guard position > 0, position < n else { continue }
                while hitCursor < hits.count, hits[hitCursor].position < p { hitCursor += 1 }
                let firstScanned = hitCursor < hits.count && hits[hitCursor].position == p ? Int(hits[hitCursor].check) : count
                var decision: Bool?
                for i in anchored {
                    if i > firstScanned { break }
                    if tests.admit(i, text, at: position), exact[i] || ruleMatches(i, text, at: position) {
                        decision = verdicts[i]
                        break
                    }
                }
                if decision == nil, firstScanned < count { decision = verdicts[firstScanned] }
                if decision == nil {
                    while icuCursor < icu.count, icu[icuCursor] < p { icuCursor += 1 }
                    decision = icuCursor < icu.count && icu[icuCursor] == p
                }
                if decision == true { breaks.append(p) }
            }
        }
        return breaks
    }

    /// Whether check `c` matches at `p` (its unit tests passed): in Swift for a shipped rule
    /// written natively, else through the sequence filters, then ICU.
    @inline(__always)
    private func ruleMatches(_ c: Int, _ text: UnsafeBufferPointer<UInt16>, at p: Int) -> Bool {
        if let native = natives[c] { return native.matches(text, at: p) }
        return filtersAdmit(c, text, at: p) && regexes[c].match(at: p) != nil
    }

    /// Whether check `c`'s sequence filters let `p` through to ICU.
    @inline(__always)
    private func filtersAdmit(_ c: Int, _ text: UnsafeBufferPointer<UInt16>, at p: Int) -> Bool {
        (beforeFilters[c]?.admits(text, at: p) ?? true) && (afterFilters[c]?.admits(text, at: p) ?? true)
    }

    /// The filter's arrays as buffers, for the hot loops (no reference counting per test).
    private struct Tests {
        let bits: UnsafeBufferPointer<UInt64>
        let start: UnsafeBufferPointer<Int>
        let offset: UnsafeBufferPointer<Int>
        let set: UnsafeBufferPointer<Int>
        let startPasses: UnsafeBufferPointer<Bool>

        /// Whether the units around `p` pass every unit test of check `c` (p in 1..<n).
        @inline(__always)
        func admit(_ c: Int, _ text: UnsafeBufferPointer<UInt16>, at p: Int) -> Bool {
            var k = start[c]
            let end = start[c &+ 1]
            while k < end {
                let i = p &+ offset[k]
                if i < 0 {
                    if !startPasses[set[k]] { return false }
                } else if i >= text.count || !UnitFilter.contains(bits, set: set[k], unit: text[i]) {
                    return false
                }
                k &+= 1
            }
            return true
        }
    }

    private func withTests<R>(_ body: (Tests) -> R) -> R {
        filter.bits.withUnsafeBufferPointer { bits in
            filter.testStart.withUnsafeBufferPointer { start in
                filter.testOffset.withUnsafeBufferPointer { offset in
                    filter.testSet.withUnsafeBufferPointer { set in
                        filter.startPasses.withUnsafeBufferPointer { startPasses in
                            body(Tests(bits: bits, start: start, offset: offset, set: set, startPasses: startPasses))
                        }
                    }
                }
            }
        }
    }

    /// One pass over the text for every check scanned by position: a table maps each code unit
    /// to the checks whose most selective unit test it passes; only there are the other tests
    /// made, and only when they all pass is ICU asked. Positions come out ascending per check.
    private func scanByPosition(_ text: UnsafeBufferPointer<UInt16>, into scanned: inout [[Int32]]) {
        let n = text.count
        for (members, table) in positionGroups {
            let offsets = members.map { filter.primaryOffset[$0] }
            var found: [[Int32]] = Array(repeating: [], count: members.count)
            table.withUnsafeBufferPointer { table in
                withTests { tests in
                    for i in 0..<n {
                        var mask = table[Int(text[i])]
                        while mask != 0 {
                            let bit = mask.trailingZeroBitCount
                            mask &= mask - 1
                            let p = i - offsets[bit]
                            let index = members[bit]
                            guard p > 0, p < n, tests.admit(index, text, at: p), exact[index] || ruleMatches(index, text, at: p)
                            else { continue }
                            found[bit].append(Int32(p))
                        }
                    }
                }
            }
            for (bit, index) in members.enumerated() { scanned[index] = found[bit] }
        }
    }

    /// The positions (ascending) where a check scanned by ICU matches: the end of each match of
    /// `before(?=after)`, resuming after each match as `find` does. When the units a match can
    /// start with are known, a Swift loop finds them and ICU is asked only there.
    private static func scanWithICU(_ text: UnsafeBufferPointer<UInt16>, trigger: TriggerSet, regex: ICURegex) -> [Int32] {
        var positions: [Int32] = []
        let n = text.count
        if trigger.isAll {
            var from = 0
            while from <= n, let match = regex.firstMatch(from: from) {
                positions.append(Int32(match.upperBound))
                from = match.isEmpty ? match.upperBound + 1 : match.upperBound
            }
            return positions
        }
        var i = 0
        while i < n {
            if trigger.contains(text[i]), let end = regex.match(at: i) {
                positions.append(Int32(end))
                i = max(end, i + 1)
            } else {
                i += 1
            }
        }
        return positions
    }

    /// ICU's sentence boundaries, each moved back over trailing white space to the end of the
    /// sentence (ascending, deduplicated).
    private func icuCandidates(_ text: UnsafeBufferPointer<UInt16>) -> [Int32] {
        var status: Int32 = 0
        // ICU reads the text in place (no copy of the document); every call sets it again.
        guard cicu_break_set_text_shared(sentences, text.baseAddress, Int32(text.count), &status) == 0 else { return [] }
        // Room for a boundary every 16 units first (prose has one every 60 to 150); a text
        // with more is asked again with room for one per unit.
        var capacity = min(text.count + 1, text.count / 16 + 64)
        var found: Int32 = 0
        var raw = [Int32](unsafeUninitializedCapacity: capacity) { positions, count in
            found = cicu_break_all(sentences, positions.baseAddress, nil, Int32(capacity))
            count = Int(max(0, found))
        }
        if found < 0 {
            capacity = text.count + 1
            raw = [Int32](unsafeUninitializedCapacity: capacity) { positions, count in
                count = Int(max(0, cicu_break_all(sentences, positions.baseAddress, nil, Int32(capacity))))
            }
        }
        var result: [Int32] = []
        result.reserveCapacity(raw.count)
        for boundary in raw {
            var b = Int(boundary)
            while b > 0, Self.isBlank(text[b - 1]) { b -= 1 }
            if b > 0, result.last.map({ $0 < b }) ?? true { result.append(Int32(b)) }
        }
        return result
    }

    /// White space (including line breaks) and U+200B/U+FEFF, which never start or end a
    /// segment.
    @inline(__always)
    static func isBlank(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// Cuts `text` at `breaks`, trims each piece and counts Unicode scalars and UTF-8 bytes as
    /// it goes (one pass), so each segment's text is a slice of the original UTF-8. When the
    /// original native string is given, a segment is copied from it as a substring (its UTF-8
    /// is known valid: no validation, about 3 times faster on Khmer than decoding the bytes).
    static func makeSegments(_ text: UnsafeBufferPointer<UInt16>, utf8: UnsafeBufferPointer<UInt8>, breaks: [Int32],
                             of original: String? = nil) -> [Segment] {
        var segments: [Segment] = []
        segments.reserveCapacity(breaks.count + 1)
        var unit = 0, scalar = 0, byte = 0
        var start = 0
        let n = text.count
        for index in 0...breaks.count {
            let end = index < breaks.count ? Int(breaks[index]) : n
            var a = start, b = end
            while a < b, isBlank(text[a]) { a += 1 }
            while b > a, isBlank(text[b - 1]) { b -= 1 }
            start = end
            guard a < b else { continue }
            // Advance the running counts to a, note them, then to b.
            var target = a
            var marks = (scalar: 0, byte: 0)
            for pass in 0..<2 {
                while unit < target {
                    let c = text[unit]
                    if c < 0x80 { byte &+= 1; scalar &+= 1 }
                    else if c < 0x800 { byte &+= 2; scalar &+= 1 }
                    else if UTF16.isLeadSurrogate(c) { byte &+= 4; scalar &+= 1 }
                    else if !UTF16.isTrailSurrogate(c) { byte &+= 3; scalar &+= 1 }
                    unit &+= 1
                }
                if pass == 0 { marks = (scalar, byte); target = b }
            }
            let piece: String
            if let original {
                let view = original.utf8
                piece = String(original[view.index(view.startIndex, offsetBy: marks.byte)..<view.index(view.startIndex, offsetBy: byte)])
            } else {
                piece = String(decoding: UnsafeBufferPointer(rebasing: utf8[marks.byte..<byte]), as: UTF8.self)
            }
            segments.append(Segment(text: piece, range: marks.scalar..<scalar))
        }
        return segments
    }
}
