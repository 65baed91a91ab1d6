import VerbaleCore

/// The kinds of personal data import replaces, each by its own placeholder (`{PERSON}`…), so
/// a memory shared across a ministry keeps the sentence but not the person.
public enum PersonalDataKind: String, CaseIterable, Codable, Sendable, Comparable {
    case person = "PERSON"
    case email = "EMAIL"
    case phone = "PHONE"
    case passport = "PASSPORT"
    case idNumber = "ID_NUMBER"
    case dateOfBirth = "DATE_OF_BIRTH"

    /// `{PERSON}`, or `{PERSON2}` when a unit holds several values of the kind.
    public func placeholder(number: Int?) -> String {
        number.map { "{\(rawValue)\($0)}" } ?? "{\(rawValue)}"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One replacement made on import. The only place the original text survives is the
/// `--report` file written from these findings; the memory itself never holds it.
public struct PersonalDataFinding: Codable, Sendable, Equatable {
    /// The input file (or `<stdin>`).
    public var file: String
    /// Position of the unit in its file, from 1.
    public var unit: Int
    /// The unit's own id (TMX `tuid`), if any.
    public var unitID: String?
    public var language: String
    public var kind: PersonalDataKind
    public var placeholder: String
    /// The text that was replaced.
    public var original: String
    /// Where it was, in Unicode scalars of the original variant text.
    public var start: Int
    public var end: Int
    /// Where in the unit it was when not in a variant's text: `note`, `variant-note`,
    /// `property:TYPE`, `variant-property:TYPE`, `previous-context`, `next-context`. Absent
    /// (nil) for segment text.
    public var field: String? = nil
}
