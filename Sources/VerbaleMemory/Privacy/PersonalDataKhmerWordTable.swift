/// The glued-name rule's closed Khmer word lists, looked up by Unicode scalars
/// (`PersonalDataKhmerGluedNames`).
///
/// Why: the rule asks a dozen `Set<String>` and `hasPrefix`/`hasSuffix` questions of every word
/// the breaker finds after a title. On Khmer strings each is a normalising hash or a comparison
/// by grapheme clusters — about 12,000 instructions a word, 209 M instructions of the Khmer 3k
/// slice's import for `endsKhmerGluedName` alone. One walk down a table of the lists' scalars
/// answers them all in a few instructions a letter.
///
/// When it gives the same answer: a word of Khmer letters and signs U+1780–U+17D3 only (`plain`)
/// has no canonical decomposition and one mark of non-zero combining class (COENG), so String
/// equality is scalar equality; a prefix or suffix of it is one of its Characters' prefixes when
/// a grapheme boundary separates it from the rest, which is certain before a consonant or an
/// independent vowel (U+1780–U+17B3) that does not follow a COENG. Anything else — a separator
/// or ATTHACAN in the word, a list word ending before a vowel sign or after a COENG — is
/// undecided here (`nil`) and the caller asks the String question instead.
struct KhmerWordTable {
    /// The lists a word may belong to.
    struct Lists: OptionSet {
        let rawValue: UInt16
        /// Ends a glued name: `khmerNameEnders`, `khmerGluedEnders`, the function titles, the offices.
        static let ender = Lists(rawValue: 1 << 0)
        /// Begins no name, glued before a new syllable (`khmerNotNamePrefixes`).
        static let notNamePrefix = Lists(rawValue: 1 << 1)
        /// `khmerNotNames`.
        static let notName = Lists(rawValue: 1 << 2)
        /// `khmerGluedRanks`.
        static let rank = Lists(rawValue: 1 << 3)
        /// `khmerKinAfterLok`.
        static let kin = Lists(rawValue: 1 << 4)
        /// `khmerGluedNotNames`.
        static let gluedNotName = Lists(rawValue: 1 << 5)
        /// `khmerPluralWords`.
        static let plural = Lists(rawValue: 1 << 6)
        /// What a function title is the title of (`khmerFunctionTitleFollowers`), read as a prefix.
        static let follower = Lists(rawValue: 1 << 7)
        /// Nouns said after ឈ្មោះ when it means "the name of" (`khmerNotNamesAfterName`).
        static let notNameAfterName = Lists(rawValue: 1 << 8)
    }

    /// Node `n`'s edges are `edgeScalar[edgeStart[n]..<edgeStart[n + 1]]` (scalar − U+1780),
    /// leading to `edgeChild`; `ends[n]` the lists with a word ending at `n`. Node 0 is the root.
    private let edgeStart: [Int32]
    private let edgeScalar: [UInt8]
    private let edgeChild: [Int32]
    private let ends: [Lists]

    /// A table of `lists`. Words holding a scalar outside U+1780–U+17FF are left out (a plain
    /// Khmer word never equals them: the Latin offices).
    init(_ lists: [(Lists, [String])]) {
        var children: [[UInt8: Int]] = [[:]]
        var marks: [Lists] = [[]]
        for (list, words) in lists {
            for word in words {
                let scalars = word.unicodeScalars.map(\.value)
                guard !scalars.isEmpty, scalars.allSatisfy({ (0x1780...0x17FF).contains($0) }) else { continue }
                var node = 0
                for scalar in scalars {
                    let key = UInt8(scalar - 0x1780)
                    if let next = children[node][key] {
                        node = next
                    } else {
                        children.append([:])
                        marks.append([])
                        children[node][key] = children.count - 1
                        node = children.count - 1
                    }
                }
                marks[node].insert(list)
            }
        }
        var start: [Int32] = [], scalar: [UInt8] = [], child: [Int32] = []
        for edges in children {
            start.append(Int32(scalar.count))
            for (key, next) in edges.sorted(by: { $0.key < $1.key }) {
                scalar.append(key)
                child.append(Int32(next))
            }
        }
        start.append(Int32(scalar.count))
        edgeStart = start
        edgeScalar = scalar
        edgeChild = child
        ends = marks
    }

    /// Whether every scalar of `word` is a Khmer letter or sign U+1780–U+17D3 (see the type).
    static func isPlain(_ word: [Unicode.Scalar]) -> Bool {
        word.allSatisfy { $0.value >= 0x1780 && $0.value <= 0x17D3 }
    }

    /// The node after `scalar` from `node`, or nil.
    @inline(__always)
    private func step(_ node: Int, _ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value &- 0x1780
        guard value < 0x80 else { return nil }
        let key = UInt8(value)
        var edge = Int(edgeStart[node])
        let end = Int(edgeStart[node + 1])
        while edge < end {
            if edgeScalar[edge] == key { return Int(edgeChild[edge]) }
            edge += 1
        }
        return nil
    }

    /// The lists `word` (plain) is a whole word of.
    func lists(of word: [Unicode.Scalar]) -> Lists {
        var node = 0
        for scalar in word {
            guard let next = step(node, scalar) else { return [] }
            node = next
        }
        return ends[node]
    }

    /// Whether `word` (plain) begins with a word of `list` followed by at least one more scalar
    /// (`proper`) or by nothing or more (not `proper`), at a grapheme boundary — as
    /// `word.hasPrefix(listWord)` says; nil when a boundary is uncertain (ask the String).
    func hasPrefix(_ word: [Unicode.Scalar], in list: Lists, proper: Bool) -> Bool? {
        var node = 0
        var undecided = false
        for depth in 0...word.count {
            if depth > 0, ends[node].contains(list) {
                if depth == word.count {
                    if !proper { return true }
                } else if Self.boundaryIsCertain(word, at: depth) {
                    return true
                } else {
                    undecided = true
                }
            }
            guard depth < word.count, let next = step(node, word[depth]) else { break }
            node = next
        }
        return undecided ? nil : false
    }

    /// Whether `word` (plain) ends with one of `suffixes` (scalars, each beginning with a letter
    /// U+1780–U+17B3) at a grapheme boundary — as `word.hasSuffix` says; nil when uncertain.
    static func hasSuffix(_ word: [Unicode.Scalar], _ suffixes: [[Unicode.Scalar]]) -> Bool? {
        var undecided = false
        for suffix in suffixes where suffix.count <= word.count && word[(word.count - suffix.count)...].elementsEqual(suffix) {
            let start = word.count - suffix.count
            if start == 0 || boundaryIsCertain(word, at: start) { return true }
            undecided = true
        }
        return undecided ? nil : false
    }

    /// A grapheme boundary certainly falls before `word[index]`: a consonant or independent
    /// vowel, not after a COENG (0 < index < count).
    @inline(__always)
    static func boundaryIsCertain(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        let next = word[index].value
        return next >= 0x1780 && next <= 0x17B3 && word[index - 1].value != 0x17D2
    }
}
