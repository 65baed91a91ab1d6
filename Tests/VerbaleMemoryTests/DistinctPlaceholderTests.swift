import Testing
import VerbaleMemory

/// `PersonalDataKind.distinctPlaceholders`: a scrubbed identifier kept apart from the ones
/// already taken by numbering its placeholder (concept ids of one termbase are its keys).
@Suite("Scrubbed identifiers kept distinct")
struct DistinctPlaceholderTests {
    @Test("A free id is kept; a taken one gets the next free number of its first placeholder; no placeholder, no change")
    func numbering() {
        let taken: Set<String> = ["{EMAIL}-17", "{EMAIL2}-17", "{PERSON2}_visa", "plain"]
        #expect(PersonalDataKind.distinctPlaceholders(in: "{EMAIL}-18") { taken.contains($0) } == "{EMAIL}-18")
        #expect(PersonalDataKind.distinctPlaceholders(in: "{EMAIL}-17") { taken.contains($0) } == "{EMAIL3}-17")
        #expect(PersonalDataKind.distinctPlaceholders(in: "{PERSON2}_visa") { taken.contains($0) } == "{PERSON3}_visa")
        #expect(PersonalDataKind.distinctPlaceholders(in: "plain") { taken.contains($0) } == "plain")
        // Khmer around the placeholder is kept as it is.
        let khmer = "ស្ថានទូត-{EMAIL}"
        #expect(PersonalDataKind.distinctPlaceholders(in: khmer) { $0 == khmer } == "ស្ថានទូត-{EMAIL2}")
    }
}
