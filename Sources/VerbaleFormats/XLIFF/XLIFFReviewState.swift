import VerbaleCore

/// How XLIFF's workflow states map to Verbale's `ReviewStatus`.
///
/// XLIFF 2.0 `state` has four values (initial, translated, reviewed, final; `initial` when
/// absent, as the spec defaults it); Verbale writes `subState="verbale:<status>"` beside it so
/// the five statuses survive a round trip, and reads other tools' files from `state` alone.
/// XLIFF 1.2's `<target state>` values map needs-* and new to unreviewed, signed-off to
/// reviewed, final (or `approved="yes"`) to approved; a `state-qualifier` saying the text came
/// from a machine, a fuzzy match, a glossary or another leveraged source makes it unreviewed,
/// and `rejected-*` rejected, unless the state says a person signed it off.
///
/// What a segment shows is the lower of the unit's status and its target text's own
/// (`segment(_:target:)`): a shipped Khmer rendering inside a translated unit is unreviewed,
/// and a CAT tool must see it as `initial`, never as translated.
enum XLIFFReviewState {
    static let subStatePrefix = "verbale:"

    /// A Trados Studio segment's status from its `<sdl:seg conf>`: `Draft` unreviewed,
    /// `Translated` translated, `ApprovedTranslation` reviewed, `ApprovedSignOff` approved,
    /// `RejectedTranslation`/`RejectedSignOff` rejected; nil when absent or unknown
    /// (`Unspecified`), so the target's state decides (review 1130f m4: a draft was read as
    /// translated).
    static func sdlConfirmation(_ conf: String?) -> ReviewStatus? {
        switch conf {
        case "Draft": .unreviewed
        case "Translated": .translated
        case "ApprovedTranslation": .reviewed
        case "ApprovedSignOff": .approved
        case "RejectedTranslation", "RejectedSignOff": .rejected
        default: nil
        }
    }

    /// The status the segment (or 1.2 `<target>`) of `unit` shows: the lower of the unit's and
    /// `target`'s own `x-review` (the unit's when there is no target). Cost: O(target properties).
    static func segment(_ unit: TranslationUnit, target: Variant?) -> ReviewStatus {
        guard let target else { return unit.metadata.review }
        let own = target.review(in: unit)
        return own.trust < unit.metadata.review.trust ? own : unit.metadata.review
    }

    /// XLIFF 2.0's `state` values (the core schema's `stateType`).
    static let states2: [String] = ["initial", "translated", "reviewed", "final"]

    /// XLIFF 1.2's `state` values (`stateValueList`); a tool's own value starts with `x-`
    /// (`XTend`: `x-` and at least one more character, no white space).
    static let states12: [String] = [
        "new", "needs-translation", "needs-adaptation", "needs-l10n", "needs-review-translation",
        "needs-review-adaptation", "needs-review-l10n", "translated", "signed-off", "final",
    ]

    /// Nil when `state` is absent or one 2.0 allows; else the list the error quotes. Why an
    /// error and not a guess: `state="bogus"` was read as `translated` without a word (review
    /// 1130g m5), a status no one gave the segment.
    static func invalid2(_ state: String?) -> String? {
        guard let state, !states2.contains(state) else { return nil }
        return "XLIFF 2.0 allows " + states2.joined(separator: ", ")
    }

    /// Nil when `state` is absent, one of 1.2's or a tool's own `x-…`; else the list the error
    /// quotes (`state="bogus"` was read as unreviewed without a word).
    static func invalid12(_ state: String?) -> String? {
        guard let state, !states12.contains(state) else { return nil }
        if state.hasPrefix("x-"), state.count > 2, !state.unicodeScalars.contains(where: { $0.properties.isWhitespace }) { return nil }
        return "XLIFF 1.2 allows " + states12.joined(separator: ", ") + ", or a tool's own x-…"
    }

    static func state2(_ review: ReviewStatus) -> String {
        switch review {
        case .unreviewed, .rejected: "initial"
        case .translated: "translated"
        case .reviewed: "reviewed"
        case .approved: "final"
        }
    }

