import Foundation

/// Gale and Church's length model: the length of a translation is normally distributed around
/// `ratio` × the length of its original, with a variance that grows with the length.
///
/// For source length `s` and target length `t` (in `SentenceLength` units) the model looks at
/// `z = (s − t/ratio) / √(variance · (s + t/ratio)/2)`, and a bead's length cost is
/// `−log(2·(1 − Φ(|z|)))`, the two-sided tail of the standard normal. Gale and Church measured
/// `variance` ≈ 6.8 for English/French/German characters; `estimated(…)` fits both parameters to
/// the document pair at hand (Khmer graphemes, for instance, run shorter than Latin letters).
public struct LengthModel: Sendable, Equatable {
    /// Target units per source unit.
    public var ratio: Double
    /// Variance of the length difference per unit of length.
    public var variance: Double

    public init(ratio: Double = 1, variance: Double = 6.8) {
        self.ratio = ratio
        self.variance = variance
    }

    /// Gale and Church's published default.
    public static let galeChurch = LengthModel()

    /// Below this many units of text on either side, the ratio is not estimated.
    public static let minimumLengthForRatio = 200

    /// The model with `ratio` estimated from the total lengths of both documents (robust: a few
    /// deleted sentences move it by a few percent), keeping the default variance. O(1).
    public static func withRatio(sourceTotal: Int, targetTotal: Int, fallback: LengthModel = .galeChurch) -> LengthModel {
        guard sourceTotal >= minimumLengthForRatio, targetTotal >= minimumLengthForRatio else { return fallback }
        return LengthModel(ratio: Double(targetTotal) / Double(sourceTotal), variance: fallback.variance)
    }

    /// Fits `variance` to the pairs of lengths a first pass aligned `1-1`, when there are at
    /// least `minimumPairs` of them; otherwise returns `self`. Robust: the median of the squared
    /// standardised differences over the median of χ²₁ (0.455), so misaligned pairs do not
    /// inflate it; clamped to [3, 40] so that one odd document cannot make the model blind or
    /// paranoid. O(n log n).
    public func refined(with pairs: [(Int, Int)], minimumPairs: Int = 20) -> LengthModel {
        guard pairs.count >= minimumPairs else { return self }
        var squares: [Double] = []
        squares.reserveCapacity(pairs.count)
        for (s, t) in pairs {
            let scaled = Double(t) / ratio
            let mean = (Double(s) + scaled) / 2
            guard mean > 0 else { continue }
            let difference = Double(s) - scaled
            squares.append(difference * difference / mean)
        }
        guard !squares.isEmpty else { return self }
        squares.sort()
        let median = squares[squares.count / 2]
        return LengthModel(ratio: ratio, variance: min(max(median / 0.455, 3), 40))
    }

    /// The standardised length difference `z` of a bead joining `source` and `target` units.
    @inlinable
    public func z(source: Int, target: Int) -> Double {
        let s = Double(source), t = Double(target) / ratio
        let mean = (s + t) / 2
        guard mean > 0 else { return 0 }
        return (s - t) / (variance * mean).squareRoot()
    }

    /// `−log(2·(1 − Φ(|z|)))`: 0 for equal lengths, growing like z²/2.
    @inlinable
    public static func tailCost(_ z: Double) -> Double {
        let a = abs(z)
        if a < 30 {
            let tail = erfc(a / 2.0.squareRoot())
            if tail > 1e-300 { return -log(tail) }
        }
        // Asymptotic: log erfc(x) ≈ −x² − log(x√π).
        let x = a / 2.0.squareRoot()
        return x * x + log(x * Double.pi.squareRoot())
    }
}
