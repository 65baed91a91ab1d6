import Foundation

/// The shipped resources that cannot be found, each with what the program does without it.
///
/// Why: the Khmer word-boundary model and the institution-name table have documented
/// fallbacks (ICU and rules alone; names left untranslated and marked), so a stripped install
/// would otherwise run quietly with worse Khmer. The CLI prints these once, on stderr, before
/// running a command. Cost: a handful of `stat` calls per resource; nothing is parsed, so a
/// command that never touches Khmer pays no model load for the check.
public struct MissingResource: Sendable, Equatable, CustomStringConvertible {
    /// The resource's path inside its target's resources, e.g. `Resources/khmer-word-boundaries.tsv`.
    public var relativePath: String
    /// Where it was looked for (`ShippedResource.notFound`).
    public var searched: String
    /// What the program does instead, in a user's words.
    public var consequence: String

    public init(relativePath: String, searched: String, consequence: String) {
        self.relativePath = relativePath
        self.searched = searched
        self.consequence = consequence
    }

    public var description: String { "\(searched); \(consequence)" }

    /// VerbaleCore's resources that have a fallback and are missing.
    public static func core() -> [MissingResource] {
        check(.core, KhmerBoundaryModel.relativePath,
              consequence: "Khmer words are cut with ICU's dictionary and Verbale's rules alone (boundary F1 about 0.93 instead of 0.95)")
    }

    /// `relativePath` in `resource` as a missing resource, or nothing when it is found.
    public static func check(_ resource: ShippedResource, _ relativePath: String, consequence: String) -> [MissingResource] {
        guard resource.url(relativePath) == nil else { return [] }
        return [MissingResource(relativePath: relativePath, searched: resource.notFound(relativePath), consequence: consequence)]
    }
}