    /// A segment's status. Verbale's own `subState` counts only while it agrees with `state`:
    /// a CAT tool that moved the segment to `translated` may leave our subState behind.
    static func review2(state: String?, subState: String?) -> ReviewStatus {
        let state = state ?? "initial"
        if let subState, subState.hasPrefix(subStatePrefix),
           let review = ReviewStatus(rawValue: String(subState.dropFirst(subStatePrefix.count))),
           state2(review) == state {
            return review
        }
        switch state {
        case "initial": return .unreviewed
        case "reviewed": return .reviewed
        case "final": return .approved
        default: return .translated
        }
    }

    /// The `subState` (after `verbale:`) Verbale writes on a 2.0 target that is not a
    /// translation yet — a pre-translation with ⟦untranslated⟧ parts or a fuzzy match of
    /// another sentence (`XLIFFWriter.write(_:targetIsTranslation:)`); 1.2 says
    /// `needs-translation`.
    static let needsTranslation = "needs-translation"

    /// Whether a 2.0 segment's state says its target is not a translation: an explicit
    /// `initial` — the spec assumes a translation only in the three later states ("the three
    /// states more advanced than the default initial assume the existence of a Translation") —
    /// unless Verbale's own `subState` calls it an unreviewed or rejected translation (what
    /// `verbale export` writes for the shipped Khmer formulas). A segment without `state`
    /// says nothing either way and is read as before (unreviewed). Review 1130f m5.
    static func notTranslation2(state: String?, subState: String?) -> Bool {
        guard state == "initial" else { return false }
        guard let subState, subState.hasPrefix(subStatePrefix),
              let review = ReviewStatus(rawValue: String(subState.dropFirst(subStatePrefix.count))) else { return true }
        return state2(review) != "initial"
    }

    /// Whether a 1.2 `<target>`'s state says it is not a translation: `new` or
    /// `needs-translation` (the other `needs-*` states are translations to review or adapt),
    /// unless `approved="yes"` says a person approved it.
    static func notTranslation12(state: String?, approved: Bool) -> Bool {
        !approved && (state == "new" || state == needsTranslation)
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

    /// XLIFF 1.2 `state-qualifier` values (1.2 core, `state-qualifierValueList`) that say the
    /// target is a suggestion or was taken from elsewhere, not a confirmed translation.
    static let unconfirmedQualifiers: Set<String> = [
        "fuzzy-match", "leveraged-glossary", "leveraged-inherited", "leveraged-mt", "leveraged-repository",
        "leveraged-tm", "mt-suggestion", "tm-suggestion",
    ]

    /// The target text's own property that keeps its XLIFF 1.2 `state-qualifier` (`exact-match`,
    /// `leveraged-tm`, …), as `x-review` keeps its status: what the CAT tool said of where the
    /// text came from survives the memory, and TMX (`<prop>` in the `<tuv>`) and XLIFF 2.0
    /// (metadata) exports carry it. Why: it was read for the review status and then dropped, so
    /// a 1.2 round trip lost whether a translation was an exact match or machine output.
    static let qualifierProperty = "x-state-qualifier"

    /// Every `state-qualifier` value XLIFF 1.2 allows (xliff-core 1.2, `state-qualifier`:
    /// the `state-qualifierValueList`); a tool's own starts with `x-` (`XTend`, as for `state`).
    static let qualifiers12: Set<String> = unconfirmedQualifiers.union([
        "exact-match", "id-match", "rejected-grammar", "rejected-inaccurate", "rejected-length", "rejected-spelling",
    ])

    /// Whether a 1.2 export may write `value` as a `state-qualifier`: one of the spec's, or a
    /// tool's own `x-…` without white space. A value read from elsewhere (a TMX `<prop>`, a
    /// table) that is neither stays in the memory and in TMX/XLIFF 2.0, not in 1.2.
    static func isQualifier12(_ value: String) -> Bool {
        if qualifiers12.contains(value) { return true }
        return value.hasPrefix("x-") && value.count > 2 && !value.unicodeScalars.contains(where: { $0.properties.isWhitespace })
    }

    static func review12(state: String?, qualifier: String? = nil, approved: Bool) -> ReviewStatus {
        if approved { return .approved }
        let review: ReviewStatus
        switch state {
        case nil, "translated": review = .translated
        case "signed-off": return .reviewed
        case "final": return .approved
        case "x-rejected": return .rejected
        default: review = .unreviewed
        }
        guard let qualifier else { return review }
        if qualifier.hasPrefix("rejected-") { return .rejected }
        return unconfirmedQualifiers.contains(qualifier) ? .unreviewed : review
    }
}
