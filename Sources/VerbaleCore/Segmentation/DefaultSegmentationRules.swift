import Foundation

/// Verbale's shipped rules, `Resources/verbale.srx`, read from the package bundle once.
///
/// They are data, not code: users copy the file, edit it and pass it with `--rules`.
public enum DefaultSegmentationRules {
    /// The shipped SRX document (parsed once per process; O(file size) the first time).
    public static func document() throws(SRXError) -> SRXDocument {
        try cached.get()
    }

    /// Where the shipped file is, for `--help` and documentation.
    public static var url: URL? { Bundle.module.url(forResource: "verbale", withExtension: "srx", subdirectory: "Resources") }

    private static let cached: Result<SRXDocument, SRXError> = {
        guard let url else { return .failure(.missingDefaultRules(reason: "Resources/verbale.srx is not in the VerbaleCore bundle")) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            return .failure(.missingDefaultRules(reason: "\(url.path): \(error.localizedDescription)"))
        }
        do throws(SRXError) { return .success(try SRXDocument(data: data, name: url.path)) } catch {
            return .failure(error)
        }
    }()
}
