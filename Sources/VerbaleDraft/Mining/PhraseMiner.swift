import VerbaleCore

/// Finds the formulas a set of notes share: recurring word n-grams, counted by how many
/// documents use them (document frequency), kept only when maximal.
///
/// Why document frequency: a formula is a phrase many *notes* use, not one note repeating a
/// term. Why maximal: "avails itself of this opportunity to renew to" implies all its 3- to
/// 9-word pieces; listing them is noise. A phrase is dropped when a one-word-longer phrase that
/// contains it occurs in as many documents (it never occurs without that extension); so the
/// output is the *closed* frequent phrases (a standard notion in frequent-sequence mining).
///
/// Algorithm (level-wise, Apriori): level n keeps the n-grams found in at least `minCount`
/// documents; a level-(n+1) candidate at position i is counted only when both its n-word prefix
/// (at i) and suffix (at i+1) are frequent, so the work per level is proportional to the tokens
/// still inside frequent runs. Punctuation and line breaks end a phrase (formulas do not span
/// them in our notes); numbers and placeable-like tokens match any number (`⟨n⟩`).
///
/// Cost: O(L × T) hashing for T tokens and L levels (L ≤ `maxLength`); 183 English notes
/// (≈ 80k words) mine in well under a second in release builds.
public struct PhraseMiner: Sendable {
    /// Minimum number of documents a phrase must occur in.
    public var minCount: Int
    /// Shortest phrase reported, in words.
    public var minLength: Int
    /// Longest phrase considered, in words.
    public var maxLength: Int
    /// A phrase is subsumed (dropped) when a one-word extension occurs in at least this share
    /// of its documents: 1.0 keeps exactly the closed phrases; the default 0.9 also drops
    /// "compliments to the" (180 notes) beside "its compliments to the" (177).
    public var subsumption: Double

    public init(minCount: Int = 5, minLength: Int = 3, maxLength: Int = 16, subsumption: Double = 0.9) {
        self.subsumption = min(max(subsumption, 0), 1)
        self.minCount = max(1, minCount)
        self.minLength = max(1, minLength)
        self.maxLength = max(self.minLength, maxLength)
    }

    /// A document to mine: a name (file name, kept for provenance) and its text.
    public struct Document: Sendable {
        public var name: String
        public var text: String
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// A recurring phrase.
    public struct Phrase: Sendable, Codable, Hashable {
        /// The phrase as first written in the documents (original case).
        public var phrase: String
        /// Its matching key: normalised words joined by spaces, numbers as `⟨n⟩`.
        public var key: String
        /// Number of words.
        public var length: Int
        /// Number of documents that contain it.
        public var documents: Int
        /// Number of occurrences in all documents.
        public var occurrences: Int
        /// The names of the documents that contain it, in input order.
        public var attestedIn: [String]
    }

    /// Hyphen-minus, hyphen and non-breaking hyphen: the marks that join the parts of a word.
    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }

