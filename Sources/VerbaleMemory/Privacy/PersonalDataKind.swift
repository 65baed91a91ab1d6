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

    /// `text` (a scrubbed identifier) made different from the ones `isTaken` names, by
    /// numbering its first placeholder: `{EMAIL}-17` → `{EMAIL2}-17`, then `{EMAIL3}-17`…
    /// (`{PERSON2}` → `{PERSON3}`). `text` itself when it is free or holds no placeholder.
    ///
    /// Why: an identifier must stay unique after scrubbing (a termbase's concept ids are its
    /// keys), and two ids that differed only in the personal data now read the same; a
    /// numbered placeholder is the form scrubbed texts already use for a second value, and
    /// reads back unchanged when the scrubbed file is exported and imported again.
    public static func distinctPlaceholders(in text: String, isTaken: (String) -> Bool) -> String {
        guard isTaken(text) else { return text }
        for kind in allCases {
            for number in [nil] + (2...99).map(Optional.some) {
                let placeholder = kind.placeholder(number: number)
                guard let range = text.range(of: placeholder) else { continue }
                var next = (number ?? 1) + 1
                while next < 10_000 {
                    let candidate = text.replacingCharacters(in: range, with: kind.placeholder(number: next))
                    if !isTaken(candidate) { return candidate }
                    next += 1
                }
            }
        }
        return text
    }
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

extension PersonalDataScrubber {
    /// A set of kinds held as bits, for the kinds `scrubFreeText` has looked for in the variant
    /// texts. Why not `Set<PersonalDataKind>`: every unit with an origin built
    /// `Set(PersonalDataKind.allCases)`, hashing six strings — about 3,000 instructions a unit,
    /// 1 % of an import's (callgrind, 20,000 units, 30 Nov); this is one byte.
    struct KindSet: Equatable {
        private var bits: UInt8 = 0

        /// Every kind.
        static let all: KindSet = {
            var set = KindSet()
            for kind in PersonalDataKind.allCases { _ = set.insert(kind) }
            return set
        }()

        /// Adds `kind`; whether it was absent (as `Set.insert(_:).inserted`).
        mutating func insert(_ kind: PersonalDataKind) -> (inserted: Bool, memberAfterInsert: PersonalDataKind) {
            let bit = Self.bit(kind)
            defer { bits |= bit }
            return (bits & bit == 0, kind)
        }

        func contains(_ kind: PersonalDataKind) -> Bool { bits & Self.bit(kind) != 0 }

        private static func bit(_ kind: PersonalDataKind) -> UInt8 {
            switch kind {
            case .person: 1
            case .email: 2
            case .phone: 4
            case .passport: 8
            case .idNumber: 16
            case .dateOfBirth: 32
            }
        }
    }
}
