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
/// (see `SegmentationRules`). Not thread-safe (ICU iterators hold the text): one per task.
public final class Segmenter {
    public let language: Language
    public let rules: SegmentationRules
    private let sentences: OpaquePointer
    private let checks: [(check: SegmentationRules.Check, regex: ICURegex)]

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
        var compiled: [(SegmentationRules.Check, ICURegex)] = []
        for check in rules.checks {
            do { compiled.append((check, try ICURegex(check.pattern))) } catch {
                cicu_break_close(handle)
                throw .invalidRule(languageRule: check.sources.joined(separator: ", "), rule: 0, line: 0, element: "merged rules",
                                   pattern: check.pattern, reason: error.description)
            }
        }
        checks = compiled
    }

    deinit { cicu_break_close(sentences) }

    /// The segments of `text`, in order, without surrounding white space (or U+200B); ranges in
    /// Unicode scalars of `text`. Empty or all-blank text gives no segment.
    public func segments(of text: String) -> [Segment] {
        let utf16 = Array(text.utf16)
        guard !utf16.isEmpty else { return [] }
        return utf16.withUnsafeBufferPointer { buffer in
            let breaks = breakPositions(buffer)
            return Self.makeSegments(buffer, breaks: breaks)
        }
    }

    /// The break positions (UTF-16 offsets, ascending, excluding 0 and n) of `text`.
    public func breakOffsets(utf16 text: [UInt16]) -> [Int] {
        text.withUnsafeBufferPointer { breakPositions($0).map(Int.init) }
    }

    private func breakPositions(_ text: UnsafeBufferPointer<UInt16>) -> [Int32] {
        let n = text.count
        let icu = icuCandidates(text)

        // Scanned checks: one pass each. Break positions become candidates too.
        var scanned: [[Int32]] = Array(repeating: [], count: checks.count)
        var candidates = icu
        for (i, (check, regex)) in checks.enumerated() {
            regex.setSharedText(text)
            guard check.mode == .scanned else { continue }
            let positions = Self.scan(text, check: check, regex: regex)
            if check.isBreak { candidates += positions }
            scanned[i] = positions
        }
        if candidates.count != icu.count { candidates.sort() }

        // Decide each candidate: first applicable check wins; otherwise ICU's verdict.
        var cursors = [Int](repeating: 0, count: checks.count)
        var icuCursor = 0
        var breaks: [Int32] = []
        breaks.reserveCapacity(icu.count)
        var previous: Int32 = -1
        for p in candidates where p != previous {
            previous = p
            guard p > 0, Int(p) < n else { continue }
            var decision: Bool?
            for (i, (check, regex)) in checks.enumerated() {
                let applies: Bool
                switch check.mode {
                case .anchored:
                    applies = check.beforeLast.contains(text[Int(p) - 1]) && check.afterFirst.contains(text[Int(p)])
                        && regex.match(at: Int(p)) != nil
                case .scanned:
                    let list = scanned[i]
                    var c = cursors[i]
                    while c < list.count, list[c] < p { c += 1 }
                    cursors[i] = c
                    applies = c < list.count && list[c] == p
                }
                if applies { decision = check.isBreak; break }
            }
            if decision == nil {
                while icuCursor < icu.count, icu[icuCursor] < p { icuCursor += 1 }
                decision = icuCursor < icu.count && icu[icuCursor] == p
            }
            if decision == true { breaks.append(p) }
        }
        return breaks
    }

    /// The positions (ascending) where a scanned check matches. When the check's trigger units
    /// are known, a Swift loop finds them and ICU is asked only there (an anchored match);
    /// otherwise ICU scans. A match-end scan resumes after each match, as `find` does.
    private static func scan(_ text: UnsafeBufferPointer<UInt16>, check: SegmentationRules.Check, regex: ICURegex) -> [Int32] {
        var positions: [Int32] = []
        let n = text.count
        let atEnd = check.position == .matchEnd
        if check.trigger.isAll {
            var from = 0
            while from <= n, let match = regex.firstMatch(from: from) {
                positions.append(Int32(atEnd ? match.upperBound : match.lowerBound))
                from = atEnd && !match.isEmpty ? match.upperBound : match.lowerBound + 1
            }
            return positions
        }
        let trigger = check.trigger
        var i = 0
        while i < n {
            if trigger.contains(text[i]), let end = regex.match(at: i) {
                positions.append(Int32(atEnd ? end : i))
                i = atEnd ? max(end, i + 1) : i + 1
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
        guard cicu_break_set_text(sentences, text.baseAddress, Int32(text.count), &status) == 0 else { return [] }
        let capacity = text.count + 1
        let raw = [Int32](unsafeUninitializedCapacity: capacity) { positions, count in
            count = Int(max(0, cicu_break_all(sentences, positions.baseAddress, nil, Int32(capacity))))
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

    /// Cuts `text` at `breaks`, trims each piece and counts Unicode scalars as it goes (one pass).
    static func makeSegments(_ text: UnsafeBufferPointer<UInt16>, breaks: [Int32]) -> [Segment] {
        var segments: [Segment] = []
        segments.reserveCapacity(breaks.count + 1)
        var scalarsBefore = 0
        var counted = 0
        func scalars(upTo offset: Int) -> Int {
            while counted < offset {
                if !UTF16.isTrailSurrogate(text[counted]) { scalarsBefore += 1 }
                counted += 1
            }
            return scalarsBefore
        }
        var start = 0
        for end in breaks.map(Int.init) + [text.count] {
            var a = start, b = end
            while a < b, isBlank(text[a]) { a += 1 }
            while b > a, isBlank(text[b - 1]) { b -= 1 }
            if a < b {
                let startScalar = scalars(upTo: a)
                let endScalar = scalars(upTo: b)
                let piece = String(decoding: UnsafeBufferPointer(rebasing: text[a..<b]), as: UTF16.self)
                segments.append(Segment(text: piece, range: startScalar..<endScalar))
            }
            start = end
        }
        return segments
    }
}
