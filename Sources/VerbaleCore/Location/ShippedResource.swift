import Foundation

/// Finds a file a target ships in its SwiftPM resource bundle, without trapping.
///
/// Why not `Bundle.module`: SwiftPM's generated accessor calls `fatalError` when the
/// `<Package>_<Target>.resources` bundle is missing (an executable copied on its own, a
/// stripped install), so a caller could never report the problem. This looks in the places
/// SwiftPM puts the bundle — beside the executable and the test runner, and up to two folders
/// above — then in the source tree the target was compiled from, and answers nil.
/// Cost: a handful of `stat` calls per lookup; callers cache what they load.
public struct ShippedResource: Sendable, Equatable {
    /// The target's resource bundle as SwiftPM names it on Linux, e.g. `Verbale_VerbaleCore.resources`.
    public var bundleName: String
    /// The target's source folder (holding `Resources/`), the last place looked.
    public var sourceFolder: URL

    /// - Parameters:
    ///   - target: the SwiftPM target that ships the resources (`VerbaleCore`).
    ///   - sourceFolder: that target's folder in the source tree (`Sources/VerbaleCore`).
    public init(target: String, package: String = "Verbale", sourceFolder: URL) {
        bundleName = "\(package)_\(target).resources"
        self.sourceFolder = sourceFolder
    }

    /// VerbaleCore's own resources.
    public static let core = ShippedResource(
        target: "VerbaleCore",
        // Sources/VerbaleCore/Location/ShippedResource.swift → Sources/VerbaleCore
        sourceFolder: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent())

    /// Candidate folders that may hold `Resources/…`, most specific first.
    public var searchRoots: [URL] {
        var roots: [URL] = []
        var executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<3 {
            roots.append(executable.appendingPathComponent(bundleName))
            executable = executable.deletingLastPathComponent()
        }
        roots.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        roots.append(sourceFolder)
        return roots
    }

    /// The first readable `root/<relativePath>` over `searchRoots`; nil when none is.
    /// - Parameter relativePath: as the target's resources folder lays it out, e.g. `Resources/verbale.srx`.
    public func url(_ relativePath: String) -> URL? {
        Self.locate(relativePath, in: searchRoots)
    }

    /// The first readable `root/<relativePath>` over `roots`; nil when none is.
    public static func locate(_ relativePath: String, in roots: [URL]) -> URL? {
        roots.map { $0.appendingPathComponent(relativePath) }
            .first { FileManager.default.isReadableFile(atPath: $0.path) }
    }

    /// Where a missing file was looked for, for error messages.
    public func notFound(_ relativePath: String) -> String {
        "\(relativePath) not found in \(bundleName) beside the executable nor in \(sourceFolder.path)"
    }
}
