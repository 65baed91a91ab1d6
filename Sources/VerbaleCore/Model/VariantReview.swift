extension Variant {
    /// The review status of this variant: its own `<prop type="x-review">` (shipped Khmer
    /// renderings carry one), else the unit's. Cost: a scan of the variant's properties.
    public func review(in unit: TranslationUnit) -> ReviewStatus {
        properties.last { $0.type == "x-review" }.flatMap { ReviewStatus(rawValue: $0.value.lowercased()) } ?? unit.metadata.review
    }
}

extension ReviewStatus {
    /// How far the status trusts a text, lowest first: rejected, unreviewed, translated,
    /// reviewed, approved. Used to keep the lower of two statuses (a unit's and its text's).
    public var trust: Int {
        switch self {
        case .rejected: 0
        case .unreviewed: 1
        case .translated: 2
        case .reviewed: 3
        case .approved: 4
        }
    }
}
