import Foundation

/// A learned correction of ICU's Khmer word boundaries: a logistic model over character
/// clusters that decides, between every two Khmer clusters, whether a word ends there.
///
/// Why: ICU's dictionary alone reaches boundary F1 ≈ 0.90 on human-segmented news text, and
/// orthographic rules ≈ 0.93. The model adds what a reader knows from context: its features
/// are the clusters around the position (uni-, bi- and trigrams), their shapes, ICU's own
/// decision there and the ICU word it would cut or join. It was trained only on Khmer text that
/// translators segmented with U+200B in Debian's gettext catalogues (apt, dpkg, shadow,
/// iso-codes…, GPL/LGPL) and LibreOffice's Khmer translations (MPL 2.0): see
/// `Tools/khmer-boundaries/`. No word list or model comes from the khPOS sample used to
/// measure it. Weights ship in `Resources/khmer-word-boundaries.tsv` (≈ 26k features).
///
/// Cost: loading parses the weights once per process (tens of milliseconds); each decision
/// builds about 14 feature strings and looks them up, so Khmer tokenizes a few times slower
/// than with the rules alone (see `verbale-bench tokenize`).
struct KhmerBoundaryModel: Sendable {
    /// Weights by the FNV-1a hash of the feature's name (its UTF-16 units): inference hashes
    /// the same units straight from the text, so no feature string is ever built.
    private let weights: [UInt64: Float]
    private let intercept: Float
    /// Decision thresholds, as log-odds: a position ICU breaks at stays a boundary above
    /// logit(0.30); a position ICU joins becomes one above logit(0.45).
    private let thresholdAtICUBoundary: Float = -0.8473
    private let thresholdElsewhere: Float = -0.2007

