/// The warnings of one read: the first `limit` in full (for messages), and an exact count of
/// every kind however many there are.
///
/// Why: a broken or padded file can carry millions of empty units; keeping each warning would
/// grow memory with the file, and counting only the kept ones would make `validate` and the
/// import summary under-report ("10,000 skipped" for 2 million). Cost: one dictionary update
/// per warning; memory O(`limit`).
public struct WarningLog: Sendable {
    /// Warnings kept in full; beyond this only `counts` grows.
    public static let limit = 10_000

    public private(set) var kept: [FormatWarning] = []
    /// Every warning seen, by kind (exact, not capped).
    public private(set) var counts: [FormatWarning.Kind: Int] = [:]
    /// Every warning seen (exact, not capped).
    public private(set) var total = 0

    public init() {}

    public mutating func append(_ warning: FormatWarning) {
        total += 1
        counts[warning.kind, default: 0] += 1
        if kept.count < Self.limit { kept.append(warning) }
    }
}
