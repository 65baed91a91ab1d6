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
/// Cost: loading parses the weights once per process (tens of milliseconds). Each decision
/// hashes about 14 feature names straight from the text (FNV-1a over UTF-16 units, no string
/// built) and looks each up in an open-addressing table (`FeatureWeights`); a chain of pieces
/// costs O(its length) with scratch buffers reused across calls, so no allocation per decision.
struct KhmerBoundaryModel: Sendable {
    /// Weights by the FNV-1a hash of the feature's name (its UTF-16 units): inference hashes
    /// the same units straight from the text, so no feature string is ever built.
    private let weights: FeatureWeights
    private let intercept: Float
    /// Decision thresholds, as log-odds: a position ICU breaks at stays a boundary above
    /// logit(0.30); a position ICU joins becomes one above logit(0.45).
    private let thresholdAtICUBoundary: Float = -0.8473
    private let thresholdElsewhere: Float = -0.2007

    /// The shipped model, or nil when its resource is missing or unreadable. Documented
    /// fallback: the tokenizer then cuts Khmer with ICU and the orthographic rules alone
    /// (boundary F1 ≈ 0.93 instead of the model's); `load(from:)` gives the reason. Found with
    /// `ShippedResource`, not `Bundle.module`, which would trap instead.
    static let shipped: KhmerBoundaryModel? = try? load(from: ShippedResource.core.url(relativePath)).get()

    /// The weights' path inside VerbaleCore's resources.
    static let relativePath = "Resources/khmer-word-boundaries.tsv"

