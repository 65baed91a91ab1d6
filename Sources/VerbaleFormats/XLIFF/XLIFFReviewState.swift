import VerbaleCore

/// How XLIFF's workflow states map to Verbale's `ReviewStatus`.
///
/// XLIFF 2.0 `state` has four values (initial, translated, reviewed, final); Verbale writes
/// `subState="verbale:<status>"` beside it so the five statuses survive a round trip, and
/// reads other tools' files from `state` alone. XLIFF 1.2's `<target state>` values map
/// needs-* to unreviewed, signed-off to reviewed, final (or `approved="yes"`) to approved.
enum XLIFFReviewState {
    static let subStatePrefix = "verbale:"

    static func state2(_ review: ReviewStatus) -> String {
        switch review {
        case .unreviewed, .rejected: "initial"
        case .translated: "translated"
        case .reviewed: "reviewed"
        case .approved: "final"
        }
    }

    static func review2(state: String?, subState: String?) -> ReviewStatus {
        if let subState, subState.hasPrefix(subStatePrefix),
           let review = ReviewStatus(rawValue: String(subState.dropFirst(subStatePrefix.count))) {
            return review
        }
        switch state {
        case "initial": return .unreviewed
        case "reviewed": return .reviewed
        case "final": return .approved
        default: return .translated
        }
    }

    static func state12(_ review: ReviewStatus) -> String {
        switch review {
        case .unreviewed: "needs-review-translation"
        case .translated: "translated"
        case .reviewed: "signed-off"
        case .approved: "final"
        case .rejected: "x-rejected"
        }
    }

    static func review12(state: String?, approved: Bool) -> ReviewStatus {
        if approved { return .approved }
        switch state {
        case nil, "translated": return .translated
        case "signed-off": return .reviewed
        case "final": return .approved
        case "x-rejected": return .rejected
        default: return .unreviewed
        }
    }
}
