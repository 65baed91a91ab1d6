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
    private let weights: [String: Float]
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
        var weights: [String: Float] = [:]
        var intercept: Float = 0
        for line in tsv.split(separator: "\n") {
            guard let tab = line.lastIndex(of: "\t"), let weight = Float(line[line.index(after: tab)...]) else { continue }
            let name = String(line[..<tab])
            if name == "__intercept__" { intercept = weight } else { weights[name] = weight }
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
        let text = clusters.map { UTF16Text.string(units, $0) }
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
                let score = self.score(k, text, shapes, icu: icu, units: units, offset: offset,
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

    private func score(_ k: Int, _ text: [String], _ shapes: [String], icu: Bool, units: UnsafeBufferPointer<UInt16>, offset: Int,
                       left: Range<Int>?, right: Range<Int>?, inside: Range<Int>) -> Float {
        let g = { (i: Int) -> String in i >= 0 && i < text.count ? text[i] : "#" }
        let t = { (i: Int) -> String in i >= 0 && i < shapes.count ? shapes[i] : "#" }
        let flag = icu ? "1" : "0"
        var sum = intercept + (weights["b"] ?? 0) + (icu ? weights["icu"] ?? 0 : 0)
        let l2 = g(k - 2), l1 = g(k - 1), r1 = g(k), r2 = g(k + 1)
        var names = [
            "l1=" + l1, "r1=" + r1, "l2=" + l2 + "|" + l1, "r2=" + r1 + "|" + r2, "lr=" + l1 + "|" + r1,
            "lrr=" + l1 + "|" + r1 + "|" + r2, "llr=" + l2 + "|" + l1 + "|" + r1,
            "t=" + t(k - 2) + t(k - 1) + "|" + t(k) + t(k + 1), "icu_lr=" + flag + l1 + "|" + r1, "icu_t=" + flag + t(k - 1) + "|" + t(k),
        ]
        if icu {
            if let left { names.append("lw=" + UTF16Text.string(units, left)) }
            if let right { names.append("rw=" + UTF16Text.string(units, right)) }
        } else if inside.lowerBound < offset, offset < inside.upperBound {
            names.append("pre=" + UTF16Text.string(units, inside.lowerBound..<offset))
            names.append("suf=" + UTF16Text.string(units, offset..<inside.upperBound))
        }
        for name in names { sum += weights[name] ?? 0 }
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
    static func shape(_ cluster: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> String {
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