    /// Loads the model at `url`; a clear error when it is missing, unreadable or empty.
    static func load(from url: URL?, resource: ShippedResource = .core) -> Result<KhmerBoundaryModel, KhmerModelError> {
        guard let url else { return .failure(.missing(resource.notFound(relativePath))) }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            return .failure(.unreadable(path: url.path, reason: error.localizedDescription))
        }
        guard let model = KhmerBoundaryModel(tsv: text) else { return .failure(.unreadable(path: url.path, reason: "no feature weights in the file")) }
        return .success(model)
    }

    init?(tsv: String) {
        var weights: [(UInt64, Float)] = []
        var intercept: Float = 0
        for line in tsv.split(separator: "\n") {
            guard let tab = line.lastIndex(of: "\t"), let weight = Float(line[line.index(after: tab)...]) else { continue }
            let name = line[..<tab]
            if name == "__intercept__" { intercept = weight } else {
                var hash = FeatureHash()
                hash.add(name: name)
                weights.append((hash.value, weight))
            }
        }
        guard !weights.isEmpty else { return nil }
        self.weights = FeatureWeights(weights)
        self.intercept = intercept
    }

    /// Buffers one tokenizer reuses across texts, so that deciding costs no allocation.
    struct Scratch {
        var clusters: [Range<Int>] = []
        var shapes: [ClusterShape] = []
        var result: [Range<Int>] = []
    }

    /// Re-cuts `pieces` (adjacent UTF-16 ranges, as ICU and the rules left them) where the
    /// model says words end. Only positions between two Khmer letter clusters are decided;
    /// every other boundary (digits, punctuation, Latin) is kept as it was.
    func resegment(_ pieces: [Range<Int>], _ units: UnsafeBufferPointer<UInt16>) -> [Range<Int>] {
        var scratch = Scratch()
        resegment(pieces, units, scratch: &scratch)
        return scratch.result
    }

    /// As `resegment(_:_:)`, leaving the pieces in `scratch.result`.
    func resegment(_ pieces: [Range<Int>], _ units: UnsafeBufferPointer<UInt16>, scratch: inout Scratch) {
        scratch.result.removeAll(keepingCapacity: true)
        scratch.result.reserveCapacity(pieces.count + 8)
        var chainStart = 0
        for i in pieces.indices {
            let chainEnds = i + 1 == pieces.count || pieces[i].upperBound != pieces[i + 1].lowerBound
            guard chainEnds else { continue }
            let chain = pieces[chainStart...i]
            chainStart = i + 1
            if chain.contains(where: { piece in piece.contains { KhmerScript.isLetter(units[$0]) } }) {
                resegment(chain, units, &scratch)
            } else {
                scratch.result.append(contentsOf: chain)
            }
        }
    }

    /// One chain of adjacent pieces. The pieces are non-empty, sorted and contiguous, so the piece
    /// containing a cluster's start is found by walking forward, and ICU broke there exactly when
    /// that piece starts there (then the piece before it ends there).
    private func resegment(_ chain: ArraySlice<Range<Int>>, _ units: UnsafeBufferPointer<UInt16>, _ scratch: inout Scratch) {
        guard let first = chain.first, let last = chain.last else { return }
        Self.clusters(first.lowerBound..<last.upperBound, units, into: &scratch.clusters)
        let clusters = scratch.clusters
        guard clusters.count > 1 else { scratch.result.append(contentsOf: chain); return }
        scratch.shapes.removeAll(keepingCapacity: true)
        for cluster in clusters { scratch.shapes.append(ClusterShape(cluster, units)) }
        let shapes = scratch.shapes
        var containing = chain.startIndex
        var start = first.lowerBound
        for k in 1..<clusters.count {
            let offset = clusters[k].lowerBound
            while chain[containing].upperBound <= offset { containing += 1 }
            let icu = chain[containing].lowerBound == offset
            let decided: Bool
            if KhmerScript.isLetter(units[clusters[k - 1].lowerBound]), KhmerScript.isLetter(units[offset]) {
                let inside = chain[containing]
                let left = icu ? chain[containing - 1] : inside
                let score = self.score(k, clusters, shapes, icu: icu, units: units, offset: offset, left: left, inside: inside)
                decided = score > (icu ? thresholdAtICUBoundary : thresholdElsewhere)
            } else {
                decided = icu
            }
            if decided {
                scratch.result.append(start..<offset)
                start = offset
            }
        }
        scratch.result.append(start..<last.upperBound)
    }

    /// The log-odds of a word boundary before cluster `k`. `inside` is the piece holding the
    /// cluster's start; at an ICU boundary `left` is the piece ending there (else unused).
    /// The terms are added in the order of the reference implementation, so that the sum (and
    /// every decision) is the same to the last bit.
    private func score(_ k: Int, _ clusters: [Range<Int>], _ shapes: [ClusterShape], icu: Bool, units: UnsafeBufferPointer<UInt16>,
                       offset: Int, left: Range<Int>, inside: Range<Int>) -> Float {
        // The feature names, as in Tools/khmer-boundaries/clf.py: g(i) is cluster i's text or
        // "#", t(i) its shape or "#".
        func g(_ hash: inout FeatureHash, _ i: Int) {
            if i >= 0, i < clusters.count { hash.add(units, clusters[i]) } else { hash.add(0x23) }
        }
        func t(_ hash: inout FeatureHash, _ i: Int) {
            if i >= 0, i < shapes.count { shapes[i].add(to: &hash) } else { hash.add(0x23) }
        }
        func weight(_ prefix: FeatureHash, _ build: (inout FeatureHash) -> Void) -> Float {
            var hash = prefix
            build(&hash)
            return weights[hash.value]
        }
        let bar: UInt16 = 0x7C
        let p = FeaturePrefixes.shared
        let flag: UInt16 = icu ? 0x31 : 0x30
        var sum = intercept + weights[p.b.value] + (icu ? weights[p.icu.value] : 0)
        sum += weight(p.l1) { g(&$0, k - 1) }
        sum += weight(p.r1) { g(&$0, k) }
        sum += weight(p.l2) { g(&$0, k - 2); $0.add(bar); g(&$0, k - 1) }
        sum += weight(p.r2) { g(&$0, k); $0.add(bar); g(&$0, k + 1) }
        sum += weight(p.lr) { g(&$0, k - 1); $0.add(bar); g(&$0, k) }
        sum += weight(p.lrr) { g(&$0, k - 1); $0.add(bar); g(&$0, k); $0.add(bar); g(&$0, k + 1) }
        sum += weight(p.llr) { g(&$0, k - 2); $0.add(bar); g(&$0, k - 1); $0.add(bar); g(&$0, k) }
        sum += weight(p.t) { t(&$0, k - 2); t(&$0, k - 1); $0.add(bar); t(&$0, k); t(&$0, k + 1) }
        sum += weight(p.icuLR) { $0.add(flag); g(&$0, k - 1); $0.add(bar); g(&$0, k) }
        sum += weight(p.icuT) { $0.add(flag); t(&$0, k - 1); $0.add(bar); t(&$0, k) }
        if icu {
            sum += weight(p.lw) { $0.add(units, left) }
            sum += weight(p.rw) { $0.add(units, inside) }
        } else if inside.lowerBound < offset, offset < inside.upperBound {
            sum += weight(p.pre) { $0.add(units, inside.lowerBound..<offset) }
            sum += weight(p.suf) { $0.add(units, offset..<inside.upperBound) }
        }
        return sum
    }

    /// Khmer character clusters: a base character and the marks and subscripts on it.
    static func clusters(_ range: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        clusters(range, units, into: &result)
        return result
    }

    /// As `clusters(_:_:)`, into a reused buffer (emptied first).
    static func clusters(_ range: Range<Int>, _ units: UnsafeBufferPointer<UInt16>, into result: inout [Range<Int>]) {
        result.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        while i < range.upperBound {
            var j = i + 1
            while j < range.upperBound, KhmerScript.isMark(units[j]) || (units[j - 1] == KhmerScript.coeng && KhmerScript.isConsonant(units[j])) {
                j += 1
            }
            result.append(i..<j)
            i = j
        }
    }
}

