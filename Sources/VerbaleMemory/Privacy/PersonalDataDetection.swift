import Foundation

/// One piece of personal data found in a text, without replacing it: what `verbale check`
/// reports, found by the same patterns the import scrubs with (one detector, so a note that
/// passes `check` holds nothing the import would have to remove, and vice versa).
public struct PersonalDataSpan: Sendable, Hashable {
    public var kind: PersonalDataKind
    /// The span in UTF-16 offsets into the text (Foundation's unit; callers convert).
    public var utf16Range: Range<Int>

    /// How a finding names the kind: "a person's name", "a telephone number"…
    public var description: String {
        switch kind {
        case .person: "a person's name"
        case .email: "an e-mail address"
        case .phone: "a telephone number"
        case .passport: "a passport number"
        case .idNumber: "an identity document number"
        case .dateOfBirth: "a date of birth"
        }
    }
}

extension PersonalDataScrubber {
    /// The personal data in `text`, in order and without overlaps. Cost: as `scrub` — one
    /// byte pass, then ICU regular expressions only for texts that can match.
    public func detect(in text: String) -> [PersonalDataSpan] {
        spans(in: text).map { PersonalDataSpan(kind: $0.kind, utf16Range: $0.range.location..<($0.range.location + $0.range.length)) }
    }
}
