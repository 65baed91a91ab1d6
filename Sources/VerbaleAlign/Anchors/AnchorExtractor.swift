import Foundation
import VerbaleCore

/// Finds the anchors of a sentence: the things a faithful translation keeps.
///
/// - numbers, with Khmer digits (០–៩) read as ASCII and group separators dropped, so "1,000",
///   "1 000" and "១០០០" agree; leading zeros are dropped ("01" = "1");
/// - month names in English, French and Khmer, as `month:N`;
/// - e-mail addresses and URLs, lower-cased;
/// - list numbering at the start ("1.", "(b)", "iv)"), as `list:…`;
/// - the punctuation marks ? ! and a final colon;
/// - distinctive tokens: in Latin text, capitalised words other than the first, acronyms and
///   tokens mixing letters with digits or symbols (`%s`, `--force`); in Khmer text every
///   Latin-script token (names and codes are usually left in Latin letters);
/// - glossary concepts, when `TermConcept`s are given.
///
/// A light scanner of its own rather than the full tokenizer: it runs on every sentence of both
/// documents and must stay O(n) with a small constant.
struct AnchorExtractor: Sendable {
    let language: Language
    /// Khmer renderings (searched as substrings: Khmer has no spaces), lower-cased.
    private let khmerTerms: [(text: String, concept: Int)]
    /// Latin renderings by their first word, as word sequences (matched on word boundaries, so
    /// "Oman" is not found in "woman").
    private let latinTerms: [String: [(words: [String], concept: Int)]]

    init(language: Language, concepts: [TermConcept] = []) {
        self.language = language
        var khmer: [(String, Int)] = []
        var latin: [String: [([String], Int)]] = [:]
        for (index, concept) in concepts.enumerated() {
            for rendering in concept.renderings[language] ?? [] {
                let key = Self.searchKey(rendering)
                guard key.count >= 3 else { continue }
                if key.unicodeScalars.contains(where: { (0x1780...0x17FF).contains($0.value) }) {
                    khmer.append((key.replacingOccurrences(of: " ", with: ""), index))
                } else {
                    let words = Self.words(key)
                    if let first = words.first { latin[first, default: []].append((words, index)) }
                }
            }
        }
        khmerTerms = khmer
        latinTerms = latin
    }