    /// The shipped model, or nil when its resource is missing (then the rules alone are used).
    static let shipped: KhmerBoundaryModel? = {
        guard let url = Bundle.module.url(forResource: "khmer-word-boundaries", withExtension: "tsv", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return KhmerBoundaryModel(tsv: text)
    }()

    init?(tsv: String) {
        var weights: [UInt64: Float] = [:]
        var intercept: Float = 0
        for line in tsv.split(separator: "\n") {
            guard let tab = line.lastIndex(of: "\t"), let weight = Float(line[line.index(after: tab)...]) else { continue }
            let name = line[..<tab]
            if name == "__intercept__" { intercept = weight } else {
                var hash = FeatureHash()
                hash.add(name: name)
                weights[hash.value] = weight
            }
        }
        guard !weights.isEmpty else { return nil }
        self.weights = weights
        self.intercept = intercept
    }

    /// Re-cuts `pieces` (adjacent UTF-16 ranges, as ICU and the rules left them) where the
    /// model says words end. Only positions between two Khmer letter clusters are decided;
    /// every other boundary (digits, punctuation, Latin) is kept as it was.
    func resegment(_ pieces: [Range<Int>], _ units: UnsafeBufferPointer<UInt16>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(pieces.count)
        var chainStart = 0
        for i in pieces.indices {
            let chainEnds = i + 1 == pieces.count || pieces[i].upperBound != pieces[i + 1].lowerBound
            guard chainEnds else { continue }
            let chain = pieces[chainStart...i]
            chainStart = i + 1
            if chain.contains(where: { piece in piece.contains { KhmerScript.isLetter(units[$0]) } }) {
                resegment(chain, units, into: &result)
            } else {
                result.append(contentsOf: chain)
            }
        }
        return result
    }

    private func resegment(_ chain: ArraySlice<Range<Int>>, _ units: UnsafeBufferPointer<UInt16>, into result: inout [Range<Int>]) {
        guard let first = chain.first, let last = chain.last else { return }
        let clusters = Self.clusters(first.lowerBound..<last.upperBound, units)
        guard clusters.count > 1 else { result.append(contentsOf: chain); return }
        let shapes = clusters.map { Self.shape($0, units) }
        var pieceAt: [Int: Range<Int>] = [:], pieceEndingAt: [Int: Range<Int>] = [:]
        for piece in chain {
            pieceAt[piece.lowerBound] = piece
            pieceEndingAt[piece.upperBound] = piece
        }
        var containing = chain.startIndex
        var start = first.lowerBound
        for k in 1..<clusters.count {
            let offset = clusters[k].lowerBound
            let icu = pieceAt[offset] != nil
            let decided: Bool
            if KhmerScript.isLetter(units[clusters[k - 1].lowerBound]), KhmerScript.isLetter(units[offset]) {
                while chain[containing].upperBound <= offset { containing += 1 }
                let score = self.score(k, clusters, shapes, icu: icu, units: units, offset: offset,
                                       left: pieceEndingAt[offset], right: pieceAt[offset], inside: chain[containing])
                decided = score > (icu ? thresholdAtICUBoundary : thresholdElsewhere)
            } else {
                decided = icu
            }
            if decided {
                result.append(start..<offset)
                start = offset
            }
        }
        result.append(start..<last.upperBound)
    }

    private func score(_ k: Int, _ clusters: [Range<Int>], _ shapes: [StaticString], icu: Bool, units: UnsafeBufferPointer<UInt16>,
                       offset: Int, left: Range<Int>?, right: Range<Int>?, inside: Range<Int>) -> Float {
        // The feature names, as in Tools/khmer-boundaries/clf.py: g(i) is cluster i's text or
        // "#", t(i) its shape or "#".
        func g(_ hash: inout FeatureHash, _ i: Int) {
            if i >= 0, i < clusters.count { hash.add(units, clusters[i]) } else { hash.add("#") }
        }
        func t(_ hash: inout FeatureHash, _ i: Int) {
            if i >= 0, i < shapes.count { hash.add(shapes[i]) } else { hash.add("#") }
        }
        func weight(_ build: (inout FeatureHash) -> Void) -> Float {
            var hash = FeatureHash()
            build(&hash)
            return weights[hash.value] ?? 0
        }
        let flag: StaticString = icu ? "1" : "0"
        var sum = intercept + weight { $0.add("b") } + (icu ? weight { $0.add("icu") } : 0)
        sum += weight { $0.add("l1="); g(&$0, k - 1) }
        sum += weight { $0.add("r1="); g(&$0, k) }
        sum += weight { $0.add("l2="); g(&$0, k - 2); $0.add("|"); g(&$0, k - 1) }
        sum += weight { $0.add("r2="); g(&$0, k); $0.add("|"); g(&$0, k + 1) }
        sum += weight { $0.add("lr="); g(&$0, k - 1); $0.add("|"); g(&$0, k) }
        sum += weight { $0.add("lrr="); g(&$0, k - 1); $0.add("|"); g(&$0, k); $0.add("|"); g(&$0, k + 1) }
        sum += weight { $0.add("llr="); g(&$0, k - 2); $0.add("|"); g(&$0, k - 1); $0.add("|"); g(&$0, k) }
        sum += weight { $0.add("t="); t(&$0, k - 2); t(&$0, k - 1); $0.add("|"); t(&$0, k); t(&$0, k + 1) }
        sum += weight { $0.add("icu_lr="); $0.add(flag); g(&$0, k - 1); $0.add("|"); g(&$0, k) }
        sum += weight { $0.add("icu_t="); $0.add(flag); t(&$0, k - 1); $0.add("|"); t(&$0, k) }
        if icu {
            if let left { sum += weight { $0.add("lw="); $0.add(units, left) } }
            if let right { sum += weight { $0.add("rw="); $0.add(units, right) } }
        } else if inside.lowerBound < offset, offset < inside.upperBound {
            sum += weight { $0.add("pre="); $0.add(units, inside.lowerBound..<offset) }
            sum += weight { $0.add("suf="); $0.add(units, offset..<inside.upperBound) }
        }
        return sum
    }

    /// Khmer character clusters: a base character and the marks and subscripts on it.
    static func clusters(_ range: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            var j = i + 1
            while j < range.upperBound, KhmerScript.isMark(units[j]) || (units[j - 1] == KhmerScript.coeng && KhmerScript.isConsonant(units[j])) {
                j += 1
            }
            result.append(i..<j)
            i = j
        }
        return result
    }

    /// The shape of a cluster: D digit, C bare consonant, CS consonant with subscript and no
    /// vowel, V consonant with vowel or sign, I independent vowel, P anything else.
    static func shape(_ cluster: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> StaticString {
        let first = units[cluster.lowerBound]
        if KhmerScript.isDigit(first) || (0x30...0x39).contains(first) { return "D" }
        if KhmerScript.isConsonant(first) {
            if cluster.count == 1 { return "C" }
            var coeng = false, vowel = false
            for i in cluster {
                if units[i] == KhmerScript.coeng { coeng = true }
                if KhmerScript.isDependentVowel(units[i]) { vowel = true }
            }
            return coeng && !vowel ? "CS" : "V"
        }
        if KhmerScript.isIndependentVowel(first) { return "I" }
        return "P"
    }
}

/// 64-bit FNV-1a over UTF-16 code units, fed piece by piece: the hash of a feature name is the
/// same whether it is read from the weights file or assembled from slices of the text.
struct FeatureHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ unit: UInt16) {
        value ^= UInt64(unit)
        value &*= 0x0000_0100_0000_01B3
    }

    mutating func add(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) {
        for i in range { add(units[i]) }
    }

    mutating func add(_ text: StaticString) {
        text.withUTF8Buffer { for byte in $0 { add(UInt16(byte)) } }
    }

    mutating func add(name text: Substring) {
        for unit in text.utf16 { add(unit) }
    }
}
