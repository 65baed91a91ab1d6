import Foundation

/// Verbale's shipped rules, `Resources/verbale.srx`, read from VerbaleCore's resources once.
///
/// They are data, not code: users copy the file, edit it and pass it with `--rules`. Found with
/// `ShippedResource` rather than `Bundle.module`, which traps when the resource bundle is
/// missing. There is deliberately no fallback to ICU-only segmentation: without the file,
/// segmenting throws `SRXError.missingDefaultRules`, naming the file, so the CLI says so.
public enum DefaultSegmentationRules {
    /// The shipped SRX document (parsed once per process; O(file size) the first time).
    public static func document() throws(SRXError) -> SRXDocument {
        try cached.get()
    }

    /// Where the shipped file is, for `--help` and documentation.
    public static var url: URL? { ShippedResource.core.url(relativePath) }

    /// The file's path inside VerbaleCore's resources.
    public static let relativePath = "Resources/verbale.srx"

    private static let cached: Result<SRXDocument, SRXError> = load(from: url)

    /// Reads and parses the rules at `url`; nil (not found) is `missingDefaultRules` saying
    /// where it was looked for. Internal so tests can inject a missing path.
    static func load(from url: URL?, resource: ShippedResource = .core) -> Result<SRXDocument, SRXError> {
        guard let url else { return .failure(.missingDefaultRules(reason: resource.notFound(relativePath))) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            return .failure(.missingDefaultRules(reason: "\(url.path): \(error.localizedDescription)"))
        }
        do throws(SRXError) { return .success(try SRXDocument(data: data, name: url.path)) } catch {
            return .failure(error)
        }
    }
}