    /// Lower-cased words (letters and digits) of a text.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }).map(String.init)
    }

    func features(of sentence: String) -> SentenceFeatures {
        var strong = Set<Int>(), names = Set<Int>(), keys = Set<Int>(), stems = Set<Int>()
        var marks: UInt8 = 0
        let chunks = Self.chunks(of: sentence)
        var pendingNumber: String?
        var previousWasGroup = false

        func flushNumber() {
            if let number = pendingNumber {
                strong.insert(Self.hash("n:" + number))
                pendingNumber = nil
            }
        }

        for (position, chunk) in chunks.enumerated() {
            let lowered = chunk.lowercased()
            if position == 0, let item = Self.listItem(chunk) {
                strong.insert(Self.hash("list:" + item))
                marks |= SentenceFeatures.Marks.listItem
                continue
            }
            if chunk.contains("@"), chunk.contains("."), chunk.count > 4 {
                flushNumber()
                strong.insert(Self.hash("mail:" + Self.stripEdges(lowered)))
                continue
            }
            if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("www.") {
                flushNumber()
                strong.insert(Self.hash("url:" + Self.stripEdges(lowered)))
                continue
            }
            // Numbers: digit runs inside the chunk; "1 000" (two chunks) joins when the second
            // chunk is exactly three digits.
            let runs = Self.digitRuns(chunk)
            if !runs.isEmpty {
                let isGroup = runs.count == 1 && runs[0].count == 3 && chunk.allSatisfy { Self.digitValue($0) != nil }
                if isGroup, previousWasGroup || pendingNumber != nil, let pending = pendingNumber {
                    pendingNumber = pending + runs[0]
                } else {
                    flushNumber()
                    for run in runs.dropLast() { strong.insert(Self.hash("n:" + Self.trimZeros(run))) }
                    pendingNumber = runs.last.map(Self.trimZeros)
                }
                previousWasGroup = chunk.allSatisfy { Self.digitValue($0) != nil }
                if !chunk.contains(where: \.isLetter) { continue }
            } else {
                flushNumber()
                previousWasGroup = false
            }
            if let month = Self.month(lowered, original: chunk, isFirst: position == 0) {
                strong.insert(Self.hash("month:\(month)"))
            }
            // Latin-script and symbolic tokens.
            for token in Self.latinTokens(chunk) {
                let key = token.lowercased()
                keys.insert(Self.hash(key))
                if let stem = Self.stem(key) { stems.insert(stem) }
                if Self.isDistinctive(token, isFirst: position == 0, inKhmer: language == .khmer) {
                    names.insert(Self.hash(key))
                }
            }
        }
        flushNumber()

        if language == .khmer {
            for month in Self.khmerMonths.indices where sentence.contains(Self.khmerMonths[month]) {
                strong.insert(Self.hash("month:\(month + 1)"))
            }
        }
        if sentence.contains("?") { marks |= SentenceFeatures.Marks.question }
        if sentence.contains("!") { marks |= SentenceFeatures.Marks.exclamation }
        if sentence.trimmingWhitespace().hasSuffix(":") { marks |= SentenceFeatures.Marks.colon }

        var concepts = Set<Int>()
        if !latinTerms.isEmpty {
            let words = Self.words(sentence)
            for (position, word) in words.enumerated() {
                for term in latinTerms[word] ?? [] where position + term.words.count <= words.count
                    && Array(words[position..<(position + term.words.count)]) == term.words {
                    concepts.insert(term.concept)
                }
            }
        }
        if !khmerTerms.isEmpty {
            let key = Self.searchKey(sentence).replacingOccurrences(of: " ", with: "")
            for term in khmerTerms where key.contains(term.text) { concepts.insert(term.concept) }
        }
        for concept in concepts {
            let hash = Self.hash("term:\(concept)")
            names.insert(hash)
            keys.insert(hash)
        }
        return SentenceFeatures(length: SentenceLength.of(sentence), strong: strong.sorted(), names: names.sorted(), keys: keys, marks: marks, stems: stems.sorted())
    }

    // MARK: - Pieces

    static func hash(_ text: String) -> Int { text.hashValue }

    /// Lower-cased, without U+200B, white space collapsed: for glossary look-ups.
    static func searchKey(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "\u{200B}", with: "")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// White-space (and U+200B) separated pieces.
    static func chunks(of text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}" })
    }

    static func digitValue(_ character: Character) -> UInt32? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x17E0...0x17E9: return scalar.value - 0x17E0
        default: return nil
        }
    }

    /// Runs of digits, with "." or "," between digits kept inside a run (and then dropped), so
    /// "3.5" and "3,5" agree and "2021/01/045" gives three runs.
    static func digitRuns(_ chunk: Substring) -> [String] {
        var runs: [String] = []
        var current = ""
        let characters = Array(chunk)
        for (index, character) in characters.enumerated() {
            if let value = digitValue(character) {
                current.append(Character(String(value)))
            } else if (character == "." || character == ","), !current.isEmpty,
                      index + 1 < characters.count, digitValue(characters[index + 1]) != nil {
                continue
            } else if !current.isEmpty {
                runs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    static func trimZeros(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    static func stripEdges(_ text: String) -> String {
        String(text.drop { !$0.isLetter && !$0.isNumber }.reversed().drop { !$0.isLetter && !$0.isNumber && $0 != "/" }.reversed())
    }

    /// "1." "2)" "(3)" "a)" "(iv)" at the start of a sentence; bullets give "•".
    static func listItem(_ chunk: Substring) -> String? {
        if ["•", "-", "–", "—", "*", "·"].contains(chunk) { return "•" }
        var body = chunk
        if body.hasPrefix("(") { body = body.dropFirst() }
        guard let last = body.last, last == "." || last == ")" else { return nil }
        body = body.dropLast()
        guard !body.isEmpty, body.count <= 4 else { return nil }
        if body.allSatisfy({ digitValue($0) != nil }) {
            return trimZeros(String(body.compactMap { digitValue($0).map { Character(String($0)) } }))
        }
        let lowered = body.lowercased()
        if lowered.count == 1, let scalar = lowered.unicodeScalars.first, ("a"..."z").contains(scalar), chunk.last == ")" {
            return lowered
        }
        if lowered.allSatisfy({ "ivxl".contains($0) }), chunk.last == ")" || chunk.hasPrefix("(") { return lowered }
        return nil
    }

    /// The month a word names, 1–12, or nil. English "May" counts only capitalised and not at
    /// the start, so the verb does not.
    static func month(_ lowered: String, original: Substring, isFirst: Bool) -> Int? {
        let word = lowered.trimmingCharacters(in: { !$0.isLetter })
        if let index = englishMonths.firstIndex(of: word) {
            if word == "may" && (isFirst || original.first?.isUppercase != true) { return nil }
            return index + 1
        }
        if let index = frenchMonths.firstIndex(of: word) { return index + 1 }
        return nil
    }

    static let englishMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    static let khmerMonths = ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"]

    /// Latin-script words and symbolic tokens (`%s`, `--force`, `/etc/apt`) inside a chunk.
    static func latinTokens(_ chunk: Substring) -> [Substring] {
        var tokens: [Substring] = []
        var start: Substring.Index?
        var index = chunk.startIndex
        func isPart(_ c: Character) -> Bool {
            guard let scalar = c.unicodeScalars.first else { return false }
            return (scalar.isASCII && (c.isLetter || c.isNumber || c == "%" || c == "$" || c == "_" || c == "-" || c == "/"))
                || (0xC0...0x24F).contains(scalar.value)
        }
        while index < chunk.endIndex {
            let c = chunk[index]
            if isPart(c) {
                if start == nil { start = index }
            } else if let s = start {
                tokens.append(chunk[s..<index])
                start = nil
            }
            index = chunk.index(after: index)
        }
        if let s = start { tokens.append(chunk[s..<chunk.endIndex]) }
        return tokens.compactMap { token in
            let keepsLead = token.hasPrefix("--") || (token.hasPrefix("/") && token.count > 1)
            var body = keepsLead ? token : token.drop { $0 == "-" || $0 == "/" }
            while let last = body.last, last == "-" || last == "/" || last == "$" { body = body.dropLast() }
            return body.isEmpty ? nil : body
        }
    }

    static let minimumCognateLength = 4

    /// The cognate key of a lower-cased word: its first four letters without diacritics, for
    /// words of at least four letters.
    static func stem(_ word: String) -> Int? {
        var letters = ""
        var count = 0
        for scalar in word.unicodeScalars {
            guard scalar.properties.isAlphabetic else { return nil }
            count += 1
            if count <= 4 { letters.unicodeScalars.append(Self.baseLetter(scalar)) }
        }
        return count >= Self.minimumCognateLength ? hash("stem:" + letters) : nil
    }

    /// "é" → "e": the Latin letter without its accent (Latin-1 and Latin Extended-A).
    static func baseLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0xC0, scalar.value <= 0x17F else { return scalar }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        return decomposed.first ?? scalar
    }

    /// Whether a token is worth anchoring on.
    static func isDistinctive(_ token: Substring, isFirst: Bool, inKhmer: Bool) -> Bool {
        guard token.count >= 2 else { return false }
        if token.contains("%") || token.hasPrefix("--") || token.hasPrefix("/") || token.contains("_") { return true }
        let hasLetter = token.contains(where: \.isLetter)
        let hasDigit = token.contains(where: \.isNumber)
        if hasLetter && hasDigit { return true }
        guard hasLetter else { return false }
        if inKhmer { return true }
        let uppercase = token.filter(\.isUppercase).count
        if uppercase >= 2 { return true }
        return !isFirst && (token.first?.isUppercase ?? false)
    }
}

private extension String {
    func trimmingCharacters(in predicate: (Character) -> Bool) -> String {
        String(drop(while: predicate).reversed().drop(while: predicate).reversed())
    }
}