    /// The closed frequent phrases of `documents`, most widespread first (then longest).
    public func mine(_ documents: [Document], language: Language) throws(ICUError) -> [Phrase] {
        let tokenizer = try Tokenizer(language: language)
        var vocabulary: [String: Int32] = [:]
        var words: [String] = []
        // Each document becomes runs of word ids; a run ends at punctuation or a line break.
        struct Run { var ids: [Int32]; var surfaces: [Range<String.UnicodeScalarView.Index>] }
        var runsByDocument: [[Run]] = []
        for document in documents {
            let scalars = document.text.unicodeScalars
            let scalarIndex = Array(scalars.indices) + [scalars.endIndex]
            var runs: [Run] = []
            var current = Run(ids: [], surfaces: [])
            var previousEnd = 0
            let tokens = GluedWords.split(tokenizer.tokenize(document.text))
            var index = 0
            while index < tokens.count {
                let token = tokens[index]
                index += 1
                let gap = scalars[scalarIndex[previousEnd]..<scalarIndex[token.range.lowerBound]]
                let breaksLine = gap.contains { $0 == "\n" || $0 == "\r" }
                previousEnd = token.range.upperBound
                let isBarrier = token.kind == .punctuation || breaksLine
                if isBarrier, !current.ids.isEmpty {
                    runs.append(current)
                    current = Run(ids: [], surfaces: [])
                }
                if token.kind == .punctuation { continue }
                var key = token.kind == .number ? "⟨n⟩" : token.key
                var upper = token.range.upperBound
                // A hyphenated word is one word ("Pays-Bas", « vice-président »): cutting a phrase
                // at its hyphen gives "Royaume des Pays", which no note says (review 1130d m7).
                while token.kind == .word, index + 1 < tokens.count, tokens[index].kind == .punctuation,
                      tokens[index].range.lowerBound == upper, tokens[index + 1].range.lowerBound == tokens[index].range.upperBound,
                      tokens[index + 1].kind == .word, Self.isHyphen(scalars[scalarIndex[tokens[index].range.lowerBound]]),
                      tokens[index].range.count == 1 {
                    key += "-" + tokens[index + 1].key
                    upper = tokens[index + 1].range.upperBound
                    previousEnd = upper
                    index += 2
                }
                let id: Int32
                if let known = vocabulary[key] { id = known } else {
                    id = Int32(words.count)
                    vocabulary[key] = id
                    words.append(key)
                }
                current.ids.append(id)
                current.surfaces.append(scalarIndex[token.range.lowerBound]..<scalarIndex[upper])
            }
            if !current.ids.isEmpty { runs.append(current) }
            runsByDocument.append(runs)
        }

        struct Stats { var documents = 0; var occurrences = 0; var lastDocument = -1; var attested: [Int] = []; var firstSurface: (doc: Int, run: Int, start: Int)? }
        var results: [[Int32]: Stats] = [:]
        var previousLevel: [[Int32]: Stats] = [:]
        var closedByExtension: Set<[Int32]> = []
        for length in 1...maxLength {
            var level: [[Int32]: Stats] = [:]
            for (d, runs) in runsByDocument.enumerated() {
                for (r, run) in runs.enumerated() where run.ids.count >= length {
                    for i in 0...(run.ids.count - length) {
                        if length > 1 {
                            // Apriori: both (length-1)-grams inside must be frequent.
                            let prefix = Array(run.ids[i..<(i + length - 1)])
                            let suffix = Array(run.ids[(i + 1)..<(i + length)])
                            guard previousLevel[prefix] != nil, previousLevel[suffix] != nil else { continue }
                        }
                        let gram = Array(run.ids[i..<(i + length)])
                        var stats = level[gram] ?? Stats()
                        stats.occurrences += 1
                        if stats.lastDocument != d {
                            stats.lastDocument = d
                            stats.documents += 1
                            stats.attested.append(d)
                        }
                        if stats.firstSurface == nil { stats.firstSurface = (d, r, i) }
                        level[gram] = stats
                    }
                }
            }
            level = level.filter { $0.value.documents >= minCount }
            if level.isEmpty { break }
            // A (length-1)-gram is subsumed when an extension occurs in as many documents.
            if length > 1 {
                for (gram, stats) in level {
                    let prefix = Array(gram.dropLast()), suffix = Array(gram.dropFirst())
                    for part in [prefix, suffix] {
                        if let shorter = previousLevel[part], Double(stats.documents) >= subsumption * Double(shorter.documents) {
                            closedByExtension.insert(part)
                        }
                    }
                }
            }
            for (gram, stats) in previousLevel where gram.count >= minLength { results[gram] = stats }
            previousLevel = level
        }
        for (gram, stats) in previousLevel where gram.count >= minLength { results[gram] = stats }

        var phrases: [Phrase] = []
        for (gram, stats) in results where !closedByExtension.contains(gram) {
            // Phrases made only of numbers and one-letter words are layout, not formulas.
            guard gram.contains(where: { words[Int($0)] != "⟨n⟩" && words[Int($0)].count > 1 }) else { continue }
            var surface = gram.map { words[Int($0)] }.joined(separator: " ")
            if let first = stats.firstSurface {
                let run = runsByDocument[first.doc][first.run]
                let text = documents[first.doc].text.unicodeScalars
                let lower = run.surfaces[first.start].lowerBound
                let upper = run.surfaces[first.start + gram.count - 1].upperBound
                surface = String(String.UnicodeScalarView(text[lower..<upper]))
                    .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            }
            phrases.append(Phrase(
                phrase: surface, key: gram.map { words[Int($0)] }.joined(separator: " "), length: gram.count,
                documents: stats.documents, occurrences: stats.occurrences,
                attestedIn: stats.attested.map { documents[$0].name }))
        }
        return phrases.sorted {
            ($0.documents, $0.length, $1.key) > ($1.documents, $1.length, $0.key)
        }
    }
}
