import Foundation
import Testing
@testable import VerbaleCore

@Suite("Shipped resources are found without Bundle.module")
struct ShippedResourceTests {
    @Test("the shipped SRX rules and Khmer model are found in the test environment")
    func foundInTests() throws {
        let rules = try #require(DefaultSegmentationRules.url)
        #expect(rules.lastPathComponent == "verbale.srx")
        let model = try #require(ShippedResource.core.url(KhmerBoundaryModel.relativePath))
        #expect(model.lastPathComponent == "khmer-word-boundaries.tsv")
        #expect(KhmerBoundaryModel.shipped != nil)
        #expect(ShippedResource.core.bundleName == "Verbale_VerbaleCore.resources")
    }

    @Test("a missing file is nil, not a trap")
    func missingIsNil() {
        let nowhere = [URL(fileURLWithPath: "/nonexistent/verbale-\(UUID().uuidString)")]
        #expect(ShippedResource.locate(DefaultSegmentationRules.relativePath, in: nowhere) == nil)
        #expect(ShippedResource.core.url("Resources/no-such-file.srx") == nil)
    }

    @Test("missing default rules give an error that names the file and where it was looked for")
    func missingRulesError() {
        let resource = ShippedResource(target: "VerbaleCore", sourceFolder: URL(fileURLWithPath: "/nonexistent/Sources/VerbaleCore"))
        let result = DefaultSegmentationRules.load(from: nil, resource: resource)
        guard case let .failure(error) = result else { Issue.record("expected a failure"); return }
        guard case .missingDefaultRules = error else { Issue.record("expected missingDefaultRules, got \(error)"); return }
        let message = error.description
        #expect(message.contains("default segmentation rules"))
        #expect(message.contains("Resources/verbale.srx"))
        #expect(message.contains("Verbale_VerbaleCore.resources"))
        #expect(message.contains("/nonexistent/Sources/VerbaleCore"))
    }

    @Test("an unreadable rules path names that path")
    func unreadableRulesError() {
        let path = "/nonexistent/verbale-\(UUID().uuidString).srx"
        guard case let .failure(error) = DefaultSegmentationRules.load(from: URL(fileURLWithPath: path)) else {
            Issue.record("expected a failure"); return
        }
        #expect(error.description.contains(path))
    }

    @Test("a missing Khmer model gives an error naming the file")
    func missingModelError() {
        let resource = ShippedResource(target: "VerbaleCore", sourceFolder: URL(fileURLWithPath: "/nonexistent/src"))
        guard case let .failure(error) = KhmerBoundaryModel.load(from: nil, resource: resource) else {
            Issue.record("expected a failure"); return
        }
        #expect(error.description.contains("Khmer word-boundary model"))
        #expect(error.description.contains("Resources/khmer-word-boundaries.tsv"))
        #expect(error.description.contains("/nonexistent/src"))
    }

    @Test("a missing Khmer model is reported with where it was looked for and what happens instead")
    func missingModelReported() {
        // A bundle name no build produces, so only the (nonexistent) source folder is left.
        let stripped = ShippedResource(target: "VerbaleStripped", sourceFolder: URL(fileURLWithPath: "/nonexistent/src"))
        let missing = MissingResource.check(stripped, KhmerBoundaryModel.relativePath, consequence: "Khmer falls back")
        #expect(missing.count == 1)
        #expect(missing.first?.description.contains("Resources/khmer-word-boundaries.tsv") == true)
        #expect(missing.first?.description.contains("/nonexistent/src") == true)
        #expect(missing.first?.description.hasSuffix("Khmer falls back") == true)
        // The test environment is a complete install: nothing to warn about.
        #expect(MissingResource.core().isEmpty)
    }
}