/// The shape of a cluster: D digit, C bare consonant, CS consonant with subscript and no
/// vowel, V consonant with vowel or sign, I independent vowel, P anything else.
enum ClusterShape: UInt8, Sendable {
    case digit, consonant, consonantWithSubscript, voweled, independentVowel, other

    init(_ cluster: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) {
        let first = units[cluster.lowerBound]
        if KhmerScript.isDigit(first) || (0x30...0x39).contains(first) { self = .digit; return }
        if KhmerScript.isConsonant(first) {
            if cluster.count == 1 { self = .consonant; return }
            var coeng = false, vowel = false
            for i in cluster {
                if units[i] == KhmerScript.coeng { coeng = true }
                if KhmerScript.isDependentVowel(units[i]) { vowel = true }
            }
            self = coeng && !vowel ? .consonantWithSubscript : .voweled
            return
        }
        self = KhmerScript.isIndependentVowel(first) ? .independentVowel : .other
    }

    /// Feeds the shape's name in the weights file (D, C, CS, V, I or P) to `hash`.
    func add(to hash: inout FeatureHash) {
        switch self {
        case .digit: hash.add(0x44)
        case .consonant: hash.add(0x43)
        case .consonantWithSubscript: hash.add(0x43); hash.add(0x53)
        case .voweled: hash.add(0x56)
        case .independentVowel: hash.add(0x49)
        case .other: hash.add(0x50)
        }
    }
}

/// The hash states after each feature name's fixed prefix (`l1=`, `icu_lr=`…), computed once.
struct FeaturePrefixes: Sendable {
    let b, icu, l1, r1, l2, r2, lr, lrr, llr, t, icuLR, icuT, lw, rw, pre, suf: FeatureHash

    static let shared = FeaturePrefixes()

    private init() {
        func prefix(_ name: String) -> FeatureHash {
            var hash = FeatureHash()
            for unit in name.utf16 { hash.add(unit) }
            return hash
        }
        b = prefix("b"); icu = prefix("icu"); l1 = prefix("l1="); r1 = prefix("r1="); l2 = prefix("l2="); r2 = prefix("r2=")
        lr = prefix("lr="); lrr = prefix("lrr="); llr = prefix("llr="); t = prefix("t="); icuLR = prefix("icu_lr=")
        icuT = prefix("icu_t="); lw = prefix("lw="); rw = prefix("rw="); pre = prefix("pre="); suf = prefix("suf=")
    }
}

/// 64-bit FNV-1a over UTF-16 code units, fed piece by piece: the hash of a feature name is the
/// same whether it is read from the weights file or assembled from slices of the text.
struct FeatureHash: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ unit: UInt16) {
        value ^= UInt64(unit)
        value &*= 0x0000_0100_0000_01B3
    }

    mutating func add(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) {
        var i = range.lowerBound
        while i < range.upperBound { add(units[i]); i += 1 }
    }

    mutating func add(name text: Substring) {
        for unit in text.utf16 { add(unit) }
    }
}

/// Why the Khmer boundary model could not be loaded.
enum KhmerModelError: Error, CustomStringConvertible, Equatable {
    case missing(String)
    case unreadable(path: String, reason: String)

    var description: String {
        switch self {
        case let .missing(searched): "the Khmer word-boundary model could not be loaded: \(searched)"
        case let .unreadable(path, reason): "the Khmer word-boundary model could not be loaded: \(path): \(reason)"
        }
    }
}
