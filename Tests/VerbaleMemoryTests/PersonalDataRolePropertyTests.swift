import Testing
@testable import VerbaleMemory

/// `PersonalDataScrubber.roleProperty` answers from a dictionary built once; these tests hold it
/// to the linear search it replaced (each label lower-cased, with and without spaces, first
/// label wins) on every label's own forms and on the ways CAT tools write property types.
@Suite("Personal data: role-typed properties found by one dictionary probe")
struct PersonalDataRolePropertyTests {
    /// The search `roleProperty` made before: every label rewritten at every call.
    static func reference(_ type: String) -> String? {
        var key = type.lowercased()
        if key.hasPrefix("x-") { key = String(key.dropFirst(2)) }
        key = key.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return PersonalDataScrubber.latinRoleLabels.first { $0.lowercased() == key || $0.lowercased().replacingOccurrences(of: " ", with: "") == key }
    }

    @Test("Every label, written as CAT tools write property types, finds the label the linear search found")
    func sameAsLinearSearch() {
        var types: [String] = ["x-translator", "x-Reviewer", "x-contact-person", "x-contact_person", "translator", "X-TRANSLATOR",
                               "x-", "", "x-note", "x-origin", "x-review", "creationid", "x-translated-by", "x-translatedby", "x- translator"]
        for label in PersonalDataScrubber.latinRoleLabels {
            let lowered = label.lowercased()
            types += [label, lowered, label.uppercased(), "x-" + lowered, "x-" + lowered.replacingOccurrences(of: " ", with: "-"),
                      "x-" + lowered.replacingOccurrences(of: " ", with: "_"), lowered.replacingOccurrences(of: " ", with: ""),
                      "x-" + lowered.replacingOccurrences(of: " ", with: ""), lowered + "s", "x-" + lowered + "-x"]
        }
        #expect(types.count > 100)
        for type in types {
            #expect(PersonalDataScrubber.roleProperty(type) == Self.reference(type), "\(type)")
        }
        #expect(PersonalDataScrubber.roleProperty("x-translator") != nil)
        #expect(PersonalDataScrubber.roleProperty("x-origin") == nil)
    }
}
